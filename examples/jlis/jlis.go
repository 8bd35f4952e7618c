// Package jlis holds the reports of 地方公共団体情報システム機構 (J-LIS) as
// published, as data: the FY2019 (令和元年度) financial statements and the
// 令和２年度６月補正予算, each loaded into a statement.Book as printed and
// as the library builds it from the item figures, with the links between
// its tables and the pins of the figures the report's own figures do not
// give. The package is CSV files embedded in it, and a few loaders.
//
// The files are:
//
//   - chart.csv: the chart of accounts of the balance sheet and income
//     statement, read by account.ReadCSV;
//   - forms.csv (FY2019) and hosei.csv (the budget): one line for each
//     table, in report order: its id, form number, title, entity, date
//     line and unit as printed, its columns (see statement.ParseColumns),
//     the heading of its label column, whether it prints vertically, and
//     its style (signspace: a space after △; zerodash, zerohyphen: zero
//     printed as － or -; nilblank: no figure printed as nothing rather
//     than -; zerosums: a total of items without figures printed as 0;
//     recomputed=C1|C2: the columns whose computed cells the report
//     computes from its rounded figures, statement.Meta.Recomputed);
//   - forms/<id>.csv: the rows of each table, read by statement.ReadRowsCSV;
//   - r01/<id>.csv and r02/<id>.csv: every figure the report prints in that
//     table, totals included, transcribed as printed and read by
//     statement.ReadCSV; r01 holds FY2019, r02 the budget;
//   - <dir>/<id>.notes.txt, if present: the notes printed below the table,
//     one a line;
//   - <dir>/derivations.csv: the tables made from another table rather
//     than from their own item figures, one a line: id, the source table's
//     id, columns as target=source joined by | (each input column of the
//     table takes the exact figures of the source's column, hidden rows
//     included), and the unit it is scaled to: every figure rounded from
//     its exact value, but those of the columns that the table's style
//     names recomputed, computed from the rounded figures
//     (statement.Recompute);
//   - r01/consolidations.csv: the segment statements, one a line: id, the
//     segments (the columns built each from its own figures, joined by |)
//     and the rows of accounts between segments that must net to zero
//     (joined by |); their 相殺等 column is derived from the eliminations
//     in r01/<id>.eliminations.csv, read by segment.ReadEliminationsCSV;
//   - <dir>/links.csv: the identities between tables, read by
//     statement.ReadLinksCSV; the budget's name koufukin (the
//     交付金見込額一覧), lgwan (the LGWAN 負担金 table in 千円, 増減
//     recomputed from the rounded 負担金) and r01:kessan_bs (the FY2019
//     決算報告書 貸借対照表);
//   - <dir>/pins.csv: the published figures the report's own figures do
//     not give, with the reason, read by statement.ReadPinsCSV;
//   - r01/assets.csv: the movements of the 有形固定資産等明細書 as a
//     固定資産台帳 (package account/fixedasset) of three lines a class, with
//     what it rebuilds and what it cannot in r01/assets.md; the tests read
//     it, the loaders do not;
//   - r02/koufukin.csv and r02/lgwan.csv: the 令和２年度交付金見込額一覧 and
//     the LGWAN 負担金 table of 議案第３号 and 第４号, as printed.
package jlis

import (
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
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
	return account.ReadCSV(f, "chart.csv")
}

// A Report is one report of J-LIS: its tables as printed and as built,
// the links between them and the pins of what the report gets wrong.
type Report struct {
	// Tables are the ids of the tables the report prints, in its order.
	Tables []string
	// Published holds every table as printed, and the statements that
	// its links name besides (see the package doc).
	Published *statement.Book
	// Built holds every table built from the item figures the report
	// prints, or from the tables it summarises, and the same other
	// statements as Published.
	Built *statement.Book
	Links []statement.Link
	Pins  []statement.Pin
}

// Verify checks the built tables against the published ones and the links
// between the published ones, under rounding (statement.Book.VerifyRounded),
// allowing what the pins expect: the tables printed in 千円 and 百万円 are
// judged with each figure standing for the yen it may be rounded from, and
// tied to the yen tables they summarise by links.
func (r *Report) Verify() (*statement.Verification, error) {
	return r.Published.VerifyRounded(statement.VerifyOptions{Built: r.Built, Links: r.Links, Pins: r.Pins})
}

// FY2019 returns the FY2019 report, indexed by forms.csv, with its figures
// in r01. Every account code its forms name is in the chart.
func FY2019() (*Report, error) {
	return load("forms.csv", "r01")
}

