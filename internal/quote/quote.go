// Package quote quotes input for error messages, so that a bad cell of
// megabytes gives an error of a line.
package quote

import (
	"strconv"
	"unicode/utf8"
)

// Max is the most bytes of input that a message quotes.
const Max = 64

// Bounded returns s quoted as strconv.Quote does, cut after at most Max
// bytes at a rune boundary and marked with … when it was cut.
func Bounded(s string) string {
	if len(s) <= Max {
		return strconv.Quote(s)
	}
	n := Max
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strconv.Quote(s[:n]) + "…"
}
