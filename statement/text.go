package statement

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/shopspring/decimal"
)

// TextOptions says how WriteText lays a statement out. The zero value suits
// most terminals.
type TextOptions struct {
	// Display measures the width of labels and figures for alignment. Set
	// its AmbiguousWide for terminals that show △ and ※ two columns wide.
	Display format.Display
}

// indentUnit is what one level of indentation prints as.
const indentUnit = "\u3000"

func (f *Form) stub() string {
	if f.Stub == "" {
		return "科目"
	}
	return f.Stub
}

// WriteText writes s in its published layout: the form number, title,
// date line, entity and unit line, each on its own line; then the table,
// labels indented by their level and aligned by display width, figures
// right-aligned; then the notes. A Vertical form prints each column as a
// block headed by its name, leaving out the items that have no figure in
// it; a heading whose items all lack figures prints 0, as the J-LIS
// 純資産変動計算書 prints 当期変動額 0 for a component that did not move.
//
// A form with a Split prints its rows in two halves side by side, the
// rows before the Split on the left and the others on the right, each
// with the column heading and aligned by display width on its own; the
// shorter half ends in blank lines.
func (s *Statement) WriteText(w io.Writer, opt TextOptions) error {
	s = s.ready()
	var table [][]string // first cell the label, the rest the cells
	var right []bool     // which cells align right
	if s.t.form.Vertical {
		table, right = s.verticalTable()
	} else {
		table, right = s.table()
	}
	bw := bufio.NewWriterSize(w, bufferSize(table))
	for _, line := range []string{s.t.form.Number, s.t.form.Title, s.meta.DateLine(), s.meta.Entity} {
		if line != "" {
			fmt.Fprintln(bw, line)
		}
	}
	fmt.Fprintf(bw, "（単位：%s）\n", s.meta.Unit)
	d := opt.Display
	if k := s.splitAt(); k > 1 && k < len(table) && !s.t.form.Vertical {
		left := align(table[:k], right, d)
		rightHalf := align(append([][]string{table[0]}, table[k:]...), right, d)
		width := 0
		for _, l := range left {
			width = max(width, d.Width(l))
		}
		for i := range max(len(left), len(rightHalf)) {
			var l, r string
			if i < len(left) {
				l = left[i]
			}
			if i < len(rightHalf) {
				r = rightHalf[i]
			}
			fmt.Fprintln(bw, strings.TrimRight(d.PadRight(l, width)+"    "+r, " "))
		}
	} else {
		writeAligned(bw, table, right, d)
	}
	for _, note := range s.meta.Notes {
		fmt.Fprintln(bw, note)
	}
	return bw.Flush()
}

// align returns the lines of table: the label column padded to its
// widest cell, the others right-aligned where right says so.
func align(table [][]string, right []bool, d format.Display) []string {
	widths := make([]int, len(table[0]))
	for _, rec := range table {
		for k, cell := range rec {
			widths[k] = max(widths[k], d.Width(cell))
		}
	}
	lines := make([]string, 0, len(table))
	for _, rec := range table {
		var b strings.Builder
		for k, cell := range rec {
			switch {
			case k == 0:
				b.WriteString(d.PadRight(cell, widths[0]))
			case right[k]:
				b.WriteString("  " + d.PadLeft(cell, widths[k]))
			default:
				b.WriteString("  " + d.PadRight(cell, widths[k]))
			}
		}
		lines = append(lines, strings.TrimRight(b.String(), " "))
	}
	return lines
}

// splitAt returns the index in the table of the usual layout (heading
// first) of the first line of the right-hand half, or 0 for a form
// without a Split. A hidden Split row starts the half at the next row.
func (s *Statement) splitAt() int {
	if s.t.form.Split == "" {
		return 0
	}
	k := 1
	for _, row := range s.t.form.Rows {
		if row.Key == s.t.form.Split {
			return k
		}
		if !row.Hidden {
			k++
		}
	}
	return 0
}

// label returns how row i prints in the label column at the given depth.
func (s *Statement) label(i, depth int) string {
	row := s.t.form.Rows[i]
	if depth == 0 && row.Note == "" {
		return row.Label
	}
	var b strings.Builder
	b.Grow(depth*len(indentUnit) + len(row.Label) + 1 + len(row.Note))
	for range depth {
		b.WriteString(indentUnit)
	}
	b.WriteString(row.Label)
	if row.Note != "" {
		b.WriteString(" " + row.Note)
	}
	return b.String()
}

