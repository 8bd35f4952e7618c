// Package consolidate makes the 全体 and 連結 statements of a local body
// from those of its members, under the 統一的な基準 (package
// statement/unified): 一般会計等 and 公営事業会計 into 全体, and those with
// the 一部事務組合・広域連合, 地方独立行政法人, 地方三公社 and 第三セクター等
// into 連結.
//
// A [Consolidation] puts its members' statements side by side (the
// 連結精算表: each member, 単純合算, 相殺消去, and the consolidated column),
// members at 100 % (全部連結) or at an exact ratio (比例連結, each figure
// rounded to 円 by a stated rounding), with [Elimination] entries
// (相殺消去: 内部取引, 投資と資本の相殺 with 他団体出資等分), and checks that
// the consolidated statements keep every link of their scope. It builds on
// package segment, which derives the 相殺消去 column from the entries.
//
// The package does not decide which bodies a 連結 covers, nor convert a
// member's own accounts into the forms of the standard: its input is
// statements on those forms.
package consolidate

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// A Method is how a member is consolidated. The zero value is not a
// method.
type Method int

// Methods.
const (
	Full         Method = iota + 1 // 全部連結: every figure, at 100 %
	Proportional                   // 比例連結: every figure at the member's Ratio
)

// String returns 全部連結 or 比例連結; an unknown method prints as
// %!Method(n).
func (m Method) String() string {
	switch m {
	case Full:
		return "全部連結"
	case Proportional:
		return "比例連結"
	}
	return fmt.Sprintf("%%!Method(%d)", int(m))
}

// A MemberType is what kind of 会計 or body a member is. The zero value is
// not a type.
type MemberType int

// Member types: the first two make up 全体, the others join them in 連結.
const (
	GeneralAccounts   MemberType = iota + 1 // 一般会計等
	PublicEnterprise                        // 公営事業会計
	Association                             // 一部事務組合・広域連合
	IndependentAgency                       // 地方独立行政法人
	PublicCorporation                       // 地方三公社
	ThirdSector                             // 第三セクター等
)

var memberTypeNames = [...]string{"", "一般会計等", "公営事業会計", "一部事務組合・広域連合", "地方独立行政法人", "地方三公社", "第三セクター等"}

// String returns the type's name, such as 公営事業会計; an unknown type
// prints as %!MemberType(n).
func (t MemberType) String() string {
	if t < GeneralAccounts || t > ThirdSector {
		return fmt.Sprintf("%%!MemberType(%d)", int(t))
	}
	return memberTypeNames[t]
}

// A Member is one 会計 or body of a consolidation.
type Member struct {
	// Name heads the member's column of the 精算表, such as 下水道事業会計.
	Name   string
	Type   MemberType // what kind of 会計 or body it is
	Method Method     // 全部連結 or 比例連結
	// Ratio is the share consolidated by Proportional: above 0 and below
	// 1, exact, such as 0.3 for a 経費負担割合 of 30 %. Each item figure is
	// multiplied by it and rounded to 円 by the consolidation's Rounding.
	// For Full it is zero or 1.
	Ratio decimal.Decimal
	// Book holds the member's four statements on the forms of the
	// consolidation's scope, under their ids (see ID and Widen).
	Book *statement.Book
}

// A Line is one side of an elimination.
type Line struct {
	Side account.Side // 借方 or 貸方
	// Account is the code of a standard account (Chart) bound to an item
	// row of one of the scope's forms; the line moves that row.
	Account string
	// Column is, for a line of the 純資産変動計算書, the column of net
	// assets it moves, such as 余剰分（不足分）; for the other statements
	// it is empty (or their column, 金額).
	Column string
	Amount decimal.Decimal // positive
}

