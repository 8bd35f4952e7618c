package statement_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// sumForm is a statement of two items, a total, and a computed column.
var sumForm = &statement.Form{Title: "合算",
	Columns: []statement.Column{
		{Name: "甲", Kind: statement.Input},
		{Name: "乙", Kind: statement.Input},
		{Name: "計", Kind: statement.Computed, Formula: statement.Formula{{Key: "甲"}, {Key: "乙"}}},
	},
	Rows: []statement.Row{
		{Key: "1", Kind: statement.Item, Label: "収入"},
		{Key: "2", Kind: statement.Item, Label: "支出"},
		{Key: "9", Kind: statement.Total, Label: "差引", Formula: statement.Formula{{Key: "1"}, {Key: "2", Negative: true}}},
	},
}

// sumFigs returns the figures of sumForm: 収入 and 支出 in 甲 and 乙, "" for
// no figure.
func sumFigs(in甲, out甲, in乙, out乙 string) []statement.Figure {
	cell := func(s string) format.Cell {
		if s == "" {
			return format.Cell{}
		}
		return format.CellOf(decimal.RequireFromString(s))
	}
	return []statement.Figure{
		{Row: "1", Column: "甲", Value: cell(in甲)}, {Row: "2", Column: "甲", Value: cell(out甲)},
		{Row: "1", Column: "乙", Value: cell(in乙)}, {Row: "2", Column: "乙", Value: cell(out乙)},
	}
}

func TestSum(t *testing.T) {
	tmpl, err := statement.Compile(sumForm)
	if err != nil {
		t.Fatal(err)
	}
	build := func(f []statement.Figure) *statement.Statement {
		s, err := tmpl.Build(statement.Meta{}, f)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	most := fmt.Sprint(int64(math.MaxInt64))
	for _, c := range []struct {
		name string
		in   [][]statement.Figure
		want map[[2]string]string // row, column → sum, "" for no figure
	}{
		{"none", nil, map[[2]string]string{{"1", "甲"}: "", {"9", "計"}: ""}},
		{"one", [][]statement.Figure{sumFigs("10", "3", "", "")},
			map[[2]string]string{{"1", "甲"}: "10", {"9", "甲"}: "7", {"1", "乙"}: "", {"9", "乙"}: "", {"9", "計"}: "7"}},
		{"two, 該当なし in one", [][]statement.Figure{sumFigs("10", "3", "", "1"), sumFigs("5", "", "", "2")},
			map[[2]string]string{{"1", "甲"}: "15", {"2", "甲"}: "3", {"1", "乙"}: "", {"2", "乙"}: "3", {"9", "乙"}: "-3", {"9", "計"}: "9"}},
		{"beyond int64", [][]statement.Figure{sumFigs(most, "0", "1", "0"), sumFigs(most, "0", "1", "0")},
			map[[2]string]string{{"1", "甲"}: "18446744073709551614", {"9", "計"}: "18446744073709551616"}},
		{"fractions of a yen", [][]statement.Figure{sumFigs("0.5", "0", "0", "0"), sumFigs("0.25", "0", "0", "0")},
			map[[2]string]string{{"1", "甲"}: "0.75", {"9", "甲"}: "0.75"}},
		{"negative", [][]statement.Figure{sumFigs("-5", "-7", "0", "0"), sumFigs("-1", "0", "0", "0")},
			map[[2]string]string{{"1", "甲"}: "-6", {"9", "甲"}: "1"}},
	} {
		var ss []*statement.Statement
		for _, f := range c.in {
			ss = append(ss, build(f))
		}
		got, err := tmpl.Sum(statement.Meta{Entity: "計"}, ss...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for at, want := range c.want {
			cell, ok := got.Cell(at[0], at[1])
			switch {
			case !ok:
				t.Errorf("%s: no cell %v", c.name, at)
			case want == "" && cell.Valid:
				t.Errorf("%s: %v = %s, want no figure", c.name, at, cell.Amount)
			case want != "" && (!cell.Valid || !cell.Amount.Equal(decimal.RequireFromString(want))):
				t.Errorf("%s: %v = %v, want %s", c.name, at, cell, want)
			}
		}
		if got.Meta().Entity != "計" {
			t.Errorf("%s: meta %+v", c.name, got.Meta())
		}
	}

	other, err := statement.Build(sumForm, statement.Meta{}, sumFigs("1", "1", "1", "1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tmpl.Sum(statement.Meta{}, build(sumFigs("1", "1", "1", "1")), other); !errors.Is(err, statement.ErrMismatch) {
		t.Errorf("a statement of another template: %v", err)
	}
	if _, err := tmpl.Sum(statement.Meta{}, nil); !errors.Is(err, statement.ErrMissing) {
		t.Errorf("a nil statement: %v", err)
	}
}

// Sum adds up the statements of several bodies on one template: the
// figures, then the totals from them.
func ExampleTemplate_Sum() {
	t, err := statement.Compile(sumForm)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := t.Build(statement.Meta{}, sumFigs("1000", "400", "200", ""))
	b, _ := t.Build(statement.Meta{}, sumFigs("3000", "2600", "", ""))
	s, err := t.Sum(statement.Meta{Entity: "合計"}, a, b)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range []string{"1", "2", "9"} {
		x, _ := s.Cell(row, "甲")
		y, _ := s.Cell(row, "乙")
		z, _ := s.Cell(row, "計")
		fmt.Println(row, x, y, z)
	}
	// Output:
	// 1 4,000 200 4,200
	// 2 3,000 - 3,000
	// 9 1,000 200 1,200
}
