package unified

import (
	"bytes"
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/statement"
)

//go:embed forms.csv forms/*.csv chart.csv links.csv links-yearly.csv books.csv conversion.csv
var data embed.FS

// A Scope is the set of 会計 and bodies a statement covers. The zero value
// is not a scope.
type Scope int

// Scopes.
const (
	General      Scope = iota + 1 // 一般会計等: 一般会計 and the 特別会計 of 普通会計
	Whole                         // 全体: 一般会計等 and the 公営事業会計
	Consolidated                  // 連結: 全体 and the 一部事務組合・広域連合, 地方独立行政法人, 第三セクター等
)

var scopeNames = [...]string{"", "一般会計等", "全体", "連結"}
var scopeIDs = [...]string{"", "general", "whole", "consolidated"}

// String returns 一般会計等, 全体 or 連結; an unknown scope prints as
// %!Scope(n).
func (s Scope) String() string {
	if s < General || s > Consolidated {
		return fmt.Sprintf("%%!Scope(%d)", int(s))
	}
	return scopeNames[s]
}

// A Kind is one of the four statements. The zero value is not a kind.
type Kind int

// Kinds, in the order of the 様式.
const (
	BalanceSheet Kind = iota + 1 // 様式第1号 貸借対照表
	Cost                         // 様式第2号 行政コスト計算書
	NetAssets                    // 様式第3号 純資産変動計算書
	CashFlow                     // 様式第4号 資金収支計算書
)

var kindNames = [...]string{"", "貸借対照表", "行政コスト計算書", "純資産変動計算書", "資金収支計算書"}
var kindIDs = [...]string{"", "bs", "pl", "nw", "cf"}

// kinds lists the four statements in the order of the 様式.
var kinds = []Kind{BalanceSheet, Cost, NetAssets, CashFlow}

// String returns the statement's name, such as 貸借対照表; an unknown kind
// prints as %!Kind(n).
func (k Kind) String() string {
	if k < BalanceSheet || k > CashFlow {
		return fmt.Sprintf("%%!Kind(%d)", int(k))
	}
	return kindNames[k]
}

// ID returns the id of the form of kind k for scope s, such as bs-general
// or nw-consolidated, which is also the id under which links name its
// statement in a book; "" for an unknown kind or scope.
func ID(k Kind, s Scope) string {
	if k < BalanceSheet || k > CashFlow || s < General || s > Consolidated {
		return ""
	}
	return kindIDs[k] + "-" + scopeIDs[s]
}

// FormInfo describes one form of the standard.
type FormInfo struct {
	ID     string          // short and stable, such as pl-general
	Number string          // as printed, such as 様式第2号
	Title  string          // such as 行政コスト計算書
	Kind   Kind            // which of the four statements
	Scope  Scope           // 一般会計等, 全体 or 連結
	Form   *statement.Form // the rows and columns, as data
}

// Confidence returns how sure the data is of the row with the given key:
// the mark its Remark opens with (see Confidence). It reports false for a
// key the form does not have.
func (fi FormInfo) Confidence(key string) (Confidence, bool) {
	if fi.Form == nil {
		return 0, false
	}
	for _, r := range fi.Form.Rows {
		if r.Key == key {
			c, _ := ParseConfidence(r.Remark)
			return c, true
		}
	}
	return 0, false
}

// parsed is what the embedded data holds, read once.
type parsed struct {
	forms     []FormInfo
	templates map[string]*statement.Template
	chart     *account.Chart
	links     []statement.Link
	yearly    []statement.Link
	// bound maps each scope's account codes to the statement and item row
	// they are bound to.
	bound map[Scope]map[string]binding
}

// A binding is where an account is bound in the forms of a scope.
type binding struct {
	kind Kind
	row  string
}

var load = sync.OnceValues(func() (*parsed, error) {
	p := &parsed{templates: map[string]*statement.Template{}}
	var err error
	if p.forms, err = readForms(); err != nil {
		return nil, err
	}
	p.bound = map[Scope]map[string]binding{}
	for _, f := range p.forms {
		t, err := statement.Compile(f.Form)
		if err != nil {
			return nil, err
		}
		p.templates[f.ID] = t
		if p.bound[f.Scope] == nil {
			p.bound[f.Scope] = map[string]binding{}
		}
		for _, r := range f.Form.Rows {
			if r.Kind == statement.Item && r.Account != "" {
				p.bound[f.Scope][r.Account] = binding{f.Kind, r.Key}
			}
		}
	}
	text, err := data.ReadFile("chart.csv")
	if err != nil {
		return nil, err
	}
	if p.chart, err = account.ReadCSV(bytes.NewReader(text), "chart.csv"); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		to   *[]statement.Link
	}{{"links.csv", &p.links}, {"links-yearly.csv", &p.yearly}} {
		text, err := data.ReadFile(f.name)
		if err != nil {
			return nil, err
		}
		if *f.to, err = statement.ReadLinksCSV(bytes.NewReader(text), f.name); err != nil {
			return nil, err
		}
	}
	return p, nil
})

