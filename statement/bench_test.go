package statement_test

import (
	"io"
	"testing"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
)

// benchmarkTables builds from their item figures, compares with the
// published figures and prints as text the J-LIS tables that keep selects.
func benchmarkTables(b *testing.B, keep func(id string) bool) {
	tables, err := jlis.Tables()
	if err != nil {
		b.Fatal(err)
	}
	var sel []*jlis.Table
	for _, t := range tables {
		if keep(t.ID) {
			sel = append(sel, t)
		}
	}
	figures := make([][]statement.Figure, len(sel))
	for i, t := range sel {
		figures[i] = t.Published.Figures()
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range sel {
			s, err := statement.Build(t.Form, t.Meta, figures[i])
			if err != nil {
				b.Fatal(err)
			}
			statement.Compare(s, t.Published)
			if err := s.WriteText(io.Discard, statement.TextOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkBalanceSheet builds, checks and prints 様式第8号.
func BenchmarkBalanceSheet(b *testing.B) {
	benchmarkTables(b, func(id string) bool { return id == "bs" })
}

// BenchmarkFY2019 builds, checks and prints every J-LIS FY2019 table that
// is built from its own figures.
func BenchmarkFY2019(b *testing.B) {
	benchmarkTables(b, func(string) bool { return true })
}
