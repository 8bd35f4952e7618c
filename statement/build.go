package statement

import (
	"errors"
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// Meta describes a statement beyond its form: who publishes it, for when,
// in which unit, and how its figures print.
type Meta struct {
	Entity string      // such as 地方公共団体情報システム機構
	Date   string      // the date or period line as printed, such as （令和２年３月３１日現在）
	Unit   format.Unit // the unit figures are shown in; values stay in yen
	Notes  []string    // notes printed below the table
	// Style is how figures print: the negative mark and its space, zero
	// and missing figures, width. Its Unit is ignored in favour of Unit.
	Style format.Formatter
}

// formatter returns how m's figures print: its Style in its Unit.
func (m Meta) formatter() format.Formatter {
	f := m.Style
	f.Unit = m.Unit
	return f
}

// A Figure is one input of a statement: the amount of an item row in an
// input column, or the text of any row in a text column.
type Figure struct {
	Row    string      // the row's key
	Column string      // the column's name
	Value  format.Cell // for amount columns; a Cell without a figure is 該当なし
	Text   string      // for text columns
}

// A Statement is a form filled with figures. Amounts are kept exact, in
// yen, whatever the unit they are shown in. A Statement is not modified
// after it is made, and is safe for concurrent use.
type Statement struct {
	Form *Form
	Meta Meta

	plan  *plan
	cells [][]format.Cell // [row][column]; amount columns only
	texts [][]string      // [row][column]; text columns only
}

// Errors that a BuildError wraps.
var (
	ErrUnknownRow      = errors.New("unknown row")
	ErrUnknownColumn   = errors.New("unknown column")
	ErrNotInput        = errors.New("not an input cell")
	ErrDuplicateFigure = errors.New("figure given twice")
	ErrMissingFigure   = errors.New("figure missing")
)

// A BuildError lists every problem with the figures given to Build.
type BuildError struct {
	Form     string // the form's number or title
	Problems []error
}

// Error lists every problem, separated by semicolons.
func (e *BuildError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Error()
	}
	return fmt.Sprintf("statement: building %s: %s", e.Form, strings.Join(msgs, "; "))
}

// Unwrap returns the problems.
func (e *BuildError) Unwrap() []error { return e.Problems }

// newStatement returns an empty statement of f.
func newStatement(f *Form, meta Meta) (*Statement, error) {
	p, err := f.plan()
	if err != nil {
		return nil, err
	}
	s := &Statement{Form: f, Meta: meta, plan: p,
		cells: make([][]format.Cell, len(f.Rows)),
		texts: make([][]string, len(f.Rows)),
	}
	for i := range f.Rows {
		s.cells[i] = make([]format.Cell, len(f.Columns))
		s.texts[i] = make([]string, len(f.Columns))
	}
	return s, nil
}

// Build fills form f with figures and computes every other cell: totals by
// their row formulas, computed columns by their column formulas. Every item
// row needs a figure in every input column (a Cell without a figure where
// the statement prints none); text figures are optional.
//
// Build returns a *FormError if f is not valid, and a *BuildError listing
// every figure that names an unknown row or column, is given twice, is not
// an input (a total, a header or a computed column), or is missing.
func Build(f *Form, meta Meta, figures []Figure) (*Statement, error) {
	s, err := newStatement(f, meta)
	if err != nil {
		return nil, err
	}
	var problems []error
	given := make(map[[2]int]bool, len(figures))
	for _, fig := range figures {
		i, ok := s.plan.rowIndex[fig.Row]
		if !ok {
			problems = append(problems, fmt.Errorf("row %q: %w", fig.Row, ErrUnknownRow))
			continue
		}
		j, ok := s.plan.colIndex[fig.Column]
		if !ok {
			problems = append(problems, fmt.Errorf("row %q: %w %q", fig.Row, ErrUnknownColumn, fig.Column))
			continue
		}
		row, col := f.Rows[i], f.Columns[j]
		switch {
		case col.Kind == Computed:
			problems = append(problems, fmt.Errorf("row %q, column %q: %w: the column is computed", fig.Row, fig.Column, ErrNotInput))
			continue
		case col.Kind == Input && row.Kind != Item:
			problems = append(problems, fmt.Errorf("row %q, column %q: %w: the row is a %v", fig.Row, fig.Column, ErrNotInput, row.Kind))
			continue
		case given[[2]int{i, j}]:
			problems = append(problems, fmt.Errorf("row %q, column %q: %w", fig.Row, fig.Column, ErrDuplicateFigure))
			continue
		}
		given[[2]int{i, j}] = true
		if col.Kind == Text {
			s.texts[i][j] = fig.Text
		} else {
			s.cells[i][j] = fig.Value
		}
	}
	for i, row := range f.Rows {
		for j, col := range f.Columns {
			if row.Kind == Item && col.Kind == Input && !given[[2]int{i, j}] {
				problems = append(problems, fmt.Errorf("row %q, column %q: %w", row.Key, col.Name, ErrMissingFigure))
			}
		}
	}
	if len(problems) > 0 {
		return nil, &BuildError{Form: f.name(), Problems: problems}
	}
	s.computeRows(s.inputColumns())
	s.computeColumns(s.plan.colOrder)
	return s, nil
}