// table returns the rows of the usual layout, with the column heading first.
func (s *Statement) table() ([][]string, []bool) {
	f := s.meta.Formatter()
	head := append([]string{s.t.form.stub()}, columnNames(&s.t.form)...)
	right := make([]bool, len(head))
	for j, col := range s.t.form.Columns {
		right[j+1] = col.Kind != Text
	}
	table := make([][]string, 1, len(s.t.form.Rows)+1)
	table[0] = head
	// The figures of a row are formatted into one string and sliced.
	cells := make([]string, 0, len(s.t.form.Rows)*len(head))
	ends := make([]int, len(s.t.form.Columns))
	var buf []byte
	for i, row := range s.t.form.Rows {
		if row.Hidden {
			continue
		}
		buf = buf[:0]
		for j, col := range s.t.form.Columns {
			// A cell the form leaves blank prints blank, not as 該当なし.
			if a := s.at(i, j); col.Kind != Text && row.Kind != Header && (a.valid || !s.t.blank(i*len(s.t.form.Columns)+j)) {
				buf = a.appendTo(buf, f)
			}
			ends[j] = len(buf)
		}
		figures := string(buf)
		start := len(cells)
		cells = append(cells, s.label(i, row.Indent))
		from := 0
		for j, col := range s.t.form.Columns {
			if col.Kind == Text {
				cells = append(cells, s.text(i, j))
			} else {
				cells = append(cells, figures[from:ends[j]])
			}
			from = ends[j]
		}
		table = append(table, cells[start:len(cells):len(cells)])
	}
	return table, right
}

// verticalTable returns the rows of the vertical layout: for each amount
// column, its name and then its rows.
func (s *Statement) verticalTable() ([][]string, []bool) {
	f := s.meta.Formatter()
	table := [][]string{{s.t.form.stub(), "金額"}}
	for j, col := range s.t.form.Columns {
		if col.Kind == Text {
			continue
		}
		table = append(table, []string{col.Name, ""})
		for i, row := range s.t.form.Rows {
			c := s.at(i, j)
			switch {
			case row.Hidden:
			case row.Kind == Header && s.noItems(i, j):
				table = append(table, []string{s.label(i, row.Indent+1), f.Format(decimal.Zero)})
			case row.Kind == Header:
				table = append(table, []string{s.label(i, row.Indent+1), ""})
			case !c.valid:
			default:
				table = append(table, []string{s.label(i, row.Indent+1), c.format(f)})
			}
		}
	}
	return table, []bool{false, true}
}

// noItems reports whether every item under the header row h has no figure
// in column j.
func (s *Statement) noItems(h, j int) bool {
	for i := h + 1; i < len(s.t.form.Rows) && s.t.form.Rows[i].Indent > s.t.form.Rows[h].Indent; i++ {
		if s.t.form.Rows[i].Kind == Item && s.at(i, j).valid {
			return false
		}
	}
	return true
}

// ReadText compiles form f and reads a statement of it with
// Template.ReadText.
func ReadText(r io.Reader, f *Form, opt ReadOptions, text TextOptions) (*Statement, error) {
	t, err := Compile(f)
	if err != nil {
		return nil, err
	}
	return t.ReadText(r, opt, text)
}

// ReadText reads a statement of t in the layout WriteText prints with the
// same TextOptions: the lines above the unit line (form number, title,
// date line, entity), the unit line （単位：千円）, the column heading, one
// line for each printed row, in the form's order, with its cells in the
// columns the heading places by display width, and the notes. The unit
// must be opt.Meta's; the date line is read as Meta.WithDateLine reads
// it, and the entity and notes are taken from the text. Figures are read
// as ReadCSV reads them, and hidden rows are computed.
//
// Vertical forms and forms with a Split are printed in layouts that
// ReadText does not read: it returns an *Error wrapping ErrMismatch for
// them. Other errors are an *Error naming the line, row and column.
func (t *Template) ReadText(r io.Reader, opt ReadOptions, text TextOptions) (*Statement, error) {
	ps := problems{source: opt.Source}
	if t.form.Vertical || t.form.Split != "" {
		ps.addf(0, "", "", ErrMismatch, "%s prints in a layout that ReadText does not read", t.form.name())
		return nil, ps.err()
	}
	lines, err := readLines(r)
	if err != nil {
		ps.addf(len(lines)+1, "", "", ErrSyntax, "%v", err)
		return nil, ps.err()
	}
	meta, unitAt, ok := t.readHeading(&ps, lines, opt.Meta)
	if !ok {
		return nil, ps.err()
	}
	cols, ok := t.readColumnHeading(&ps, unitAt+2, lines[unitAt+1], text.Display)
	if !ok {
		return nil, ps.err()
	}
	s := newStatement(t, meta)
	body := lines[unitAt+2:]
	n := cols.readRows(s, &ps, body, unitAt+3)
	s.meta.Notes = append(s.meta.Notes, body[n:]...)
	if err := ps.err(); err != nil {
		return nil, err
	}
	s.computeHidden()
	return s, nil
}

