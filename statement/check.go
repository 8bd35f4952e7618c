package statement

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// Compare lists every cell in which got and want differ, in want's order of
// rows and columns: rows are matched by key, columns by name, amounts by
// value (the unit they are shown in does not matter), texts exactly. Rows
// and columns that only one of them has are findings too; header rows and
// hidden rows are not compared. Each Finding names want's statement and
// shows amounts in want's unit.
func Compare(got, want *Statement) []Finding {
	var fs []Finding
	got, want = got.ready(), want.ready()
	gt, wt := got.t, want.t
	base := Finding{Verdict: Violation, Statement: wt.form.name(), Unit: want.meta.Unit}
	// gotCol maps want's columns to got's, -1 for one got lacks.
	gotCol := make([]int, len(wt.form.Columns))
	for j, col := range wt.form.Columns {
		gj, ok := gt.colIndex[col.Name]
		if !ok || (gt.form.Columns[gj].Kind == Text) != (col.Kind == Text) {
			f := base
			f.Kind, f.Column, f.GotText, f.WantText = ColumnMissing, col.Name, "no such column", "a column"
			fs = append(fs, f)
			gj = -1
		}
		gotCol[j] = gj
	}
	for i, row := range wt.form.Rows {
		if row.Kind == Header || row.Hidden {
			continue
		}
		at := base
		at.Row, at.Label = row.Key, wt.label(i)
		gi, ok := gt.rowIndex[row.Key]
		if !ok {
			at.Kind, at.GotText, at.WantText = RowMissing, "no such row", "a row"
			fs = append(fs, at)
			continue
		}
		for j, col := range wt.form.Columns {
			gj := gotCol[j]
			f := at
			f.Column = col.Name
			switch {
			case gj < 0:
			case col.Kind == Text:
				if g, w := got.text(gi, gj), want.text(i, j); g != w {
					f.Kind, f.GotText, f.WantText = TextDiffers, g, w
					fs = append(fs, f)
				}
			default:
				if g, w := got.cell(gi, gj), want.cell(i, j); !g.Equal(w) {
					f.Kind, f.Got, f.Want = AmountDiffers, g, w
					fs = append(fs, f)
				}
			}
		}
	}
	for i, row := range gt.form.Rows {
		if _, ok := wt.rowIndex[row.Key]; row.Kind != Header && !row.Hidden && !ok {
			f := base
			f.Kind, f.Row, f.Label, f.GotText, f.WantText = RowMissing, row.Key, gt.label(i), "a row", "no such row"
			fs = append(fs, f)
		}
	}
	return fs
}

// Verify checks every identity of s's form against s's own cells: each
// total and subtotal row in each amount column, and each computed column
// on each row, and returns a Finding for each that does not hold, with the
// printed cell as Want and what the formula gives as Got. A statement that
// Build made satisfies its row formulas in input columns by construction;
// Verify proves the rest (row formulas in computed columns), and finds the
// inconsistencies of a statement read as published. Rounded statements
// violate identities by design.
func (s *Statement) Verify() []Finding {
	var fs []Finding
	s = s.ready()
	t := s.t
	check := func(i, j int, f Formula, cell func(string) format.Cell) {
		if c := t.sum(f, cell); !c.Equal(s.cell(i, j)) {
			fs = append(fs, Finding{Kind: IdentityBroken, Verdict: Violation, Statement: t.form.name(),
				Row: t.form.Rows[i].Key, Label: t.label(i), Column: t.form.Columns[j].Name,
				Rule: f.String(), Got: c, Want: s.cell(i, j), Unit: s.meta.Unit})
		}
	}
	for i, row := range t.form.Rows {
		for j, col := range t.form.Columns {
			if t.formulas[i] != nil && col.Kind != Text {
				check(i, j, t.formulas[i], func(key string) format.Cell { return s.cell(t.rowIndex[key], j) })
			}
			if row.Kind != Header && col.Kind == Computed {
				check(i, j, col.Formula, func(name string) format.Cell { return s.cell(i, t.colIndex[name]) })
			}
		}
	}
	return fs
}

// A Ref names one cell of a statement, for a Link.
type Ref struct {
	Statement *Statement
	Row       string // the row's key
	Column    string // the column's name
	Negative  bool   // subtract the cell instead of adding it
}

// String names the cell by statement title, row label and column.
func (r Ref) String() string {
	sign := ""
	if r.Negative {
		sign = "−"
	}
	t := empty
	if r.Statement != nil {
		t = r.Statement.ready().t
	}
	label := r.Row
	if i, ok := t.rowIndex[r.Row]; ok {
		label = t.form.Rows[i].Label
	}
	return fmt.Sprintf("%s%s %s %s", sign, t.form.Title, label, r.Column)
}

// A Link is an identity between cells of one or more statements: the sum of
// Left equals the sum of Right. PL 当期純利益 = 純資産変動計算書 当期純利益 is
// a Link; so is CF 期末残高 = 現金及び預金 − 3か月超の定期預金.
type Link struct {
	Name        string
	Left, Right []Ref
}

// A LinkError reports a Link that does not hold, or that names a cell that
// does not exist.
type LinkError struct {
	Link        Link
	Left, Right decimal.Decimal
	Missing     []Ref // cells that do not exist
}

// Error gives the link's two sums and their difference, or the cells it lacks.
func (e *LinkError) Error() string {
	if len(e.Missing) > 0 {
		refs := make([]string, len(e.Missing))
		for i, r := range e.Missing {
			refs[i] = r.String()
		}
		return fmt.Sprintf("statement: link %s: no cell %s", e.Link.Name, strings.Join(refs, ", "))
	}
	// Show the sums in the unit of the first cell's statement, or in yen
	// when that unit would hide the difference.
	f := format.Formatter{Suffix: true}
	if len(e.Link.Left) > 0 && e.Link.Left[0].Statement != nil {
		f.Unit = e.Link.Left[0].Statement.meta.Unit
	}
	if f.Format(e.Left) == f.Format(e.Right) {
		f.Unit = format.Yen
	}
	return fmt.Sprintf("statement: link %s: %s ≠ %s (difference %s)", e.Link.Name,
		f.Format(e.Left), f.Format(e.Right), f.Format(e.Left.Sub(e.Right)))
}

// Check returns nil if the link holds, and a *LinkError otherwise. Each
// side sums as a formula does: cells without a figure count as zero, and
// a side none of whose cells has a figure has none, which only a side
// without a figure equals. A Ref to a nil Statement names a missing cell.
func (l Link) Check() error {
	e := &LinkError{Link: l}
	add := func(refs []Ref) format.Cell {
		return signedSum(len(refs), func(k int) (format.Cell, bool) {
			r := refs[k]
			var c format.Cell
			ok := false
			if r.Statement != nil {
				c, ok = r.Statement.Cell(r.Row, r.Column)
			}
			if !ok {
				e.Missing = append(e.Missing, r)
			}
			return c, r.Negative
		})
	}
	left, right := add(l.Left), add(l.Right)
	e.Left, e.Right = left.Amount, right.Amount
	if len(e.Missing) == 0 && left.Equal(right) {
		return nil
	}
	return e
}
