package jlis_test

import (
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// decimalCell computes the cell of row key and column col of s from its
// figures alone, in decimals, through the formulas its template gives:
// the decimal path that the built statement's int64 figures are held to.
func decimalCell(s *statement.Statement, form *statement.Form, key, col string, memo map[[2]string]format.Cell) format.Cell {
	at := [2]string{key, col}
	if c, ok := memo[at]; ok {
		return c
	}
	var column statement.Column
	for _, c := range form.Columns {
		if c.Name == col {
			column = c
		}
	}
	var c format.Cell
	sum := func(f statement.Formula, term func(statement.Term) format.Cell) format.Cell {
		var total decimal.Decimal
		valid := false
		for _, t := range f {
			if v := term(t); v.Valid {
				valid = true
				if t.Negative {
					total = total.Sub(v.Amount)
				} else {
					total = total.Add(v.Amount)
				}
			}
		}
		switch {
		case valid:
			return format.CellOf(total)
		case form.ZeroSums:
			return format.CellOf(decimal.Zero)
		}
		return format.Cell{}
	}
	switch f := s.Template().Formula(key); {
	case column.Kind == statement.Computed:
		c = sum(column.Formula, func(t statement.Term) format.Cell { return decimalCell(s, form, key, t.Key, memo) })
	case f != nil:
		c = sum(f, func(t statement.Term) format.Cell { return decimalCell(s, form, t.Key, col, memo) })
	default:
		c, _ = s.Cell(key, col)
	}
	memo[at] = c
	return c
}

// Every cell of every FY2019 table built from its published item figures,
// and of it scaled to 千円 and 百万円 each cell from its exact value,
// equals what decimals give.
func TestBuiltExactAsDecimals(t *testing.T) {
	r := fy2019(t)
	cells := 0
	for _, id := range r.Tables {
		p := table(t, r.Published, id)
		s, err := p.Template().Build(p.Meta(), p.Figures())
		if err != nil {
			t.Fatal(err)
		}
		form := s.Form()
		memo := map[[2]string]format.Cell{}
		scales := []statement.Scaling{{Unit: format.Thousand}, {Unit: format.Million, Rounding: format.HalfEven}}
		scaled := []*statement.Statement{s.Scale(scales[0]), s.Scale(scales[1])}
		for _, row := range form.Rows {
			for _, col := range form.Columns {
				if row.Kind == statement.Header || col.Kind == statement.Text {
					continue
				}
				cells++
				got, _ := s.Cell(row.Key, col.Name)
				want := decimalCell(s, form, row.Key, col.Name, memo)
				if got.Valid != want.Valid || want.Valid && !got.Amount.Equal(want.Amount) {
					t.Errorf("%s %s %s: built %v, decimals give %v", id, row.Key, col.Name, got, want)
				}
				for k, sc := range scales {
					got, _ := scaled[k].Cell(row.Key, col.Name)
					rounded := want
					if want.Valid {
						rounded = format.CellOf(sc.Unit.ToYen(format.Round(want.Amount, sc.Unit, sc.Rounding)))
					}
					if got.Valid != rounded.Valid || rounded.Valid && !got.Amount.Equal(rounded.Amount) {
						t.Errorf("%s %s %s in %s: %v, decimals give %v", id, row.Key, col.Name, sc.Unit, got, rounded)
					}
				}
			}
		}
	}
	if cells != 1727 {
		t.Errorf("%d cells, want 1,727", cells)
	}
}
