package statement

import (
	"bufio"
	"bytes"

	"github.com/koukaikei/koukaikei/format"
)

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
