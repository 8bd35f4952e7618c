package unified_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// The statements of a year of books printed in 千円, each figure rounded
// on its own: exactly, a total may differ from its printed terms; under
// rounding, the same totals hold for exact yen that round to every figure.
// 本年度差額 is 税収等 500 yen less 減価償却費 6 yen, 494 yen, printed 0 千円,
// while its terms print 1 千円 (500 yen, rounded half up) and 0 (△6 yen):
// 1 + 0 is not 0, but terms of 500 … 1,499 and −499 … 499 yen can sum to
// 494. 本年度資金収支額 is 500 − 300 = 200 yen, printed 0, its terms 1 and 0
// (△300 yen) likewise.
func ExampleVerifyRounded() {
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
	yen, err := unified.FromBooks(ledger.Post(j), unified.BooksOptions{Entity: "さくら町"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var book statement.Book
	for _, id := range yen.IDs() {
		s, _ := yen.Statement(id)
		book.Add(id, s.Scale(statement.Scaling{Unit: format.Thousand}))
	}
	for _, f := range unified.Verify(&book, unified.General).Findings {
		fmt.Println("exactly:", f)
	}
	v, err := unified.VerifyRounded(&book, unified.General)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range v.Findings {
		fmt.Println("under rounding:", f)
	}
	fmt.Println(v.Count(statement.Violation), "violations,", v.Count(statement.Undecided), "undecided")
	// Output:
	// exactly: nw-general: 本年度差額 合計: 6100+6200: got 1千円, want 0千円
	// exactly: nw-general: 本年度差額 余剰分（不足分）: 6100+6200: got 1千円, want 0千円
	// exactly: cf-general: 本年度資金収支額 金額: 7500+7800+8300: got 1千円, want 0千円
	// under rounding: nw-general: 本年度差額 合計: 6100+6200: got 1千円, want 0千円 (within rounding)
	// under rounding: nw-general: 本年度差額 余剰分（不足分）: 6100+6200: got 1千円, want 0千円 (within rounding)
	// under rounding: cf-general: 本年度資金収支額 金額: 7500+7800+8300: got 1千円, want 0千円 (within rounding)
	// 0 violations, 0 undecided
}
