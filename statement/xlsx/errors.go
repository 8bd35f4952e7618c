package xlsx

import (
	"errors"

	"github.com/koukaikei/koukaikei/internal/problem"
)

// The errors that a Problem wraps, for errors.Is.
var (
	// ErrWorkbook reports input that is not a workbook this package reads:
	// not an xlsx file, encrypted, or larger unpacked than MaxUnpacked.
	ErrWorkbook = errors.New("not a workbook")
	// ErrNoValue reports a formula for which the workbook stores no
	// value: a workbook saved by a program that does not compute
	// formulas. Open and save it in a spreadsheet program first.
	ErrNoValue = errors.New("formula without a stored value")
	// ErrValue reports a cell that holds an error value, such as #REF! or
	// #DIV/0!, or a logical value (TRUE, FALSE), which no statement prints,
	// or a date shown as digits alone, which would read as a figure.
	ErrValue = errors.New("error value")
	// ErrWrite reports a statement that cannot be written: text that is
	// not valid UTF-8, or what the workbook format refuses.
	ErrWrite = errors.New("cannot be written")
)

// A Problem is one thing wrong, at one sheet or cell.
type Problem struct {
	Cell string // the cell, such as 貸借対照表!C12, or the sheet; "" for the whole workbook
	Err  error  // wraps one of the package's Err values
}

// Error returns the problem with its cell.
func (p Problem) Error() string {
	if p.Cell == "" {
		return p.Err.Error()
	}
	return p.Cell + ": " + p.Err.Error()
}

// Unwrap returns the problem's error.
func (p Problem) Unwrap() error { return p.Err }

// An Error lists every problem found in one workbook.
type Error struct {
	Source   string // the file read or written; "" if not known
	Problems []Problem
}

// Error lists the problems, separated by semicolons: at most the first ten,
// and how many more there are.
func (e *Error) Error() string {
	return problem.List("xlsx", e.Source, len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns the problems, so that errors.Is finds each one's error.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }
