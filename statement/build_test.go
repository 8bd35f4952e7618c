package statement_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

func TestBuild(t *testing.T) {
	s, err := statement.Build(smallForm(), statement.Meta{}, smallFigures())
	if err != nil {
		t.Fatal(err)
	}
	// The totals and 差額 as the 決算報告書 prints them.
	tests := []struct {
		row, col string
		want     format.Cell
	}{
		{"1100", "予算額", yen(56890567000)},
		{"1100", "決算額", yen(47469521136)},
		{"1110", "差額", yen(4151454071)},
		{"1120", "差額", yen(-13572499935)},
		{"1100", "差額", yen(-9421045864)},
		{"net", "決算額", yen(15967043274)},
	}
	for _, tt := range tests {
		if got, ok := s.Cell(tt.row, tt.col); !ok || !got.Equal(tt.want) {
			t.Errorf("Cell(%s, %s) = %v, %v; want %v", tt.row, tt.col, got, ok, tt.want)
		}
	}
	if got, ok := s.Text("1110", "備考"); !ok || got != "(注1、2)" {
		t.Errorf("Text(1110, 備考) = %q, %v", got, ok)
	}
	for _, bad := range [][2]string{{"1110", "備考"}, {"9999", "決算額"}, {"1110", "なし"}} {
		if _, ok := s.Cell(bad[0], bad[1]); ok {
			t.Errorf("Cell(%s, %s) exists", bad[0], bad[1])
		}
	}
	if _, ok := s.Text("1110", "決算額"); ok {
		t.Error("Text of an amount column exists")
	}
	if v := s.Verify(); len(v) != 0 {
		t.Errorf("Verify() = %v, want nothing: a built statement keeps its identities", v)
	}
	// Figures gives back what Build took.
	again, err := statement.Build(smallForm(), statement.Meta{}, s.Figures())
	if err != nil {
		t.Fatal(err)
	}
	if d := statement.Compare(again, s); len(d) != 0 {
		t.Errorf("rebuilt from Figures: %v", d)
	}
}

func TestBuildNoFigure(t *testing.T) {
	// 換算差額 prints a dash; the total it is summed into is a figure.
	f := &statement.Form{Columns: amount, Rows: []statement.Row{
		{Key: "op", Kind: statement.Item}, {Key: "fx", Kind: statement.Item},
		{Key: "change", Kind: statement.Total, Formula: statement.Formula{{Key: "op"}, {Key: "fx"}}},
		{Key: "none", Kind: statement.Item},
		{Key: "zero", Kind: statement.Total, Formula: statement.Formula{{Key: "none"}}},
	}}
	s := mustBuild(f, statement.Meta{}, []statement.Figure{
		{Row: "op", Column: "金額", Value: yen(11463673957)},
		{Row: "fx", Column: "金額"},
		{Row: "none", Column: "金額"},
	})
	if c, _ := s.Cell("fx", "金額"); c.Valid {
		t.Errorf("fx = %v, want no figure", c)
	}
	if c, _ := s.Cell("change", "金額"); !c.Equal(yen(11463673957)) {
		t.Errorf("change = %v", c)
	}
	if c, _ := s.Cell("zero", "金額"); c.Valid {
		t.Errorf("a total of items without figures = %v, want no figure", c)
	}
	f.ZeroSums = true
	s = mustBuild(f, statement.Meta{}, s.Figures())
	if c, _ := s.Cell("zero", "金額"); !c.Equal(format.CellOf(decimal.Zero)) {
		t.Errorf("with ZeroSums, a total of items without figures = %v, want 0", c)
	}
}

