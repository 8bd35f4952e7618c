package journal_test

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/koukaikei/koukaikei/account/journal"
)

// journalCSV returns a journal file of n lines: n/2 entries of two lines,
// dated over 令和5年度, accounts named as users name them.
func journalCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("entry,date,account,debit,credit,memo\n")
	pairs := [][2]string{{"物件費", "物件費等支出"}, {"税収等収入", "税収等"}, {"事業用資産/建物", "現金預金"}, {"減価償却費", "建物減価償却累計額"}}
	for i := range n / 2 {
		p := pairs[i%len(pairs)]
		date := fmt.Sprintf("2023-%02d-%02d", 4+i%9, 1+i%28)
		amount := strconv.Itoa((i%997 + 1) * 1000)
		fmt.Fprintf(&b, "%d,%s,%s,%s,,摘要\n%d,,%s,,%s,\n", i, date, p[0], amount, i, p[1], amount)
	}
	return b.Bytes()
}

// BenchmarkReadCSV reads and checks journal files of 10,000, 100,000 and
// 1,000,000 lines.
func BenchmarkReadCSV(b *testing.B) {
	c := testChart(b)
	for _, lines := range []int{10_000, 100_000, 1_000_000} {
		data := journalCSV(lines)
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := journal.ReadCSV(bytes.NewReader(data), "j.csv", c, journal.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(lines), "ns/line")
		})
	}
}
