package statement

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/digits"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/japanese"
)

// rowColumns are the columns of the row CSV format, the first three
// required.
var rowColumns = []string{"key", "kind", "label", "account", "formula", "indent", "note", "hidden", "remark", "blank"}

// ReadRowsCSV reads the rows of a form from CSV. The header line names the
// columns key, kind and label, and optionally account, formula, indent,
// note, hidden, remark and blank, in any order; each following line is a
// row:
//
//	key,kind,label,account,formula,indent,note
//	,header,流動資産,,,1,
//	1110,item,現金及び預金,1110,,2,
//	1100,subtotal,流動資産合計,1100,,1,
//	net,total,差引,,1100-2100,0,
//
// kind is header, item, subtotal or total; a total has a formula, a
// subtotal sums its children (see Compile). blank names the columns the
// form leaves blank on the row (Row.Blank), joined by | as in a columns
// spec (合計, or 合計|前年度): 様式第3号 leaves 合計 blank on the rows of
// 固定資産等の変動（内部変動）. A header column the format
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
		if b := l.field("blank"); b != "" {
			for _, name := range strings.Split(b, "|") {
				if name = strings.TrimSpace(name); name == "" {
					ps.addf(l.line, row.Key, "blank", ErrSyntax, "blank %s names a column without a name", quote.Bounded(b))
					continue
				}
				row.Blank = append(row.Blank, name)
			}
		}
		rows = append(rows, row)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return rows, nil
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
// naming the label column (label, or the form's Stub: 科目 by default; any
// heading with opt.AnyStub) and columns of the form, optionally a key
// column, and one line for each printed row, in the form's order, with the
// figures as printed. Fields are separated by commas, or by tabs (see
// ReadOptions.Comma).
//
// Rows are matched in order: by key when the file has a key column, else
// by label, compared after folding full- and half-width forms (（ and (,
// ＡＢ and AB) and dropping spaces and note marks (※１, (注1)), and with
// or without a number printed before it (１．固定資産, (1) 有形固定資産,
// ①土地), a heading also in other brackets or in none (【資産の部】,
// ［資産の部］, Ⅰ 資産の部), so a label
// printed many times, such as その他, is matched by its place. Header rows
// and hidden rows may be left out. Every label is checked against its
// row's, which catches figures transcribed onto the wrong line.
//
// Amounts may be written as format.ParseCell reads them (32,200,729,071,
// △ 2,286,666,903, -). A dash has no figure (該当なし), unless the Meta's
// Style prints zero as a dash. An empty cell has no figure either, but it
// is kept apart from a dash, unless the Style prints 該当なし blank
// (format.NilBlank): a total or computed cell printed empty while terms of
// its identity have figures is a figure lost in printing, which Verify and
// VerifyRounded report once and judge as unknown (see BlankFigure). A figure in parentheses,
// (4,679,237), is negative when the Style prints negatives so
// (format.Parens); otherwise, on a memo row, whose label begins with うち
// (（うち歳計現金）), it is the memo's figure, and on any other row it is
// a problem wrapping format.ErrParens: parentheses mean either, and only
// the Meta can say which. Figures are in the unit of
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
	buf := inputs.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= maxPooledInput {
			inputs.Put(buf)
		}
	}()
	data, err := csvio.AppendRead((*buf)[:0], r)
	*buf = data
	if err != nil {
		return nil, readError(opt.Source, err)
	}
	// The buffer is reused for the next file, so the text read from it
	// is a copy of its own, made once at its exact size: a program that
	// reads thousands of small files allocates one string a file, not
	// the buffer's every growth.
	text := string(data)
	if s, ok := t.readPlain(text, opt); ok {
		return s, nil
	}
	return t.readCSV([]byte(text), opt)
}

// inputs holds the buffers ReadCSV reads its input into.
var inputs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledInput is the largest buffer ReadCSV keeps for the next read,
// so that one large file read does not keep its memory.
const maxPooledInput = 1 << 20

