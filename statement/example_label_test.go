package statement_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// A row is named by its label where the label alone tells it from the
// others, else by as much of its path as does: 土地 is printed twice.
func ExampleTemplate_RowKey() {
	rows, _ := statement.ReadRowsCSV(strings.NewReader(`key,kind,label,indent
1100,subtotal,有形固定資産,0
1110,subtotal,事業用資産,1
1111,item,土地,2
1113,item,建物,2
1130,subtotal,インフラ資産,1
1131,item,土地,2
`), "bs.csv")
	t, _ := statement.Compile(&statement.Form{Title: "貸借対照表", Rows: rows,
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}}})
	for _, ref := range []string{"建物", "インフラ資産/土地", "有形固定資産/事業用資産/土地", "土地", "土池"} {
		key, err := t.RowKey(ref)
		fmt.Println(ref, key, err)
	}
	// Output:
	// 建物 1113 <nil>
	// インフラ資産/土地 1131 <nil>
	// 有形固定資産/事業用資産/土地 1111 <nil>
	// 土地  statement: 貸借対照表: row "土地": duplicate: the label names 2 rows: 有形固定資産/事業用資産/土地, 有形固定資産/インフラ資産/土地; give more of its path
	// 土池  statement: 貸借対照表: row "土池": unknown: no such row; the nearest labels: 有形固定資産/事業用資産/土地, 有形固定資産/インフラ資産/土地, 有形固定資産/事業用資産/建物
}

// BuildSparse takes only the figures a caller has; every other item is
// 該当なし.
func ExampleTemplate_BuildSparse() {
	rows, _ := statement.ReadRowsCSV(strings.NewReader(`key,kind,label,formula,indent
4510,item,使用料及び手数料,,1
4520,item,その他,,1
4500,total,経常収益,4510+4520,0
`), "pl.csv")
	t, _ := statement.Compile(&statement.Form{Title: "行政コスト計算書", Rows: rows,
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}}})
	s, err := t.BuildSparse(statement.Meta{}, []statement.Figure{
		{Row: "使用料及び手数料", Column: "金額", Value: format.CellOf(decimal.NewFromInt(300))},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range []string{"使用料及び手数料", "その他", "経常収益"} {
		v, _ := s.Cell(row, "金額")
		fmt.Println(row, v)
	}
	_, err = t.Build(statement.Meta{}, []statement.Figure{
		{Row: "使用料及び手数料", Column: "金額", Value: format.CellOf(decimal.NewFromInt(300))},
	})
	fmt.Println(err)
	// Output:
	// 使用料及び手数料 300
	// その他 -
	// 経常収益 300
	// statement: 行政コスト計算書: row "4520": column "金額": missing: no figure
}
