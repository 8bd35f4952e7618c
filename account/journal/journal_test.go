package journal_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/era"
)

// testChart is a small chart in the shape of the standard one: names
// repeat (建物 under two parents), a group account, and accounts of the
// 資金収支計算書.
func testChart(t testing.TB) *account.Chart {
	t.Helper()
	c, err := account.ReadCSV(strings.NewReader(`code,name,category,parent,contra
1100,有形固定資産,asset,,
1110,事業用資産,asset,1100,
1113,建物,asset,1110,
1114,建物減価償却累計額,asset,1110,true
1130,インフラ資産,asset,1100,
1132,建物,asset,1130,
1510,現金預金,asset,,
2120,未払金,liability,,
4121,物件費,expense,,
4123,減価償却費,expense,,
6210,税収等,revenue,,
7112,物件費等支出,outflow,,
7210,税収等収入,inflow,,
`), "chart.csv")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func date(t testing.TB, s string) era.Date {
	t.Helper()
	d, err := era.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func yen(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

func TestNewKinds(t *testing.T) {
	c := testChart(t)
	entries := []journal.Entry{
		journal.NewEntry("1", date(t, "2023-06-01"), journal.Regular, "消耗品",
			journal.Debit("4121", yen(1000)), journal.Credit("7112", yen(1000))),
		journal.NewEntry("2", date(t, "2024-03-31"), journal.Adjusting, "減価償却",
			journal.Debit("4123", yen(500)), journal.Credit("1114", yen(500))),
		journal.NewEntry("3", date(t, "2024-05-31"), journal.Regular, "出納整理期間の納付",
			journal.Debit("7210", yen(300)), journal.Credit("6210", yen(300))),
	}
	j, err := journal.New(c, entries, journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if j.Year() != 2023 || j.Len() != 3 || j.NumLines() != 6 {
		t.Errorf("year %v, %d entries, %d lines", j.Year(), j.Len(), j.NumLines())
	}
	want := []journal.Kind{journal.Cash, journal.NonCash, journal.Cash}
	i := 0
	for e, k := range j.All() {
		if k != want[i] {
			t.Errorf("entry %s: %v, want %v", e.ID, k, want[i])
		}
		i++
	}
	// The journal keeps its own copy.
	entries[0].Lines[0].Amount = yen(7)
	if e, _ := j.Entry(0); !e.Lines[0].Amount.Equal(yen(1000)) {
		t.Errorf("the journal shares the caller's lines: %v", e.Lines[0].Amount)
	}
}

func TestNewProblems(t *testing.T) {
	c := testChart(t)
	d := date(t, "2023-06-01")
	for _, tt := range []struct {
		name  string
		entry journal.Entry
		want  error
		text  string
	}{
		{"unbalanced", journal.NewEntry("1", d, 0, "", journal.Debit("4121", yen(1000)), journal.Credit("7112", yen(900))),
			journal.ErrUnbalanced, `entry "1": unbalanced: 借方 1,000, 貸方 900`},
		{"unknown account", journal.NewEntry("1", d, 0, "", journal.Debit("9999", yen(1)), journal.Credit("7112", yen(1))),
			journal.ErrUnknown, `entry "1": line 1 of the entry: column "account": unknown account "9999"`},
		{"group account", journal.NewEntry("1", d, 0, "", journal.Debit("1110", yen(1)), journal.Credit("7112", yen(1))),
			journal.ErrNotPosting, `not a posting account: 1110 事業用資産 has accounts under it`},
		{"negative", journal.NewEntry("1", d, 0, "", journal.Debit("4121", yen(-1)), journal.Credit("7112", yen(-1))),
			journal.ErrRange, `column "debit": value out of range: amount -1: not positive`},
		{"fraction", journal.NewEntry("1", d, 0, "", journal.Debit("4121", decimal.RequireFromString("1.5")), journal.Credit("7112", decimal.RequireFromString("1.5"))),
			journal.ErrSyntax, `amount 1.5: not whole yen`},
		{"outside the year", journal.NewEntry("1", date(t, "2024-06-01"), 0, "", journal.Debit("4121", yen(1)), journal.Credit("7112", yen(1))),
			journal.ErrRange, `2024-06-01 is outside 令和5年度 (2023-04-01 to 2024-03-31) and its 出納整理期間 (to 2024-05-31)`},
		{"no lines", journal.NewEntry("1", d, 0, ""), journal.ErrMissing, `missing lines`},
		{"no id", journal.NewEntry("", d, 0, "", journal.Debit("4121", yen(1)), journal.Credit("7112", yen(1))),
			journal.ErrMissing, `missing entry id`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := journal.New(c, []journal.Entry{tt.entry}, journal.Options{Year: 2023})
			var je *journal.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &je) || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("got %v, want %v containing %q", err, tt.want, tt.text)
			}
		})
	}
}

// TestDuplicateID checks entry ids that rise, as 伝票番号 do, and ids
// that do not, with and without one given twice.
func TestDuplicateID(t *testing.T) {
	c := testChart(t)
	for _, tt := range []struct {
		ids   []string
		first string // the entry the duplicate names; "" for none
	}{
		{ids: []string{"1", "1"}, first: "(first entry 1)"},
		{ids: []string{"1", "2", "10", "2"}, first: "(first entry 2)"},
		{ids: []string{"R5-0009", "R5-0010", "R5-0010"}, first: "(first entry 2)"},
		{ids: []string{"9", "10", "11"}},
		{ids: []string{"R5-0009", "R5-0010"}},
		{ids: []string{"10", "9", "D-1", "1"}},
	} {
		var entries []journal.Entry
		for _, id := range tt.ids {
			entries = append(entries, journal.NewEntry(id, date(t, "2023-06-01"), 0, "", journal.Debit("4121", yen(1)), journal.Credit("7112", yen(1))))
		}
		_, err := journal.New(c, entries, journal.Options{})
		if tt.first == "" && err != nil {
			t.Errorf("ids %q: %v, want no error", tt.ids, err)
		}
		if tt.first != "" && (!errors.Is(err, journal.ErrDuplicate) || !strings.Contains(err.Error(), tt.first)) {
			t.Errorf("ids %q: %v, want ErrDuplicate %s", tt.ids, err, tt.first)
		}
	}
}

func TestWith(t *testing.T) {
	c := testChart(t)
	j, err := journal.New(c, []journal.Entry{journal.NewEntry("1", date(t, "2023-06-01"), 0, "",
		journal.Debit("4121", yen(1)), journal.Credit("7112", yen(1)))}, journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	k, err := j.With(journal.NewEntry("D-1", date(t, "2024-03-31"), journal.Adjusting, "減価償却",
		journal.Debit("4123", yen(5)), journal.Credit("1114", yen(5))))
	if err != nil || k.Len() != 2 || j.Len() != 1 || k.Year() != 2023 {
		t.Fatalf("With: %v, %d and %d entries", err, k.Len(), j.Len())
	}
	if _, err := j.With(journal.NewEntry("1", date(t, "2023-06-01"), 0, "",
		journal.Debit("4121", yen(1)), journal.Credit("7112", yen(1)))); !errors.Is(err, journal.ErrDuplicate) {
		t.Errorf("With a duplicate id: %v", err)
	}
}

func TestParseStage(t *testing.T) {
	for in, want := range map[string]journal.Stage{"": journal.Regular, "開始仕訳": journal.Opening, "整理": journal.Adjusting, "Opening": journal.Opening, "期中仕訳": journal.Regular} {
		if got, err := journal.ParseStage(in); err != nil || got != want {
			t.Errorf("ParseStage(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := journal.ParseStage("決算"); !errors.Is(err, journal.ErrSyntax) {
		t.Errorf("ParseStage(決算): %v", err)
	}
}
