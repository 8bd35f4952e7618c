package csvio

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestSplitAll compares the reading of text with encoding/csv's, on random
// text of commas, tabs, line ends, spaces and quotes: where splitAll reads
// the text, it reads what encoding/csv reads.
func TestSplitAll(t *testing.T) {
	pieces := []string{"a", "金額", ",", "\t", "\r", "\n", "\r\n", " ", "1,234", `"`, `"2,074,264,992"`, `"△1,234"`, `""`}
	r := rand.New(rand.NewSource(1))
	inputs := []string{"", "\n", "\r", "\r\n", "\r\r\n", "a\r", "a\r\r", ",", "a,\n\n,b\r\n\r\nc", "\n\na",
		`"a"`, `"a",b`, `a,"b"`, `"a,b",c`, `"a"b`, `a"b`, `"a""b"`, `"a`, "\"a\nb\"", `""`, `"",""`, "\"a\"\r\n"}
	split := 0
	for range 20000 {
		var b strings.Builder
		for range r.Intn(12) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		for _, comma := range []rune{0, ',', '\t'} {
			got, ok := splitAll([]byte(in), comma)
			if !ok {
				continue
			}
			split++
			want, err := readCSV([]byte(in), comma)
			if err != nil {
				t.Fatalf("splitAll(%q, %q) reads it; encoding/csv: %v", in, comma, err)
			}
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("splitAll(%q, %q) = %q, encoding/csv %q", in, comma, got, want)
			}
		}
	}
	// Enough of the inputs have quotes the fast path reads.
	if split < len(inputs) {
		t.Errorf("splitAll read %d of %d inputs × 3", split, len(inputs))
	}
	t.Logf("splitAll read %d of %d inputs × 3", split, len(inputs))
}
