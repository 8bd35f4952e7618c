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

// Every figure the report prints is reproduced from its item figures, or
// within rounding, but for the discrepancies pinned with their reasons;
// every identity between tables holds, exactly or within rounding, but for
// those pinned as broken by the report.
func TestBuildMatchesPublished(t *testing.T) {
	r := fy2019(t)
	if !statementtest.BookRounded(t, r.Built, r.Published, r.Links, r.Pins) {
		t.Error("the FY2019 report is not reproduced as pinned")
	}
	if len(r.Tables) != 50 || len(r.Links) != 345 || len(r.Pins) != 7 {
		t.Errorf("%d tables, %d links, %d pins", len(r.Tables), len(r.Links), len(r.Pins))
	}
}

// What exact verification cannot explain is what rounding explains, and
// nothing else: the 22 差引 of the 事業別決算の状況 and the links of the
// 百万円 tables to the yen they round, but for the few links whose figures
// agree to the yen (a 0 against 0 円).
func TestExactAgainstRounded(t *testing.T) {
	r := fy2019(t)
	type at struct{ statement, row, column, rule string }
	key := func(f statement.Finding) at {
		if f.Kind == statement.LinkBroken {
			return at{f.Statement, f.Row, f.Column, f.Rule}
		}
		return at{f.Statement, f.Row, f.Column, ""}
	}
	within := map[at]bool{}
	v, err := r.Verify()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range v.WithinRounding() {
		within[key(f)] = true
	}
	exact := r.Published.Verify(statement.VerifyOptions{Built: r.Built, Links: r.Links, Pins: r.Pins}).Unexpected()
	for _, f := range exact {
		if !within[key(f)] {
			t.Errorf("exactly unexpected, and not within rounding: %s", f)
		}
		delete(within, key(f))
	}
	for k := range within {
		t.Errorf("within rounding, and exact: %v", k)
	}
	if len(exact) != 22+129 {
		t.Errorf("%d findings exact verification cannot explain, want 22 差引 and 129 links", len(exact))
	}
}

// The 差引 of the 事業別決算の状況 are rounded from the exact yen 決算, which
// 様式第14号 and 第15号 print, and the exact yen 予算, which the report
// prints only in 百万円: where 差引 is not 決算 − 予算 as printed, it is
// within rounding, and the yen 予算 behind it is implied.
func TestSegmentBudgets(t *testing.T) {
	r := fy2019(t)
	v, err := r.Verify()
	if err != nil {
		t.Fatal(err)
	}
	var within []string
	for _, f := range v.WithinRounding() {
		if f.Kind != statement.LinkBroken {
			within = append(within, f.Statement+":"+f.Row+":"+f.Column)
		}
	}
	want := []string{
		"jigyo1_bs:1000:差引", "jigyo1_bs:2100:差引", "jigyo2_bs:1200:差引", "jigyo2_bs:2000:差引",
		"jigyo2_pl:5100:差引", "jigyo2_pl:P_NET:差引", "jigyo3_bs:2000:差引", "jigyo3_pl:P_OP:差引",
		"jigyo3_pl:4200:差引", "jigyo4_bs:1000:差引", "jigyo4_bs:2200:差引", "jigyo4_bs:3000:差引",
		"jigyo5_bs:3000:差引", "jigyo5_pl:5100:差引", "jigyo6_bs:2000:差引", "jigyo6_bs:2100:差引",
		"jigyo6_bs:2200:差引", "jigyo6_bs:3000:差引", "jigyo7_bs:1000:差引", "jigyo7_bs:1200:差引",
		"jigyo7_bs:2000:差引", "jigyo7_pl:4200:差引",
	}
	if strings.Join(within, " ") != strings.Join(want, " ") {
		t.Errorf("within rounding:\n%v\nwant\n%v", within, want)
	}
	for _, tt := range []struct {
		id, row string
		lo, hi  int64
	}{
		// 一般事業 資産: 様式第14号 prints 資産合計 7,642,890,279 for 一般事業;
		// the table prints 予算 6,090 and 差引 1,552 百万円. 差引 stands for
		// 1,551,500,000 … 1,552,499,999, so 予算 = 決算 − 差引 lies in
		// 7,642,890,279 − 1,552,499,999 = 6,090,390,280 …
		// 7,642,890,279 − 1,551,500,000 = 6,091,390,279; 6,090 stands for
		// 6,089,500,000 … 6,090,499,999: together 6,090,390,280 …
		// 6,090,499,999. (決算 − 予算 as printed, 7,643 − 6,090 = 1,553.)
		{"jigyo1_bs", "1000", 6090390280, 6090499999},
		// 公的個人認証サービス事業 営業外収益: 様式第15号 prints 営業外収益合計
		// 4,637,910; the table prints 予算 0, 決算 5, 差引 4. 差引 stands for
		// 3,500,000 … 4,499,999, so 予算 lies in 4,637,910 − 4,499,999 =
		// 137,911 … 4,637,910 − 3,500,000 = 1,137,910; 0 stands for
		// −499,999 … 499,999: together 137,911 … 499,999.
		{"jigyo3_pl", "4200", 137911, 499999},
		// 本人確認情報処理事業関連事業 営業外収益: 様式第15号 prints 86,393,549;
		// the table prints 予算 99, 差引 △12. 差引 stands for −12,499,999 …
		// −11,500,000, so 予算 lies in 86,393,549 + 11,500,000 = 97,893,549 …
		// 86,393,549 + 12,499,999 = 98,893,548; 99 stands for 98,500,000 …
		// 99,499,999: together 98,500,000 … 98,893,548.
		{"jigyo7_pl", "4200", 98500000, 98893548},
	} {
		b, ok := v.Bounds(tt.id, tt.row, "予算")
		if !ok || b.NoLo || b.NoHi || !b.Lo.Equal(decimal.NewFromInt(tt.lo)) || !b.Hi.Equal(decimal.NewFromInt(tt.hi)) {
			t.Errorf("%s %s 予算 implied %v (%v), want %d〜%d円", tt.id, tt.row, b, ok, tt.lo, tt.hi)
		}
	}
	// A pin of one of them, as pins.csv had, is stale: rounding explains it.
	pins := append(r.Pins[:len(r.Pins):len(r.Pins)], statement.Pin{Statement: "jigyo1_bs", Row: "1000", Column: "差引",
		Printed: format.CellOf(decimal.NewFromInt(1552)), Reason: "決算 − 予算 differs from it by one"})
	v, err = r.Published.VerifyRounded(statement.VerifyOptions{Built: r.Built, Links: r.Links, Pins: pins})
	if err != nil {
		t.Fatal(err)
	}
	u := v.Unexpected()
	if len(u) != 1 || u[0].Kind != statement.StalePin || u[0].Row != "1000" || u[0].GotText != "the figure is within rounding" {
		t.Errorf("a pin within rounding: %v", u)
	}
	// The 決算 is tied to the yen: 一般事業 資産 7,642,890,279.
	if b, ok := v.Bounds("jigyo1_bs", "1000", "決算"); !ok || !b.Lo.Equal(decimal.NewFromInt(7642890279)) || !b.Hi.Equal(b.Lo) {
		t.Errorf("jigyo1_bs 資産 決算 implied %v (%v)", b, ok)
	}
}

