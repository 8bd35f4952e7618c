package localcode_test

import (
	"errors"
	"testing"

	"github.com/koukaikei/koukaikei/segment/localcode"
)

// FuzzParse checks that an accepted code is six digits whose last is the
// check digit of the first five, that its first five parse to it, and that
// a rejected text gets a *ParseError with an offset inside it.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"011002", "473821", "47382", "131041", "011003", "", "０１１００２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := localcode.Parse(s)
		if err != nil {
			var pe *localcode.ParseError
			if !errors.As(err, &pe) || pe.Input != s || pe.Offset < 0 || pe.Offset > len(s) {
				t.Fatalf("Parse(%q): error %v, want a *ParseError at an offset in the input", s, err)
			}
			return
		}
		if d, err := localcode.CheckDigit(string(c[:5])); len(c) != 6 || err != nil || c[5] != d {
			t.Fatalf("Parse(%q) = %q, whose check digit is %c, %v", s, c, d, err)
		}
		again, err := localcode.Parse(string(c[:5]))
		if err != nil || again != c {
			t.Fatalf("Parse(%q) = %q, its first five give %q, %v", s, c, again, err)
		}
	})
}
