package statement

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
	"golang.org/x/text/width"
)

// A Grid is a table as a published file lays it out: rows of cells, each
// holding the text it prints, as a CSV file or a worksheet has them. The
// package xlsx in this repository reads a workbook's sheets into Grids;
// ReadGridCSV reads a CSV file into one. Template.ReadGrid reads a statement
// from a Grid in the layouts statements are published in, SplitGrid cuts
// a Grid of several statements into one for each, and ReadGridColumns
// reads a table of statements side by side.
type Grid struct {
	Source string     // the file, in errors
	Name   string     // the sheet, for a Grid read from a workbook; "" otherwise
	Rows   [][]string // the text of each cell; rows may differ in length
	// Cell, if set, names the cell Rows[i][j] in errors, such as
	// 貸借対照表!C12; a Grid without it names lines, as a CSV file has
	// them: Rows[i] is line i+1. A Grid that ReadGridCSV read names the
	// lines of its file, as long as Rows keeps the rows it read: once
	// rows are added or removed, errors name rows and columns, no line.
	Cell func(i, j int) string

	first int   // the index in the source of Rows[0], for a Grid cut from another
	lines []int // the line of each row in the source, for a CSV file; nil: i+1
	read  int   // with lines, len(Rows) as read: another length means rows were added or removed
}

// Slice returns the rows from, up to but not including to, of g. They keep
// their names in errors: the lines or cells of g.
func (g Grid) Slice(from, to int) Grid {
	if g.lines != nil && !g.knownLines() {
		g.lines = []int{} // rows of no known line, in the slice too
	}
	g.Rows = g.Rows[from:to]
	g.first += from
	g.read = len(g.Rows)
	return g
}

// knownLines reports whether g's rows are still those whose lines it
// recorded when it was read.
func (g *Grid) knownLines() bool {
	return g.lines != nil && len(g.Rows) == g.read && g.first+len(g.Rows) <= len(g.lines)
}

// ReadGridCSV reads a CSV file as a Grid, a record for each row: UTF-8,
// with or without a byte order mark, or CP932, its fields separated by
// opt.Comma, or, when opt.Comma is 0, by a tab if its first line with a
// comma or a tab has a tab, and by a comma otherwise. Errors are an *Error
// naming the line.
func ReadGridCSV(r io.Reader, opt ReadOptions) (Grid, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Grid{}, readError(opt.Source, err)
	}
	comma := opt.Comma
	if comma == 0 {
		comma = sniffComma(data)
	}
	recs, err := csvio.ReadAll(bytes.NewReader(data), comma)
	if err != nil {
		return Grid{}, readError(opt.Source, err)
	}
	g := Grid{Source: opt.Source, Rows: make([][]string, len(recs)), lines: make([]int, len(recs)), read: len(recs)}
	for i, rec := range recs {
		g.Rows[i], g.lines[i] = rec.Fields, rec.Line
	}
	return g, nil
}

// sniffComma returns a tab if the first line of data with a comma or a
// tab has a tab, and a comma otherwise.
func sniffComma(data []byte) rune {
	for _, line := range bytes.Split(data, []byte("\n")) {
		switch {
		case bytes.ContainsRune(line, '\t'):
			return '\t'
		case bytes.ContainsRune(line, ','):
			return ','
		}
	}
	return ','
}

