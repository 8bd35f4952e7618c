package account

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// The columns of a CSV chart.
var (
	requiredColumns = []string{"code", "name", "category", "parent"}
	optionalColumns = []string{"english", "contra"}
)

// ReadCSV reads a chart from CSV: a header line naming the columns code,
// name, category and parent, and optionally english and contra, in any
// order; then one account a line. Categories are named in Japanese (資産)
// or English (asset). Contra is true for a contra account (評価勘定), false
// or empty otherwise. The input may be UTF-8, with or without a byte order
// mark, or CP932 as a whole.
//
// Every problem is reported at once, with its line, in an *Error naming
// source (the file read; it may be empty).
func ReadCSV(r io.Reader, source string) (*Chart, error) {
	fail := func(p Problem) error { return &Error{Source: source, Problems: []Problem{p}} }
	recs, err := csvio.ReadAll(r, 0)
	if err != nil {
		return nil, fail(csvProblem(err))
	}
	if len(recs) == 0 {
		return nil, fail(Problem{Line: 1, Err: fmt.Errorf("%w header line", ErrMissing)})
	}
	head := recs[0]
	cols, bad := csvio.Header(head, requiredColumns, optionalColumns)
	if len(bad) > 0 {
		problems := make([]Problem, len(bad))
		for i, e := range bad {
			problems[i] = csvProblem(e)
		}
		return nil, &Error{Source: source, Problems: problems}
	}
	field := func(rec csvio.Record, name string) string {
		if i, ok := cols[name]; ok {
			return strings.TrimSpace(rec.Fields[i])
		}
		return ""
	}
	var (
		accounts []Account
		src      []place
		problems []Problem
	)
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(head.Fields) {
			problems = append(problems, Problem{Line: rec.Line,
				Err: fmt.Errorf("%w: %d fields, where the header has %d", ErrSyntax, len(rec.Fields), len(head.Fields))})
			continue
		}
		a := Account{
			Code:    field(rec, "code"),
			Name:    field(rec, "name"),
			English: field(rec, "english"),
			Parent:  field(rec, "parent"),
		}
		switch v := field(rec, "contra"); v {
		case "", "false":
		case "true":
			a.Contra = true
		default:
			problems = append(problems, Problem{Line: rec.Line, Row: a.Code, Column: "contra",
				Err: fmt.Errorf("%w: %s is neither true nor false", ErrSyntax, quote.Bounded(v))})
		}
		a.Category, _ = ParseCategory(field(rec, "category")) // an unknown one is reported by newChart
		accounts = append(accounts, a)
		src = append(src, place{line: rec.Line, category: field(rec, "category")})
	}
	return newChart(source, accounts, src, problems)
}

// csvProblem returns the problem that an error of csvio reports; any
// other error is one of reading.
func csvProblem(err error) Problem {
	line, column, cause := csvio.Place(err)
	return Problem{Line: line, Column: column, Err: cause}
}

// ReadJSON reads a chart from a JSON array of objects with the members
// code, name, category and parent, and optionally english and contra (a
// boolean):
//
//	[{"code": "1110", "name": "現金及び預金", "category": "資産", "parent": "1100"}]
//
// The input is UTF-8, with or without a byte order mark. Unknown members,
// members given twice in an object and text after the array are problems.
// Every problem is reported at once, with its line, in an *Error naming
// source (the file read; it may be empty); malformed JSON stops the
// reading.
func ReadJSON(r io.Reader, source string) (*Chart, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{Source: source, Problems: []Problem{{Err: err}}}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	jr := jsonReader{dec: json.NewDecoder(bytes.NewReader(data)), data: data, line: 1}
	accounts, src, err := jr.read()
	if err != nil {
		jr.problems = append(jr.problems, Problem{Line: jr.lineAt(), Err: err})
		return nil, &Error{Source: source, Problems: jr.problems}
	}
	return newChart(source, accounts, src, jr.problems)
}

