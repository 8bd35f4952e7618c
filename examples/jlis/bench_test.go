package jlis_test

import (
	"io"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
)

// benchmarkTables builds from their item figures, compares with the
// published figures and prints as text the J-LIS tables that keep selects.
func benchmarkTables(b *testing.B, keep func(id string) bool) {
	r := fy2019(b)
	var sel []*statement.Statement
	for _, id := range r.Tables {
		if keep(id) {
			sel = append(sel, table(b, r.Published, id))
		}
	}
	figures := make([][]statement.Figure, len(sel))
	for i, s := range sel {
		figures[i] = s.Figures()
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, p := range sel {
			s, err := p.Template().Build(p.Meta(), figures[i])
			if err != nil {
				b.Fatal(err)
			}
			statement.Compare(s, p)
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

// BenchmarkVerify verifies the FY2019 book exactly: every built table
// against the published one, the 345 links and the 7 pins. Exactly, the
// 22 差引 and the 129 links that only rounding explains are unexpected
// (TestExactAgainstRounded); the work is the same.
func BenchmarkVerify(b *testing.B) {
	r := fy2019(b)
	opt := statement.VerifyOptions{Built: r.Built, Links: r.Links, Pins: r.Pins}
	b.ReportAllocs()
	for b.Loop() {
		if n := len(r.Published.Verify(opt).Unexpected()); n != 22+129 {
			b.Fatalf("%d unexpected findings", n)
		}
	}
}

// BenchmarkVerifyRounded verifies the FY2019 book as Report.Verify does,
// under rounding: BenchmarkVerify's work, and the whole book as one Joint,
// every cell an interval, every identity and link an equation.
func BenchmarkVerifyRounded(b *testing.B) {
	r := fy2019(b)
	b.ReportAllocs()
	for b.Loop() {
		if v, err := r.Verify(); err != nil || !v.OK() {
			b.Fatal("the report does not verify")
		}
	}
}
