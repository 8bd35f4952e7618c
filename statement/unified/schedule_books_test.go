package unified_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// TestScheduleFromBooks keeps the books of the worked year: its opening
// balances, the 資金仕訳 of its purchases and sale, and the register's
// entries; derives the statements from them; and verifies the schedules
// against the 貸借対照表 so derived.
func TestScheduleFromBooks(t *testing.T) {
	y := workedYear(t)
	day := func(s string) era.Date {
		d, err := era.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	yen := func(v int64) decimal.Decimal { return decimal.NewFromInt(v) }
	// The balances at 令和5年3月31日: WORKED.md, section 2, 前年度末残高 and
	// 前年度末累計額, and A-11's; 固定資産等形成分 their net,
	// 1,464,612,239 − 641,683,689 + 12,345,678 − 4,938,270 = 830,335,958.
	opening := journal.NewEntry("開始", day("令和5年4月1日"), journal.Opening, "前年度末残高",
		journal.Debit("1111", yen(162_000_000)), journal.Debit("1113", yen(1_213_333_333)),
		journal.Debit("1125", yen(40_000_000)), journal.Debit("1131", yen(1)), journal.Debit("1134", yen(45_678_905)),
		journal.Debit("1140", yen(3_600_000)), journal.Debit("1210", yen(12_345_678-4_938_270)),
		journal.Credit("1114", yen(593_599_985)), journal.Credit("1135", yen(45_678_904)), journal.Credit("1141", yen(2_404_800)),
		journal.Credit("3010", yen(830_335_958)))
	// The 資金仕訳 of the year: the purchases (A-06; A-09b into 建設仮勘定;
	// A-10's last 3,000,000) and the sale of A-08, booked as the
	// 資金仕訳変換表 books 財産売払収入.
	cash := []journal.Entry{
		journal.NewEntry("1", day("令和5年7月10日"), journal.Regular, "消防ポンプ自動車", journal.Debit("1140", yen(28_500_000)), journal.Credit("7610", yen(28_500_000))),
		journal.NewEntry("2", day("令和5年8月31日"), journal.Regular, "プール工事", journal.Debit("1125", yen(35_000_000)), journal.Credit("7610", yen(35_000_000))),
		journal.NewEntry("3", day("令和5年11月20日"), journal.Regular, "旧職員住宅用地 売払", journal.Debit("7740", yen(15_500_000)), journal.Credit("4810", yen(15_500_000))),
		journal.NewEntry("4", day("令和5年12月1日"), journal.Regular, "プール 完成払", journal.Debit("1115", yen(3_000_000)), journal.Credit("7610", yen(3_000_000))),
	}
	entries := append(append([]journal.Entry{opening}, cash...), y.Entries(fixedasset.EntryOptions{})...)
	opt := unified.JournalOptions()
	opt.Year = 2023
	j, err := journal.New(unified.Chart(), entries, opt)
	if err != nil {
		t.Fatal(err)
	}
	l := ledger.Post(j)
	book, err := unified.FromBooks(l, unified.BooksOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := unified.VerifyBooks(l, book); err != nil {
		t.Error(err)
	}
	// WORKED.md, sections 3a and 5.
	for _, c := range []struct {
		id, row string
		want    int64
	}{
		{"bs-general", "1111", 150_000_000}, {"bs-general", "1113", 1_153_333_333}, {"bs-general", "1114", -559_999_985},
		{"bs-general", "1115", 78_000_000}, {"bs-general", "1125", 0}, {"bs-general", "1134", 45_678_905},
		{"bs-general", "1135", -45_678_904}, {"bs-general", "1140", 37_100_000}, {"bs-general", "1141", -3_006_000},
		{"bs-general", "1210", 4_938_273}, {"bs-general", "1100", 855_427_350},
		{"pl-general", "4123", 29_470_334}, {"pl-general", "4720", 1}, {"pl-general", "4810", 3_500_000},
	} {
		s, _ := book.Statement(c.id)
		if v, _ := s.Cell(c.row, "金額"); !v.Valid || !v.Amount.Equal(yen(c.want)) {
			t.Errorf("%s %s: %s, want %d", c.id, c.row, v, c.want)
		}
	}
	if s, _ := book.Statement("nw-general"); s != nil {
		if v, _ := s.Cell("6600", "合計"); !v.Amount.Equal(yen(5_000_000)) {
			t.Errorf("NW 無償所管換等 %s", v)
		}
	}
	addSchedules(t, book, y)
	for _, f := range book.Verify(statement.VerifyOptions{Links: unified.ScheduleLinks()}).Findings {
		if f.Kind == statement.LinkBroken {
			t.Errorf("%v", f)
		}
	}
}
