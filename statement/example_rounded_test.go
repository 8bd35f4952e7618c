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

// Book.Verify under rounding judges a book's links across units: the
// 百万円 事業別決算の状況 prints 差引 △6, rounded from a yen 予算 it does not
// print, so 決算 − 予算 as printed, △5, does not give it. The 決算 is tied
// by a link to the 決算書, which prints it to the yen; the 差引 is then
// within rounding, and the yen 予算 follows: 1,234,567,890 + 5,500,000 …
// 6,499,999, of which 1,240 百万円 allows up to 1,240,499,999.
func ExampleBook_Verify_rounded() {
	seg := &statement.Form{Title: "事業別決算の状況",
		Columns: []statement.Column{{Name: "予算", Kind: statement.Input}, {Name: "決算", Kind: statement.Input},
			{Name: "差引", Kind: statement.Computed, Formula: statement.Formula{{Key: "決算"}, {Key: "予算", Negative: true}}}},
		Rows: []statement.Row{{Key: "jigyo", Kind: statement.Item, Label: "事業費"}},
	}
	result := &statement.Form{Title: "決算書",
		Columns: []statement.Column{{Name: "決算", Kind: statement.Input}},
		Rows:    []statement.Row{{Key: "jigyo", Kind: statement.Item, Label: "事業費"}},
	}
	var book statement.Book
	for _, s := range []struct {
		id, csv string
		form    *statement.Form
		unit    format.Unit
	}{
		{"segment", "科目,予算,決算,差引\n事業費,\"1,240\",\"1,235\",△6\n", seg, format.Million},
		{"result", "科目,決算\n事業費,\"1,234,567,890\"\n", result, format.Yen},
	} {
		st, err := statement.ReadCSV(strings.NewReader(s.csv), s.form, statement.ReadOptions{Meta: statement.Meta{Unit: s.unit}})
		if err != nil {
			fmt.Println(err)
			return
		}
		book.Add(s.id, st)
	}
	links, err := statement.ReadLinksCSV(strings.NewReader("name,left,right\n事業費 決算,segment:jigyo:決算,result:jigyo:決算\n"), "links.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	v := book.Verify(statement.VerifyOptions{Links: links, Rounded: true})
	for _, f := range v.Findings {
		fmt.Println(f)
	}
	budget, _ := v.Bounds("segment", "jigyo", "予算")
	fmt.Println("予算", budget, "ok", v.OK())
	// Output:
	// segment: 事業費 差引: 決算-予算: got △5百万円, want △6百万円 (within rounding)
	// segment: 事業費 決算: link 事業費 決算: got 1,235,000,000円, want 1,234,567,890円 (within rounding)
	// 予算 1,240,067,890〜1,240,499,999円 ok true
}
