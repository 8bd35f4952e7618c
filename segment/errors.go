package segment

import (
	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
)

// Errors that a Problem wraps, for errors.Is. The message of each Problem
// gives the detail. They are the module's own: every package's sentinel
// of the same name is the same value, so that errors.Is finds them in an
// error that another package passes on.
var (
	// ErrSyntax means text that cannot be read: CSV that is not well
	// formed, a line with the wrong number of fields, a side that is none
	// of 借方, 貸方 and 差額, a kind, or an amount.
	ErrSyntax = errs.ErrSyntax
	// ErrRange means an amount that is not positive or that must be left
	// to be derived, a segment's Ratio that is not above 0 and at most 1,
	// or an elimination against segments at different ratios.
	ErrRange = errs.ErrRange
	// ErrUnknown means a name that is not known: a header column, the
	// consolidated Column, a line's row that is not an item row bound to
	// an account of the chart, its statement, column or segment, an
	// inter-segment row the form lacks, or a side.
	ErrUnknown = errs.ErrUnknown
	// ErrDuplicate means a name given twice: a segment or a header
	// column; or a second 差額 line of an elimination.
	ErrDuplicate = errs.ErrDuplicate
	// ErrMissing means something required that is not there: the form,
	// the segments, the chart, a segment's name or statement, a header or
	// one of its columns, a line's elimination or row, or a segment's
	// cell.
	ErrMissing = errs.ErrMissing
	// ErrEncoding means input that is neither UTF-8 nor CP932.
	ErrEncoding = errs.ErrEncoding
	// ErrUnbalanced means an elimination whose debits and credits differ,
	// or an inter-segment row (他事業勘定) that does not net to zero across
	// the segments.
	ErrUnbalanced = errs.ErrUnbalanced
	// ErrForm means a form that cannot be consolidated: the table's own
	// form is invalid, or a segment's statement is not built on it.
	ErrForm = errs.ErrForm
)

// An Error lists every problem found in one source.
type Error struct {
	Source   string // the file or stream read, or the table's form, if known
	Problems []Problem
}

// Error returns the source and every problem, separated by semicolons:
// segment: eliminations.csv: line 3: "x": column "side": invalid syntax: "左" is none of 借方, 貸方 and 差額.
func (e *Error) Error() string {
	return problem.List("segment", e.Source, len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns each Problem, so that errors.Is finds each sentinel.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// A Problem is one thing wrong, at one place.
type Problem struct {
	Line   int    // 1-based line in the source; 0 when not read from text
	Row    string // the elimination, segment or row it concerns, if any
	Column string // the column or field, if any
	Err    error  // wraps one of the package's sentinels
}

// Error returns the place, as far as it is known, and what is wrong. Names
// are quoted up to 64 bytes.
func (p Problem) Error() string {
	return problem.Message(p.Line, "", p.Row, p.Column, p.Err)
}

// Unwrap returns Err.
func (p Problem) Unwrap() error { return p.Err }

// errorOf returns the problems as an *Error of source, or nil if there are
// none.
func errorOf(source string, problems []Problem) error {
	if len(problems) == 0 {
		return nil
	}
	return &Error{Source: source, Problems: problems}
}
