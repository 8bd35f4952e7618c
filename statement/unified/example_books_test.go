package unified_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// A year of books on the standard accounts: last year's balances brought
// forward, taxes received, a building paid for, its depreciation; then the
// four statements derived from them, and the ties.
func ExampleFromBooks() {
	opt := unified.JournalOptions()
	j, err := journal.ReadCSV(strings.NewReader(`entry,date,account,debit,credit,stage
1,2023-05-10,税収等収入,500,,
1,,税収等,,500,
2,2023-10-01,事業用資産/建物,300,,
2,,公共施設等整備費支出,,300,
3,2024-03-31,減価償却費,6,,整理仕訳
3,,事業用資産/建物減価償却累計額,,6,整理仕訳
`), "journal.csv", unified.Chart(), opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	opt.Year = j.Year()
	open, err := journal.ReadOpeningCSV(strings.NewReader(`account,debit,credit
現金預金,1000,
固定資産等形成分,,0
余剰分（不足分）,,1000
`), "opening.csv", unified.Chart(), opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	if j, err = j.With(open); err != nil {
		fmt.Println(err)
		return
	}
	l := ledger.Post(j)
	book, err := unified.FromBooks(l, unified.BooksOptions{Entity: "さくら町"})
	if err != nil {
		fmt.Println(err)
		return
	}
	nw, _ := book.Statement("nw-general")
	for _, row := range []string{"6100", "6210", "6410", "6420", "6900"} {
		fixed, _ := nw.Cell(row, "固定資産等形成分")
		surplus, _ := nw.Cell(row, "余剰分（不足分）")
		fmt.Println(row, fixed, surplus)
	}
	bs, _ := book.Statement("bs-general")
	cash, _ := bs.Cell("1510", "金額")
	fmt.Println("現金預金", cash)
	_, err = unified.VerifyBooks(l, book)
	fmt.Println(err)
	// Output:
	// 6100 - △6
	// 6210 - 500
	// 6410 300 △300
	// 6420 △6 6
	// 6900 294 1,200
	// 現金預金 1,200
	// <nil>
}
