package fixedasset

import (
	"errors"

	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
)

// Errors that a Problem wraps, for errors.Is; the wrapping message gives
// the detail, such as "useful life 120 over 100 years without a reason".
// All but ErrInconsistent are the module's own: every package's sentinel
// of the same name is the same value.
var (
	// ErrSyntax is text that cannot be read: malformed CSV, a line with
	// the wrong number of fields, an amount, a date or a number that is
	// not one.
	ErrSyntax = errs.ErrSyntax
	// ErrRange is a value outside what the rules allow: a negative or
	// fractional cost, a useful life under 2 years or over 100 without a
	// reason, a date outside the eras, a disposal before the acquisition.
	ErrRange = errs.ErrRange
	// ErrUnknown is a name the package does not know: an account, a
	// 耐用年数分類, a 行政目的, a header column.
	ErrUnknown = errs.ErrUnknown
	// ErrDuplicate is an id or a header column given twice.
	ErrDuplicate = errs.ErrDuplicate
	// ErrMissing is something required that is not there: an id, a name,
	// a useful life for an asset that is depreciated, a header column.
	ErrMissing = errs.ErrMissing
	// ErrInconsistent is fields that contradict each other: land with a
	// useful life, a sale price on an asset not sold, 財源 that do not add
	// up to the cost, a 建設仮勘定 transferred to an asset that is not
	// there.
	ErrInconsistent = errors.New("inconsistent")
	// ErrEncoding is text that is neither UTF-8 nor CP932.
	ErrEncoding = errs.ErrEncoding
)

// An Error lists every problem found in one source.
type Error struct {
	Source   string // the file or stream read, if known
	Problems []Problem
}

// Error lists the problems, separated by semicolons: the first ten, and
// how many more there are.
func (e *Error) Error() string {
	return problem.List("fixedasset", e.Source, len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns each problem, so that errors.Is finds each problem's
// sentinel.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// A Problem is one thing wrong, at one place.
type Problem struct {
	Line   int    // 1-based line in the source; 0 for assets given in code
	Asset  string // the asset's 番号, if known
	Column string // the CSV column (the register's field), if any
	Err    error  // wraps one of the package's sentinels
}

// Error returns the problem with its place, as in
// line 3: asset "B-1": column "耐用年数": useful life 0 out of range.
func (p Problem) Error() string {
	return problem.Message(p.Line, "asset", p.Asset, p.Column, p.Err)
}

// Unwrap returns the problem's error.
func (p Problem) Unwrap() error { return p.Err }
