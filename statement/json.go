package statement

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// jsonStatement is the JSON form of a statement. It is a stable contract;
// see MarshalJSON.
type jsonStatement struct {
	Form   string      `json:"form"`
	Title  string      `json:"title"`
	Entity string      `json:"entity"`
	Date   string      `json:"date"`
	AsOf   *era.Date   `json:"asOf,omitempty"`
	Period *jsonPeriod `json:"period,omitempty"`
	Unit   string      `json:"unit"`
	// Rounding is omitted for 四捨五入, the default, so that the objects
	// of statements that round so keep their form.
	Rounding string    `json:"rounding,omitempty"`
	Columns  []string  `json:"columns"`
	Rows     []jsonRow `json:"rows"`
	Notes    []string  `json:"notes,omitempty"`
}

type jsonPeriod struct {
	Start era.Date `json:"start"`
	End   era.Date `json:"end"`
}

type jsonRow struct {
	Key    string   `json:"key"`
	Label  string   `json:"label"`
	Code   string   `json:"code"`
	Kind   string   `json:"kind"`
	Values []string `json:"values"`
}

// MarshalJSON returns s as a JSON object, in a form other programs may rely
// on:
//
//	{"form": "様式第8号", "title": "貸借対照表", "entity": "地方公共団体情報システム機構",
//	 "date": "（令和２年３月３１日現在）", "asOf": "2020-03-31", "unit": "円", "columns": ["金額"],
//	 "rows": [{"key": "1110", "label": "現金及び預金", "code": "1110", "kind": "item",
//	           "values": ["32200729071"]}, …]}
//
// form is the form number, empty for statements without one; date is the
// date line as printed; asOf, for a statement of balances, is the day it
// stands on, and period, for one of flows, {"start": …, "end": …}, the days
// it covers, as ISO dates; neither is there for a statement without. Each printed row has its key, its label without note
// marks, the account code it is bound to (or ""), its kind (header, item or
// total) and one string for each column: an amount as its exact value in the
// statement's unit, digits with a leading - for negatives and a decimal
// point only when needed; "" for a cell with no figure; the text of a text
// column. notes, when present, are the notes printed below the table.
// rounding, present unless it is 四捨五入, names how the figures were
// rounded to the unit (Meta.Rounding): 切り捨て, 切り上げ or 偶数丸め.
// Text that is not valid UTF-8, which JSON cannot carry unchanged, is an
// *Error wrapping ErrEncoding.
func (s *Statement) MarshalJSON() ([]byte, error) {
	s = s.ready()
	js := jsonStatement{
		Form: s.t.form.Number, Title: s.t.form.Title, Entity: s.meta.Entity, Date: s.meta.DateLine(),
		Unit: s.meta.Unit.String(), Columns: columnNames(&s.t.form), Rows: []jsonRow{}, Notes: s.meta.Notes,
	}
	if s.meta.Rounding != format.HalfUp {
		js.Rounding = s.meta.Rounding.String()
	}
	switch m := s.meta; {
	case m.AsOf != era.Date{}:
		js.AsOf = &m.AsOf
	case m.Period != era.Period{}:
		js.Period = &jsonPeriod{m.Period.Start, m.Period.End}
	}
	ps := problems{source: s.t.form.name()}
	check := func(row, column, text string) {
		if !utf8.ValidString(text) {
			ps.addf(0, row, column, ErrEncoding, "text that is not valid UTF-8, which JSON would alter")
		}
	}
	for _, m := range append([]string{js.Form, js.Title, js.Entity, js.Date}, js.Notes...) {
		check("", "", m)
	}
	for i, row := range s.t.form.Rows {
		if row.Hidden {
			continue
		}
		jr := jsonRow{Key: row.Key, Label: row.Label, Code: row.Account, Kind: row.Kind.String(), Values: s.values(i)}
		for j, v := range append([]string{jr.Key, jr.Label, jr.Code}, jr.Values...) {
			check(rowRef(i, row), append([]string{"key", "label", "code"}, js.Columns...)[j], v)
		}
		js.Rows = append(js.Rows, jr)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return json.Marshal(js)
}

// ReadJSON compiles form f and reads a statement of it with
// Template.ReadJSON.
func ReadJSON(r io.Reader, f *Form, opt ReadOptions) (*Statement, error) {
	t, err := Compile(f)
	if err != nil {
		return nil, err
	}
	return t.ReadJSON(r, opt)
}

// ReadJSON reads one statement of t as MarshalJSON writes it, and nothing
// after it; a UTF-8 byte order mark before it is skipped. The form number,
// title, columns and rows must be t's, rows matched in order by key and
// label (hidden rows may be left out, and are computed); members the
// contract does not have are errors; amounts must be plain decimal numbers
// (digits, a leading - for negatives, a point only before further digits)
// in the unit the object names. The statement's Meta is taken from the
// object, with opt.Meta's Style and Notes where it has none: its Rounding
// from rounding (四捨五入 where it is absent), its AsOf or
// Period from asOf or period, or else read from the date line. Errors are an
// *Error naming the row and column.
func (t *Template) ReadJSON(r io.Reader, opt ReadOptions) (*Statement, error) {
	ps := problems{source: opt.Source}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, readError(opt.Source, err)
	}
	js, ok := decodeStatement(data, &ps)
	if !ok {
		return nil, ps.err()
	}
	meta, ok := t.jsonMeta(js, opt.Meta, &ps)
	if !ok {
		return nil, ps.err()
	}
	s := newStatement(t, meta)
	if !s.jsonRows(js.Rows, &ps) {
		return nil, ps.err()
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	s.computeHidden()
	return s, nil
}

// decodeStatement decodes data, after a UTF-8 byte order mark, as one
// statement object and nothing after it, and reports whether it could.
func decodeStatement(data []byte, ps *problems) (*jsonStatement, bool) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var js jsonStatement
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&js); err != nil {
		ps.addf(0, "", "", ErrSyntax, "%v", err)
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		ps.addf(0, "", "", ErrSyntax, "data after the statement")
		return nil, false
	}
	return &js, true
}

