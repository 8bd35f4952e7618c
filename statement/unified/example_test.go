package unified_test

import (
	"fmt"
	"os"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// The form of a kind and scope, and how sure the data is of its lines.
func ExampleForm() {
	f, _ := unified.Form(unified.ID(unified.BalanceSheet, unified.Consolidated))
	fmt.Println(f.ID, f.Number, f.Title, f.Scope, len(f.Form.Rows), "rows, right-hand half from", f.Form.Split)
	for _, key := range []string{"1000", "3030"} {
		c, _ := f.Confidence(key)
		fmt.Println(key, c)
	}
	// Output:
	// bs-consolidated 様式第1号 連結貸借対照表 連結 81 rows, right-hand half from H200
	// 1000 [S]
	// 3030 [K?]
}

// The standard accounts: 減価償却累計額 is an asset account with a credit
// balance.
func ExampleChart() {
	for _, code := range []string{"1113", "1114", "6210"} {
		a, _ := unified.Chart().Lookup(code)
		fmt.Println(a.Code, a.Name, a.Category, a.Contra, a.NormalSide())
	}
	// Output:
	// 1113 建物 資産 false 借方
	// 1114 建物減価償却累計額 資産 true 貸方
	// 6210 税収等 収益 false 貸方
}

// The 財務書類4表の相互関係 of 一般会計等.
func ExampleLinks() {
	for _, l := range unified.Links(unified.General)[:2] {
		fmt.Println(l.Name, l)
	}
	l := unified.YearlyLinks(unified.General)[5]
	fmt.Println(l.Name, l)
	// Output:
	// 一般会計等 BS資産合計=負債及び純資産合計 bs-general:1900:金額=bs-general:3990:金額
	// 一般会計等 BS現金預金=CF本年度末現金預金残高 bs-general:1510:金額=cf-general:9900:金額
	// 一般会計等 CF前年度末資金残高 cur:cf-general:9100:金額=prev:cf-general:9200:金額
}

// A statement from the figures one has, its rows named as printed; every
// other line is 該当なし, and a contra account's figure must be negative.
func ExampleBuildSparse() {
	bs, err := unified.BuildSparse("bs-general", statement.Meta{}, []statement.Figure{
		{Row: "事業用資産/建物", Column: "金額", Value: format.CellOf(decimal.NewFromInt(8000))},
		{Row: "事業用資産/建物減価償却累計額", Column: "金額", Value: format.CellOf(decimal.NewFromInt(-3000))},
		{Row: "現金預金", Column: "金額", Value: format.CellOf(decimal.NewFromInt(700))},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range []string{"事業用資産", "固定資産/有形固定資産", "資産合計", "土地"} {
		v, ok := bs.Cell(row, "金額")
		fmt.Println(row, v, ok)
	}
	_, err = unified.BuildSparse("bs-general", statement.Meta{}, []statement.Figure{
		{Row: "インフラ資産/工作物減価償却累計額", Column: "金額", Value: format.CellOf(decimal.NewFromInt(2500))},
	})
	fmt.Println(err)
	// Output:
	// 事業用資産 5,000 true
	// 固定資産/有形固定資産 5,000 true
	// 資産合計 5,700 true
	// 土地 - false
	// unified: statement "貸借対照表": row "1135": column "金額": contra account with a positive figure: 工作物減価償却累計額 2,500 is positive; a contra account's figure is negative (△)
}

// The 財務指標 of a body's 一般会計等, from its statements and its
// population: 資産合計 655,000,000 円 over 8,000 residents is 81,875 円,
// 8.2万円; each prints in its unit, rounded half away from zero.
func ExampleAnalyze() {
	yen := func(n int64) format.Cell { return format.CellOf(decimal.NewFromInt(n)) }
	var book statement.Book
	for id, figs := range map[string][]statement.Figure{
		"bs-general": {
			{Row: "事業用資産/土地", Column: "金額", Value: yen(400e6)},
			{Row: "事業用資産/建物", Column: "金額", Value: yen(600e6)},
			{Row: "事業用資産/建物減価償却累計額", Column: "金額", Value: yen(-360e6)},
			{Row: "現金預金", Column: "金額", Value: yen(15e6)},
			{Row: "固定負債/地方債", Column: "金額", Value: yen(300e6)},
			{Row: "固定資産等形成分", Column: "金額", Value: yen(640e6)},
			{Row: "余剰分（不足分）", Column: "金額", Value: yen(-285e6)},
		},
		"pl-general": {
			{Row: "職員給与費", Column: "金額", Value: yen(100e6)},
			{Row: "使用料及び手数料", Column: "金額", Value: yen(5e6)},
		},
		"cf-general": {
			{Row: "人件費支出", Column: "金額", Value: yen(100e6)},
			{Row: "税収等収入", Column: "金額", Value: yen(115e6)},
			{Row: "公共施設等整備費支出", Column: "金額", Value: yen(15e6)},
		},
	} {
		s, err := unified.BuildSparse(id, statement.Meta{}, figs)
		if err != nil {
			fmt.Println(err)
			return
		}
		book.Add(id, s)
	}
	a, err := unified.Analyze(&book, unified.General, unified.AnalysisInput{Population: 8000})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, i := range unified.Indicators() {
		if r, ok := a.Ratio(i); ok {
			fmt.Println(i, i.Format(r))
		} else {
			fmt.Println(i, "-")
		}
	}
	// Output:
	// 住民一人当たり資産額 8.2万円
	// 歳入額対資産比率 5.70年
	// 有形固定資産減価償却率 60.0%
	// 純資産比率 54.2%
	// 将来世代負担比率 46.9%
	// 住民一人当たり負債額 3.8万円
	// 基礎的財政収支 0千円
	// 住民一人当たり行政コスト 1.2万円
	// 受益者負担比率 5.0%
}

// A published file, its statement recognised by its lines: 島田市's
// 行政コスト計算書 of 平成29年度 in 千円, verified under rounding.
func ExampleReadGrid() {
	f, err := os.Open("testdata/published/shimada-h29-pl-general.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	g, err := statement.ReadGridCSV(f, statement.ReadOptions{Source: "shimada-h29-pl-general.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	book, err := unified.ReadGrid(g, statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand}})
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := book.VerifyRounded(statement.VerifyOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(book.IDs(), v.Count(statement.Exact), "exact,", v.Count(statement.WithinRounding), "within rounding")
	// Output:
	// [pl-general] 7 exact, 4 within rounding
}
