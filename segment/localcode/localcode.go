// Package localcode reads and checks the 全国地方公共団体コード: the six-digit
// codes (five digits and a check digit) by which 総務省 numbers the
// prefectures and municipalities, and which allocation tables are keyed by.
//
// Errors are a [*ParseError]: [ErrCheckDigit] for six digits whose last is
// not the check digit, a code mistyped, which a program may tell from
// [ErrSyntax], text that is no code at all (the module's own ErrSyntax).
//
// It does not know which codes are in use: a code with a valid check digit
// need not name a body.
package localcode

import (
	"errors"
	"fmt"

	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// A Code is a 全国地方公共団体コード: five digits that name a prefecture
// or municipality (two for the prefecture, three for the body), and a check
// digit. 011002 is 札幌市, 131016 千代田区.
type Code string

// Errors that a *ParseError wraps, for errors.Is. ErrSyntax is the
// module's own: every package's ErrSyntax is the same value.
var (
	// ErrSyntax means the text is not five or six digits.
	ErrSyntax = errs.ErrSyntax
	// ErrCheckDigit means six digits whose last is not the check digit of
	// the first five: a code mistyped, or a number that is no code.
	ErrCheckDigit = errors.New("wrong check digit")
)

// A ParseError reports a text that is not a 全国地方公共団体コード, and where.
// Its fields are named as those of format.ParseError and era.ParseError.
type ParseError struct {
	Input  string // the text, as given
	Offset int    // byte offset in Input where the problem was found
	Reason string // what is wrong, such as "not a digit"
	Err    error  // ErrSyntax or ErrCheckDigit
}

// Error returns the message: the input, quoted up to 64 bytes, the reason
// and the offset.
func (e *ParseError) Error() string {
	return fmt.Sprintf("localcode: parsing %s: %s at offset %d", quote.Bounded(e.Input), e.Reason, e.Offset)
}

// Unwrap returns ErrSyntax or ErrCheckDigit.
func (e *ParseError) Unwrap() error { return e.Err }

// CheckDigit returns the check digit of the five digits code5, by the rule of
// 総務省: the digits weighted 6, 5, 4, 3 and 2 are summed, and the check
// digit is (11 − sum mod 11) mod 10. So 47382 (与那国町), whose sum is a
// multiple of 11, has the check digit 1, where rules that map 10 and 11 to
// 0 would give 0. Text that is not five digits is a *ParseError wrapping
// ErrSyntax.
func CheckDigit(code5 string) (byte, error) {
	if err := digits(code5, 5, 5); err != nil {
		return 0, err
	}
	return checkDigit(code5), nil
}

func checkDigit(code5 string) byte {
	sum := 0
	for i := range 5 {
		sum += int(code5[i]-'0') * (6 - i)
	}
	return byte('0' + (11-sum%11)%10)
}

// Parse returns the six-digit code that s names: s is six digits whose last
// is the check digit of the first five, or five digits, to which the check
// digit is added. Any other text is a *ParseError, wrapping ErrCheckDigit
// for six digits with a wrong check digit and ErrSyntax otherwise.
func Parse(s string) (Code, error) {
	if err := digits(s, 5, 6); err != nil {
		return "", err
	}
	c := checkDigit(s[:5])
	switch {
	case len(s) == 5:
		return Code(s + string(c)), nil
	case s[5] != c:
		return "", &ParseError{Input: s, Offset: 5, Reason: fmt.Sprintf("check digit %c, should be %c", s[5], c), Err: ErrCheckDigit}
	}
	return Code(s), nil
}

// Prefecture returns the code's first two digits, the prefecture's number
// (01 北海道 … 47 沖縄県).
func (c Code) Prefecture() string {
	if len(c) < 2 {
		return ""
	}
	return string(c[:2])
}

// digits returns a *ParseError wrapping ErrSyntax unless s is lo to hi
// ASCII digits.
func digits(s string, lo, hi int) error {
	for i := range min(len(s), hi) {
		if s[i] < '0' || s[i] > '9' {
			return &ParseError{Input: s, Offset: i, Reason: "not a digit", Err: ErrSyntax}
		}
	}
	switch {
	case len(s) > hi:
		return &ParseError{Input: s, Offset: hi, Reason: fmt.Sprintf("more than %d digits", hi), Err: ErrSyntax}
	case len(s) < lo:
		return &ParseError{Input: s, Offset: len(s), Reason: fmt.Sprintf("%d digits, fewer than %d", len(s), lo), Err: ErrSyntax}
	}
	return nil
}
