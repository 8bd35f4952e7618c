package csvio

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/internal/errs"
)

// FuzzDecode checks that Decode returns UTF-8 text, leaves UTF-8 input
// as it is, and fails only with an *Error wrapping errs.ErrEncoding at a line of
// the input.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"科目,金額", "\uFEFF科目,金額", "\x89\xc8\x96\xda,\x8b\xe0\x8a\x7a", "1000,現金\xb1\n", "a\n\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := Decode(in)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, errs.ErrEncoding) || e.Line < 1 || e.Line > 1+bytes.Count(in, []byte("\n")) {
				t.Fatalf("Decode(%q) error %v", in, err)
			}
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("Decode(%q) = %q, not UTF-8", in, out)
		}
		if utf8.Valid(in) && !bytes.Equal(out, bytes.TrimPrefix(in, []byte("\uFEFF"))) {
			t.Fatalf("Decode(%q) = %q, changed UTF-8", in, out)
		}
	})
}

// FuzzSplitAll checks that where splitAll reads a text, encoding/csv reads
// the same records from it.
func FuzzSplitAll(f *testing.F) {
	for _, s := range []string{"key,label,金額\r\n1000,固定資産,\"2,074,264,992\"\r\n", "a,\"△1,234\",-\n", "\"a\"\"b\"", "\"a\nb\"", "a\"b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, comma := range []rune{',', '\t'} {
			got, ok := splitAll([]byte(in), comma)
			if !ok {
				continue
			}
			want, err := readCSV([]byte(in), comma)
			if err != nil {
				t.Fatalf("splitAll(%q) reads it; encoding/csv: %v", in, err)
			}
			if len(got) != len(want) {
				t.Fatalf("splitAll(%q) = %q, encoding/csv %q", in, got, want)
			}
			for i := range got {
				if got[i].Line != want[i].Line || strings.Join(got[i].Fields, "\x00") != strings.Join(want[i].Fields, "\x00") || len(got[i].Fields) != len(want[i].Fields) {
					t.Fatalf("splitAll(%q) = %q, encoding/csv %q", in, got, want)
				}
			}
		}
	})
}
