package statement

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/digits"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/shopspring/decimal"
	"golang.org/x/text/width"
)

// rowColumns are the columns of the row CSV format, the first three
// required.
var rowColumns = []string{"key", "kind", "label", "account", "formula", "indent", "note", "hidden", "remark"}

// ReadRowsCSV reads the rows of a form from CSV. The header line names the
// columns key, kind and label, and optionally account, formula, indent,
// note, hidden and remark, in any order; each following line is a row:
//
//	key,kind,label,account,formula,indent,note
//	,header,流動資産,,,1,
//	1110,item,現金及び預金,1110,,2,
//	1100,subtotal,流動資産合計,1100,,1,
//	net,total,差引,,1100-2100,0,
//
// kind is header, item, subtotal or total; a total has a formula, a
// subtotal sums its children (see Compile). A header column the format
// does not have is an error. Errors are an *Error of source listing every
// problem with its line.
func ReadRowsCSV(r io.Reader, source string) ([]Row, error) {
	ps := problems{source: source}
	lines, ok := readTable(&ps, r, rowColumns[:3], rowColumns[3:])
	if !ok {
		return nil, ps.err()
	}
	var rows []Row
	for _, l := range lines {
		row := Row{Key: l.field("key"), Label: l.field("label"), Account: l.field("account"), Note: l.field("note"), Remark: l.field("remark")}
		var err error
		if row.Kind, err = ParseRowKind(l.field("kind")); err != nil {
			ps.add(l.line, row.Key, "kind", err)
		}
		if f := l.field("formula"); f != "" {
			if row.Formula, err = ParseFormula(f); err != nil {
				ps.add(l.line, row.Key, "formula", err)
			}
		}
		if s := l.field("indent"); s != "" {
			if row.Indent, err = strconv.Atoi(s); err != nil || row.Indent < 0 || row.Indent > MaxIndent {
				ps.addf(l.line, row.Key, "indent", ErrRange, "indent %s is not a level from 0 to %d", quote.Bounded(s), MaxIndent)
			}
		}
		switch h := l.field("hidden"); h {
		case "", "false":
		case "true":
			row.Hidden = true
		default:
			ps.addf(l.line, row.Key, "hidden", ErrSyntax, "hidden %s is neither true nor false", quote.Bounded(h))
		}
		rows = append(rows, row)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return rows, nil
}

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
}

// ReadCSV compiles form f and reads a statement of it with
// Template.ReadCSV.
func ReadCSV(r io.Reader, f *Form, opt ReadOptions) (*Statement, error) {
	t, err := Compile(f)
	if err != nil {
		return nil, err
	}
	return t.ReadCSV(r, opt)
}

