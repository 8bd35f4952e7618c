package statement

import (
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/internal/csvio"
)

// ReadGridText reads a text export of published statements as a Grid, a
// row for each line: what WriteText prints, or a PDF's text exported with
// its layout kept. A line's cells are its runs of text between runs of two
// or more spaces or a tab; a single space belongs to its cell (事業費 ※１),
// and so does a full-width space (the indent of a label). Cells are put
// in the columns of the line with the most cells above them (since an
// empty line), as a column heading has: each in the column whose text it
// overlaps the most, as labels begin and figures end where their
// heading's text does. So a header row without a figure, or the
// right-hand half of a statement printed side by side below the end of
// the left-hand half, keeps its cells in their columns. Positions are
// measured in columns of text.Display. The input is UTF-8, with or
// without a byte order mark, or CP932. Errors are an *Error naming the
// line.
func ReadGridText(r io.Reader, opt ReadOptions, text TextOptions) (Grid, error) {
	data, err := csvio.Read(r)
	if err == nil {
		data, err = csvio.Decode(data)
	}
	if err != nil {
		return Grid{}, readError(opt.Source, err)
	}
	g := Grid{Source: opt.Source}
	var ref []span // the columns of the line with the most cells
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		cells, spans := textCells(strings.TrimSuffix(line, "\r"), text)
		switch {
		case len(cells) == 0:
			ref = nil
		case len(cells) >= len(ref):
			ref = spans
		default:
			cells = place(cells, spans, ref)
		}
		g.Rows = append(g.Rows, cells)
	}
	return g, nil
}

// A span is where a cell's text is on its line: columns [from, to).
type span struct{ from, to int }

// place returns cells, at spans, in the columns of ref: each in the column
// it overlaps the most (the nearest if none), and right of the cell
// before it.
func place(cells []string, spans, ref []span) []string {
	out := make([]string, 0, len(ref))
	for n, c := range cells {
		best, score := -1, 0
		for k, r := range ref {
			s := min(spans[n].to, r.to) - max(spans[n].from, r.from) // the overlap, or minus the gap
			if best < 0 || s > score {
				best, score = k, s
			}
		}
		best = max(best, len(out))
		for len(out) < best {
			out = append(out, "")
		}
		out = append(out, c)
	}
	return out
}

// textCells returns the cells of a line of text and where each is.
func textCells(line string, text TextOptions) (cells []string, spans []span) {
	start, from := -1, 0 // where the cell being read began: its byte and column
	col := 0             // the column at the rune being read
	spaces := 0          // the ASCII spaces just read
	cut := func(end int) {
		if start >= 0 {
			c := strings.TrimRight(line[start:end], " ")
			cells = append(cells, c)
			spans = append(spans, span{from, from + text.Display.Width(c)})
		}
		start = -1
	}
	for i, r := range line {
		switch {
		case r == '\t':
			cut(i)
			spaces = 2
		case r == ' ':
			spaces++
		default:
			if spaces >= 2 || start < 0 {
				cut(i)
				start, from = i, col
			}
			spaces = 0
		}
		if r == '\t' {
			col++
		} else {
			col += text.Display.RuneWidth(r)
		}
	}
	cut(len(line))
	return cells, spans
}