// An Elimination (相殺消去) is an entry whose lines move the 相殺消去 column
// of the 精算表, each through its account's category as a journal entry
// does: a 借方 on a revenue or a liability reduces it, a 貸方 on an expense
// or an asset reduces it, a 貸方 on a contra asset makes its figure more
// negative.
//
// An elimination balances when, applied alone, it keeps every link of its
// scope: its 貸借対照表 lines' debits equal their credits; a change of
// 純行政コスト is carried into the 純資産変動計算書's 純行政コスト（△）; a
// change of a class of 純資産 is the change of its column of the
// 純資産変動計算書; a change of 現金預金 is that of the 資金収支計算書.
// 他会計への繰出金 against the receiving 会計's 経常収益 is two entries of
// that kind, one on the 行政コスト計算書 (借方 その他 / 貸方
// 他会計への繰出金) and one on the 資金収支計算書 (借方 その他の収入 / 貸方
// 他会計への繰出支出). Against a 財源 instead (税収等 of the receiving
// 会計's 純資産変動計算書), the lines are 貸方 他会計への繰出金, 借方 税収等 and
// 貸方 純行政コスト（△）, both in 余剰分（不足分）. 投資と資本の相殺 credits the investor's 出資金,
// debits the investee's classes of 純資産 and credits 他団体出資等分 with the
// other investors' share, on the 貸借対照表 and, in the same columns, on the
// 前年度末純資産残高 of the 純資産変動計算書.
type Elimination struct {
	// Name identifies the elimination in errors; defaults to its 1-based
	// position.
	Name  string
	Memo  string // what it eliminates
	Lines []Line // its debits and credits
}

// name returns the elimination's Name, or its position.
func (e Elimination) name(i int) string { return cmp.Or(e.Name, strconv.Itoa(i+1)) }

// A Consolidation makes the statements of a scope from those of its
// members: the 全体 of 一般会計等 and 公営事業会計, or the 連結 of those and
// the 一部事務組合・広域連合, 地方独立行政法人, 地方三公社 and 第三セクター等.
type Consolidation struct {
	// Scope is unified.Whole or unified.Consolidated: the forms of every member's
	// statements and of the result.
	Scope        unified.Scope
	Members      []Member      // in the order of the 精算表's columns
	Eliminations []Elimination // the 相殺消去
	// Rounding is how a Proportional member's figures times its Ratio are
	// rounded to 円 (端数処理), each on its own. Defaults to HalfUp
	// (四捨五入).
	Rounding format.Rounding
	// Entity is the entity of the consolidated statements, such as
	// 〇〇市; defaults to that of the first member's statements, whose
	// dates, unit and style the results take.
	Entity string
	// Compact leaves out of the worksheets the rows that have no figure
	// in any column, and the headings all of whose rows are left out.
	// Defaults to false: every row.
	Compact bool
}

// The columns a worksheet adds after the members.
const (
	SumColumn    = "単純合算"
	AdjustColumn = "相殺消去"
)

// A Worksheet is one table of the 精算表: the members side by side,
// 単純合算, 相殺消去, and the consolidated column, headed by the scope's
// name (全体 or 連結).
type Worksheet struct {
	Kind unified.Kind // the statement it consolidates
	// Column is, for the 純資産変動計算書, the column of net assets the
	// worksheet consolidates; the 合計 column follows from them. Empty
	// for the other statements.
	Column    string
	Statement *statement.Statement // the table, its rows those of the statement's form
}

// A Result is what a Consolidation makes.
type Result struct {
	// Book holds the four consolidated statements under their ids (see
	// ID).
	Book *statement.Book
	// Worksheets is the 精算表, in the order of the 様式: 貸借対照表,
	// 行政コスト計算書, one for each column of net assets of the
	// 純資産変動計算書, 資金収支計算書.
	Worksheets []Worksheet
}

// effects holds the 相殺消去 of each statement kind, column and row.
type effects map[unified.Kind]map[string]map[string]decimal.Decimal