// SplitGrid cuts g into one Grid for each statement it holds, one after
// another, each under its title line: a line whose text is one of titles,
// or ends with one after a short prefix such as 一般会計等 or 【連結】, as
// labels are compared. A line just above a title line that names a form
// number (様式第1号, 【様式第1号】) goes with its title; the lines above
// the first title, with the first statement. A Grid without a title line
// is returned whole.
func SplitGrid(g Grid, titles []string) []Grid {
	normal := make([]string, 0, len(titles))
	for _, t := range titles {
		if n := normalLabel(t); n != "" {
			normal = append(normal, n)
		}
	}
	var starts []int
	for i := range g.Rows {
		if isTitle(normalLabel(g.text(i)), normal) {
			start := i
			for k := i - 1; k >= 0 && (len(starts) == 0 || k > starts[len(starts)-1]); k-- {
				text := normalLabel(g.text(k))
				if text == "" {
					continue
				}
				if strings.Contains(text, "様式第") && len([]rune(text)) <= 12 {
					start = k
				}
				break
			}
			starts = append(starts, start)
		}
	}
	if len(starts) == 0 {
		return []Grid{g}
	}
	starts[0] = 0
	out := make([]Grid, len(starts))
	for k, from := range starts {
		to := len(g.Rows)
		if k+1 < len(starts) {
			to = starts[k+1]
		}
		out[k] = g.Slice(from, to)
	}
	return out
}

// maxTitlePrefix is the longest prefix, in runes, of a title line before
// the title: 一般会計等 and 【連結】 fit, a sentence that ends in a title
// does not.
const maxTitlePrefix = 8

// isTitle reports whether a line's text, normalised, is one of titles or
// ends with one after a short prefix.
func isTitle(text string, titles []string) bool {
	for _, t := range titles {
		if p, ok := strings.CutSuffix(text, t); ok && utf8.RuneCountInString(p) <= maxTitlePrefix {
			return true
		}
	}
	return false
}

// at returns the text of cell (i, j), "" for one beyond its row.
func (g *Grid) at(i, j int) string {
	if j < 0 || j >= len(g.Rows[i]) {
		return ""
	}
	return strings.TrimSpace(g.Rows[i][j])
}

// text returns the text of row i: its cells that are not empty, joined by
// a space.
func (g *Grid) text(i int) string {
	var parts []string
	for j := range g.Rows[i] {
		if c := g.at(i, j); c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " ")
}

// add adds a problem at cell (i, j) of g, or at the row i when j < 0, or
// at the grid itself when i < 0.
func (g *Grid) add(ps *problems, i, j int, row, column string, err error) {
	p := Problem{Row: row, Column: column, Err: err}
	switch {
	case i < 0 && g.Name != "":
		p.Cell = g.Name
	case i < 0:
	case g.Cell != nil:
		p.Cell = g.Cell(g.first+i, max(j, 0))
	case g.knownLines():
		p.Line = g.lines[g.first+i]
	case g.lines != nil:
		// Rows added or removed after reading the file: which line a
		// row was is not known, and the problem names its row and
		// column only.
	default:
		p.Line = g.first + i + 1
	}
	ps.list = append(ps.list, p)
}

func (g *Grid) addf(ps *problems, i, j int, row, column string, sentinel error, format string, args ...any) {
	g.add(ps, i, j, row, column, fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...))
}

// A half is one block of columns of a table: the labels in the columns
// from label up to first, figures in cols. A statement printed side by
// side has two.
type half struct {
	label, first int         // the label columns: [label, first)
	key          int         // the key column, or -1
	cols         map[int]int // grid column → form column
}

