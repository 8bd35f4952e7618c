package bounds

import (
	"math/rand/v2"
	"testing"
)

// form returns an equation's terms as coefficients by variable.
func form(nv int, terms []coef) []int64 {
	out := make([]int64, nv)
	for _, t := range terms {
		out[t.v] += t.c
	}
	return out
}

// combination returns the coefficients by variable of the combination of
// p's equations that step s of r makes.
func combination(t *testing.T, r *reduction, s int32) []int64 {
	times := make([]int64, r.p.equations())
	if !r.expand([]seed{{s, 1}}, times) {
		t.Fatal("a multiplier overflows")
	}
	out := make([]int64, len(r.p.box))
	for e, k := range times {
		for _, term := range r.p.eq(int32(e)) {
			out[term.Var] += k * term.sign()
		}
	}
	return out
}

// TestReduceExact reduces random systems of equations that share terms
// and checks that every equation and alias of the reduction is the
// combination of the system's equations that it says it is, and that
// each merged variable's alias ties it to its rep with its sign.
func TestReduceExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	reduced := 0
	for range 20000 {
		p := &problem{}
		nv := 2 + rng.IntN(6)
		for range nv {
			p.box = append(p.box, Interval{-100, 100})
		}
		p.start = []int32{0}
		base := rng.Perm(nv)[:1+rng.IntN(nv)]
		for range 1 + rng.IntN(6) {
			// Equations alike but for a term or two, as rows that share
			// terms are.
			vars := append([]int(nil), base...)
			if rng.IntN(2) == 0 {
				vars = rng.Perm(nv)[:1+rng.IntN(nv)]
			}
			for _, v := range vars {
				p.terms = append(p.terms, Term{Var: v, Negative: rng.IntN(3) == 0})
			}
			p.start = append(p.start, int32(len(p.terms)))
			p.active = append(p.active, true)
		}
		p.occurrences()
		work := 1 << 20
		r := reduce(p, &work)
		if r == nil || r.refuted != nil {
			continue
		}
		reduced++
		for k, terms := range r.eqs {
			if k < len(r.alive) && !r.alive[k] {
				continue
			}
			want, got := combination(t, r, r.from[k]), form(nv, terms)
			for v := range want {
				if want[v] != got[v] {
					t.Fatalf("%+v: equation %d is %v, its combination %v gives %v", p, k, terms, r.from[k], want)
				}
			}
		}
		for v, x := range r.rep {
			if int(x) == v {
				continue
			}
			got := form(nv, r.eqs[r.alias[v]])
			for w := range got {
				want := int64(0)
				switch w {
				case v:
					want = 1
				case int(x):
					want = -r.sign[v]
				}
				if got[w] != want {
					t.Fatalf("%+v: the alias of %d is %v, not x%d − %d·x%d", p, v, r.eqs[r.alias[v]], v, r.sign[v], x)
				}
			}
		}
	}
	if reduced < 1000 {
		t.Errorf("only %d of 20,000 systems reduced", reduced)
	}
}
