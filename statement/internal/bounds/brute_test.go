package bounds_test

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/koukaikei/koukaikei/statement/internal/bounds"
)

// A small system, by construction small enough to enumerate.
type small struct {
	vars []bounds.Interval
	eqs  [][]bounds.Term
	late []bool
}

// randomSmall makes a system of up to five variables, each with at most
// nine amounts, and up to six equations of up to four terms: shapes of
// every kind, trees, shared terms, odd cycles, several components. With
// hidden, one variable has no bounds, as a row that is not printed, and
// the others at most four amounts.
func randomSmall(rng *rand.Rand, hidden bool) small {
	var sm small
	nv := 2 + rng.IntN(4)
	for v := range nv {
		if hidden {
			if v == 0 {
				sm.vars = append(sm.vars, bounds.Unbounded())
			} else {
				lo := int64(rng.IntN(13) - 6)
				sm.vars = append(sm.vars, bounds.Interval{Lo: lo, Hi: lo + int64(rng.IntN(4))})
			}
			continue
		}
		lo := int64(rng.IntN(13) - 6)
		w := int64(rng.IntN(4))
		if rng.IntN(4) == 0 {
			w = int64(rng.IntN(9))
		}
		if rng.IntN(4) == 0 {
			w = 0
		}
		sm.vars = append(sm.vars, bounds.Interval{Lo: lo, Hi: lo + w})
	}
	ne := 1 + rng.IntN(6)
	for range ne {
		k := 1 + rng.IntN(min(4, nv))
		perm := rng.Perm(nv)[:k]
		var eq []bounds.Term
		for _, v := range perm {
			eq = append(eq, bounds.Term{Var: v, Negative: rng.IntN(2) == 0})
		}
		sm.eqs = append(sm.eqs, eq)
		sm.late = append(sm.late, rng.IntN(4) == 0)
	}
	return sm
}

func (sm small) system(t testing.TB, budget int) *bounds.System {
	s := &bounds.System{Budget: budget}
	for _, iv := range sm.vars {
		s.AddVar(iv)
	}
	for k, eq := range sm.eqs {
		e, err := s.AddEquation(eq...)
		if err != nil {
			t.Fatal(err)
		}
		if sm.late[k] {
			s.Late(e)
		}
	}
	return s
}

// feasible enumerates every assignment and reports whether one satisfies
// every equation that use says. A variable without bounds is tried from
// −60 to 60, beyond any sum of the others' amounts.
func (sm small) feasible(use func(e int) bool) bool {
	x := make([]int64, len(sm.vars))
	var try func(v int) bool
	try = func(v int) bool {
		if v == len(x) {
			for e, eq := range sm.eqs {
				if !use(e) {
					continue
				}
				var sum int64
				for _, t := range eq {
					if t.Negative {
						sum -= x[t.Var]
					} else {
						sum += x[t.Var]
					}
				}
				if sum != 0 {
					return false
				}
			}
			return true
		}
		iv := sm.vars[v]
		if iv == bounds.Unbounded() {
			iv = bounds.Interval{Lo: -60, Hi: 60}
		}
		for a := iv.Lo; a <= iv.Hi; a++ {
			x[v] = a
			if try(v + 1) {
				return true
			}
		}
		return false
	}
	return try(0)
}