// Budget2020 returns the 令和２年度６月補正予算 (議案第２号 and its 参考資料),
// indexed by hosei.csv, with its figures in r02.
func Budget2020() (*Report, error) {
	r, err := load("hosei.csv", "r02")
	if err != nil {
		return nil, err
	}
	fy2019, err := FY2019()
	if err != nil {
		return nil, err
	}
	ms, err := Koufukin()
	if err != nil {
		return nil, err
	}
	koufukin, err := KoufukinStatement(ms)
	if err != nil {
		return nil, err
	}
	lgwan, _, err := LGWANStatements(ms)
	if err != nil {
		return nil, err
	}
	kessan, _ := fy2019.Published.Statement("kessan_bs")
	// The 補正額 of the LGWAN budget is the change of the 負担金 rounded to
	// 千円: 1,662,876 − 1,659,999 = 2,877, where the exact change,
	// 2,876,192 円, would round to 2,876.
	lgwan = lgwan.Scale(statement.Scaling{Unit: format.Thousand, Columns: map[string]statement.Policy{"増減": statement.Recompute}})
	for _, b := range []*statement.Book{r.Published, r.Built} {
		for _, s := range []struct {
			id string
			s  *statement.Statement
		}{{"koufukin", koufukin}, {"lgwan", lgwan}, {"r01:kessan_bs", kessan}} {
			if err := b.Add(s.id, s.s); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

// load reads the report that index lists, with its data in dir, and
// builds it.
func load(index, dir string) (*Report, error) {
	recs, err := readCSV(index, "id", "form", "title", "entity", "date", "unit", "columns", "stub", "vertical", "style")
	if err != nil {
		return nil, err
	}
	chart, err := Chart()
	if err != nil {
		return nil, fmt.Errorf("chart.csv: %w", err)
	}
	r := &Report{Published: &statement.Book{}}
	for _, rec := range recs {
		s, err := readTable(rec.field, chart, dir)
		if err == nil {
			err = r.Published.Add(rec.field("id"), s)
		}
		if err != nil {
			return nil, rec.errorf("%w", err)
		}
		r.Tables = append(r.Tables, rec.field("id"))
	}
	if r.Built, err = build(r.Published, chart, dir); err != nil {
		return nil, err
	}
	if r.Links, err = readData(dir+"/links.csv", statement.ReadLinksCSV); err != nil {
		return nil, err
	}
	if r.Pins, err = readData(dir+"/pins.csv", statement.ReadPinsCSV); err != nil {
		return nil, err
	}
	return r, nil
}

// readData reads an embedded file with a reader of the statement package.
func readData[T any](name string, read func(r io.Reader, source string) (T, error)) (T, error) {
	f, err := files.Open(name)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return read(f, name)
}

// readTable reads, as published, the table that a line of an index
// describes.
func readTable(field func(string) string, chart *account.Chart, dir string) (*statement.Statement, error) {
	id := field("id")
	columns, err := statement.ParseColumns(field("columns"))
	if err != nil {
		return nil, err
	}
	unit, err := format.ParseUnit(field("unit"))
	if err != nil {
		return nil, err
	}
	form := &statement.Form{
		Number:   field("form"),
		Title:    field("title"),
		Stub:     field("stub"),
		Columns:  columns,
		Vertical: field("vertical") == "true",
	}
	meta := statement.Meta{Entity: field("entity"), Unit: unit}
	// A date line that is not a caption era reads, such as the 決算の概要's
	// ［令和2年3月31日現在における機構の資産や負債…］, prints as it is.
	if line := field("date"); line != "" {
		if meta, err = meta.WithDateLine(line); err != nil {
			meta.Date = line
		}
	}
	for _, flag := range strings.Fields(field("style")) {
		if cols, ok := strings.CutPrefix(flag, "recomputed="); ok {
			meta.Recomputed = strings.Split(cols, "|")
			continue
		}
		switch flag {
		case "signspace":
			meta.Style.SignSpace = true
		case "zerodash":
			meta.Style.Zero = format.ZeroDash
		case "zerohyphen":
			meta.Style.Zero = format.ZeroHyphen
		case "nilblank":
			meta.Style.Nil = format.NilBlank
		case "zerosums":
			form.ZeroSums = true
		default:
			return nil, fmt.Errorf("unknown style %q", flag)
		}
	}
	if notes, err := fs.ReadFile(files, dir+"/"+id+".notes.txt"); err == nil {
		meta.Notes = strings.Split(strings.TrimRight(string(notes), "\n"), "\n")
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	name := "forms/" + id + ".csv"
	if form.Rows, err = readData(name, statement.ReadRowsCSV); err != nil {
		return nil, err
	}
	if err := form.CheckAccounts(chart); err != nil {
		return nil, err
	}
	name = dir + "/" + id + ".csv"
	return readData(name, func(f io.Reader, source string) (*statement.Statement, error) {
		return statement.ReadCSV(f, form, statement.ReadOptions{Source: source, Meta: meta})
	})
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

// readCSV reads a data file, UTF-8 CSV, whose header names the given
// columns, each once and no other.
func readCSV(name string, columns ...string) ([]record, error) {
	f, err := files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = len(columns) // the header's, and every line's
	head, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, c := range columns {
		if !slices.Contains(head, c) {
			return nil, fmt.Errorf("%s: line 1: the header %q lacks the column %q", name, strings.Join(head, ","), c)
		}
	}
	var out []record
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		r := record{file: name, line: line, fields: make(map[string]string, len(head))}
		for i, c := range head {
			r.fields[c] = rec[i]
		}
		out = append(out, r)
	}
}
