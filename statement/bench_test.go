package statement_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
)

// BenchmarkBuild builds, compares and prints the small 決算報告書.
func BenchmarkBuild(b *testing.B) {
	published := mustBuild(smallForm(), statement.Meta{}, smallFigures())
	figures := published.Figures()
	t, err := statement.Compile(smallForm())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := t.Build(statement.Meta{}, figures)
		if err != nil {
			b.Fatal(err)
		}
		statement.Compare(s, published)
		if err := s.WriteText(io.Discard, statement.TextOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBookVerify verifies a book of 50 statements against itself as
// built, with 4 links from each statement to the next.
func BenchmarkBookVerify(b *testing.B) {
	var book statement.Book
	var links []statement.Link
	for i := range 50 {
		id := fmt.Sprintf("s%d", i)
		if err := book.Add(id, mustBuild(smallForm(), statement.Meta{}, smallFigures())); err != nil {
			b.Fatal(err)
		}
		for _, row := range []string{"1110", "1120", "1100", "2110"} {
			links = append(links, statement.Link{Name: id + " " + row,
				Left:  []statement.Ref{{Statement: id, Row: row, Column: "決算額"}},
				Right: []statement.Ref{{Statement: fmt.Sprintf("s%d", (i+1)%50), Row: row, Column: "決算額"}}})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if !book.Verify(statement.VerifyOptions{Built: &book, Links: links}).OK() {
			b.Fatal("the book does not verify")
		}
	}
}

// growthForm returns a form of n groups of ten items, each group with its
// subtotal, and a grand total: 11n+1 rows in two input columns and their
// difference. Its figures are as large as a statement's in yen.
func growthForm(n int) (*statement.Form, []statement.Figure) {
	f := &statement.Form{Title: "決算報告書", Columns: []statement.Column{
		{Name: "予算額", Kind: statement.Input},
		{Name: "決算額", Kind: statement.Input},
		{Name: "差額", Kind: statement.Computed, Formula: statement.Formula{{Key: "予算額"}, {Key: "決算額", Negative: true}}},
	}}
	var figs []statement.Figure
	var total statement.Formula
	for g := range n {
		for k := range 10 {
			key := fmt.Sprintf("%d-%d", g, k)
			f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Item, Label: fmt.Sprintf("科目%d", k), Indent: 1})
			v := int64(g*7919+k*104729) * 1_000_003
			figs = append(figs,
				statement.Figure{Row: key, Column: "予算額", Value: yen(v)},
				statement.Figure{Row: key, Column: "決算額", Value: yen(v - int64(k)*40_245_317)})
		}
		key := fmt.Sprintf("%d", g)
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Subtotal, Label: fmt.Sprintf("区分%d合計", g)})
		total = append(total, statement.Term{Key: key})
	}
	f.Rows = append(f.Rows, statement.Row{Key: "total", Kind: statement.Total, Label: "合計", Formula: total})
	return f, figs
}

// BenchmarkGrowth builds, compares and prints statements of 1×, 10× and
// 100× the rows: the time per row stays the same.
func BenchmarkGrowth(b *testing.B) {
	for _, n := range []int{5, 50, 500} {
		f, figs := growthForm(n)
		t, err := statement.Compile(f)
		if err != nil {
			b.Fatal(err)
		}
		published := mustBuild(f, statement.Meta{}, figs)
		b.Run(fmt.Sprintf("rows=%d", len(f.Rows)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := t.Build(statement.Meta{}, figs)
				if err != nil {
					b.Fatal(err)
				}
				statement.Compare(s, published)
				if err := s.WriteText(io.Discard, statement.TextOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(f.Rows)), "ns/row")
		})
	}
}
