package statement

import (
	"bufio"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
)

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
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		ps.addf(len(lines)+1, "", "", ErrSyntax, "%v", err)
		return nil, ps.err()
	}
	// The unit line ends the heading lines; the column heading follows.
	unitAt := -1
	for i, l := range lines {
		if _, ok := unitLine(csvio.Record{Line: i + 1, Fields: []string{l}}); ok {
			unitAt = i
			break
		}
	}
	if unitAt < 0 || unitAt+1 >= len(lines) {
		ps.addf(len(lines), "", "", ErrMissing, "no unit line （単位：…） followed by the column heading")
		return nil, ps.err()
	}
	meta := opt.Meta
	stated, _ := unitLine(csvio.Record{Line: unitAt + 1, Fields: []string{lines[unitAt]}})
	if u, err := format.ParseUnit(stated); err != nil || u != meta.Unit {
		ps.addf(unitAt+1, "", "", ErrMismatch, "unit %s, the statement is in %v", quote.Bounded(stated), meta.Unit)
		return nil, ps.err()
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

	// The heading places the columns: an amount column ends where its
	// right-aligned name ends, a text column starts where its name
	// starts; two spaces separate columns.
	d := text.Display
	heading := lines[unitAt+1]
	cols := t.form.Columns
	spans := make([][2]int, len(cols)) // display columns [start, end) of each column
	pos := d.Width(t.form.stub())
	rest := heading
	if !strings.HasPrefix(rest, t.form.stub()) {
		ps.addf(unitAt+2, "", "", ErrMismatch, "the column heading does not start with %s", quote.Bounded(t.form.stub()))
		return nil, ps.err()
	}
	rest = rest[len(t.form.stub()):]
	for j, c := range cols {
		i := strings.Index(rest, c.Name)
		if i < 0 || strings.TrimLeft(rest[:i], " ") != "" {
			ps.addf(unitAt+2, "", c.Name, ErrMissing, "the column heading lacks the column")
			return nil, ps.err()
		}
		start := pos + i
		pos = start + d.Width(c.Name)
		rest = rest[i+len(c.Name):]
		spans[j] = [2]int{start, pos}
	}
	for j, c := range cols {
		switch {
		case c.Kind != Text && j == 0:
			spans[j][0] = 0 // set below, from the label's end
		case c.Kind != Text:
			spans[j][0] = spans[j-1][1] + 2
		}
		if c.Kind == Text {
			spans[j][1] = 1 << 30
			if j+1 < len(cols) {
				spans[j][1] = spans[j+1][0] - 2
			}
		}
	}
	// The label ends two columns before a first text column; before a
	// first amount column, which is right-aligned, each line says where.
	labelEnd := -1
	if len(cols) > 0 && cols[0].Kind == Text {
		labelEnd = spans[0][0] - 2
	}

	s := newStatement(t, meta)
	ncol := len(cols)
	body := lines[unitAt+2:]
	n := 0
	for i, row := range t.form.Rows {
		if row.Hidden {
			continue
		}
		if n >= len(body) {
			ps.addf(0, rowRef(i, row), "", ErrMissing, "row %s not in the text", quote.Bounded(row.Label))
			continue
		}
		line, at := body[n], unitAt+3+n
		n++
		cells := cut(line, spans, labelEnd, d)
		label := strings.TrimLeft(cells[0], "\u3000 ")
		label = strings.TrimSuffix(label, " "+row.Note)
		if normalLabel(label) != normalLabel(row.Label) {
			ps.addf(at, rowRef(i, row), "", ErrMismatch, "label %s, the form has %s", quote.Bounded(label), quote.Bounded(row.Label))
			return nil, ps.err()
		}
		for j, c := range cols {
			v := cells[j+1]
			switch {
			case c.Kind == Text:
				s.texts[i*ncol+j] = v
			case row.Kind == Header:
				if v != "" {
					ps.addf(at, rowRef(i, row), c.Name, ErrMismatch, "a figure on a header row")
				}
			case v == "": // no figure, printed blank
			default:
				cell, err := format.ParseCell(v)
				if err != nil {
					ps.add(at, rowRef(i, row), c.Name, err)
					continue
				}
				if cell.Valid && !strings.ContainsAny(v, "円万億") {
					cell.Amount = meta.Unit.ToYen(cell.Amount)
				} else if !cell.Valid && (meta.Style.Zero == format.ZeroDash || meta.Style.Zero == format.ZeroHyphen) {
					cell = format.CellOf(cell.Amount)
				}
				s.cells[i*ncol+j] = amountOf(cell)
			}
		}
	}
	s.meta.Notes = append(s.meta.Notes, body[min(n, len(body)):]...)
	if err := ps.err(); err != nil {
		return nil, err
	}
	s.computeHidden()
	return s, nil
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
