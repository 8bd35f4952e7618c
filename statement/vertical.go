package statement

import (
	"strings"

	"github.com/koukaikei/koukaikei/internal/quote"
)

// readVertical reads a statement of a Vertical form from g, as WriteText
// prints it: a column heading of a label cell and 金額, then for each
// amount column of the form a line naming it and the lines of its rows,
// in the form's order. A row left out of a column's block has no figure
// there (該当なし), as WriteText leaves out the items without one; a
// header row prints blank, or 0 where no item under it has a figure.
func (t *Template) readVertical(g Grid, opt ReadOptions) (*Statement, error) {
	ps := problems{source: firstNonEmpty(opt.Source, g.Source)}
	head, at := -1, -1
	for i := range g.Rows {
		for k := 1; k < len(g.Rows[i]) && at < 0; k++ {
			name := g.at(i, k)
			if base, _, ok := unitSuffix(name); ok {
				name = base
			}
			if name == "金額" && g.at(i, k-1) != "" {
				head, at = i, k
			}
		}
		if head >= 0 {
			break
		}
	}
	if head < 0 {
		g.addf(&ps, -1, -1, "", "", ErrMissing, "no column heading naming 金額 after the labels' heading")
		return nil, ps.err()
	}
	h := half{label: 0, first: at, key: -1, cols: map[int]int{at: 0}}
	r := gridReader{t: t, g: &g, ps: &ps, meta: opt.Meta.clone(), statedUnit: opt.StatedUnit, covered: coveredBy([]half{h}, len(g.Rows[head]))}
	r.headingLines(head)
	r.outside(head)
	if _, stated, ok := unitSuffix(g.at(head, at)); ok {
		r.unit(head, at, "", stated)
	}
	if len(ps.list) > 0 {
		return nil, ps.err()
	}
	s := newStatement(t, r.meta)
	ncol := len(t.form.Columns)
	seen := make([]bool, ncol)
	j, next := -1, 0 // the column of the block, and the row its next line may be
	zeros := []int{} // the header rows printed 0 in the block, to check at its end
	checkZeros := func() {
		for _, i := range zeros {
			if !s.noItems(i, j) {
				r.g.addf(&ps, -1, -1, rowRef(i, t.form.Rows[i]), t.form.Columns[j].Name, ErrMismatch, "a header printed 0 over items with figures")
			}
		}
		zeros = zeros[:0]
	}
	var notes []gridLine
	for _, l := range r.lines(head+1, h) {
		text := g.at(l.i, at)
		if c, ok := t.printedColumn(l.label); ok && t.form.Columns[c].Kind != Text && text == "" && len(notes) == 0 {
			if seen[c] {
				g.addf(&ps, l.i, 0, "", t.form.Columns[c].Name, ErrDuplicate, "a second block of column %s", quote.Bounded(t.form.Columns[c].Name))
				continue
			}
			if j >= 0 {
				checkZeros()
			}
			j, next, seen[c] = c, 0, true
			r.outside(l.i)
			continue
		}
		i := -1
		if j >= 0 && len(notes) == 0 {
			i = t.findLabel(l.label, !l.figure, next)
		}
		if i < 0 {
			// A line without a figure after the blocks is a note; one with a
			// figure, or before the first block, is not a row of the form.
			if j < 0 || text != "" {
				g.addf(&ps, l.i, 0, l.label, "", ErrUnknown, "no row of the form after %s", quote.Bounded(vertPlace(t, j, next)))
				continue
			}
			notes = append(notes, l)
			continue
		}
		next = i + 1
		r.outside(l.i)
		row := &t.form.Rows[i]
		if text == "" {
			s.cells[i*ncol+j] = blankCell(r.meta.Style, *row)
			continue
		}
		a, err := parseFigure(text, &r.meta, row)
		switch {
		case err != nil:
			g.add(&ps, l.i, at, rowRef(i, *row), t.form.Columns[j].Name, err)
		case row.Kind == Header && (!a.valid || !a.dec().IsZero()):
			g.addf(&ps, l.i, at, rowRef(i, *row), t.form.Columns[j].Name, ErrMismatch, "a figure other than 0 on a header row")
		case row.Kind == Header:
			zeros = append(zeros, i)
		default:
			s.cells[i*ncol+j] = a
		}
	}
	if j >= 0 {
		checkZeros()
	}
	for c, col := range t.form.Columns {
		if col.Kind != Text && !seen[c] {
			g.addf(&ps, -1, -1, "", col.Name, ErrMissing, "no block of column %s", quote.Bounded(col.Name))
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	for _, l := range notes {
		s.meta.Notes = append(s.meta.Notes, g.text(l.i))
	}
	s.computeHidden()
	return s, nil
}

// findLabel returns the first printed row from row from on whose label is
// label, compared as printedLabel compares it, or -1.
func (t *Template) findLabel(label string, numbered bool, from int) int {
	printed := printedLabel{t: t, text: label, numbered: numbered}
	for i := from; i < len(t.form.Rows); i++ {
		if !t.form.Rows[i].Hidden && printed.is(i) {
			return i
		}
	}
	return -1
}

// vertPlace says where a vertical table's reader was: in the block of
// column j, before the row at next.
func vertPlace(t *Template, j, next int) string {
	if j < 0 {
		return "the column heading"
	}
	if next == 0 {
		return t.form.Columns[j].Name
	}
	return strings.Join([]string{t.form.Columns[j].Name, t.form.Rows[next-1].Label}, " ")
}
