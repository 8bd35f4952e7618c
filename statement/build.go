package statement

import (
	"slices"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// Meta describes a statement beyond its form: who publishes it, for when,
// in which unit, and how its figures print. Each setting has one field;
// the zero Meta is a statement in 円, undated, printed as the statements
// of Japanese public bodies print.
type Meta struct {
	Entity string // such as 地方公共団体情報システム機構; defaults to none
	// AsOf is the day on which a statement of balances stands (現在), such
	// as a 貸借対照表; Period is the run of days a statement of flows covers,
	// such as a fiscal year's era.FiscalYear.Period(). At most one is set;
	// both default to none.
	AsOf   era.Date
	Period era.Period
	// Date is the date line as printed. Defaults to AsOf or Period as the
	// zero era.Caption writes them: （令和２年３月３１日現在）,
	// （平成３１年４月１日から令和２年３月３１日まで）. Set it for another
	// caption, such as era.Caption{Connective: era.JiItaru}'s line, or for
	// a line that no caption writes.
	Date string
	// Unit is the unit figures are shown in; values stay in yen. Defaults
	// to format.Yen.
	Unit  format.Unit
	Notes []string // notes printed below the table; defaults to none
	// Rounding is how each figure is rounded from its exact yen to Unit
	// (端数処理): when it prints, and, for VerifyRounded, what a printed
	// figure stands for: the exact yen that round to it. Defaults to
	// HalfUp (四捨五入), each figure on its own.
	Rounding format.Rounding
	// Exact says that the figures are exact in Unit rather than rounded
	// to it, such as a budget decided in 千円. Figures in 円 are exact
	// whatever it says. Defaults to false.
	Exact bool
	// Recomputed names the columns whose computed cells (totals, and
	// every cell of a computed column) the publisher computed from the
	// printed figures rather than rounded from exact yen: Scale's
	// Recompute policy. VerifyRounded checks their identities as printed,
	// exactly, and ties those cells to no exact figure; the totals of a
	// recomputed computed column, which follow from the others, are
	// within rounding where they differ. Defaults to none.
	Recomputed []string
	// Style is how figures print beyond their Unit and Rounding: the
	// negative mark and its space, zero and missing figures, width.
	// Defaults to the zero Style: △1,234, 0, -.
	Style Style
}

// A Style is how a statement's figures print, beyond the unit and the
// rounding its Meta gives. The zero Style prints as the statements of
// Japanese public bodies do: △ before negatives with no space, 0 for
// zero, - for 該当なし, half-width digits.
type Style struct {
	// Negative is the mark of negative figures. Defaults to
	// format.Triangle (△).
	Negative format.Negative
	// SignSpace puts a space between the mark and the digits, as the
	// J-LIS cash-flow statement prints △ 2,286,666,903. Defaults to false.
	SignSpace bool
	// Zero says how a figure that rounds to zero prints. Defaults to
	// format.ZeroDigit (0). A statement read with ZeroDash or ZeroHyphen
	// reads a dash as 0.
	Zero format.ZeroStyle
	// Nil says how a cell with no figure (該当なし) prints. Defaults to
	// format.NilHyphen (-).
	Nil format.NilStyle
	// FullWidth prints digits, separators and marks in their full-width
	// forms. Defaults to false.
	FullWidth bool
}

// Formatter returns how m's figures print: in its Unit, rounded by its
// Rounding, in its Style.
func (m Meta) Formatter() format.Formatter {
	return format.Formatter{Unit: m.Unit, Rounding: m.Rounding, Negative: m.Style.Negative, SignSpace: m.Style.SignSpace,
		Zero: m.Style.Zero, Nil: m.Style.Nil, FullWidth: m.Style.FullWidth}
}

// A Figure is one input of a statement: the amount of an item row in an
// input column, or the text of any row in a text column.
type Figure struct {
	Row    string      // the row's key, or its label or label path (see Template.RowKey)
	Column string      // the column's name
	Value  format.Cell // for amount columns; a Cell without a figure is 該当なし
	Text   string      // for text columns
}

// clone returns a copy of m that shares nothing with it.
func (m Meta) clone() Meta {
	m.Notes = slices.Clone(m.Notes)
	m.Recomputed = slices.Clone(m.Recomputed)
	return m
}

// A Statement is a form filled with figures. Amounts are kept exact, in
// yen, whatever the unit they are shown in. A Statement is not modified
// after it is made, and is safe for concurrent use. The zero Statement has
// no rows and no columns; every method works on it.
type Statement struct {
	t     *Template
	meta  Meta
	cells []amount // [row*columns+column]; amount columns only
	texts []string // [row*columns+column]; text columns only, nil if the form has none
}

// empty is the Template of the zero Statement.
var empty = &Template{}

// ready returns s, or for the zero Statement a statement of the empty
// template, so that every method works on it.
func (s *Statement) ready() *Statement {
	if s.t == nil {
		return &Statement{t: empty, meta: s.meta}
	}
	return s
}

// Template returns the compiled form s is built on.
func (s *Statement) Template() *Template { return s.ready().t }

// Form returns a copy of the form s is built on: changing it does not
// change s.
func (s *Statement) Form() *Form { return s.ready().t.Form() }

// Meta returns a copy of s's description: entity, date, unit, notes and
// style.
func (s *Statement) Meta() Meta { return s.meta.clone() }

// cell returns the cell in row i and column j.
func (s *Statement) cell(i, j int) format.Cell { return s.at(i, j).cell() }

// text returns the text in row i and column j.
func (s *Statement) text(i, j int) string {
	if s.texts == nil {
		return ""
	}
	return s.texts[i*len(s.t.form.Columns)+j]
}

// newStatement returns an empty statement of t.
func newStatement(t *Template, meta Meta) *Statement {
	n := len(t.form.Rows) * len(t.form.Columns)
	s := &Statement{t: t, meta: meta.clone(), cells: make([]amount, n)}
	for _, c := range t.form.Columns {
		if c.Kind == Text {
			s.texts = make([]string, n)
			break
		}
	}
	return s
}

// Build compiles form f and builds a statement of it with Template.Build.
// Build returns the *Error of Compile if f is not valid.
func Build(f *Form, meta Meta, figures []Figure) (*Statement, error) {
	t, err := Compile(f)
	if err != nil {
		return nil, err
	}
	return t.Build(meta, figures)
}

// Build fills t with figures and computes every other cell: totals and
// subtotals by their row formulas, computed columns by their column
// formulas. Every item row needs a figure in every input column (a Cell
// without a figure where the statement prints none); text figures are
// optional.
//
// A computed cell whose every term has no figure (該当なし) has none
// either; a sum with at least one figure counts the others as zero.
//
// A figure names its row by key, or by label where the label, or the end
// of a label path, tells it from the others (see Template.RowKey).
//
// Build returns an *Error listing every figure that names an unknown row
// or column (ErrUnknown; an unknown label with the nearest the form has),
// is given twice (ErrDuplicate), is not an input (ErrMismatch: a total, a
// header or a computed column, or a figure in a cell the form leaves
// blank, where a Cell without a figure is accepted), or is missing
// (ErrMissing; a blank cell needs none).
func (t *Template) Build(meta Meta, figures []Figure) (*Statement, error) {
	return t.build(meta, figures, false)
}

// BuildSparse builds a statement as Build does from the figures a caller
// has: every item cell of an input column that no figure names is
// 該当なし (no figure). Build, which wants a Figure for every such cell,
// one without a figure included, stays the default: there a figure left
// out by mistake is an error, not a dash.
func (t *Template) BuildSparse(meta Meta, figures []Figure) (*Statement, error) {
	return t.build(meta, figures, true)
}

// build does the work of Build and, with sparse, of BuildSparse.
func (t *Template) build(meta Meta, figures []Figure, sparse bool) (*Statement, error) {
	s := newStatement(t, meta)
	f := &t.form
	ps := problems{source: f.name()}
	ncol := len(f.Columns)
	given := make([]bool, len(s.cells))
	unknown := 0 // figures of unknown rows so far
	for _, fig := range figures {
		i, ok := t.lookup(fig.Row)
		if !ok {
			ps.add(0, fig.Row, fig.Column, t.unknownRow(fig.Row, &unknown))
			continue
		}
		j, ok := t.colIndex[fig.Column]
		if !ok {
			ps.addf(0, fig.Row, fig.Column, ErrUnknown, "no such column")
			continue
		}
		row, col := f.Rows[i], f.Columns[j]
		switch {
		case col.Kind == Computed:
			ps.addf(0, fig.Row, fig.Column, ErrMismatch, "a figure for a computed column")
			continue
		case col.Kind == Input && row.Kind != Item:
			ps.addf(0, fig.Row, fig.Column, ErrMismatch, "a figure for a %v row", row.Kind)
			continue
		case given[i*ncol+j]:
			ps.addf(0, fig.Row, fig.Column, ErrDuplicate, "figure given twice")
			continue
		case t.blank(i*ncol+j) && fig.Value.Valid:
			ps.addf(0, fig.Row, fig.Column, ErrMismatch, "a figure in a cell the form leaves blank")
			continue
		}
		given[i*ncol+j] = true
		if col.Kind == Text {
			s.texts[i*ncol+j] = fig.Text
		} else {
			s.cells[i*ncol+j] = amountOf(fig.Value)
		}
	}
	for i, row := range f.Rows {
		if row.Kind != Item || sparse {
			continue
		}
		for _, j := range t.inputs {
			if !given[i*ncol+j] && !t.blank(i*ncol+j) {
				ps.addf(0, row.Key, f.Columns[j].Name, ErrMissing, "no figure")
			}
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	s.computeRows(t.inputs)
	s.computeColumns(t.colOrder)
	return s, nil
}

// computeRows computes the total and subtotal rows in the given columns;
// a cell the form leaves blank has no figure.
func (s *Statement) computeRows(cols []int) {
	t := s.t
	ncol := len(t.form.Columns)
	for _, i := range t.rowOrder {
		for _, j := range cols {
			if t.blank(i*ncol + j) {
				s.cells[i*ncol+j] = amount{}
				continue
			}
			s.cells[i*ncol+j] = s.sumAt(t.formulas[i], t.rowTerms[i], j, ncol)
		}
	}
}

// computeColumns computes the given computed columns on every row with
// figures; a cell the form leaves blank has none.
func (s *Statement) computeColumns(cols []int) {
	t := s.t
	ncol := len(t.form.Columns)
	for _, j := range cols {
		for i, row := range t.form.Rows {
			if row.Kind == Header {
				continue
			}
			if t.blank(i*ncol + j) {
				s.cells[i*ncol+j] = amount{}
				continue
			}
			s.cells[i*ncol+j] = s.sumAt(t.form.Columns[j].Formula, t.colTerms[j], i*ncol, 1)
		}
	}
}

// sum evaluates a formula over cell. A sum none of whose terms has a
// figure has none (該当なし stays 該当なし); otherwise terms without a figure
// count as zero: the 換算差額 of a cash-flow statement prints a dash, yet
// the 増減額 it is summed into is a figure.
func sum(f Formula, cell func(string) format.Cell) format.Cell {
	return signedSum(len(f), func(k int) (format.Cell, bool) { return cell(f[k].Key), f[k].Negative })
}

// sum is the package's sum under t's form: with ZeroSums, a sum without
// figures is 0.
func (t *Template) sum(f Formula, cell func(string) format.Cell) format.Cell {
	c := sum(f, cell)
	if !c.Valid && t.form.ZeroSums {
		return format.CellOf(decimal.Zero)
	}
	return c
}

// signedSum sums n terms as sum does; term returns the k-th cell and
// whether it is subtracted.
func signedSum(n int, term func(k int) (format.Cell, bool)) format.Cell {
	var total decimal.Decimal
	valid := false
	for k := range n {
		c, negative := term(k)
		switch {
		case !c.Valid:
			continue
		case negative:
			total = total.Sub(c.Amount)
		default:
			total = total.Add(c.Amount)
		}
		valid = true
	}
	if !valid {
		return format.Cell{}
	}
	return format.CellOf(total)
}

// Cell returns the amount in the given row and column, and whether the row
// and an amount column of that name exist. The row is named by its key, or
// by its label or label path (see Template.RowKey).
func (s *Statement) Cell(row, column string) (format.Cell, bool) {
	i, j, ok := s.index(row, column)
	if !ok || s.t.form.Columns[j].Kind == Text {
		return format.Cell{}, false
	}
	return s.cell(i, j), true
}

// CellInt64 returns the amount in the given row and column as Cell does,
// as a whole number of yen in an int64 rather than a decimal: n is the
// figure and valid says that the cell has one (false for 該当なし, n then
// 0). ok is false where Cell's is, and also for a figure that is not a
// whole number of yen or does not fit an int64 (beyond about 9.2 京円),
// which Cell gives exactly. It allocates nothing, where a decimal holds a
// big.Int: a program that reads a few lines of many statements, such as
// the 財務指標 of every body of a nation, can sum them in int64 and turn
// to Cell only where ok is false.
func (s *Statement) CellInt64(row, column string) (n int64, valid, ok bool) {
	i, j, ok := s.index(row, column)
	if !ok || s.t.form.Columns[j].Kind == Text {
		return 0, false, false
	}
	a := s.at(i, j)
	switch {
	case !a.valid:
		return 0, false, true
	case a.d == nil:
		return a.n, true, true
	}
	if n, ok := int64Yen(*a.d); ok {
		return n, true, true
	}
	// int64Yen takes 18 digits at most; the rare figures of 19, and whole
	// figures kept with places, such as 15.00, are read here. (A larger
	// exponent cannot fit, and BigInt would expand it.)
	if a.d.Exponent() <= 18 && a.d.IsInteger() {
		if b := a.d.BigInt(); b.IsInt64() {
			return b.Int64(), true, true
		}
	}
	return 0, false, false
}

// Text returns the text in the given row and text column, and whether they
// exist.
func (s *Statement) Text(row, column string) (string, bool) {
	i, j, ok := s.index(row, column)
	if !ok || s.t.form.Columns[j].Kind != Text {
		return "", false
	}
	return s.text(i, j), true
}

func (s *Statement) index(row, column string) (int, int, bool) {
	t := s.ready().t
	i, ok := t.lookup(row)
	if !ok {
		return 0, 0, false
	}
	j, ok := t.colIndex[column]
	return i, j, ok
}

// Figures returns the inputs of s: the amounts of its item rows in its
// input columns, but for the cells the form leaves blank, and its
// non-empty texts. Building the form with them
// gives s back, with every other cell computed.
func (s *Statement) Figures() []Figure {
	var figs []Figure
	s = s.ready()
	t := s.t
	for i, row := range t.form.Rows {
		for j, col := range t.form.Columns {
			switch {
			case col.Kind == Input && row.Kind == Item && !t.blank(i*len(t.form.Columns)+j):
				figs = append(figs, Figure{Row: row.Key, Column: col.Name, Value: s.cell(i, j)})
			case col.Kind == Text && s.text(i, j) != "":
				figs = append(figs, Figure{Row: row.Key, Column: col.Name, Text: s.text(i, j)})
			}
		}
	}
	return figs
}
