package xlsx_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/xlsx"
	"github.com/shopspring/decimal"
)

// table returns a statement of n item rows and their total, in 千円.
func table(b *testing.B, n int) *statement.Statement {
	b.Helper()
	f := &statement.Form{Title: "表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}}}
	var total statement.Formula
	figures := make([]statement.Figure, 0, n)
	for i := range n {
		key := fmt.Sprint("r", i)
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Item, Label: "科目" + key, Indent: 1})
		figures = append(figures, statement.Figure{Row: key, Column: "金額", Value: format.CellOf(decimal.NewFromInt(int64(i)*1_234_567 - 5_000_000))})
		total = append(total, statement.Term{Key: key})
	}
	f.Rows = append(f.Rows, statement.Row{Key: "t", Kind: statement.Total, Label: "合計", Formula: total})
	s, err := statement.Build(f, statement.Meta{Unit: format.Thousand}, figures)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkWrite writes a statement of n rows at 1×, 10× and 100× its
// size: the cost grows linearly with the rows.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		s := table(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := xlsx.Write(&buf, []*statement.Statement{s}, xlsx.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRead reads the workbook Write writes of a statement of n rows,
// and the statement from its sheet, at 1×, 10× and 100× its size: the
// cost grows linearly with the rows.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		s := table(b, n)
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, []*statement.Statement{s}, xlsx.Options{}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				grids, err := xlsx.Read(bytes.NewReader(buf.Bytes()), "table.xlsx")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Template().ReadGrid(grids[0], statement.ReadOptions{StatedUnit: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
