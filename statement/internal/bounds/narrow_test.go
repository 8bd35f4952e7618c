package bounds

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestNarrowSmall holds the propagation in plain arithmetic to the one
// that counts infinite bounds and overflow, on random equations over
// finite intervals: both narrow to the same intervals, or both empty one.
func TestNarrowSmall(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		p := &problem{}
		nv := 2 + rng.IntN(6)
		for range nv {
			lo := rng.Int64N(2001) - 1000
			p.box = append(p.box, Interval{lo, lo + rng.Int64N(1000)})
		}
		p.start = []int32{0}
		for range 1 + rng.IntN(5) {
			for _, v := range rng.Perm(nv)[:1+rng.IntN(nv)] {
				p.terms = append(p.terms, Term{Var: v, Negative: rng.IntN(2) == 0})
			}
			p.start = append(p.start, int32(len(p.terms)))
			p.active = append(p.active, true)
		}
		p.occurrences()
		work1, work2 := 1<<20, 1<<20
		small, general := newPropagation(p, &work1), newPropagation(p, &work2)
		if !small.small {
			t.Fatalf("bounds within ±2,000 not small: %+v", p.box)
		}
		general.small = false
		ok1, ok2 := small.drain(), general.drain()
		if ok1 != ok2 || ok1 && !slices.Equal(small.vars, general.vars) {
			t.Fatalf("%+v: in plain arithmetic %v %v, counting %v %v", p, ok1, small.vars, ok2, general.vars)
		}
	}
	// An unbounded variable, or bounds near the int64 range, are not
	// small.
	p := &problem{box: []Interval{Unbounded(), Exact(0)}, terms: []Term{{Var: 0}, {Var: 1}}, start: []int32{0, 2}, active: []bool{true}}
	p.occurrences()
	work := 100
	if newPropagation(p, &work).small {
		t.Error("an unbounded variable is small")
	}
	p.box[0] = Exact(PosInf / 3)
	if newPropagation(p, &work).small {
		t.Error("a third of the int64 range in an equation of two terms is small")
	}
}