func TestBuildErrors(t *testing.T) {
	figs := append(smallFigures(),
		statement.Figure{Row: "9999", Column: "決算額"},
		statement.Figure{Row: "1110", Column: "なし"},
		statement.Figure{Row: "1110", Column: "決算額"},
		statement.Figure{Row: "1100", Column: "決算額"},
		statement.Figure{Row: "1110", Column: "差額"},
	)
	figs = figs[1:] // 1110 予算額 missing
	_, err := statement.Build(smallForm(), statement.Meta{}, figs)
	var be *statement.Error
	if !errors.As(err, &be) {
		t.Fatalf("Build error = %v, want an *Error", err)
	}
	for _, want := range []error{statement.ErrUnknown, statement.ErrDuplicate, statement.ErrMismatch, statement.ErrMissing} {
		if !errors.Is(err, want) {
			t.Errorf("Build error %v does not wrap %v", err, want)
		}
	}
	if len(be.Problems) != 6 {
		t.Errorf("%d problems, want 6: %v", len(be.Problems), err)
	}
	bad := smallForm()
	bad.Rows[3].Formula = statement.Formula{{Key: "x"}}
	if _, err := statement.Build(bad, statement.Meta{}, smallFigures()); !errors.Is(err, statement.ErrUnknown) {
		t.Errorf("Build of a bad form: %v", err)
	}
}

func TestScale(t *testing.T) {
	s := mustBuild(smallForm(), statement.Meta{}, smallFigures())
	tests := []struct {
		name    string
		scaling statement.Scaling
		row     string
		col     string
		want    int64 // in 百万円
	}{
		// 決算額: 32,200.73 + 15,268.79 = 47,469.52 → 47,470 from the exact
		// total; 32,201 + 15,269 = 47,470 from rounded items as well.
		{"total from its exact value", statement.Scaling{Unit: format.Million}, "1100", "決算額", 47470},
		{"total from rounded items", statement.Scaling{Unit: format.Million, Policy: statement.Recompute}, "1100", "決算額", 47470},
		// 予算額: 28,049.275 + 28,841.292 = 56,890.567 → 56,891; rounded
		// items 28,049 + 28,841 = 56,890.
		{"budget total from its exact value", statement.Scaling{Unit: format.Million}, "1100", "予算額", 56891},
		{"budget total from rounded items", statement.Scaling{Unit: format.Million, Policy: statement.Recompute}, "1100", "予算額", 56890},
		// 差額 of 流動資産合計: exact △9,421.046 → △9,421; from the rounded
		// totals 47,470 − 56,891 = △9,421.
		{"差額 rounded", statement.Scaling{Unit: format.Million}, "1100", "差額", -9421},
		{"差額 recomputed", statement.Scaling{Unit: format.Million, Columns: map[string]statement.Policy{"差額": statement.Recompute}}, "1100", "差額", -9421},
		// 現金及び預金 差額: exact 4,151.454 → 4,151; 32,201 − 28,049 = 4,152.
		{"item 差額 rounded", statement.Scaling{Unit: format.Million}, "1110", "差額", 4151},
		{"item 差額 recomputed", statement.Scaling{Unit: format.Million, Columns: map[string]statement.Policy{"差額": statement.Recompute}}, "1110", "差額", 4152},
		{"切り捨て", statement.Scaling{Unit: format.Million, Rounding: format.Down}, "1110", "決算額", 32200},
	}
	for _, tt := range tests {
		got := s.Scale(tt.scaling)
		c, _ := got.Cell(tt.row, tt.col)
		if want := decimal.NewFromInt(tt.want).Shift(6); !c.Valid || !c.Amount.Equal(want) {
			t.Errorf("%s: %s %s = %v, want %s", tt.name, tt.row, tt.col, c, want)
		}
		if got.Meta().Unit != format.Million {
			t.Errorf("%s: unit %v", tt.name, got.Meta().Unit)
		}
	}
	if c, _ := s.Cell("1110", "決算額"); !c.Equal(yen(32200729071)) {
		t.Errorf("Scale changed the statement it scaled: %v", c)
	}
}

