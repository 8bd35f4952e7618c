// Command jlis2019 prints figures of the FY2019 (令和元年度) report of
// 地方公共団体情報システム機構 (J-LIS) as the report publishes them.
//
// It prints the two tables of 令和元年度決算の概要 that summarise the 決算報告書:
// 貸借対照表 and 損益計算書 in 百万円, with 予算, 決算 and 差引, derived from
// the yen figures of the 決算報告書.
//
// Usage:
//
//	go run ./examples/jlis2019
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "jlis2019:", err)
		os.Exit(1)
	}
}

// A summaryRow is one line of a 決算の概要 table: the yen figures of the
// 決算報告書 line it summarises.
type summaryRow struct {
	label          string // as printed, with its indent
	budget, actual decimal.Decimal
}

type summaryTable struct {
	title string
	rows  []summaryRow
}

func yen(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

// summaries are the 決算報告書 figures (円) that 令和元年度決算の概要 prints
// in 百万円.
var summaries = []summaryTable{
	{"１　貸借対照表", []summaryRow{
		{"資産", yen(62711899000), yen(53429604577)},
		{"　流動資産", yen(56890596000), yen(47470779821)},
		{"　固定資産", yen(5821303000), yen(5958824756)},
		{"負債", yen(58122078000), yen(46759726892)},
		{"　流動負債", yen(46703479000), yen(33442236023)},
		{"　固定負債", yen(11418599000), yen(13317490869)},
		{"純資産", yen(4589821000), yen(6669877685)},
	}},
	{"２　損益計算書", []summaryRow{
		{"営業収益", yen(65475341000), yen(47225159722)},
		{"営業費用", yen(62527089000), yen(42502152460)},
		{"営業利益", yen(2948252000), yen(4723007262)},
		{"営業外収益", yen(101149000), yen(8795200)},
		{"営業外費用", yen(37262000), yen(44346650)},
		{"経常利益", yen(3012139000), yen(4687455812)},
		{"特別損失", yen(3172000000), yen(3230650671)},
		{"当期純利益", yen(-159861000), yen(1456735141)},
	}},
}

// run prints every summary table to w.
func run(w io.Writer) error {
	const unit = format.Million
	f := format.Formatter{Unit: unit}
	var d format.Display
	fmt.Fprintln(w, "令和元年度決算の概要")
	for _, t := range summaries {
		fmt.Fprintf(w, "\n%s\n（単位：%s）\n", t.title, unit)
		fmt.Fprintf(w, "%s%s%s%s\n", d.PadRight("科目", 12), d.PadLeft("予算", 10), d.PadLeft("決算", 10), d.PadLeft("差引", 10))
		for _, r := range t.rows {
			budget := format.Round(r.budget, unit, format.HalfUp)
			actual := format.Round(r.actual, unit, format.HalfUp)
			// 差引 is the difference of the rounded figures, not the rounded
			// difference: the report prints 固定負債 1,898, where the exact
			// difference 1,898,891,869 円 would round to 1,899.
			diff := actual.Sub(budget)
			fmt.Fprintf(w, "%s%s%s%s\n",
				d.PadRight(r.label, 12),
				d.PadLeft(f.Format(r.budget), 10),
				d.PadLeft(f.Format(r.actual), 10),
				d.PadLeft(f.Format(unit.ToYen(diff)), 10))
		}
	}
	_, err := fmt.Fprintln(w, "\n（注）金額は、科目ごとに10万円単位を四捨五入しているので、合計額が一致しない場合がある。")
	return err
}
