// Command renketsu builds the financial statements of a small city, みなと市,
// under the 統一的な基準 for its three scopes from leaf figures, and prints
// the 精算表 of a scope (each member side by side, 単純合算, 相殺消去 and the
// consolidated column) and the scope's four statements.
//
// Usage:
//
//	go run ./examples/renketsu [-scope 全体|連結] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]
//
// The members are the 一般会計等, one 公営事業会計 (下水道事業会計), one
// 一部事務組合 consolidated at its 経費負担割合 of 30 % (比例連結, each line
// rounded to 円 by 四捨五入) and one 第三セクター in which the city holds 60 %
// (全部連結, the other 40 % of its net assets shown as 他団体出資等分). The
// eliminations are the 他会計への繰出金 to the 下水道事業会計, the 負担金 to
// the 組合 at its 30 %, and the city's investment against the
// 第三セクター's capital. Every figure and every step of the arithmetic is
// in testdata/WORKED.md. -scope 全体 consolidates the 一般会計等 and the
// 下水道事業会計 only; the default is 連結.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/examples/internal/output"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("renketsu", flag.ContinueOnError)
	scope := fs.String("scope", "連結", "the `scope` to consolidate: 全体 or 連結")
	return output.Run(fs, args, stdout, stderr,
		"renketsu [-scope 全体|連結] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]",
		func() (*output.Report, error) {
			var s unified.Scope
			switch *scope {
			case "全体":
				s = unified.Whole
			case "連結":
				s = unified.Consolidated
			default:
				return nil, fmt.Errorf("%w: unknown scope %q: 全体 or 連結", output.ErrUsage, *scope)
			}
			r, err := Consolidate(s)
			if err != nil {
				return nil, err
			}
			out := &output.Report{}
			for _, w := range r.Worksheets {
				out.Statements = append(out.Statements, w.Statement)
			}
			for _, k := range []unified.Kind{unified.BalanceSheet, unified.Cost, unified.NetAssets, unified.CashFlow} {
				st, _ := r.Book.Statement(unified.ID(k, s))
				out.Statements = append(out.Statements, st)
			}
			return out, nil
		})
}

// The columns of the 純資産変動計算書, shortened in the figures below.
const (
	fixed   = "固定資産等形成分"
	surplus = "余剰分（不足分）"
)

// A member's leaf figures, in 円: the rows of the 貸借対照表, 行政コスト計算書
// and 資金収支計算書 by key, those of the 純資産変動計算書 by key and column.
// A row not listed has no figure (該当なし).
type figures struct {
	bs, pl, cf map[string]int64
	nw         map[string]map[string]int64
}

// The members, as WORKED.md lists them.
var (
	general = figures{
		bs: map[string]int64{"1111": 5000, "1113": 8000, "1114": -3000, "1131": 2000, "1134": 6000, "1135": -2500,
			"1312": 60, "1351": 400, "1510": 700, "1520": 150, "1541": 500, "1570": -10,
			"2010": 4200, "2030": 900, "2110": 300, "2160": 90, "3010": 16460, "3020": -4650},
		pl: map[string]int64{"4111": 1200, "4112": 90, "4121": 800, "4123": 600, "4131": 40, "4210": 200,
			"4220": 1500, "4230": 100, "4510": 300, "4520": 100, "4720": 20, "4810": 10},
		nw: map[string]map[string]int64{
			"6000": {fixed: 16300, surplus: -4750}, "6100": {surplus: -4140}, "6210": {surplus: 3600}, "6220": {surplus: 800},
			"6410": {fixed: 700, surplus: -700}, "6420": {fixed: -640, surplus: 640},
			"6430": {fixed: 300, surplus: -300}, "6440": {fixed: -200, surplus: 200}},
		cf: map[string]int64{"7111": 1280, "7112": 800, "7113": 40, "7121": 200, "7122": 1500, "7123": 100,
			"7210": 3600, "7220": 600, "7230": 300, "7240": 100, "7610": 700, "7620": 300,
			"7710": 200, "7720": 200, "7740": 30, "8110": 300, "8210": 250, "9100": 590, "9300": 45, "9400": 5},
	}
	sewer = figures{
		bs: map[string]int64{"1134": 4000, "1135": -1500, "1510": 200, "1520": 50, "2010": 1800, "2110": 100, "3010": 2500, "3020": -1650},
		pl: map[string]int64{"4121": 180, "4123": 120, "4131": 20, "4510": 200, "4520": 100},
		nw: map[string]map[string]int64{"6000": {fixed: 2620, surplus: -1790}, "6100": {surplus: -20}, "6220": {surplus: 40},
			"6420": {fixed: -120, surplus: 120}},
		cf: map[string]int64{"7112": 180, "7113": 20, "7220": 40, "7230": 200, "7240": 100, "8110": 100, "9100": 160},
	}
	association = figures{
		bs: map[string]int64{"1111": 1001, "1140": 999, "1141": -400, "1510": 300, "2010": 500, "3010": 1600, "3020": -200},
		pl: map[string]int64{"4111": 300, "4121": 400, "4123": 100, "4520": 700},
		nw: map[string]map[string]int64{"6000": {fixed: 1700, surplus: -300}, "6100": {surplus: -100}, "6220": {surplus: 100},
			"6420": {fixed: -100, surplus: 100}},
		cf: map[string]int64{"7111": 300, "7112": 400, "7220": 100, "7240": 700, "8110": 100, "9100": 300},
	}
	company = figures{
		bs: map[string]int64{"1113": 120, "1114": -50, "1510": 40, "2120": 10, "3010": 70, "3020": 30},
		pl: map[string]int64{"4121": 50, "4510": 50},
		nw: map[string]map[string]int64{"6000": {fixed: 70, surplus: 30}, "6100": {surplus: 0}},
		cf: map[string]int64{"7112": 50, "7230": 50, "9100": 40},
	}
)

