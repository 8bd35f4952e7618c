package jlis

import (
	"fmt"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment/apportion"
	"github.com/koukaikei/koukaikei/segment/localcode"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// A Municipality is one line of the 令和２年度交付金見込額一覧: a body, its
// population on 平成31年1月1日, and the amount printed for it.
type Municipality struct {
	Code       localcode.Code
	Prefecture string
	Name       string
	Population decimal.Decimal
	Amount     decimal.Decimal // 交付金見込額, in 円, as printed
}

// koufukinTotal is the 負担金総額 that 議案第３号 prints:
// ７６，４７６，９４０，０００円.
var koufukinTotal = decimal.NewFromInt(76476940000)

// Koufukin returns the 1,741 lines of the 令和２年度交付金見込額一覧 (r02/koufukin.csv),
// in printed order. Every code's check digit is verified.
func Koufukin() ([]Municipality, error) {
	recs, err := readCSV("r02/koufukin.csv", "code", "prefecture", "municipality", "population", "amount")
	if err != nil {
		return nil, err
	}
	out := make([]Municipality, 0, len(recs))
	for _, r := range recs {
		code, err := localcode.Parse(r.field("code"))
		if err != nil {
			return nil, r.errorf("%w", err)
		}
		pop, err1 := decimal.NewFromString(r.field("population"))
		amount, err2 := decimal.NewFromString(r.field("amount"))
		if err1 != nil || err2 != nil {
			return nil, r.errorf("population %q or amount %q is not a number", r.field("population"), r.field("amount"))
		}
		out = append(out, Municipality{Code: code, Prefecture: r.field("prefecture"), Name: r.field("municipality"), Population: pop, Amount: amount})
	}
	return out, nil
}

// A Contribution is one line of the 総合行政ネットワークに係る令和２年度負担金一覧
// （都道府県別）: a prefecture's 負担金 before and after the change, and
// the change, in 円, as printed.
type Contribution struct {
	Prefecture            string
	Before, After, Change decimal.Decimal
}

// LGWAN returns the 47 lines of the LGWAN 負担金 table (r02/lgwan.csv), in
// printed order, and its printed 合計 line, which the file holds last.
func LGWAN() ([]Contribution, Contribution, error) {
	recs, err := readCSV("r02/lgwan.csv", "prefecture", "before", "after", "change")
	if err != nil {
		return nil, Contribution{}, err
	}
	out := make([]Contribution, 0, len(recs))
	for _, r := range recs {
		c := Contribution{Prefecture: r.field("prefecture")}
		for _, f := range []struct {
			name string
			to   *decimal.Decimal
		}{{"before", &c.Before}, {"after", &c.After}, {"change", &c.Change}} {
			if *f.to, err = decimal.NewFromString(r.field(f.name)); err != nil {
				return nil, Contribution{}, r.errorf("%s %q is not a number", f.name, r.field(f.name))
			}
		}
		out = append(out, c)
	}
	if len(out) == 0 || out[len(out)-1].Prefecture != "合計" {
		return nil, Contribution{}, fmt.Errorf("r02/lgwan.csv: no 合計 line at the end")
	}
	return out[:len(out)-1], out[len(out)-1], nil
}

// entity is the body that publishes the report.
const entity = "地方公共団体情報システム機構"

var thousand = decimal.NewFromInt(1000)

// KoufukinStatement returns the 交付金見込額一覧 as the library computes it:
// the 負担金総額 apportioned over the municipalities' populations by Webster
// in units of 1,000 円.
func KoufukinStatement(ms []Municipality) (*statement.Statement, error) {
	pops := make([]decimal.Decimal, len(ms))
	for i, m := range ms {
		pops[i] = m.Population
	}
	shares, err := apportion.Divide(koufukinTotal, pops, thousand, apportion.Webster)
	if err != nil {
		return nil, err
	}
	return koufukinStatement(ms, shares)
}

// koufukinStatement returns the 交付金見込額一覧 with the given amounts.
func koufukinStatement(ms []Municipality, amounts []decimal.Decimal) (*statement.Statement, error) {
	f := &statement.Form{
		Title: "【別表】令和２年度交付金見込額一覧",
		Stub:  "団体コード",
		Columns: []statement.Column{
			{Name: "都道府県名", Kind: statement.Text},
			{Name: "市町村名", Kind: statement.Text},
			{Name: "人口(H31.1.1)", Kind: statement.Input},
			{Name: "交付金見込額", Kind: statement.Input},
		},
	}
	var figs []statement.Figure
	for i, m := range ms {
		key := string(m.Code)
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Item, Label: key})
		figs = append(figs,
			statement.Figure{Row: key, Column: "都道府県名", Text: m.Prefecture},
			statement.Figure{Row: key, Column: "市町村名", Text: m.Name},
			statement.Figure{Row: key, Column: "人口(H31.1.1)", Value: format.CellOf(m.Population)},
			statement.Figure{Row: key, Column: "交付金見込額", Value: format.CellOf(amounts[i])})
	}
	// The table prints no total; its total is the 負担金総額 of 議案第３号,
	// which the apportionment divides.
	f.Rows = append(f.Rows, statement.Row{Key: "total", Kind: statement.Item, Label: "合計"})
	figs = append(figs,
		statement.Figure{Row: "total", Column: "人口(H31.1.1)"},
		statement.Figure{Row: "total", Column: "交付金見込額", Value: format.CellOf(koufukinTotal)})
	return statement.Build(f, statement.Meta{Entity: entity, Style: statement.Style{Nil: format.NilBlank}}, figs)
}

