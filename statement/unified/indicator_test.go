package unified_test

import (
	"encoding/csv"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// workedBook builds the book of testdata/indicators/book.csv (see
// WORKED.md there), leaving out the figures of the rows drop names.
func workedBook(t testing.TB, drop ...string) *statement.Book {
	t.Helper()
	return workedBookScaled(t, decimal.NewFromInt(1), drop...)
}

// workedBookScaled is workedBook with every figure multiplied by m.
func workedBookScaled(t testing.TB, m decimal.Decimal, drop ...string) *statement.Book {
	t.Helper()
	f, err := os.Open("testdata/indicators/book.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	dropped := map[string]bool{}
	for _, k := range drop {
		dropped[k] = true
	}
	given := map[[2]string]format.Cell{}
	for _, rec := range recs[1:] {
		v, err := decimal.NewFromString(rec[3])
		if err != nil {
			t.Fatal(err)
		}
		if !dropped[rec[1]] {
			given[[2]string{rec[0], rec[1]}] = format.CellOf(v.Mul(m))
		}
	}
	var b statement.Book
	for _, id := range []string{"bs-general", "pl-general", "cf-general"} {
		// Every item row: the lines book.csv does not hold are 該当なし.
		info, _ := unified.Form(id)
		var figs []statement.Figure
		for _, r := range info.Form.Rows {
			if r.Kind == statement.Item {
				figs = append(figs, statement.Figure{Row: r.Key, Column: "金額", Value: given[[2]string{id, r.Key}]})
			}
		}
		s, err := unified.Build(id, statement.Meta{Entity: "worked"}, figs)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Add(id, s); err != nil {
			t.Fatal(err)
		}
	}
	return &b
}

// TestAnalyzeWorked compares every indicator of the worked book with the
// figures computed by hand in testdata/indicators/WORKED.md.
func TestAnalyzeWorked(t *testing.T) {
	book := workedBook(t)
	in := unified.AnalysisInput{Population: 12345, SpecialBonds: decimal.NewFromInt(100_000_000)}
	a, err := unified.Analyze(book, unified.General, in)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ind      unified.Indicator
		num, den string // the exact quotient, from WORKED.md
		printed  string
	}{
		{unified.AssetsPerCapita, "1450000000", "12345", "11.7万円"},
		{unified.AssetsToRevenue, "1450000000", "406000000", "3.57年"},
		{unified.AgingRatio, "640000000", "1340000000", "47.8%"},
		{unified.NetAssetsRatio, "995000000", "1450000000", "68.6%"},
		{unified.FutureBurdenRatio, "280000000", "1415000000", "19.8%"},
		{unified.LiabilitiesPerCapita, "455000000", "12345", "3.7万円"},
		{unified.PrimaryBalance, "-10000000", "1", "△10,000千円"},
		{unified.CostPerCapita, "330000000", "12345", "2.7万円"},
		{unified.BeneficiaryRatio, "21000000", "350000000", "6.0%"},
	} {
		r, ok := a.Ratio(c.ind)
		if !ok {
			t.Errorf("%s: no value", c.ind)
			continue
		}
		want := unified.Ratio{Num: decimal.RequireFromString(c.num), Den: decimal.RequireFromString(c.den)}
		if r.Cmp(want) != 0 {
			t.Errorf("%s = %s/%s, want %s/%s", c.ind, r.Num, r.Den, c.num, c.den)
		}
		if got := c.ind.Format(r); got != c.printed {
			t.Errorf("%s prints %s, want %s", c.ind, got, c.printed)
		}
	}

	// Without the 特例地方債: 380 ÷ 1,415.
	a, err = unified.Analyze(book, unified.General, unified.AnalysisInput{Population: 12345})
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := a.Ratio(unified.FutureBurdenRatio); unified.FutureBurdenRatio.Format(r) != "26.9%" {
		t.Errorf("将来世代負担比率 without 特例地方債 prints %s, want 26.9%%", unified.FutureBurdenRatio.Format(r))
	}
}

// TestAnalyzeBeyondInt64 scales every figure of the worked book by m, so
// that its figures, or the sums the indicators take of them, come near
// and go beyond what an int64 holds (9.2·10^18), where Analyze sums in
// decimals: each ratio is the worked book's, and each amount and per
// resident figure m times it.
func TestAnalyzeBeyondInt64(t *testing.T) {
	in := unified.AnalysisInput{Population: 12345, SpecialBonds: decimal.NewFromInt(100_000_000)}
	want, err := unified.Analyze(workedBook(t), unified.General, in)
	if err != nil {
		t.Fatal(err)
	}
	scaled := map[unified.Indicator]bool{unified.AssetsPerCapita: true, unified.LiabilitiesPerCapita: true,
		unified.PrimaryBalance: true, unified.CostPerCapita: true}
	// 13·10^9: 土地 5.2·10^18 and 3.9·10^18 fit, their sum does not;
	// 10^10: 資産合計 does not fit.
	for _, m := range []string{"1", "1e9", "6e9", "13e9", "1e10", "1e12", "1e30"} {
		t.Run(m, func(t *testing.T) {
			mul := decimal.RequireFromString(m)
			a, err := unified.Analyze(workedBookScaled(t, mul), unified.General,
				unified.AnalysisInput{Population: in.Population, SpecialBonds: in.SpecialBonds.Mul(mul)})
			if err != nil {
				t.Fatal(err)
			}
			for _, ind := range unified.Indicators() {
				w, _ := want.Ratio(ind)
				if scaled[ind] {
					w.Num = w.Num.Mul(mul)
				}
				r, ok := a.Ratio(ind)
				switch {
				case !ok:
					t.Errorf("%s: no value", ind)
				case r.Num.Mul(w.Den).Cmp(w.Num.Mul(r.Den)) != 0:
					t.Errorf("%s = %s/%s, want %s/%s", ind, r.Num, r.Den, w.Num, w.Den)
				}
			}
		})
	}
}

// TestAnalyzeNoDenominator: a population of 0 and a 該当なし or zero
// denominator give no value, and no panic.
func TestAnalyzeNoDenominator(t *testing.T) {
	a, err := unified.Analyze(workedBook(t), unified.General, unified.AnalysisInput{})
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []unified.Indicator{unified.AssetsPerCapita, unified.LiabilitiesPerCapita, unified.CostPerCapita} {
		if r, ok := a.Ratio(i); ok {
			t.Errorf("%s with no population: %v", i, r)
		}
	}
	if _, ok := a.Ratio(unified.NetAssetsRatio); !ok {
		t.Error("純資産比率 needs no population")
	}
	// Every line of 経常費用 該当なし: no 受益者負担比率; the others stand.
	a, err = unified.Analyze(workedBook(t, "4111", "4121", "4123", "4131", "4210", "4220"), unified.General, unified.AnalysisInput{Population: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := a.Ratio(unified.BeneficiaryRatio); ok {
		t.Errorf("受益者負担比率 of a 該当なし 経常費用: %v", r)
	}
	if _, ok := a.Ratio(unified.CostPerCapita); !ok {
		t.Error("住民一人当たり行政コスト lost with 経常費用")
	}
	if r, ok := a.Ratio(unified.Indicator(0)); ok {
		t.Errorf("the zero Indicator has a value %v", r)
	}
	if got := unified.Indicator(0).Printed(unified.Ratio{}); !got.IsZero() {
		t.Errorf("Printed of nothing: %s", got)
	}
}

func TestAnalyzeErrors(t *testing.T) {
	book := workedBook(t)
	if _, err := unified.Analyze(book, unified.Whole, unified.AnalysisInput{}); !errors.Is(err, unified.ErrMissing) {
		t.Errorf("a book without 全体 statements: %v", err)
	}
	if _, err := unified.Analyze(nil, unified.General, unified.AnalysisInput{}); !errors.Is(err, unified.ErrMissing) {
		t.Errorf("no book: %v", err)
	}
	if _, err := unified.Analyze(book, 0, unified.AnalysisInput{}); !errors.Is(err, unified.ErrUnknown) {
		t.Errorf("no scope: %v", err)
	}
	// A statement on another form: the 行政コスト計算書 where the 貸借対照表 belongs.
	pl, _ := book.Statement("pl-general")
	var b statement.Book
	for _, id := range []string{"bs-general", "pl-general", "cf-general"} {
		s, _ := book.Statement(id)
		if id == "bs-general" {
			s = pl
		}
		if err := b.Add(id, s); err != nil {
			t.Fatal(err)
		}
	}
	_, err := unified.Analyze(&b, unified.General, unified.AnalysisInput{})
	if !errors.Is(err, unified.ErrForm) {
		t.Fatalf("a BS that is a PL: %v", err)
	}
	t.Log(err)
}

func TestIndicatorNames(t *testing.T) {
	want := []string{"住民一人当たり資産額", "歳入額対資産比率", "有形固定資産減価償却率", "純資産比率", "将来世代負担比率",
		"住民一人当たり負債額", "基礎的財政収支", "住民一人当たり行政コスト", "受益者負担比率"}
	got := unified.Indicators()
	if len(got) != len(want) {
		t.Fatalf("%d indicators, want %d", len(got), len(want))
	}
	for i, ind := range got {
		if ind.String() != want[i] {
			t.Errorf("indicator %d is %s, want %s", i, ind, want[i])
		}
	}
	if s := unified.Indicator(99).String(); s != "%!Indicator(99)" {
		t.Errorf("unknown indicator prints %s", s)
	}
}

// Printing rounds half away from zero from the exact quotient.
func TestIndicatorPrinted(t *testing.T) {
	for _, c := range []struct {
		ind      unified.Indicator
		num, den int64
		want     string
	}{
		{unified.NetAssetsRatio, 1, 8, "12.5"},        // 12.5 exactly
		{unified.NetAssetsRatio, 1, 16, "6.3"},        // 6.25 → 6.3
		{unified.NetAssetsRatio, -1, 16, "-6.3"},      // half away from zero
		{unified.AssetsToRevenue, 2, 3, "0.67"},       // 0.666…
		{unified.AssetsPerCapita, 12345, 1, "1.2"},    // 1.2345 万円
		{unified.AssetsPerCapita, 15000, 1, "1.5"},    // exact
		{unified.PrimaryBalance, -1500, 1, "-2"},      // △1.5 千円 → △2
		{unified.PrimaryBalance, 499, 1, "0"},         // 0.499 千円
		{unified.BeneficiaryRatio, 999, 1000, "99.9"}, // exact
	} {
		r := unified.Ratio{Num: decimal.NewFromInt(c.num), Den: decimal.NewFromInt(c.den)}
		if got := c.ind.Printed(r).String(); got != c.want {
			t.Errorf("%s of %d/%d = %s, want %s", c.ind, c.num, c.den, got, c.want)
		}
	}
}

// Cmp agrees with the exact comparison of decimals, on whole numbers that
// fit in int64 and on those that do not.
func TestRatioCmp(t *testing.T) {
	big := decimal.RequireFromString("123456789012345678901234")
	for _, c := range []struct {
		a, b unified.Ratio
		want int
	}{
		{ratio(1, 3), ratio(2, 6), 0},
		{ratio(1, 3), ratio(1, 2), -1},
		{ratio(-1, 3), ratio(-1, 2), 1},
		{ratio(-1, 3), ratio(1, 2), -1},
		{ratio(0, 3), ratio(0, 7), 0},
		{ratio(0, 3), ratio(-1, 7), 1},
		{ratio(999999999999999999, 3), ratio(999999999999999998, 3), 1},
		{ratio(999999999999999999, 999999999999999998), ratio(999999999999999998, 999999999999999997), -1},
		{unified.Ratio{Num: big, Den: decimal.NewFromInt(1)}, ratio(999999999999999999, 1), 1},
		{unified.Ratio{Num: decimal.RequireFromString("0.5"), Den: decimal.NewFromInt(1)}, ratio(1, 2), 0},
	} {
		if got := c.a.Cmp(c.b); got != c.want {
			t.Errorf("%v/%v against %v/%v: %d, want %d", c.a.Num, c.a.Den, c.b.Num, c.b.Den, got, c.want)
		}
		if got := c.b.Cmp(c.a); got != -c.want {
			t.Errorf("%v/%v against %v/%v: %d, want %d", c.b.Num, c.b.Den, c.a.Num, c.a.Den, got, -c.want)
		}
	}
}

func ratio(num, den int64) unified.Ratio {
	return unified.Ratio{Num: decimal.NewFromInt(num), Den: decimal.NewFromInt(den)}
}

// Printed rounds as format.Ratio does, on whole numbers that take the
// 128-bit path and on those that do not.
func TestPrintedAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		num := r.Int64N(1e18) >> r.IntN(60)
		if r.IntN(2) == 0 {
			num = -num
		}
		den := r.Int64N(1e18)>>r.IntN(62) + 1
		for _, ind := range unified.Indicators() {
			got := ind.Printed(ratio(num, den))
			shift := map[string]int32{"万円": -4, "年": 0, "%": 2, "千円": -3}[ind.Unit()]
			want, err := format.Ratio(decimal.NewFromInt(num), decimal.NewFromInt(den), ind.Places()+shift-2, format.HalfUp)
			if err != nil {
				t.Fatal(err)
			}
			if want = want.Shift(shift - 2); !got.Equal(want) {
				t.Fatalf("%s of %d/%d = %s, want %s", ind, num, den, got, want)
			}
		}
	}
}

// BenchmarkAnalyze computes the indicators of n books: the worked book,
// whose figures Analyze sums as int64, and the same scaled by 10^12,
// whose figures it sums as decimals.
func BenchmarkAnalyze(b *testing.B) {
	for _, c := range []struct {
		name string
		m    string
	}{{"int64", "1"}, {"decimal", "1e12"}} {
		book := workedBookScaled(b, decimal.RequireFromString(c.m))
		for _, n := range []int{100, 1000, 10000} {
			b.Run(fmt.Sprintf("%s/books=%d", c.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					for i := range n {
						if _, err := unified.Analyze(book, unified.General, unified.AnalysisInput{Population: int64(1000 + i)}); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