// readLines returns the lines of r, without their line ends, and those
// read before an error.
func readLines(r io.Reader) ([]string, error) {
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	return lines, sc.Err()
}

// readHeading reads the lines above the table: those above the unit line
// give meta's date and entity, and the unit line must state meta's unit.
// It returns meta so read and the index of the unit line, which the column
// heading follows, or adds a problem to ps and reports false.
func (t *Template) readHeading(ps *problems, lines []string, meta Meta) (Meta, int, bool) {
	unitAt := -1
	var stated string
	for i, l := range lines {
		if u, ok := unitLine(csvio.Record{Line: i + 1, Fields: []string{l}}); ok {
			unitAt, stated = i, u
			break
		}
	}
	if unitAt < 0 || unitAt+1 >= len(lines) {
		ps.addf(len(lines), "", "", ErrMissing, "no unit line （単位：…） followed by the column heading")
		return meta, 0, false
	}
	if u, err := format.ParseUnit(stated); err != nil || u != meta.Unit {
		ps.addf(unitAt+1, "", "", ErrMismatch, "unit %s, the statement is in %v", quote.Bounded(stated), meta.Unit)
		return meta, 0, false
	}
	meta.Entity, meta.Notes = "", nil
	var head []string
	for _, l := range lines[:unitAt] {
		if l != t.form.Number && l != t.form.Title {
			head = append(head, l)
		}
	}
	if len(head) > 0 {
		if m, err := meta.WithDateLine(head[0]); err == nil {
			meta, head = m, head[1:]
		}
	}
	meta.Entity = strings.Join(head, "\n")
	return meta, unitAt, true
}

// textColumns are where the cells of a table's lines are, in display
// columns.
type textColumns struct {
	spans [][2]int // per column of the form: display columns [start, end)
	// labelEnd is where the label ends, or -1 where each line says so.
	labelEnd int
	display  format.Display
}

// readColumnHeading reads the column heading, on the given line number,
// which places the columns: an amount column ends where its right-aligned
// name ends, a text column starts where its name starts; two spaces
// separate columns. It adds a problem to ps and reports false if the
// heading is not the form's.
func (t *Template) readColumnHeading(ps *problems, line int, heading string, d format.Display) (textColumns, bool) {
	cols := t.form.Columns
	tc := textColumns{spans: make([][2]int, len(cols)), labelEnd: -1, display: d}
	stub := t.form.stub()
	rest, ok := strings.CutPrefix(heading, stub)
	if !ok {
		ps.addf(line, "", "", ErrMismatch, "the column heading does not start with %s", quote.Bounded(stub))
		return tc, false
	}
	pos := d.Width(stub)
	for j, c := range cols {
		i := strings.Index(rest, c.Name)
		if i < 0 || strings.TrimLeft(rest[:i], " ") != "" {
			ps.addf(line, "", c.Name, ErrMissing, "the column heading lacks the column")
			return tc, false
		}
		start := pos + i
		pos = start + d.Width(c.Name)
		rest = rest[i+len(c.Name):]
		tc.spans[j] = [2]int{start, pos}
	}
	for j, c := range cols {
		switch {
		case c.Kind != Text && j == 0:
			tc.spans[j][0] = 0 // set by cut, from the label's end
		case c.Kind != Text:
			tc.spans[j][0] = tc.spans[j-1][1] + 2
		}
		if c.Kind == Text {
			tc.spans[j][1] = 1 << 30
			if j+1 < len(cols) {
				tc.spans[j][1] = tc.spans[j+1][0] - 2
			}
		}
	}
	// The label ends two columns before a first text column; before a
	// first amount column, which is right-aligned, each line says where.
	if len(cols) > 0 && cols[0].Kind == Text {
		tc.labelEnd = tc.spans[0][0] - 2
	}
	return tc, true
}

