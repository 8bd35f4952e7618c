// Package localcode reads and checks the 全国地方公共団体コード: the six-digit
// codes (five digits and a check digit) by which 総務省 numbers the
// prefectures and municipalities, and which allocation tables are keyed by.
//
// It does not know which codes are in use: a code with a valid check digit
// need not name a body.
package localcode

import (
	"errors"
	"fmt"
)

// A Code is a 全国地方公共団体コード: five digits that name a prefecture
// or municipality (two for the prefecture, three for the body), and a check
// digit. 011002 is 札幌市, 131016 千代田区.
type Code string

// ErrCheckDigit means a code's sixth digit is not its check digit.
var ErrCheckDigit = errors.New("wrong check digit")

// A ParseError reports a text that is not a 全国地方公共団体コード.
type ParseError struct {
	Code string
	Err  error
}

// Error names the code and what is wrong with it.
func (e *ParseError) Error() string { return fmt.Sprintf("localcode: %q: %v", e.Code, e.Err) }

// Unwrap returns ErrCheckDigit, or the reason the text is not a code.
func (e *ParseError) Unwrap() error { return e.Err }

// CheckDigit returns the check digit of the five digits code5, by the rule of
// 総務省: the digits weighted 6, 5, 4, 3 and 2 are summed, and the check
// digit is (11 − sum mod 11) mod 10. So 47382 (与那国町), whose sum is a
// multiple of 11, has the check digit 1, where rules that map 10 and 11 to
// 0 would give 0.
func CheckDigit(code5 string) (byte, error) {
	if len(code5) != 5 || !digits(code5) {
		return 0, &ParseError{Code: code5, Err: errors.New("not five digits")}
	}
	sum := 0
	for i := range 5 {
		sum += int(code5[i]-'0') * (6 - i)
	}
	return byte('0' + (11-sum%11)%10), nil
}

// Parse returns the six-digit code that s names: s is six digits
// whose last is the check digit of the first five, or five digits, to which
// the check digit is added. Any other text is a *ParseError.
func Parse(s string) (Code, error) {
	switch {
	case len(s) == 5 && digits(s):
		c, _ := CheckDigit(s)
		return Code(s + string(c)), nil
	case len(s) == 6 && digits(s):
		c, _ := CheckDigit(s[:5])
		if s[5] != c {
			return "", &ParseError{Code: s, Err: fmt.Errorf("%w: %c, should be %c", ErrCheckDigit, s[5], c)}
		}
		return Code(s), nil
	}
	return "", &ParseError{Code: s, Err: errors.New("not five or six digits")}
}

// Prefecture returns the code's first two digits, the prefecture's number
// (01 北海道 … 47 沖縄県).
func (c Code) Prefecture() string {
	if len(c) < 2 {
		return ""
	}
	return string(c[:2])
}

func digits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
