package statement

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/shopspring/decimal"
)

// A ReadError reports what was wrong in the data a reader was given, and
// where: the line, and the statement's row and column when known.
type ReadError struct {
	File   string // set by callers that know it
	Line   int    // 1-based line of the CSV record, or of the JSON value
	Row    string // the row's key or label
	Column string // the statement's column or the CSV field
	Err    error
}

// Error names the file, line, row and column that are known.
func (e *ReadError) Error() string {
	var b strings.Builder
	b.WriteString("statement: ")
	if e.File != "" {
		b.WriteString(e.File + ": ")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Row != "" {
		fmt.Fprintf(&b, "row %q: ", e.Row)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q: ", e.Column)
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error, such as a *format.ParseError.
func (e *ReadError) Unwrap() error { return e.Err }

// Errors that ReadErrors wrap.
var (
	ErrFieldCount    = errors.New("wrong number of fields")
	ErrLabelMismatch = errors.New("label differs from the form's")
	ErrMissingRow    = errors.New("row missing")
	ErrHeaderFigure  = errors.New("figure on a header row")
)

// ReadRowsCSV reads the rows of a form from CSV. The header line names the
// columns key, kind and label, and optionally account, formula, indent, note
// and hidden, in any order; each following line is a row:
//
//	key,kind,label,account,formula,indent,note
//	,header,流動資産,,,1,
//	1110,item,現金及び預金,1110,,2,
//	1100,total,流動資産合計,1100,1110+1120+1130+1140,1,
//
// Errors are *ReadError values, joined when there are several.
func ReadRowsCSV(r io.Reader) ([]Row, error) {
	recs, err := csvio.ReadAll(r)
	if err != nil {
		return nil, &ReadError{Err: err}
	}
	if len(recs) == 0 {
		return nil, &ReadError{Line: 1, Err: errors.New("no header line")}
	}
	cols, err := csvio.Header(recs[0], "key", "kind", "label")
	if err != nil {
		return nil, &ReadError{Err: err}
	}
	var (
		rows []Row
		errs []error
	)
	for _, rec := range recs[1:] {
		fail := func(field string, err error) {
			errs = append(errs, &ReadError{Line: rec.Line, Column: field, Err: err})
		}
		if len(rec.Fields) != len(recs[0].Fields) {
			fail("", fmt.Errorf("%w: %d, where the header has %d", ErrFieldCount, len(rec.Fields), len(recs[0].Fields)))
			continue
		}
		field := func(name string) string {
			if i, ok := cols[name]; ok {
				return strings.TrimSpace(rec.Fields[i])
			}
			return ""
		}
		row := Row{Key: field("key"), Label: field("label"), Account: field("account"), Note: field("note")}
		if row.Kind, err = ParseRowKind(field("kind")); err != nil {
			fail("kind", err)
		}
		if f := field("formula"); f != "" {
			if row.Formula, err = ParseFormula(f); err != nil {
				fail("formula", err)
			}
		}
		if s := field("indent"); s != "" {
			if row.Indent, err = strconv.Atoi(s); err != nil || row.Indent < 0 {
				fail("indent", fmt.Errorf("indent %q is not a level", s))
			}
		}
		switch h := field("hidden"); h {
		case "", "false":
		case "true":
			row.Hidden = true
		default:
			fail("hidden", fmt.Errorf("hidden %q is neither true nor false", h))
		}
		rows = append(rows, row)
	}
	return rows, errors.Join(errs...)
}

// ReadCSV reads a statement of form f as published: a header line naming
// the columns key and label and then columns of f, and one line for each row
// of f, in its order, with the figures as printed. Amounts may be written as
// any form format.ParseCell reads (32,200,729,071, △ 2,286,666,903, -); an
// empty cell has no figure, and so has a dash unless meta.Style prints zero
// as a dash. Amounts are in meta.Unit and are kept in yen.
// Hidden rows may be left out; columns of f that the header lacks are empty.
//
// Each line is checked against the form: its key must be the next row's
// (header rows may have no key) and its label that row's label, which
// catches figures transcribed onto the wrong line. The input may be UTF-8,
// with or without a byte order mark, or CP932. Errors are *ReadError values
// naming the line, row and column, joined when there are several; nothing
// is read past a line whose row cannot be placed.
func ReadCSV(r io.Reader, f *Form, meta Meta) (*Statement, error) {
	s, err := newStatement(f, meta)
	if err != nil {
		return nil, err
	}
	recs, err := csvio.ReadAll(r)
	if err != nil {
		return nil, &ReadError{Err: err}
	}
	if len(recs) == 0 {
		return nil, &ReadError{Line: 1, Err: errors.New("no header line")}
	}
	head := recs[0]
	if _, err := csvio.Header(head, "key", "label"); err != nil {
		return nil, &ReadError{Err: err}
	}
	colOf := make([]int, len(head.Fields)) // CSV field → form column, or -1
	for k, name := range head.Fields {
		colOf[k] = -1
		if name == "key" || name == "label" {
			continue
		}
		j, ok := s.plan.colIndex[name]
		if !ok {
			return nil, &ReadError{Line: head.Line, Column: name, Err: fmt.Errorf("%w in form %s", ErrUnknownColumn, f.name())}
		}
		colOf[k] = j
	}
	// A statement that prints zero as a dash has no other use for one.
	dashIsZero := meta.Style.Zero == format.ZeroDash || meta.Style.Zero == format.ZeroHyphen
	var errs []error
	rows := rowCursor{f: f}
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(head.Fields) {
			errs = append(errs, &ReadError{Line: rec.Line, Err: fmt.Errorf("%w: %d, where the header has %d", ErrFieldCount, len(rec.Fields), len(head.Fields))})
			continue
		}
		var key, label string
		for k, name := range head.Fields {
			switch name {
			case "key":
				key = strings.TrimSpace(rec.Fields[k])
			case "label":
				label = strings.TrimSpace(rec.Fields[k])
			}
		}
		i, err := rows.match(key)
		if err != nil {
			errs = append(errs, &ReadError{Line: rec.Line, Row: key, Err: err})
			return nil, errors.Join(errs...)
		}
		row := f.Rows[i]
		name := rowName(row.Key, row.Label)
		if label != row.Label {
			errs = append(errs, &ReadError{Line: rec.Line, Row: name, Err: fmt.Errorf("%w: %q, the form has %q", ErrLabelMismatch, label, row.Label)})
		}
		for k, j := range colOf {
			if j < 0 {
				continue
			}
			text := strings.TrimSpace(rec.Fields[k])
			col := f.Columns[j]
			if col.Kind == Text {
				s.texts[i][j] = text
				continue
			}
			if text == "" {
				continue
			}
			if row.Kind == Header {
				errs = append(errs, &ReadError{Line: rec.Line, Row: name, Column: col.Name, Err: ErrHeaderFigure})
				continue
			}
			c, err := format.ParseCell(text)
			if err != nil {
				errs = append(errs, &ReadError{Line: rec.Line, Row: name, Column: col.Name, Err: err})
				continue
			}
			switch {
			case c.Valid:
				c.Amount = meta.Unit.ToYen(c.Amount)
			case dashIsZero:
				c = format.CellOf(decimal.Zero)
			}
			s.cells[i][j] = c
		}
	}
	if err := errors.Join(append(errs, rows.missing()...)...); err != nil {
		return nil, err
	}
	return s, nil
}

// A rowCursor matches the rows a reader meets, in order, to the rows of a
// form; rows that are not printed may be left out.
type rowCursor struct {
	f    *Form
	next int // the next row to match
}

// match returns the index of the form's row with the given key, which
// must be the next one, hidden rows aside.
func (c *rowCursor) match(key string) (int, error) {
	rows := c.f.Rows
	for c.next < len(rows) && rows[c.next].Hidden && rows[c.next].Key != key {
		c.next++
	}
	if c.next >= len(rows) || rows[c.next].Key != key {
		want := "the end of the form"
		if c.next < len(rows) {
			want = fmt.Sprintf("row %q (%s)", rows[c.next].Key, rows[c.next].Label)
		}
		return 0, fmt.Errorf("%w: the form expects %s", ErrUnknownRow, want)
	}
	c.next++
	return c.next - 1, nil
}

// missing reports each printed row that the reader did not meet.
func (c *rowCursor) missing() []error {
	var errs []error
	for _, row := range c.f.Rows[c.next:] {
		if row.Kind != Header && !row.Hidden {
			errs = append(errs, &ReadError{Row: row.Key, Err: fmt.Errorf("%w: %s", ErrMissingRow, row.Label)})
		}
	}
	return errs
}
