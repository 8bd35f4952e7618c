package statement

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/digits"
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
	// Comma separates the fields of a CSV file: ',' or '\t'. Defaults to
	// a tab when the first line that has a comma or a tab has a tab (a
	// table copied out of a spreadsheet), and to ',' otherwise.
	Comma rune
	// AnyStub takes the first column of a CSV file, or its second after
	// a key column, as the labels whatever its heading (科目名, 区分, …),
	// when the header names neither label nor the form's Stub and that
	// column is not one of the form's. Defaults to false: the header must
	// name label or the Stub.
	AnyStub bool
	// StatedUnit takes the unit that a Grid states, in a line above the
	// table (（単位：千円）) or in a column heading (金額（千円）), as the
	// statement's, in place of Meta.Unit, which then serves a Grid that
	// states none. Defaults to false: a stated unit must be Meta.Unit.
	StatedUnit bool
}

// unitLine reports whether rec is a line that only states a unit, such as
// （単位：千円） or 単位,千円, and returns the unit's name.
func unitLine(rec csvio.Record) (string, bool) {
	// Folding does not make 単位 of other characters: a line without
	// it, such as the header, is no unit line.
	if !slices.ContainsFunc(rec.Fields, func(f string) bool { return strings.Contains(f, "単位") }) {
		return "", false
	}
	if len(rec.Fields) == 1 {
		// The common line, （単位：千円）, without folding it: what
		// folding would give, as the unit names do not fold.
		inner, ok1 := strings.CutPrefix(strings.TrimSpace(rec.Fields[0]), "（単位：")
		name, ok2 := strings.CutSuffix(inner, "）")
		if ok1 && ok2 && slices.Contains(unitNames, name) {
			return name, true
		}
	}
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

// unitNames are the names of the units, as format.ParseUnit reads them.
var unitNames = []string{"円", "千円", "百万円", "万円", "億円"}

// unitSuffix splits a column name such as 金額（千円） or 金額(単位:千円)
// into the column's name and the unit it states.
func unitSuffix(name string) (base, unit string, ok bool) {
	if !strings.Contains(name, "円") { // which folding does not make
		return "", "", false
	}
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

// A cellReader puts the cells that a reader of a published statement
// meets into the statement, adding a problem for each it cannot read.
type cellReader struct {
	s  *Statement
	ps *problems
}

// newCellReader returns the cellReader of s, adding problems to ps.
func newCellReader(s *Statement, ps *problems) cellReader {
	return cellReader{s: s, ps: ps}
}

// put puts text, printed on the given line in row i and column j, into
// the statement, as read does, adding the problem of a figure it cannot
// read at that line.
func (r cellReader) put(line, i, j int, text string) {
	if err := r.read(i, j, text); err != nil {
		f := &r.s.t.form
		r.ps.add(line, rowRef(i, f.Rows[i]), f.Columns[j].Name, err)
	}
}

// read puts text, printed in row i and column j, into the statement, and
// returns the problem of a figure it cannot read, for the reader to place:
// a line of a file, a cell of a Grid. A text column takes the text as it
// is written, since spaces may be part of a text; a figure is read by
// parseFigure, and a cell that is empty once trimmed has none (see
// blankCell).
func (r cellReader) read(i, j int, text string) error {
	s := r.s
	f := &s.t.form
	at := i*len(f.Columns) + j
	if f.Columns[j].Kind == Text {
		// A copy, so that the statement does not hold the source's text.
		s.texts[at] = strings.Clone(text)
		return nil
	}
	text = trimSpace(text)
	if text == "" {
		s.cells[at] = blankCell(s.meta.Style, f.Rows[i])
		return nil
	}
	if f.Rows[i].Kind == Header {
		return fmt.Errorf("%w: a figure on a header row", ErrMismatch)
	}
	a, err := parseFigure(text, &s.meta, &f.Rows[i])
	if err != nil {
		return err
	}
	s.cells[at] = a
	return nil
}

// parseFigure reads a figure of row as the statement of meta prints it,
// as ReadCSV, ReadText and ReadGrid read it: as its Formatter reads it
// (format.Formatter.ParseCell), in its unit unless the figure names its
// own (5千円, 1億3,400万), a dash as zero where the statement prints zero
// so. A figure in parentheses is negative where the Style prints
// negatives so; otherwise, on a memo row (うち…, which statements print in
// parentheses: （うち歳計現金）), it is the memo's figure, and elsewhere it
// is an error wrapping format.ErrParens: which of the two it is, the
// reader would only guess.
func parseFigure(text string, meta *Meta, row *Row) (amount, error) {
	yenPer := pow10[meta.Unit.Exp()]
	if v, ok := digits.Int(text); ok && v <= maxInt64/yenPer && v >= -maxInt64/yenPer {
		// What ParseCell and the unit give, without a decimal.
		return yenAmount(v * yenPer), nil
	}
	f := meta.Formatter()
	c, err := f.ParseCell(text)
	if errors.Is(err, format.ErrParens) && memo(row.Label) {
		f.Negative = format.Parens
		if c, err = f.ParseCell(text); err == nil && c.Valid {
			c.Amount = c.Amount.Neg()
		}
	}
	if err != nil {
		return amount{}, err
	}
	return amountOf(c), nil
}

// blankCell is the cell of a figure printed empty on row: 該当なし, kept
// apart from a dash unless the statement prints 該当なし blank.
func blankCell(style Style, row Row) amount {
	return amount{blank: row.Kind != Header && style.Nil != format.NilBlank}
}

// memo reports whether a row of this label is a memo line, うち… (of
// which), as statements print one under the figure it details.
func memo(label string) bool {
	l := normalLabel(label)
	return strings.HasPrefix(l, "うち") || strings.HasPrefix(l, "(うち")
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
	// The loop of match, without a function call for each row.
	rows := c.t.form.Rows
	for i := c.next; i < len(rows); i++ {
		if rows[i].Key == key {
			c.next = i + 1
			return i, nil
		}
		if rows[i].Kind != Header && !rows[i].Hidden {
			break
		}
	}
	return c.match(func(_ int, r Row) bool { return r.Key == key })
}

// byLabel returns the index of the next row, which must have the given
// label once normalised, or that label printed after a number of its own
// (１．固定資産, (1)有形固定資産, ①土地: see unnumbered) where the row's
// label has none. A printed label stands for a printed row: where a
// hidden row that may be left out has the label of a printed row after it,
// as a summary hides the item its total repeats, the printed row matches.
func (c *rowCursor) byLabel(label string) (int, error) {
	return c.byLabelNumbered(label, true)
}

// byLabelNumbered is byLabel, with a number before the label taken off
// only if numbered is set.
func (c *rowCursor) byLabelNumbered(label string, numbered bool) (int, error) {
	printed := printedLabel{t: c.t, text: label, numbered: numbered}
	eq := func(i int, _ Row) bool { return printed.is(i) }
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
			if col.Kind != Text && !t.blank(i*ncol+j) {
				s.cells[i*ncol+j] = s.sumAt(t.formulas[i], t.rowTerms[i], j, ncol)
			}
		}
	}
	for _, j := range t.colOrder {
		for i, row := range t.form.Rows {
			if row.Hidden && row.Kind != Header && !t.blank(i*ncol+j) {
				s.cells[i*ncol+j] = s.sumAt(t.form.Columns[j].Formula, t.colTerms[j], i*ncol, 1)
			}
		}
	}
}

// trimSpace is strings.TrimSpace, which looks at a field's first and last
// characters through unicode.IsSpace, made cheaper for the common fields
// that start and end with a printable character: a figure such as
// 2,074,265, a label such as 固定資産.
func trimSpace(s string) string {
	if len(s) == 0 {
		return s
	}
	first, last := s[0], s[len(s)-1]
	if first > ' ' && first < utf8.RuneSelf && last > ' ' && last < utf8.RuneSelf {
		return s
	}
	if first >= utf8.RuneSelf || last >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s)
		l, _ := utf8.DecodeLastRuneInString(s)
		if printable(r) && printable(l) {
			return s
		}
	}
	return strings.TrimSpace(s)
}

// printable reports whether r is a character that strings.TrimSpace
// keeps at the ends of a text: not a space, and not a byte of bad UTF-8,
// which it keeps too but whose text is not the common case.
func printable(r rune) bool {
	// No space comes after the ideographic space, U+3000.
	return r > 0x3000 && r != utf8.RuneError || r > ' ' && !unicode.IsSpace(r) && r != utf8.RuneError
}
