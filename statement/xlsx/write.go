package xlsx

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Options says how Write lays statements out. The zero value suits the
// published statements.
type Options struct {
	// Source names the file written, in errors.
	Source string
	// Display measures labels and figures for the columns' widths. Set its
	// AmbiguousWide for fonts that draw △ and ※ two columns wide.
	Display format.Display
}

// maxWidth is the widest a column is made, in characters: a long text,
// such as a 備考, runs on into the cells beside it rather than making its
// column wider than a screen.
const maxWidth = 80

// maxSheetName is the longest name a sheet may have, in characters.
const maxSheetName = 31

// maxDigits is the most significant digits a number of a workbook keeps:
// spreadsheet programs hold numbers as binary floating point, exact to 15
// digits. A figure with more is refused rather than written altered.
const maxDigits = 15

// WriteBook writes the statements of b with Write, in the book's order.
func WriteBook(w io.Writer, b *statement.Book, opt Options) error {
	var ss []*statement.Statement
	var ids []string
	for _, id := range b.IDs() {
		s, _ := b.Statement(id)
		ss = append(ss, s)
		ids = append(ids, id)
	}
	return write(w, ss, ids, opt)
}

// Write writes the statements as a workbook, one sheet each, named by the
// statement's title (shortened to the 31 characters a sheet name may have,
// and numbered where titles repeat), in the layout the package doc
// describes. A figure of more than 15 significant digits, which a workbook
// would not keep exactly, and text that is not valid UTF-8 are an *Error
// naming each cell, and nothing is written.
func Write(w io.Writer, ss []*statement.Statement, opt Options) error {
	return write(w, ss, nil, opt)
}

func write(w io.Writer, ss []*statement.Statement, ids []string, opt Options) error {
	f := excelize.NewFile()
	defer f.Close()
	e := &Error{Source: opt.Source}
	used := map[string]bool{}
	for k, s := range ss {
		id := ""
		if ids != nil {
			id = ids[k]
		}
		name := sheetName(s.Form().Title, id, k, used)
		if k == 0 {
			if err := f.SetSheetName(f.GetSheetList()[0], name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sw := sheetWriter{f: f, name: name, s: s, opt: opt, e: e, styles: map[string]int{}}
		if err := sw.write(); err != nil {
			return err
		}
	}
	if len(e.Problems) > 0 {
		return e
	}
	_, err := f.WriteTo(w)
	return err
}

// sheetName returns a name for the sheet of a statement titled title:
// the title without the characters a sheet name may not have, shortened,
// and numbered if it is taken; the id, or Sheet and a number, for a
// statement without a title.
func sheetName(title, id string, k int, used map[string]bool) string {
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, title)
	base = strings.Trim(base, "'")
	if base == "" {
		base = id
	}
	if base == "" {
		base = fmt.Sprintf("Sheet%d", k+1)
	}
	for n := 1; ; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s (%d)", base, n)
		}
		if r := []rune(name); len(r) > maxSheetName {
			suffix := []rune(name[len(base):])
			name = string([]rune(base)[:maxSheetName-len(suffix)]) + string(suffix)
		}
		if key := strings.ToLower(name); !used[key] {
			used[key] = true
			return name
		}
	}
}

// A sheetWriter writes one statement on one sheet.
type sheetWriter struct {
	f      *excelize.File
	name   string
	s      *statement.Statement
	opt    Options
	e      *Error
	styles map[string]int // by what they are for
	widths []int          // the display width of each column, in characters
	row    int            // the last row written, from 1
}

// A line is what one row of the table prints: a label at an indent, or a
// heading, and the cells.
type line struct {
	label  string
	indent int
	cells  []cellOut
	head   bool // the column heading
}

// cellOut is one cell of the table.
type cellOut struct {
	text   string          // a heading, a text cell or the mark of no figure
	number decimal.Decimal // the figure in the unit, when isNum
	isNum  bool
	row    string // the row and column, for errors
	column string
}