// readRows reads the lines of the table, the first on line number first,
// one for each printed row of the form, into s, adding every problem to
// ps. It returns the number of lines read, and stops at a line whose
// label is not its row's.
func (tc textColumns) readRows(s *Statement, ps *problems, lines []string, first int) int {
	cells := newCellReader(s, ps)
	n := 0
	for i, row := range s.t.form.Rows {
		if row.Hidden {
			continue
		}
		if n >= len(lines) {
			ps.addf(0, rowRef(i, row), "", ErrMissing, "row %s not in the text", quote.Bounded(row.Label))
			continue
		}
		line, at := lines[n], first+n
		n++
		fields := cut(line, tc.spans, tc.labelEnd, tc.display)
		label := strings.TrimLeft(fields[0], "\u3000 ")
		label = strings.TrimSuffix(label, " "+row.Note)
		if normalLabel(label) != s.t.normals[i] {
			ps.addf(at, rowRef(i, row), "", ErrMismatch, "label %s, the form has %s", quote.Bounded(label), quote.Bounded(row.Label))
			return n
		}
		for j := range tc.spans {
			cells.put(at, i, j, fields[j+1])
		}
	}
	return n
}

// cut splits a line of the table into its label and one cell for each
// column span, by display width; a span that the line does not reach is
// empty. labelEnd, when not negative, is where the label ends; otherwise
// the label is what precedes the first cell.
func cut(line string, spans [][2]int, labelEnd int, d format.Display) []string {
	out := make([]string, len(spans)+1)
	// pieces holds the display column at which each rune starts.
	type piece struct {
		col int
		off int
	}
	var pieces []piece
	col := 0
	for off, r := range line {
		pieces = append(pieces, piece{col, off})
		col += d.RuneWidth(r)
	}
	pieces = append(pieces, piece{col, len(line)})
	at := func(c int) int { // byte offset of display column c
		for _, p := range pieces {
			if p.col >= c {
				return p.off
			}
		}
		return len(line)
	}
	first := len(line)
	for j, sp := range spans {
		lo, hi := at(sp[0]), at(sp[1])
		if sp[0] == 0 { // an amount column right-aligned to its end: its cell is the last word before hi
			seg := strings.TrimRight(line[:hi], " ")
			k := strings.LastIndex(seg, "  ")
			lo = k + 2
			if k < 0 {
				lo = hi
			}
		}
		if lo > hi {
			lo = hi
		}
		out[j+1] = strings.TrimSpace(line[lo:hi])
		if j == 0 {
			first = lo
		}
	}
	if labelEnd >= 0 {
		first = at(labelEnd)
	}
	out[0] = strings.TrimRight(line[:first], " ")
	return out
}

// writeAligned writes the rows of table as lines, each cell padded to the
// display width of its column and separated from the one before it by two
// spaces: to the left where right says so, else to the right. Trailing
// spaces are trimmed. Each cell is measured once.
func writeAligned(w *bufio.Writer, table [][]string, right []bool, d format.Display) {
	n := 0
	for _, rec := range table {
		n += len(rec)
	}
	cellWidths := make([]int, 0, n)
	widths := make([]int, len(table[0]))
	for _, rec := range table {
		for k, cell := range rec {
			cw := d.Width(cell)
			cellWidths = append(cellWidths, cw)
			widths[k] = max(widths[k], cw)
		}
	}
	var line []byte
	at := 0
	for _, rec := range table {
		line = line[:0]
		for k, cell := range rec {
			pad := widths[k] - cellWidths[at]
			at++
			switch {
			case k == 0:
				line = appendPadded(line, cell, pad, false)
			default:
				line = append(line, "  "...)
				line = appendPadded(line, cell, pad, right[k])
			}
		}
		line = append(bytes.TrimRight(line, " "), '\n')
		w.Write(line)
	}
}

// bufferSize returns the size of the buffer to write table through: a
// guess at the text it makes, up to bufio's default, so that a small
// statement does not clear 4 kB.
func bufferSize(table [][]string) int {
	n := 512 // the lines above and below the table
	for _, rec := range table {
		for _, cell := range rec {
			n += len(cell) + 4 // and its padding
		}
		if n >= 4096 {
			return 4096
		}
	}
	return n
}

// spaces pads cells; longer padding is written in pieces.
const spaces = "                                                                "

// appendPadded appends cell with pad spaces before it (left) or after it.
func appendPadded(dst []byte, cell string, pad int, left bool) []byte {
	if !left {
		dst = append(dst, cell...)
	}
	for pad > 0 {
		k := min(pad, len(spaces))
		dst = append(dst, spaces[:k]...)
		pad -= k
	}
	if left {
		dst = append(dst, cell...)
	}
	return dst
}
