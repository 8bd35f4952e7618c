package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// MaxUnpacked bounds the bytes a workbook may unpack to, and MaxSheet
// those of one of its sheets: a file of a few kilobytes must not unpack to
// gigabytes. Published statements are far below both.
const (
	MaxUnpacked = 256 << 20
	MaxSheet    = 64 << 20
)

// ReadFile reads the workbook at path with Read, naming it by path.
func ReadFile(path string) ([]statement.Grid, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(bytes.NewReader(data), path)
}

// Read reads every sheet of the workbook r, in order, as a
// statement.Grid whose Source is source, whose Name is the sheet's, and
// whose cells are named as 貸借対照表!C12 (see the package doc for what
// each cell holds). Errors are an *Error listing every formula without a
// stored value and every error value, with its cell, or ErrWorkbook for
// input that is not a workbook.
func Read(r io.Reader, source string) ([]statement.Grid, error) {
	e := &Error{Source: source}
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: MaxUnpacked, UnzipXMLSizeLimit: MaxSheet})
	if err != nil {
		e.Problems = append(e.Problems, Problem{Err: fmt.Errorf("%w: %v", ErrWorkbook, err)})
		return nil, e
	}
	defer f.Close()
	var grids []statement.Grid
	ds := dates{f: f, known: map[int]bool{}}
	for _, name := range f.GetSheetList() {
		g, err := readSheet(f, name, &ds, e)
		if err != nil {
			e.Problems = append(e.Problems, Problem{Cell: sheetRef(name), Err: fmt.Errorf("%w: %v", ErrWorkbook, err)})
			continue
		}
		g.Source = source
		grids = append(grids, g)
	}
	if len(e.Problems) > 0 {
		return nil, e
	}
	return grids, nil
}

// readSheet reads one sheet, adding to e the cells whose value is not
// there.
func readSheet(f *excelize.File, name string, ds *dates, e *Error) (statement.Grid, error) {
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return statement.Grid{}, err
	}
	ref := sheetRef(name)
	g := statement.Grid{Name: name, Rows: rows, Cell: func(i, j int) string { return ref + "!" + cellName(j, i) }}
	// A formula whose value is not stored reads as an empty cell; only
	// its formula tells it apart. The formulas are looked for in the
	// sheet's extent, which the rows' trailing empty cells may exceed.
	width := 0
	for _, row := range rows {
		width = max(width, len(row))
	}
	if dim, err := f.GetSheetDimension(name); err == nil {
		if _, to, ok := strings.Cut(dim, ":"); ok {
			if c, r, err := excelize.CellNameToCoordinates(to); err == nil {
				width = max(width, c)
				for len(g.Rows) < r {
					g.Rows = append(g.Rows, nil)
				}
			}
		}
	}
	for i := range g.Rows {
		for j := range width {
			v := ""
			if j < len(g.Rows[i]) {
				v = g.Rows[i][j]
			}
			if err := cell(f, name, i, j, ds, &v); err != nil {
				e.Problems = append(e.Problems, Problem{Cell: g.Cell(i, j), Err: err})
			}
			if j < len(g.Rows[i]) {
				g.Rows[i][j] = v
			}
		}
	}
	return g, nil
}

// cell checks the cell at row i, column j, whose raw value is *v, and
// sets *v to the text it holds: a number as its exact decimal, a date as
// the workbook shows it.
func cell(f *excelize.File, sheet string, i, j int, ds *dates, v *string) error {
	name := cellName(j, i)
	if *v == "" {
		formula, err := f.GetCellFormula(sheet, name)
		if err == nil && formula != "" {
			return fmt.Errorf("%w: =%s", ErrNoValue, formula)
		}
		return nil
	}
	typ, err := f.GetCellType(sheet, name)
	if err != nil {
		return nil
	}
	switch typ {
	case excelize.CellTypeError:
		return fmt.Errorf("%w: %s", ErrValue, *v)
	case excelize.CellTypeBool:
		// Stored as 1 or 0, which would read as a figure.
		return fmt.Errorf("%w: a logical value (TRUE or FALSE), not a figure or text", ErrValue)
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		if ds.is(sheet, name) {
			return date(f, sheet, name, v)
		}
		// Stored as Excel stores numbers, perhaps with an exponent
		// (1.5E+7): its exact value, as plain digits.
		if d, err := decimal.NewFromString(*v); err == nil {
			*v = plain(d)
		}
	}
	return nil
}

