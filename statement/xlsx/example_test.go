package xlsx_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/koukaikei/koukaikei/statement/xlsx"
	"github.com/shopspring/decimal"
)

// A published workbook, read sheet by sheet, its statements recognised
// and verified under the rounding of their 千円.
func ExampleReadFile() {
	sheets, err := xlsx.ReadFile("testdata/shimada-h29-pl.xlsx")
	if err != nil {
		log.Fatal(err)
	}
	book, err := unified.ReadGrid(sheets[0], statement.ReadOptions{})
	if err != nil {
		log.Fatal(err)
	}
	pl, _ := book.Statement("pl-general")
	fmt.Println(book.IDs(), pl.Meta().Unit, pl.Meta().DateLine())
	v, err := pl.VerifyRounded()
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range v.Findings {
		fmt.Println(f.Label, f.Verdict)
	}
	// Output:
	// [pl-general] 千円 自 平成29年4月1日　至 平成30年3月31日
	// 経常費用 within rounding
	// 物件費等 within rounding
	// 純経常行政コスト within rounding
	// 臨時損失 within rounding
}

// A statement written as a workbook and read back.
func ExampleWrite() {
	form := &statement.Form{Title: "貸借対照表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}}, Rows: []statement.Row{
		{Key: "1", Kind: statement.Item, Label: "現金預金"},
		{Key: "2", Kind: statement.Item, Label: "徴収不能引当金"},
		{Key: "9", Kind: statement.Total, Label: "資産合計", Formula: statement.Formula{{Key: "1"}, {Key: "2"}}},
	}}
	s, err := statement.Build(form, statement.Meta{Entity: "みなと市", Unit: format.Thousand}, []statement.Figure{
		{Row: "1", Column: "金額", Value: format.CellOf(decimal.NewFromInt(1_030_400))},
		{Row: "2", Column: "金額", Value: format.CellOf(decimal.NewFromInt(-9_600))},
	})
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, []*statement.Statement{s}, xlsx.Options{}); err != nil {
		log.Fatal(err)
	}
	sheets, err := xlsx.Read(&buf, "bs.xlsx")
	if err != nil {
		log.Fatal(err)
	}
	for _, row := range sheets[0].Rows {
		fmt.Printf("%q\n", row)
	}
	// Output:
	// ["貸借対照表"]
	// ["みなと市"]
	// ["" "（単位：千円）"]
	// ["科目" "金額"]
	// ["現金預金" "1030"]
	// ["徴収不能引当金" "-10"]
	// ["資産合計" "1021"]
}

// A book written as a workbook, a sheet for each statement: みなと市's 連結
// statements, read from the workbook that publishes them, written again.
func ExampleWriteBook() {
	sheets, err := xlsx.ReadFile("testdata/minato-consolidated.xlsx")
	if err != nil {
		log.Fatal(err)
	}
	var book statement.Book
	for _, g := range sheets {
		if err := unified.AddGrid(&book, g, statement.ReadOptions{}); err != nil {
			log.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := xlsx.WriteBook(&buf, &book, xlsx.Options{}); err != nil {
		log.Fatal(err)
	}
	again, err := xlsx.Read(&buf, "minato.xlsx")
	if err != nil {
		log.Fatal(err)
	}
	for _, g := range again {
		fmt.Println(g.Name, g.Rows[2][0])
	}
	// Output:
	// 連結貸借対照表 （令和７年３月３１日現在）
	// 連結行政コスト計算書 （令和６年４月１日から令和７年３月３１日まで）
	// 連結純資産変動計算書 （令和６年４月１日から令和７年３月３１日まで）
	// 連結資金収支計算書 （令和６年４月１日から令和７年３月３１日まで）
}
