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
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/internal/errs"
	"golang.org/x/text/encoding/japanese"
)

// An Error is a problem at a line of the input: text in neither encoding
// (wrapping errs.ErrEncoding), a malformed record (wrapping errs.ErrSyntax and
// the *csv.ParseError of encoding/csv), or a header column that is
// unknown, repeated or missing (wrapping errs.ErrUnknown, errs.ErrDuplicate or
// errs.ErrMissing, with the Column). Packages report it with their own error
// type, passing its Err on: its conditions are theirs.
type Error struct {
	Line   int    // 1-based line of the input
	Column string // the header column concerned, if any
	Err    error
}

// Error returns the problem with its line and column.
func (e *Error) Error() string {
	if e.Column != "" {
		return fmt.Sprintf("line %d: column %q: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

// Unwrap returns the problem's cause.
func (e *Error) Unwrap() error { return e.Err }

// Decode returns data as UTF-8 text: without a UTF-8 byte order mark
// (encoding/csv would keep it in the first field), or converted from CP932
// when data is CP932 as a whole.
//
// Data that is not valid UTF-8 is taken as CP932 only when it decodes as
// CP932 everywhere and its bytes that are not UTF-8 outnumber its
// multi-byte UTF-8 characters: Japanese text in CP932 is mostly not UTF-8,
// while UTF-8 text with a stray byte is mostly UTF-8. Otherwise Decode
// returns an *Error wrapping errs.ErrEncoding at the line of the first bad
// byte.
func Decode(data []byte) ([]byte, error) {
	if b, ok := bytes.CutPrefix(data, []byte("\uFEFF")); ok {
		if i := InvalidUTF8(b); i >= 0 {
			return nil, encodingError(b, i, "a UTF-8 byte order mark before text that is not UTF-8")
		}
		return b, nil
	}
	first := InvalidUTF8(data)
	if first < 0 {
		return data, nil
	}
	if bad, runes := utf8Counts(data); bad <= runes {
		return nil, encodingError(data, first, "a byte that is not UTF-8 in UTF-8 text")
	}
	out, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err != nil {
		return nil, &Error{Line: 1, Err: fmt.Errorf("%w: not CP932: %v", errs.ErrEncoding, err)}
	}
	// The decoder maps bytes that are not CP932 to U+FFFD instead of
	// failing; such text was in neither encoding. CP932 has no U+FFFD of
	// its own.
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		return nil, encodingError(out, i, "a byte that is neither UTF-8 nor CP932")
	}
	return out, nil
}

// InvalidUTF8 returns the offset of the first byte of b that is not part of
// valid UTF-8, or -1.
func InvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// utf8Counts returns the number of bytes of b that are not part of valid
// UTF-8, and the number of valid multi-byte characters.
func utf8Counts(b []byte) (bad, runes int) {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			runes++
		}
		i += n
	}
	return bad, runes
}

// encodingError reports an encoding problem at offset i of text.
func encodingError(text []byte, i int, what string) *Error {
	return &Error{Line: 1 + bytes.Count(text[:i], []byte("\n")), Err: fmt.Errorf("%w: %s", errs.ErrEncoding, what)}
}

// A Record is one CSV record and the line it starts on.
type Record struct {
	Line   int
	Fields []string
}

// Sniff is the comma of ReadAll that separates fields by tabs when the
// first line that has a comma or a tab has a tab, and by commas otherwise:
// a table copied out of a spreadsheet is tab-separated.
const Sniff rune = -1

// ReadAll reads every record of r, decoded as Decode does, with fields
// separated by comma (',' when comma is 0; see Sniff). Records may have
// any number of fields: callers report wrong counts with the line. Errors
// of the input are *Error values; those of r are returned as they are.
func ReadAll(r io.Reader, comma rune) ([]Record, error) {
	data, err := Read(r)
	if err != nil {
		return nil, err
	}
	return Records(data, comma)
}

// Records returns the records of data, as ReadAll reads them from a
// reader.
func Records(data []byte, comma rune) ([]Record, error) {
	text, err := Decode(data)
	if err != nil {
		return nil, err
	}
	if comma == Sniff {
		comma = sniff(text)
	}
	if comma == 0 || comma == ',' || comma == '\t' {
		if recs, ok := splitAll(text, comma); ok {
			return recs, nil
		}
	}
	return readCSV(text, comma)
}

// sniff returns the separator that Sniff stands for in text.
func sniff(text []byte) rune {
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		switch {
		case bytes.IndexByte(line, '\t') >= 0:
			return '\t'
		case bytes.IndexByte(line, ',') >= 0:
			return ','
		}
	}
	return ','
}

// Read is io.ReadAll, reading a reader that knows its length (such as a
// *bytes.Reader) into one buffer of that length.
func Read(r io.Reader) ([]byte, error) { return AppendRead(nil, r) }

// AppendRead is Read appending to dst, which it grows only where the
// reader's length, or what it reads, needs more room.
func AppendRead(dst []byte, r io.Reader) ([]byte, error) {
	size := 512
	if l, ok := r.(interface{ Len() int }); ok && l.Len() >= 0 {
		size = l.Len() + 1 // room for the read that meets the end
	}
	b := slices.Grow(dst, size)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grow
		}
	}
}

