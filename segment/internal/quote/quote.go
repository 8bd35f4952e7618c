// Package quote quotes input in error messages, at a bounded length, so that
// a huge bad cell does not make a huge error.
package quote

import (
	"strconv"
	"unicode/utf8"
)

// Max is the most bytes of an input that Bounded quotes.
const Max = 64

// Bounded returns s quoted as strconv.Quote quotes it, or, if s is longer
// than Max bytes, its longest prefix of at most Max bytes that ends at a rune
// boundary, quoted and followed by "…".
func Bounded(s string) string {
	if len(s) <= Max {
		return strconv.Quote(s)
	}
	cut := Max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}
