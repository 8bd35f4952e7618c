package statement_test

import (
	"fmt"
	"os"
	"strings"

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
	// Output:
	// 令和2年4月1日 令和3年3月31日
	// 自 令和2年4月1日 至 令和3年3月31日
	// （令和３年３月３１日現在）
}
