// Package jlis holds the FY2019 (令和元年度) statements of 地方公共団体情報
// システム機構 (J-LIS) as its report publishes them, and builds them with the
// library: the chart of accounts, the forms, and every printed figure, as
// CSV files embedded in the package.
//
// The files are:
//
//   - chart.csv: the chart of accounts of the balance sheet and income
//     statement, read by account.ReadCSV;
//   - forms.csv: one line for each table, in report order: its id, form
//     number, title, entity, date line and unit as printed, its columns (see
//     statement.ParseColumns), the heading of its label column, whether it
//     prints vertically, and its style (signspace: a space after △;
//     zerodash, zerohyphen: zero printed as － or -; nilblank: no figure
//     printed as nothing rather than -);
//   - forms/<id>.csv: the rows of each table, read by statement.ReadRowsCSV;
//   - r01/<id>.csv: every figure the report prints in that table, totals
//     included, transcribed as printed and read by statement.ReadCSV;
//   - r01/<id>.notes.txt, if present: the notes printed below the table, one
//     a line;
//   - r02/koufukin.csv and r02/lgwan.csv: the 令和２年度交付金見込額一覧 and
//     the LGWAN 負担金 table of 議案第３号 and 第４号, as printed.
//
// Build takes only the item figures of each table and computes the rest;
// the tests compare the result with every printed figure.
package jlis

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/statement"
)

//go:embed chart.csv forms.csv hosei.csv forms/*.csv r01/*.csv r01/*.notes.txt r02/*.csv r02/*.notes.txt
var files embed.FS

// Chart returns the J-LIS chart of accounts.
func Chart() (*account.Chart, error) {
	f, err := files.Open("chart.csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return account.ReadCSV(f)
}

// A Table is one table of the report: its form, what it says of itself,
// its figures as published and, after Build, as the library computes them.
type Table struct {
	ID        string
	Form      *statement.Form
	Meta      statement.Meta
	Published *statement.Statement // every figure as printed
	Built     *statement.Statement // set by Build
}

// Tables returns every table of the FY2019 report that the package holds,
// in report order, with its published figures. Every account code its
// forms name is in the chart.
func Tables() ([]*Table, error) { return readIndex("forms.csv", "r01") }

// BudgetTables returns, likewise, the tables of the 令和２年度６月補正予算
// (議案第２号 and its 参考資料), indexed by hosei.csv, with figures in r02.
func BudgetTables() ([]*Table, error) { return readIndex("hosei.csv", "r02") }

// readIndex reads the tables an index lists, with their figures in dir.
func readIndex(index, dir string) ([]*Table, error) {
	recs, err := readCSV(index, "id", "form", "title", "entity", "date", "unit", "columns", "stub", "vertical", "style")
	if err != nil {
		return nil, err
	}
	chart, err := Chart()
	if err != nil {
		return nil, fmt.Errorf("chart.csv: %w", err)
	}
	var tables []*Table
	for _, r := range recs {
		t, err := readTable(r.field, chart, dir)
		if err != nil {
			return nil, r.errorf("%w", err)
		}
		tables = append(tables, t)
	}
	return tables, nil
}

// readTable reads the table that a line of forms.csv describes.
func readTable(field func(string) string, chart *account.Chart, dir string) (*Table, error) {
	t := &Table{ID: field("id")}
	columns, err := statement.ParseColumns(field("columns"))
	if err != nil {
		return nil, err
	}
	unit, err := format.ParseUnit(field("unit"))
	if err != nil {
		return nil, err
	}
	t.Form = &statement.Form{
		Number:   field("form"),
		Title:    field("title"),
		Stub:     field("stub"),
		Columns:  columns,
		Vertical: field("vertical") == "true",
	}
	t.Meta = statement.Meta{Entity: field("entity"), Date: field("date"), Unit: unit}
	// style names how the table prints its figures, and zerosums that it
	// prints a total of items without figures as 0.
	for _, flag := range strings.Fields(field("style")) {
		switch flag {
		case "signspace":
			t.Meta.Style.SignSpace = true
		case "zerodash":
			t.Meta.Style.Zero = format.ZeroDash
		case "zerohyphen":
			t.Meta.Style.Zero = format.ZeroHyphen
		case "nilblank":
			t.Meta.Style.Nil = format.NilBlank
		case "zerosums":
			t.Form.ZeroSums = true
		default:
			return nil, fmt.Errorf("unknown style %q", flag)
		}
	}
	if notes, err := fs.ReadFile(files, dir+"/"+t.ID+".notes.txt"); err == nil {
		t.Meta.Notes = strings.Split(strings.TrimRight(string(notes), "\n"), "\n")
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if t.Form.Rows, err = readRows(t.ID); err != nil {
		return nil, err
	}
	if _, err := statement.Compile(t.Form); err != nil {
		return nil, err
	}
	if err := t.Form.CheckAccounts(chart); err != nil {
		return nil, err
	}
	name := dir + "/" + t.ID + ".csv"
	data, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, err
	}
	if t.Published, err = statement.ReadCSV(strings.NewReader(string(data)), t.Form, statement.ReadOptions{Source: name, Meta: t.Meta}); err != nil {
		return nil, err
	}
	return t, nil
}

func readRows(id string) ([]statement.Row, error) {
	name := "forms/" + id + ".csv"
	f, err := files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return statement.ReadRowsCSV(f, name)
}

// Select returns the tables that a program's -form flag names: those of
// 様式第N号 for a number N, the one with that id otherwise, all of them
// for an empty name.
func Select(tables []*Table, form string) []*Table {
	if form == "" {
		return tables
	}
	var sel []*Table
	for _, t := range tables {
		if t.Form.Number == "様式第"+form+"号" || t.ID == form {
			sel = append(sel, t)
		}
	}
	return sel
}

// A record is a line of a data file, its fields by column name.
type record struct {
	file   string
	line   int
	fields map[string]string
}

func (r record) field(name string) string { return r.fields[name] }

// errorf returns an error that names the record's file and line.
func (r record) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: line %d: "+format, append([]any{r.file, r.line}, args...)...)
}

// readCSV reads a data file whose header names the given columns.
func readCSV(name string, columns ...string) ([]record, error) {
	f, err := files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csvio.ReadAll(f, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	cols, err := csvio.Header(recs[0], columns...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]record, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(recs[0].Fields) {
			return nil, fmt.Errorf("%s: line %d: %d fields, the header has %d", name, rec.Line, len(rec.Fields), len(recs[0].Fields))
		}
		r := record{file: name, line: rec.Line, fields: map[string]string{}}
		for c, i := range cols {
			r.fields[c] = rec.Fields[i]
		}
		out = append(out, r)
	}
	return out, nil
}
