// Package problem writes the messages of the error types that account,
// statement and segment share in shape: an Error listing the Problems
// found in one source, each at a line, a row and a column.
package problem

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/internal/quote"
)

// MaxListed bounds the problems a message lists: a file with a million
// bad lines must not make a message of a million lines.
const MaxListed = 10

// Message returns a problem's message: its place, then err, as in
// line 3: account "1110": column "parent": unknown parent "9999". noun
// names what the row is (account, row); the parts that are zero are left
// out.
func Message(line int, noun, row, column string, err error) string {
	var b strings.Builder
	if line > 0 {
		fmt.Fprintf(&b, "line %d: ", line)
	}
	if row != "" {
		if noun != "" {
			b.WriteString(noun + " ")
		}
		b.WriteString(quote.Bounded(row) + ": ")
	}
	if column != "" {
		b.WriteString("column " + quote.Bounded(column) + ": ")
	}
	if err != nil {
		b.WriteString(err.Error())
	}
	return b.String()
}

// List returns the message of an Error of package pkg: the source, then
// the messages of its n problems separated by semicolons, at most
// MaxListed of them and how many more there are.
func List(pkg, source string, n int, message func(i int) string) string {
	var b strings.Builder
	b.WriteString(pkg + ": ")
	if source != "" {
		b.WriteString(source + ": ")
	}
	for i := range n {
		if i == MaxListed {
			fmt.Fprintf(&b, "; and %d more", n-i)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(message(i))
	}
	return b.String()
}

// Errors returns problems as errors, for an Error's Unwrap.
func Errors[P error](problems []P) []error {
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = p
	}
	return errs
}
