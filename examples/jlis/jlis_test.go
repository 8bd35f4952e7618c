package jlis_test

import (
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
)

// Every figure the report prints is reproduced from its item figures, but
// for the discrepancies pinned with their reasons; every identity between
// tables holds, but for those pinned as broken by the report.
func TestBuildMatchesPublished(t *testing.T) {
	tables, err := jlis.Build()
	if err != nil {
		t.Fatal(err)
	}
	checks, err := jlis.Checks(tables)
	if err != nil {
		t.Fatal(err)
	}
	v := jlis.Verify(tables, jlis.Discrepancies, checks)
	for _, u := range v.Unexpected {
		t.Error(u)
	}
	if v.Figures < 1600 || v.Links < 200 {
		t.Errorf("only %d published figures and %d links compared", v.Figures, v.Links)
	}
}

// 決算の概要 prints 差引 as the difference of the rounded figures: scaling
// every cell from its exact value would print 固定負債 1,899, not 1,898.
func TestSummaryPolicy(t *testing.T) {
	tables, err := jlis.Build()
	if err != nil {
		t.Fatal(err)
	}
	var kessan *statement.Statement
	for _, tb := range tables {
		if tb.ID == "kessan_bs" {
			kessan = tb.Built
		}
	}
	exact := kessan.Scale(statement.Scaling{Unit: format.Million})
	c, _ := exact.Cell("2200", "差額")
	if want := decimal.NewFromInt(1899000000); !c.Amount.Equal(want) {
		t.Errorf("固定負債 差額 rounded from its exact value = %s, want %s", c.Amount, want)
	}
	recomputed := kessan.Scale(statement.Scaling{Unit: format.Million, Columns: map[string]statement.Policy{"差額": statement.Recompute}})
	c, _ = recomputed.Cell("2200", "差額")
	if want := decimal.NewFromInt(1898000000); !c.Amount.Equal(want) {
		t.Errorf("固定負債 差額 from the rounded figures = %s, want %s", c.Amount, want)
	}
}

// Every table is dated on the last day of FY2019 (令和元年度) or covers it,
// in one of the forms the report prints, which package era reads.
func TestDates(t *testing.T) {
	tables, err := jlis.Tables()
	if err != nil {
		t.Fatal(err)
	}
	fy := era.FiscalYear(2019)
	for _, tb := range tables {
		s := strings.Trim(tb.Meta.Date, "（）［］")
		if s == "" {
			continue
		}
		if i := strings.Index(s, "まで"); i >= 0 || strings.HasPrefix(s, "自") {
			if i >= 0 {
				s = s[:i+len("まで")]
			}
			p, err := era.ParsePeriod(s)
			if err != nil || p != fy.Period() {
				t.Errorf("%s: %q is %v, %v; want FY2019", tb.ID, tb.Meta.Date, p, err)
			}
			continue
		}
		if i := strings.Index(s, "現在"); i >= 0 {
			s = s[:i]
		}
		d, err := era.Parse(s)
		if err != nil || d != fy.Last() {
			t.Errorf("%s: %q is %v, %v; want the last day of FY2019", tb.ID, tb.Meta.Date, d, err)
		}
	}
	if got := fy.String(); got != "令和元年度" {
		t.Errorf("FY2019 = %s", got)
	}
}

// The rows that only the segment statements print, 他事業勘定 and
// 消費税還付金, are zero in 合計 and absent from 様式第8号 and 第9号.
func TestSegmentOnlyRows(t *testing.T) {
	tables, err := jlis.Build()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*jlis.Table{}
	for _, tb := range tables {
		byID[tb.ID] = tb
	}
	for _, c := range []struct{ seg, whole, row string }{{"seg_bs", "bs", "2170"}, {"seg_pl", "pl", "4206"}} {
		total, ok := byID[c.seg].Built.Cell(c.row, "合計")
		if !ok || !total.Valid || !total.Amount.IsZero() {
			t.Errorf("%s %s 合計 = %v, want 0", c.seg, c.row, total)
		}
		if _, ok := byID[c.whole].Built.Cell(c.row, "金額"); ok {
			t.Errorf("%s prints row %s", c.whole, c.row)
		}
	}
}

// Every figure of the 令和２年度６月補正予算 is reproduced, the summaries
// by rounding the 千円 tables, and its links hold but for those pinned.
func TestBudget(t *testing.T) {
	fy2019, err := jlis.Tables()
	if err != nil {
		t.Fatal(err)
	}
	budget, err := jlis.BuildBudget()
	if err != nil {
		t.Fatal(err)
	}
	checks, err := jlis.BudgetChecks(budget, fy2019)
	if err != nil {
		t.Fatal(err)
	}
	v := jlis.Verify(budget, nil, checks)
	for _, u := range v.Unexpected {
		t.Error(u)
	}
	if len(budget) != 28 || v.Figures < 1900 || len(v.Broken) != 4 {
		t.Errorf("%d tables, %d figures, %d broken links: %q", len(budget), v.Figures, len(v.Broken), v.Broken)
	}
}

// The 債務負担行為 years read through package era, as a fiscal year or a
// range of them, and print back through it as the tables print them.
func TestBudgetYears(t *testing.T) {
	budget, err := jlis.BudgetTables()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tb := range budget {
		for _, row := range tb.Form.Rows {
			for _, col := range []string{"行為年度", "機構の負担となる年度"} {
				text, ok := tb.Published.Text(row.Key, col)
				if !ok || text == "" {
					continue
				}
				n++
				style := era.Style{}
				if strings.ContainsAny(text, "０１２３４５６７８９") {
					style.Numerals = era.FullWidth
				}
				from, to, found := strings.Cut(text, "から")
				first, err := era.ParseFiscalYear(from)
				if err != nil {
					t.Errorf("%s %s %s: %v", tb.ID, row.Key, col, err)
					continue
				}
				printed := first.Format(style)
				if found {
					last, err := era.ParseFiscalYear(to)
					if err != nil || last < first {
						t.Errorf("%s %s %s: %q: %v", tb.ID, row.Key, col, to, err)
						continue
					}
					p, err := era.ParsePeriod(text)
					if err != nil || p != (era.Period{Start: first.First(), End: last.Last()}) {
						t.Errorf("%s %s %s: ParsePeriod(%q) = %v, %v", tb.ID, row.Key, col, text, p, err)
					}
					printed += "から" + last.Format(style)
				}
				if printed != text {
					t.Errorf("%s %s %s: %q prints back as %q", tb.ID, row.Key, col, text, printed)
				}
			}
		}
	}
	if n < 70 {
		t.Errorf("only %d years read", n)
	}
}

// The 補正額 of the LGWAN budget, 2,877 千円, is the difference of the
// 負担金 rounded to 千円; the exact change, rounded, would be 2,876.
func TestLGWANPolicy(t *testing.T) {
	ms, err := jlis.Koufukin()
	if err != nil {
		t.Fatal(err)
	}
	lgwan, _, err := jlis.LGWANStatements(ms)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		policy statement.Policy
		want   int64
	}{{statement.RoundEach, 2876000}, {statement.Recompute, 2877000}} {
		s := lgwan.Scale(statement.Scaling{Unit: format.Thousand, Columns: map[string]statement.Policy{"増減": tt.policy}})
		if c, _ := s.Cell("total", "増減"); !c.Amount.Equal(decimal.NewFromInt(tt.want)) {
			t.Errorf("policy %v: 増減 = %s, want %d", tt.policy, c.Amount, tt.want)
		}
	}
}
