package statement_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// VerifyRounded reads every printed 千円 figure as the yen it may stand
// for: 物件費等 differs from the sum of its printed items by 1 千円, as
// rounding each figure on its own allows, while 経常費用 is 5 千円 off, and
// the certificate says why: the printed figures of its identity, as the
// yen they stand for, cannot sum to zero.
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
	v, err := s.VerifyRounded()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range v.Findings {
		fmt.Println(f)
		fmt.Println("  terms may sum to", f.Range)
		if f.Certificate != nil {
			fmt.Println(f.Certificate)
		}
	}
	// Output:
	// 行政コスト計算書: 物件費等 金額: 4121+4122+4123: got 14,706,955千円, want 14,706,954千円 (within rounding)
	//   terms may sum to 14,706,953,500〜14,706,956,497円
	// 行政コスト計算書: 経常費用 金額: 4120+4200: got 28,552,096千円, want 28,552,101千円 (off by 3,502円 beyond rounding)
	//   terms may sum to 28,552,095,000〜28,552,096,998円
	// + 経常費用 金額: 4120+4200
	// leave − 物件費等 金額 14,706,954千円 (14,706,953,500〜14,706,954,499円), − 移転費用 金額 13,845,142千円 (13,845,141,500〜13,845,142,499円), + 経常費用 金額 28,552,101千円 (28,552,100,500〜28,552,101,499円)
	// which sum to 3,502〜6,499円, off by 3,502円 beyond rounding
}

// Book.VerifyRounded judges a book's links across units: the 百万円
// 事業別決算の状況 prints 差引 △6, rounded from a yen 予算 it does not
// print, so 決算 − 予算 as printed, △5, does not give it. The 決算 is tied
// by a link to the 決算書, which prints it to the yen; the 差引 is then
// within rounding, and the yen 予算 follows: 1,234,567,890 + 5,500,000 …
// 6,499,999, of which 1,240 百万円 allows up to 1,240,499,999. The witness
// is one set of exact figures that satisfies the identities and the link,
// each rounding to the figure printed.
func ExampleBook_VerifyRounded() {
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
	v, err := book.VerifyRounded(statement.VerifyOptions{Links: links})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range v.Findings {
		fmt.Println(f)
	}
	budget, _ := v.Bounds("segment", "jigyo", "予算")
	fmt.Println("予算", budget, "ok", v.OK())
	// The witness: exact yen that satisfy 差引 = 決算 − 予算 and the link,
	// each rounding to the figure printed.
	w := map[string]decimal.Decimal{}
	var printed []string
	for _, col := range []string{"予算", "決算", "差引"} {
		w[col], _ = v.Witness("segment", "jigyo", col)
		printed = append(printed, col+" "+format.Formatter{Unit: format.Million}.Format(w[col]))
	}
	fmt.Println(strings.Join(printed, ", "), w["決算"].Sub(w["予算"]).Equal(w["差引"]))
	// Output:
	// segment: 事業費 差引: 決算-予算: got △5百万円, want △6百万円 (within rounding)
	// segment: 事業費 決算: link 事業費 決算: got 1,235,000,000円, want 1,234,567,890円 (within rounding)
	// 予算 1,240,067,890〜1,240,499,999円 ok true
	// 予算 1,240, 決算 1,235, 差引 △6 true
}
