package ledger

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
)

// PrintOptions say how the ledger's tables print as text. The zero value
// prints no entity and suits most terminals.
type PrintOptions struct {
	Entity string // the body whose books these are, printed under the title
	// Display measures the width of labels and figures for alignment. Set
	// its AmbiguousWide for terminals that show △ two columns wide.
	Display format.Display
}

// formatYen prints an amount as statements print it: 1,234,567, △ for negatives.
func formatYen(d decimal.Decimal) string { return format.Formatter{}.Format(d) }

// blankZero prints an amount, or nothing for zero, as the columns of a
// trial balance leave the side without a balance blank.
func blankZero(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return formatYen(d)
}

// writeTable writes a heading (title, date line, entity, unit) and the
// table, each column aligned by display width: left where left[k], right
// otherwise.
func writeTable(w io.Writer, title, date string, opt PrintOptions, table [][]string, left []bool) error {
	bw := bufio.NewWriter(w)
	for _, line := range []string{title, date, opt.Entity} {
		if line != "" {
			fmt.Fprintln(bw, line)
		}
	}
	fmt.Fprintln(bw, "（単位：円）")
	d := opt.Display
	widths := make([]int, len(left))
	for _, rec := range table {
		for k, cell := range rec {
			widths[k] = max(widths[k], d.Width(cell))
		}
	}
	for _, rec := range table {
		var b strings.Builder
		for k, cell := range rec {
			if k > 0 {
				b.WriteString("  ")
			}
			if left[k] {
				b.WriteString(d.PadRight(cell, widths[k]))
			} else {
				b.WriteString(d.PadLeft(cell, widths[k]))
			}
		}
		fmt.Fprintln(bw, strings.TrimRight(b.String(), " "))
	}
	return bw.Flush()
}

// writeCSV writes records as CSV in UTF-8 with a byte order mark and CRLF
// line ends, as package statement writes by default.
func writeCSV(w io.Writer, records [][]string) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	cw.WriteAll(records)
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// asOf returns the date line of balances at the end of fiscal year fy.
func asOf(fy era.FiscalYear) string {
	if !fy.IsValid() {
		return ""
	}
	return era.Caption{}.FormatAsOf(fy.Last())
}