// ReadText is Read into a string, in one copy: readers that cut their
// fields from a string of Read's bytes would copy them once more.
func ReadText(r io.Reader) (string, error) {
	var b strings.Builder
	if l, ok := r.(interface{ Len() int }); ok && l.Len() > 0 {
		b.Grow(l.Len())
	}
	_, err := io.Copy(&b, r)
	return b.String(), err
}

// splitAll reads text as encoding/csv does when its only quotes enclose
// whole fields that hold no quote and no line end, such as the printed
// figure "2,074,264,992": each line split at every comma outside quotes,
// the quotes dropped, a \r before its \n or at the end dropped, empty
// lines skipped. Such text has no malformed record. For any other quote it
// reports false, and encoding/csv reads the text.
func splitAll(text []byte, comma rune) ([]Record, bool) {
	sep := byte(',')
	if comma != 0 {
		sep = byte(comma)
	}
	all := string(text) // the fields are cut from one string
	recs := make([]Record, 0, strings.Count(all, "\n")+1)
	store := make([]string, 0, strings.Count(all, string(sep))+cap(recs))
	for line := 1; len(all) > 0; line++ {
		var l string
		if l, all = CutLine(all); l == "" {
			continue
		}
		start := len(store)
		var ok bool
		if store, ok = SplitLine(store, l, sep); !ok {
			return nil, false
		}
		recs = append(recs, Record{Line: line, Fields: store[start:len(store):len(store)]})
	}
	return recs, true
}

// CutLine cuts text at its first line end, and returns the line, without
// the \n and a \r before it (or a \r at the end of text), and the text
// after it.
func CutLine(text string) (line, rest string) {
	line = text
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		line, rest = text[:i], text[i+1:]
	}
	return strings.TrimSuffix(line, "\r"), rest
}

// SplitLine appends the fields of line, separated by sep, to fields, as
// splitAll reads them: a field is quoted whole, up to the next quote,
// which must end it, or not at all, and holds no quote. It reports false
// for any other quote, and fields may then hold some of line's fields.
func SplitLine(fields []string, line string, sep byte) ([]string, bool) {
	start := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case sep:
			fields = append(fields, line[start:i])
			start = i + 1
		case '"':
			if i != start {
				return fields, false // a quote inside a field
			}
			j := strings.IndexByte(line[i+1:], '"') + i + 1
			if j == i || j+1 < len(line) && line[j+1] != sep {
				return fields, false
			}
			fields = append(fields, line[i+1:j])
			if j+1 == len(line) {
				return fields, true
			}
			i, start = j+1, j+2
		}
	}
	return append(fields, line[start:]), true
}

// readCSV reads text with encoding/csv.
func readCSV(text []byte, comma rune) ([]Record, error) {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.FieldsPerRecord = -1
	if comma != 0 {
		cr.Comma = comma
	}
	cr.ReuseRecord = true
	recs := make([]Record, 0, bytes.Count(text, []byte("\n"))+1)
	var store []string // room for the fields of the records to come
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			line := 0
			if pe, ok := err.(*csv.ParseError); ok {
				line = pe.Line
			}
			return nil, &Error{Line: line, Err: fmt.Errorf("%w: %w", errs.ErrSyntax, err)}
		}
		line, _ := cr.FieldPos(0)
		if len(store) < len(fields) {
			store = make([]string, max(256, 32*len(fields)))
		}
		// The record's own slice, full to its capacity so that appending
		// to it never writes over the next record's fields.
		rec := store[:len(fields):len(fields)]
		copy(rec, fields)
		store = store[len(fields):]
		recs = append(recs, Record{Line: line, Fields: rec})
	}
}

// Header maps the names of a header record to their field index. Every
// required name must be present; every name must be required or optional,
// and given once. Each problem is an *Error with the column.
func Header(rec Record, required, optional []string) (map[string]int, []*Error) {
	var problems []*Error
	cols := make(map[string]int, len(rec.Fields))
	for i, name := range rec.Fields {
		switch _, dup := cols[name]; {
		case dup:
			problems = append(problems, &Error{Line: rec.Line, Column: name, Err: fmt.Errorf("%w column", errs.ErrDuplicate)})
		case !slices.Contains(required, name) && !slices.Contains(optional, name):
			problems = append(problems, &Error{Line: rec.Line, Column: name,
				Err: fmt.Errorf("%w column: the columns are %s", errs.ErrUnknown, strings.Join(slices.Concat(required, optional), ", "))})
		default:
			cols[name] = i
		}
	}
	for _, name := range required {
		if _, ok := cols[name]; !ok {
			problems = append(problems, &Error{Line: rec.Line, Column: name, Err: fmt.Errorf("%w column", errs.ErrMissing)})
		}
	}
	return cols, problems
}

// Place returns the line and column that err, an error of ReadAll, names,
// and its cause. An error that is not an *Error, one of the reader itself,
// is returned as it is, at line 0.
func Place(err error) (line int, column string, cause error) {
	var ce *Error
	if !errors.As(err, &ce) {
		return 0, "", err
	}
	return ce.Line, ce.Column, ce.Err
}
