package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

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
	for _, name := range f.GetSheetList() {
		g, err := readSheet(f, name, e)
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
func readSheet(f *excelize.File, name string, e *Error) (statement.Grid, error) {
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
			if err := cell(f, name, i, j, &v); err != nil {
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
// sets *v to the text it holds: a number as its exact decimal.
func cell(f *excelize.File, sheet string, i, j int, v *string) error {
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
		// Stored as Excel stores numbers, perhaps with an exponent
		// (1.5E+7): its exact value, as plain digits.
		if d, err := decimal.NewFromString(*v); err == nil {
			*v = plain(d)
		}
	}
	return nil
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
