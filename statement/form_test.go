package statement_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/statement"
)

func TestParseFormula(t *testing.T) {
	tests := []struct {
		in   string
		want statement.Formula
	}{
		{"1110+1120", statement.Formula{{Key: "1110"}, {Key: "1120"}}},
		{"P_OP + 4200 - 5200", statement.Formula{{Key: "P_OP"}, {Key: "4200"}, {Key: "5200", Negative: true}}},
		{"-a+b", statement.Formula{{Key: "a", Negative: true}, {Key: "b"}}},
		{"+a", statement.Formula{{Key: "a"}}},
	}
	for _, tt := range tests {
		got, err := statement.ParseFormula(tt.in)
		if err != nil {
			t.Errorf("ParseFormula(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseFormula(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
		if again, _ := statement.ParseFormula(got.String()); !cmp.Equal(again, got) {
			t.Errorf("ParseFormula(%q).String() = %q does not read back", tt.in, got.String())
		}
	}
	for _, in := range []string{"", "a+", "a++b", "+", "a+-b", " - "} {
		if f, err := statement.ParseFormula(in); err == nil {
			t.Errorf("ParseFormula(%q) = %v, want an error", in, f)
		}
	}
}

func TestParseColumns(t *testing.T) {
	spec := "予算額|決算額|差額=決算額-予算額|備考:text"
	cols, err := statement.ParseColumns(spec)
	if err != nil {
		t.Fatal(err)
	}
	want := []statement.Column{
		{Name: "予算額", Kind: statement.Input},
		{Name: "決算額", Kind: statement.Input},
		{Name: "差額", Kind: statement.Computed, Formula: statement.Formula{{Key: "決算額"}, {Key: "予算額", Negative: true}}},
		{Name: "備考", Kind: statement.Text},
	}
	if diff := cmp.Diff(want, cols); diff != "" {
		t.Errorf("ParseColumns mismatch (-want +got):\n%s", diff)
	}
	if got := statement.FormatColumns(cols); got != spec {
		t.Errorf("FormatColumns = %q, want %q", got, spec)
	}
	for _, bad := range []string{"", "a||b", "=a", "差額=", ":text"} {
		if _, err := statement.ParseColumns(bad); err == nil {
			t.Errorf("ParseColumns(%q): no error", bad)
		}
	}
}

func TestRowKind(t *testing.T) {
	for _, k := range []statement.RowKind{statement.Header, statement.Item, statement.Total, statement.Subtotal} {
		if got, err := statement.ParseRowKind(k.String()); err != nil || got != k {
			t.Errorf("ParseRowKind(%q) = %v, %v", k.String(), got, err)
		}
	}
	if got := statement.RowKind(0).String(); got != "%!RowKind(0)" {
		t.Errorf("RowKind(0).String() = %q", got)
	}
	var pe *statement.ParseError
	if _, err := statement.ParseRowKind("sub"); !errors.As(err, &pe) || !errors.Is(err, statement.ErrSyntax) {
		t.Errorf("ParseRowKind(sub) = %v, want a *ParseError", err)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		form statement.Form
		err  error
		msg  string
	}{
		{"duplicate key", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "a", Kind: statement.Item}, {Key: "a", Kind: statement.Item}}}, statement.ErrDuplicate, `row "a"`},
		{"unknown key", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "t", Kind: statement.Total, Formula: statement.Formula{{Key: "x"}}}}}, statement.ErrUnknown, `"x"`},
		{"cycle", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "a", Kind: statement.Total, Formula: statement.Formula{{Key: "b"}}},
			{Key: "b", Kind: statement.Total, Formula: statement.Formula{{Key: "a"}}}}}, statement.ErrCycle, "a → b → a"},
		{"self", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "a", Kind: statement.Total, Formula: statement.Formula{{Key: "a"}}}}}, statement.ErrCycle, "a → a"},
		{"total without formula", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "a", Kind: statement.Total}}}, statement.ErrMissing, "without a formula"},
		{"item with formula", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "a", Kind: statement.Item, Formula: statement.Formula{{Key: "a"}}}}}, statement.ErrMismatch, "a formula on a row"},
		{"sums a header", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "h", Kind: statement.Header}, {Key: "t", Kind: statement.Total, Formula: statement.Formula{{Key: "h"}}}}}, statement.ErrMismatch, "header"},
		{"item without key", statement.Form{Columns: amount, Rows: []statement.Row{
			{Label: "現金", Kind: statement.Item}}}, statement.ErrMissing, "without a key"},
		{"no kind", statement.Form{Columns: amount, Rows: []statement.Row{{Key: "a"}}}, statement.ErrSyntax, "kind"},
		{"column cycle", statement.Form{Columns: []statement.Column{
			{Name: "x", Kind: statement.Computed, Formula: statement.Formula{{Key: "y"}}},
			{Name: "y", Kind: statement.Computed, Formula: statement.Formula{{Key: "x"}}}}}, statement.ErrCycle, "x → y → x"},
		{"column sums text", statement.Form{Columns: []statement.Column{
			{Name: "備考", Kind: statement.Text},
			{Name: "y", Kind: statement.Computed, Formula: statement.Formula{{Key: "備考"}}}}}, statement.ErrMismatch, "text column"},
		{"duplicate column", statement.Form{Columns: []statement.Column{
			{Name: "x", Kind: statement.Input}, {Name: "x", Kind: statement.Input}}}, statement.ErrDuplicate, `column "x"`},
		{"term twice", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "a", Kind: statement.Item}, {Key: "t", Kind: statement.Total, Formula: statement.Formula{{Key: "a"}, {Key: "a", Negative: true}}}}},
			statement.ErrDuplicate, `term "a" twice`},
		{"column term twice", statement.Form{Columns: []statement.Column{
			{Name: "x", Kind: statement.Input},
			{Name: "y", Kind: statement.Computed, Formula: statement.Formula{{Key: "x"}, {Key: "x", Negative: true}}}}},
			statement.ErrDuplicate, `term "x" twice`},
		{"negative indent", statement.Form{Columns: amount, Rows: []statement.Row{{Key: "a", Kind: statement.Item, Indent: -1}}}, statement.ErrRange, "indent -1"},
		{"deep indent", statement.Form{Columns: amount, Rows: []statement.Row{{Key: "a", Kind: statement.Item, Indent: statement.MaxIndent + 1}}}, statement.ErrRange, "indent 17"},
		{"subtotal without children", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "s", Kind: statement.Subtotal}, {Key: "a", Kind: statement.Item}}}, statement.ErrMissing, "without children"},
		{"subtotal with a formula", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "s", Kind: statement.Subtotal, Formula: statement.Formula{{Key: "a"}}}, {Key: "a", Kind: statement.Item, Indent: 1}}}, statement.ErrMismatch, "a formula on a row of kind subtotal"},
		{"item no total sums", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "a", Kind: statement.Item}, {Key: "b", Kind: statement.Item}, {Key: "t", Kind: statement.Total, Formula: statement.Formula{{Key: "a"}}}}},
			statement.ErrOutline, `row "b": does not follow the outline: an item that no total sums`},
		{"counted twice", statement.Form{Columns: amount, Rows: []statement.Row{
			{Key: "s", Kind: statement.Subtotal}, {Key: "a", Kind: statement.Item, Indent: 1},
			{Key: "t", Kind: statement.Total, Formula: statement.Formula{{Key: "s"}, {Key: "a"}}}}},
			statement.ErrOutline, `counts "a" twice: as a term and through "s"`},
	}
	for _, tt := range tests {
		err := tt.form.Validate()
		if !isError(err) || !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: Validate() = %v, want an *Error wrapping %v and saying %q", tt.name, err, tt.err, tt.msg)
		}
		// Compile rejects every defect but those of the outline.
		_, err = statement.Compile(&tt.form)
		if outline := errors.Is(tt.err, statement.ErrOutline); (err == nil) != outline {
			t.Errorf("%s: Compile() = %v", tt.name, err)
		}
	}
}

