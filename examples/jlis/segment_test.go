package jlis_test

import (
	"testing"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/segment/apportion"
	"github.com/shopspring/decimal"
)

func populations(t testing.TB) ([]jlis.Municipality, []decimal.Decimal) {
	ms, err := jlis.Koufukin()
	if err != nil {
		t.Fatal(err)
	}
	pops := make([]decimal.Decimal, len(ms))
	for i, m := range ms {
		pops[i] = m.Population
	}
	return ms, pops
}

// Webster in units of 1,000 円 gives every amount the 交付金見込額一覧
// prints; Hamilton would not.
func TestKoufukin(t *testing.T) {
	ms, pops := populations(t)
	if len(ms) != 1741 {
		t.Fatalf("%d municipalities, want 1,741", len(ms))
	}
	thousand := decimal.NewFromInt(1000)
	shares, err := apportion.Divide(jlis.KoufukinTotal, pops, thousand, apportion.Webster)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if !shares[i].Equal(m.Amount) {
			t.Errorf("%s %s %s: Webster gives %s, the table prints %s", m.Code, m.Prefecture, m.Name, shares[i], m.Amount)
		}
	}
	hamilton, err := apportion.Divide(jlis.KoufukinTotal, pops, thousand, apportion.Hamilton)
	if err != nil {
		t.Fatal(err)
	}
	differ := 0
	for i, m := range ms {
		if !hamilton[i].Equal(m.Amount) {
			differ++
		}
	}
	if differ != 24 {
		t.Errorf("Hamilton differs from the table in %d amounts; 24 expected (12 bodies 1,000 円 more, 12 less)", differ)
	}
}

func BenchmarkWebster1741(b *testing.B) {
	_, pops := populations(b)
	thousand := decimal.NewFromInt(1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := apportion.Divide(jlis.KoufukinTotal, pops, thousand, apportion.Webster); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConsolidateFY2019 consolidates the seven segments of 様式第14号
// and 第15号 with their eliminations.
func BenchmarkConsolidateFY2019(b *testing.B) {
	tables, err := jlis.Tables()
	if err != nil {
		b.Fatal(err)
	}
	chart, err := jlis.Chart()
	if err != nil {
		b.Fatal(err)
	}
	var cs []*segment.Consolidation
	var tbs []*jlis.Table
	for _, t := range tables {
		if c, err := jlis.Consolidation(t, chart); err == nil {
			cs = append(cs, c)
			tbs = append(tbs, t)
		}
	}
	if len(cs) != 2 {
		b.Fatalf("%d segment statements, want 2", len(cs))
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range cs {
			if _, err := c.Build(tbs[i].Meta); err != nil {
				b.Fatal(err)
			}
		}
	}
}