// inputColumns returns the indexes of the input columns.
func (s *Statement) inputColumns() []int {
	var cols []int
	for j, c := range s.Form.Columns {
		if c.Kind == Input {
			cols = append(cols, j)
		}
	}
	return cols
}

// computeRows computes the total rows in the given columns.
func (s *Statement) computeRows(cols []int) {
	for _, i := range s.plan.rowOrder {
		for _, j := range cols {
			s.cells[i][j] = sum(s.Form.Rows[i].Formula, func(key string) format.Cell {
				return s.cells[s.plan.rowIndex[key]][j]
			})
		}
	}
}

// computeColumns computes the given computed columns on every row with
// figures.
func (s *Statement) computeColumns(cols []int) {
	for _, j := range cols {
		for i, row := range s.Form.Rows {
			if row.Kind == Header {
				continue
			}
			s.cells[i][j] = sum(s.Form.Columns[j].Formula, func(name string) format.Cell {
				return s.cells[i][s.plan.colIndex[name]]
			})
		}
	}
}

// sum evaluates a formula. Cells without a figure count as zero, and the
// sum is always a figure: the 換算差額 of a cash-flow statement prints a
// dash, yet the 増減額 it is summed into is a figure, and a total of items
// that all lack figures prints 0.
func sum(f Formula, cell func(string) format.Cell) format.Cell {
	var total decimal.Decimal
	for _, t := range f {
		c := cell(t.Key)
		switch {
		case !c.Valid:
		case t.Negative:
			total = total.Sub(c.Amount)
		default:
			total = total.Add(c.Amount)
		}
	}
	return format.CellOf(total)
}

// Cell returns the amount in the given row and column, and whether the row
// and an amount column of that name exist.
func (s *Statement) Cell(row, column string) (format.Cell, bool) {
	i, j, ok := s.index(row, column)
	if !ok || s.Form.Columns[j].Kind == Text {
		return format.Cell{}, false
	}
	return s.cells[i][j], true
}

// Text returns the text in the given row and text column, and whether they
// exist.
func (s *Statement) Text(row, column string) (string, bool) {
	i, j, ok := s.index(row, column)
	if !ok || s.Form.Columns[j].Kind != Text {
		return "", false
	}
	return s.texts[i][j], true
}

func (s *Statement) index(row, column string) (int, int, bool) {
	i, ok := s.plan.rowIndex[row]
	if !ok {
		return 0, 0, false
	}
	j, ok := s.plan.colIndex[column]
	return i, j, ok
}

// Figures returns the inputs of s: the amounts of its item rows in its
// input columns, and its non-empty texts. Building the form with them
// gives s back, with every other cell computed.
func (s *Statement) Figures() []Figure {
	var figs []Figure
	for i, row := range s.Form.Rows {
		for j, col := range s.Form.Columns {
			switch {
			case col.Kind == Input && row.Kind == Item:
				figs = append(figs, Figure{Row: row.Key, Column: col.Name, Value: s.cells[i][j]})
			case col.Kind == Text && s.texts[i][j] != "":
				figs = append(figs, Figure{Row: row.Key, Column: col.Name, Text: s.texts[i][j]})
			}
		}
	}
	return figs
}