func TestCompare(t *testing.T) {
	got := mustBuild(smallForm(), statement.Meta{}, smallFigures())
	figs := smallFigures()
	figs[1].Value = yen(32200729072)
	figs[2].Text = "(注1)"
	want := mustBuild(smallForm(), statement.Meta{Unit: format.Thousand}, figs)
	diffs := statement.Compare(got, want)
	var lines []string
	for _, d := range diffs {
		lines = append(lines, d.String())
	}
	wantLines := []string{
		"貸借対照表: 現金及び預金 決算額: got 32,200,729,071円, want 32,200,729,072円",
		"貸借対照表: 現金及び預金 差額: got 4,151,454,071円, want 4,151,454,072円",
		`貸借対照表: 現金及び預金 備考: got "(注1、2)", want "(注1)"`,
		"貸借対照表: 流動資産合計 決算額: got 47,469,521,136円, want 47,469,521,137円",
		"貸借対照表: 流動資産合計 差額: got △9,421,045,864円, want △9,421,045,863円",
	}
	if len(lines) != len(wantLines) {
		t.Fatalf("Compare = %q, want %q", lines, wantLines)
	}
	for i := range lines {
		if lines[i] != wantLines[i] {
			t.Errorf("difference %d = %q, want %q", i, lines[i], wantLines[i])
		}
	}
	other := smallForm()
	other.Rows = other.Rows[:3]
	short := mustBuild(other, statement.Meta{}, smallFigures()[:5])
	if d := statement.Compare(short, got); len(d) != 2 || d[0].Row != "1100" || d[1].Row != "2110" {
		t.Errorf("Compare with missing rows = %v", d)
	}
	if d := statement.Compare(got, short); len(d) != 2 {
		t.Errorf("Compare with extra rows = %v", d)
	}
}

func TestVerifyAndLink(t *testing.T) {
	s := mustBuild(smallForm(), statement.Meta{}, smallFigures())
	scaled := s.Scale(statement.Scaling{Unit: format.Million})
	v := scaled.Verify()
	// 予算額: 28,049 + 28,841 = 56,890 is printed 56,891.
	found := false
	for _, x := range v {
		if x.Row == "1100" && x.Column == "予算額" {
			found = true
			if !x.Want.Equal(format.CellOf(decimal.NewFromInt(56891000000))) || !x.Got.Equal(format.CellOf(decimal.NewFromInt(56890000000))) || x.Kind != statement.IdentityBroken {
				t.Errorf("violation %v", x)
			}
		}
	}
	if !found {
		t.Errorf("Verify of a rounded statement = %v, want 流動資産合計 予算額", v)
	}
	var b statement.Book
	if err := b.Add("bs", s); err != nil {
		t.Fatal(err)
	}
	ref := func(row string) statement.Ref { return statement.Ref{Statement: "bs", Row: row, Column: "決算額"} }
	links := []statement.Link{
		{Name: "流動資産合計 = 現金及び預金 + 未収金", Left: []statement.Ref{ref("1100")}, Right: []statement.Ref{ref("1110"), ref("1120")}},
		{Name: "未払金 = 現金及び預金 + ?", Left: []statement.Ref{ref("2110")}, Right: []statement.Ref{ref("1110"), ref("9999")}},
		{Name: "未払金 = 現金及び預金", Left: []statement.Ref{ref("2110")}, Right: []statement.Ref{ref("1110")}},
	}
	fs := b.Verify(statement.VerifyOptions{Links: links}).Unexpected()
	if len(fs) != 2 || fs[0].Rule != links[1].Name || fs[0].Row != "9999" || !strings.HasPrefix(fs[0].GotText, "no such row") {
		t.Fatalf("Verify of a link to a missing cell = %v", fs)
	}
	if f := fs[1]; f.Kind != statement.LinkBroken || f.Rule != links[2].Name || f.Statement != "bs" || f.Row != "2110" ||
		!f.Got.Amount.Sub(f.Want.Amount).Equal(decimal.NewFromInt(-698251209)) {
		t.Errorf("Verify of a broken link = %v", f)
	}
}

func TestCompareColumns(t *testing.T) {
	s := mustBuild(smallForm(), statement.Meta{}, smallFigures())
	other := smallForm()
	other.Columns = other.Columns[:3] // no 備考
	var figs []statement.Figure
	for _, f := range smallFigures() {
		if f.Column != "備考" {
			figs = append(figs, f)
		}
	}
	o := mustBuild(other, statement.Meta{}, figs)
	d := statement.Compare(o, s)
	if len(d) != 1 || d[0].Column != "備考" || d[0].Kind != statement.ColumnMissing || d[0].GotText != "no such column" {
		t.Errorf("Compare with a missing column = %v", d)
	}
}
