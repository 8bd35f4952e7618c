package segment

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// A Line is one side of an elimination entry.
type Line struct {
	Side    account.Side
	Account string // the code of an account of the chart, bound to an item row
	Amount  decimal.Decimal
}

// An Entry is an elimination: a journal entry whose debits equal its
// credits, such as 未払金 845,938 / 未収金 845,938.
type Entry struct {
	// Name identifies the entry in errors; without one, an entry is named
	// by its 1-based position in the consolidation's Entries.
	Name  string
	Memo  string // what the entry eliminates, as the report says it
	Lines []Line
}

// name returns the entry's Name, or its position.
func (e Entry) name(i int) string { return cmp.Or(e.Name, strconv.Itoa(i+1)) }

// NewEntry returns the entry that debits one account and credits another
// with the same amount.
func NewEntry(debit, credit string, amount decimal.Decimal, memo string) Entry {
	return Entry{Memo: memo, Lines: []Line{
		{Side: account.Debit, Account: debit, Amount: amount},
		{Side: account.Credit, Account: credit, Amount: amount},
	}}
}

// A Segment is one segment's statement, built on the consolidation's form.
type Segment struct {
	Name      string
	Statement *statement.Statement
	// Ratio is the share of the segment's figures that is consolidated,
	// such as 0.3 for a 一部事務組合 consolidated by its 経費負担割合
	// (比例連結): each item figure is multiplied by it and rounded to 円
	// by the consolidation's Rounding, and the segment's totals are
	// computed from those figures. It is above 0 and at most 1; the zero
	// value means 1, the whole segment (全部連結).
	Ratio decimal.Decimal
}

// share returns the figure v of s as consolidated: v times the segment's
// Ratio, rounded to 円 by r.
func (s Segment) share(v format.Cell, r format.Rounding) format.Cell {
	if !v.Valid || s.Ratio.IsZero() || s.Ratio.Equal(decimal.NewFromInt(1)) {
		return v
	}
	return format.CellOf(format.Round(v.Amount.Mul(s.Ratio), format.Yen, r))
}

// An Adjustment is an amount put into the Adjust column of an item row as
// it is, for an elimination whose balance is checked by its caller across
// statements: the 純資産変動計算書 moves between the columns of net assets
// what a balance sheet entry moves between their accounts, which no entry
// of one column balances.
type Adjustment struct {
	Name   string          // identifies the adjustment in errors; defaults to its 1-based position
	Row    string          // the key of an item row of the form
	Amount decimal.Decimal // added to the row's Adjust cell, with its sign
}

// A Consolidation puts the statements of segments side by side, derives the
// 相殺等 column from elimination entries, and sums both into 合計.
type Consolidation struct {
	// Form is the form every segment's statement is built on.
	Form *statement.Form
	// Column is the column of each segment's statement that is
	// consolidated. Defaults to the form's first input column.
	Column string
	// Chart gives the categories of the accounts the entries name.
	Chart    *account.Chart
	Segments []Segment
	Entries  []Entry
	// InterSegment lists the keys of rows that hold accounts between
	// segments (他事業勘定), which must sum to zero across them.
	InterSegment []string
	// Adjust and Total name the elimination and consolidated columns.
	// They default to 相殺等 and 合計.
	Adjust, Total string
	// Sum, if set, names a column between the segments and Adjust that
	// sums the segments (単純合算, as a 連結精算表 prints it); Total is
	// then Sum plus Adjust. By default there is none.
	Sum string
	// Rounding is how a segment's figures times its Ratio are rounded to
	// 円 (端数処理). Defaults to HalfUp (四捨五入).
	Rounding format.Rounding
	// Adjustments are amounts put into the Adjust column besides those of
	// the Entries, unchecked for balance (see Adjustment).
	Adjustments []Adjustment
}

func (c *Consolidation) adjust() string { return cmp.Or(c.Adjust, "相殺等") }
func (c *Consolidation) total() string  { return cmp.Or(c.Total, "合計") }

