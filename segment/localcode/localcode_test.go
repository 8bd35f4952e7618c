package localcode_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/segment/localcode"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		want     localcode.Code
	}{
		{"札幌市", "011002", "011002"},
		{"千代田区", "131016", "131016"},
		{"与那国町: sum a multiple of 11, check digit 1", "473821", "473821"},
		{"新宿区: sum 10 mod 11, check digit 1", "131041", "131041"},
		{"函館市", "012025", "012025"},
		{"five digits get their check digit", "47382", "473821"},
	}
	for _, tt := range tests {
		if got, err := localcode.Parse(tt.in); err != nil || got != tt.want {
			t.Errorf("%s: Parse(%q) = %q, %v; want %q", tt.name, tt.in, got, err, tt.want)
		}
	}
	if got := localcode.Code("131016").Prefecture(); got != "13" {
		t.Errorf("Prefecture = %s", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		offset   int
		err      error
	}{
		{"wrong check digit", "011003", 5, localcode.ErrCheckDigit},
		{"与那国町 by the My Number-style rule", "473820", 5, localcode.ErrCheckDigit},
		{"too short", "0110", 4, localcode.ErrSyntax},
		{"too long", "0110021", 6, localcode.ErrSyntax},
		{"empty", "", 0, localcode.ErrSyntax},
		{"a letter", "01100a", 5, localcode.ErrSyntax},
		{"full-width digits", "０１１００２", 0, localcode.ErrSyntax},
	}
	for _, tt := range tests {
		_, err := localcode.Parse(tt.in)
		var pe *localcode.ParseError
		if !errors.As(err, &pe) || !errors.Is(err, tt.err) || pe.Input != tt.in || pe.Offset != tt.offset {
			t.Errorf("%s: Parse(%q) error %v, want a *ParseError at offset %d wrapping %v", tt.name, tt.in, err, tt.offset, tt.err)
		}
	}
}

func TestCheckDigit(t *testing.T) {
	if c, err := localcode.CheckDigit("47382"); err != nil || c != '1' {
		t.Errorf("CheckDigit(47382) = %c, %v; want 1", c, err)
	}
	for _, bad := range []string{"4738", "473821", "4738x"} {
		if _, err := localcode.CheckDigit(bad); !errors.Is(err, localcode.ErrSyntax) {
			t.Errorf("CheckDigit(%q): %v, want ErrSyntax", bad, err)
		}
	}
}

// A message quotes at most 64 bytes of the input.
func TestParseErrorBounded(t *testing.T) {
	_, err := localcode.Parse("01100" + strings.Repeat("x", 1<<20))
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("error of %d bytes", len(err.Error()))
	}
}
