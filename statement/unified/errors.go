package unified

import (
	"errors"
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// Errors that a Problem wraps, for errors.Is. All but ErrContra are the
// module's own: every package's sentinel of the same name is the same
// value, so that errors.Is finds them in an error that another package
// passes on.
var (
	// ErrSyntax means text that cannot be read, such as a remark without
	// a confidence mark.
	ErrSyntax = errs.ErrSyntax
	// ErrUnknown means a form id that is not the standard's.
	ErrUnknown = errs.ErrUnknown
	// ErrMissing means something required that is not there: a book, a
	// statement.
	ErrMissing = errs.ErrMissing
	// ErrForm means a statement that is not on the form it must be on.
	ErrForm = errs.ErrForm
	// ErrContra means a positive figure on a row bound to a contra
	// account, whose figures are negative.
	ErrContra = errors.New("contra account with a positive figure")
)

// An Error lists every problem found.
type Error struct {
	Problems []Problem // at least one
}

// Error returns every problem, separated by semicolons: at most the
// first ten, and how many more there are.
func (e *Error) Error() string {
	return problem.List("unified", "", len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns each Problem, so that errors.Is finds each sentinel.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// A Problem is one thing wrong, at one place: as far as known, the
// statement (a form id or title), the row and the column.
type Problem struct {
	Statement string // a form id, or a statement's title
	Row       string // a row's key
	Column    string // a column's name
	Entry     string // the id of a journal entry, for problems of the books
	Err       error  // wraps one of the package's sentinels
}

// Error returns the place and what is wrong. Names are quoted up to 64
// bytes.
func (p Problem) Error() string {
	var parts []string
	for _, x := range []struct{ what, name string }{
		{"statement", p.Statement}, {"row", p.Row}, {"column", p.Column}, {"entry", p.Entry},
	} {
		if x.name != "" {
			parts = append(parts, x.what+" "+quote.Bounded(x.name))
		}
	}
	return strings.Join(append(parts, fmt.Sprint(p.Err)), ": ")
}

// Unwrap returns Err.
func (p Problem) Unwrap() error { return p.Err }
