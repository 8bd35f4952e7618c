package statement_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/koukaikei/koukaikei/statement"
)

// 様式第3号 leaves 合計 blank on the rows of 固定資産等の変動（内部変動）,
// which move an amount from one class of 純資産 to the other: the form
// file says so in its blank column. The statement prints those cells
// blank, reads them blank, as a dash or as 0, and finds any other figure
// there.
func ExampleTemplate_Blank() {
	rows, _ := statement.ReadRowsCSV(strings.NewReader(`key,kind,label,formula,indent,blank
6100,item,純行政コスト（△）,,1,
6400,subtotal,固定資産等の変動（内部変動）,,1,合計
6410,item,有形固定資産等の増加,,2,合計
6800,total,本年度純資産変動額,6100+6400,1,
`), "nw.csv")
	cols, _ := statement.ParseColumns("合計=固定資産等形成分+余剰分（不足分）|固定資産等形成分|余剰分（不足分）")
	t, err := statement.Compile(&statement.Form{Title: "純資産変動計算書", Columns: cols, Rows: rows})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Blank("有形固定資産等の増加", "合計"))

	published := `label,合計,固定資産等形成分,余剰分（不足分）
純行政コスト（△）,△500,-,△500
固定資産等の変動（内部変動）,-,300,△300
有形固定資産等の増加,%s,300,△300
本年度純資産変動額,△500,300,△800
`
	for _, a := range []string{"", "0", "5"} {
		s, err := t.ReadCSV(strings.NewReader(fmt.Sprintf(published, a)), statement.ReadOptions{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("合計 printed %q: %d findings %v\n", a, len(s.Verify()), s.Verify())
		if a == "" {
			s.WriteText(os.Stdout, statement.TextOptions{})
		}
	}
	// Output:
	// true
	// 合計 printed "": 0 findings []
	// 純資産変動計算書
	// （単位：円）
	// 科目                            合計  固定資産等形成分  余剰分（不足分）
	// 　純行政コスト（△）             △500                 -              △500
	// 　固定資産等の変動（内部変動）                     300              △300
	// 　　有形固定資産等の増加                           300              △300
	// 　本年度純資産変動額            △500               300              △800
	// 合計 printed "0": 0 findings []
	// 合計 printed "5": 1 findings [純資産変動計算書: 有形固定資産等の増加 合計: 5円 printed in a cell the form leaves blank]
}