// ReadGrid reads a statement of t from g as it is published: heading lines
// above the table (the form number and title, the date line, the entity,
// the unit line), the column heading, a line for each printed row, in the
// form's order, and notes below.
//
// The column heading is the first line that names a column of the form
// (such as 金額, or 金額（千円）, which states the unit too) after a cell
// that heads the labels, or a key column named key. The cells before the
// first such column hold the labels: one column, or several, as workbooks
// lay out the outline with one column per level; a line's label is the
// text of those cells. A heading that names the form's columns again
// further right starts a second block of rows, as a 貸借対照表 prints
// 負債・純資産 beside 資産: the left block is read down, then the right.
// Rows are matched as ReadCSV matches them, by key or by label in order;
// lines after the form's last row are its notes. Empty lines are skipped.
//
// A line above the table that ReadOptions' Meta would print as the date
// line, such as （令和５年３月３１日現在）, sets the statement's date; a unit
// line (（単位：千円）, or 単位 within a longer line) or a column heading
// with a unit states the unit, which must be opt.Meta's unless
// opt.StatedUnit takes it; other lines that are not the form's number or
// title are its entity. Figures are read as ReadCSV reads them. Text in
// a column that the table does not read, in the column heading or on a
// line read as a row (a column the form lacks, a figure beyond the last
// column), is an error wrapping ErrUnknown, never dropped. Errors are
// an *Error naming the line or the cell (Problem.Cell) of each problem.
//
// A Vertical form is read as WriteText prints it: a column heading of a
// cell that heads the labels and 金額, then for each amount column a line
// naming it and the lines of its rows in the form's order; a row left
// out of a column's block has no figure there, and a header row prints
// blank, or 0 where none of its items has a figure.
func (t *Template) ReadGrid(g Grid, opt ReadOptions) (*Statement, error) {
	if t.form.Vertical {
		return t.readVertical(g, opt)
	}
	ps := problems{source: firstNonEmpty(opt.Source, g.Source)}
	head := -1
	var halves []half
	for i := range g.Rows {
		if halves = t.heading(&g, i); halves != nil {
			head = i
			break
		}
	}
	if head < 0 {
		g.addf(&ps, -1, -1, "", "", ErrMissing, "no column heading naming %s", quote.Bounded(strings.Join(columnNames(&t.form), ", ")))
		return nil, ps.err()
	}
	r := gridReader{t: t, g: &g, ps: &ps, meta: opt.Meta.clone(), statedUnit: opt.StatedUnit, covered: coveredBy(halves, len(g.Rows[head]))}
	r.headingLines(head)
	r.outside(head)
	for _, h := range halves {
		for k, j := range h.cols {
			if _, stated, ok := unitSuffix(g.at(head, k)); ok {
				r.unit(head, k, t.form.Columns[j].Name, stated)
			}
		}
	}
	if len(ps.list) > 0 {
		return nil, ps.err()
	}
	return r.body(head+1, halves, nil)
}

// heading returns the blocks of columns that line i heads, or nil if it
// is not a column heading of t.
func (t *Template) heading(g *Grid, i int) []half {
	var halves []half
	cur := half{key: -1, cols: map[int]int{}}
	inCols := false
	named := false // whether a cell before the first column heads labels
	key := -1      // a key column, which belongs to the first block wherever it is
	for k := range g.Rows[i] {
		name := g.at(i, k)
		if name == "key" && key < 0 {
			key = k
			continue
		}
		j, isCol := t.printedColumn(name)
		if base, _, ok := unitSuffix(name); ok && !isCol {
			j, isCol = t.printedColumn(base)
		}
		switch {
		case isCol && !inCols:
			cur.first, inCols = k, true
			cur.cols[k] = j
		case isCol:
			cur.cols[k] = j
		case inCols:
			// A cell that is no column after the columns: the next block's
			// labels begin.
			halves = append(halves, cur)
			cur = half{label: k, key: -1, cols: map[int]int{}}
			inCols = false
		}
		if !inCols && name != "" {
			named = true
		}
	}
	if inCols {
		halves = append(halves, cur)
	}
	// A block of figure columns needs a label column before it.
	out := halves[:0]
	for _, h := range halves {
		if h.first > h.label {
			out = append(out, h)
		}
	}
	if !named || len(out) == 0 {
		return nil
	}
	out[0].key = key
	return out
}

// A gridReader reads the statement of one table of a Grid.
type gridReader struct {
	t          *Template
	g          *Grid
	ps         *problems
	meta       Meta
	statedUnit bool
	unitSeen   bool
	entity     []string
	// covered marks the columns of the table: its labels, keys and
	// figures. Text in any other cell of the heading or of a line read
	// as a row is an error rather than dropped.
	covered []bool
	checked []bool // the rows whose other cells are checked
}