// LinksCSV returns links.csv as it is, the data behind Links, for programs
// that read the links with tools of their own; statement ids are those of
// Forms. Each call returns a new slice.
func LinksCSV() []byte {
	b, err := data.ReadFile("links.csv")
	if err != nil {
		panic(err) // the file is embedded
	}
	return b
}

// RowOf returns the statement and the item row that the account with the
// given code is bound to in the forms of scope s, and whether it is bound
// to one.
func RowOf(s Scope, code string) (Kind, string, bool) {
	b, ok := the().bound[s][code]
	return b.kind, b.row, ok
}

// Kinds returns the four statements in the order of the 様式.
func Kinds() []Kind { return append([]Kind(nil), kinds...) }

// the returns the parsed data. The embedded data is tested, so an error
// is a build that broke it.
func the() *parsed {
	p, err := load()
	if err != nil {
		panic(err)
	}
	return p
}

// Forms returns the forms of the standard in the order of forms.csv: by
// statement, then by scope. Each call returns new Forms that the caller
// may change.
func Forms() []FormInfo {
	var out []FormInfo
	for _, f := range the().forms {
		f.Form = the().templates[f.ID].Form()
		out = append(out, f)
	}
	return out
}

// Form returns the form with the given id, such as bs-general (see ID), as
// a copy the caller may change, and whether there is one.
func Form(id string) (FormInfo, bool) {
	for _, f := range the().forms {
		if f.ID == id {
			f.Form = the().templates[id].Form()
			return f, true
		}
	}
	return FormInfo{}, false
}

// Template returns the compiled form with the given id: one of Forms, or
// a schedule of fixed assets (TangibleAssets, TangibleAssetsByPurpose). It
// is compiled once, immutable and shared; a statement built on it is on
// the form of the standard. An unknown id is an *Error wrapping
// ErrUnknown.
func Template(id string) (*statement.Template, error) {
	if t, ok := the().templates[id]; ok {
		return t, nil
	}
	if t, ok := theSchedules().templates[id]; ok {
		return t, nil
	}
	return nil, &Error{Problems: []Problem{{Statement: id, Err: fmt.Errorf("%w: no form of the standard has the id", ErrUnknown)}}}
}

// Chart returns the standard accounts: one for every item row of the
// forms, under the row's key, and one group account for each subtotal,
// with the outline as parents. 減価償却累計額, 投資損失引当金 and
// 徴収不能引当金 are contra accounts (Account.Contra): asset accounts with a
// credit balance, whose figures on the 貸借対照表 are negative. The chart is
// immutable and shared.
func Chart() *account.Chart { return the().chart }

// Links returns the 財務書類4表の相互関係 of a scope, as links between the
// statements of a book that holds them under their form ids (see ID):
// 資産合計 = 負債及び純資産合計; BS 現金預金 = CF 本年度末現金預金残高; BS
// 純資産合計 and each class of 純資産 = NW 本年度末純資産残高 of its column;
// NW 純行政コスト（△） = − PL 純行政コスト, in 合計 and 余剰分（不足分）. An
// unknown scope has none.
func Links(s Scope) []statement.Link { return ofScope(the().links, s) }

// YearlyLinks returns the links between two consecutive years of a scope:
// NW 前年度末純資産残高 = last year's 本年度末純資産残高 in every column and
// = last year's BS 純資産合計; this year's 本年度純資産変動額 + last year's
// 純資産合計 = this year's 純資産合計 (unless a restatement intervenes); CF
// 前年度末資金残高 and 前年度末歳計外現金残高 = last year's 本年度末, and
// their sum = last year's BS 現金預金. They name last year's statements
// with the prefix prev: and this year's with cur:, as Years makes them.
func YearlyLinks(s Scope) []statement.Link { return ofScope(the().yearly, s) }

// ofScope returns copies of the links all of whose terms name statements
// of scope s.
func ofScope(links []statement.Link, s Scope) []statement.Link {
	if s < General || s > Consolidated {
		return nil
	}
	suffix := "-" + scopeIDs[s]
	var out []statement.Link
	for _, l := range links {
		refs := append(slices.Clone(l.Left), l.Right...)
		if slices.IndexFunc(refs, func(r statement.Ref) bool { return !strings.HasSuffix(r.Statement, suffix) }) < 0 {
			l.Left, l.Right = slices.Clone(l.Left), slices.Clone(l.Right)
			out = append(out, l)
		}
	}
	return out
}