// ownColumns returns the names of the columns the consolidation adds.
func (c *Consolidation) ownColumns() []string {
	if c.Sum != "" {
		return []string{c.Sum, c.adjust(), c.total()}
	}
	return []string{c.adjust(), c.total()}
}

// column returns the consolidated column of the form.
func (c *Consolidation) column() string {
	if c.Column != "" {
		return c.Column
	}
	for _, col := range c.Form.Columns {
		if col.Kind == statement.Input {
			return col.Name
		}
	}
	return ""
}

// ConsolidatedForm returns the form of the consolidated statement: the
// rows of Form, and a column for each segment, then Sum if it is set,
// Adjust and Total, which is the sum of the others. A Consolidation without a Form, the zero
// one included, has none: the error is an *Error wrapping ErrMissing.
func (c *Consolidation) ConsolidatedForm() (*statement.Form, error) {
	if c == nil || c.Form == nil {
		return nil, errorOf("", []Problem{{Err: fmt.Errorf("%w: the consolidation has no form", ErrMissing)}})
	}
	f := &statement.Form{Number: c.Form.Number, Title: c.Form.Title, Stub: c.Form.Stub, Rows: c.Form.Rows}
	var sum statement.Formula
	for _, s := range c.Segments {
		f.Columns = append(f.Columns, statement.Column{Name: s.Name, Kind: statement.Input})
		sum = append(sum, statement.Term{Key: s.Name})
	}
	if c.Sum != "" {
		f.Columns = append(f.Columns, statement.Column{Name: c.Sum, Kind: statement.Computed, Formula: sum})
		sum = statement.Formula{{Key: c.Sum}}
	}
	f.Columns = append(f.Columns,
		statement.Column{Name: c.adjust(), Kind: statement.Input},
		statement.Column{Name: c.total(), Kind: statement.Computed, Formula: append(sum, statement.Term{Key: c.adjust()})})
	return f, nil
}