// outside adds a problem for each cell of row i that holds text in a
// column the table does not read, once for each row.
func (r *gridReader) outside(i int) {
	if r.checked == nil {
		r.checked = make([]bool, len(r.g.Rows))
	}
	if r.checked[i] {
		return
	}
	r.checked[i] = true
	for k := range r.g.Rows[i] {
		if (k >= len(r.covered) || !r.covered[k]) && r.g.at(i, k) != "" {
			r.g.addf(r.ps, i, k, "", "", ErrUnknown, "%s in a column that is no column of the form", quote.Bounded(r.g.at(i, k)))
		}
	}
}

// coveredBy returns the columns that halves read, of a heading width
// cells wide.
func coveredBy(halves []half, width int) []bool {
	covered := make([]bool, width)
	for _, h := range halves {
		for k := h.label; k < h.first && k < width; k++ {
			covered[k] = true
		}
		for k := range h.cols {
			covered[k] = true
		}
		if h.key >= 0 && h.key < width {
			covered[h.key] = true
		}
	}
	return covered
}

// headingLines reads the lines above the column heading at head: the
// date line, the unit line, the entity; the form's number and title are
// skipped.
func (r *gridReader) headingLines(head int) {
	f := &r.t.form
	dated := false
	for i := range head {
		text := r.g.text(i)
		if text == "" {
			continue
		}
		folded := normalLabel(text)
		if stated, ok := statedUnit(text); ok {
			r.unit(i, -1, "", stated)
			// A line that states the unit may say more: 自治体名:島田市 会計:一般会計等 (単位:円).
			if rest := strings.TrimSpace(cutUnit(text)); rest != "" {
				r.entity = append(r.entity, rest)
			}
			continue
		}
		if folded == normalLabel(f.Number) || folded == normalLabel(f.Title) || folded == normalLabel(f.Number+f.Title) {
			continue
		}
		if !dated {
			if m, err := r.meta.WithDateLine(text); err == nil {
				r.meta, dated = m, true
				continue
			}
		}
		r.entity = append(r.entity, text)
	}
	if len(r.entity) > 0 {
		r.meta.Entity = strings.Join(r.entity, "\n")
	}
}

// unit takes the unit a file states at cell (i, j): the statement's with
// statedUnit, else checked against it.
func (r *gridReader) unit(i, j int, column, stated string) {
	u, err := format.ParseUnit(stated)
	switch {
	case err != nil:
		r.g.addf(r.ps, i, j, "", column, ErrSyntax, "unit %s is not 円, 千円, 百万円, 万円 or 億円", quote.Bounded(stated))
	case r.statedUnit && r.unitSeen && u != r.meta.Unit:
		r.g.addf(r.ps, i, j, "", column, ErrMismatch, "the file states %v here and %v above", u, r.meta.Unit)
	case r.statedUnit:
		r.meta.Unit, r.unitSeen = u, true
	case u != r.meta.Unit:
		r.g.addf(r.ps, i, j, "", column, ErrMismatch, "the file is in %v, the statement in %v", u, r.meta.Unit)
	}
}

// statedUnit returns the unit a line states: 単位 followed by the unit's
// name, as in （単位：千円）, ［単位：千円］ or 単位:円.
func statedUnit(text string) (string, bool) {
	s := width.Fold.String(text)
	at := strings.Index(s, "単位")
	if at < 0 {
		return "", false
	}
	s = strings.TrimLeft(s[at+len("単位"):], " :、")
	end := strings.IndexAny(s, " ,"+unitClose)
	if end >= 0 {
		s = s[:end]
	}
	return s, s != ""
}

// The brackets a unit statement may be printed in, width-folded:
// (単位:円), [単位:円], 〔単位:円〕, 【単位:円】, <単位:円>.
const unitOpen, unitClose = "([〔【<", ")]〕】>"

