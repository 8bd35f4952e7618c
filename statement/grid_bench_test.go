package statement_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
)

// BenchmarkReadGrid reads a statement of n item rows and their total,
// printed side by side, at 1×, 10× and 100× its size: the cost grows
// linearly with the lines.
func BenchmarkReadGrid(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		rows := make([]statement.Row, 0, n+1)
		var total statement.Formula
		for i := range n {
			key := fmt.Sprint("r", i)
			rows = append(rows, statement.Row{Key: key, Kind: statement.Item, Label: "科目" + key})
			total = append(total, statement.Term{Key: key})
		}
		rows = append(rows, statement.Row{Key: "t", Kind: statement.Total, Label: "合計", Formula: total})
		tmpl, err := statement.Compile(&statement.Form{Title: "表", Columns: amount, Rows: rows, Split: fmt.Sprint("r", n/2)})
		if err != nil {
			b.Fatal(err)
		}
		g := statement.Grid{Rows: [][]string{{"（単位：千円）"}, {"科目", "金額", "", "科目", "金額"}}}
		left, right := rows[:n/2], rows[n/2:]
		for i := range right {
			line := []string{"", "", "", right[i].Label, "△5"}
			if i < len(left) {
				line[0], line[1] = left[i].Label, "1,234"
			}
			g.Rows = append(g.Rows, line)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := tmpl.ReadGrid(g, statement.ReadOptions{StatedUnit: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadGridText reads the text WriteText prints of a statement of
// n item rows side by side, the right-hand half the longer, at 1×, 10×
// and 100× its size: the cost grows linearly with the lines.
func BenchmarkReadGridText(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		rows := make([]statement.Row, 0, n+1)
		figures := make([]statement.Figure, 0, n)
		var total statement.Formula
		for i := range n {
			key := fmt.Sprint("r", i)
			rows = append(rows, statement.Row{Key: key, Kind: statement.Item, Label: "科目" + key})
			figures = append(figures, statement.Figure{Row: key, Column: "金額", Value: yen(int64(i) * 1_000)})
			total = append(total, statement.Term{Key: key})
		}
		rows = append(rows, statement.Row{Key: "t", Kind: statement.Total, Label: "合計", Formula: total})
		s, err := statement.Build(&statement.Form{Title: "表", Columns: amount, Rows: rows, Split: fmt.Sprint("r", n/3)}, statement.Meta{}, figures)
		if err != nil {
			b.Fatal(err)
		}
		var text strings.Builder
		if err := s.WriteText(&text, statement.TextOptions{}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := statement.ReadGridText(strings.NewReader(text.String()), statement.ReadOptions{}, statement.TextOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
