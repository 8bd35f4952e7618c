package bounds_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/koukaikei/koukaikei/format"
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
			visits := 0
			for b.Loop() {
				sol, err := s.Solve()
				if err != nil || !sol.Consistent() {
					b.Fatal(err)
				}
				visits = sol.Visits
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(terms), "ns/term")
			b.ReportMetric(float64(visits)/float64(len(eqs)), "visits/eq")
		})
	}
}
