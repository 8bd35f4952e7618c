package journal_test

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/era"
)

func ExampleNew() {
	chart, _ := account.ReadCSV(strings.NewReader(`code,name,category,parent,contra
1113,建物,asset,,
1114,建物減価償却累計額,asset,,true
4121,物件費,expense,,
4123,減価償却費,expense,,
7112,物件費等支出,outflow,,
`), "chart.csv")
	paid, _ := era.Parse("令和5年6月1日")
	last, _ := era.Parse("令和6年3月31日")
	entries := []journal.Entry{
		journal.NewEntry("1", paid, journal.Regular, "消耗品の購入",
			journal.Debit("4121", decimal.NewFromInt(55000)), journal.Credit("7112", decimal.NewFromInt(55000))),
		journal.NewEntry("D-1", last, journal.Adjusting, "減価償却（庁舎）",
			journal.Debit("4123", decimal.NewFromInt(1200000)), journal.Credit("1114", decimal.NewFromInt(1200000))),
	}
	j, err := journal.New(chart, entries, journal.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(j.Year())
	for e, kind := range j.All() {
		fmt.Println(e.ID, e.Stage, kind, e.Total(account.Debit))
	}
	// Output:
	// 令和5年度
	// 1 期中仕訳 資金仕訳 55000
	// D-1 整理仕訳 非資金仕訳 1200000
}
