package statement

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/format"
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
	f := s.meta.formatter()
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
			if col.Kind != Text && row.Kind != Header {
				buf = s.at(i, j).appendTo(buf, f)
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
	f := s.meta.formatter()
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
