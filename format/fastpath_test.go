package format_test

import (
	"errors"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/format"
)

// checkGeneral fails t unless ParseAmount(s) gave what the general parser
// gives: the same coefficient and exponent, or an error with the same text.
func checkGeneral(t *testing.T, s string, d decimal.Decimal, err error) {
	t.Helper()
	g, gerr := format.ParseAmountGeneral(s)
	switch {
	case (err == nil) != (gerr == nil):
		t.Fatalf("ParseAmount(%q) = %s, %v; the general parser %s, %v", s, d, err, g, gerr)
	case err != nil:
		var pe, gpe *format.ParseError
		if err.Error() != gerr.Error() || !errors.As(err, &pe) || !errors.As(gerr, &gpe) || *pe != *gpe {
			t.Fatalf("ParseAmount(%q) error %#v; the general parser %#v", s, err, gerr)
		}
	case d.Exponent() != g.Exponent() || d.Coefficient().Cmp(g.Coefficient()) != 0 || d.String() != g.String():
		t.Fatalf("ParseAmount(%q) = %s (exponent %d); the general parser %s (exponent %d)", s, d, d.Exponent(), g, g.Exponent())
	}
}

// TestParseAmountFastPath compares ParseAmount with the general parser on
// plain, grouped, badly grouped, signed and overlong whole numbers.
func TestParseAmountFastPath(t *testing.T) {
	group := func(s string) string {
		var b strings.Builder
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		return b.String()
	}
	inputs := []string{"", "-", "0", "-0", "00", "007", "0,000", "1,23", "12,3456", ",123", "123,", "1,,234", "1234,567",
		"-1,234", "--1", "+1", "1.0", "999999999999999999", "1000000000000000000", "-999,999,999,999,999,999",
		"9,223,372,036,854,775,807", "9223372036854775808", "000000000000000001", "0000000000000000001",
		" 1", "1 ", "１２３", "△1", "△0", "△", "△-1", "-△1", "△ 1", "△1,234", "(1)", "1千円", "1,234,567", "12,345", "123,456,7"}
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		n := r.Int63() >> uint(r.Intn(63))
		s := strconv.FormatInt(n, 10)
		if r.Intn(4) == 0 {
			s = strings.Repeat("0", r.Intn(4)) + s
		}
		if r.Intn(2) == 0 {
			s = group(s)
		}
		switch r.Intn(6) {
		case 0, 1:
			s = "-" + s
		case 2:
			s = "△" + s
		}
		if r.Intn(8) == 0 && len(s) > 1 {
			i := r.Intn(len(s))
			s = s[:i] + string(",0-9 "[r.Intn(5)]) + s[i+1:]
		}
		inputs = append(inputs, s)
	}
	for _, s := range inputs {
		d, err := format.ParseAmount(s)
		checkGeneral(t, s, d, err)
	}
}
