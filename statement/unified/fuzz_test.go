package unified_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/statement/unified"
)

// FuzzParseConfidence checks that every remark reads as the mark it opens
// with, or as an ErrSyntax error of bounded length, and never panics.
func FuzzParseConfidence(f *testing.F) {
	for _, fi := range unified.Forms() {
		for _, r := range fi.Form.Rows {
			f.Add(r.Remark)
		}
	}
	f.Add("")
	f.Add("[K")
	f.Add(" \t[K?]")
	f.Fuzz(func(t *testing.T, remark string) {
		c, err := unified.ParseConfidence(remark)
		trimmed := strings.TrimLeft(remark, " \t")
		if err != nil {
			if !errors.Is(err, unified.ErrSyntax) || c != 0 || len(err.Error()) > 400 {
				t.Fatalf("%q: %v, %v", remark, c, err)
			}
			for _, m := range []string{"[P]", "[V]", "[S]", "[K]", "[K?]"} {
				if strings.HasPrefix(trimmed, m) {
					t.Fatalf("%q opens with %s, yet %v", remark, m, err)
				}
			}
			return
		}
		if !strings.HasPrefix(trimmed, c.String()) {
			t.Fatalf("%q read as %v", remark, c)
		}
		if c == unified.Knowledge && strings.HasPrefix(trimmed, "[K?]") {
			t.Fatalf("%q read as [K]", remark)
		}
	})
}