func (e effects) add(k unified.Kind, col, row string, v decimal.Decimal) {
	if e[k] == nil {
		e[k] = map[string]map[string]decimal.Decimal{}
	}
	if e[k][col] == nil {
		e[k][col] = map[string]decimal.Decimal{}
	}
	e[k][col][row] = e[k][col][row].Add(v)
}

// Build consolidates the members and returns the consolidated statements
// and the 精算表. Every problem is reported in one *Error, each Problem
// naming the member, elimination, statement, row and column it concerns:
//
//   - a unified.Scope that consolidates nothing (unified.General or unknown), no members,
//     or a member that the scope does not take: 全体 takes 一般会計等 and
//     公営事業会計 at 全部連結 (ErrScope);
//   - a member without a name, a book, or one of its four statements
//     (ErrMissing), or two with one name (ErrDuplicate);
//   - a method that is not Full or Proportional, or a Ratio that is not
//     the method's (ErrRange);
//   - a member's statement on another form than the scope's (ErrForm), or
//     with a positive figure on a contra row (unified.ErrContra);
//   - a member whose own statements break a link of the scope (ErrLink);
//   - an elimination line with an amount that is not positive (ErrRange),
//     an account bound to no item row of the scope's forms, or a column
//     the statement does not have (ErrUnknown), a 純資産変動計算書 line
//     without a column (ErrMissing);
//   - an elimination that does not balance (ErrUnbalanced), naming the
//     link it breaks;
//   - consolidated statements that break a link (ErrLink): the figures
//     of a Proportional member, rounded line by line, may no longer add
//     up across its statements.
func (c *Consolidation) Build() (*Result, error) {
	if c == nil {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: no consolidation", ErrMissing)}}}
	}
	if c.Scope != unified.Whole && c.Scope != unified.Consolidated {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: scope %v consolidates nothing: 全体 or 連結", ErrScope, c.Scope)}}}
	}
	if len(c.Members) == 0 {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: no members", ErrMissing)}}}
	}
	ps := c.checkMembers()
	eff, eps := c.eliminations()
	ps = append(ps, eps...)
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	r := &Result{Book: &statement.Book{}}
	for _, k := range unified.Kinds() {
		id := unified.ID(k, c.Scope)
		t, _ := unified.Template(id)
		form := t.Form()
		meta := c.meta(k)
		var figs []statement.Figure
		for _, col := range form.Columns {
			if col.Kind != statement.Input {
				continue
			}
			ws, err := c.worksheet(k, form, col.Name, eff[k][col.Name], meta)
			if err != nil {
				return nil, err
			}
			if k == unified.NetAssets {
				r.Worksheets = append(r.Worksheets, Worksheet{Kind: k, Column: col.Name, Statement: ws})
			} else {
				r.Worksheets = append(r.Worksheets, Worksheet{Kind: k, Statement: ws})
			}
			for _, row := range form.Rows {
				if row.Kind == statement.Item {
					v, _ := ws.Cell(row.Key, c.Scope.String())
					figs = append(figs, statement.Figure{Row: row.Key, Column: col.Name, Value: v})
				}
			}
		}
		s, err := t.Build(meta, figs)
		if err != nil {
			return nil, err
		}
		if err := r.Book.Add(id, s); err != nil {
			return nil, err
		}
	}
	if ps := linkProblems(unified.Verify(r.Book, c.Scope), Problem{Statement: c.Scope.String()}, ErrLink); len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	return r, nil
}

// meta returns the description of the consolidated statement of kind k.
func (c *Consolidation) meta(k unified.Kind) statement.Meta {
	var m statement.Meta
	if b := c.Members[0].Book; b != nil {
		if s, ok := b.Statement(unified.ID(k, c.Scope)); ok {
			m = s.Meta()
		}
	}
	if c.Entity != "" {
		m.Entity = c.Entity
	}
	return m
}

