package jlis_test

import (
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/statementtest"
)

func fy2019(t testing.TB) *jlis.Report {
	t.Helper()
	r, err := jlis.FY2019()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func table(t testing.TB, b *statement.Book, id string) *statement.Statement {
	t.Helper()
	s, ok := b.Statement(id)
	if !ok {
		t.Fatalf("no table %s", id)
	}
	return s
}

// Every figure the report prints is reproduced from its item figures, but
// for the discrepancies pinned with their reasons; every identity between
// tables holds, but for those pinned as broken by the report.
func TestBuildMatchesPublished(t *testing.T) {
	r := fy2019(t)
	if !statementtest.Book(t, r.Built, r.Published, r.Links, r.Pins) {
		t.Error("the FY2019 report is not reproduced as pinned")
	}
	if len(r.Tables) != 50 || len(r.Links) != 210 || len(r.Pins) != 29 {
		t.Errorf("%d tables, %d links, %d pins", len(r.Tables), len(r.Links), len(r.Pins))
	}
}

// 決算の概要 prints 差引 as the difference of the rounded figures: scaling
// every cell from its exact value would print 固定負債 1,899, not 1,898.
func TestSummaryPolicy(t *testing.T) {
	kessan := table(t, fy2019(t).Built, "kessan_bs")
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
// and prints its date line from those dates, as the report prints it.
func TestDates(t *testing.T) {
	r := fy2019(t)
	fy := era.FiscalYear(2019)
	for _, id := range r.Tables {
		m := table(t, r.Published, id).Meta()
		switch {
		case m.DateLine() == "":
		case m.AsOf == era.Date{} && m.Period == era.Period{}:
			// A caption era does not read names the day in its text.
			if !strings.Contains(m.Date, fy.Last().String()) {
				t.Errorf("%s: the caption %q does not name %v", id, m.Date, fy.Last())
			}
		case m.AsOf != era.Date{} && m.AsOf != fy.Last():
			t.Errorf("%s: as of %v, want the last day of FY2019", id, m.AsOf)
		case m.Period != era.Period{} && m.Period != fy.Period():
			t.Errorf("%s: for %v, want FY2019", id, m.Period)
		}
	}
	if got := fy.String(); got != "令和元年度" {
		t.Errorf("FY2019 = %s", got)
	}
}

// The rows that only the segment statements print, 他事業勘定 and
// 消費税還付金, are zero in 合計 and absent from 様式第8号 and 第9号.
func TestSegmentOnlyRows(t *testing.T) {
	built := fy2019(t).Built
	for _, c := range []struct{ seg, whole, row string }{{"seg_bs", "bs", "2170"}, {"seg_pl", "pl", "4206"}} {
		total, ok := table(t, built, c.seg).Cell(c.row, "合計")
		if !ok || !total.Valid || !total.Amount.IsZero() {
			t.Errorf("%s %s 合計 = %v, want 0", c.seg, c.row, total)
		}
		if _, ok := table(t, built, c.whole).Cell(c.row, "金額"); ok {
			t.Errorf("%s prints row %s", c.whole, c.row)
		}
	}
}

// Every figure of the 令和２年度６月補正予算 is reproduced, the summaries
// by rounding the 千円 tables, and its links hold but for those pinned.
func TestBudget(t *testing.T) {
	r, err := jlis.Budget2020()
	if err != nil {
		t.Fatal(err)
	}
	if !statementtest.Book(t, r.Built, r.Published, r.Links, r.Pins) {
		t.Error("the budget is not reproduced as pinned")
	}
	if len(r.Tables) != 28 || len(r.Links) != 492 || len(r.Pins) != 4 {
		t.Errorf("%d tables, %d links, %d pins", len(r.Tables), len(r.Links), len(r.Pins))
	}
}

// The 債務負担行為 years read through package era, as a fiscal year or a
// range of them, and print back through it as the tables print them.
func TestBudgetYears(t *testing.T) {
	budget, err := jlis.Budget2020()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, id := range budget.Tables {
		tb := table(t, budget.Published, id)
		for _, row := range tb.Form().Rows {
			for _, col := range []string{"行為年度", "機構の負担となる年度"} {
				text, ok := tb.Text(row.Key, col)
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
					t.Errorf("%s %s %s: %v", id, row.Key, col, err)
					continue
				}
				printed := first.Format(style)
				if found {
					last, err := era.ParseFiscalYear(to)
					if err != nil || last < first {
						t.Errorf("%s %s %s: %q: %v", id, row.Key, col, to, err)
						continue
					}
					p, err := era.ParsePeriod(text)
					if err != nil || p != (era.Period{Start: first.First(), End: last.Last()}) {
						t.Errorf("%s %s %s: ParsePeriod(%q) = %v, %v", id, row.Key, col, text, p, err)
					}
					printed += "から" + last.Format(style)
				}
				if printed != text {
					t.Errorf("%s %s %s: %q prints back as %q", id, row.Key, col, text, printed)
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
