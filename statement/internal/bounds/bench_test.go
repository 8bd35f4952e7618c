package bounds_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement/internal/bounds"
)

// BenchmarkSolve solves correctly rounded statements of 100, 1,000 and
// 10,000 leaves: the time per term should stay flat.
func BenchmarkSolve(b *testing.B) {
	for _, leaves := range []int{100, 1000, 10000} {
		rng := rand.New(rand.NewPCG(1, 2))
		tr := randomTree(rng, leaves)
		s, eqs := tr.system(b, format.HalfUp, func(i int) int64 { return round(tr.exact[i], format.HalfUp) })
		terms := 0
		for _, e := range eqs {
			terms += len(e)
		}
		b.Run(fmt.Sprintf("leaves=%d", leaves), func(b *testing.B) {
			for b.Loop() {
				sol, err := s.Solve()
				if err != nil || !sol.Consistent() {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(terms), "ns/term")
		})
	}
}

// table returns a table of n rows printed in 千円 whose rows and columns
// both add up: C = A + B on every row and on the 合計 row, and 合計 = Σ
// rows in each column; with groups, every ten rows have a subtotal row
// too, whose C = A + B is marked Late. Its exact figures are rounded
// correctly, so it is consistent.
func table(b *testing.B, n int, groups bool) *bounds.System {
	var s bounds.System
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	type row struct{ a, bb, c int }
	add := func(v int64) int {
		iv, err := bounds.Printed(round(v, format.HalfUp), 1000, format.HalfUp)
		if err != nil {
			b.Fatal(err)
		}
		return s.AddVar(iv)
	}
	eq := func(late bool, head int, terms ...int) {
		all := []bounds.Term{{Var: head}}
		for _, t := range terms {
			all = append(all, bounds.Term{Var: t, Negative: true})
		}
		e, err := s.AddEquation(all...)
		if err != nil {
			b.Fatal(err)
		}
		if late {
			s.Late(e)
		}
	}
	var totals [3]int64
	var tops []row
	var sub [3]int64
	var subRows []row
	for i := range n {
		a, bb := rng.Int64N(1e9), rng.Int64N(1e9)
		r := row{add(a), add(bb), add(a + bb)}
		eq(false, r.c, r.a, r.bb)
		totals[0], totals[1], totals[2] = totals[0]+a, totals[1]+bb, totals[2]+a+bb
		if !groups {
			tops = append(tops, r)
			continue
		}
		subRows = append(subRows, r)
		sub[0], sub[1], sub[2] = sub[0]+a, sub[1]+bb, sub[2]+a+bb
		if len(subRows) == 10 || i == n-1 {
			st := row{add(sub[0]), add(sub[1]), add(sub[2])}
			for k, head := range []int{st.a, st.bb, st.c} {
				var terms []int
				for _, r := range subRows {
					terms = append(terms, []int{r.a, r.bb, r.c}[k])
				}
				eq(false, head, terms...)
			}
			eq(true, st.c, st.a, st.bb)
			tops = append(tops, st)
			subRows, sub = nil, [3]int64{}
		}
	}
	total := row{add(totals[0]), add(totals[1]), add(totals[2])}
	for k, head := range []int{total.a, total.bb, total.c} {
		var terms []int
		for _, r := range tops {
			terms = append(terms, []int{r.a, r.bb, r.c}[k])
		}
		eq(false, head, terms...)
	}
	eq(groups, total.c, total.a, total.bb)
	return &s
}

// BenchmarkTable solves correctly rounded tables of 400, 4,000 and
// 40,000 rows whose rows and columns both add up, with and without
// subtotals: a cycle that the flow decides. The time per row should stay
// flat.
func BenchmarkTable(b *testing.B) {
	for _, groups := range []bool{false, true} {
		for _, n := range []int{400, 4000, 40000} {
			s := table(b, n, groups)
			b.Run(fmt.Sprintf("subtotals=%v/rows=%d", groups, n), func(b *testing.B) {
				for b.Loop() {
					sol, err := s.Solve()
					if err != nil || !sol.Consistent() {
						b.Fatalf("%v, %+v", err, sol.Procedures)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
			})
		}
	}
}

// blocks returns k blocks t1 = x + y, t2 = t1 + z with x = y = 1, z = 0
// and t2 = 4 printed in 千円 and t1 not printed: each identity holds on
// its own (t1 may be anything), but not both (x + y is at most 2,998
// yen, t2 − z at least 3,001), and a 合計 of the t2s that holds. All of it
// is one tree: k conflicts, each blamed where it is met.
func blocks(b *testing.B, k int) *bounds.System {
	var s bounds.System
	printedAs := func(p int64) int {
		iv, err := bounds.Printed(p, 1000, format.HalfUp)
		if err != nil {
			b.Fatal(err)
		}
		return s.AddVar(iv)
	}
	var t2s []bounds.Term
	for range k {
		x, y, z, t2 := printedAs(1), printedAs(1), printedAs(0), printedAs(4)
		t1 := s.AddVar(bounds.Unbounded())
		s.AddEquation(bounds.Term{Var: t1}, bounds.Term{Var: x, Negative: true}, bounds.Term{Var: y, Negative: true})
		s.AddEquation(bounds.Term{Var: t2}, bounds.Term{Var: t1, Negative: true}, bounds.Term{Var: z, Negative: true})
		t2s = append(t2s, bounds.Term{Var: t2, Negative: true})
	}
	total := printedAs(int64(4 * k))
	s.AddEquation(append([]bounds.Term{{Var: total}}, t2s...)...)
	return &s
}

// BenchmarkBlocks solves 400, 4,000 and 40,000 blocks that each fail
// jointly: the time per block should stay flat.
func BenchmarkBlocks(b *testing.B) {
	for _, k := range []int{400, 4000, 40000} {
		s := blocks(b, k)
		b.Run(fmt.Sprintf("blocks=%d", k), func(b *testing.B) {
			for b.Loop() {
				sol, err := s.Solve()
				if err != nil {
					b.Fatal(err)
				}
				violated := 0
				for _, v := range sol.Verdicts {
					if v == bounds.Violated {
						violated++
					}
				}
				if violated != k {
					b.Fatalf("%d violations, want %d", violated, k)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(k), "ns/block")
		})
	}
}