// checkSmall compares Solve with enumeration: no false alarm (a system
// that some amounts satisfy has no violation), no missed error (one that
// none satisfy has one), and every witness and certificate checked on its
// own arithmetic. With the default budget nothing is undecided.
func checkSmall(t *testing.T, sm small, budget int) {
	s := sm.system(t, budget)
	sol, err := s.Solve()
	if err != nil {
		t.Fatalf("%+v: %v", sm, err)
	}
	if err := independently(s, sol); err != nil {
		t.Fatalf("%+v: %v", sm, err)
	}
	all := sm.feasible(func(int) bool { return true })
	violated, undecided := 0, 0
	for _, v := range sol.Verdicts {
		switch v {
		case bounds.Violated:
			violated++
		case bounds.Undecided:
			undecided++
		}
	}
	if budget == 0 && undecided > 0 {
		t.Fatalf("%+v: %d undecided with the default budget", sm, undecided)
	}
	if all && violated > 0 {
		t.Fatalf("%+v: satisfiable, yet %d violations: %v", sm, violated, sol.Verdicts)
	}
	if !all && violated == 0 && undecided == 0 {
		t.Fatalf("%+v: no amounts satisfy it, yet no violation", sm)
	}
	// The implied intervals hold every amount that some solution of the
	// equations judged to hold gives.
	holds := func(e int) bool { return sol.Verdicts[e] == bounds.Holds }
	for v := range sm.vars {
		if !sol.Decided(v) || sm.vars[v] == bounds.Unbounded() {
			continue
		}
		iv := sol.Implied(v)
		for a := sm.vars[v].Lo; a <= sm.vars[v].Hi; a++ {
			if iv.Contains(a) {
				continue
			}
			pinned := sm
			pinned.vars = append([]bounds.Interval(nil), sm.vars...)
			pinned.vars[v] = bounds.Exact(a)
			if pinned.feasible(holds) {
				t.Fatalf("%+v: variable %d implied %v, yet %d is part of a solution", sm, v, iv, a)
			}
		}
	}
}

func TestSolveAgainstEnumeration(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 23))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		checkSmall(t, randomSmall(rng, false), 0)
	}
	for range n / 10 {
		checkSmall(t, randomSmall(rng, true), 0)
	}
}

// TestSolveOutOfWork gives Solve almost no budget: what it cannot decide
// is Undecided, and what it does decide is still proven.
func TestSolveOutOfWork(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for k := range 2000 {
		checkSmall(t, randomSmall(rng, k%5 == 0), 1)
	}
}

// FuzzSolve compares Solve with enumeration on small systems made from
// the fuzzer's seed.
func FuzzSolve(f *testing.F) {
	for _, seed := range []uint64{1, 2, 3, 42, 1 << 40} {
		f.Add(seed, uint64(0))
	}
	f.Fuzz(func(t *testing.T, seed, stream uint64) {
		checkSmall(t, randomSmall(rand.New(rand.NewPCG(seed, stream)), stream%8 == 0), 0)
	})
}

// TestSolveIn solves one System for many boxes, concurrently: each
// solution is the one a System made with the box's intervals gives, and
// the box of the wrong length is an error.
func TestSolveIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 37))
	for range 300 {
		sm := randomSmall(rng, false)
		shared := sm.system(t, 0)
		boxes := make([]small, 8)
		for k := range boxes {
			boxes[k] = sm
			boxes[k].vars = randomSmall(rng, k%4 == 0).vars
			for len(boxes[k].vars) < len(sm.vars) {
				boxes[k].vars = append(boxes[k].vars, bounds.Exact(int64(rng.IntN(5))))
			}
			boxes[k].vars = boxes[k].vars[:len(sm.vars)]
		}
		sols := make([]*bounds.Solution, len(boxes))
		errs := make([]error, len(boxes))
		var wg sync.WaitGroup
		for k := range boxes {
			wg.Add(1)
			go func() { defer wg.Done(); sols[k], errs[k] = shared.SolveIn(boxes[k].vars) }()
		}
		wg.Wait()
		for k, box := range boxes {
			alone := box.system(t, 0)
			want, err := alone.Solve()
			if err != nil || errs[k] != nil {
				t.Fatalf("%+v: %v, %v", box, err, errs[k])
			}
			got := sols[k]
			if !reflect.DeepEqual(got.Verdicts, want.Verdicts) || !reflect.DeepEqual(got.Witness, want.Witness) ||
				!reflect.DeepEqual(got.Certificates, want.Certificates) {
				t.Fatalf("%+v: SolveIn gives %v %v, Solve %v %v", box, got.Verdicts, got.Witness, want.Verdicts, want.Witness)
			}
			if err := independently(alone, got); err != nil {
				t.Fatalf("%+v: %v", box, err)
			}
		}
	}
	var s bounds.System
	s.AddVar(bounds.Exact(1))
	if _, err := s.SolveIn(nil); !errors.Is(err, bounds.ErrRange) {
		t.Errorf("SolveIn with no intervals for one variable: %v", err)
	}
}
