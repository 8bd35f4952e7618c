package journal

import (
	"errors"
	"strconv"
	"strings"

	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
)

// Errors that a Problem wraps, for errors.Is. The message of each Problem
// gives the detail. All but ErrAmbiguous and ErrNotPosting are the
// module's own: every package's sentinel of the same name is the same
// value. ErrUnbalanced is the one for a program to act on: the figures,
// not the input, are wrong.
var (
	// ErrSyntax means text that cannot be read: CSV that is not well
	// formed, a line with the wrong number of fields, a date, an amount
	// that is not a number or not whole yen, a stage or a side.
	ErrSyntax = errs.ErrSyntax
	// ErrRange means a value outside what is allowed: an amount that is
	// not positive, a date outside the fiscal year and its 出納整理期間.
	ErrRange = errs.ErrRange
	// ErrUnknown means a name that is not known: an account, a header
	// column.
	ErrUnknown = errs.ErrUnknown
	// ErrAmbiguous means an account name that more than one account of
	// the chart bears; the message lists them.
	ErrAmbiguous = errors.New("ambiguous")
	// ErrNotPosting means an account that entries may not post to, such
	// as a group account with children.
	ErrNotPosting = errors.New("not a posting account")
	// ErrUnbalanced means an entry whose debits and credits differ.
	ErrUnbalanced = errs.ErrUnbalanced
	// ErrDuplicate means an entry id given to two entries, or a header
	// column given twice.
	ErrDuplicate = errs.ErrDuplicate
	// ErrMissing means something required that is not there: a chart, an
	// entry's id, date or lines, a line's account or amount, a header or
	// one of its columns.
	ErrMissing = errs.ErrMissing
	// ErrEncoding means input that is neither UTF-8 nor CP932.
	ErrEncoding = errs.ErrEncoding
)

// An Error lists every problem found.
type Error struct {
	Source   string // the file or stream read, if known and the same for every problem
	Problems []Problem
}

// Error returns the source and every problem, separated by semicolons:
// the first ten, and how many more there are.
func (e *Error) Error() string {
	return problem.List("journal", e.Source, len(e.Problems), func(i int) string {
		p := e.Problems[i]
		if p.Source != "" && p.Source != e.Source {
			return p.Source + ": " + p.Error()
		}
		return p.Error()
	})
}

// Unwrap returns each Problem, so that errors.Is finds each sentinel.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// A Problem is one thing wrong, at one place: as far as known, the file
// and line it was read from, the entry, and the field.
type Problem struct {
	Source string // the file an entry was read from; empty for entries made in code
	Line   int    // 1-based line in Source; 0 when not read from text
	Entry  string // the entry's id, if any
	// Index is, for an entry made in code, the 1-based position of the
	// line within the entry the problem concerns; 0 for the entry as a
	// whole or for entries read from text, which give Line instead.
	Index  int
	Column string // the field: a CSV column such as account or debit
	Err    error  // wraps one of the package's sentinels
}

// Error returns the problem with its place, as in
// line 3: entry "12": column "account": unknown account "建物X".
func (p Problem) Error() string {
	msg := problem.Message(p.Line, "entry", p.Entry, p.Column, p.Err)
	if p.Index > 0 {
		// The line of an entry made in code: after the entry, before the column.
		head := problem.Message(0, "entry", p.Entry, "", nil)
		msg = head + "line " + strconv.Itoa(p.Index) + " of the entry: " + strings.TrimPrefix(msg, head)
	}
	return msg
}

// Unwrap returns the problem's error.
func (p Problem) Unwrap() error { return p.Err }

// headerError returns the problems of a header line as an *Error of
// source.
func headerError(source string, bad []*csvio.Error) error {
	problems := make([]Problem, len(bad))
	for i, e := range bad {
		problems[i] = csvProblem(source, e)
	}
	return &Error{Source: source, Problems: problems}
}

// csvProblem returns the problem that an error of csvio reports.
func csvProblem(source string, err error) Problem {
	line, column, cause := csvio.Place(err)
	return Problem{Source: source, Line: line, Column: column, Err: cause}
}
