package unified_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// bookPatterns are the entries a synthetic year repeats, by the codes of
// the standard accounts: payments and receipts booked on the accounts of
// the 資金収支計算書, and on 現金預金, assets bought and depreciated, funds
// and loans, accruals.
var bookPatterns = [][2]string{
	{"4121", "7112"}, // 物件費 / 物件費等支出
	{"4111", "7111"}, // 職員給与費 / 人件費支出
	{"7210", "6210"}, // 税収等収入 / 税収等
	{"4220", "7122"}, // 社会保障給付 / 社会保障給付支出
	{"1113", "7610"}, // 建物 / 公共施設等整備費支出
	{"4123", "1114"}, // 減価償却費 / 建物減価償却累計額
	{"1541", "7620"}, // 財政調整基金 / 基金積立金支出
	{"7730", "1340"}, // 貸付金元金回収収入 / 長期貸付金
	{"4122", "1510"}, // 維持補修費 / 現金預金
	{"1520", "6210"}, // 未収金 / 税収等
}

// syntheticBooks returns a journal of n lines (n/2 entries of two lines)
// over 令和5年度, with the opening balances the worked example brings
// forward.
func syntheticBooks(tb testing.TB, lines int) []journal.Entry {
	tb.Helper()
	var days []era.Date // the 366 days of 令和5年度
	for t := time.Date(2023, time.April, 1, 0, 0, 0, 0, time.UTC); t.Year() < 2024 || t.Month() < time.April; t = t.AddDate(0, 0, 1) {
		d, err := era.DateOf(t)
		if err != nil {
			tb.Fatal(err)
		}
		days = append(days, d)
	}
	entries := make([]journal.Entry, 0, lines/2+1)
	for i := range lines / 2 {
		p := bookPatterns[i%len(bookPatterns)]
		day := days[i%len(days)]
		amount := decimal.NewFromInt(int64(i%997+1) * 1000)
		entries = append(entries, journal.NewEntry(strconv.Itoa(i), day, journal.Regular, "",
			journal.Debit(p[0], amount), journal.Credit(p[1], amount)))
	}
	return entries
}

// BenchmarkBooks measures the books of a year at 10,000, 100,000 and
// 1,000,000 journal lines: checking the journal against the chart,
// posting it, the trial balance and the four statements.
func BenchmarkBooks(b *testing.B) {
	for _, lines := range []int{10_000, 100_000, 1_000_000} {
		entries := syntheticBooks(b, lines)
		opt := unified.JournalOptions()
		opt.Year = 2023
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			b.ReportAllocs()
			cpu0, measured := cpuTime()
			for b.Loop() {
				j, err := journal.New(unified.Chart(), entries, opt)
				if err != nil {
					b.Fatal(err)
				}
				l := ledger.Post(j)
				if err := l.TrialBalance().Check(); err != nil {
					b.Fatal(err)
				}
				if _, err := unified.FromBooks(l, unified.BooksOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(lines), "ns/line")
			// The processor time of the process, the garbage collector's
			// included: what the work costs, whatever else the machine runs.
			if cpu1, ok := cpuTime(); ok && measured {
				b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(b.N)/float64(lines), "cpu-ns/line")
			}
		})
	}
}
