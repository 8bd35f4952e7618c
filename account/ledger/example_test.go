package ledger_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
)

func ExampleLedger_TrialBalance() {
	chart, _ := account.ReadCSV(strings.NewReader(`code,name,category,parent
1510,現金預金,asset,
3020,余剰分（不足分）,net_assets,
4121,物件費,expense,
6210,税収等,revenue,
7112,物件費等支出,outflow,
7210,税収等収入,inflow,
`), "chart.csv")
	j, _ := journal.ReadCSV(strings.NewReader(`entry,date,account,debit,credit
1,2023-04-01,現金預金,300,
1,,余剰分（不足分）,,300
2,2023-05-10,税収等収入,500,
2,,税収等,,500
3,2023-06-01,物件費,120,
3,,物件費等支出,,120
`), "journal.csv", chart, journal.Options{})
	tb := ledger.Post(j).TrialBalance()
	if err := tb.Check(); err != nil {
		fmt.Println(err)
	}
	tb.WriteText(os.Stdout, ledger.PrintOptions{Entity: "みなと市"})
	// Output:
	// 合計残高試算表
	// （令和６年３月３１日現在）
	// みなと市
	// （単位：円）
	// 借方残高  借方合計  勘定科目          貸方合計  貸方残高
	//      300       300  現金預金                 0
	//                  0  余剰分（不足分）       300       300
	//      120       120  物件費                   0
	//                  0  税収等                 500       500
	//                  0  物件費等支出           120       120
	//      500       500  税収等収入               0
	//      920       920  合計                   920       920
}

func ExampleLedger_Worksheet() {
	l := books()
	ws, err := l.Worksheet(classify)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range ws.Rows()[len(ws.Rows())-3:] {
		fmt.Println(r.Label, r.Statements)
	}
	fmt.Println(ws.Check())
	// Output:
	// 純行政コスト [{0 0} {0 170} {170 0} {0 0}]
	// 本年度純資産変動額 [{0 330} {0 0} {330 0} {0 0}]
	// 本年度現金預金増減額 [{350 0} {0 0} {0 0} {0 350}]
	// <nil>
}

func ExampleLedger_Page() {
	l := books()
	p, _ := l.Page("4121")
	for _, x := range p.Postings {
		fmt.Println(x.Date, x.Entry, x.Counter, x.Side, x.Amount, x.Balance)
	}
	// Output:
	// 令和5年6月1日 2 物件費等支出 借方 120 120
	// 令和6年5月31日 3 物件費等支出 借方 30 150
}
