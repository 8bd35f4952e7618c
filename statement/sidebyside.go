package statement

import (
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/digits"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// A SideBySide is what Template.ReadCSVSideBySide reads from a file of
// statements of one form printed side by side: the statements, and the
// heading lines that tell them apart.
type SideBySide struct {
	// Statements are the statements, in the order of their columns.
	Statements []*Statement
	// Columns name the form's columns that each statement has, in the
	// order of the header; the others are empty, as ReadCSV leaves them.
	Columns []string
	// Headings are the heading lines above the header, in order.
	Headings []Heading
}

// A Heading is a line above the header of statements side by side, such
// as the line of 団体コード over each body's columns.
type Heading struct {
	Line  int      // 1-based line in the source
	Title string   // the text over the labels, such as 団体コード
	Texts []string // the text over each statement's columns, in the order of Statements
}

// ReadCSVSideBySide reads statements of t printed side by side in one CSV
// file, as the tables of every body of a prefecture print them: the labels
// down the side, then the form's columns once for each statement, under
// heading lines that tell the statements apart:
//
//	（単位：千円）
//	団体コード,010006,010006,011002,011002
//	団体名,北海道,北海道,札幌市,札幌市
//	科目,合計,固定資産等形成分,合計,固定資産等形成分
//	前年度末純資産残高,"483,085,099","1,184,055,995","238,078,732","242,228,174"
//
// The header is the first line, after those that state the unit, with a
// field named label or the form's Stub (with opt.AnyStub, the first whose
// fields after the first, and after a key column, all name columns of the
// form). A field named key holds the rows' keys. The header's other fields
// name columns of the form, as ReadCSV reads them, statement after
// statement: a statement's columns end before the first that repeats one
// of them, and every statement has the columns of the first, in its order.
// The lines between the unit lines and the header are heading lines of as
// many fields as the header: the field over the labels is the line's
// title, and over each statement's columns is one text, printed over its
// first column and repeated or left blank over the others, as a merged
// cell is written out.
//
// The lines after the header are read as ReadCSV reads them, each figure
// into the statement of its column: rows matched in order by key, or by
// label, every label checked against its row's, figures as ReadCSV reads
// them. Each statement has opt.Meta. The input may be UTF-8, with or
// without a byte order mark, or CP932.
//
// Errors are an *Error listing every problem with its line, row and
// column; a statement's column is named by its heading texts and the
// column's name, as in 011002 札幌市 合計. Nothing is read past a line
// whose row cannot be placed.
func (t *Template) ReadCSVSideBySide(r io.Reader, opt ReadOptions) (SideBySide, error) {
	text, err := csvio.ReadText(r)
	if err != nil {
		return SideBySide{}, readError(opt.Source, err)
	}
	if out, ok := t.readSideBySidePlain(text, opt); ok {
		return out, nil
	}
	comma := opt.Comma
	if comma == 0 {
		comma = csvio.Sniff
	}
	recs, err := csvio.Records([]byte(text), comma)
	if err != nil {
		return SideBySide{}, readError(opt.Source, err)
	}
	next := 0
	return t.readSideBySide(opt, func() (csvio.Record, bool) {
		if next == len(recs) {
			return csvio.Record{}, false
		}
		next++
		return recs[next-1], true
	})
}

// readSideBySidePlain reads data as ReadCSVSideBySide does when it is plain
// (see readPlain): UTF-8 separated by commas, each field quoted whole or
// not at all. It splits each line into fields it reuses, where the general
// reader would keep every field of the file, and reports false for other
// data, and at any problem: the general reader reads the data then, and
// reports every problem of it.
func (t *Template) readSideBySidePlain(text string, opt ReadOptions) (SideBySide, bool) {
	text = strings.TrimPrefix(text, "\uFEFF")
	if opt.Comma != 0 && opt.Comma != ',' || strings.IndexByte(text, '\t') >= 0 || !utf8.ValidString(text) {
		return SideBySide{}, false
	}
	var buf [64]string
	fields := buf[:0]
	line, plain := 0, true
	out, err := t.readSideBySide(opt, func() (csvio.Record, bool) {
		for plain && len(text) > 0 {
			var l string
			l, text = csvio.CutLine(text)
			if line++; l == "" {
				continue
			}
			fields, plain = csvio.SplitLine(fields[:0], l, ',')
			if plain {
				return csvio.Record{Line: line, Fields: fields}, true
			}
		}
		return csvio.Record{}, false
	})
	return out, plain && err == nil
}

// A sideHeader is where the fields of a file of statements side by side
// go.
type sideHeader struct {
	fields  int      // the number of fields of every line
	labelAt int      // the field of the labels
	keyAt   int      // the field of the keys, -1 for none
	cols    []int    // the form's column of each of a statement's columns
	at      [][]int  // per statement: the field of each of its columns
	names   []string // the header's fields, trimmed
}

// isSideHeader reports whether fields are the header of statements of t
// side by side (see ReadCSVSideBySide).
func (t *Template) isSideHeader(fields []string, opt ReadOptions) bool {
	stub := t.form.stub()
	if slices.ContainsFunc(fields, func(f string) bool { f = strings.TrimSpace(f); return f == "label" || f == stub }) {
		return true
	}
	if !opt.AnyStub || len(fields) < 2 {
		return false
	}
	for k, f := range fields[1:] {
		name := strings.TrimSpace(f)
		if base, _, ok := unitSuffix(name); ok {
			name = base
		}
		if _, ok := t.printedColumn(name); !ok && !(k == 0 && name == "key") {
			return false
		}
	}
	return true
}

// readSideHeader reads the header of statements of t side by side,
// adding every problem to ps.
func (t *Template) readSideHeader(ps *problems, head csvio.Record, opt ReadOptions) sideHeader {
	h := sideHeader{fields: len(head.Fields), labelAt: -1, keyAt: -1, names: make([]string, len(head.Fields))}
	for k, field := range head.Fields {
		h.names[k] = strings.TrimSpace(field)
	}
	stub := t.form.stub()
	h.labelAt = slices.IndexFunc(h.names, func(name string) bool { return name == "label" || name == stub })
	if h.labelAt < 0 {
		// AnyStub: the first field, or the second after a key.
		h.labelAt = 0
		if h.names[0] == "key" {
			h.labelAt = 1
		}
	}
	var groups [][]int // the form's columns of each statement
	for k, name := range h.names {
		switch {
		case k == h.labelAt:
			continue
		case name == "key" && h.keyAt < 0:
			h.keyAt = k
			continue
		case name == "key":
			ps.addf(head.Line, "", name, ErrDuplicate, "a second key column")
			continue
		case name == "label" || name == stub:
			ps.addf(head.Line, "", name, ErrDuplicate, "a second label column")
			continue
		}
		j, ok := t.headerColumn(ps, head.Line, name, opt.Meta.Unit)
		if !ok {
			continue
		}
		if len(groups) == 0 || slices.Contains(groups[len(groups)-1], j) {
			// A column the statement has already: the next one's first.
			groups, h.at = append(groups, nil), append(h.at, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], j)
		h.at[len(h.at)-1] = append(h.at[len(h.at)-1], k)
	}
	if len(ps.list) > 0 {
		return h
	}
	if len(groups) == 0 {
		ps.addf(head.Line, "", "", ErrMissing, "the header names no column of %s", t.form.name())
		return h
	}
	h.cols = groups[0]
	for n, g := range groups {
		if !slices.Equal(g, h.cols) {
			ps.addf(head.Line, "", h.names[h.at[n][0]], ErrMismatch, "statement %d has the columns %s, the first %s",
				n+1, quote.Bounded(h.fieldNames(n)), quote.Bounded(h.fieldNames(0)))
		}
	}
	return h
}

// fieldNames returns the names of statement n's columns in the header,
// separated by commas.
func (h sideHeader) fieldNames(n int) string {
	s := make([]string, len(h.at[n]))
	for c, k := range h.at[n] {
		s[c] = h.names[k]
	}
	return strings.Join(s, ",")
}

// readSideBySide reads statements of t side by side from the records that
// next returns, one after another; their fields may be reused once the
// next is asked for.
func (t *Template) readSideBySide(opt ReadOptions, next func() (csvio.Record, bool)) (SideBySide, error) {
	ps := problems{source: opt.Source}
	var heads []csvio.Record
	var h sideHeader
	for {
		rec, ok := next()
		if !ok {
			ps.addf(1, "", "", ErrMissing, "no header line")
			return SideBySide{}, ps.err()
		}
		if stated, ok := unitLine(rec); ok {
			checkUnit(&ps, rec.Line, "", stated, opt.Meta.Unit)
			continue
		}
		if t.isSideHeader(rec.Fields, opt) {
			h = t.readSideHeader(&ps, rec, opt)
			break
		}
		heads = append(heads, csvio.Record{Line: rec.Line, Fields: slices.Clone(rec.Fields)})
	}
	if len(ps.list) > 0 {
		return SideBySide{}, ps.err()
	}
	out := SideBySide{Statements: make([]*Statement, len(h.at)), Columns: make([]string, len(h.cols))}
	for c, j := range h.cols {
		out.Columns[c] = t.form.Columns[j].Name
	}
	for _, rec := range heads {
		if len(rec.Fields) != h.fields {
			ps.addf(rec.Line, "", "", ErrSyntax, "%d fields, where the header has %d", len(rec.Fields), h.fields)
			continue
		}
		hd := Heading{Line: rec.Line, Title: strings.Clone(strings.TrimSpace(rec.Fields[h.labelAt])), Texts: make([]string, len(h.at))}
		for n, at := range h.at {
			text := strings.TrimSpace(rec.Fields[at[0]])
			for _, k := range at[1:] {
				if other := strings.TrimSpace(rec.Fields[k]); other != "" && other != text {
					ps.addf(rec.Line, "", h.names[k], ErrMismatch,
						"statement %d: %s over one of its columns, %s over its first", n+1, quote.Bounded(other), quote.Bounded(text))
				}
			}
			hd.Texts[n] = strings.Clone(text)
		}
		out.Headings = append(out.Headings, hd)
	}
	if len(ps.list) > 0 {
		return SideBySide{}, ps.err()
	}
	// where names column c of statement n in problems: by its heading
	// texts, then its name.
	where := func(n, c int) string {
		name := t.form.Columns[h.cols[c]].Name
		for k := len(out.Headings) - 1; k >= 0; k-- {
			if text := out.Headings[k].Texts[n]; text != "" {
				name = text + " " + name
			}
		}
		return name
	}
	for n := range out.Statements {
		out.Statements[n] = newStatement(t, opt.Meta)
	}
	// The commonest figures, digits and a dash, are read here as put
	// reads them, without parsing them in full.
	yenPer := pow10[opt.Meta.Unit.Exp()]
	dash, dashOK := amount{}, false
	if c, err := opt.Meta.Formatter().ParseCell("-"); err == nil {
		dash, dashOK = amountOf(c), true
	}
	ncol := len(t.form.Columns)
	rows := rowCursor{t: t}
	for {
		rec, ok := next()
		if !ok {
			break
		}
		if len(rec.Fields) != h.fields {
			ps.addf(rec.Line, "", "", ErrSyntax, "%d fields, where the header has %d", len(rec.Fields), h.fields)
			continue
		}
		i, ok := rows.place(&ps, rec, h.labelAt, h.keyAt)
		if !ok {
			break
		}
		row := &t.form.Rows[i]
		for n, at := range h.at {
			s := out.Statements[n]
			for c, k := range at {
				j, text := h.cols[c], rec.Fields[k]
				if row.Kind != Header && t.form.Columns[j].Kind != Text {
					if v, ok := digits.Int(text); ok && v <= maxInt64/yenPer && v >= -maxInt64/yenPer {
						s.cells[i*ncol+j] = yenAmount(v * yenPer)
						continue
					}
					if text == "-" && dashOK {
						s.cells[i*ncol+j] = dash
						continue
					}
				}
				before := len(ps.list)
				cellReader{s: s, ps: &ps}.put(rec.Line, i, j, text)
				for p := before; p < len(ps.list); p++ {
					ps.list[p].Column = where(n, c)
				}
			}
		}
	}
	rows.missing(&ps)
	if err := ps.err(); err != nil {
		return SideBySide{}, err
	}
	for _, s := range out.Statements {
		s.computeHidden()
	}
	return out, nil
}