// jsonMeta checks that js is a statement of t, of its form and columns,
// and returns its Meta, with meta's Style and Notes where it has none; it
// reports whether js is one.
func (t *Template) jsonMeta(js *jsonStatement, meta Meta, ps *problems) (Meta, bool) {
	unit, err := format.ParseUnit(js.Unit)
	if err != nil {
		ps.add(0, "", "unit", err)
		return meta, false
	}
	rounding, ok := parseRounding(js.Rounding)
	if !ok {
		ps.addf(0, "", "rounding", ErrSyntax, "rounding %s is not 四捨五入, 切り捨て, 切り上げ or 偶数丸め", quote.Bounded(js.Rounding))
		return meta, false
	}
	f := &t.form
	if js.Form != f.Number || js.Title != f.Title {
		ps.addf(0, "", "", ErrMismatch, "statement %s is not form %s", quote.Bounded(strings.TrimSpace(js.Form+" "+js.Title)), f.name())
		return meta, false
	}
	meta.Entity, meta.Unit, meta.Rounding = js.Entity, unit, rounding
	meta.AsOf, meta.Period = era.Date{}, era.Period{}
	switch {
	case js.AsOf != nil:
		meta.AsOf = *js.AsOf
	case js.Period != nil:
		meta.Period = era.Period{Start: js.Period.Start, End: js.Period.End}
	case js.Date != "":
		if m, err := meta.WithDateLine(js.Date); err == nil {
			meta = m
		}
	}
	meta.keepDateLine(js.Date)
	if js.Notes != nil {
		meta.Notes = js.Notes
	}
	names := columnNames(f)
	if len(js.Columns) != len(names) {
		ps.addf(0, "", "columns", ErrMismatch, "%d columns, the form has %d", len(js.Columns), len(names))
		return meta, false
	}
	for j, name := range names {
		if js.Columns[j] != name {
			ps.addf(0, "", js.Columns[j], ErrMismatch, "the form's column %d is %q", j+1, name)
			return meta, false
		}
	}
	return meta, true
}

// jsonRows reads the rows of a statement object into s, matched in order
// to the rows of its form, adding a problem for each that does not match
// or has a value it cannot read. It reports false when a row is not the
// form's next, after which the others are not read.
func (s *Statement) jsonRows(rows []jsonRow, ps *problems) bool {
	f := &s.t.form
	ncol := len(f.Columns)
	cursor := rowCursor{t: s.t}
	for _, jr := range rows {
		i, err := cursor.byKey(jr.Key)
		at := rowName(jr.Key, jr.Label)
		if err == nil && f.Rows[i].Label != jr.Label {
			err = fmt.Errorf("%w: label %s, the form has %s", ErrMismatch, quote.Bounded(jr.Label), quote.Bounded(f.Rows[i].Label))
		}
		if err != nil {
			ps.add(0, at, "", err)
			return false
		}
		row := f.Rows[i]
		if jr.Kind != row.Kind.String() || jr.Code != row.Account {
			ps.addf(0, at, "", ErrMismatch, "kind %s and code %s, the form has %v and %q", quote.Bounded(jr.Kind), quote.Bounded(jr.Code), row.Kind, row.Account)
		}
		if len(jr.Values) != ncol {
			ps.addf(0, at, "", ErrMismatch, "%d values for %d columns", len(jr.Values), ncol)
			continue
		}
		for j, col := range f.Columns {
			v := jr.Values[j]
			switch {
			case col.Kind == Text:
				s.texts[i*ncol+j] = v
			case row.Kind == Header && v != "":
				ps.addf(0, at, col.Name, ErrMismatch, "a figure on a header row")
			default:
				c, err := parsePlain(v, s.meta.Unit)
				if err != nil {
					ps.add(0, at, col.Name, err)
				}
				s.cells[i*ncol+j] = amountOf(c)
			}
		}
	}
	cursor.missing(ps)
	return true
}

// parseRounding reads a rounding by its name; "" is 四捨五入.
func parseRounding(s string) (format.Rounding, bool) {
	if s == "" {
		return format.HalfUp, true
	}
	for r := format.HalfUp; r <= format.HalfEven; r++ {
		if r.String() == s {
			return r, true
		}
	}
	return 0, false
}