// ReadCSV reads a statement of t as published, in CSV: a header line
// naming the label column (label, or the form's Stub: 科目 by default) and
// columns of the form, optionally a key column,
// and one line for each printed row, in the form's order, with the figures
// as printed.
//
// Rows are matched in order: by key when the file has a key column, else
// by label, compared after folding full- and half-width forms (（ and (,
// ＡＢ and AB) and dropping spaces and note marks (※１, (注1)), so a label
// printed many times, such as その他, is matched by its place. Header rows
// and hidden rows may be left out. Every label is checked against its
// row's, which catches figures transcribed onto the wrong line.
//
// Amounts may be written as format.ParseCell reads them (32,200,729,071,
// △ 2,286,666,903, -). An empty cell has no figure, and so has a dash
// unless the Meta's Style prints zero as a dash. Figures are in the unit of
// opt.Meta, and kept in yen; a figure that names its unit (5千円, 1億3,400万)
// is taken as it says. The file may state its unit in a line before the
// header, such as （単位：千円）, or in column names, such as 金額（千円）;
// a stated unit other than opt.Meta's is an error, never converted
// silently. Columns of the form that the header lacks are empty; hidden
// rows are computed.
//
// The input may be UTF-8, with or without a byte order mark, or CP932.
// Errors are an *Error listing every problem with its line, row and
// column; nothing is read past a line whose row cannot be placed.
func (t *Template) ReadCSV(r io.Reader, opt ReadOptions) (*Statement, error) {
	ps := problems{source: opt.Source}
	recs, err := csvio.ReadAll(r, opt.Comma)
	if err != nil {
		return nil, readError(opt.Source, err)
	}
	unit := opt.Meta.Unit
	checkUnit := func(line int, column, stated string) {
		u, err := format.ParseUnit(stated)
		switch {
		case err != nil:
			ps.addf(line, "", column, ErrSyntax, "unit %s is not 円, 千円, 百万円, 万円 or 億円", quote.Bounded(stated))
		case u != unit:
			ps.addf(line, "", column, ErrMismatch, "the file is in %v, the statement in %v", u, unit)
		}
	}
	for len(recs) > 0 {
		stated, ok := unitLine(recs[0])
		if !ok {
			break
		}
		checkUnit(recs[0].Line, "", stated)
		recs = recs[1:]
	}
	if len(recs) == 0 {
		ps.addf(1, "", "", ErrMissing, "no header line")
		return nil, ps.err()
	}
	head := recs[0]
	colOf := make([]int, len(head.Fields)) // CSV field → form column, -1 for none
	keyAt, labelAt := -1, -1
	stub := t.form.stub() // a file as printed heads its labels so
	seen := map[string]bool{}
	for k, field := range head.Fields {
		colOf[k] = -1
		name := strings.TrimSpace(field)
		if seen[name] {
			ps.addf(head.Line, "", name, ErrDuplicate, "column twice in the header")
			continue
		}
		seen[name] = true
		switch name {
		case "key":
			keyAt = k
			continue
		case "label", stub:
			labelAt = k
			continue
		}
		if base, stated, ok := unitSuffix(name); ok {
			checkUnit(head.Line, name, stated)
			name = base
		}
		j, ok := t.colIndex[name]
		if !ok {
			ps.addf(head.Line, "", name, ErrUnknown, "no such column in %s", t.form.name())
			continue
		}
		colOf[k] = j
	}
	if labelAt < 0 {
		ps.addf(head.Line, "", "label", ErrMissing, "the header has no such column")
	}
	if len(ps.list) > 0 {
		return nil, ps.err()
	}
	s := newStatement(t, opt.Meta)
	ncol := len(t.form.Columns)
	// A statement that prints zero as a dash has no other use for one.
	dashIsZero := opt.Meta.Style.Zero == format.ZeroDash || opt.Meta.Style.Zero == format.ZeroHyphen
	rows := rowCursor{t: t}
	yenPer := pow10[unit.Exp()] // yen in one of the unit
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(head.Fields) {
			ps.addf(rec.Line, "", "", ErrSyntax, "%d fields, where the header has %d", len(rec.Fields), len(head.Fields))
			continue
		}
		label := strings.TrimSpace(rec.Fields[labelAt])
		var i int
		if keyAt >= 0 {
			i, err = rows.byKey(strings.TrimSpace(rec.Fields[keyAt]))
		} else {
			i, err = rows.byLabel(label)
		}
		if err != nil {
			ps.add(rec.Line, label, "", err)
			return nil, ps.err()
		}
		row := t.form.Rows[i]
		name := rowRef(i, row)
		if keyAt >= 0 && label != row.Label && normalLabel(label) != t.normals[i] {
			ps.addf(rec.Line, name, "", ErrMismatch, "label %s, the form has %s", quote.Bounded(label), quote.Bounded(row.Label))
		}
		for k, j := range colOf {
			if j < 0 {
				continue
			}
			col := t.form.Columns[j]
			if col.Kind == Text {
				// As written: spaces may be part of a text. A copy, so that
				// the statement does not hold the file's text.
				s.texts[i*ncol+j] = strings.Clone(rec.Fields[k])
				continue
			}
			text := strings.TrimSpace(rec.Fields[k])
			if text == "" {
				continue
			}
			if row.Kind == Header {
				ps.addf(rec.Line, name, col.Name, ErrMismatch, "a figure on a header row")
				continue
			}
			if v, ok := digits.Int(text); ok && v <= maxInt64/yenPer && v >= -maxInt64/yenPer {
				// What ParseCell and the unit give, without a decimal.
				s.cells[i*ncol+j] = yenAmount(v * yenPer)
				continue
			}
			c, err := format.ParseCell(text)
			if err != nil {
				ps.add(rec.Line, name, col.Name, err)
				continue
			}
			switch {
			case c.Valid && !strings.ContainsAny(text, "円万億"):
				c.Amount = unit.ToYen(c.Amount)
			case !c.Valid && dashIsZero:
				c = format.CellOf(decimal.Zero)
			}
			s.cells[i*ncol+j] = amountOf(c)
		}
	}
	rows.missing(&ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	s.computeHidden()
	return s, nil
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

// normalLabel returns a label as labels are compared: full- and half-width
// forms folded, spaces and note marks (※１, (注1)) dropped.
func normalLabel(s string) string {
	if plainLabel(s) {
		return s
	}
	return foldLabel(s)
}

// foldLabel is normalLabel for any label, without the scan for one that
// needs no change.
func foldLabel(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "※"):
			i += len("※")
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			continue
		case strings.HasPrefix(rest, "(注"):
			if end := strings.IndexByte(rest, ')'); end > 0 {
				i += end + 1
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(rest)
		if !unicode.IsSpace(r) {
			b.WriteString(rest[:n])
		}
		i += n
	}
	return b.String()
}

// plainLabel reports whether normalLabel(s) is s: valid UTF-8 without a
// rune that width.Fold changes, a space or a note mark.
func plainLabel(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '(' && strings.HasPrefix(s[i:], "(注") {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '※' || unicode.IsSpace(r) || width.LookupRune(r).Folded() != 0 {
			return false
		}
		i += n
	}
	return true
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
// label once normalised.
func (c *rowCursor) byLabel(label string) (int, error) {
	l := ""
	normal := false // whether l holds label normalised
	return c.match(func(i int, r Row) bool {
		if r.Label == label {
			return true
		}
		if !normal {
			l, normal = normalLabel(label), true
		}
		return c.t.normals[i] == l
	})
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
