package statementtest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/statementtest"
	"github.com/shopspring/decimal"
)

// recorder is a statementtest.TB that keeps what it is told.
type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// plForm is the top of the J-LIS 損益計算書.
var plForm = &statement.Form{Number: "様式第9号", Title: "損益計算書",
	Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
	Rows: []statement.Row{
		{Key: "5101", Kind: statement.Item, Label: "事業費"},
		{Key: "5102", Kind: statement.Item, Label: "一般管理費"},
		{Key: "5100", Kind: statement.Total, Label: "営業費用合計", Formula: statement.Formula{{Key: "5101"}, {Key: "5102"}}},
	},
}

const plCSV = `key,label,金額
5101,事業費,"41,893,638,262"
5102,一般管理費,"608,514,198"
5100,営業費用合計,"42,502,152,460"
`

func read(t *testing.T, f *statement.Form, text string) *statement.Statement {
	t.Helper()
	s, err := statement.ReadCSV(strings.NewReader(text), f, statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func build(t *testing.T, f *statement.Form, figs []statement.Figure) *statement.Statement {
	t.Helper()
	s, err := statement.Build(f, statement.Meta{}, figs)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestEqual(t *testing.T) {
	published := read(t, plForm, plCSV)
	built := build(t, plForm, published.Figures())
	if !statementtest.Equal(t, built, published) || !statementtest.Consistent(t, published) {
		t.Error("the statement does not reproduce")
	}

	// 一般管理費 608,514,198 typed as 608,514,189.
	figs := published.Figures()
	for i := range figs {
		if figs[i].Row == "5102" {
			figs[i].Value.Amount = decimal.NewFromInt(608514189)
		}
	}
	var r recorder
	if statementtest.Equal(&r, build(t, plForm, figs), published) {
		t.Error("Equal of differing statements reports true")
	}
	report := strings.Join(r.errs, "\n")
	for _, want := range []string{
		"様式第9号 損益計算書: 一般管理費 金額: got 608,514,189円, want 608,514,198円",
		"営業費用合計 金額: got 42,502,152,451円, want 42,502,152,460円",
		"mismatch (-want +got)",
		`"608,514,198"`,
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

func TestConsistent(t *testing.T) {
	published := read(t, plForm, strings.Replace(plCSV, "42,502,152,460", "42,502,152,461", 1))
	var r recorder
	if statementtest.Consistent(&r, published) || len(r.errs) != 1 || !strings.Contains(r.errs[0], "営業費用合計") {
		t.Errorf("Consistent of a mistyped total: %q", r.errs)
	}
	if statementtest.Diff(published, published) != "" {
		t.Error("Diff of a statement with itself is not empty")
	}
}

// noteForm is a note that repeats a figure of the 損益計算書.
var noteForm = &statement.Form{Title: "一般管理費の内訳",
	Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
	Rows:    []statement.Row{{Key: "total", Kind: statement.Item, Label: "計"}}}

func book(t *testing.T, pl, note *statement.Statement) *statement.Book {
	t.Helper()
	var b statement.Book
	if err := b.Add("pl", pl); err != nil {
		t.Fatal(err)
	}
	if err := b.Add("note", note); err != nil {
		t.Fatal(err)
	}
	return &b
}

func TestBook(t *testing.T) {
	pl := read(t, plForm, plCSV)
	note := build(t, noteForm, []statement.Figure{{Row: "total", Column: "金額", Value: format.CellOf(decimal.NewFromInt(608514189))}})
	published := book(t, pl, note)
	built := book(t, build(t, plForm, pl.Figures()), note)
	links, err := statement.ReadLinksCSV(strings.NewReader("name,left,right\n一般管理費 内訳 = 損益計算書,note:total:金額,pl:5102:金額\n"), "links.csv")
	if err != nil {
		t.Fatal(err)
	}
	pins, err := statement.ReadPinsCSV(strings.NewReader("statement,row,column,printed,reason,link\n"+
		"note,total,金額,\"608,514,189\",the note transposes two digits,一般管理費 内訳 = 損益計算書\n"), "pins.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !statementtest.Book(t, built, published, links, pins) {
		t.Error("Book of a book as pinned reports a problem")
	}

	var r recorder
	if statementtest.Book(&r, built, published, links, nil) || len(r.errs) != 1 ||
		r.errs[0] != "note: 計 金額: link 一般管理費 内訳 = 損益計算書: got 608,514,189円, want 608,514,198円" {
		t.Errorf("Book without the pin: %q", r.errs)
	}
	r = recorder{}
	fixed := book(t, pl, build(t, noteForm, []statement.Figure{{Row: "total", Column: "金額", Value: format.CellOf(decimal.NewFromInt(608514198))}}))
	if statementtest.Book(&r, nil, fixed, links, pins) || len(r.errs) != 1 || !strings.Contains(r.errs[0], "stale pin") {
		t.Errorf("Book with a stale pin: %q", r.errs)
	}
}