func (sw *sheetWriter) write() error {
	form, meta := sw.s.Form(), sw.s.Meta()
	var left, right []line
	if form.Vertical {
		left = sw.vertical(form)
	} else {
		left, right = sw.table(form)
	}
	width := 0
	if len(left) > 0 {
		width = 1 + len(left[0].cells)
	}
	rightAt := width + 1 // a gap column between the halves
	if right != nil {
		width = 2*width + 1
	}
	width = max(width, 1)
	sw.widths = make([]int, width)
	centered := sw.style("centered", excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
	if form.Number != "" {
		sw.row++
		sw.text(sw.row, 0, form.Number, 0)
	}
	if form.Title != "" {
		sw.merged(form.Title, width, sw.style("title", excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}, Font: &excelize.Font{Bold: true, Size: 14}}))
	}
	for _, text := range append([]string{meta.DateLine()}, strings.Split(meta.Entity, "\n")...) {
		if text != "" {
			sw.merged(text, width, centered)
		}
	}
	sw.row++
	sw.text(sw.row, width-1, "（単位："+meta.Unit.String()+"）", sw.style("right", excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}}))
	first := sw.row + 1
	for k := range max(len(left), len(right)) {
		sw.row = first + k
		if k < len(left) {
			sw.line(left[k], 0)
		}
		if k < len(right) {
			sw.line(right[k], rightAt)
		}
	}
	for _, note := range meta.Notes {
		sw.row++
		sw.text(sw.row, 0, note, 0)
	}
	for j, w := range sw.widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		if err := sw.f.SetColWidth(sw.name, col, col, float64(min(w+2, maxWidth))); err != nil {
			return err
		}
	}
	return nil
}

// merged writes text in a row of its own, merged across the table's width.
func (sw *sheetWriter) merged(text string, width, style int) {
	sw.row++
	sw.text(sw.row, 0, text, style)
	if width > 1 {
		sw.f.MergeCell(sw.name, cellName(0, sw.row-1), cellName(width-1, sw.row-1))
	}
}

// text writes text in column j of row r (from 1).
func (sw *sheetWriter) text(r, j int, text string, style int) {
	at := cellName(j, r-1)
	if !utf8.ValidString(text) {
		sw.e.Problems = append(sw.e.Problems, Problem{Cell: sheetRef(sw.name) + "!" + at, Err: fmt.Errorf("%w: text that is not valid UTF-8", ErrWrite)})
		return
	}
	sw.f.SetCellStr(sw.name, at, text)
	if style != 0 {
		sw.f.SetCellStyle(sw.name, at, at, style)
	}
}

// line writes l in the current row, from column j0.
func (sw *sheetWriter) line(l line, j0 int) {
	d := sw.opt.Display
	labelStyle := sw.indentStyle(l.indent)
	if l.head {
		labelStyle = sw.style("head", excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}, Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}})
	}
	sw.text(sw.row, j0, l.label, labelStyle)
	// An indent of one level is about the width of one full-width space.
	sw.widths[j0] = max(sw.widths[j0], d.Width(l.label)+2*l.indent)
	for k, c := range l.cells {
		j := j0 + 1 + k
		at := cellName(j, sw.row-1)
		switch {
		case l.head:
			sw.text(sw.row, j, c.text, labelStyle)
		case c.isNum:
			if digits := len(strings.TrimLeft(c.number.Coefficient().String(), "-0")); digits > maxDigits {
				sw.e.Problems = append(sw.e.Problems, Problem{Cell: sheetRef(sw.name) + "!" + at,
					Err: fmt.Errorf("%w: row %q column %q: %s has %d significant digits, more than a workbook keeps", ErrWrite, c.row, c.column, c.number, digits)})
				continue
			}
			if c.number.Exponent() >= 0 {
				sw.f.SetCellInt(sw.name, at, c.number.IntPart())
			} else {
				v, _ := c.number.Float64()
				sw.f.SetCellFloat(sw.name, at, v, -1, 64)
			}
			sw.f.SetCellStyle(sw.name, at, at, sw.numberStyle())
			sw.widths[j] = max(sw.widths[j], d.Width(sw.s.Meta().Formatter().Format(c.number.Shift(sw.s.Meta().Unit.Exp()))))
			continue
		case c.text != "":
			sw.text(sw.row, j, c.text, sw.style("right", excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}}))
		}
		sw.widths[j] = max(sw.widths[j], d.Width(c.text))
	}
}

// numberStyle returns the style of figures: the number format that prints
// them as the statement's Style does.
func (sw *sheetWriter) numberStyle() int {
	f := sw.s.Meta().Formatter()
	digits := "#,##0"
	if f.Places > 0 {
		digits += "." + strings.Repeat("0", int(f.Places))
	}
	neg := ""
	switch f.Negative {
	case format.Parens:
		neg = "(" + digits + ")"
	default:
		mark := f.Negative.String()
		if f.SignSpace {
			mark += " "
		}
		neg = `"` + mark + `"` + digits
	}
	code := digits + ";" + neg
	if f.Zero != format.ZeroDigit {
		code += `;"` + f.Format(decimal.Zero) + `"`
	}
	return sw.style("number", excelize.Style{CustomNumFmt: &code, Alignment: &excelize.Alignment{Horizontal: "right"}})
}