// cutUnit returns text without its unit statement, (単位:円) and the like.
func cutUnit(text string) string {
	s := width.Fold.String(text)
	at := strings.Index(s, "単位")
	start := at
	if r, n := utf8.DecodeLastRuneInString(s[:at]); n > 0 && strings.ContainsRune(unitOpen, r) {
		start = at - n
	}
	end := len(s)
	if k := strings.IndexAny(s[at:], unitClose); k >= 0 {
		_, n := utf8.DecodeRuneInString(s[at+k:])
		end = at + k + n
	}
	return s[:start] + s[end:]
}

// A gridLine is one line of a block: its label and where it is.
type gridLine struct {
	i     int    // the row of the Grid
	label string // the text of its label cells
	empty bool   // no label and no figure
	// figure: the first of several label cells reads as a figure, or one
	// in parentheses, which is not taken for a number printed before the
	// label (9 | 地方債 and (9) | 地方債 are figures astray, not 9．地方債).
	figure bool
}

// lines returns the lines of block h from row from on.
func (r *gridReader) lines(from int, h half) []gridLine {
	var out []gridLine
	for i := from; i < len(r.g.Rows); i++ {
		var parts []string
		for k := h.label; k < h.first; k++ {
			if c := r.g.at(i, k); c != "" && k != h.key {
				parts = append(parts, c)
			}
		}
		l := gridLine{i: i, label: strings.Join(parts, " ")}
		if len(parts) > 1 {
			c, err := format.ParseCell(parts[0])
			l.figure = err == nil && c.Valid || errors.Is(err, format.ErrParens)
		}
		l.empty = l.label == "" && r.g.at(i, h.key) == ""
		for k := range h.cols {
			if r.g.at(i, k) != "" {
				l.empty = false
			}
		}
		if !l.empty {
			out = append(out, l)
		}
	}
	return out
}

