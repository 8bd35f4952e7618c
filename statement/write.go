package statement

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/japanese"
)

// plain returns the exact value of c in unit u as digits, with a leading -
// for negatives and a decimal point only when needed; "" when c has no
// figure. It does not depend on decimal's package settings.
func plain(c format.Cell, u format.Unit) string {
	if !c.Valid {
		return ""
	}
	d := c.Amount.Shift(-u.Exp())
	if d.IsZero() {
		return "0"
	}
	neg := d.IsNegative()
	digits := d.Abs().Coefficient().String()
	exp := int(d.Exponent())
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch {
	case exp >= 0:
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", exp))
	default:
		point := len(digits) + exp
		if point <= 0 {
			b.WriteString("0.")
			b.WriteString(strings.Repeat("0", -point))
			b.WriteString(strings.TrimRight(digits, "0"))
		} else {
			b.WriteString(digits[:point])
			if frac := strings.TrimRight(digits[point:], "0"); frac != "" {
				b.WriteString("." + frac)
			}
		}
	}
	return b.String()
}

// parsePlain is the inverse of plain: it reads "" as no figure, and
// otherwise only digits with an optional leading - and an optional point
// between digits, within format.MaxDigits digits.
func parsePlain(s string, u format.Unit) (format.Cell, error) {
	if s == "" {
		return format.Cell{}, nil
	}
	digits := strings.TrimPrefix(s, "-")
	intPart, frac, hasPoint := strings.Cut(digits, ".")
	if !allDigits(intPart) || hasPoint && !allDigits(frac) {
		return format.Cell{}, &ParseError{Input: s, Reason: "not a plain decimal number", Err: ErrSyntax}
	}
	if len(intPart)+len(frac) > format.MaxDigits {
		return format.Cell{}, &ParseError{Input: s, Reason: fmt.Sprintf("more than %d digits", format.MaxDigits), Err: ErrRange}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return format.Cell{}, &ParseError{Input: s, Reason: "not a plain decimal number", Err: ErrSyntax}
	}
	return format.CellOf(u.ToYen(d)), nil
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// values returns the cells of row i as plain strings, texts as they are.
func (s *Statement) values(i int) []string {
	return s.appendValues(make([]string, 0, len(s.t.form.Columns)), i)
}

// appendValues appends the values of row i to vals. The figures are
// written into one string and sliced.
func (s *Statement) appendValues(vals []string, i int) []string {
	var buf [256]byte
	digits := buf[:0]
	var ends [16]int
	end := ends[:0]
	for j, col := range s.t.form.Columns {
		if col.Kind != Text {
			digits = s.at(i, j).appendPlain(digits, s.meta.Unit)
		}
		end = append(end, len(digits))
	}
	figures := string(digits)
	from := 0
	for j, col := range s.t.form.Columns {
		if col.Kind == Text {
			vals = append(vals, s.text(i, j))
		} else {
			vals = append(vals, figures[from:end[j]])
		}
		from = end[j]
	}
	return vals
}

// An Encoding is a character encoding for CSV output. The zero value is
// UTF8.
type Encoding int

// Encodings.
const (
	UTF8  Encoding = iota // UTF-8, with a byte order mark unless CSVOptions.NoBOM
	CP932                 // Shift_JIS as Windows extends it, for spreadsheet programs in Japan
)

// CSVOptions says how WriteCSV writes. The zero value writes UTF-8 with a
// byte order mark and CRLF line ends, which spreadsheet programs in Japan
// open correctly.
type CSVOptions struct {
	Encoding Encoding // defaults to UTF8
	NoBOM    bool     // omit the UTF-8 byte order mark; defaults to false
	LF       bool     // end lines with LF, not CRLF; defaults to false
}

// cp932Map holds the characters that CP932 has under another code point:
// the Unicode minus, wave dash and the like that Japanese text carries from
// other systems. Anything else it cannot encode is an EncodeError.
var cp932Map = strings.NewReplacer(
	"\u2212", "\uFF0D", // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
	"\u301C", "\uFF5E", // 〜 WAVE DASH → ～ FULLWIDTH TILDE
	"\u2016", "\u2225", // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
	"\u00A2", "\uFFE0", // ¢ → ￠
	"\u00A3", "\uFFE1", // £ → ￡
	"\u00AC", "\uFFE2", // ¬ → ￢
	"\u00A5", "\\", // ¥ → the byte 0x5C, which CP932 shows as ¥
)

// WriteCSV writes s as CSV: a header line key,label and the column names,
// then one line for each row that is printed, with amounts as exact numbers
// in the statement's unit (as JSON has them) and texts as they are.
// ReadCSV reads it back.
//
// With the CP932 encoding, characters that CP932 has under another code
// point (−, 〜, ¥, …) are mapped to it, and any other character it lacks,
// such as 𠮷, is a problem wrapping ErrEncoding, as are text that is not
// valid UTF-8 and a carriage return in a label or text, which CSV cannot
// carry through CRLF line ends: the
// *Error names every such row and column, and nothing is written.
func (s *Statement) WriteCSV(w io.Writer, opt CSVOptions) error {
	s = s.ready()
	ps := problems{source: s.t.form.name()}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = !opt.LF
	records := make([][]string, 1, len(s.t.form.Rows)+1)
	records[0] = append([]string{"key", "label"}, columnNames(&s.t.form)...)
	width := 2 + len(s.t.form.Columns)
	fields := make([]string, 0, len(s.t.form.Rows)*width) // every record's, in one array
	for i, row := range s.t.form.Rows {
		if !row.Hidden {
			start := len(fields)
			fields = s.appendValues(append(fields, row.Key, row.Label), i)
			records = append(records, fields[start:len(fields):len(fields)])
		}
	}
	enc := japanese.ShiftJIS.NewEncoder()
	for _, rec := range records {
		for k, field := range rec {
			bad := func(format string, args ...any) {
				ps.addf(0, rowName(rec[0], rec[1]), records[0][k], ErrEncoding, format, args...)
			}
			if strings.ContainsRune(field, '\r') {
				bad("a carriage return, which CSV does not keep")
			}
			if !utf8.ValidString(field) {
				bad("text that is not valid UTF-8")
				continue
			}
			if opt.Encoding != CP932 {
				continue
			}
			rec[k] = cp932Map.Replace(field)
			for _, r := range rec[k] {
				if _, err := enc.String(string(r)); err != nil {
					bad("%q (%U) cannot be written in CP932", r, r)
				}
			}
		}
	}
	if err := ps.err(); err != nil {
		return err
	}
	if opt.Encoding != CP932 && !opt.NoBOM {
		buf.WriteString("\uFEFF")
	}
	if err := cw.WriteAll(records); err != nil {
		return err
	}
	out := buf.Bytes()
	if opt.Encoding == CP932 {
		var err error
		if out, err = japanese.ShiftJIS.NewEncoder().Bytes(out); err != nil {
			return err // cannot happen: every field was checked
		}
	}
	_, err := w.Write(out)
	return err
}

func rowName(key, label string) string {
	if key != "" {
		return key
	}
	return label
}

func columnNames(f *Form) []string {
	names := make([]string, len(f.Columns))
	for j, c := range f.Columns {
		names[j] = c.Name
	}
	return names
}
