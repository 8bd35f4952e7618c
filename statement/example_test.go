package statement_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// A form lists rows; Build takes the item figures and computes the rest.
func ExampleBuild() {
	rows, err := statement.ReadRowsCSV(strings.NewReader(`key,kind,label,formula,indent
4100,item,営業収益合計,,0
5100,item,営業費用合計,,0
P_OP,total,営業利益,4100-5100,0
`), "pl.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	form := &statement.Form{Number: "様式第9号", Title: "損益計算書", Rows: rows,
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}}}
	pl, err := statement.Build(form, statement.Meta{Entity: "地方公共団体情報システム機構"}, []statement.Figure{
		{Row: "4100", Column: "金額", Value: format.CellOf(decimal.NewFromInt(47225159722))},
		{Row: "5100", Column: "金額", Value: format.CellOf(decimal.NewFromInt(42502152460))},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	pl.WriteText(os.Stdout, statement.TextOptions{})
	// Output:
	// 様式第9号
	// 損益計算書
	// 地方公共団体情報システム機構
	// （単位：円）
	// 科目                    金額
	// 営業収益合計  47,225,159,722
	// 営業費用合計  42,502,152,460
	// 営業利益       4,723,007,262
}

// Scale shows a statement in 百万円. Each cell is rounded from its exact
// value unless the column's policy recomputes it from rounded cells.
func ExampleStatement_Scale() {
	form := &statement.Form{Title: "決算の概要",
		Columns: []statement.Column{
			{Name: "予算", Kind: statement.Input},
			{Name: "決算", Kind: statement.Input},
			{Name: "差引", Kind: statement.Computed, Formula: statement.Formula{{Key: "決算"}, {Key: "予算", Negative: true}}},
		},
		Rows: []statement.Row{{Key: "2200", Kind: statement.Item, Label: "固定負債"}},
	}
	yen := func(n int64) format.Cell { return format.CellOf(decimal.NewFromInt(n)) }
	s, err := statement.Build(form, statement.Meta{}, []statement.Figure{
		{Row: "2200", Column: "予算", Value: yen(11418599000)},
		{Row: "2200", Column: "決算", Value: yen(13317490869)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range []statement.Policy{statement.RoundEach, statement.Recompute} {
		m := s.Scale(statement.Scaling{Unit: format.Million, Columns: map[string]statement.Policy{"差引": p}})
		c, _ := m.Cell("2200", "差引")
		fmt.Println(format.Formatter{Unit: format.Million}.FormatCell(c))
	}
	// Output:
	// 1,899
	// 1,898
}

// Compare lists the cells in which a statement differs from what was
// published, by label and column.
func ExampleCompare() {
	form := &statement.Form{Title: "貸借対照表",
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "1110", Kind: statement.Item, Label: "現金及び預金"},
			{Key: "1120", Kind: statement.Item, Label: "未収金"},
			{Key: "1100", Kind: statement.Total, Label: "流動資産合計", Formula: statement.Formula{{Key: "1110"}, {Key: "1120"}}},
		},
	}
	published, err := statement.ReadCSV(strings.NewReader(`key,label,金額
1110,現金及び預金,"32,200,729,071"
1120,未収金,"15,268,792,065"
1100,流動資産合計,"47,469,521,163"
`), form, statement.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	built, err := statement.Build(form, statement.Meta{}, published.Figures())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range statement.Compare(built, published) {
		fmt.Println(d)
	}
	// Output:
	// 貸借対照表: 流動資産合計 金額: got 47,469,521,136円, want 47,469,521,163円
}

// Combine shows two years side by side, each as it was published, with
// their difference.
func ExampleCombine() {
	form := &statement.Form{Title: "行政コスト計算書", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "1100", Kind: statement.Item, Label: "人件費"},
			{Key: "1200", Kind: statement.Item, Label: "物件費等"},
			{Key: "1300", Kind: statement.Item, Label: "その他"},
			{Key: "1000", Kind: statement.Total, Label: "経常費用", Formula: statement.Formula{{Key: "1100"}, {Key: "1200"}, {Key: "1300"}}},
		}}
	year := func(a, b int64) *statement.Statement {
		s, err := statement.Build(form, statement.Meta{}, []statement.Figure{
			{Row: "1100", Column: "金額", Value: format.CellOf(decimal.NewFromInt(a))},
			{Row: "1200", Column: "金額", Value: format.CellOf(decimal.NewFromInt(b))},
			{Row: "1300", Column: "金額"}, // 該当なし in both years
		})
		if err != nil {
			panic(err)
		}
		return s
	}
	both, err := statement.Combine(statement.Meta{Unit: format.Thousand},
		[]statement.Part{{Name: "前年度", Statement: year(7012000, 8034000)}, {Name: "本年度", Statement: year(7225000, 7990000)}},
		statement.Column{Name: "増減", Kind: statement.Computed, Formula: statement.Formula{{Key: "本年度"}, {Key: "前年度", Negative: true}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	both.WriteText(os.Stdout, statement.TextOptions{})
	// Output:
	// 行政コスト計算書
	// （単位：千円）
	// 科目      前年度  本年度  増減
	// 人件費     7,012   7,225   213
	// 物件費等   8,034   7,990   △44
	// その他         -       -     -
	// 経常費用  15,046  15,215   169
}

// A Book holds a body's statements by id; links between them and pins of
// the figures the report is known to get wrong are data, read from CSV.
func ExampleBook() {
	form := &statement.Form{Title: "貸借対照表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "1110", Kind: statement.Item, Label: "現金及び預金"}}}
	note := &statement.Form{Title: "キャッシュ・フロー計算書", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "cf_end", Kind: statement.Item, Label: "現金及び現金同等物期末残高"}}}
	yen := func(n int64) format.Cell { return format.CellOf(decimal.NewFromInt(n)) }
	bs, err := statement.Build(form, statement.Meta{}, []statement.Figure{{Row: "1110", Column: "金額", Value: yen(32200729071)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	cf, err := statement.Build(note, statement.Meta{}, []statement.Figure{{Row: "cf_end", Column: "金額", Value: yen(31770729071)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	var book statement.Book
	if err := book.Add("bs", bs); err != nil {
		fmt.Println(err)
		return
	}
	if err := book.Add("cf", cf); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(book.Add("bs", bs))
	s, _ := book.Statement("cf")
	fmt.Println(book.IDs(), s.Form().Title)
	// Output:
	// statement: book: duplicate: statement id "bs"
	// [bs cf] キャッシュ・フロー計算書
}

// Links name cells by statement id, row key and column; a leading -
// subtracts a term.
func ExampleReadLinksCSV() {
	links, err := statement.ReadLinksCSV(strings.NewReader(`name,left,right,note
CF期末残高 = 現金及び預金 − 定期預金,cf:cf_end:金額,bs:1110:金額+-note_cash:deposits:金額,3か月超の定期預金を除く
`), "links.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range links {
		fmt.Printf("%s: %s (%s)\n", l.Name, l, l.Note)
	}
	_, err = statement.ReadLinksCSV(strings.NewReader("name,left,right\nx,bs:1110,cf:cf_end:金額\n"), "bad.csv")
	fmt.Println(err)
	// Output:
	// CF期末残高 = 現金及び預金 − 定期預金: cf:cf_end:金額=bs:1110:金額+-note_cash:deposits:金額 (3か月超の定期預金を除く)
	// statement: bad.csv: line 2: column "left": invalid syntax: term "bs:1110" is not statementID:row:column
}

// Pins name the published figures that the report's own figures do not
// give, as printed, in the statement's unit, with the reason.
func ExampleReadPinsCSV() {
	pins, err := statement.ReadPinsCSV(strings.NewReader(`statement,row,column,printed,reason
schedule,1222,差引当期末残高,"156,817,712",the column subtracts the year's amortisation
changes,sysdev_draw,純資産合計,-,the block prints no line for a transfer within 利益剰余金
`), "pins.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range pins {
		fmt.Printf("%s: %s\n", p, p.Reason)
	}
	// Output:
	// schedule:1222:差引当期末残高 = 156,817,712: the column subtracts the year's amortisation
	// changes:sysdev_draw:純資産合計 = -: the block prints no line for a transfer within 利益剰余金
}

// Verify checks every identity of a book's statements and every link, and
// separates what the pins expect from what nobody expected.
func ExampleBook_Verify() {
	form := &statement.Form{Title: "貸借対照表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "2110", Kind: statement.Item, Label: "未払金"}, {Key: "2120", Kind: statement.Item, Label: "未払法人住民税等"}}}
	note := &statement.Form{Title: "金融商品の時価等", Columns: []statement.Column{{Name: "貸借対照表計上額", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "2110", Kind: statement.Item, Label: "未払金"}}}
	yen := func(n int64) format.Cell { return format.CellOf(decimal.NewFromInt(n)) }
	bs, _ := statement.Build(form, statement.Meta{}, []statement.Figure{
		{Row: "2110", Column: "金額", Value: yen(31502477862)}, {Row: "2120", Column: "金額", Value: yen(70000)}})
	fv, _ := statement.Build(note, statement.Meta{}, []statement.Figure{{Row: "2110", Column: "貸借対照表計上額", Value: yen(31502547862)}})
	var book statement.Book
	book.Add("bs", bs)
	book.Add("note_fair_value", fv)
	links, _ := statement.ReadLinksCSV(strings.NewReader(`name,left,right
金融商品 未払金 = 貸借対照表 未払金,note_fair_value:2110:貸借対照表計上額,bs:2110:金額
金融商品 未払金 = 未払金 + 未払法人住民税等,note_fair_value:2110:貸借対照表計上額,bs:2110:金額+bs:2120:金額
金融商品 未払金 = 未払法人住民税等,note_fair_value:2110:貸借対照表計上額,bs:2120:金額
`), "links.csv")
	pins, _ := statement.ReadPinsCSV(strings.NewReader(`statement,row,column,printed,reason,link
note_fair_value,2110,貸借対照表計上額,"31,502,547,862",the note's 未払金 includes 未払法人住民税等,金融商品 未払金 = 貸借対照表 未払金
`), "pins.csv")
	r := book.Verify(statement.VerifyOptions{Links: links, Pins: pins})
	for _, f := range r.Pinned() {
		fmt.Println("pinned:", f)
	}
	for _, f := range r.Unexpected() {
		fmt.Println("unexpected:", f)
	}
	// Output:
	// pinned: note_fair_value: 未払金 貸借対照表計上額: link 金融商品 未払金 = 貸借対照表 未払金: got 31,502,547,862円, want 31,502,477,862円: the note's 未払金 includes 未払法人住民税等
	// unexpected: note_fair_value: 未払金 貸借対照表計上額: link 金融商品 未払金 = 未払法人住民税等: got 31,502,547,862円, want 70,000円
}

// Compare compares a built book with the published one, statement by
// statement; findings name the statement by its id.
func ExampleBook_Compare() {
	form := &statement.Form{Title: "損益計算書", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "5101", Kind: statement.Item, Label: "事業費"},
			{Key: "5102", Kind: statement.Item, Label: "一般管理費"},
			{Key: "5100", Kind: statement.Total, Label: "営業費用合計", Formula: statement.Formula{{Key: "5101"}, {Key: "5102"}}},
		}}
	pl, err := statement.ReadCSV(strings.NewReader(`key,label,金額
5101,事業費,"41,893,638,262"
5102,一般管理費,"608,514,198"
5100,営業費用合計,"42,502,152,406"
`), form, statement.ReadOptions{Source: "pl.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	built, err := statement.Build(form, statement.Meta{}, pl.Figures())
	if err != nil {
		fmt.Println(err)
		return
	}
	var published, ours statement.Book
	published.Add("pl", pl)
	ours.Add("pl", built)
	ours.Add("cf", built)
	for _, f := range ours.Compare(&published) {
		fmt.Println(f)
	}
	// Output:
	// pl: 営業費用合計 金額: got 42,502,152,460円, want 42,502,152,406円
	// cf: missing statement: no such statement in the book compared with
}

// A statement's date is era values; its date line prints from them, and a
// printed line reads back to them.
func ExampleMeta_WithDateLine() {
	meta, err := statement.Meta{}.WithDateLine("自 令和2年4月1日 至 令和3年3月31日")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(meta.Period.Start, meta.Period.End)
	fmt.Println(meta.DateLine())
	fmt.Println(statement.Meta{AsOf: meta.Period.End}.DateLine())
	// Another caption's line is set as Date.
	fmt.Println(statement.Meta{Period: meta.Period, Date: era.Caption{Connective: era.JiItaru}.FormatPeriod(meta.Period)}.DateLine())
	// Output:
	// 令和2年4月1日 令和3年3月31日
	// 自 令和2年4月1日 至 令和3年3月31日
	// （令和３年３月３１日現在）
	// （自 令和２年４月１日 至 令和３年３月３１日）
}

// Compile checks a form once; the statements built on its Template share
// it. A subtotal sums its children in the outline.
func ExampleCompile() {
	t, err := statement.Compile(&statement.Form{Title: "行政コスト計算書",
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "4000", Kind: statement.Subtotal, Label: "経常費用"},
			{Key: "4100", Kind: statement.Item, Label: "業務費用", Indent: 1},
			{Key: "4200", Kind: statement.Item, Label: "移転費用", Indent: 1},
		}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Formula("4000"))
	_, err = statement.Compile(&statement.Form{Rows: []statement.Row{{Key: "a", Kind: statement.Item, Indent: -1}}})
	fmt.Println(err)
	// Output:
	// 4100+4200
	// statement: row "a": value out of range: indent -1, not 0 to 16
}

// A published file has labels, not keys: rows are matched in order by
// label, so a repeated その他 is fine, and its stated unit is checked.
func ExampleReadCSV() {
	form := &statement.Form{Title: "行政コスト計算書", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "4000", Kind: statement.Subtotal, Label: "経常費用"},
			{Key: "4110", Kind: statement.Item, Label: "その他", Indent: 1},
			{Key: "4210", Kind: statement.Item, Label: "その他", Indent: 1},
		}}
	published := "（単位：千円）\n科目,金額\n経常費用,\"1,002\"\n　その他,501\n　その他,500\n"
	s, err := statement.ReadCSV(strings.NewReader(published), form, statement.ReadOptions{Source: "pl.csv",
		Meta: statement.Meta{Unit: format.Thousand}})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := s.Cell("4210", "金額")
	fmt.Println(c)
	for _, f := range s.Verify() {
		fmt.Println(f)
	}
	_, err = statement.ReadCSV(strings.NewReader(published), form, statement.ReadOptions{Source: "pl.csv"})
	fmt.Println(err)
	// Output:
	// 500,000
	// 行政コスト計算書: 経常費用 金額: 4110+4210: got 1,001千円, want 1,002千円
	// statement: pl.csv: line 1: does not match the form: the file is in 千円, the statement in 円
}

// A table of every body of a prefecture prints the bodies side by side,
// each under its code and name.
func ExampleTemplate_ReadCSVSideBySide() {
	t, err := statement.Compile(&statement.Form{Title: "行政コスト計算書", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "4000", Kind: statement.Subtotal, Label: "経常費用"},
			{Key: "4110", Kind: statement.Item, Label: "人件費", Indent: 1},
			{Key: "4210", Kind: statement.Item, Label: "物件費等", Indent: 1},
		}})
	if err != nil {
		fmt.Println(err)
		return
	}
	published := "（単位：千円）\n団体コード,010006,011002\n団体名,北海道,札幌市\n科目,金額,金額\n" +
		"経常費用,\"2,074,265\",\"1,002\"\n人件費,\"1,000,000\",501\n物件費等,\"1,074,265\",-\n"
	read, err := t.ReadCSVSideBySide(strings.NewReader(published), statement.ReadOptions{Source: "01-pl.csv",
		Meta: statement.Meta{Unit: format.Thousand}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for n, s := range read.Statements {
		fmt.Println(read.Headings[1].Texts[n], s.Verify())
	}
	_, err = t.ReadCSVSideBySide(strings.NewReader(strings.Replace(published, "501", "五〇一", 1)),
		statement.ReadOptions{Source: "01-pl.csv", Meta: statement.Meta{Unit: format.Thousand}})
	fmt.Println(err)
	// Output:
	// 北海道 []
	// 札幌市 [行政コスト計算書: 経常費用 金額: 4110+4210: got 501千円, want 1,002千円]
	// statement: 01-pl.csv: line 6: row "4110": column "011002 札幌市 金額": format: parsing "五〇一": unexpected "五", digit expected at offset 0
}

// A table copied out of a spreadsheet is tab-separated, and heads its
// labels as its publisher chose: AnyStub takes them.
func ExampleReadCSV_spreadsheet() {
	form := &statement.Form{Title: "貸借対照表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "1110", Kind: statement.Item, Label: "現金及び預金"}, {Key: "1120", Kind: statement.Item, Label: "未収金"}}}
	copied := "科目名\t金額（円）\n現金及び預金\t32,200,729,071\n未収金\t15,268,792,065\n"
	s, err := statement.ReadCSV(strings.NewReader(copied), form, statement.ReadOptions{AnyStub: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := s.Cell("1120", "金額")
	fmt.Println(c)
	// Output:
	// 15,268,792,065
}

// A statement's Meta says how its figures print: their unit and rounding,
// and the Style of the rest.
func ExampleMeta_Formatter() {
	meta := statement.Meta{Unit: format.Thousand, Style: statement.Style{SignSpace: true, Zero: format.ZeroDash}}
	f := meta.Formatter()
	fmt.Println(f.Format(decimal.NewFromInt(-2286666903)), f.Format(decimal.NewFromInt(-400)))
	// Output:
	// △ 2,286,667 －
}

// ReadText reads what WriteText prints.
func ExampleReadText() {
	form := &statement.Form{Title: "貸借対照表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "1110", Kind: statement.Item, Label: "現金及び預金"}, {Key: "1120", Kind: statement.Item, Label: "未収金"}}}
	text := "貸借対照表\n（令和２年３月３１日現在）\n地方公共団体情報システム機構\n（単位：円）\n" +
		"科目                    金額\n現金及び預金  32,200,729,071\n未収金        15,268,792,065\n"
	s, err := statement.ReadText(strings.NewReader(text), form, statement.ReadOptions{}, statement.TextOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := s.Cell("1120", "金額")
	fmt.Println(c, s.Meta().AsOf, s.Meta().Entity)
	// Output:
	// 15,268,792,065 令和2年3月31日 地方公共団体情報システム機構
}
