package statement_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/statement"
)

// gridBS is a small 貸借対照表 printed side by side from 【負債の部】.
func gridBS() *statement.Template {
	t, err := statement.Compile(&statement.Form{Title: "貸借対照表", Split: "H2", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "H1", Kind: statement.Header, Label: "【資産の部】"},
			{Key: "1110", Kind: statement.Item, Label: "土地"},
			{Key: "1500", Kind: statement.Item, Label: "現金預金"},
			{Key: "1900", Kind: statement.Total, Label: "資産合計", Formula: statement.Formula{{Key: "1110"}, {Key: "1500"}}},
			{Key: "H2", Kind: statement.Header, Label: "【負債の部】"},
			{Key: "2000", Kind: statement.Item, Label: "地方債"},
			{Key: "3000", Kind: statement.Item, Label: "純資産合計"},
			{Key: "3990", Kind: statement.Total, Label: "負債及び純資産合計", Formula: statement.Formula{{Key: "2000"}, {Key: "3000"}}},
		}})
	if err != nil {
		panic(err)
	}
	return t
}

// A published CSV file of a 貸借対照表 printed side by side, its date and
// unit above the table, read as it is laid out.
func ExampleReadGridCSV() {
	published := "貸借対照表\n（令和７年３月３１日現在）\n（単位：千円）\n科目,金額,科目,金額\n" +
		"【資産の部】,,【負債の部】,\n土地,\"5,300\",地方債,\"6,150\"\n現金預金,\"1,030\",純資産合計,180\n資産合計,\"6,330\",負債及び純資産合計,\"6,330\"\n"
	g, err := statement.ReadGridCSV(strings.NewReader(published), statement.ReadOptions{Source: "bs.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := gridBS().ReadGrid(g, statement.ReadOptions{StatedUnit: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := s.Cell("2000", "金額")
	fmt.Println(s.Meta().DateLine(), s.Meta().Unit, c, s.Verify())
	// Output:
	// （令和７年３月３１日現在） 千円 6,150,000 []
}

// A text export of two statements one after another, cut at their
// titles and read each on its form. A header line of the left-hand half,
// which prints no figure, keeps the right-hand half's cells in their
// columns; the second statement lacks a line.
func ExampleReadGridText() {
	published := `貸借対照表
（単位：千円）
科目          金額    科目                  金額
【資産の部】          【負債の部】
土地         5,300    地方債               6,150
現金預金     1,030    純資産合計             180
資産合計     6,330    負債及び純資産合計   6,330

貸借対照表
（単位：千円）
科目          金額    科目                  金額
【資産の部】          【負債の部】
土地         5,300    地方債               6,150
資産合計     6,330    負債及び純資産合計   6,330
`
	g, err := statement.ReadGridText(strings.NewReader(published), statement.ReadOptions{Source: "bs.txt"}, statement.TextOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n", g.Rows[3])
	for _, part := range statement.SplitGrid(g, []string{"貸借対照表"}) {
		s, err := gridBS().ReadGrid(part, statement.ReadOptions{StatedUnit: true})
		if err != nil {
			fmt.Println(err)
			continue
		}
		c, _ := s.Cell("3990", "金額")
		fmt.Println(c, s.Verify())
	}
	// Output:
	// ["【資産の部】" "" "【負債の部】"]
	// 6,330,000 []
	// statement: bs.txt: line 14: row "資産合計": unknown: the form expects row "1500" (現金預金)
}

// A table of the scopes side by side is a statement for each.
func ExampleReadGridColumns() {
	t := gridBS()
	g := statement.Grid{Source: "bs.csv", Rows: [][]string{
		{"（単位：千円）"}, {"科目", "一般会計等", "全体"}, {"【資産の部】"}, {"土地", "5,300", "5,400"}, {"現金預金", "1,030", "1,100"},
		{"資産合計", "6,330", "6,500"}, {"【負債の部】"}, {"地方債", "6,150", "6,300"}, {"純資産合計", "180", "200"}, {"負債及び純資産合計", "6,330", "6,500"},
	}}
	ss, err := statement.ReadGridColumns(g, []statement.GridColumn{{Name: "一般会計等", Template: t}, {Name: "全体", Template: t}}, statement.ReadOptions{StatedUnit: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range ss {
		c, _ := s.Cell("1900", "金額")
		fmt.Println(c, s.Verify())
	}
	// Output:
	// 6,330,000 []
	// 6,500,000 []
}
