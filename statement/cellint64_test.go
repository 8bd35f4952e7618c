package statement_test

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// TestCellInt64 reads single figures, and totals of two, near the limits
// of an int64, with CellInt64 and with Cell: where CellInt64 gives a
// figure it is Cell's, and it declines exactly the figures that are not
// whole or do not fit.
func TestCellInt64(t *testing.T) {
	form := &statement.Form{
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}, {Name: "備考", Kind: statement.Text}},
		Rows: []statement.Row{
			{Key: "a", Kind: statement.Item, Label: "甲"},
			{Key: "b", Kind: statement.Item, Label: "乙"},
			{Key: "t", Kind: statement.Total, Label: "合計", Formula: statement.Formula{{Key: "a"}, {Key: "b"}}},
		},
	}
	maxInt, minInt := decimal.NewFromInt(math.MaxInt64), decimal.NewFromInt(math.MinInt64)
	one := decimal.NewFromInt(1)
	for _, c := range []struct {
		name string
		a, b format.Cell
		// what CellInt64 gives for a and t: the figure, and ok
		wantA, wantT   int64
		okA, okT, hasT bool
		validA         bool
	}{
		{"small", cellOf("310316164"), cellOf("-2286666903"), 310316164, 310316164 - 2286666903, true, true, true, true},
		{"該当なし", format.Cell{}, format.Cell{}, 0, 0, true, true, false, false},
		{"one 該当なし", format.Cell{}, cellOf("7"), 0, 7, true, true, true, false},
		{"the largest", format.CellOf(maxInt), cellOf("0"), math.MaxInt64, math.MaxInt64, true, true, true, true},
		{"the smallest", format.CellOf(minInt), cellOf("0"), math.MinInt64, math.MinInt64, true, true, true, true},
		{"a sum at the largest", format.CellOf(maxInt.Sub(one)), cellOf("1"), math.MaxInt64 - 1, math.MaxInt64, true, true, true, true},
		{"a sum beyond the largest", format.CellOf(maxInt), cellOf("1"), math.MaxInt64, 0, true, false, true, true},
		{"a sum beyond the smallest", format.CellOf(minInt), cellOf("-1"), math.MinInt64, 0, true, false, true, true},
		{"beyond the largest", format.CellOf(maxInt.Add(one)), cellOf("-1"), 0, math.MaxInt64, false, true, true, true},
		{"beyond the smallest", format.CellOf(minInt.Sub(one)), cellOf("1"), 0, math.MinInt64, false, true, true, true},
		{"not whole", cellOf("0.5"), cellOf("0.5"), 0, 1, false, true, true, true},
		{"whole, with places", cellOf("15.00"), cellOf("-0.50"), 15, 0, true, false, true, true},
		{"large and whole", cellOf("1e18"), cellOf("1e21"), 1e18, 0, true, false, true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := statement.Build(form, statement.Meta{}, []statement.Figure{
				{Row: "a", Column: "金額", Value: c.a}, {Row: "b", Column: "金額", Value: c.b}})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range []struct {
				row         string
				want        int64
				ok, isValid bool
			}{{"a", c.wantA, c.okA, c.validA}, {"t", c.wantT, c.okT, c.hasT}} {
				n, valid, ok := s.CellInt64(r.row, "金額")
				cell, _ := s.Cell(r.row, "金額")
				if ok != r.ok || ok && (n != r.want || valid != r.isValid) {
					t.Errorf("CellInt64(%s) = %d, %t, %t; want %d, %t, %t", r.row, n, valid, ok, r.want, r.isValid, r.ok)
				}
				// Against the decimal: the same figure, or none.
				if ok && (valid != cell.Valid || valid && !cell.Amount.Equal(decimal.NewFromInt(n)) || !valid && n != 0) {
					t.Errorf("CellInt64(%s) = %d, %t; Cell = %v", r.row, n, valid, cell)
				}
				if !ok && cell.Valid && cell.Amount.IsInteger() && cell.Amount.BigInt().IsInt64() {
					t.Errorf("CellInt64(%s) declines %v, which fits", r.row, cell.Amount)
				}
			}
		})
	}
	s, err := statement.Build(form, statement.Meta{}, []statement.Figure{
		{Row: "a", Column: "金額", Value: cellOf("1")}, {Row: "b", Column: "金額", Value: cellOf("2")}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{{"x", "金額"}, {"a", "合計"}, {"a", "備考"}} {
		if n, valid, ok := s.CellInt64(c[0], c[1]); ok || valid || n != 0 {
			t.Errorf("CellInt64(%s, %s) = %d, %t, %t; want no cell", c[0], c[1], n, valid, ok)
		}
	}
	// Rows are named as Cell names them: by label too.
	if n, valid, ok := s.CellInt64("合計", "金額"); !ok || !valid || n != 3 {
		t.Errorf("CellInt64(合計) = %d, %t, %t; want 3", n, valid, ok)
	}
	var zero statement.Statement
	if _, _, ok := zero.CellInt64("a", "金額"); ok {
		t.Error("the zero Statement has a cell")
	}
}

func cellOf(s string) format.Cell { return format.CellOf(decimal.RequireFromString(s)) }
