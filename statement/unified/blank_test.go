package unified_test

import (
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// publishedNW is a 純資産変動計算書 (一般会計等) as a body publishes it, the
// 合計 of its 内部変動 rows printed as a: the figures of the worked year
// of examples/books (its WORKED.md computes each by hand), in 円, or
// with the last three digits dropped, in 千円.
func publishedNW(a string, thousand bool) string {
	s := `科目,合計,固定資産等形成分,余剰分（不足分）
前年度末純資産残高,"621,500,001","1,001,000,001","△379,500,000"
純行政コスト（△）,"△720,500,000",-,"△720,500,000"
財源,"1,052,500,000",-,"1,052,500,000"
税収等,"902,500,000",-,"902,500,000"
国県等補助金,"150,000,000",-,"150,000,000"
本年度差額,"332,000,000",-,"332,000,000"
固定資産等の変動（内部変動）,A,"257,000,000","△257,000,000"
有形固定資産等の増加,A,"300,000,000","△300,000,000"
有形固定資産等の減少,A,"△44,000,000","44,000,000"
貸付金・基金等の増加,A,"25,000,000","△25,000,000"
貸付金・基金等の減少,A,"△24,000,000","24,000,000"
資産評価差額,-,-,-
無償所管換等,"10,000,000","10,000,000",0
その他,-,-,-
本年度純資産変動額,"342,000,000","267,000,000","75,000,000"
本年度末純資産残高,"963,500,001","1,268,000,001","△304,500,000"
`
	if thousand {
		s = strings.NewReplacer(",000\"", "\"", ",001\"", "\"").Replace(s)
	}
	return strings.ReplaceAll(s, ",A,", ","+a+",")
}

// A published 純資産変動計算書 whose 内部変動 rows print 合計 blank, as
// 様式第3号 does, verifies clean, as it does with a dash or 0 there,
// exactly and under rounding; another figure there is a finding naming
// the row and the column, and judges no identity.
func TestPublishedNWBlank(t *testing.T) {
	tpl, err := unified.Template("nw-general")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		a    string
		want []string // kind, row and column of each finding
	}{
		{"", nil},
		{"-", nil},
		{"0", nil},
		{"1", []string{"not blank 6400 合計", "not blank 6410 合計", "not blank 6420 合計", "not blank 6430 合計", "not blank 6440 合計"}},
	} {
		for _, thousand := range []bool{false, true} {
			meta := statement.Meta{}
			if thousand {
				meta.Unit = format.Thousand
			}
			s, err := tpl.ReadCSV(strings.NewReader(publishedNW(c.a, thousand)), statement.ReadOptions{Meta: meta})
			if err != nil {
				t.Fatal(err)
			}
			v, err := s.VerifyRounded()
			if err != nil {
				t.Fatal(err)
			}
			for name, fs := range map[string][]statement.Finding{"Verify": s.Verify(), "VerifyRounded": v.Findings} {
				if thousand && name == "Verify" {
					continue // the 千円 figures are rounded
				}
				var got []string
				for _, f := range fs {
					got = append(got, f.Kind.String()+" "+f.Row+" "+f.Column)
				}
				if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
					t.Errorf("合計 printed %q (千円 %v): %s: %v, want %q", c.a, thousand, name, fs, c.want)
				}
			}
			// The identities hold, 本年度純資産変動額's 合計 among them.
			if n := v.Count(statement.Violation) + v.Count(statement.Undecided); n != 0 || v.Count(statement.Exact) == 0 {
				t.Errorf("合計 printed %q (千円 %v): %d identities violated or undecided, %d exact", c.a, thousand, n, v.Count(statement.Exact))
			}
		}
	}
}
