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

// TestUnnumbered checks which numbers printed before a label are taken off
// it, and that a label whose first characters only look like one keeps
// them.
func TestUnnumbered(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"１．固定資産", "固定資産"},
		{"1.固定資産", "固定資産"},
		{"1 固定資産", "固定資産"},
		{"１　固定資産", "固定資産"},
		{"12、その他", "その他"},
		{"2) 流動資産", "流動資産"},
		{"(1)有形固定資産", "有形固定資産"},
		{"（１）有形固定資産", "有形固定資産"},
		{"（ア）事業用資産", "事業用資産"},
		{"(a) 土地", "土地"},
		{"ア．税収等", "税収等"},
		{"①土地", "土地"},
		{"⑳ 建物", "建物"},
		{"Ⅰ 業務活動収支", "業務活動収支"},
		{"ⅠⅤ．財務活動収支", "財務活動収支"},
		{"（Ⅱ）投資活動収支", "投資活動収支"},
		{" １．固定資産 ※1", "固定資産"},
		// Not numbers.
		{"1年内償還予定地方債", ""},
		{"固定資産", ""},
		{"(うち歳計現金)", ""},
		{"（注1）未収金", ""},
		{"建物 減価償却累計額", ""},
		{"2019年度 決算", ""},
		{"1234. 固定資産", ""},
		{"(1)", ""},
		{"１．", ""},
		{"", ""},
	} {
		if got := unnumbered(tt.in); got != tt.want {
			t.Errorf("unnumbered(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzUnnumbered checks that a label without its number is normalised,
// and is a part of the label normalised: taking a number off never adds
// to a label or makes it another.
func FuzzUnnumbered(f *testing.F) {
	for _, s := range []string{"１．固定資産", "(1) 有形固定資産", "①土地", "ⅠⅤ．財務活動収支", "1年内償還予定地方債", "(注1)未収金", "ア、税収等", "(", "1.", "Ⅰ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := unnumbered(s)
		if u == "" {
			return
		}
		if normalLabel(u) != u {
			t.Errorf("unnumbered(%q) = %q, not normalised", s, u)
		}
		if !strings.HasSuffix(normalLabel(s), u) {
			t.Errorf("unnumbered(%q) = %q, not the end of %q", s, u, normalLabel(s))
		}
	})
}