// Verify checks the statements of book, held under their form ids, and
// the links of scope s between them (Links). A statement the book lacks
// breaks the links that name it: a book of a partial set reports them.
func Verify(book *statement.Book, s Scope) *statement.Verification {
	if book == nil {
		book = &statement.Book{}
	}
	return book.Verify(statement.VerifyOptions{Links: Links(s)})
}

// VerifyRounded checks book as Verify does, but under rounding, as
// statement.Book.VerifyRounded checks a book: each figure of a statement
// printed in 千円 or 百万円 stands for the exact yen that round to it, and
// the statements' identities and the links of scope s are judged
// together, each verdict proven. A statement the book lacks breaks the
// links that name it, as for Verify; errors are those of
// statement.Book.VerifyRounded.
func VerifyRounded(book *statement.Book, s Scope) (*statement.Verification, error) {
	if book == nil {
		book = &statement.Book{}
	}
	return book.VerifyRounded(statement.VerifyOptions{Links: Links(s)})
}

// Years returns the book of two consecutive years: the statements of prev
// under prev: and their id, those of cur under cur: and their id, which
// YearlyLinks name. Neither book is changed.
func Years(prev, cur *statement.Book) (*statement.Book, error) {
	var b statement.Book
	for _, y := range []struct {
		prefix string
		book   *statement.Book
	}{{"prev:", prev}, {"cur:", cur}} {
		if y.book == nil {
			return nil, &Error{Problems: []Problem{{Statement: y.prefix, Err: fmt.Errorf("%w: no book", ErrMissing)}}}
		}
		for _, id := range y.book.IDs() {
			s, _ := y.book.Statement(id)
			if err := b.Add(y.prefix+id, s); err != nil {
				return nil, err
			}
		}
	}
	return &b, nil
}

// VerifyYears checks the links of scope s between last year's book and
// this year's (YearlyLinks), each holding its statements under their form
// ids. It does not check the statements themselves; Verify does. The
// Verification's Findings are the broken links, and its Count, which
// counts the verdicts of a statement.Book's verification, is zero for
// every verdict.
func VerifyYears(prev, cur *statement.Book, s Scope) (*statement.Verification, error) {
	b, err := Years(prev, cur)
	if err != nil {
		return nil, err
	}
	v := b.Verify(statement.VerifyOptions{Links: YearlyLinks(s)})
	// Only the links: the statements are checked by Verify.
	var fs []statement.Finding
	for _, f := range v.Findings {
		if f.Kind == statement.LinkBroken {
			fs = append(fs, f)
		}
	}
	return &statement.Verification{Findings: fs}, nil
}

// Build builds a statement on the form with the given id from its leaf
// figures (see statement.Template.Build), and rejects a positive figure
// on a row bound to a contra account (see CheckContra). Errors are the
// *statement.Error of Build, or an *Error.
func Build(id string, meta statement.Meta, figures []statement.Figure) (*statement.Statement, error) {
	return build(id, meta, figures, (*statement.Template).Build)
}

// BuildSparse builds a statement as Build does from the figures a caller
// has: every item not given is 該当なし (see statement.Template.BuildSparse).
func BuildSparse(id string, meta statement.Meta, figures []statement.Figure) (*statement.Statement, error) {
	return build(id, meta, figures, (*statement.Template).BuildSparse)
}

// build does the work of Build and BuildSparse with the given way of
// building from figures.
func build(id string, meta statement.Meta, figures []statement.Figure,
	with func(*statement.Template, statement.Meta, []statement.Figure) (*statement.Statement, error)) (*statement.Statement, error) {
	t, err := Template(id)
	if err != nil {
		return nil, err
	}
	s, err := with(t, meta, figures)
	if err != nil {
		return nil, err
	}
	if err := CheckContra(s); err != nil {
		return nil, err
	}
	return s, nil
}

// CheckContra reports, in an *Error wrapping ErrContra, every positive
// figure of s on an item row bound to a contra account of the Chart. A
// contra account (減価償却累計額, 投資損失引当金, 徴収不能引当金) holds a
// credit balance against an asset: its figure is that balance with the
// sign it adds into its parent with, negative, and prints with △. A
// positive figure there is a sign lost in transcription, which would
// overstate 資産合計 by twice the amount; it is rejected rather than
// negated, since nothing tells a lost sign from a wrong row.
func CheckContra(s *statement.Statement) error {
	if s == nil {
		return &Error{Problems: []Problem{{Err: fmt.Errorf("%w: no statement", ErrMissing)}}}
	}
	var ps []Problem
	f := s.Form()
	for _, r := range f.Rows {
		a, ok := Chart().Lookup(r.Account)
		if r.Kind != statement.Item || !ok || !a.Contra {
			continue
		}
		for _, c := range f.Columns {
			if v, _ := s.Cell(r.Key, c.Name); c.Kind == statement.Input && v.Valid && v.Amount.IsPositive() {
				ps = append(ps, Problem{Statement: f.Title, Row: r.Key, Column: c.Name,
					Err: fmt.Errorf("%w: %s %s is positive; a contra account's figure is negative (△)", ErrContra, r.Label, v)})
			}
		}
	}
	if len(ps) > 0 {
		return &Error{Problems: ps}
	}
	return nil
}

