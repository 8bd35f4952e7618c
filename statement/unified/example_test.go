package unified_test

import (
	"errors"
	"fmt"

	kacc "github.com/koukaikei/koukaikei/account"
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

// book builds the four statements of a member that holds cash and a
// building, on the forms of 連結.
func book(cash, building int64) *statement.Book {
	b := &statement.Book{}
	for _, k := range []unified.Kind{unified.BalanceSheet, unified.Cost, unified.NetAssets, unified.CashFlow} {
		id := unified.ID(k, unified.Consolidated)
		f, _ := unified.Form(id)
		given := map[string]int64{"1113": building, "1510": cash, "3010": building, "3020": cash,
			"4510:金額": 0, "6000:固定資産等形成分": building, "6000:余剰分（不足分）": cash, "6100:余剰分（不足分）": 0, "9100": cash}
		var figs []statement.Figure
		for _, r := range f.Form.Rows {
			for _, c := range f.Form.Columns {
				if r.Kind == statement.Item && c.Kind == statement.Input {
					fig := statement.Figure{Row: r.Key, Column: c.Name}
					v, ok := given[r.Key+":"+c.Name]
					if !ok && c.Name == "金額" {
						v, ok = given[r.Key]
					}
					if ok {
						fig.Value = format.CellOf(decimal.NewFromInt(v))
					}
					figs = append(figs, fig)
				}
			}
		}
		s, err := unified.Build(id, statement.Meta{}, figs)
		if err != nil {
			panic(err)
		}
		b.Add(id, s)
	}
	return b
}

// A city and a 一部事務組合 consolidated at its 経費負担割合 of 30 %
// (比例連結): each of the 組合's figures is taken at 30 %, rounded to 円.
func ExampleConsolidation_Build() {
	c := &unified.Consolidation{Scope: unified.Consolidated, Members: []unified.Member{
		{Name: "一般会計等", Type: unified.GeneralAccounts, Method: unified.Full, Book: book(500, 2000)},
		{Name: "組合", Type: unified.Association, Method: unified.Proportional, Ratio: decimal.RequireFromString("0.3"), Book: book(101, 1000)},
	}}
	r, err := c.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	bs, _ := r.Book.Statement("bs-consolidated")
	for _, row := range []string{"1113", "1510", "1900", "3990"} {
		v, _ := bs.Cell(row, "金額")
		fmt.Println(row, v)
	}
	// 組合's 現金預金 101 × 0.3 = 30.3, rounded to 30.
	ws := r.Worksheets[0].Statement
	v, _ := ws.Cell("1510", "組合")
	fmt.Println("組合 1510", v)

	// An elimination that does not balance is an error naming it.
	c.Eliminations = []unified.Elimination{{Name: "E1", Lines: []unified.Line{
		{Side: kacc.Debit, Account: "3020", Amount: decimal.NewFromInt(70)},
		{Side: kacc.Credit, Account: "1312", Amount: decimal.NewFromInt(60)},
	}}}
	_, err = c.Build()
	fmt.Println(err != nil, errors.Is(err, unified.ErrUnbalanced))
	// Output:
	// 1113 2,300
	// 1510 530
	// 1900 2,830
	// 3990 2,830
	// 組合 1510 30
	// true true
}
