package statement_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// assets is a form whose labels repeat as the 統一的な基準's do: 土地 under
// 事業用資産 and インフラ資産, その他 under two parents.
func assets(t *testing.T) *statement.Template {
	t.Helper()
	tm, err := statement.Compile(&statement.Form{Title: "貸借対照表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "1000", Kind: statement.Subtotal, Label: "固定資産"},
			{Key: "1100", Kind: statement.Subtotal, Label: "有形固定資産", Indent: 1},
			{Key: "1110", Kind: statement.Subtotal, Label: "事業用資産", Indent: 2},
			{Key: "1111", Kind: statement.Item, Label: "土地", Indent: 3},
			{Key: "1113", Kind: statement.Item, Label: "建物", Indent: 3},
			{Key: "1130", Kind: statement.Subtotal, Label: "インフラ資産", Indent: 2},
			{Key: "1131", Kind: statement.Item, Label: "土地", Indent: 3},
			{Key: "1300", Kind: statement.Subtotal, Label: "投資その他の資産", Indent: 1},
			{Key: "1360", Kind: statement.Item, Label: "その他", Indent: 2},
			{Key: "1500", Kind: statement.Subtotal, Label: "流動資産"},
			{Key: "1510", Kind: statement.Item, Label: "現金預金", Indent: 1},
			{Key: "1560", Kind: statement.Item, Label: "その他", Indent: 1},
			{Key: "1900", Kind: statement.Total, Label: "資産合計", Formula: statement.Formula{{Key: "1000"}, {Key: "1500"}}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func TestRowKey(t *testing.T) {
	tm := assets(t)
	tests := []struct {
		ref, key string
		names    []string // in the error, if any
	}{
		{ref: "1111", key: "1111"},
		{ref: "現金預金", key: "1510"},
		{ref: "現金 預金※１", key: "1510"},
		{ref: "資産合計", key: "1900"},
		{ref: "固定資産/有形固定資産/事業用資産/土地", key: "1111"},
		{ref: "有形固定資産/事業用資産/土地", key: "1111"},
		{ref: "事業用資産/土地", key: "1111"},
		{ref: "事業用資産／土地", key: "1111"},
		{ref: "固定資産 / インフラ資産 / 土地", key: "1131"},
		{ref: "流動資産/その他", key: "1560"},
		{ref: "土地", names: []string{"2 rows", "固定資産/有形固定資産/事業用資産/土地", "固定資産/有形固定資産/インフラ資産/土地"}},
		{ref: "固定資産/土地", names: []string{"2 rows", "give more of its path"}},
		{ref: "その他", names: []string{"固定資産/投資その他の資産/その他", "流動資産/その他"}},
		{ref: "土池", names: []string{"no such row; the nearest labels", "事業用資産/土地"}},
		{ref: "9999", names: []string{"no such row"}},
		{ref: "流動資産/土地", names: []string{"no such row", "nearest labels"}},
		{ref: "", names: []string{"no such row"}},
		{ref: "/", names: []string{"no such row"}},
	}
	for _, tt := range tests {
		key, err := tm.RowKey(tt.ref)
		if tt.names == nil {
			if err != nil || key != tt.key {
				t.Errorf("RowKey(%q) = %q, %v; want %q", tt.ref, key, err, tt.key)
			}
			continue
		}
		want := statement.ErrUnknown
		if strings.Contains(tt.names[0], "rows") || tt.ref == "その他" {
			want = statement.ErrDuplicate // a label of several rows
		}
		var se *statement.Error
		if !errors.Is(err, want) || !errors.As(err, &se) {
			t.Errorf("RowKey(%q) = %q, %v; want an *Error wrapping %v", tt.ref, key, err, want)
			continue
		}
		for _, n := range tt.names {
			if !strings.Contains(err.Error(), n) {
				t.Errorf("RowKey(%q): %v does not name %s", tt.ref, err, n)
			}
		}
	}
}

// Figures may name rows by label; BuildSparse takes only the figures
// given, and Build still wants every one.
func TestBuildByLabel(t *testing.T) {
	tm := assets(t)
	yen := func(n int64) format.Cell { return format.CellOf(decimal.NewFromInt(n)) }
	figs := []statement.Figure{
		{Row: "事業用資産/土地", Column: "金額", Value: yen(500)},
		{Row: "インフラ資産/土地", Column: "金額", Value: yen(200)},
		{Row: "現金預金", Column: "金額", Value: yen(70)},
	}
	s, err := tm.BuildSparse(statement.Meta{}, figs)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		row  string
		want int64
		ok   bool
	}{{"1111", 500, true}, {"1131", 200, true}, {"1000", 700, true}, {"資産合計", 770, true}, {"建物", 0, false}, {"流動資産/その他", 0, false}} {
		v, found := s.Cell(c.row, "金額")
		if !found || v.Valid != c.ok || (c.ok && v.Amount.IntPart() != c.want) {
			t.Errorf("Cell(%s) = %v, %v; want %d (figure %v)", c.row, v, found, c.want, c.ok)
		}
	}
	if _, ok := s.Cell("土地", "金額"); ok {
		t.Error("Cell of a label that names two rows")
	}
	if _, err := tm.Build(statement.Meta{}, figs); !errors.Is(err, statement.ErrMissing) || !strings.Contains(err.Error(), "1113") {
		t.Errorf("Build without every figure: %v", err)
	}
	bad := append(figs, statement.Figure{Row: "1111", Column: "金額", Value: yen(1)},
		statement.Figure{Row: "土池", Column: "金額", Value: yen(1)},
		statement.Figure{Row: "土地", Column: "金額", Value: yen(1)})
	_, err = tm.BuildSparse(statement.Meta{}, bad)
	for _, want := range []error{statement.ErrDuplicate, statement.ErrUnknown} {
		if !errors.Is(err, want) {
			t.Errorf("BuildSparse of bad figures: %v, want %v", err, want)
		}
	}
	for _, n := range []string{"figure given twice", "nearest labels", "names 2 rows"} {
		if err == nil || !strings.Contains(err.Error(), n) {
			t.Errorf("BuildSparse of bad figures: %v does not say %s", err, n)
		}
	}
}

// Links and pins name rows by label as well as by key.
func TestLinksAndPinsByLabel(t *testing.T) {
	tm := assets(t)
	s, err := tm.BuildSparse(statement.Meta{}, []statement.Figure{
		{Row: "事業用資産/土地", Column: "金額", Value: format.CellOf(decimal.NewFromInt(500))},
		{Row: "現金預金", Column: "金額", Value: format.CellOf(decimal.NewFromInt(70))},
	})
	if err != nil {
		t.Fatal(err)
	}
	var b statement.Book
	if err := b.Add("bs", s); err != nil {
		t.Fatal(err)
	}
	links, err := statement.ReadLinksCSV(strings.NewReader("name,left,right\n"+
		"資産,bs:資産合計:金額,bs:固定資産/有形固定資産/事業用資産/土地:金額+bs:流動資産:金額\n"+
		"土地,bs:事業用資産/土地:金額,bs:現金預金:金額\n"+
		"不明,bs:土池:金額,bs:1510:金額\n"), "links.csv")
	if err != nil {
		t.Fatal(err)
	}
	pins, err := statement.ReadPinsCSV(strings.NewReader("statement,row,column,printed,reason,link\n"+
		"bs,事業用資産/土地,金額,500,a made-up discrepancy,土地\n"), "pins.csv")
	if err != nil {
		t.Fatal(err)
	}
	v := b.Verify(statement.VerifyOptions{Links: links, Pins: pins})
	var got []string
	for _, f := range v.Unexpected() {
		got = append(got, f.Rule+": "+f.GotText)
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], `不明: no such row; the nearest labels: `) {
		t.Errorf("unexpected findings %q, want only the unknown label of 不明", got)
	}
	if p := v.Pinned(); len(p) != 1 || p[0].Row != "1111" || p[0].Reason != "a made-up discrepancy" {
		t.Errorf("pinned %v, want the 土地 link at row 1111", p)
	}
}