// worksheet consolidates column col of the statements of kind k.
func (c *Consolidation) worksheet(k unified.Kind, form *statement.Form, col string, adjust map[string]decimal.Decimal, meta statement.Meta) (*statement.Statement, error) {
	f := *form
	f.Number, f.Split = "", ""
	f.Title = c.Scope.String() + "精算表（" + form.Title + "）"
	if k == unified.NetAssets {
		f.Title = c.Scope.String() + "精算表（" + form.Title + " " + col + "）"
	}
	sc := &segment.Consolidation{Form: &f, Column: col, Chart: unified.Chart(),
		Sum: SumColumn, Adjust: AdjustColumn, Total: c.Scope.String(), Rounding: c.Rounding}
	for _, m := range c.Members {
		s, _ := m.Book.Statement(unified.ID(k, c.Scope))
		sc.Segments = append(sc.Segments, segment.Segment{Name: m.Name, Statement: s, Ratio: m.Ratio})
	}
	for _, row := range form.Rows {
		if v, ok := adjust[row.Key]; ok {
			sc.Adjustments = append(sc.Adjustments, segment.Adjustment{Row: row.Key, Amount: v})
		}
	}
	ws, err := sc.Build(meta)
	if err != nil {
		return nil, err
	}
	return rebuild(ws, adjust, c.Compact)
}

// rebuild returns a worksheet whose 相殺消去 has no figure (該当なし) on
// the rows that no elimination moves, where segment puts 0, so that a row
// of no member has no consolidated figure either. With compact, the rows
// that have no figure in any column are hidden, and so are the headings
// all of whose rows are.
func rebuild(ws *statement.Statement, adjust map[string]decimal.Decimal, compact bool) (*statement.Statement, error) {
	figs := ws.Figures()
	for i, f := range figs {
		if _, ok := adjust[f.Row]; f.Column == AdjustColumn && !ok {
			figs[i].Value = format.Cell{}
		}
	}
	ws, err := statement.Build(ws.Form(), ws.Meta(), figs)
	if err != nil || !compact {
		return ws, err
	}
	f := ws.Form()
	empty := func(r statement.Row) bool {
		for _, col := range f.Columns {
			if v, _ := ws.Cell(r.Key, col.Name); v.Valid {
				return false
			}
		}
		return true
	}
	for i, r := range f.Rows {
		if r.Kind != statement.Header {
			f.Rows[i].Hidden = empty(r)
		}
	}
	for i, r := range f.Rows {
		if r.Kind != statement.Header {
			continue
		}
		hide := true
		for j := i + 1; j < len(f.Rows) && (f.Rows[j].Kind != statement.Header || f.Rows[j].Indent > r.Indent); j++ {
			hide = hide && f.Rows[j].Hidden
		}
		f.Rows[i].Hidden = hide
	}
	return statement.Build(f, ws.Meta(), figs)
}

