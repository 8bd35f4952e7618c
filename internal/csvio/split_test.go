package csvio

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestSplitAll compares the reading of text without quotes with
// encoding/csv's, on random text of commas, tabs, line ends and spaces.
func TestSplitAll(t *testing.T) {
	pieces := []string{"a", "金額", ",", "\t", "\r", "\n", "\r\n", " ", "1,234"}
	r := rand.New(rand.NewSource(1))
	inputs := []string{"", "\n", "\r", "\r\n", "\r\r\n", "a\r", "a\r\r", ",", "a,\n\n,b\r\n\r\nc", "\n\na"}
	for range 20000 {
		var b strings.Builder
		for range r.Intn(12) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		for _, comma := range []rune{0, ',', '\t'} {
			want, err := readCSV([]byte(in), comma)
			if err != nil {
				t.Fatalf("readCSV(%q, %q): %v", in, comma, err)
			}
			got := splitAll([]byte(in), comma)
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("splitAll(%q, %q) = %q, encoding/csv %q", in, comma, got, want)
			}
		}
	}
}
