package bounds_test

import (
	"math/rand/v2"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement/internal/bounds"
	"github.com/shopspring/decimal"
)

// tree is a random statement: leaves with exact yen, and totals that sum
// their children with signs, up to the root.
type tree struct {
	exact    []int64
	children [][]bounds.Term // per node; nil for leaves
}

func randomTree(rng *rand.Rand, leaves int) tree {
	var tr tree
	level := make([]int, leaves)
	for i := range level {
		v := rng.Int64N(2e10) - 1e10
		switch rng.IntN(4) {
		case 0:
			v = rng.Int64N(2000) - 1000 // near zero, so printed 0 on both sides
		case 1:
			v = rng.Int64N(1e6)
		}
		tr.exact = append(tr.exact, v)
		tr.children = append(tr.children, nil)
		level[i] = i
	}
	for len(level) > 1 {
		var next []int
		for len(level) > 0 {
			k := min(len(level), 1+rng.IntN(5))
			var kids []bounds.Term
			var sum int64
			for _, c := range level[:k] {
				neg := rng.IntN(4) == 0
				kids = append(kids, bounds.Term{Var: c, Negative: neg})
				if neg {
					sum -= tr.exact[c]
				} else {
					sum += tr.exact[c]
				}
			}
			level = level[k:]
			if len(kids) == 1 && len(next) > 0 {
				next = append(next, kids[0].Var)
				continue
			}
			tr.exact = append(tr.exact, sum)
			tr.children = append(tr.children, kids)
			next = append(next, len(tr.exact)-1)
		}
		level = next
	}
	return tr
}

// system prints every figure of tr in 千円 by r and returns the system and
// each node's equation, as head (index 0) then its terms.
func (tr tree) system(t testing.TB, r format.Rounding, printedAs func(node int) int64) (*bounds.System, [][]bounds.Term) {
	var s bounds.System
	for i := range tr.exact {
		iv, err := bounds.Printed(printedAs(i), 1000, r)
		if err != nil {
			t.Fatal(err)
		}
		s.AddVar(iv)
	}
	var eqs [][]bounds.Term
	for i, kids := range tr.children {
		if kids == nil {
			continue
		}
		terms := []bounds.Term{{Var: i}}
		for _, k := range kids {
			terms = append(terms, bounds.Term{Var: k.Var, Negative: !k.Negative})
		}
		if _, err := s.AddEquation(terms...); err != nil {
			t.Fatal(err)
		}
		eqs = append(eqs, terms)
	}
	return &s, eqs
}

func round(v int64, r format.Rounding) int64 {
	return format.Round(decimal.NewFromInt(v), format.Thousand, r).IntPart()
}

// FuzzRounded checks the two promises on trees of totals: a statement
// rounded correctly to 千円 is consistent, with a witness; one printed
// figure moved by more than an equation it is in can absorb is a
// violation of that equation, with a certificate.
func FuzzRounded(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint16(3), uint16(0), uint16(1))
	f.Add(uint64(2), uint8(1), uint16(40), uint16(7), uint16(5))
	f.Add(uint64(3), uint8(2), uint16(1), uint16(0), uint16(0))
	f.Add(uint64(4), uint8(3), uint16(200), uint16(150), uint16(9))
	f.Fuzz(func(t *testing.T, seed uint64, rounding uint8, leaves, which, extra uint16) {
		rng := rand.New(rand.NewPCG(seed, uint64(leaves)))
		r := format.Rounding(rounding % 4)
		tr := randomTree(rng, 1+int(leaves%300))
		s, eqs := tr.system(t, r, func(i int) int64 { return round(tr.exact[i], r) })
		sol, err := s.Solve()
		if err != nil {
			t.Fatal(err)
		}
		if !sol.Consistent() {
			t.Fatalf("correctly rounded figures: verdicts %v", sol.Verdicts)
		}
		if err := independently(s, sol); err != nil {
			t.Fatal(err)
		}
		for i, v := range tr.exact {
			if !sol.Implied(i).Contains(v) {
				t.Fatalf("node %d: implied %v lost the exact %d", i, sol.Implied(i), v)
			}
		}
		if len(eqs) == 0 {
			return
		}
		// Move one figure of one equation by more than the widths of the
		// equation's other intervals plus one unit.
		eq := eqs[int(which)%len(eqs)]
		node := eq[int(extra)%len(eq)].Var
		var tol int64 = 1000
		for _, term := range eq {
			if term.Var != node {
				tol += s.Var(term.Var).Width()
			}
		}
		delta := tol/1000 + 1 + int64(extra%7)
		if seed%2 == 1 {
			delta = -delta
		}
		bad, badEqs := tr.system(t, r, func(i int) int64 {
			p := round(tr.exact[i], r)
			if i == node {
				p += delta
			}
			return p
		})
		sol, err = bad.Solve()
		if err != nil {
			t.Fatal(err)
		}
		if err := independently(bad, sol); err != nil {
			t.Fatal(err)
		}
		for e, terms := range badEqs {
			if len(terms) == len(eq) && terms[0] == eq[0] {
				if sol.Verdicts[e] != bounds.Violated || sol.Certificates[e].Excess < 1 {
					t.Fatalf("node %d moved by %d 千円 (tolerance %d yen): equation %d not violated", node, delta, tol, e)
				}
				return
			}
		}
		t.Fatal("equation not found")
	})
}
