package localcode_test

import (
	"errors"
	"testing"

	"github.com/koukaikei/koukaikei/segment/localcode"
)

func TestParse(t *testing.T) {
	for _, c := range []string{"011002", "131016", "473821", "131041", "012025"} {
		if got, err := localcode.Parse(c); err != nil || string(got) != c {
			t.Errorf("Parse(%s) = %s, %v", c, got, err)
		}
	}
	if got, err := localcode.Parse("47382"); err != nil || got != "473821" {
		t.Errorf("Parse(47382) = %s, %v; want 473821", got, err)
	}
	if got := localcode.Code("131016").Prefecture(); got != "13" {
		t.Errorf("Prefecture = %s", got)
	}
	for _, bad := range []string{"011003", "473820", "0110", "0110021", "", "01100a", "０１１００２"} {
		var ce *localcode.ParseError
		if _, err := localcode.Parse(bad); !errors.As(err, &ce) {
			t.Errorf("Parse(%q): %v, want a *ParseError", bad, err)
		}
	}
	if _, err := localcode.Parse("473820"); !errors.Is(err, localcode.ErrCheckDigit) {
		t.Errorf("473820: %v, want ErrCheckDigit", err)
	}
}