// fy is the fiscal year of the statements: 令和6年度.
const fy = era.FiscalYear(2024)

// book builds a member's four statements on the forms of scope s.
func (f figures) book(entity string, s unified.Scope) (*statement.Book, error) {
	b := &statement.Book{}
	for _, k := range []unified.Kind{unified.BalanceSheet, unified.Cost, unified.NetAssets, unified.CashFlow} {
		id := unified.ID(k, s)
		info, _ := unified.Form(id)
		meta := statement.Meta{Entity: entity, Period: fy.Period()}
		if k == unified.BalanceSheet {
			meta = statement.Meta{Entity: entity, AsOf: fy.Last()}
		}
		var figs []statement.Figure
		for _, r := range info.Form.Rows {
			if r.Kind != statement.Item {
				continue
			}
			for _, c := range info.Form.Columns {
				if c.Kind != statement.Input {
					continue
				}
				var v int64
				var ok bool
				switch k {
				case unified.BalanceSheet:
					v, ok = f.bs[r.Key]
				case unified.Cost:
					v, ok = f.pl[r.Key]
				case unified.NetAssets:
					v, ok = f.nw[r.Key][c.Name]
				case unified.CashFlow:
					v, ok = f.cf[r.Key]
				}
				fig := statement.Figure{Row: r.Key, Column: c.Name}
				if ok {
					fig.Value = format.CellOf(decimal.NewFromInt(v))
				}
				figs = append(figs, fig)
			}
		}
		st, err := unified.Build(id, meta, figs)
		if err != nil {
			return nil, err
		}
		if err := b.Add(id, st); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// widen returns book's statements on the forms of scope s.
func widen(book *statement.Book, s unified.Scope) (*statement.Book, error) {
	b := &statement.Book{}
	for _, k := range []unified.Kind{unified.BalanceSheet, unified.Cost, unified.NetAssets, unified.CashFlow} {
		var from *statement.Statement
		for _, id := range book.IDs() {
			if st, _ := book.Statement(id); id[:2] == unified.ID(k, s)[:2] {
				from = st
			}
		}
		st, err := unified.Widen(from, unified.ID(k, s))
		if err != nil {
			return nil, err
		}
		if err := b.Add(unified.ID(k, s), st); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// The sides of the lines below.
const (
	dr = account.Debit  // 借方
	cr = account.Credit // 貸方
)

// line returns one line of an elimination.
func line(side account.Side, code, column string, amount int64) consolidate.Line {
	return consolidate.Line{Side: side, Account: code, Column: column, Amount: decimal.NewFromInt(amount)}
}

// The eliminations of WORKED.md.
var (
	transfer = consolidate.Elimination{Name: "E1", Memo: "他会計への繰出金と下水道事業会計の繰入金", Lines: []consolidate.Line{
		line(dr, "4520", "", 100), line(cr, "4230", "", 100),
		line(dr, "7240", "", 100), line(cr, "7123", "", 100),
	}}
	contribution = consolidate.Elimination{Name: "E2", Memo: "みなと衛生組合への負担金（30 %）", Lines: []consolidate.Line{
		line(dr, "4520", "", 60), line(cr, "4210", "", 60),
		line(dr, "7240", "", 60), line(cr, "7121", "", 60),
	}}
	capital = consolidate.Elimination{Name: "E3", Memo: "投資と資本の相殺（みなと振興株式会社、出資 60 %）", Lines: []consolidate.Line{
		line(dr, "3010", "", 70), line(dr, "3020", "", 30), line(cr, "1312", "", 60), line(cr, "3030", "", 40),
		line(dr, "6000", fixed, 70), line(dr, "6000", surplus, 30), line(cr, "6000", "他団体出資等分", 40),
	}}
)

// Consolidate builds the members' statements and consolidates them into
// scope s: 全体 of the 一般会計等 and the 下水道事業会計, or 連結 of those,
// the 組合 at 30 % and the 第三セクター.
func Consolidate(s unified.Scope) (*consolidate.Result, error) {
	g, err := general.book("みなと市", unified.General)
	if err != nil {
		return nil, err
	}
	if g, err = widen(g, s); err != nil {
		return nil, err
	}
	w, err := sewer.book("みなと市下水道事業会計", unified.Whole)
	if err != nil {
		return nil, err
	}
	if w, err = widen(w, s); err != nil {
		return nil, err
	}
	c := &consolidate.Consolidation{Scope: s, Compact: true, Rounding: format.HalfUp,
		Members: []consolidate.Member{
			{Name: "一般会計等", Type: consolidate.GeneralAccounts, Method: consolidate.Full, Book: g},
			{Name: "下水道事業会計", Type: consolidate.PublicEnterprise, Method: consolidate.Full, Book: w},
		},
		Eliminations: []consolidate.Elimination{transfer},
	}
	if s == unified.Consolidated {
		a, err := association.book("みなと衛生組合", s)
		if err != nil {
			return nil, err
		}
		k, err := company.book("みなと振興株式会社", s)
		if err != nil {
			return nil, err
		}
		c.Members = append(c.Members,
			consolidate.Member{Name: "みなと衛生組合", Type: consolidate.Association, Method: consolidate.Proportional, Ratio: decimal.RequireFromString("0.3"), Book: a},
			consolidate.Member{Name: "みなと振興株式会社", Type: consolidate.ThirdSector, Method: consolidate.Full, Book: k})
		c.Eliminations = append(c.Eliminations, contribution, capital)
	}
	return c.Build()
}
