package consolidate_test

import (
	"errors"
	"fmt"
	"os"

	kacc "github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

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
	c := &consolidate.Consolidation{Scope: unified.Consolidated, Members: []consolidate.Member{
		{Name: "一般会計等", Type: consolidate.GeneralAccounts, Book: book(500, 2000)},
		{Name: "組合", Type: consolidate.Association, Ratio: decimal.RequireFromString("0.3"), Book: book(101, 1000)},
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
	// 組合's 現金預金 101 × 0.3 = 30.3, rounded to 30: the 精算表 shows it
	// at 100 % and at its ratio.
	ws := r.Worksheets[0].Statement
	for _, col := range []string{"組合", "組合（30%）"} {
		v, _ := ws.Cell("現金預金", col)
		fmt.Println(col, v)
	}

	// An elimination that does not balance is an error naming it.
	c.Eliminations = []segment.Elimination{{Name: "E1", Lines: []segment.Line{
		{Side: kacc.Debit, Row: "余剰分（不足分）", Amount: decimal.NewFromInt(70)},
		{Side: kacc.Credit, Row: "出資金", Amount: decimal.NewFromInt(60)},
	}}}
	_, err = c.Build()
	fmt.Println(err != nil, errors.Is(err, consolidate.ErrUnbalanced))
	// Output:
	// 1113 2,300
	// 1510 530
	// 1900 2,830
	// 3990 2,830
	// 組合 101
	// 組合（30%） 30
	// true true
}

// Rule gives the method the 手引き prescribes for each kind of member: a
// 第三セクター等 by the share the body holds.
func ExampleRule() {
	for _, m := range []struct {
		t     consolidate.MemberType
		share string
	}{
		{consolidate.Association, "0"},
		{consolidate.IndependentAgency, "0"},
		{consolidate.ThirdSector, "0.51"},
		{consolidate.ThirdSector, "0.5"},
		{consolidate.ThirdSector, "0.2"},
	} {
		method, ok := consolidate.Rule(m.t, unified.Consolidated, decimal.RequireFromString(m.share), false)
		fmt.Println(m.t, m.share, method, ok)
	}
	// Output:
	// 一部事務組合・広域連合 0 比例連結 true
	// 地方独立行政法人 0 全部連結 true
	// 第三セクター等 0.51 全部連結 true
	// 第三セクター等 0.5 比例連結 true
	// 第三セクター等 0.2 %!Method(0) false
}

// A consolidation read from a directory of files: members.csv, the
// eliminations, and each member's four statements as published. The 組合
// is at 23.7 %, 25 % last year; the 第三セクター held 51 % has the other
// 49 % of its 純資産 as 他団体出資等分.
func ExampleReadDir() {
	c, err := consolidate.ReadDir(os.DirFS("testdata/kodama"), era.FiscalYear(2024))
	if err != nil {
		fmt.Println(err)
		return
	}
	c.Scope = unified.Consolidated
	r, err := c.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	bs, _ := r.Book.Statement("bs-consolidated")
	for _, row := range []string{"資産合計", "他団体出資等分", "純資産合計"} {
		v, _ := bs.Cell(row, "金額")
		fmt.Println(row, v)
	}
	for _, n := range r.Notes {
		fmt.Println(n)
	}
	fmt.Println(r.Verify().OK())
	// Output:
	// 資産合計 7,122
	// 他団体出資等分 573
	// 純資産合計 4,401
	// 一般会計等: 一般会計等, 全部連結
	// こだま衛生組合: 一部事務組合・広域連合, 比例連結 23.7% (前年度 25%: 前年度末残高 at 25%, the difference on 比例連結割合変更に伴う差額)
	// こだま衛生組合（23.7%）: 端数調整 資金収支計算書 業務収入/その他の収入: 177.75 → 177 (-1円)
	// こだま観光開発株式会社: 第三セクター等, 全部連結, 出資割合 51% (他団体出資等分 49%)
	// true
}
