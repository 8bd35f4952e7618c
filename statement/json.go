package statement

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/koukaikei/koukaikei/format"
)

// jsonStatement is the JSON form of a statement. It is a stable contract;
// see MarshalJSON.
type jsonStatement struct {
	Form    string    `json:"form"`
	Title   string    `json:"title"`
	Entity  string    `json:"entity"`
	Date    string    `json:"date"`
	Unit    string    `json:"unit"`
	Columns []string  `json:"columns"`
	Rows    []jsonRow `json:"rows"`
	Notes   []string  `json:"notes,omitempty"`
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
//	 "date": "（令和２年３月３１日現在）", "unit": "円", "columns": ["金額"],
//	 "rows": [{"key": "1110", "label": "現金及び預金", "code": "1110", "kind": "item",
//	           "values": ["32200729071"]}, …]}
//
// form is the form number, empty for statements without one; date is the
// date line as printed. Each printed row has its key, its label without note
// marks, the account code it is bound to (or ""), its kind (header, item or
// total) and one string for each column: an amount as its exact value in the
// statement's unit, digits with a leading - for negatives and a decimal
// point only when needed; "" for a cell with no figure; the text of a text
// column. notes, when present, are the notes printed below the table.
func (s *Statement) MarshalJSON() ([]byte, error) {
	js := jsonStatement{
		Form: s.Form.Number, Title: s.Form.Title, Entity: s.Meta.Entity, Date: s.Meta.Date,
		Unit: s.Meta.Unit.String(), Columns: columnNames(s.Form), Rows: []jsonRow{}, Notes: s.Meta.Notes,
	}
	for i, row := range s.Form.Rows {
		if !row.Hidden {
			js.Rows = append(js.Rows, jsonRow{Key: row.Key, Label: row.Label, Code: row.Account, Kind: row.Kind.String(), Values: s.values(i)})
		}
	}
	return json.Marshal(js)
}

// ReadJSON reads one statement of form f as MarshalJSON writes it. The
// form number, title, columns and rows must be f's, rows matched in order
// by key and label (hidden rows may be left out); amounts must be plain
// decimal numbers in the unit the object names. The statement's Meta is
// taken from the object, with meta's Style and Notes where it has none.
// Errors are *ReadError values naming the row and column.
func ReadJSON(r io.Reader, f *Form, meta Meta) (*Statement, error) {
	var js jsonStatement
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&js); err != nil {
		return nil, &ReadError{Err: err}
	}
	unit, err := format.ParseUnit(js.Unit)
	if err != nil {
		return nil, &ReadError{Column: "unit", Err: err}
	}
	if js.Form != f.Number || js.Title != f.Title {
		return nil, &ReadError{Err: fmt.Errorf("statement %s %s is not form %s", js.Form, js.Title, f.name())}
	}
	meta.Entity, meta.Date, meta.Unit = js.Entity, js.Date, unit
	if js.Notes != nil {
		meta.Notes = js.Notes
	}
	s, err := newStatement(f, meta)
	if err != nil {
		return nil, err
	}
	names := columnNames(f)
	if len(js.Columns) != len(names) {
		return nil, &ReadError{Column: "columns", Err: fmt.Errorf("%d columns, the form has %d", len(js.Columns), len(names))}
	}
	for j, name := range names {
		if js.Columns[j] != name {
			return nil, &ReadError{Column: js.Columns[j], Err: fmt.Errorf("%w: the form's column %d is %q", ErrUnknownColumn, j+1, name)}
		}
	}
	var errs []error
	rows := rowCursor{f: f}
	for _, jr := range js.Rows {
		i, err := rows.match(jr.Key)
		if err == nil && f.Rows[i].Label != jr.Label {
			err = fmt.Errorf("%w: label %q, the form has %q", ErrUnknownRow, jr.Label, f.Rows[i].Label)
		}
		if err != nil {
			errs = append(errs, &ReadError{Row: rowName(jr.Key, jr.Label), Err: err})
			return nil, errors.Join(errs...)
		}
		row := f.Rows[i]
		if jr.Kind != row.Kind.String() || jr.Code != row.Account {
			errs = append(errs, &ReadError{Row: rowName(jr.Key, jr.Label), Err: fmt.Errorf("kind %q and code %q, the form has %v and %q", jr.Kind, jr.Code, row.Kind, row.Account)})
		}
		if len(jr.Values) != len(names) {
			errs = append(errs, &ReadError{Row: rowName(jr.Key, jr.Label), Err: fmt.Errorf("%w: %d values for %d columns", ErrFieldCount, len(jr.Values), len(names))})
			continue
		}
		for j, col := range f.Columns {
			v := jr.Values[j]
			switch {
			case col.Kind == Text:
				s.texts[i][j] = v
			case row.Kind == Header && v != "":
				errs = append(errs, &ReadError{Row: rowName(jr.Key, jr.Label), Column: col.Name, Err: ErrHeaderFigure})
			default:
				c, err := parsePlain(v, unit)
				if err != nil {
					errs = append(errs, &ReadError{Row: rowName(jr.Key, jr.Label), Column: col.Name, Err: err})
				}
				s.cells[i][j] = c
			}
		}
	}
	if err := errors.Join(append(errs, rows.missing()...)...); err != nil {
		return nil, err
	}
	return s, nil
}