// Widen returns s on the form with the given id, for a statement of a
// narrower scope that a wider one consolidates: the 一般会計等's 貸借対照表
// on the form of the 全体 or 連結 one. The rows and columns the wider form
// adds (繰延資産, 他団体出資等分, 比例連結割合変更に伴う差額) have no figure
// (該当なし). Every row and input column of s must be one of the form's:
// anything else is an *Error wrapping ErrForm.
func Widen(s *statement.Statement, id string) (*statement.Statement, error) {
	t, err := Template(id)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return nil, &Error{Problems: []Problem{{Statement: id, Err: fmt.Errorf("%w: no statement to widen", ErrMissing)}}}
	}
	to := t.Form()
	from := s.Form()
	var ps []Problem
	for _, r := range from.Rows {
		if !slices.ContainsFunc(to.Rows, func(x statement.Row) bool { return x.Key == r.Key && x.Kind == r.Kind }) {
			ps = append(ps, Problem{Statement: id, Row: r.Key, Err: fmt.Errorf("%w: %s is not a row of that kind in %s", ErrForm, quote.Bounded(r.Label), to.Title)})
		}
	}
	for _, c := range from.Columns {
		if c.Kind == statement.Input && !slices.ContainsFunc(to.Columns, func(x statement.Column) bool { return x.Name == c.Name && x.Kind == statement.Input }) {
			ps = append(ps, Problem{Statement: id, Column: c.Name, Err: fmt.Errorf("%w: not an input column of %s", ErrForm, to.Title)})
		}
	}
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	given := map[[2]string]bool{}
	figs := s.Figures()
	for _, f := range figs {
		given[[2]string{f.Row, f.Column}] = true
	}
	for _, r := range to.Rows {
		for _, c := range to.Columns {
			if r.Kind == statement.Item && c.Kind == statement.Input && !given[[2]string{r.Key, c.Name}] {
				figs = append(figs, statement.Figure{Row: r.Key, Column: c.Name})
			}
		}
	}
	return t.Build(s.Meta(), figs)
}

func readForms() ([]FormInfo, error) {
	index, err := data.ReadFile("forms.csv")
	if err != nil {
		return nil, err
	}
	recs, err := csvio.ReadAll(bytes.NewReader(index), 0)
	if err != nil {
		return nil, fmt.Errorf("unified: forms.csv: %w", err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("unified: forms.csv is empty")
	}
	cols, bad := csvio.Header(recs[0], []string{"id", "file", "number", "title", "scope", "columns", "split"}, nil)
	if len(bad) > 0 {
		return nil, fmt.Errorf("unified: forms.csv: %w", bad[0])
	}
	var out []FormInfo
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(recs[0].Fields) {
			return nil, fmt.Errorf("unified: forms.csv: line %d: %d fields", rec.Line, len(rec.Fields))
		}
		field := func(name string) string { return strings.TrimSpace(rec.Fields[cols[name]]) }
		columns, err := statement.ParseColumns(field("columns"))
		if err != nil {
			return nil, fmt.Errorf("unified: forms.csv: line %d: %w", rec.Line, err)
		}
		file := field("file")
		text, err := data.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("unified: forms.csv: line %d: %w", rec.Line, err)
		}
		rows, err := statement.ReadRowsCSV(bytes.NewReader(text), file)
		if err != nil {
			return nil, err
		}
		info := FormInfo{ID: field("id"), Number: field("number"), Title: field("title"),
			Form: &statement.Form{Number: field("number"), Title: field("title"), Columns: columns, Rows: rows, Split: field("split")}}
		for _, k := range kinds {
			for s := General; s <= Consolidated; s++ {
				if ID(k, s) == info.ID {
					info.Kind, info.Scope = k, s
				}
			}
		}
		if info.Kind == 0 || info.Scope.String() != field("scope") {
			return nil, fmt.Errorf("unified: forms.csv: line %d: id %s and scope %s are not a kind and scope", rec.Line, info.ID, field("scope"))
		}
		out = append(out, info)
	}
	return out, nil
}