// Build returns the consolidated statement. Every problem is reported in
// one *Error, whose Source is the form's number or title, each Problem
// naming the segment, entry or row, and the column:
//
//   - no form, no segments, no chart for the entries, or a segment without
//     a name or a statement (ErrMissing);
//   - a Column that is not a column of figures of the form (ErrUnknown);
//   - segments with the same name (ErrDuplicate);
//   - a segment's statement on another form (ErrForm): other rows, or a
//     column named, placed or computed otherwise, such as 決算額 for 金額;
//   - a Ratio that is not above 0 and at most 1 (ErrRange);
//   - an adjustment on a row that is not an item row (ErrUnknown);
//   - entries that do not balance (ErrUnbalanced), with an amount that is
//     not positive (ErrRange), or that name an account not bound to
//     exactly one item row (ErrUnknown);
//   - inter-segment rows that do not net to zero (ErrUnbalanced).
func (c *Consolidation) Build(meta statement.Meta) (*statement.Statement, error) {
	form, err := c.ConsolidatedForm()
	if err != nil {
		return nil, err
	}
	source := cmp.Or(c.Form.Number, c.Form.Title)
	switch {
	case len(c.Segments) == 0:
		return nil, errorOf(source, []Problem{{Err: fmt.Errorf("%w: no segments", ErrMissing)}})
	case c.Chart == nil && len(c.Entries) > 0:
		return nil, errorOf(source, []Problem{{Err: fmt.Errorf("%w: no chart for the accounts of the entries", ErrMissing)}})
	}
	if _, err := statement.Compile(c.Form); err != nil {
		return nil, errorOf(source, []Problem{{Err: fmt.Errorf("%w: %w", ErrForm, err)}})
	}
	col := c.column()
	if !slices.ContainsFunc(c.Form.Columns, func(k statement.Column) bool { return k.Name == col && k.Kind != statement.Text }) {
		return nil, errorOf(source, []Problem{{Column: col, Err: fmt.Errorf("%w: the form has no such column of figures", ErrUnknown)}})
	}
	var problems []Problem
	seen := map[string]bool{c.adjust(): true, c.total(): true}
	if c.Sum != "" {
		seen[c.Sum] = true
	}
	one := decimal.NewFromInt(1)
	for _, s := range c.Segments {
		switch {
		case s.Ratio.IsNegative() || s.Ratio.GreaterThan(one):
			problems = append(problems, Problem{Row: s.Name, Err: fmt.Errorf("%w: ratio %s is not above 0 and at most 1", ErrRange, quote.Bounded(s.Ratio.String()))})
		case s.Name == "":
			problems = append(problems, Problem{Err: fmt.Errorf("%w: a segment without a name", ErrMissing)})
		case seen[s.Name]:
			problems = append(problems, Problem{Row: s.Name, Err: fmt.Errorf("%w: segment name, or the name of the %s column", ErrDuplicate, strings.Join(c.ownColumns(), ", "))})
		case s.Statement == nil:
			problems = append(problems, Problem{Row: s.Name, Err: fmt.Errorf("%w: no statement", ErrMissing)})
		default:
			if column, err := differ(c.Form, s.Statement.Form()); err != nil {
				problems = append(problems, Problem{Row: s.Name, Column: column, Err: err})
			}
		}
		seen[s.Name] = true
	}
	if len(problems) > 0 {
		return nil, errorOf(source, problems)
	}
	adjust, problems := c.eliminations()
	problems = append(problems, c.adjustments(adjust)...)
	problems = append(problems, c.interSegment(col)...)
	if len(problems) > 0 {
		return nil, errorOf(source, problems)
	}
	var figs []statement.Figure
	for _, row := range c.Form.Rows {
		if row.Kind != statement.Item {
			continue
		}
		for _, s := range c.Segments {
			v, ok := s.Statement.Cell(row.Key, col)
			if !ok {
				problems = append(problems, Problem{Row: s.Name, Column: col, Err: fmt.Errorf("%w: no cell in row %s", ErrMissing, quote.Bounded(row.Key))})
			}
			figs = append(figs, statement.Figure{Row: row.Key, Column: s.Name, Value: s.share(v, c.Rounding)})
		}
		figs = append(figs, statement.Figure{Row: row.Key, Column: c.adjust(), Value: format.CellOf(adjust[row.Key])})
	}
	if len(problems) > 0 {
		return nil, errorOf(source, problems)
	}
	s, err := statement.Build(form, meta, figs)
	if err != nil {
		return nil, errorOf(source, []Problem{{Err: fmt.Errorf("%w: %w", ErrForm, err)}})
	}
	return s, nil
}

// differ returns nil if g is f or has the same rows and columns, formulas
// included. Otherwise it returns an error wrapping ErrForm and, if they
// differ in a column, its name in g (or in f, if g lacks it).
func differ(f, g *statement.Form) (string, error) {
	if f == g {
		return "", nil
	}
	if g == nil {
		return "", fmt.Errorf("%w: its statement has no form", ErrForm)
	}
	if !slices.EqualFunc(f.Rows, g.Rows, func(a, b statement.Row) bool {
		return a.Key == b.Key && a.Kind == b.Kind && a.Account == b.Account && a.Formula.String() == b.Formula.String()
	}) {
		return "", fmt.Errorf("%w: its statement has other rows", ErrForm)
	}
	for i := range max(len(f.Columns), len(g.Columns)) {
		switch {
		case i >= len(g.Columns):
			return f.Columns[i].Name, fmt.Errorf("%w: its statement lacks the column", ErrForm)
		case i >= len(f.Columns):
			return g.Columns[i].Name, fmt.Errorf("%w: its statement has a column the form has not", ErrForm)
		case f.Columns[i].Name != g.Columns[i].Name:
			return g.Columns[i].Name, fmt.Errorf("%w: its statement has the column where the form has %s", ErrForm, quote.Bounded(f.Columns[i].Name))
		case f.Columns[i].Kind != g.Columns[i].Kind || f.Columns[i].Formula.String() != g.Columns[i].Formula.String():
			return g.Columns[i].Name, fmt.Errorf("%w: the column is of another kind or formula in its statement", ErrForm)
		}
	}
	return "", nil
}