// 決算の概要 computes 差引 from its rounded 予算 and 決算 (Meta.Recomputed),
// which the 決算報告書 prints to the yen: judged as printed, 固定負債 13,317 −
// 11,419 = 1,898 is exact. Judged as rounded from the exact difference,
// 13,317,490,869 − 11,418,599,000 = 1,898,891,869, it would be a violation:
// 1,898 stands for at most 1,898,499,999, 391,870 円 short.
func TestSummaryRecomputed(t *testing.T) {
	r := fy2019(t)
	summary := table(t, r.Published, "summary_bs")
	if m := summary.Meta(); len(m.Recomputed) != 1 || m.Recomputed[0] != "差引" {
		t.Fatalf("summary_bs recomputes %v, want 差引", m.Recomputed)
	}
	v, err := r.Verify()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range v.Findings {
		if f.Statement == "summary_bs" && f.Kind != statement.LinkBroken {
			t.Errorf("summary_bs: %s", f)
		}
	}
	// The same table, its 差引 read as rounded from exact yen.
	var buf strings.Builder
	if err := summary.WriteCSV(&buf, statement.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	meta := summary.Meta()
	meta.Recomputed = nil
	rounded, err := statement.ReadCSV(strings.NewReader(buf.String()), summary.Form(), statement.ReadOptions{Meta: meta})
	if err != nil {
		t.Fatal(err)
	}
	book := &statement.Book{}
	for id, s := range map[string]*statement.Statement{"summary_bs": rounded, "kessan_bs": table(t, r.Published, "kessan_bs")} {
		if err := book.Add(id, s); err != nil {
			t.Fatal(err)
		}
	}
	var links []statement.Link
	for _, l := range r.Links {
		if l.Left[0].Statement == "summary_bs" {
			links = append(links, l)
		}
	}
	v, err = book.VerifyRounded(statement.VerifyOptions{Links: links})
	if err != nil {
		t.Fatal(err)
	}
	violations := v.Unexpected()
	if len(violations) != 1 || violations[0].Row != "2200" || violations[0].Column != "差引" ||
		!violations[0].Excess.Equal(decimal.NewFromInt(391870)) {
		t.Errorf("差引 rounded from exact yen: %v, want 固定負債 off by 391,870円", violations)
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
	if !statementtest.BookRounded(t, r.Built, r.Published, r.Links, r.Pins) {
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