// LGWANStatements returns the LGWAN 負担金 table built from its 変更前 and
// 変更後, keyed by prefecture code, and the table as printed.
func LGWANStatements(ms []Municipality) (built, printed *statement.Statement, err error) {
	rows, total, err := LGWAN()
	if err != nil {
		return nil, nil, err
	}
	codes := map[string]string{}
	for _, m := range ms {
		codes[m.Prefecture] = m.Code.Prefecture()
	}
	f := &statement.Form{
		Title: "総合行政ネットワークに係る令和２年度負担金一覧（都道府県別）",
		Stub:  "都道府県名",
		Columns: []statement.Column{
			{Name: "変更前", Kind: statement.Input},
			{Name: "変更後", Kind: statement.Input},
			{Name: "増減", Kind: statement.Computed, Formula: statement.Formula{{Key: "変更後"}, {Key: "変更前", Negative: true}}},
		},
	}
	var sum statement.Formula
	var figs, all []statement.Figure
	for _, r := range rows {
		key, ok := codes[r.Prefecture]
		if !ok {
			return nil, nil, fmt.Errorf("lgwan: no municipality of %s in the 交付金見込額一覧", r.Prefecture)
		}
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Item, Label: r.Prefecture})
		sum = append(sum, statement.Term{Key: key})
		figs = append(figs,
			statement.Figure{Row: key, Column: "変更前", Value: format.CellOf(r.Before)},
			statement.Figure{Row: key, Column: "変更後", Value: format.CellOf(r.After)})
		all = append(all, statement.Figure{Row: key, Column: "増減", Value: format.CellOf(r.Change)})
	}
	f.Rows = append(f.Rows, statement.Row{Key: "total", Kind: statement.Total, Label: "合計", Formula: sum})
	meta := statement.Meta{Entity: entity}
	if built, err = statement.Build(f, meta, figs); err != nil {
		return nil, nil, err
	}
	// The printed table: every cell as printed, computed ones included,
	// on a form whose 増減 and 合計 are inputs.
	pf := *f
	pf.Columns = []statement.Column{{Name: "変更前", Kind: statement.Input}, {Name: "変更後", Kind: statement.Input}, {Name: "増減", Kind: statement.Input}}
	pf.Rows = append(append([]statement.Row(nil), f.Rows[:len(f.Rows)-1]...), statement.Row{Key: "total", Kind: statement.Item, Label: "合計"})
	all = append(append(all, figs...),
		statement.Figure{Row: "total", Column: "変更前", Value: format.CellOf(total.Before)},
		statement.Figure{Row: "total", Column: "変更後", Value: format.CellOf(total.After)},
		statement.Figure{Row: "total", Column: "増減", Value: format.CellOf(total.Change)})
	printed, err = statement.Build(&pf, meta, all)
	return built, printed, err
}

// Allocations returns the two tables of the report that allocate a total
// over local public bodies: the 交付金見込額一覧 (id koufukin) and the
// LGWAN 負担金 table (id lgwan), as printed and as computed (the first by
// Webster's apportionment, the second from 変更前 and 変更後); its one
// link requires the printed amounts to sum to the 負担金総額.
func Allocations() (*Report, error) {
	ms, err := Koufukin()
	if err != nil {
		return nil, err
	}
	printed := make([]decimal.Decimal, len(ms))
	sum := statement.Link{Name: "交付金見込額一覧 市町村の交付金見込額の計 = 負担金総額",
		Right: []statement.Ref{{Statement: "koufukin", Row: "total", Column: "交付金見込額"}}}
	for i, m := range ms {
		printed[i] = m.Amount
		sum.Left = append(sum.Left, statement.Ref{Statement: "koufukin", Row: string(m.Code), Column: "交付金見込額"})
	}
	r := &Report{Tables: []string{"koufukin", "lgwan"}, Published: &statement.Book{}, Built: &statement.Book{}, Links: []statement.Link{sum}}
	pk, err := koufukinStatement(ms, printed)
	if err != nil {
		return nil, err
	}
	bk, err := KoufukinStatement(ms)
	if err != nil {
		return nil, err
	}
	bl, pl, err := LGWANStatements(ms)
	if err != nil {
		return nil, err
	}
	for _, add := range []struct {
		b  *statement.Book
		id string
		s  *statement.Statement
	}{{r.Published, "koufukin", pk}, {r.Published, "lgwan", pl}, {r.Built, "koufukin", bk}, {r.Built, "lgwan", bl}} {
		if err := add.b.Add(add.id, add.s); err != nil {
			return nil, err
		}
	}
	return r, nil
}