// indentStyle returns the style of a label at indent n.
func (sw *sheetWriter) indentStyle(n int) int {
	if n == 0 {
		return 0
	}
	// An indent takes effect only on text aligned to the left.
	return sw.style(fmt.Sprint("indent", n), excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Indent: n}})
}

// style returns the style named key, made from st the first time.
func (sw *sheetWriter) style(key string, st excelize.Style) int {
	if id, ok := sw.styles[key]; ok {
		return id
	}
	id, err := sw.f.NewStyle(&st)
	if err != nil {
		return 0
	}
	sw.styles[key] = id
	return id
}

// cells returns the cells of the row with the given key.
func (sw *sheetWriter) cells(form *statement.Form, row statement.Row) []cellOut {
	f := sw.s.Meta().Formatter()
	out := make([]cellOut, len(form.Columns))
	for j, col := range form.Columns {
		c := cellOut{row: firstOf(row.Key, row.Label), column: col.Name}
		switch {
		case col.Kind == statement.Text:
			c.text, _ = sw.s.Text(row.Key, col.Name)
		case row.Kind == statement.Header:
		default:
			sw.figure(&c, row.Key, col.Name, f)
		}
		out[j] = c
	}
	return out
}

// figure sets c to the figure of a cell as the statement prints it.
func (sw *sheetWriter) figure(c *cellOut, key, column string, f format.Formatter) {
	v, _ := sw.s.Cell(key, column)
	if !v.Valid {
		// A cell the form leaves blank stays empty, not 該当なし.
		if !sw.s.Template().Blank(key, column) {
			c.text = f.FormatCell(v)
		}
		return
	}
	c.isNum = true
	if f.Places > 0 {
		c.number = v.Amount.Shift(-f.Unit.Exp()).Round(f.Places)
		return
	}
	c.number = format.Round(v.Amount, f.Unit, f.Rounding)
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// label returns how a row's label prints: with its note mark.
func label(row statement.Row) string {
	if row.Note != "" {
		return row.Label + " " + row.Note
	}
	return row.Label
}

// table returns the lines of the usual layout, its heading first, in two
// halves for a form with a Split.
func (sw *sheetWriter) table(form *statement.Form) (left, right []line) {
	head := line{label: stub(form), head: true}
	for _, col := range form.Columns {
		head.cells = append(head.cells, cellOut{text: col.Name})
	}
	left = []line{head}
	half := &left
	for _, row := range form.Rows {
		if form.Split != "" && row.Key == form.Split {
			right = []line{head}
			half = &right
		}
		if row.Hidden {
			continue
		}
		*half = append(*half, line{label: label(row), indent: row.Indent, cells: sw.cells(form, row)})
	}
	return left, right
}

// vertical returns the lines of the vertical layout, as WriteText prints
// it: for each amount column, its name and then its rows, leaving out the
// items without a figure; a heading whose items all lack one prints 0.
func (sw *sheetWriter) vertical(form *statement.Form) []line {
	f := sw.s.Meta().Formatter()
	lines := []line{{label: stub(form), head: true, cells: []cellOut{{text: "金額"}}}}
	for _, col := range form.Columns {
		if col.Kind == statement.Text {
			continue
		}
		lines = append(lines, line{label: col.Name, cells: []cellOut{{}}})
		for i, row := range form.Rows {
			if row.Hidden {
				continue
			}
			l := line{label: label(row), indent: row.Indent + 1, cells: []cellOut{{row: firstOf(row.Key, row.Label), column: col.Name}}}
			if row.Kind == statement.Header {
				if noItems(sw.s, form, i, col.Name) {
					l.cells[0].isNum = true
				}
				lines = append(lines, l)
				continue
			}
			if v, _ := sw.s.Cell(row.Key, col.Name); !v.Valid {
				continue
			}
			sw.figure(&l.cells[0], row.Key, col.Name, f)
			lines = append(lines, l)
		}
	}
	return lines
}

// noItems reports whether every item under the header row h has no figure
// in the column.
func noItems(s *statement.Statement, form *statement.Form, h int, column string) bool {
	for i := h + 1; i < len(form.Rows) && form.Rows[i].Indent > form.Rows[h].Indent; i++ {
		if c, _ := s.Cell(form.Rows[i].Key, column); form.Rows[i].Kind == statement.Item && c.Valid {
			return false
		}
	}
	return true
}

func stub(f *statement.Form) string {
	if f.Stub == "" {
		return "科目"
	}
	return f.Stub
}
