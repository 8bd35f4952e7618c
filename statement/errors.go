package statement

import (
	"errors"
	"fmt"

	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// The errors that a Problem or a ParseError wraps, for errors.Is. Each is
// wrapped with the detail of what was wrong. All but ErrMismatch and
// ErrOutline are the module's own: every package's sentinel of the same
// name is the same value, so that errors.Is finds them in an error that
// another package passes on, such as the format.ErrSyntax of a figure
// that ReadCSV cannot read.
var (
	// ErrSyntax reports text that is not what it should be: a formula, a
	// row kind, a column spec, a number.
	ErrSyntax = errs.ErrSyntax
	// ErrRange reports a value out of its range, such as a negative indent.
	ErrRange = errs.ErrRange
	// ErrUnknown reports a name the form or the input does not have: a
	// row, a column, a key in a formula, an account code, a CSV column.
	ErrUnknown = errs.ErrUnknown
	// ErrDuplicate reports something given twice: a key, a column, a
	// figure, a term of a formula; or a label that names several rows
	// where one is meant.
	ErrDuplicate = errs.ErrDuplicate
	// ErrCycle reports a row or column that depends on itself.
	ErrCycle = errs.ErrCycle
	// ErrMissing reports something required that is absent: a figure, a
	// row, a formula, a header line.
	ErrMissing = errs.ErrMissing
	// ErrMismatch reports input that contradicts the form: a label on the
	// wrong line, a figure on a header row or a computed cell, a file of
	// another form or unit.
	ErrMismatch = errors.New("does not match the form")
	// ErrOutline reports a form whose formulas contradict its outline: an
	// item that no total reaches, or a total that counts a row twice, once
	// directly and once through another term. Validate reports it; Build
	// accepts such forms, since a statement may print memo lines.
	ErrOutline = errors.New("does not follow the outline")
	// ErrEncoding reports input that is neither UTF-8 nor CP932, or text
	// that an output encoding cannot represent.
	ErrEncoding = errs.ErrEncoding
)

// A Problem is one thing wrong, at one place.
type Problem struct {
	Line   int    // 1-based line in the source; 0 when not read from text
	Row    string // the row it concerns, by key or label, if any
	Column string // the column or field it concerns, if any
	// Cell is the cell of a worksheet it concerns, such as 貸借対照表!C12,
	// or the sheet alone; "" when not read from a workbook (see Grid).
	Cell string
	Err  error // wraps one of the package's Err values
}

// Error returns the problem with its cell or line, row and column.
func (p Problem) Error() string {
	msg := problem.Message(p.Line, "row", p.Row, p.Column, p.Err)
	if p.Cell != "" {
		return p.Cell + ": " + msg
	}
	return msg
}

// Unwrap returns the problem's error.
func (p Problem) Unwrap() error { return p.Err }

// An Error lists every problem found in one source: a form, the figures
// given to Build, or a file read.
type Error struct {
	Source   string // the file or stream read, or the form; "" if not known
	Problems []Problem
}

// Error lists the problems, separated by semicolons: at most the first ten,
// and how many more there are.
func (e *Error) Error() string {
	return problem.List("statement", e.Source, len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns the problems, so that errors.Is finds each one's error.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// problems collects Problems for one source.
type problems struct {
	source string
	list   []Problem
}

func (ps *problems) add(line int, row, column string, err error) {
	ps.list = append(ps.list, Problem{Line: line, Row: row, Column: column, Err: err})
}

func (ps *problems) addf(line int, row, column string, sentinel error, format string, args ...any) {
	ps.add(line, row, column, fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...))
}

// err returns the problems as an *Error, or nil if there are none.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &Error{Source: ps.source, Problems: ps.list}
}

// readError turns an error of the CSV layer into an *Error of source.
func readError(source string, err error) error {
	return &Error{Source: source, Problems: []Problem{csvProblem(err)}}
}

// csvProblem returns an error of the CSV layer as a problem, with the line
// and column it names.
func csvProblem(err error) Problem {
	line, column, cause := csvio.Place(err)
	return Problem{Line: line, Column: column, Err: cause}
}

// A ParseError reports text that a Parse function cannot read.
type ParseError struct {
	Input  string // the text given
	Offset int    // the byte offset in Input of the problem
	Reason string // what is wrong
	Err    error  // ErrSyntax, ErrRange or ErrDuplicate
}

// Error returns the message, quoting at most 64 bytes of the input.
func (e *ParseError) Error() string {
	return fmt.Sprintf("statement: parsing %s: %s", quote.Bounded(e.Input), e.Reason)
}

// Unwrap returns e.Err.
func (e *ParseError) Unwrap() error { return e.Err }

func rowName(key, label string) string {
	if key != "" {
		return key
	}
	return label
}
