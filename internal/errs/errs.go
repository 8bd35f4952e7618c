// Package errs holds the conditions that more than one package of the
// module reports. Each package exports its sentinel for such a condition
// as an alias of the one value here, so that a condition raised in one
// package and passed on by another is the same error, and errors.Is works
// across the module: format.ErrSyntax, era.ErrSyntax and
// statement.ErrSyntax are one value. A condition that only one package
// reports, such as era.ErrOutsideEra, stays that package's own.
package errs

import "errors"

// The conditions, in the words of their messages. Each is wrapped with
// the detail of what was wrong and where.
var (
	ErrSyntax     = errors.New("invalid syntax")     // text that cannot be read as what it should be
	ErrRange      = errors.New("value out of range") // a value beyond what it may be
	ErrUnknown    = errors.New("unknown")            // a name that is not known
	ErrDuplicate  = errors.New("duplicate")          // something given twice
	ErrMissing    = errors.New("missing")            // something required that is not there
	ErrCycle      = errors.New("cycle")              // something that depends on itself
	ErrEncoding   = errors.New("encoding")           // text in neither UTF-8 nor CP932, or that an output encoding lacks
	ErrForm       = errors.New("not the form")       // a statement not on the form it must be on
	ErrUnbalanced = errors.New("unbalanced")         // debits and credits, or accounts that should net to zero, that differ
)
