package account

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/internal/csvio"
)

// ReadCSV reads a chart from CSV: a header line naming the columns code,
// name, category and parent, and optionally english, in any order; then one
// account a line. Categories are named in Japanese (資産) or English (asset).
// The input may be UTF-8, with or without a byte order mark, or CP932.
//
// Every defect is reported at once, with its line, in a *ChartError;
// malformed CSV is reported as the *csv.ParseError of encoding/csv.
func ReadCSV(r io.Reader) (*Chart, error) {
	recs, err := csvio.ReadAll(r, 0)
	if err != nil {
		return nil, fmt.Errorf("account: %w", err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("account: empty CSV: no header line")
	}
	head := recs[0]
	cols, err := csvio.Header(head, "code", "name", "category", "parent")
	if err != nil {
		return nil, fmt.Errorf("account: %w", err)
	}
	field := func(rec csvio.Record, name string) string {
		if i, ok := cols[name]; ok {
			return strings.TrimSpace(rec.Fields[i])
		}
		return ""
	}
	var (
		accounts []Account
		src      []source
		defects  []Defect
	)
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(head.Fields) {
			defects = append(defects, Defect{Line: rec.Line,
				Err: fmt.Errorf("%w: %d, where the header has %d", ErrFieldCount, len(rec.Fields), len(head.Fields))})
			continue
		}
		a := Account{
			Code:    field(rec, "code"),
			Name:    field(rec, "name"),
			English: field(rec, "english"),
			Parent:  field(rec, "parent"),
		}
		a.Category, _ = ParseCategory(field(rec, "category")) // an unknown one is reported by newChart
		accounts = append(accounts, a)
		src = append(src, source{line: rec.Line, category: field(rec, "category")})
	}
	return newChart(accounts, src, defects)
}

// jsonAccount is the JSON form of an Account.
type jsonAccount struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	English  string `json:"english,omitempty"`
	Category string `json:"category"`
	Parent   string `json:"parent,omitempty"`
}

// ReadJSON reads a chart from a JSON array of objects with the members
// code, name, category, parent and optionally english:
//
//	[{"code": "1110", "name": "現金及び預金", "category": "資産", "parent": "1100"}]
//
// Every defect is reported at once, with the line its object starts on, in
// a *ChartError; malformed JSON is reported with its line.
func ReadJSON(r io.Reader) (*Chart, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("account: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	dec := json.NewDecoder(bytes.NewReader(data))
	lineAt := func() int {
		// The decoder's offset may stand before the comma and white space
		// that precede the next object.
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		return 1 + bytes.Count(data[:off], []byte("\n"))
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, fmt.Errorf("account: line %d: a JSON chart is an array of accounts", lineAt())
	}
	var (
		accounts []Account
		src      []source
	)
	for dec.More() {
		line := lineAt()
		var ja jsonAccount
		if err := dec.Decode(&ja); err != nil {
			return nil, fmt.Errorf("account: line %d: %w", line, err)
		}
		a := Account{Code: ja.Code, Name: ja.Name, English: ja.English, Parent: ja.Parent}
		a.Category, _ = ParseCategory(ja.Category) // an unknown one is reported by newChart
		accounts = append(accounts, a)
		src = append(src, source{line: line, category: ja.Category})
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("account: line %d: %w", lineAt(), err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("account: line %d: text after the array", lineAt())
	}
	return newChart(accounts, src, nil)
}
