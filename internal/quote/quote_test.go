package quote

import (
	"strings"
	"testing"
)

func TestBounded(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", `""`},
		{"現金", `"現金"`},
		{strings.Repeat("a", Max), `"` + strings.Repeat("a", Max) + `"`},
		{strings.Repeat("a", Max+1), `"` + strings.Repeat("a", Max) + `"…`},
		// 64 = 1 + 21×3: the 22nd 金 would cross the bound.
		{"x" + strings.Repeat("金", 30), `"x` + strings.Repeat("金", 21) + `"…`},
		{"\xff" + strings.Repeat("a", 100), `"\xff` + strings.Repeat("a", Max-1) + `"…`},
	}
	for _, tt := range tests {
		if got := Bounded(tt.in); got != tt.want {
			t.Errorf("Bounded(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
