package fixedasset_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// entryText writes an entry as date, memo, then its lines as 借方/貸方
// code amount.
func entryText(e journal.Entry) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s %s:", e.ID, e.Date, e.Stage, e.Memo)
	for _, l := range e.Lines {
		fmt.Fprintf(&b, " %s %s %s", l.Side, l.Account, l.Amount)
	}
	return b.String()
}

// TestWorkedEntries compares the year's entries with WORKED.md, section 5,
// and has the journal check them against the standard chart.
func TestWorkedEntries(t *testing.T) {
	y, err := readWorked(t).Year(2023, fixedasset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	entries := y.Entries(fixedasset.EntryOptions{})
	want := []string{
		"固定資産台帳-1 令和5年5月15日 整理仕訳 無償所管換等 A-12 寄贈絵画「港の朝」: 借方 1140 5000000 貸方 6600 5000000",
		"固定資産台帳-2 令和5年9月30日 整理仕訳 除却 A-07 旧第二保育所: 借方 1114 59999999 借方 4720 1 貸方 1113 60000000",
		"固定資産台帳-3 令和5年11月20日 整理仕訳 売却 A-08 旧職員住宅用地: 借方 4810 12000000 貸方 1111 12000000",
		"固定資産台帳-4 令和5年12月1日 整理仕訳 振替 A-09a 小学校プール（令和4年度工事） → A-10 第一小学校プール: 借方 1115 40000000 貸方 1125 40000000",
		"固定資産台帳-5 令和5年12月1日 整理仕訳 振替 A-09b 小学校プール（令和5年度工事） → A-10 第一小学校プール: 借方 1115 35000000 貸方 1125 35000000",
		"固定資産台帳-6 令和6年3月31日 整理仕訳 減価償却 事業用資産/建物: 借方 4123 26399999 貸方 1114 26399999",
		"固定資産台帳-7 令和6年3月31日 整理仕訳 減価償却 物品: 借方 4123 601200 貸方 1141 601200",
		"固定資産台帳-8 令和6年3月31日 整理仕訳 減価償却 無形固定資産/ソフトウェア: 借方 4123 2469135 貸方 1210 2469135",
	}
	if len(entries) != len(want) {
		t.Errorf("%d entries, want %d", len(entries), len(want))
	}
	for i, e := range entries {
		if i < len(want) && entryText(e) != want[i] {
			t.Errorf("entry %d:\n got %s\nwant %s", i+1, entryText(e), want[i])
		}
	}
	j, err := journal.New(unified.Chart(), entries, journal.Options{Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	for e, kind := range j.All() {
		if kind != journal.NonCash {
			t.Errorf("%s is a %s", e.ID, kind)
		}
	}

	// The sale with its price credited to the land (WORKED.md, the note
	// of section 5), and ids of the caller's.
	entries = y.Entries(fixedasset.EntryOptions{Proceeds: "1111", IDPrefix: "FA"})
	if got := entryText(entries[2]); got != "FA3 令和5年11月20日 整理仕訳 売却 A-08 旧職員住宅用地: 借方 1111 3500000 貸方 4810 3500000" {
		t.Errorf("%s", got)
	}
}

// TestEntriesMonthly checks that by months a disposal takes the year's
// depreciation with it: the 除却 of an asset depreciated to September.
func TestEntriesMonthly(t *testing.T) {
	// 1,200 × 0.200 = 240 a year from 令和2年4月; 令和4年度 to September, 6
	// months: 120; 累計額 240 × 2 + 120 = 600, book value 600.
	r := asset(t, fixedasset.Asset{Account: fixedasset.Goods, Life: 5, Acquired: mustDate(t, "令和2年4月1日"), Cost: 1200,
		Disposed: mustDate(t, "令和4年9月30日"), Disposal: fixedasset.Retired})
	y, err := r.Year(2022, fixedasset.Options{Method: fixedasset.Monthly})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range y.Entries(fixedasset.EntryOptions{}) {
		got = append(got, entryText(e))
	}
	want := []string{
		"固定資産台帳-1 令和4年9月30日 整理仕訳 除却 X x: 借方 1141 600 借方 4720 600 貸方 1140 1200",
		"固定資産台帳-2 令和5年3月31日 整理仕訳 減価償却 物品: 借方 4123 120 貸方 1141 120",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEntriesDisposals checks the disposals the worked year has none of.
func TestEntriesDisposals(t *testing.T) {
	// 1,000 at 0.200 from 令和2年4月: 200 in 令和3年度 and 令和4年度, none
	// in 令和5年度, the year it leaves; 累計額 400, book value 600.
	cases := []struct {
		name  string
		asset fixedasset.Asset
		want  string
	}{
		{"ソフトウェア 除却: its amortisation was credited to it",
			fixedasset.Asset{Account: fixedasset.Software, Life: 5, Disposal: fixedasset.Retired},
			"借方 4720 600 貸方 1210 600"},
		{"物品 無償所管換等",
			fixedasset.Asset{Account: fixedasset.Goods, Life: 5, Disposal: fixedasset.TransferredOut},
			"借方 1141 400 借方 6600 600 貸方 1140 1000"},
		{"物品 sold below book value",
			fixedasset.Asset{Account: fixedasset.Goods, Life: 5, Disposal: fixedasset.Sold, Proceeds: 250},
			"借方 1141 400 借方 4810 250 借方 4720 350 貸方 1140 1000"},
		{"物品 sold at book value",
			fixedasset.Asset{Account: fixedasset.Goods, Life: 5, Disposal: fixedasset.Sold, Proceeds: 600},
			"借方 1141 400 借方 4810 600 貸方 1140 1000"},
	}
	for _, c := range cases {
		a := c.asset
		a.Acquired, a.Disposed, a.Cost = mustDate(t, "令和2年4月1日"), mustDate(t, "令和5年6月1日"), 1000
		y, err := asset(t, a).Year(2023, fixedasset.Options{})
		if err != nil {
			t.Fatal(err)
		}
		entries := y.Entries(fixedasset.EntryOptions{})
		if len(entries) != 1 {
			t.Fatalf("%s: %d entries", c.name, len(entries))
		}
		got := entryText(entries[0])
		if !strings.HasSuffix(got, ": "+c.want) {
			t.Errorf("%s: %s", c.name, got)
		}
	}
}
