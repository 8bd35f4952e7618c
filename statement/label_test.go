package statement

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestNormalLabelScan checks that the scan normalLabel takes as its fast
// path never changes what foldLabel gives: for every rune alone, and for
// labels with note marks, spaces and full-width forms.
func TestNormalLabelScan(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "資産" + string(r) + "合計", "(" + string(r) + ")"} {
			if got, want := normalLabel(s), foldLabel(s); got != want {
				t.Fatalf("normalLabel(%q) = %q, want %q", s, got, want)
			}
		}
	}
	for _, s := range []string{
		"", "現金及び預金", "その他", "固定資産 合計", "（注1）未収金", "(注1)未収金", "(注未収金",
		"※１ 基金", "※12基金", "ＡＢ", "AB", "ｶﾞ", "\u3000純資産", "a\tb", "x\xffy", "\xe3\x81", "(注)", "注(注",
		"1. 有形固定資産", "減価償却累計額（△）", "資産合計\u00a0", "Total assets",
	} {
		if got, want := normalLabel(s), foldLabel(s); got != want {
			t.Errorf("normalLabel(%q) = %q, want %q", s, got, want)
		}
	}
}

// trimSpace is strings.TrimSpace.
func TestTrimSpace(t *testing.T) {
	for _, s := range []string{"", " ", "1", " 1", "1 ", "\t1\t", "2,074,265", "△1,234", " △1", "△1 ", "　事業費", "事業費　",
		"\u00a01\u00a0", "1\u0085", "-", "a b", "\n", "x\r"} {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