// date sets *v to the text that the date cell holding *v shows, such as
// 令和5年3月31日: what a date line needs, and text that no reader takes
// for a figure. A date shown as digits alone, such as 2025 under the
// format yyyy, is an error: its text would read as an amount.
func date(f *excelize.File, sheet, name string, v *string) error {
	// excelize formats by the workbook's date system, 1900 or 1904.
	shown, err := f.GetCellValue(sheet, name)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrValue, err)
	}
	if _, err := format.ParseCell(shown); err == nil || strings.TrimSpace(shown) == "" {
		return fmt.Errorf("%w: a date shown as %q, which would read as a figure", ErrValue, shown)
	}
	*v = shown
	return nil
}

// dates tells the cells whose number format shows a date or a time,
// looking each style of the workbook up once.
type dates struct {
	f     *excelize.File
	known map[int]bool // style index → whether its format is a date's
}

// is reports whether the cell's number format shows a date or a time.
func (ds *dates) is(sheet, cell string) bool {
	idx, err := ds.f.GetCellStyle(sheet, cell)
	if err != nil || idx == 0 {
		return false // the default style's format is General
	}
	if d, ok := ds.known[idx]; ok {
		return d
	}
	d := false
	if st, err := ds.f.GetStyle(idx); err == nil {
		if st.CustomNumFmt != nil {
			d = dateCode(*st.CustomNumFmt)
		} else {
			d = dateFormatID(st.NumFmt)
		}
	}
	ds.known[idx] = d
	return d
}

// dateFormatID reports whether a built-in number format shows a date or a
// time: 14–22 and 45–47 in every locale, 27–36 and 50–58 in the East Asian
// ones (the Japanese era formats among them), 71–81 in Thai (ECMA-376
// Part 1, 18.8.30).
func dateFormatID(id int) bool {
	return 14 <= id && id <= 22 || 27 <= id && id <= 36 || 45 <= id && id <= 47 ||
		50 <= id && id <= 58 || 71 <= id && id <= 81
}

// dateCode reports whether a number format code shows a date or a time:
// whether, outside quoted text, escaped characters and bracketed parts
// such as [$-411] or [Red], it has a letter of a date or a time (y, m, d,
// g, e, h, s), or an elapsed time such as [h]. General, and the E of an
// exponent (0.00E+00), are no date.
func dateCode(code string) bool {
	code = strings.ReplaceAll(strings.ToLower(code), "general", "")
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			end := strings.IndexByte(code[i+1:], '"')
			if end < 0 {
				return false
			}
			i += end + 1
		case '\\', '_', '*':
			i++ // the next character is text, or what fills a width
		case '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				return false
			}
			if inner := strings.Trim(code[i+1:i+end], "hms"); inner == "" && end > 1 {
				return true
			}
			i += end
		case 'y', 'm', 'd', 'g', 'h', 's':
			return true
		case 'e':
			if i+1 >= len(code) || code[i+1] != '+' && code[i+1] != '-' {
				return true
			}
		}
	}
	return false
}

// plain returns d as digits, with a leading - for negatives and a decimal
// point only when needed, whatever decimal's package settings are.
func plain(d decimal.Decimal) string {
	if d.Exponent() >= 0 {
		return d.Coefficient().String() + strings.Repeat("0", int(d.Exponent()))
	}
	s := d.StringFixed(-d.Exponent())
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// cellName returns the name of the cell at column j and row i, from 0: A1.
func cellName(j, i int) string {
	name, _ := excelize.CoordinatesToCellName(j+1, i+1)
	return name
}

// sheetRef returns a sheet's name as a reference writes it: quoted where
// it has a space or a character of the reference syntax.
func sheetRef(name string) string {
	if strings.ContainsAny(name, " !'()-,;&") {
		return "'" + strings.ReplaceAll(name, "'", "''") + "'"
	}
	return name
}
