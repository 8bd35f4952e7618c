package ledger

import (
	"strings"

	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// ErrUnbalanced means totals that must agree and do not: the 借方 and
// 貸方 of a trial balance, or of a statement's columns in a worksheet. It
// is the module's own: journal.ErrUnbalanced and segment.ErrUnbalanced are
// the same value.
var ErrUnbalanced = errs.ErrUnbalanced

// An Error lists every problem found.
type Error struct {
	Problems []Problem // at least one
}

// Error returns every problem, separated by semicolons: the first ten, and
// how many more there are.
func (e *Error) Error() string {
	return problem.List("ledger", "", len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns each Problem, so that errors.Is finds each sentinel.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// A Problem is one thing wrong: in a table (合計残高試算表, 精算表) and, as
// far as known, a column of it.
type Problem struct {
	Table  string // such as 合計残高試算表
	Column string // such as 残高 or 貸借対照表
	Err    error  // wraps ErrUnbalanced
}

// Error returns the place and what is wrong.
func (p Problem) Error() string {
	var parts []string
	if p.Table != "" {
		parts = append(parts, p.Table)
	}
	if p.Column != "" {
		parts = append(parts, "column "+quote.Bounded(p.Column))
	}
	return strings.Join(append(parts, p.Err.Error()), ": ")
}

// Unwrap returns Err.
func (p Problem) Unwrap() error { return p.Err }
