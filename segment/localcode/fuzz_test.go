package localcode_test

import (
	"testing"

	"github.com/koukaikei/koukaikei/segment/localcode"
)

// FuzzParse checks that an accepted code is six digits whose last
// is the check digit, and that its first five parse to it.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"011002", "473821", "47382", "131041", "011003", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := localcode.Parse(s)
		if err != nil {
			return
		}
		if len(c) != 6 {
			t.Fatalf("Parse(%q) = %q", s, c)
		}
		again, err := localcode.Parse(string(c[:5]))
		if err != nil || again != c {
			t.Fatalf("Parse(%q) = %q, its first five give %q, %v", s, c, again, err)
		}
	})
}
