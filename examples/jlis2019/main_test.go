package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// published holds 令和元年度決算の概要 as printed (百万円): 科目, 予算, 決算, 差引.
var published = map[string][][4]string{
	"１　貸借対照表": {
		{"資産", "62,712", "53,430", "△9,282"},
		{"流動資産", "56,891", "47,471", "△9,420"},
		{"固定資産", "5,821", "5,959", "138"},
		{"負債", "58,122", "46,760", "△11,362"},
		{"流動負債", "46,703", "33,442", "△13,261"},
		{"固定負債", "11,419", "13,317", "1,898"},
		{"純資産", "4,590", "6,670", "2,080"},
	},
	"２　損益計算書": {
		{"営業収益", "65,475", "47,225", "△18,250"},
		{"営業費用", "62,527", "42,502", "△20,025"},
		{"営業利益", "2,948", "4,723", "1,775"},
		{"営業外収益", "101", "9", "△92"},
		{"営業外費用", "37", "44", "7"},
		{"経常利益", "3,012", "4,687", "1,675"},
		{"特別損失", "3,172", "3,231", "59"},
		{"当期純利益", "△160", "1,457", "1,617"},
	},
}

func TestRunMatchesPublished(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	var table string
	got := map[string][][4]string{}
	for _, line := range strings.Split(buf.String(), "\n") {
		fields := strings.Fields(line)
		switch {
		case published[strings.TrimSpace(line)] != nil:
			table = strings.TrimSpace(line)
		case len(fields) == 4 && table != "" && fields[0] != "科目":
			got[table] = append(got[table], [4]string{fields[0], fields[1], fields[2], fields[3]})
		}
	}
	for title, want := range published {
		rows := got[title]
		if len(rows) != len(want) {
			t.Errorf("%s: %d rows printed, want %d", title, len(rows), len(want))
			continue
		}
		for i := range want {
			if rows[i] != want[i] {
				t.Errorf("%s row %d: printed %q, published %q", title, i+1, rows[i], want[i])
			}
		}
	}
}

// The yen figures are transcribed from the 決算報告書; the report's own
// arithmetic proves the transcription.
func TestSummaryInputsBalance(t *testing.T) {
	fig := map[string][2]decimal.Decimal{}
	for _, tbl := range summaries {
		for _, r := range tbl.rows {
			fig[strings.TrimLeft(r.label, "　")] = [2]decimal.Decimal{r.budget, r.actual}
		}
	}
	corporateTax := [2]decimal.Decimal{decimal.Zero, yen(70000)} // 法人住民税, 予算 and 決算
	for col, name := range []string{"予算", "決算"} {
		v := func(label string) decimal.Decimal { return fig[label][col] }
		checks := []struct {
			name      string
			got, want decimal.Decimal
		}{
			{"資産 = 流動資産 + 固定資産", v("流動資産").Add(v("固定資産")), v("資産")},
			{"負債 = 流動負債 + 固定負債", v("流動負債").Add(v("固定負債")), v("負債")},
			{"資産 = 負債 + 純資産", v("負債").Add(v("純資産")), v("資産")},
			{"営業利益 = 営業収益 − 営業費用", v("営業収益").Sub(v("営業費用")), v("営業利益")},
			{"経常利益 = 営業利益 + 営業外収益 − 営業外費用", v("営業利益").Add(v("営業外収益")).Sub(v("営業外費用")), v("経常利益")},
			{"当期純利益 = 経常利益 − 特別損失 − 法人住民税", v("経常利益").Sub(v("特別損失")).Sub(corporateTax[col]), v("当期純利益")},
		}
		for _, c := range checks {
			if !c.got.Equal(c.want) {
				t.Errorf("%s: %s: %s ≠ %s", name, c.name, c.got, c.want)
			}
		}
	}
}
