package fixedasset_test

import (
	"os"
	"testing"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/era"
)

// readWorked reads testdata/worked.csv, the register of WORKED.md.
func readWorked(t testing.TB) *fixedasset.Register {
	t.Helper()
	f, err := os.Open("testdata/worked.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := fixedasset.ReadCSV(f, "worked.csv")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// mv is a Movement written in the order of the schedule's columns:
// 前年度末残高, 増加, 減少, 末残高, 末累計額, 償却額, and the 前年度末累計額,
// 減少分の累計額 and depreciable cost.
func mv(opening, inc, dec, closing, acc, dep, openAcc, dispAcc, depreciable int64) fixedasset.Movement {
	return fixedasset.Movement{Opening: opening, Increase: inc, Decrease: dec, Closing: closing,
		Accumulated: acc, Depreciation: dep, OpeningAccumulated: openAcc, DisposedAccumulated: dispAcc, Depreciable: depreciable}
}

// The figures of WORKED.md, section 2, by account (FromNextYear).
var workedAccounts = []struct {
	account fixedasset.Account
	want    fixedasset.Movement
	net     int64
}{
	{fixedasset.BusinessLand, mv(162_000_000, 0, 12_000_000, 150_000_000, 0, 0, 0, 0, 0), 150_000_000},
	{fixedasset.BusinessBuilding, mv(1_213_333_333, 0, 60_000_000, 1_153_333_333, 559_999_985, 26_399_999, 593_599_985, 59_999_999, 1_153_333_333), 593_333_348},
	{fixedasset.BusinessStructure, mv(0, 78_000_000, 0, 78_000_000, 0, 0, 0, 0, 78_000_000), 78_000_000},
	{fixedasset.BusinessConstruction, mv(40_000_000, 35_000_000, 75_000_000, 0, 0, 0, 0, 0, 0), 0},
	{fixedasset.InfraLand, mv(1, 0, 0, 1, 0, 0, 0, 0, 0), 1},
	{fixedasset.InfraStructure, mv(45_678_905, 0, 0, 45_678_905, 45_678_904, 0, 45_678_904, 0, 45_678_905), 1},
	{fixedasset.Goods, mv(3_600_000, 33_500_000, 0, 37_100_000, 3_006_000, 601_200, 2_404_800, 0, 32_100_000), 34_094_000},
	{fixedasset.Software, mv(12_345_678, 0, 0, 12_345_678, 7_407_405, 2_469_135, 4_938_270, 0, 12_345_678), 4_938_273},
	{fixedasset.BusinessTimber, mv(0, 0, 0, 0, 0, 0, 0, 0, 0), 0},
}

func TestWorkedByAccount(t *testing.T) {
	y, err := readWorked(t).Year(2023, fixedasset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range workedAccounts {
		got := y.Account(c.account)
		if got != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.account, got, c.want)
		}
		if got.Net() != c.net {
			t.Errorf("%s: Net = %d, want %d", c.account, got.Net(), c.net)
		}
	}
	want := mv(1_464_612_239, 146_500_000, 147_000_000, 1_464_112_239, 608_684_889, 27_001_199, 0, 0, 1_309_112_238)
	got := y.Tangible()
	got.OpeningAccumulated, got.DisposedAccumulated = 0, 0 // WORKED.md sums the others
	if got != want || got.Net() != 855_427_350 {
		t.Errorf("合計:\n got %+v (net %d)\nwant %+v (net 855,427,350)", got, got.Net(), want)
	}
}

func TestWorkedByPurpose(t *testing.T) {
	y, err := readWorked(t).Year(2023, fixedasset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// WORKED.md, section 3: 差引本年度末残高 by account and purpose.
	cells := []struct {
		account fixedasset.Account
		purpose fixedasset.Purpose
		net     int64
	}{
		{fixedasset.BusinessLand, fixedasset.Administration, 150_000_000},
		{fixedasset.BusinessBuilding, fixedasset.Education, 183_333_348},
		{fixedasset.BusinessBuilding, fixedasset.Welfare, 0},
		{fixedasset.BusinessBuilding, fixedasset.Administration, 410_000_000},
		{fixedasset.BusinessStructure, fixedasset.Education, 78_000_000},
		{fixedasset.InfraLand, fixedasset.Infrastructure, 1},
		{fixedasset.InfraStructure, fixedasset.Infrastructure, 1},
		{fixedasset.Goods, fixedasset.Education, 5_000_000},
		{fixedasset.Goods, fixedasset.FireService, 28_500_000},
		{fixedasset.Goods, fixedasset.Administration, 594_000},
	}
	for _, c := range cells {
		if got := y.Cell(c.account, c.purpose).Net(); got != c.net {
			t.Errorf("%s × %s = %d, want %d", c.account, c.purpose, got, c.net)
		}
	}
	totals := map[fixedasset.Purpose]int64{
		fixedasset.Infrastructure: 2, fixedasset.Education: 266_333_348, fixedasset.Welfare: 0,
		fixedasset.Environment: 0, fixedasset.Industry: 0, fixedasset.FireService: 28_500_000, fixedasset.Administration: 560_594_000,
	}
	for p, want := range totals {
		if got := y.Purpose(p).Net(); got != want {
			t.Errorf("%s: %d, want %d", p, got, want)
		}
	}
}

func TestWorkedAgingRatio(t *testing.T) {
	y, err := readWorked(t).Year(2023, fixedasset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// WORKED.md, section 4.
	cases := []struct {
		name   string
		m      fixedasset.Movement
		one    string // to 0.1 %
		two    string // to 0.01 %
		exists bool
	}{
		{"事業用資産/建物", y.Account(fixedasset.BusinessBuilding), "48.6", "48.55", true},
		{"事業用資産/工作物", y.Account(fixedasset.BusinessStructure), "0", "0", true},
		{"インフラ資産/工作物", y.Account(fixedasset.InfraStructure), "100", "100", true},
		{"物品", y.Account(fixedasset.Goods), "9.4", "9.36", true},
		{"総務", y.Purpose(fixedasset.Administration), "50.1", "50.15", true},
		{"教育", y.Purpose(fixedasset.Education), "36.5", "36.47", true},
		{"生活インフラ・国土保全", y.Purpose(fixedasset.Infrastructure), "100", "100", true},
		{"消防", y.Purpose(fixedasset.FireService), "0", "0", true},
		{"福祉", y.Purpose(fixedasset.Welfare), "", "", false},
		{"合計", y.Tangible(), "46.5", "46.5", true},
	}
	for _, c := range cases {
		one, ok := c.m.AgingRatio(1)
		two, _ := c.m.AgingRatio(2)
		if ok != c.exists || ok && (one.String() != c.one || two.String() != c.two) {
			t.Errorf("%s: %s %s %v, want %s %s %v", c.name, one, two, ok, c.one, c.two, c.exists)
		}
	}
}

func TestWorkedMonthly(t *testing.T) {
	r := readWorked(t)
	y, err := r.Year(2023, fixedasset.Options{Method: fixedasset.Monthly})
	if err != nil {
		t.Fatal(err)
	}
	// WORKED.md, section 6.
	lines := []struct {
		id                string
		openAcc, dep, acc int64
	}{
		{"A-02", 410_000_000, 16_400_000, 426_400_000},
		{"A-03", 144_999_985, 9_999_999, 154_999_984},
		{"A-04", 45_678_904, 0, 45_678_904},
		{"A-05", 2_855_700, 601_200, 3_456_900},
		{"A-06", 0, 4_275_000, 4_275_000},
		{"A-07", 59_999_999, 0, 0},
		{"A-10", 0, 884_000, 884_000},
		{"A-11", 7_407_405, 2_469_135, 9_876_540},
	}
	for _, c := range lines {
		_, i, ok := r.Lookup(c.id)
		if !ok {
			t.Fatalf("no %s", c.id)
		}
		l := y.Line(i)
		if l.OpeningAccumulated != c.openAcc || l.Depreciation != c.dep || l.Accumulated != c.acc {
			t.Errorf("%s: %d + %d → %d, want %d + %d → %d", c.id, l.OpeningAccumulated, l.Depreciation, l.Accumulated, c.openAcc, c.dep, c.acc)
		}
	}
	b := y.Account(fixedasset.BusinessBuilding)
	if b.OpeningAccumulated != 614_999_984 || b.Depreciation != 26_399_999 || b.Accumulated != 581_399_984 {
		t.Errorf("建物: %+v", b)
	}
	if g := y.Account(fixedasset.Goods); g.OpeningAccumulated != 2_855_700 || g.Depreciation != 4_876_200 || g.Accumulated != 7_731_900 {
		t.Errorf("物品: %+v", g)
	}
	if tt := y.Tangible(); tt.Depreciation != 32_160_199 || tt.Accumulated != 635_694_788 {
		t.Errorf("合計: %+v", tt)
	}
}

func TestWorkedDisposals(t *testing.T) {
	r := readWorked(t)
	y, err := r.Year(2023, fixedasset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id            string
		book, dispAcc int64
		disposal      fixedasset.Disposal
	}{
		{"A-07", 1, 59_999_999, fixedasset.Retired},
		{"A-08", 12_000_000, 0, fixedasset.Sold},
		{"A-09a", 40_000_000, 0, fixedasset.Transferred},
		{"A-09b", 35_000_000, 0, fixedasset.Transferred},
	} {
		a, i, _ := r.Lookup(c.id)
		l := y.Line(i)
		if l.BookValue != c.book || l.DisposedAccumulated != c.dispAcc || a.Disposal != c.disposal {
			t.Errorf("%s: book %d, accumulated %d, %s; want %d, %d, %s", c.id, l.BookValue, l.DisposedAccumulated, a.Disposal, c.book, c.dispAcc, c.disposal)
		}
	}
	// Outside the year: A-06 was acquired in it; the year before has no line for it.
	prev, err := r.Year(2022, fixedasset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, i, _ := r.Lookup("A-06")
	if l := prev.Line(i); l != (fixedasset.Line{}) {
		t.Errorf("A-06 in 令和4年度: %+v", l)
	}
	if fy := era.FiscalYear(2023); y.FiscalYear() != fy {
		t.Errorf("FiscalYear %v", y.FiscalYear())
	}
}
