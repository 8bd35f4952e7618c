package statement_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// CellInt64 reads figures as int64 yen, to be summed without a decimal;
// Cell gives what it declines, exactly.
func ExampleStatement_CellInt64() {
	form := &statement.Form{Title: "貸借対照表",
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "1111", Kind: statement.Item, Label: "土地"},
			{Key: "1112", Kind: statement.Item, Label: "立木竹"},
			{Key: "1900", Kind: statement.Total, Label: "資産合計", Formula: statement.Formula{{Key: "1111"}, {Key: "1112"}}},
		}}
	t, err := statement.Compile(form)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := t.ReadCSV(strings.NewReader(`（単位：千円）
key,科目,金額
1111,土地,"310,316,164"
1112,立木竹,-
1900,資産合計,"310,316,164"
`), statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range []string{"土地", "立木竹", "資産合計"} {
		n, valid, ok := s.CellInt64(row, "金額")
		switch {
		case !ok:
			c, _ := s.Cell(row, "金額")
			fmt.Println(row, c.Amount, "(a decimal)")
		case !valid:
			fmt.Println(row, "該当なし")
		default:
			fmt.Println(row, n, "円")
		}
	}
	// Output:
	// 土地 310316164000 円
	// 立木竹 該当なし
	// 資産合計 310316164000 円
}