// checkMembers reports what is wrong with the members.
func (c *Consolidation) checkMembers() []Problem {
	var ps []Problem
	seen := map[string]bool{SumColumn: true, AdjustColumn: true, c.Scope.String(): true}
	one := decimal.NewFromInt(1)
	for _, m := range c.Members {
		fail := func(p Problem) { p.Member = m.Name; ps = append(ps, p) }
		switch {
		case m.Name == "":
			fail(Problem{Err: fmt.Errorf("%w: a member without a name", ErrMissing)})
		case seen[m.Name]:
			fail(Problem{Err: fmt.Errorf("%w: member name, or the name of the %s, %s or %s column", ErrDuplicate, SumColumn, AdjustColumn, c.Scope)})
		}
		seen[m.Name] = true
		switch {
		case m.Type < GeneralAccounts || m.Type > ThirdSector:
			fail(Problem{Err: fmt.Errorf("%w: member type %v", ErrScope, m.Type)})
		case c.Scope == unified.Whole && (m.Type > PublicEnterprise || m.Method != Full):
			fail(Problem{Err: fmt.Errorf("%w: 全体 takes 一般会計等 and 公営事業会計 at 全部連結, not %v at %v", ErrScope, m.Type, m.Method)})
		}
		switch m.Method {
		case Full:
			if !m.Ratio.IsZero() && !m.Ratio.Equal(one) {
				fail(Problem{Err: fmt.Errorf("%w: 全部連結 at ratio %s: zero or 1", ErrRange, quote.Bounded(m.Ratio.String()))})
			}
		case Proportional:
			if !m.Ratio.IsPositive() || !m.Ratio.LessThan(one) {
				fail(Problem{Err: fmt.Errorf("%w: 比例連結 at ratio %s: above 0 and below 1", ErrRange, quote.Bounded(m.Ratio.String()))})
			}
		default:
			fail(Problem{Err: fmt.Errorf("%w: method %v: 全部連結 or 比例連結", ErrRange, m.Method)})
		}
		if m.Book == nil {
			fail(Problem{Err: fmt.Errorf("%w: no book", ErrMissing)})
			continue
		}
		complete := true
		for _, k := range unified.Kinds() {
			id := unified.ID(k, c.Scope)
			s, ok := m.Book.Statement(id)
			if !ok {
				fail(Problem{Statement: id, Err: fmt.Errorf("%w: no statement", ErrMissing)})
				complete = false
				continue
			}
			t, _ := unified.Template(id)
			if col, err := sameForm(t.Form(), s.Form()); err != nil {
				fail(Problem{Statement: id, Column: col, Err: err})
				complete = false
				continue
			}
			for _, p := range unifiedProblems(unified.CheckContra(s)) {
				p.Statement = id
				fail(p)
			}
		}
		if complete {
			for _, p := range linkProblems(unified.Verify(m.Book, c.Scope), Problem{}, ErrLink) {
				fail(p)
			}
		}
	}
	return ps
}

// unifiedProblems returns the problems of an error of package unified as
// the package's own, each keeping its sentinel (unified.ErrContra, say) for
// errors.Is; any other error is one problem as it is.
func unifiedProblems(err error) []Problem {
	var ue *unified.Error
	switch {
	case err == nil:
		return nil
	case !errors.As(err, &ue):
		return []Problem{{Err: err}}
	}
	ps := make([]Problem, len(ue.Problems))
	for i, p := range ue.Problems {
		ps[i] = Problem{Statement: p.Statement, Row: p.Row, Column: p.Column, Err: p.Err}
	}
	return ps
}

// sameForm returns nil if g has the rows and columns of f, and otherwise
// an error wrapping ErrForm and the column they differ in, if any.
func sameForm(f, g *statement.Form) (string, error) {
	if !slices.EqualFunc(f.Rows, g.Rows, func(a, b statement.Row) bool {
		return a.Key == b.Key && a.Kind == b.Kind && a.Account == b.Account && a.Formula.String() == b.Formula.String()
	}) {
		return "", fmt.Errorf("%w: the statement has other rows than %s", ErrForm, f.Title)
	}
	if statement.FormatColumns(f.Columns) != statement.FormatColumns(g.Columns) {
		return statement.FormatColumns(g.Columns), fmt.Errorf("%w: the statement has other columns than %s: %s", ErrForm, f.Title, statement.FormatColumns(f.Columns))
	}
	return "", nil
}

// linkProblems returns a problem wrapping sentinel for each broken link
// that v found, at the place of at.
func linkProblems(v *statement.Verification, at Problem, sentinel error) []Problem {
	var ps []Problem
	for _, f := range v.Findings {
		if f.Kind != statement.LinkBroken {
			continue
		}
		p := at
		p.Err = fmt.Errorf("%w: %s: %s", sentinel, quote.Bounded(f.Rule), f)
		ps = append(ps, p)
	}
	return ps
}

