package statement

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
	"golang.org/x/text/width"
)

// ReadOptions says how to read a published statement.
type ReadOptions struct {
	// Source names the file or stream in errors.
	Source string
	// Meta describes the statement: entity, date, notes and how its
	// figures print. Its Unit is the unit the figures are printed in; a
	// file that states its unit must state this one. Its Rounding and
	// Exact say what the printed figures stand for (see VerifyRounded).
	Meta Meta
	// Comma separates the fields: '\t' for tab-separated files. Defaults
	// to ','.
	Comma rune
	// StatedUnit takes the unit that a Grid states, in a line above the
	// table (（単位：千円）) or in a column heading (金額（千円）), as the
	// statement's, in place of Meta.Unit, which then serves a Grid that
	// states none. Defaults to false: a stated unit must be Meta.Unit.
	StatedUnit bool
}

// unitLine reports whether rec is a line that only states a unit, such as
// （単位：千円） or 単位,千円, and returns the unit's name.
func unitLine(rec csvio.Record) (string, bool) {
	var text []string
	for _, f := range rec.Fields {
		if f = strings.TrimSpace(f); f != "" {
			text = append(text, f)
		}
	}
	s := width.Fold.String(strings.Join(text, ""))
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	s, ok := strings.CutPrefix(s, "単位")
	if !ok {
		return "", false
	}
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, ":"), "、")), true
}

// unitSuffix splits a column name such as 金額（千円） or 金額(単位:千円)
// into the column's name and the unit it states.
func unitSuffix(name string) (base, unit string, ok bool) {
	folded := width.Fold.String(name)
	if !strings.HasSuffix(folded, "円)") {
		return "", "", false
	}
	open := strings.LastIndex(folded, "(")
	if open < 0 {
		return "", "", false
	}
	unit = strings.TrimSuffix(folded[open+1:], ")")
	unit = strings.TrimPrefix(strings.TrimPrefix(unit, "単位"), ":")
	// The base is cut from the name as given, before its bracket.
	cut := strings.LastIndexAny(name, "(（")
	return strings.TrimSpace(name[:cut]), strings.TrimSpace(unit), true
}

// A rowCursor matches the rows a reader meets, in order, to the rows of a
// form; header rows and hidden rows may be left out.
type rowCursor struct {
	t    *Template
	next int // the next row to match
}

// byKey returns the index of the next row, which must have the given key;
// header rows without a key match an empty one.
func (c *rowCursor) byKey(key string) (int, error) {
	return c.match(func(_ int, r Row) bool { return r.Key == key })
}

// byLabel returns the index of the next row, which must have the given
// label once normalised. A printed label stands for a printed row: where a
// hidden row that may be left out has the label of a printed row after it,
// as a summary hides the item its total repeats, the printed row matches.
func (c *rowCursor) byLabel(label string) (int, error) {
	l := ""
	normal := false // whether l holds label normalised
	eq := func(i int, r Row) bool {
		if r.Label == label {
			return true
		}
		if !normal {
			l, normal = normalLabel(label), true
		}
		return c.t.normals[i] == l
	}
	i, err := c.match(eq)
	rows := c.t.form.Rows
	for j := i + 1; err == nil && rows[i].Hidden && j < len(rows); j++ {
		if !rows[j].Hidden && eq(j, rows[j]) {
			c.next = j + 1
			return j, nil
		}
		if rows[j].Kind != Header && !rows[j].Hidden {
			break
		}
	}
	return i, err
}

func (c *rowCursor) match(ok func(int, Row) bool) (int, error) {
	rows := c.t.form.Rows
	for i := c.next; i < len(rows); i++ {
		if ok(i, rows[i]) {
			c.next = i + 1
			return i, nil
		}
		if rows[i].Kind != Header && !rows[i].Hidden {
			break
		}
	}
	want := "the end of the form"
	if c.next < len(rows) {
		want = "row " + quote.Bounded(rowRef(c.next, rows[c.next])) + " (" + rows[c.next].Label + ")"
	}
	return 0, fmt.Errorf("%w: the form expects %s", ErrUnknown, want)
}

// missing adds a problem for each printed row that the reader did not
// meet.
func (c *rowCursor) missing(ps *problems) {
	rows := c.t.form.Rows
	for i := c.next; i < len(rows); i++ {
		if row := rows[i]; row.Kind != Header && !row.Hidden {
			ps.addf(0, rowRef(i, row), "", ErrMissing, "row %s not in the file", quote.Bounded(row.Label))
		}
	}
}

// computeHidden computes the cells of rows that are not printed, so that a
// statement read back from a file without them verifies.
func (s *Statement) computeHidden() {
	t := s.t
	ncol := len(t.form.Columns)
	for _, i := range t.rowOrder {
		if !t.form.Rows[i].Hidden {
			continue
		}
		for j, col := range t.form.Columns {
			if col.Kind != Text {
				s.cells[i*ncol+j] = s.sumAt(t.formulas[i], t.rowTerms[i], j, ncol)
			}
		}
	}
	for _, j := range t.colOrder {
		for i, row := range t.form.Rows {
			if row.Hidden && row.Kind != Header {
				s.cells[i*ncol+j] = s.sumAt(t.form.Columns[j].Formula, t.colTerms[j], i*ncol, 1)
			}
		}
	}
}