// eliminations returns the 相殺等 amount of each item row the entries move.
func (c *Consolidation) eliminations() (map[string]decimal.Decimal, []Problem) {
	rowOf := map[string][]string{} // account → item rows bound to it
	for _, r := range c.Form.Rows {
		if r.Kind == statement.Item && r.Account != "" {
			rowOf[r.Account] = append(rowOf[r.Account], r.Key)
		}
	}
	adjust := map[string]decimal.Decimal{}
	var problems []Problem
	for i, e := range c.Entries {
		fail := func(err error) { problems = append(problems, Problem{Row: e.name(i), Err: err}) }
		var debit, credit decimal.Decimal
		ok := true
		for _, l := range e.Lines {
			a, found := c.Chart.Lookup(l.Account)
			rows := rowOf[l.Account]
			switch {
			case !l.Amount.IsPositive():
				fail(fmt.Errorf("%w: %s %s: amount %s is not positive", ErrRange, l.Side, quote.Bounded(l.Account), quote.Bounded(l.Amount.String())))
			case l.Side != account.Debit && l.Side != account.Credit:
				fail(fmt.Errorf("%w: side %v of account %s", ErrUnknown, l.Side, quote.Bounded(l.Account)))
			case !found || len(rows) != 1:
				fail(fmt.Errorf("%w: %s account %s is not bound to exactly one item row", ErrUnknown, l.Side, quote.Bounded(l.Account)))
			default:
				if l.Side == account.Debit {
					debit = debit.Add(l.Amount)
				} else {
					credit = credit.Add(l.Amount)
				}
				effect := l.Amount.Mul(decimal.NewFromInt(int64(l.Side.Sign(a.Category))))
				adjust[rows[0]] = adjust[rows[0]].Add(effect)
				continue
			}
			ok = false
		}
		if ok && !debit.Equal(credit) {
			fail(fmt.Errorf("%w: 借方 %s, 貸方 %s", ErrUnbalanced, format.Amount(debit), format.Amount(credit)))
		}
	}
	return adjust, problems
}

// adjustments adds the Adjustments to adjust, and reports each that names
// no item row.
func (c *Consolidation) adjustments(adjust map[string]decimal.Decimal) []Problem {
	var problems []Problem
	for i, a := range c.Adjustments {
		name := cmp.Or(a.Name, "adjustment "+strconv.Itoa(i+1))
		if !slices.ContainsFunc(c.Form.Rows, func(r statement.Row) bool { return r.Key == a.Row && r.Kind == statement.Item }) {
			problems = append(problems, Problem{Row: name, Err: fmt.Errorf("%w: row %s is not an item row of the form", ErrUnknown, quote.Bounded(a.Row))})
			continue
		}
		adjust[a.Row] = adjust[a.Row].Add(a.Amount)
	}
	return problems
}

// interSegment checks that each inter-segment row nets to zero, and names
// the amount and the segments that hold it when it does not.
func (c *Consolidation) interSegment(col string) []Problem {
	var problems []Problem
	for _, key := range c.InterSegment {
		i := slices.IndexFunc(c.Form.Rows, func(r statement.Row) bool { return r.Key == key })
		if i < 0 {
			problems = append(problems, Problem{Row: key, Err: fmt.Errorf("%w: the inter-segment row is not a row of the form", ErrUnknown)})
			continue
		}
		label := c.Form.Rows[i].Label
		var residual decimal.Decimal
		var held []string
		for _, s := range c.Segments {
			v, ok := s.Statement.Cell(key, col)
			if !ok {
				problems = append(problems, Problem{Row: key, Err: fmt.Errorf("%w: segment %s has no such inter-segment row", ErrMissing, quote.Bounded(s.Name))})
				continue
			}
			v = s.share(v, c.Rounding)
			if v.Valid && !v.Amount.IsZero() {
				residual = residual.Add(v.Amount)
				held = append(held, s.Name+" "+format.Amount(v.Amount))
			}
		}
		if !residual.IsZero() {
			problems = append(problems, Problem{Row: key, Err: fmt.Errorf("%w: %s nets to %s across segments, not 0: %s",
				ErrUnbalanced, label, format.Amount(residual), strings.Join(held, ", "))})
		}
	}
	return problems
}