// A jsonReader reads a JSON chart, counting lines as it goes.
type jsonReader struct {
	dec      *json.Decoder
	data     []byte
	off      int // offset up to which lines are counted
	line     int // line at off
	problems []Problem
}

// lineAt returns the line at which the decoder stands, past the comma and
// white space that may precede the next value. Each call counts only from
// the previous one, since the decoder only moves forward.
func (jr *jsonReader) lineAt() int {
	off := int(jr.dec.InputOffset())
	for off < len(jr.data) && strings.IndexByte(" \t\r\n,", jr.data[off]) >= 0 {
		off++
	}
	if off > jr.off {
		jr.line += bytes.Count(jr.data[jr.off:off], []byte("\n"))
		jr.off = off
	}
	return jr.line
}

// read reads the array of accounts; an error is malformed JSON at lineAt.
func (jr *jsonReader) read() ([]Account, []place, error) {
	// encoding/json would turn bytes that are not UTF-8 into U+FFFD.
	if i := csvio.InvalidUTF8(jr.data); i >= 0 {
		jr.off, jr.line = i, 1+bytes.Count(jr.data[:i], []byte("\n"))
		return nil, nil, fmt.Errorf("%w: a byte that is not UTF-8", ErrEncoding)
	}
	if tok, err := jr.dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, nil, fmt.Errorf("%w: JSON: a chart is an array of accounts", ErrSyntax)
	}
	var (
		accounts []Account
		src      []place
	)
	for jr.dec.More() {
		line := jr.lineAt()
		a, category, err := jr.account(line)
		if err != nil {
			return nil, nil, err
		}
		a.Category, _ = ParseCategory(category) // an unknown one is reported by newChart
		accounts = append(accounts, a)
		src = append(src, place{line: line, category: category})
	}
	if _, err := jr.dec.Token(); err != nil {
		return nil, nil, fmt.Errorf("%w: JSON: %w", ErrSyntax, err)
	}
	if _, err := jr.dec.Token(); err != io.EOF {
		return nil, nil, fmt.Errorf("%w: JSON: text after the array", ErrSyntax)
	}
	return accounts, src, nil
}

// account reads one object of the array, which starts on the given line,
// and returns it with its category as written.
func (jr *jsonReader) account(line int) (Account, string, error) {
	var (
		a        Account
		category string
		seen     = map[string]bool{}
	)
	if tok, err := jr.dec.Token(); err != nil || tok != json.Delim('{') {
		return a, "", fmt.Errorf("%w: JSON: an account is an object", ErrSyntax)
	}
	for jr.dec.More() {
		at := jr.lineAt()
		tok, err := jr.dec.Token()
		if err != nil {
			return a, "", fmt.Errorf("%w: JSON: %w", ErrSyntax, err)
		}
		key := tok.(string) // the decoder allows only strings before a colon
		var dst any
		switch key {
		case "code":
			dst = &a.Code
		case "name":
			dst = &a.Name
		case "english":
			dst = &a.English
		case "category":
			dst = &category
		case "parent":
			dst = &a.Parent
		case "contra":
			dst = &a.Contra
		default:
			jr.problems = append(jr.problems, Problem{Line: at, Column: key, Err: fmt.Errorf("%w member", ErrUnknown)})
			dst = new(json.RawMessage)
		}
		if seen[key] {
			jr.problems = append(jr.problems, Problem{Line: at, Column: key, Err: fmt.Errorf("%w member", ErrDuplicate)})
		}
		seen[key] = true
		if err := jr.dec.Decode(dst); err != nil {
			return a, "", fmt.Errorf("%w: JSON: member %s: %w", ErrSyntax, quote.Bounded(key), err)
		}
	}
	if _, err := jr.dec.Token(); err != nil {
		return a, "", fmt.Errorf("%w: JSON: %w", ErrSyntax, err)
	}
	return a, category, nil
}
