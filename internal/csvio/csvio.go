// Package csvio reads the CSV files that finance staff exchange: UTF-8 with
// or without a byte order mark, or Shift_JIS (CP932) as spreadsheet programs
// in Japan write it.
package csvio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// ErrEncoding means the input is neither UTF-8 nor CP932.
var ErrEncoding = errors.New("neither UTF-8 nor CP932")

// Decode returns data as UTF-8 text: without a UTF-8 byte order mark
// (encoding/csv would keep it in the first field), or converted from CP932
// when data is not valid UTF-8.
func Decode(data []byte) ([]byte, error) {
	if b, ok := bytes.CutPrefix(data, []byte("\uFEFF")); ok {
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("%w: a UTF-8 byte order mark before text that is not UTF-8", ErrEncoding)
		}
		return b, nil
	}
	if utf8.Valid(data) {
		return data, nil
	}
	out, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	// The decoder maps bytes that are not CP932 to U+FFFD instead of
	// failing; such text was in neither encoding.
	if bytes.ContainsRune(out, utf8.RuneError) {
		return nil, ErrEncoding
	}
	return out, nil
}

// A Record is one CSV record and the line it starts on.
type Record struct {
	Line   int
	Fields []string
}

// ReadAll reads every record of r, decoded as Decode does, with fields
// separated by comma (',' when comma is 0). Records may have any number of
// fields: callers report wrong counts with the line.
func ReadAll(r io.Reader, comma rune) ([]Record, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	text, err := Decode(data)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.FieldsPerRecord = -1
	if comma != 0 {
		cr.Comma = comma
	}
	var recs []Record
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			return nil, err // a *csv.ParseError, with its line and column
		}
		line, _ := cr.FieldPos(0)
		recs = append(recs, Record{Line: line, Fields: fields})
	}
}

// Header maps the names of a header record to their field index, and
// reports the first required name that is missing.
func Header(rec Record, required ...string) (map[string]int, error) {
	cols := make(map[string]int, len(rec.Fields))
	for i, name := range rec.Fields {
		if _, dup := cols[name]; dup {
			return nil, fmt.Errorf("line %d: column %q twice in the header", rec.Line, name)
		}
		cols[name] = i
	}
	for _, name := range required {
		if _, ok := cols[name]; !ok {
			return nil, fmt.Errorf("line %d: header has no column %q", rec.Line, name)
		}
	}
	return cols, nil
}