// readCSV reads data as ReadCSV does, whatever it is.
func (t *Template) readCSV(data []byte, opt ReadOptions) (*Statement, error) {
	ps := problems{source: opt.Source}
	comma := opt.Comma
	if comma == 0 {
		comma = csvio.Sniff
	}
	recs, err := csvio.Records(data, comma)
	if err != nil {
		return nil, readError(opt.Source, err)
	}
	for len(recs) > 0 {
		stated, ok := unitLine(recs[0])
		if !ok {
			break
		}
		checkUnit(&ps, recs[0].Line, "", stated, opt.Meta.Unit)
		recs = recs[1:]
	}
	if len(recs) == 0 {
		ps.addf(1, "", "", ErrMissing, "no header line")
		return nil, ps.err()
	}
	h := t.readHeader(&ps, recs[0], opt)
	if len(ps.list) > 0 {
		return nil, ps.err()
	}
	s := newStatement(t, opt.Meta)
	h.readRows(s, &ps, recs[1:])
	if err := ps.err(); err != nil {
		return nil, err
	}
	s.computeHidden()
	return s, nil
}

// readPlain reads data as ReadCSV does, in one pass, when it is plain:
// UTF-8 separated by commas, without a tab, each field quoted whole or not
// at all and each quoted one without a quote or a line end inside, every
// label as the form has it, and no problem to report: the files that
// WriteCSV writes, and most that are published, such as
//
//	（単位：千円）
//	key,label,金額
//	1111,土地,"310,316,164"
//	1112,立木竹,-
//
// It reads each line as it splits it, into fields it reuses, and checks
// that the bytes are UTF-8 by comparing them with the form's labels and
// reading them as figures, where ReadCSV would decode the file, keep every
// field of it, then read them. It reports false for any other data, and at
// the first problem: ReadCSV then reads data the general way, which gives
// the same statement for the data readPlain reads, and finds every
// problem of the data it does not.
func (t *Template) readPlain(text string, opt ReadOptions) (*Statement, bool) {
	if opt.Comma != 0 && opt.Comma != ',' {
		return nil, false
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if strings.IndexByte(text, '\t') >= 0 {
		return nil, false // Sniff might take a tab, and tabs are spaces
	}
	var buf [8]string
	fields := buf[:0]
	var ps problems
	var h csvHeader
	var s *Statement
	var cells cellReader
	var rows rowCursor
	var dash amount // what a dash is, as parseFigure reads it
	yenPer := pow10[opt.Meta.Unit.Exp()]
	for len(text) > 0 {
		var line string
		if line, text = csvio.CutLine(text); line == "" {
			continue
		}
		var ok bool
		if fields, ok = csvio.SplitLine(fields[:0], line, ','); !ok {
			return nil, false
		}
		if s == nil {
			// The lines that state the unit, then the header: short, and
			// checked whole.
			if !utf8.ValidString(line) {
				return nil, false
			}
			rec := csvio.Record{Fields: fields}
			if stated, ok := unitLine(rec); ok {
				checkUnit(&ps, 0, "", stated, opt.Meta.Unit)
			} else {
				h = t.plainHeader(&ps, line, rec, opt)
				s = newStatement(t, opt.Meta)
				cells, rows = newCellReader(s, &ps), rowCursor{t: t}
				f := s.meta.Formatter()
				if c, err := f.ParseCell("-"); err == nil {
					dash = amountOf(c)
				}
			}
			if len(ps.list) > 0 {
				return nil, false
			}
			continue
		}
		if len(fields) != h.fields {
			return nil, false
		}
		label := fields[h.labelAt]
		var i int
		var err error
		if h.keyAt >= 0 {
			i, err = rows.byKey(trimSpace(fields[h.keyAt]))
		} else {
			i, err = rows.byLabel(trimSpace(label))
		}
		if err != nil {
			return nil, false
		}
		// A label as the form has it is UTF-8; any other is the general
		// reader's to compare.
		row := &t.form.Rows[i]
		if label != row.Label && trimSpace(label) != row.Label || row.Hidden {
			return nil, false
		}
		for k, j := range h.colOf {
			if j < 0 {
				continue
			}
			text := fields[k]
			if t.form.Columns[j].Kind == Text {
				if !utf8.ValidString(text) {
					return nil, false
				}
				cells.put(0, i, j, text)
				continue
			}
			// What put makes of the commonest figures, a dash and
			// digits, made here; put reads the others, which format
			// reads only if they are UTF-8.
			at := i*len(t.form.Columns) + j
			if v, ok := digits.Int(text); ok && v <= maxInt64/yenPer && v >= -maxInt64/yenPer && row.Kind != Header {
				s.cells[at] = yenAmount(v * yenPer)
			} else if text == "-" && row.Kind != Header {
				s.cells[at] = dash
			} else {
				cells.put(0, i, j, text)
			}
		}
		if len(ps.list) > 0 {
			return nil, false
		}
	}
	if s == nil {
		return nil, false
	}
	rows.missing(&ps)
	if len(ps.list) > 0 {
		return nil, false
	}
	s.computeHidden()
	return s, true
}

// A headerMemo is the header line of the last plain file of a template
// read, and what readHeader made of it: the files of one form that a
// program reads have the same header.
type headerMemo struct {
	line    string
	anyStub bool
	unit    format.Unit
	h       csvHeader // its colOf is never written
}

// plainHeader returns t.readHeader(ps, head, opt), for head, a header
// line of a plain file, split; the header of the last such line read
// without a problem is kept, and returned for the same line read alike.
func (t *Template) plainHeader(ps *problems, line string, head csvio.Record, opt ReadOptions) csvHeader {
	if m := t.header.Load(); m != nil && m.line == line && m.anyStub == opt.AnyStub && m.unit == opt.Meta.Unit {
		return m.h
	}
	n := len(ps.list)
	h := t.readHeader(ps, head, opt)
	if len(ps.list) == n {
		t.header.Store(&headerMemo{line: strings.Clone(line), anyStub: opt.AnyStub, unit: opt.Meta.Unit, h: h})
	}
	return h
}

// checkUnit adds a problem to ps unless stated, a unit that a file states
// on line (in column, if any), is unit.
func checkUnit(ps *problems, line int, column, stated string, unit format.Unit) {
	u, err := format.ParseUnit(stated)
	switch {
	case err != nil:
		ps.addf(line, "", column, ErrSyntax, "unit %s is not 円, 千円, 百万円, 万円 or 億円", quote.Bounded(stated))
	case u != unit:
		ps.addf(line, "", column, ErrMismatch, "the file is in %v, the statement in %v", u, unit)
	}
}

// A csvHeader is where the fields of a published CSV file go.
type csvHeader struct {
	fields  int   // the number of fields of every line
	colOf   []int // per field: the form's column, -1 for none
	keyAt   int   // the field of the key column, -1 for none
	labelAt int   // the field of the label column
}

// readHeader reads the header line of a published CSV file of t, adding
// every problem to ps.
func (t *Template) readHeader(ps *problems, head csvio.Record, opt ReadOptions) csvHeader {
	h := csvHeader{fields: len(head.Fields), colOf: make([]int, len(head.Fields)), keyAt: -1, labelAt: -1}
	names := make([]string, len(head.Fields))
	for k, field := range head.Fields {
		names[k] = strings.TrimSpace(field)
	}
	stub := t.form.stub() // a file as printed heads its labels so
	h.labelAt = slices.IndexFunc(names, func(name string) bool { return name == "label" || name == stub })
	if h.labelAt < 0 && opt.AnyStub {
		first := 0
		if len(names) > 1 && names[0] == "key" {
			first = 1
		}
		name, stated, hasUnit := unitSuffix(names[first])
		if !hasUnit {
			name = names[first]
		}
		if _, isColumn := t.printedColumn(name); !isColumn && name != "key" {
			h.labelAt = first
			if hasUnit {
				checkUnit(ps, head.Line, names[first], stated, opt.Meta.Unit)
			}
		}
	}
	seen := map[string]bool{}
	for k, name := range names {
		h.colOf[k] = -1
		if seen[name] {
			ps.addf(head.Line, "", name, ErrDuplicate, "column twice in the header")
			continue
		}
		seen[name] = true
		switch {
		case k == h.labelAt:
			continue
		case name == "key":
			h.keyAt = k
			continue
		case name == "label" || name == stub:
			ps.addf(head.Line, "", name, ErrDuplicate, "a second label column")
			continue
		}
		j, ok := t.headerColumn(ps, head.Line, name, opt.Meta.Unit)
		if !ok {
			continue
		}
		if slices.Contains(h.colOf[:k], j) {
			// The same column under another spelling: 余剰分（不足分）, 余剰分(不足分).
			ps.addf(head.Line, "", name, ErrDuplicate, "column twice in the header")
			continue
		}
		h.colOf[k] = j
	}
	if h.labelAt < 0 {
		ps.addf(head.Line, "", "label", ErrMissing, "the header has no such column")
	}
	return h
}

// headerColumn returns the form's column that a header field on line
// names, as 金額 or 金額（千円）, adding a problem to ps for a stated unit
// other than unit and for a name that is not a column of the form.
func (t *Template) headerColumn(ps *problems, line int, name string, unit format.Unit) (int, bool) {
	if base, stated, ok := unitSuffix(name); ok {
		checkUnit(ps, line, name, stated, unit)
		name = base
	}
	j, ok := t.printedColumn(name)
	if !ok {
		ps.addf(line, "", name, ErrUnknown, "no such column in %s", t.form.name())
	}
	return j, ok
}

// readRows reads the lines after the header into s, placing each on its
// row of the form, and adds every problem to ps. It stops at a line whose
// row it cannot place.
func (h csvHeader) readRows(s *Statement, ps *problems, recs []csvio.Record) {
	t := s.t
	cells := newCellReader(s, ps)
	rows := rowCursor{t: t}
	for _, rec := range recs {
		if len(rec.Fields) != h.fields {
			ps.addf(rec.Line, "", "", ErrSyntax, "%d fields, where the header has %d", len(rec.Fields), h.fields)
			continue
		}
		i, ok := rows.place(ps, rec, h.labelAt, h.keyAt)
		if !ok {
			return
		}
		for k, j := range h.colOf {
			if j >= 0 {
				cells.put(rec.Line, i, j, rec.Fields[k])
			}
		}
	}
	rows.missing(ps)
}

// place returns the row of the form that rec, a line of a CSV file after
// its header, is of: the next with the key in field keyAt, or with the
// label in field labelAt when keyAt is -1. It adds a problem to ps for a
// label that is not its row's, and reports false for a line whose row it
// cannot place.
func (c *rowCursor) place(ps *problems, rec csvio.Record, labelAt, keyAt int) (int, bool) {
	label := trimSpace(rec.Fields[labelAt])
	var i int
	var err error
	if keyAt >= 0 {
		i, err = c.byKey(trimSpace(rec.Fields[keyAt]))
	} else {
		i, err = c.byLabel(label)
	}
	if err != nil {
		ps.add(rec.Line, label, "", err)
		return 0, false
	}
	if printed := (printedLabel{t: c.t, text: label, numbered: true}); keyAt >= 0 && !printed.is(i) {
		row := c.t.form.Rows[i]
		ps.addf(rec.Line, rowRef(i, row), "", ErrMismatch, "label %s, the form has %s", quote.Bounded(label), quote.Bounded(row.Label))
	}
	return i, true
}

// A line is a record of a CSV table, its fields by column name.
type line struct {
	line   int
	fields map[string]string
}

func (l line) field(name string) string { return l.fields[name] }

// readTable reads a CSV table whose header has the required columns and
// may have the optional ones, adding every problem to ps. Fields are
// trimmed of spaces.
func readTable(ps *problems, r io.Reader, required, optional []string) ([]line, bool) {
	recs, err := csvio.ReadAll(r, 0)
	if err != nil {
		ps.list = append(ps.list, csvProblem(err))
		return nil, false
	}
	if len(recs) == 0 {
		ps.addf(1, "", "", ErrMissing, "no header line")
		return nil, false
	}
	cols, bad := csvio.Header(recs[0], required, optional)
	for _, e := range bad {
		ps.list = append(ps.list, csvProblem(e))
	}
	if len(bad) > 0 {
		return nil, false
	}
	out := make([]line, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(recs[0].Fields) {
			ps.addf(rec.Line, "", "", ErrSyntax, "%d fields, where the header has %d", len(rec.Fields), len(recs[0].Fields))
			continue
		}
		l := line{line: rec.Line, fields: make(map[string]string, len(cols))}
		for name, i := range cols {
			l.fields[name] = strings.TrimSpace(rec.Fields[i])
		}
		out = append(out, l)
	}
	return out, true
}

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