// body reads the lines after the column heading, block by block. A line
// that matches no row ends its block: once every row is read, it and the
// lines after it are notes (below the table, or below the left block of a
// table side by side); otherwise the first such line is the error. skip,
// if set, reports lines to pass over when they match no row: those of a
// table of statements side by side that belong to another's form.
func (r *gridReader) body(from int, halves []half, skip func(gridLine, half) bool) (*Statement, error) {
	t, g, ps := r.t, r.g, r.ps
	s := newStatement(t, r.meta)
	rows := rowCursor{t: t}
	var rest []gridLine // lines that matched no row: notes, if every row is read
	var unmatched error // why the first of rest matched none
	var at half         // the block of the first of rest
	for _, h := range halves {
		lines := r.lines(from, h)
		for n, l := range lines {
			var i int
			var err error
			if h.key >= 0 {
				i, err = rows.byKey(g.at(l.i, h.key))
			} else {
				i, err = rows.byLabelNumbered(l.label, !l.figure)
			}
			if err != nil && skip != nil && skip(l, h) {
				continue
			}
			if err != nil {
				if unmatched == nil {
					unmatched, at = err, h
				}
				rest = append(rest, lines[n:]...)
				break
			}
			r.figures(s, i, l, h)
			r.outside(l.i)
		}
	}
	if unmatched != nil && !rows.onlyUnprinted() {
		g.add(ps, rest[0].i, at.label, rest[0].label, "", unmatched)
		return nil, ps.err()
	}
	rows.missing(ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	slices.SortFunc(rest, func(a, b gridLine) int { return a.i - b.i })
	for _, l := range rest {
		s.meta.Notes = append(s.meta.Notes, g.text(l.i))
	}
	s.computeHidden()
	return s, nil
}

// onlyUnprinted reports whether every row the cursor has not reached is a
// header or hidden.
func (c *rowCursor) onlyUnprinted() bool {
	for _, r := range c.t.form.Rows[c.next:] {
		if r.Kind != Header && !r.Hidden {
			return false
		}
	}
	return true
}

// figures reads the cells of line l, of block h, into row i of s.
func (r *gridReader) figures(s *Statement, i int, l gridLine, h half) {
	t, g := r.t, r.g
	row := &t.form.Rows[i]
	name := rowRef(i, *row)
	if printed := (printedLabel{t: t, text: l.label, numbered: !l.figure}); h.key >= 0 && !printed.is(i) {
		g.addf(r.ps, l.i, h.label, name, "", ErrMismatch, "label %s, the form has %s", quote.Bounded(l.label), quote.Bounded(row.Label))
	}
	cells := cellReader{s: s}
	for k, j := range h.cols {
		var text string
		if k < len(g.Rows[l.i]) {
			text = g.Rows[l.i][k]
		}
		if err := cells.read(i, j, text); err != nil {
			g.add(r.ps, l.i, k, name, t.form.Columns[j].Name, err)
		}
	}
}

// GridColumn names a column of a table of statements side by side, such
// as 一般会計等 | 全体 | 連結, and the form of the statement it holds.
type GridColumn struct {
	Name     string    // the column's heading, compared as labels are
	Template *Template // a form with one amount column
}

// ReadGridColumns reads a table of statements side by side: a column
// heading with a cell that heads the labels and one column for each of
// cols, then a line for each printed row of any of their forms. Each
// statement is read from the labels and its column as ReadGrid reads a
// statement; a line whose label is not a row of its form, but of
// another's, is passed over where its column has no figure (blank or a
// dash). The heading lines above the table are read for each statement.
// The statements are returned in the order of cols. A column of cols that
// the heading lacks is an error, as is a form with more than one amount
// column, and text in a column of none of cols, in the heading or on a
// line read as a row (ErrUnknown).
func ReadGridColumns(g Grid, cols []GridColumn, opt ReadOptions) ([]*Statement, error) {
	ps := problems{source: firstNonEmpty(opt.Source, g.Source)}
	head, at := -1, make([]int, len(cols))
	for i := range g.Rows {
		found := 0
		for c, col := range cols {
			at[c] = -1
			for k := range g.Rows[i] {
				if normalLabel(g.at(i, k)) == normalLabel(col.Name) {
					at[c] = k
					found++
					break
				}
			}
		}
		if found == len(cols) {
			head = i
			break
		}
	}
	if head < 0 {
		names := make([]string, len(cols))
		for c, col := range cols {
			names[c] = col.Name
		}
		g.addf(&ps, -1, -1, "", "", ErrMissing, "no column heading naming %s", quote.Bounded(strings.Join(names, ", ")))
		return nil, ps.err()
	}
	first := at[0]
	for _, k := range at {
		first = min(first, k)
	}
	known := map[string]bool{}
	for _, col := range cols {
		if col.Template == nil {
			continue
		}
		for _, n := range col.Template.normals {
			known[n] = true
		}
	}
	var out []*Statement
	for c, col := range cols {
		t := col.Template
		j, amounts := -1, 0
		if t != nil {
			for k, fc := range t.form.Columns {
				if fc.Kind != Text {
					j, amounts = k, amounts+1
				}
			}
		}
		if amounts != 1 {
			g.addf(&ps, head, at[c], "", col.Name, ErrMismatch, "a table of statements side by side needs forms of one amount column")
			return nil, ps.err()
		}
		h := half{label: 0, first: first, key: -1, cols: map[int]int{at[c]: j}}
		// The other statements' columns are read for them.
		covered := coveredBy([]half{h}, len(g.Rows[head]))
		for _, k := range at {
			covered[k] = true
		}
		r := gridReader{t: t, g: &g, ps: &ps, meta: opt.Meta.clone(), statedUnit: opt.StatedUnit, covered: covered}
		r.headingLines(head)
		r.outside(head)
		if len(ps.list) > 0 {
			return nil, ps.err()
		}
		// Another form's line, without a figure in this column.
		skip := func(l gridLine, h half) bool {
			text := g.at(l.i, at[c])
			if !known[normalLabel(l.label)] || text == "" {
				return known[normalLabel(l.label)]
			}
			cell, err := format.ParseCell(text)
			return err == nil && !cell.Valid
		}
		s, err := r.body(head+1, []half{h}, skip)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}
