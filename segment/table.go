package segment

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// A Segment is one segment's statement, built on the table's form.
type Segment struct {
	Name      string
	Statement *statement.Statement
	// Ratio is the share of the segment's figures that is consolidated,
	// such as 0.3 for a 一部事務組合 consolidated by its 経費負担割合
	// (比例連結): each item figure is multiplied by it and rounded to 円
	// by the table's Rounding, and the segment's totals are
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

// A Table is a segment statement (事業別財務情報): it puts the statements
// of segments side by side, derives the 相殺等 column from eliminations,
// and sums both into 合計.
type Table struct {
	// Form is the form every segment's statement is built on.
	Form *statement.Form
	// Column is the column of each segment's statement that is
	// consolidated. Defaults to the form's first input column.
	Column string
	// Chart gives the categories of the accounts that the rows the
	// eliminations move are bound to.
	Chart        *account.Chart
	Segments     []Segment
	Eliminations []Elimination
	// InterSegment names the rows that hold accounts between segments
	// (他事業勘定), which must sum to zero across them: by key, or by
	// label or label path.
	InterSegment []string
	// Adjust and Total name the elimination and consolidated columns.
	// They default to 相殺等 and 合計.
	Adjust, Total string
	// Sum, if set, names a column between the segments and Adjust that
	// sums the segments (単純合算, as a 連結精算表 prints it); Total is
	// then Sum plus Adjust. By default there is none.
	Sum string
	// Rounding is how a segment's figures times its Ratio are rounded to
	// 円 (端数処理), and the lines of an elimination against such a
	// segment. Defaults to HalfUp (四捨五入).
	Rounding format.Rounding
}

func (c *Table) adjust() string { return cmp.Or(c.Adjust, "相殺等") }
func (c *Table) total() string  { return cmp.Or(c.Total, "合計") }

// ownColumns returns the names of the columns the table adds.
func (c *Table) ownColumns() []string {
	if c.Sum != "" {
		return []string{c.Sum, c.adjust(), c.total()}
	}
	return []string{c.adjust(), c.total()}
}

// column returns the consolidated column of the form.
func (c *Table) column() string {
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
// Adjust and Total, which is the sum of the others. Every column is left
// blank on the rows where Form leaves the consolidated column blank
// (statement.Row's Blank). A Table without a Form, the zero one included,
// has none: the error is an *Error wrapping ErrMissing.
func (c *Table) ConsolidatedForm() (*statement.Form, error) {
	if c == nil || c.Form == nil {
		return nil, errorOf("", []Problem{{Err: fmt.Errorf("%w: the table has no form", ErrMissing)}})
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
	f.Rows = statement.SpreadBlank(c.Form.Rows, c.column(), f.Columns)
	return f, nil
}

// Build returns the consolidated statement. Every problem is reported in
// one *Error, whose Source is the form's number or title, each Problem
// naming the segment, elimination or row, and the column:
//
//   - no form, no segments, no chart for the eliminations, or a segment
//     without a name or a statement (ErrMissing);
//   - a Column that is not a column of figures of the form (ErrUnknown);
//   - segments with the same name (ErrDuplicate);
//   - a segment's statement on another form (ErrForm): other rows, or a
//     column named, placed or computed otherwise, such as 決算額 for 金額;
//   - a Ratio that is not above 0 and at most 1 (ErrRange);
//   - eliminations that do not balance (ErrUnbalanced); with an amount
//     that is not positive, a Reconcile line with a side or an amount, or
//     lines naming segments at different ratios (ErrRange); with a line
//     whose row is not an item row bound to an account of the Chart, whose
//     Statement is not the form's, whose Column is not the table's, whose
//     side is neither 借方 nor 貸方, or whose Member is not a segment
//     (ErrUnknown);
//   - inter-segment rows that the form lacks (ErrUnknown) or that do not
//     net to zero (ErrUnbalanced).
func (c *Table) Build(meta statement.Meta) (*statement.Statement, error) {
	form, err := c.ConsolidatedForm()
	if err != nil {
		return nil, err
	}
	source := source(c.Form)
	switch {
	case len(c.Segments) == 0:
		return nil, errorOf(source, []Problem{{Err: fmt.Errorf("%w: no segments", ErrMissing)}})
	case c.Chart == nil && len(c.Eliminations) > 0:
		return nil, errorOf(source, []Problem{{Err: fmt.Errorf("%w: no chart for the accounts of the eliminations", ErrMissing)}})
	}
	t, err := statement.Compile(c.Form)
	if err != nil {
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
	adjust, problems := c.eliminations(t, col)
	problems = append(problems, c.interSegment(t, col)...)
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

// eliminations returns the 相殺等 amount of each item row the
// eliminations move in column col of the form t.
func (c *Table) eliminations(t *statement.Template, col string) (map[string]decimal.Decimal, []Problem) {
	adjust := map[string]decimal.Decimal{}
	var problems []Problem
	for i, e := range c.Eliminations {
		bad := false
		fail := func(err error) { problems = append(problems, Problem{Row: e.name(i), Err: err}); bad = true }
		ratio := c.ratio(e, fail)
		for _, l := range e.Lines {
			switch {
			case !l.Amount.IsPositive():
				fail(fmt.Errorf("%w: %s %s: amount %s is not positive", ErrRange, l.Side, quote.Bounded(l.Row), quote.Bounded(l.Amount.String())))
			case l.Side != account.Debit && l.Side != account.Credit:
				fail(fmt.Errorf("%w: side %v of row %s", ErrUnknown, l.Side, quote.Bounded(l.Row)))
			}
			c.checkLine(t, col, l, fail)
		}
		if r := e.Reconcile; !r.IsZero() {
			if r.Side != 0 || !r.Amount.IsZero() {
				fail(fmt.Errorf("%w: the Reconcile line's side and amount are derived: leave them zero", ErrRange))
			}
			c.checkLine(t, col, r, fail)
		}
		if bad {
			continue
		}
		lines := e.Settle(ratio, c.Rounding)
		if d := (Elimination{Lines: lines}).Difference(); !d.IsZero() {
			fail(fmt.Errorf("%w: 借方 and 貸方 differ by %s", ErrUnbalanced, format.Amount(d)))
			continue
		}
		for _, l := range lines {
			b, _ := c.rowOf(t, l.Row)
			adjust[b.row] = adjust[b.row].Add(l.Effect(b.account.Category))
		}
	}
	return adjust, problems
}

// checkLine fails for what line l names that is not the table's: a
// statement other than its form, a column other than col, or a row that
// is not an item row of t bound to an account of the chart.
func (c *Table) checkLine(t *statement.Template, col string, l Line, fail func(error)) {
	switch {
	case l.Statement != "" && l.Statement != c.Form.Number && l.Statement != c.Form.Title:
		fail(fmt.Errorf("%w: statement %s: the table has one, %s", ErrUnknown, quote.Bounded(l.Statement), quote.Bounded(source(c.Form))))
	case l.Column != "" && l.Column != col:
		fail(fmt.Errorf("%w: column %s: the table consolidates %s", ErrUnknown, quote.Bounded(l.Column), quote.Bounded(col)))
	}
	if _, err := c.rowOf(t, l.Row); err != nil {
		fail(err)
	}
}

// ratio returns the ratio at which e applies: that of the segments at a
// ratio its lines name, or 1 if they name none. It fails for a segment
// that is not one, and for segments of different ratios.
func (c *Table) ratio(e Elimination, fail func(error)) decimal.Decimal {
	ratio := decimal.NewFromInt(1)
	named := ""
	for _, l := range append(slices.Clone(e.Lines), e.Reconcile) {
		if l.Member == "" {
			continue
		}
		k := slices.IndexFunc(c.Segments, func(s Segment) bool { return s.Name == l.Member })
		if k < 0 {
			fail(fmt.Errorf("%w: segment %s", ErrUnknown, quote.Bounded(l.Member)))
			continue
		}
		r := c.Segments[k].Ratio
		if r.IsZero() || r.Equal(decimal.NewFromInt(1)) {
			continue // a whole segment
		}
		if named != "" && !r.Equal(ratio) {
			fail(fmt.Errorf("%w: segments %s and %s are at different ratios", ErrRange, quote.Bounded(named), quote.Bounded(l.Member)))
		}
		ratio, named = r, l.Member
	}
	return ratio
}

// A bound is an item row and the account it is bound to.
type bound struct {
	row     string
	account account.Account
}

// rowOf returns the item row that ref names in the form t, by key or
// label, and its account, or an error wrapping ErrUnknown.
func (c *Table) rowOf(t *statement.Template, ref string) (bound, error) {
	key, err := t.RowKey(ref)
	if err != nil {
		return bound{}, fmt.Errorf("%w: %w", ErrUnknown, err)
	}
	r := c.Form.Rows[slices.IndexFunc(c.Form.Rows, func(r statement.Row) bool { return r.Key == key })]
	a, found := c.Chart.Lookup(r.Account)
	if r.Kind != statement.Item || !found {
		return bound{}, fmt.Errorf("%w: row %s is not an item row bound to an account of the chart", ErrUnknown, quote.Bounded(ref))
	}
	return bound{key, a}, nil
}

// source returns how errors name form f: its number, or its title.
func source(f *statement.Form) string { return cmp.Or(f.Number, f.Title) }

// interSegment checks that each inter-segment row nets to zero, and names
// the amount and the segments that hold it when it does not.
func (c *Table) interSegment(t *statement.Template, col string) []Problem {
	var problems []Problem
	for _, ref := range c.InterSegment {
		key, err := t.RowKey(ref)
		if err != nil {
			problems = append(problems, Problem{Row: ref, Err: fmt.Errorf("%w: the inter-segment row: %w", ErrUnknown, err)})
			continue
		}
		i := slices.IndexFunc(c.Form.Rows, func(r statement.Row) bool { return r.Key == key })
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
