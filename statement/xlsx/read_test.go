package xlsx_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/koukaikei/koukaikei/statement/xlsx"
	"github.com/shopspring/decimal"
)

// readBook reads every sheet of a workbook of testdata into one book.
func readBook(t *testing.T, file string) *statement.Book {
	t.Helper()
	grids, err := xlsx.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	var b statement.Book
	for _, g := range grids {
		if err := unified.AddGrid(&b, g, statement.ReadOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	return &b
}

// figure is one printed figure that a test expects, in yen.
type figure struct {
	id, row, column string
	yen             int64
}

func checkFigures(t *testing.T, b *statement.Book, want []figure) {
	t.Helper()
	for _, f := range want {
		s, ok := b.Statement(f.id)
		if !ok {
			t.Errorf("no statement %s in %v", f.id, b.IDs())
			continue
		}
		if got, _ := s.Cell(f.row, f.column); !got.Equal(format.CellOf(decimal.NewFromInt(f.yen))) {
			t.Errorf("%s %s %s = %v, want %d", f.id, f.row, f.column, got, f.yen)
		}
	}
}

// The 連結 statements of みなと市 (examples/renketsu/testdata/WORKED.md), in
// the figures renketsu.txt prints.
var minato = []figure{
	{"bs-consolidated", "1900", "金額", 20_670},
	{"bs-consolidated", "1114", "金額", -3_050},
	{"bs-consolidated", "1510", "金額", 1_030},
	{"bs-consolidated", "3030", "金額", 40},
	{"bs-consolidated", "3990", "金額", 20_670},
	{"pl-consolidated", "4900", "金額", 4_190},
	{"pl-consolidated", "4230", "金額", 0},
	{"nw-consolidated", "6100", "余剰分（不足分）", -4_190},
	{"nw-consolidated", "6900", "合計", 13_120},
	{"nw-consolidated", "6900", "他団体出資等分", 40},
	{"cf-consolidated", "9900", "金額", 1_030},
}

// A workbook of one statement per sheet, made by openpyxl: labels over
// one column per level, headings merged, the 貸借対照表 side by side,
// figures as numbers or as text. Every statement is recognised, read
// whole, and the book verifies: its links included, all exact.
func TestReadSheetPerStatement(t *testing.T) {
	b := readBook(t, "minato-consolidated.xlsx")
	if got := strings.Join(b.IDs(), " "); got != "bs-consolidated pl-consolidated nw-consolidated cf-consolidated" {
		t.Fatalf("ids %s", got)
	}
	checkFigures(t, b, minato)
	if v := unified.Verify(b, unified.Consolidated); len(v.Findings) != 0 {
		t.Errorf("Verify: %v", v.Findings)
	}
	s, _ := b.Statement("bs-consolidated")
	if m := s.Meta(); m.Entity != "みなと市" || m.DateLine() != "（令和７年３月３１日現在）" || m.Unit != format.Yen {
		t.Errorf("meta %q %q %v", m.Entity, m.DateLine(), m.Unit)
	}
}

// The same statements on one sheet, one after another, read the same.
func TestReadOneSheet(t *testing.T) {
	b := readBook(t, "minato-onesheet.xlsx")
	want := readBook(t, "minato-consolidated.xlsx")
	if fs := b.Compare(want); len(fs) != 0 {
		t.Errorf("Compare: %v", fs)
	}
}

// The scopes side by side are three statements: 一般会計等 and 全体 as
// WORKED.md works them out, 連結 as renketsu.txt prints it.
func TestReadScopes(t *testing.T) {
	b := readBook(t, "scopes-pl.xlsx")
	checkFigures(t, b, []figure{
		{"pl-general", "4900", "金額", 4_140},
		{"pl-general", "4230", "金額", 100},
		{"pl-whole", "4900", "金額", 4_160},
		{"pl-whole", "4200", "金額", 1_700},
		{"pl-consolidated", "4900", "金額", 4_190},
	})
	for _, id := range b.IDs() {
		s, _ := b.Statement(id)
		if fs := s.Verify(); len(fs) != 0 {
			t.Errorf("%s: %v", id, fs)
		}
	}
	consolidated := readBook(t, "minato-consolidated.xlsx")
	got, _ := b.Statement("pl-consolidated")
	want, _ := consolidated.Statement("pl-consolidated")
	if fs := statement.Compare(got, want); len(fs) != 0 {
		t.Errorf("連結 differs from the sheet of its own: %v", fs)
	}
}

// 島田市's 行政コスト計算書 in 千円, laid out as its open-data workbook is:
// the unit within the line that names the body, the period above; the
// workbook's empty second sheet holds no statement. Four
// totals are within rounding (examples/check/testdata/NOTES.md), the
// others exact.
func TestReadShimada(t *testing.T) {
	b := readBook(t, "shimada-h29-pl.xlsx")
	s, ok := b.Statement("pl-general")
	if !ok || len(b.IDs()) != 1 {
		t.Fatalf("ids %v: the empty Sheet2 holds no statement", b.IDs())
	}
	m := s.Meta()
	if m.Unit != format.Thousand || m.Entity != "自治体名:島田市 会計:一般会計等" || m.Period.Start.String() != "平成29年4月1日" {
		t.Errorf("meta %v %q %v", m.Unit, m.Entity, m.Period)
	}
	v, err := s.VerifyRounded()
	if err != nil {
		t.Fatal(err)
	}
	var within []string
	for _, f := range v.Findings {
		switch f.Verdict {
		case statement.WithinRounding:
			within = append(within, f.Label)
		default:
			t.Errorf("%v: %v", f.Verdict, f)
		}
	}
	if got := strings.Join(within, " "); got != "経常費用 物件費等 純経常行政コスト 臨時損失" {
		t.Errorf("within rounding: %s", got)
	}
}

// Cells whose figure is not there are errors naming them.
func TestReadErrors(t *testing.T) {
	_, err := xlsx.ReadFile("testdata/bad.xlsx")
	var e *xlsx.Error
	if !errors.As(err, &e) || len(e.Problems) != 3 {
		t.Fatalf("ReadFile = %v", err)
	}
	for k, want := range []struct {
		cell string
		err  error
	}{{"formula!B2", xlsx.ErrNoValue}, {"error!B2", xlsx.ErrValue}, {"logical!B2", xlsx.ErrValue}} {
		if p := e.Problems[k]; p.Cell != want.cell || !errors.Is(p, want.err) {
			t.Errorf("problem %d = %v, want %v at %s", k, p, want.err, want.cell)
		}
	}
	if !strings.Contains(err.Error(), "xlsx: testdata/bad.xlsx: formula!B2: formula without a stored value: =B3") {
		t.Errorf("message %q", err)
	}
	if _, err := xlsx.Read(strings.NewReader("key,label\n"), "x.csv"); !errors.Is(err, xlsx.ErrWorkbook) {
		t.Errorf("a CSV file read as a workbook: %v", err)
	}
}

// A statement of a sheet with a bad cell is an error naming the file, the
// sheet and the cell.
func TestReadStatementErrors(t *testing.T) {
	grids, err := xlsx.ReadFile("testdata/bad-figures.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range []struct {
		err   error
		where string
	}{
		{format.ErrSyntax, "statement: testdata/bad-figures.xlsx: text!B3: row \"4000\": column \"金額\": "},
		{statement.ErrUnknown, "statement: testdata/bad-figures.xlsx: label!A5: row \"人件費等\": unknown: the form expects row \"4110\" (人件費)"},
		{statement.ErrMismatch, "statement: testdata/bad-figures.xlsx: memo: does not match the form: no title of a statement"},
	} {
		_, err := unified.ReadGrid(grids[k], statement.ReadOptions{})
		var e *statement.Error
		if !errors.As(err, &e) || !errors.Is(err, want.err) || !strings.Contains(err.Error(), want.where) {
			t.Errorf("sheet %s: %v, want %v at %s", grids[k].Name, err, want.err, want.where)
		}
	}
}

// A date line stored as a date, a number with a date format, reads as the
// date it shows, in either date system: 45747 is 2025-03-31 in the 1900
// system, 44285 in the 1904 one. The statements read as those whose date
// line is text.
func TestReadDates(t *testing.T) {
	want := readBook(t, "minato-consolidated.xlsx")
	asOf, err := era.FromGregorian(2025, time.March, 31)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, line string }{
		{"minato-dated.xlsx", "令和7年3月31日"},
		{"minato-dated1904.xlsx", "（2025年3月31日現在）"},
	} {
		b := readBook(t, c.file)
		s, _ := b.Statement("bs-consolidated")
		if m := s.Meta(); m.AsOf != asOf || m.DateLine() != c.line || m.Entity != "みなと市" {
			t.Errorf("%s: as of %v, date line %q, entity %q", c.file, m.AsOf, m.DateLine(), m.Entity)
		}
		checkFigures(t, b, minato)
		for _, id := range want.IDs() {
			got, _ := b.Statement(id)
			w, _ := want.Statement(id)
			if fs := statement.Compare(got, w); len(fs) != 0 {
				t.Errorf("%s %s: %v", c.file, id, fs)
			}
		}
	}
}

// A date where a figure is expected is never read as one: shown as a date,
// it is text that is not an amount, an error of the statement naming file,
// sheet and cell; shown as digits alone (the format yyyy), an error of the
// workbook naming them.
func TestReadDateFigure(t *testing.T) {
	grids, err := xlsx.ReadFile("testdata/date-figure.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	_, err = unified.ReadGrid(grids[0], statement.ReadOptions{})
	var se *statement.Error
	where := "statement: testdata/date-figure.xlsx: date!B3: row \"4000\": column \"金額\": "
	if !errors.As(err, &se) || !errors.Is(err, format.ErrSyntax) || !strings.Contains(err.Error(), where) || !strings.Contains(err.Error(), "2025/3/31") {
		t.Errorf("ReadGrid = %v, want %v at %s", err, format.ErrSyntax, where)
	}
	_, err = xlsx.ReadFile("testdata/date-digits.xlsx")
	var xe *xlsx.Error
	if !errors.As(err, &xe) || len(xe.Problems) != 1 || xe.Problems[0].Cell != "date!B3" || !errors.Is(err, xlsx.ErrValue) {
		t.Fatalf("ReadFile = %v, want %v at date!B3", err, xlsx.ErrValue)
	}
	if want := `xlsx: testdata/date-digits.xlsx: date!B3: error value: a date shown as "2025", which would read as a figure`; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

// Which number formats show a date or a time.
func TestDateCode(t *testing.T) {
	for _, c := range []struct {
		code string
		date bool
	}{
		{`[$-411]ggge"年"m"月"d"日"`, true},
		{`"（"yyyy"年"m"月"d"日現在）"`, true},
		{"yyyy/m/d", true},
		{"h:mm", true},
		{"[h]", true},
		{"[mm]:ss", true},
		{"General", false},
		{"#,##0;\"△\"#,##0", false},
		{`#,##0;"△ "#,##0`, false},
		{"#,##0;[Red]-#,##0", false},
		{"0.00E+00", false},
		{`#,##0"円"`, false},
		{`#,##0\m`, false},
		{`#,##0_);(#,##0)`, false},
		{"@", false},
		{`"unclosed`, false},
	} {
		if got := xlsx.DateCode(c.code); got != c.date {
			t.Errorf("DateCode(%q) = %v, want %v", c.code, got, c.date)
		}
	}
}
