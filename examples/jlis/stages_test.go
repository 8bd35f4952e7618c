package jlis_test

import (
	"io"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
)

// BenchmarkFY2019Stages times the stages of BenchmarkFY2019 one by one,
// over all 50 tables, and reports the allocations per amount cell.
func BenchmarkFY2019Stages(b *testing.B) {
	r := fy2019(b)
	var sel []*statement.Statement
	cells := 0
	for _, id := range r.Tables {
		s := table(b, r.Published, id)
		sel = append(sel, s)
		f := s.Form()
		for _, row := range f.Rows {
			for _, c := range f.Columns {
				if row.Kind != statement.Header && c.Kind != statement.Text {
					cells++
				}
			}
		}
	}
	figures := make([][]statement.Figure, len(sel))
	built := make([]*statement.Statement, len(sel))
	for i, s := range sel {
		figures[i] = s.Figures()
		var err error
		if built[i], err = s.Template().Build(s.Meta(), figures[i]); err != nil {
			b.Fatal(err)
		}
	}
	perCell := func(b *testing.B, run func()) {
		b.ReportAllocs()
		for b.Loop() {
			run()
		}
		b.ReportMetric(testing.AllocsPerRun(10, run)/float64(cells), "allocs/cell")
	}
	b.Run("build", func(b *testing.B) {
		perCell(b, func() {
			for i, p := range sel {
				if _, err := p.Template().Build(p.Meta(), figures[i]); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("compare", func(b *testing.B) {
		perCell(b, func() {
			for i, p := range sel {
				statement.Compare(built[i], p)
			}
		})
	})
	b.Run("text", func(b *testing.B) {
		perCell(b, func() {
			for _, s := range built {
				if err := s.WriteText(io.Discard, statement.TextOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("csv", func(b *testing.B) {
		perCell(b, func() {
			for _, s := range built {
				if err := s.WriteCSV(io.Discard, statement.CSVOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