// bound returns the kind of statement and the row that an account is bound
// to in the forms of scope s.
func bound(s unified.Scope, code string) (unified.Kind, string, bool) {
	return unified.RowOf(s, code)
}

// eliminations returns the 相殺消去 of all eliminations, and what is wrong
// with them.
func (c *Consolidation) eliminations() (effects, []Problem) {
	all := effects{}
	var ps []Problem
	for i, e := range c.Eliminations {
		name := e.name(i)
		one := effects{}
		bad := false
		fail := func(p Problem) { p.Elimination = name; ps = append(ps, p); bad = true }
		if len(e.Lines) == 0 {
			fail(Problem{Err: fmt.Errorf("%w: no lines", ErrMissing)})
		}
		for _, l := range e.Lines {
			a, found := unified.Chart().Lookup(l.Account)
			k, row, ok := bound(c.Scope, l.Account)
			if !found || !ok {
				fail(Problem{Row: l.Account, Err: fmt.Errorf("%w: account %s is bound to no item row of the %s forms", ErrUnknown, quote.Bounded(l.Account), c.Scope)})
				continue
			}
			id := unified.ID(k, c.Scope)
			col, err := lineColumn(id, l.Column)
			if err != nil {
				fail(Problem{Statement: id, Row: row, Column: l.Column, Err: err})
				continue
			}
			switch {
			case !l.Amount.IsPositive():
				fail(Problem{Statement: id, Row: row, Err: fmt.Errorf("%w: amount %s is not positive", ErrRange, quote.Bounded(l.Amount.String()))})
				continue
			case l.Side != account.Debit && l.Side != account.Credit:
				fail(Problem{Statement: id, Row: row, Err: fmt.Errorf("%w: side %v", ErrUnknown, l.Side)})
				continue
			}
			one.add(k, col, row, l.Amount.Mul(decimal.NewFromInt(int64(l.Side.Sign(a.Category)))))
		}
		if bad {
			continue
		}
		b, err := c.alone(one)
		if err != nil {
			fail(Problem{Err: err})
			continue
		}
		if lps := linkProblems(unified.Verify(b, c.Scope), Problem{Elimination: name}, ErrUnbalanced); len(lps) > 0 {
			ps = append(ps, lps...)
			continue
		}
		for k, cols := range one {
			for col, rows := range cols {
				for row, v := range rows {
					all.add(k, col, row, v)
				}
			}
		}
	}
	return all, ps
}

// lineColumn returns the column of statement id that a line names.
func lineColumn(id, col string) (string, error) {
	t, _ := unified.Template(id)
	var inputs []string
	for _, c := range t.Form().Columns {
		if c.Kind == statement.Input {
			inputs = append(inputs, c.Name)
		}
	}
	switch {
	case col == "" && len(inputs) == 1:
		return inputs[0], nil
	case col == "":
		return "", fmt.Errorf("%w: the line names no column of net assets", ErrMissing)
	case slices.Contains(inputs, col):
		return col, nil
	}
	return "", fmt.Errorf("%w: not an input column of %s", ErrUnknown, id)
}

// alone returns the book of one elimination's 相殺消去 alone: zero in
// every cell it does not move.
func (c *Consolidation) alone(e effects) (*statement.Book, error) {
	b := &statement.Book{}
	for _, k := range unified.Kinds() {
		id := unified.ID(k, c.Scope)
		t, _ := unified.Template(id)
		f := t.Form()
		var figs []statement.Figure
		for _, r := range f.Rows {
			for _, col := range f.Columns {
				if r.Kind == statement.Item && col.Kind == statement.Input {
					figs = append(figs, statement.Figure{Row: r.Key, Column: col.Name, Value: format.CellOf(e[k][col.Name][r.Key])})
				}
			}
		}
		s, err := t.Build(statement.Meta{}, figs)
		if err != nil {
			return nil, err
		}
		if err := b.Add(id, s); err != nil {
			return nil, err
		}
	}
	return b, nil
}
