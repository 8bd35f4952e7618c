package quote_test

import (
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/segment/internal/quote"
)

func TestBounded(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"short", "金額", `"金額"`},
		{"exactly the bound", strings.Repeat("a", 64), `"` + strings.Repeat("a", 64) + `"`},
		{"long", strings.Repeat("a", 65), `"` + strings.Repeat("a", 64) + `"…`},
		// 21 three-byte runes are 63 bytes; the 22nd would end at byte 66.
		{"cut at a rune boundary", strings.Repeat("円", 30), `"` + strings.Repeat("円", 21) + `"…`},
		{"invalid UTF-8", "\xff", `"\xff"`},
	}
	for _, tt := range tests {
		if got := quote.Bounded(tt.in); got != tt.want {
			t.Errorf("%s: Bounded = %s, want %s", tt.name, got, tt.want)
		}
	}
}
