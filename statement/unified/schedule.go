package unified

import (
	"bytes"
	"embed"
	"fmt"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// The ids of the 附属明細書 of fixed assets, under which Template gives
// their forms and ScheduleLinks names their statements.
const (
	// TangibleAssets is 有形固定資産の明細: by account, 前年度末残高,
	// 本年度増加額, 本年度減少額, 本年度末残高, 本年度末減価償却累計額,
	// 本年度償却額 and 差引本年度末残高.
	TangibleAssets = "tangible-assets"
	// TangibleAssetsByPurpose is 有形固定資産の行政目的別明細: by account
	// and 行政目的, the 差引本年度末残高.
	TangibleAssetsByPurpose = "tangible-assets-by-purpose"
)

//go:embed schedules/*.csv schedule-links.csv
var scheduleData embed.FS

// The columns of the schedules.
var (
	tangibleColumns = "前年度末残高|本年度増加額|本年度減少額|本年度末残高=前年度末残高+本年度増加額-本年度減少額|" +
		"本年度末減価償却累計額|本年度償却額|差引本年度末残高=本年度末残高-本年度末減価償却累計額"
	purposeColumns = func() string {
		var names, sum string
		for i, p := range fixedasset.Purposes() {
			if i > 0 {
				names, sum = names+"|", sum+"+"
			}
			names += p.String()
			sum += p.String()
		}
		return names + "|合計=" + sum
	}()
)

// schedules is the schedules' data, read and compiled once.
type schedules struct {
	templates map[string]*statement.Template
	links     []statement.Link
}

var loadSchedules = sync.OnceValues(func() (*schedules, error) {
	s := &schedules{templates: map[string]*statement.Template{}}
	for _, f := range []struct{ id, title, columns string }{
		{TangibleAssets, "有形固定資産の明細", tangibleColumns},
		{TangibleAssetsByPurpose, "有形固定資産の行政目的別明細", purposeColumns},
	} {
		name := "schedules/" + f.id + ".csv"
		text, err := scheduleData.ReadFile(name)
		if err != nil {
			return nil, err
		}
		rows, err := statement.ReadRowsCSV(bytes.NewReader(text), name)
		if err != nil {
			return nil, err
		}
		cols, err := statement.ParseColumns(f.columns)
		if err != nil {
			return nil, err
		}
		t, err := statement.Compile(&statement.Form{Title: f.title, Columns: cols, Rows: rows})
		if err != nil {
			return nil, err
		}
		s.templates[f.id] = t
	}
	text, err := scheduleData.ReadFile("schedule-links.csv")
	if err != nil {
		return nil, err
	}
	if s.links, err = statement.ReadLinksCSV(bytes.NewReader(text), "schedule-links.csv"); err != nil {
		return nil, err
	}
	return s, nil
})

// theSchedules returns the schedules' data. It is tested, so an error is
// a build that broke it.
func theSchedules() *schedules {
	s, err := loadSchedules()
	if err != nil {
		panic(err)
	}
	return s
}

// ScheduleLinks returns the links of the schedules of fixed assets to the
// 一般会計等's 貸借対照表 and to each other, naming the statements of a book
// by TangibleAssets, TangibleAssetsByPurpose and bs-general: for each
// account, its 本年度末残高 and 本年度末減価償却累計額 are its lines of the
// 貸借対照表 (the latter printed negative), and its 行政目的別 合計 is its
// 差引本年度末残高; both schedules' 合計 is the 有形固定資産.
func ScheduleLinks() []statement.Link {
	links := theSchedules().links
	out := make([]statement.Link, len(links))
	for i, l := range links {
		l.Left, l.Right = append([]statement.Ref(nil), l.Left...), append([]statement.Ref(nil), l.Right...)
		out[i] = l
	}
	return out
}

// BuildTangibleAssets builds the 有形固定資産の明細 of y on the form
// TangibleAssets, in yen: one row for each account of 有形固定資産, with
// the accounts' figures (fixedasset.Year.Account) as its leaf figures and
// every subtotal and total computed. An account that held no asset in the
// year has no figure (該当なし, printed –); so have the 減価償却累計額 and
// 償却額 of an account whose 減価償却累計額 neither was carried into the
// year nor moved in it — those not depreciated (土地, 立木竹, 建設仮勘定),
// and those whose assets have not begun — as the books, which never post
// to it, give its line of the 貸借対照表 none.
// meta's Unit is taken as yen whatever it says; scale the statement to
// print it in 千円.
func BuildTangibleAssets(y *fixedasset.Year, meta statement.Meta) (*statement.Statement, error) {
	if y == nil {
		return nil, &Error{Problems: []Problem{{Statement: TangibleAssets, Err: fmt.Errorf("%w: no year", ErrMissing)}}}
	}
	var figs []statement.Figure
	for _, a := range fixedasset.Accounts() {
		m := y.Account(a)
		if !a.Tangible() || m == (fixedasset.Movement{}) {
			continue
		}
		add := func(col string, v int64) {
			figs = append(figs, statement.Figure{Row: a.Code(), Column: col, Value: format.CellOf(decimal.NewFromInt(v))})
		}
		add("前年度末残高", m.Opening)
		add("本年度増加額", m.Increase)
		add("本年度減少額", m.Decrease)
		if m.OpeningAccumulated != 0 || m.Depreciation != 0 || m.DisposedAccumulated != 0 {
			add("本年度末減価償却累計額", m.Accumulated)
			add("本年度償却額", m.Depreciation)
		}
	}
	return buildSchedule(TangibleAssets, meta, figs)
}

// BuildTangibleAssetsByPurpose builds the 有形固定資産の行政目的別明細 of y on
// the form TangibleAssetsByPurpose, in yen: for each account of 有形固定資産
// and each 行政目的, the 差引本年度末残高 of its assets
// (fixedasset.Year.Cell), the 合計 column and the subtotal and total rows
// computed. A cell without an asset in the year has no figure (該当なし);
// one whose assets all left in the year has 0.
func BuildTangibleAssetsByPurpose(y *fixedasset.Year, meta statement.Meta) (*statement.Statement, error) {
	if y == nil {
		return nil, &Error{Problems: []Problem{{Statement: TangibleAssetsByPurpose, Err: fmt.Errorf("%w: no year", ErrMissing)}}}
	}
	var figs []statement.Figure
	for _, a := range fixedasset.Accounts() {
		if !a.Tangible() {
			continue
		}
		for _, p := range fixedasset.Purposes() {
			if m := y.Cell(a, p); m != (fixedasset.Movement{}) {
				figs = append(figs, statement.Figure{Row: a.Code(), Column: p.String(), Value: format.CellOf(decimal.NewFromInt(m.Net()))})
			}
		}
	}
	return buildSchedule(TangibleAssetsByPurpose, meta, figs)
}

// buildSchedule builds the schedule id of figures in yen, the cells they
// do not give without a figure.
func buildSchedule(id string, meta statement.Meta, figs []statement.Figure) (*statement.Statement, error) {
	t := theSchedules().templates[id]
	given := make(map[[2]string]bool, len(figs))
	for _, f := range figs {
		given[[2]string{f.Row, f.Column}] = true
	}
	form := t.Form()
	for _, r := range form.Rows {
		for _, c := range form.Columns {
			if r.Kind == statement.Item && c.Kind == statement.Input && !given[[2]string{r.Key, c.Name}] {
				figs = append(figs, statement.Figure{Row: r.Key, Column: c.Name})
			}
		}
	}
	meta.Unit = format.Yen
	return t.Build(meta, figs)
}
