package statement_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// VerifyRounded reads every printed 千円 figure as the yen it may stand
// for: 物件費等 differs from the sum of its printed items by 1 千円, as
// rounding each figure on its own allows, while 経常費用 is 5 千円 off.
func ExampleStatement_VerifyRounded() {
	form := &statement.Form{Title: "行政コスト計算書",
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "4120", Kind: statement.Subtotal, Label: "物件費等"},
			{Key: "4121", Kind: statement.Item, Label: "物件費", Indent: 1},
			{Key: "4122", Kind: statement.Item, Label: "維持補修費", Indent: 1},
			{Key: "4123", Kind: statement.Item, Label: "減価償却費", Indent: 1},
			{Key: "4200", Kind: statement.Item, Label: "移転費用"},
			{Key: "4000", Kind: statement.Total, Label: "経常費用", Formula: statement.Formula{{Key: "4120"}, {Key: "4200"}}},
		},
	}
	s, err := statement.ReadCSV(strings.NewReader(`科目,金額
物件費等,14706954
物件費,7209154
維持補修費,519465
減価償却費,6978336
移転費用,13845142
経常費用,28552101
`), form, statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand, Rounding: format.HalfUp}})
	if err != nil {
		fmt.Println(err)
		return
	}
	findings, err := s.VerifyRounded()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Println(f)
		fmt.Println("  terms may sum to", f.Range)
	}
	// Output:
	// 行政コスト計算書: 物件費等 金額: 4121+4122+4123: got 14,706,955千円, want 14,706,954千円 (within rounding)
	//   terms may sum to 14,706,953,500〜14,706,956,497円
	// 行政コスト計算書: 経常費用 金額: 4120+4200: got 28,552,096千円, want 28,552,101千円 (off by 3,502円 beyond rounding)
	//   terms may sum to 28,552,095,000〜28,552,096,998円
}

// A Joint checks statements in different units against each other: a
// 事業別決算の状況 printed in 百万円, whose 決算 the 決算書 gives to the yen.
// The 百万円 決算 stands for the yen one, and the yen 予算 behind the printed
// 1,240 百万円 follows: 決算 − 差引 with 差引 △5 百万円 (−5,499,999 …
// −4,500,000) gives 1,239,067,890 … 1,240,067,889, of which 1,240 百万円
// allows 1,239,500,000 and above.
func ExampleJoint() {
	seg := &statement.Form{Title: "事業別決算の状況",
		Columns: []statement.Column{{Name: "予算", Kind: statement.Input}, {Name: "決算", Kind: statement.Input},
			{Name: "差引", Kind: statement.Computed, Formula: statement.Formula{{Key: "決算"}, {Key: "予算", Negative: true}}}},
		Rows: []statement.Row{{Key: "jigyo", Kind: statement.Item, Label: "事業費"}},
	}
	book := &statement.Form{Title: "決算書",
		Columns: []statement.Column{{Name: "決算", Kind: statement.Input}},
		Rows:    []statement.Row{{Key: "jigyo", Kind: statement.Item, Label: "事業費"}},
	}
	summary, err := statement.ReadCSV(strings.NewReader("科目,予算,決算,差引\n事業費,\"1,240\",\"1,235\",△5\n"), seg,
		statement.ReadOptions{Meta: statement.Meta{Unit: format.Million}})
	if err != nil {
		fmt.Println(err)
		return
	}
	result, err := statement.ReadCSV(strings.NewReader("科目,決算\n事業費,\"1,234,567,890\"\n"), book, statement.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	j := &statement.Joint{
		Statements: []*statement.Statement{summary, result},
		Names:      []string{"segment", "result"},
		Identities: []statement.Identity{{Name: "事業費 決算",
			Left:  []statement.CellRef{{Statement: 0, Row: "jigyo", Column: "決算"}},
			Right: []statement.CellRef{{Statement: 1, Row: "jigyo", Column: "決算"}}}},
	}
	r, err := j.Verify()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		fmt.Println(f.Verdict, f.Rule)
	}
	budget, _ := r.Bounds(0, "jigyo", "予算")
	fmt.Println("予算", budget, "proof", r.Proof)
	// Output:
	// exact 決算-予算
	// within rounding segment:jigyo:決算 = result:jigyo:決算
	// 予算 1,239,500,000〜1,240,067,889円 proof true
}
