package consolidate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// Errors that a Problem wraps, for errors.Is. A Problem may also wrap a
// sentinel of package unified, such as unified.ErrContra for a member's
// positive figure on a contra row, or of package segment, such as
// segment.ErrSyntax for a file of eliminations. ErrUnbalanced, ErrLink,
// ErrTotal and ErrRounding are for a program to act on: the figures, not
// the input, are wrong; the others classify a problem whose message says
// what is wrong. All but ErrScope, ErrLink, ErrTotal and ErrRounding are
// the module's own: every package's sentinel of the same name is the same
// value, so that errors.Is finds them in an error that another package
// passes on.
var (
	// ErrSyntax means text that cannot be read: a file that is not CSV,
	// a line with the wrong number of fields, a type, method, ratio,
	// share, amount or flag that is not one.
	ErrSyntax = errs.ErrSyntax
	// ErrEncoding means a file in neither UTF-8 nor CP932.
	ErrEncoding = errs.ErrEncoding
	// ErrUnknown means a name that is not known: a line's row, statement,
	// column or member, a member's type or investor, a side, a column of
	// members.csv, or a file of a consolidation's directory.
	ErrUnknown = errs.ErrUnknown
	// ErrMissing means something required that is not there: the
	// consolidation, its members, a member's name, book or statement, the
	// 出資割合 a 第三セクター等 is consolidated by, an elimination's lines,
	// the member of a line on a row where only 比例連結 members have
	// figures, a file.
	ErrMissing = errs.ErrMissing
	// ErrDuplicate means a name given twice: a member, or a column of the
	// 精算表.
	ErrDuplicate = errs.ErrDuplicate
	// ErrRange means a figure out of its range: an amount that is not
	// positive, a ratio or share not above 0 and below (or at most) 1, a
	// method that is not one, an elimination that takes more from a
	// member's figure than it has, an investment beyond the investor's
	// 出資金, lines against members at different ratios, eliminations that
	// take a figure of the 単純合算 past 0.
	ErrRange = errs.ErrRange
	// ErrScope means a consolidation of a scope that consolidates
	// nothing, or a member that its scope does not take, or takes by
	// another method than the one given without an Override saying why.
	ErrScope = errors.New("not of the scope")
	// ErrForm means a member's statement that is not on its scope's form.
	ErrForm = errs.ErrForm
	// ErrUnbalanced means an elimination that, applied alone, breaks a
	// link of its scope: on the 貸借対照表, debits that differ from
	// credits; elsewhere, a change that the statements it flows into do
	// not follow.
	ErrUnbalanced = errs.ErrUnbalanced
	// ErrLink means statements that break a link of their scope: a
	// member's own, or the consolidated ones.
	ErrLink = errors.New("link broken")
	// ErrTotal means a member's statement with a printed total or
	// computed cell that its items do not give, as a statement read from
	// a file may have.
	ErrTotal = errors.New("total broken")
	// ErrRounding means the figures of a 比例連結 member that, each rounded
	// to 円 at its ratio, break a link of the scope that no allotment of
	// the rounding remainder mends: the link has no figure left to take
	// it.
	ErrRounding = errors.New("rounding breaks a link")
)

// An Error lists every problem found in one source.
type Error struct {
	Source   string    // the file read, if any
	Problems []Problem // at least one
}

// Error returns the source and every problem, separated by semicolons: at
// most the first ten, and how many more there are.
func (e *Error) Error() string {
	return problem.List("consolidate", e.Source, len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns each Problem, so that errors.Is finds each sentinel.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// A Problem is one thing wrong, at one place: as far as known, the line of
// the file read, the member, the elimination, the statement (a form id or
// title), the row and the column.
type Problem struct {
	Line        int    // 1-based line in the Error's Source; 0 when not read from text
	Member      string // the member's Name
	Elimination string // the elimination's Name, or its 1-based position
	Statement   string // a form id, or a statement's title
	Row         string // a row's key or label
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
	if p.Line > 0 {
		parts = append([]string{fmt.Sprintf("line %d", p.Line)}, parts...)
	}
	return strings.Join(append(parts, fmt.Sprint(p.Err)), ": ")
}

// Unwrap returns Err.
func (p Problem) Unwrap() error { return p.Err }
