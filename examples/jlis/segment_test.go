package jlis_test

import (
	"testing"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/segment/apportion"
	"github.com/shopspring/decimal"
)

// total is the 負担金総額 that 議案第３号 prints: ７６，４７６，９４０，０００円.
var total = decimal.NewFromInt(76476940000)

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
	shares, err := apportion.Divide(total, pops, thousand, apportion.Webster)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if !shares[i].Equal(m.Amount) {
			t.Errorf("%s %s %s: Webster gives %s, the table prints %s", m.Code, m.Prefecture, m.Name, shares[i], m.Amount)
		}
	}
	hamilton, err := apportion.Divide(total, pops, thousand, apportion.Hamilton)
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
		if _, err := apportion.Divide(total, pops, thousand, apportion.Webster); err != nil {
			b.Fatal(err)
		}
	}
}
