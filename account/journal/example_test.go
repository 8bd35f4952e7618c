package journal_test

import (
	"errors"
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

func ExampleReadCSV() {
	chart, _ := account.ReadCSV(strings.NewReader(`code,name,category,parent
1110,事業用資産,asset,
1113,建物,asset,1110
1130,インフラ資産,asset,
1132,建物,asset,1130
7610,公共施設等整備費支出,outflow,
`), "chart.csv")
	j, err := journal.ReadCSV(strings.NewReader(`entry,date,account,debit,credit,memo
1,令和5年10月1日,事業用資産/建物,"300,000,000",,公民館の取得
1,,公共施設等整備費支出,,"300,000,000",
2,2024-05-31,建物,1000,,
2,2024-05-31,公共施設等整備費支出,,1000,
`), "journal.csv", chart, journal.Options{})
	fmt.Println(err)
	fmt.Println(errors.Is(err, journal.ErrAmbiguous))
	_ = j
	// Output:
	// journal: journal.csv: line 4: entry "2": column "account": ambiguous account "建物": 事業用資産/建物 (1113), インフラ資産/建物 (1132)
	// true
}

func ExampleNames() {
	chart, _ := account.ReadCSV(strings.NewReader(`code,name,category,parent
7200,業務収入,inflow,
7220,国県等補助金収入,inflow,7200
7700,投資活動収入,inflow,
7710,国県等補助金収入,inflow,7700
`), "chart.csv")
	names := journal.NewNames(chart)
	code, _ := names.Lookup("投資活動収入/国県等補助金収入")
	fmt.Println(code, names.Label(code))
	_, err := names.Lookup("国県等補助金収入")
	fmt.Println(err)
	// Output:
	// 7710 投資活動収入/国県等補助金収入
	// ambiguous account "国県等補助金収入": 業務収入/国県等補助金収入 (7220), 投資活動収入/国県等補助金収入 (7710)
}

func ExampleReadOpeningCSV() {
	chart, _ := account.ReadCSV(strings.NewReader(`code,name,category,parent,contra
1113,建物,asset,,
1114,建物減価償却累計額,asset,,true
1510,現金預金,asset,,
3010,固定資産等形成分,net_assets,,
3020,余剰分（不足分）,net_assets,,
`), "chart.csv")
	open, err := journal.ReadOpeningCSV(strings.NewReader(`account,debit,credit
建物,"600,000,000",
建物減価償却累計額,,"240,000,000"
現金預金,"60,000,000",
固定資産等形成分,,"360,000,000"
余剰分（不足分）,,"60,000,000"
`), "opening.csv", chart, journal.Options{Year: 2023})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(open.ID, open.Date, open.Stage, len(open.Lines), open.Total(account.Debit), open.Total(account.Credit))
	// Output:
	// 開始 令和5年4月1日 開始仕訳 5 660000000 660000000
}
