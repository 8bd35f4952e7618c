package statement

import "slices"

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
	lost := want.lostCells()
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
				g, w := got.at(gi, gj), want.at(i, j)
				if wt.blank(i*len(wt.form.Columns) + j) {
					// Blank, a dash and 0 say the same of a cell that
					// is not part of the statement.
					g, w = g.nonzero(), w.nonzero()
				}
				if !g.equal(w) {
					f.Kind, f.Got, f.Want = AmountDiffers, g.cell(), w.cell()
					if lost != nil && lost[i*len(wt.form.Columns)+j] {
						f.Kind = BlankFigure
					}
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
//
// A total or computed cell printed blank (not a dash) while terms of its
// identity have figures is a figure lost in printing: it is one
// BlankFigure finding, and the identities that name the cell are not
// judged, rather than judged against zero.
//
// A cell the form leaves blank (Row.Blank) heads no identity and counts
// as nothing in those it is a term of, whatever was read there; a figure
// other than 0 there is a NotBlank finding.
func (s *Statement) Verify() []Finding {
	s = s.ready()
	t := s.t
	fs := s.notBlank(t.form.name())
	s = s.judged()
	ncol := len(t.form.Columns)
	lost := s.lostCells()
	reported := map[int]bool{}
	check := func(i, j int, f Formula, terms []int, base, step int) {
		head := i*ncol + j
		if t.blank(head) {
			return
		}
		c := s.sumAt(f, terms, base, step)
		if lost != nil {
			if lost[head] && !reported[head] {
				reported[head] = true
				fs = append(fs, s.blankFinding(i, j, f, c))
			}
			for _, k := range terms {
				if lost[base+k*step] {
					return
				}
			}
			if lost[head] {
				return
			}
		}
		if !c.equal(s.at(i, j)) {
			fs = append(fs, Finding{Kind: IdentityBroken, Verdict: Violation, Statement: t.form.name(),
				Row: t.form.Rows[i].Key, Label: t.label(i), Column: t.form.Columns[j].Name,
				Rule: f.String(), Got: c.cell(), Want: s.cell(i, j), Unit: s.meta.Unit})
		}
	}
	for i, row := range t.form.Rows {
		for j, col := range t.form.Columns {
			if t.formulas[i] != nil && col.Kind != Text {
				check(i, j, t.formulas[i], t.rowTerms[i], j, ncol)
			}
			if row.Kind != Header && col.Kind == Computed {
				check(i, j, col.Formula, t.colTerms[j], i*ncol, 1)
			}
		}
	}
	return fs
}

// blankFinding is the finding of the cell in row i and column j, printed
// blank where f, whose terms give c, expects a figure.
func (s *Statement) blankFinding(i, j int, f Formula, c amount) Finding {
	t := s.t
	return Finding{Kind: BlankFigure, Verdict: Violation, Statement: t.form.name(), Row: t.form.Rows[i].Key,
		Label: t.label(i), Column: t.form.Columns[j].Name, Rule: f.String(), Got: c.cell(), Unit: s.meta.Unit}
}

// lostCells says, per cell, whether it is a figure lost in printing: a
// total or computed cell printed blank while a term of an identity it
// heads has a figure. A blank cell whose terms have none is 該当なし, as
// the form expects. It returns nil when no cell is lost, as in any
// statement not read from a published file.
func (s *Statement) lostCells() []bool {
	t := s.t
	ncol := len(t.form.Columns)
	var lost []bool
	figured := func(terms []int, base, step int) bool {
		for _, k := range terms {
			if s.cells[base+k*step].valid {
				return true
			}
		}
		return false
	}
	for k, a := range s.cells {
		if !a.blank || t.blank(k) {
			continue
		}
		i, j := k/ncol, k%ncol
		col := t.form.Columns[j]
		if t.formulas[i] != nil && figured(t.rowTerms[i], j, ncol) ||
			col.Kind == Computed && t.form.Rows[i].Kind != Header && figured(t.colTerms[j], i*ncol, 1) {
			if lost == nil {
				lost = make([]bool, len(s.cells))
			}
			lost[k] = true
		}
	}
	return lost
}

// judged returns s as its identities judge it: the cells the form leaves
// blank (Row.Blank) without a figure, whatever was read there (notBlank
// reports a figure other than 0); s itself when they hold none.
func (s *Statement) judged() *Statement {
	t := s.t
	var out *Statement
	for k, b := range t.blanks {
		if !b || !s.cells[k].valid && !s.cells[k].blank {
			continue
		}
		if out == nil {
			c := *s
			c.cells = slices.Clone(s.cells)
			out = &c
		}
		out.cells[k] = amount{}
	}
	if out == nil {
		return s
	}
	return out
}

// notBlank returns a NotBlank finding, naming the statement so, for each
// cell the form leaves blank that holds a figure other than 0.
func (s *Statement) notBlank(name string) []Finding {
	t := s.t
	ncol := len(t.form.Columns)
	var fs []Finding
	for k, b := range t.blanks {
		if a := s.cells[k].nonzero(); b && a.valid {
			i, j := k/ncol, k%ncol
			fs = append(fs, Finding{Kind: NotBlank, Verdict: Violation, Statement: name, Row: t.form.Rows[i].Key,
				Label: t.label(i), Column: t.form.Columns[j].Name, Want: a.cell(), Unit: s.meta.Unit})
		}
	}
	return fs
}
