package consolidate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// Errors that a Problem wraps, for errors.Is. ErrUnbalanced and ErrLink
// are for a program to act on: the figures, not the input, are wrong; the
// others classify a problem whose message says what is wrong. All but
// ErrScope and ErrLink are the module's own: every package's sentinel of
// the same name is the same value, so that errors.Is finds them in an
// error that another package passes on.
var (
	// ErrUnknown means an account of an elimination that is bound to no
	// item row of the scope's forms, a column, or a side.
	ErrUnknown = errs.ErrUnknown
	// ErrMissing means something required that is not there: the
	// consolidation, its members, a member's name, book or statement, an
	// elimination's lines.
	ErrMissing = errs.ErrMissing
	// ErrDuplicate means a member named twice.
	ErrDuplicate = errs.ErrDuplicate
	// ErrRange means an amount that is not positive, or a ratio or method
	// that is not one of the consolidation's.
	ErrRange = errs.ErrRange
	// ErrScope means a consolidation of a scope that consolidates
	// nothing, or a member that its scope does not take.
	ErrScope = errors.New("not of the scope")
	// ErrForm means a member's statement that is not on its scope's form.
	ErrForm = errs.ErrForm
	// ErrUnbalanced means an elimination that, applied alone, breaks a
	// link of its scope: on the 貸借対照表, debits that differ from
	// credits; elsewhere, a change that the statements it flows into do
	// not follow.
	ErrUnbalanced = errs.ErrUnbalanced
	// ErrLink means statements that break a link of their scope: a
	// member's own, or the consolidated ones, as the rounding of a
	// 比例連結 member can.
	ErrLink = errors.New("link broken")
)

// An Error lists every problem found.
type Error struct {
	Problems []Problem // at least one
}

// Error returns every problem, separated by semicolons: at most the
// first ten, and how many more there are.
func (e *Error) Error() string {
	return problem.List("consolidate", "", len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns each Problem, so that errors.Is finds each sentinel.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// A Problem is one thing wrong, at one place: as far as known, the member,
// the elimination, the statement (a form id or title), the row and the
// column.
type Problem struct {
	Member      string // the member's Name
	Elimination string // the elimination's Name, or its 1-based position
	Statement   string // a form id, or a statement's title
	Row         string // a row's key, or an account's code
	Column      string // a column's name
	Err         error  // wraps one of the package's sentinels
}

// Error returns the place and what is wrong. Names are quoted up to 64
// bytes.
func (p Problem) Error() string {
	var parts []string
	for _, x := range []struct{ what, name string }{
		{"member", p.Member}, {"elimination", p.Elimination}, {"statement", p.Statement}, {"row", p.Row}, {"column", p.Column},
	} {
		if x.name != "" {
			parts = append(parts, x.what+" "+quote.Bounded(x.name))
		}
	}
	return strings.Join(append(parts, fmt.Sprint(p.Err)), ": ")
}

// Unwrap returns Err.
func (p Problem) Unwrap() error { return p.Err }