func TestReadRowsCSV(t *testing.T) {
	rows, err := statement.ReadRowsCSV(strings.NewReader(smallFormCSV), "small.csv")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(smallForm().Rows, rows); diff != "" {
		t.Errorf("ReadRowsCSV mismatch (-want +got):\n%s", diff)
	}
	for name, in := range map[string]string{
		"empty":          "",
		"no kind column": "key,label\n",
		"bad kind":       "key,kind,label\na,sub,x\n",
		"unknown column": "key,kind,label,indnet\na,item,x,1\n",
		"deep indent":    "key,kind,label,indent\na,item,x,17\n",
		"bad formula":    "key,kind,label,formula\na,total,x,a+\n",
		"bad indent":     "key,kind,label,indent\na,item,x,-1\n",
		"bad hidden":     "key,kind,label,hidden\na,item,x,yes\n",
		"field count":    "key,kind,label\na,item\n",
		"unclosed quote": "key,kind,label\na,item,\"x\n",
		"bad encoding":   "key,kind,label\na,item,\xff\xfe\n",
	} {
		_, err := statement.ReadRowsCSV(strings.NewReader(in), "form.csv")
		if !isError(err) || !strings.HasPrefix(err.Error(), "statement: form.csv: ") {
			t.Errorf("%s: ReadRowsCSV error = %v, want an *Error of form.csv", name, err)
		}
	}
}

func TestCheckAccounts(t *testing.T) {
	chart, err := account.ReadCSV(strings.NewReader("code,name,category,parent\n1100,流動資産,資産,\n1110,現金及び預金,資産,1100\n1120,未収金,資産,1100\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	err = smallForm().CheckAccounts(chart)
	var fe *statement.Error
	if !errors.As(err, &fe) || len(fe.Problems) != 1 || !errors.Is(err, statement.ErrUnknown) || !strings.Contains(err.Error(), `"2110"`) {
		t.Errorf("CheckAccounts = %v, want 2110 unknown", err)
	}
}
