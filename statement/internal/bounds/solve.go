package bounds

import (
	"fmt"
	"slices"
	"sync"
)

// A Verdict is how Solve judged an equation.
type Verdict uint8

// Verdicts.
const (
	// Holds: the equation holds together with every other that holds;
	// Solution.Witness gives amounts that satisfy them all.
	Holds Verdict = iota
	// Violated: the equation's Certificate proves that it cannot hold
	// together with equations that hold (or on its own).
	Violated
	// Undecided: the work budget ran out before the equations connected
	// to it were decided.
	Undecided
)

// Procedures counts how the cycles of a System were decided (see the
// package doc): as a network, by the search for a witness, by the linear
// program, or not at all. What peeling decides is not counted; a cycle
// decided again after a conflict counts each time; a System that the
// first search for a witness decides as a whole counts one search.
type Procedures struct {
	Networks, Searches, Programs, Undecided int
	// Reduced counts the cycles that substitution reduced (see the
	// package doc) before one of the procedures above decided them; a
	// cycle refuted by the substitution itself counts only here.
	Reduced int
}

// A Solution is what Solve found.
type Solution struct {
	// Verdicts has the verdict of each equation.
	Verdicts []Verdict
	// Certificates has, for each violated equation, the proof; nil for
	// the others.
	Certificates []*Certificate
	// Witness has, for each variable that Decided says, an amount in its
	// interval such that every equation that holds holds.
	Witness []int64
	// Procedures counts how the components were decided.
	Procedures Procedures

	p         *problem
	pl        *peeler
	comp      *unionFind     // the components, once one is undecided
	undecided map[int32]bool // component roots
	once      sync.Once
	fin       []Interval
}

// Consistent reports whether every equation holds.
func (sol *Solution) Consistent() bool {
	for _, v := range sol.Verdicts {
		if v != Holds {
			return false
		}
	}
	return true
}

// Decided reports whether variable v's component was decided, so that
// Witness[v] is part of a witness.
func (sol *Solution) Decided(v int) bool {
	return sol.comp == nil || !sol.undecided[sol.comp.root(int32(v))]
}

// components joins the variables and equations of p into the components
// over the variables that are not fixed: the scope of an undecided
// verdict.
func components(p *problem) *unionFind {
	nv := len(p.box)
	uf := newUnionFind(nv + p.equations())
	for e, ok := range p.active {
		if !ok {
			continue
		}
		for _, t := range p.eq(int32(e)) {
			if !p.box[t.Var].point() {
				uf.join(int32(t.Var), int32(nv+e))
			}
		}
	}
	return &uf
}

// Implied returns the interval implied for variable v: its own interval
// narrowed by every equation that is not violated. Every amount that some
// witness gives v lies in it; where the variables and equations form no
// cycle, every amount in it is one that some witness gives. Within a
// cycle it is the bounds-consistent interval, which may be wider. It is
// computed on the first call, at a cost linear in the number of terms on
// trees, and bounded by MaxVisitsPerTerm on cycles.
func (sol *Solution) Implied(v int) Interval {
	sol.once.Do(sol.implied)
	return sol.fin[v]
}

// problem returns the problem of s's equations over the intervals of
// box, with the occurrences of its variables, which it lists once for
// every box.
func (s *System) problem(box []Interval) *problem {
	o := s.occurrences()
	return &problem{box: box, terms: s.terms, start: o.eqStart, late: s.late, occStart: o.start, occ: o.eqs, occNeg: o.neg}
}

// occurrences returns the occurrences of s's variables, listed on the
// first call after a variable or an equation was added.
func (s *System) occurrences() *occurrences {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.occ == nil || len(s.occ.start) != len(s.vars)+1 || len(s.occ.eqs) != len(s.terms) {
		start := s.start
		if len(start) == 0 {
			start = []int32{0}
		}
		s.occ = listOccurrences(len(s.vars), s.terms, start)
		s.occ.eqStart = start
		// Whether the variables and equations, every variable taken as
		// not fixed, form a cycle: without one, peeling decides all.
		uf := newUnionFind(len(s.vars) + len(start) - 1)
		for e := range len(start) - 1 {
			for _, t := range s.terms[start[e]:start[e+1]] {
				if a, b := uf.root(int32(t.Var)), uf.root(int32(len(s.vars)+e)); a != b {
					uf.join(a, b)
				} else {
					s.occ.cyclic = true
				}
			}
		}
	}
	return s.occ
}

// Solve judges every equation of s, jointly, and proves each verdict (see
// the package doc); s itself is not changed. An error wraps ErrRange when
// a sum leaves the int64 range.
func (s *System) Solve() (*Solution, error) { return s.SolveIn(s.vars) }

// SolveIn judges every equation of s as Solve does, with the variables
// taking the intervals of box (one for each variable, by index) in place
// of those they were added with: a System built once for statements of
// one shape judges each statement's figures. Neither s nor box is
// changed, and Solves of one System may run concurrently, but not with a
// change to it. A box of the wrong length is an error wrapping ErrRange.
func (s *System) SolveIn(box []Interval) (*Solution, error) {
	if len(box) != len(s.vars) {
		return nil, fmt.Errorf("%w: %d intervals for %d variables", ErrRange, len(box), len(s.vars))
	}
	work := s.Budget
	if work <= 0 {
		work = DefaultBudget
	}
	// A System without a cycle is decided by peeling; one with long
	// cycles would creep through the search's work.
	creeps := len(s.terms) > greedyTerms
	if !creeps && s.occurrences().cyclic {
		var sol *Solution
		if sol, creeps = s.closeAll(box, &work); sol != nil {
			return sol, nil
		}
	}
	sol, err := s.alone(box)
	if err != nil {
		return nil, err
	}
	if err := sol.peel(); err != nil {
		return nil, err
	}
	if err := sol.decideCycles(&work, !creeps); err != nil {
		return nil, err
	}
	if err := sol.witness(); err != nil {
		return nil, err
	}
	return sol, nil
}

// closeAll searches the whole of s, over box, briefly for a witness, as
// decide searches a cycle first (see greedyVisits): on a system of printed
// figures that agree, trees and cycles alike, it mostly finds one, checked
// against every equation and interval, which proves that every equation
// holds at once. It returns that solution, or nil when the search proves
// nothing: then SolveIn decides s step by step, and creeps says whether
// the search ran out of its work, as propagation around a long table
// does, one yen a round: the cycles of s are then not searched first.
func (s *System) closeAll(box []Interval, work *int) (sol *Solution, creeps bool) {
	p := s.problem(box)
	p.active = make([]bool, s.Equations())
	for e := range p.active {
		p.active[e] = true
	}
	short := min(*work, greedyVisits*len(s.terms))
	left := short
	sc, _ := s.searches.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	values, ok := dive(p, &left, sc)
	sc.forest, sc.pr.p, sc.pr.work = problem{}, nil, nil // nothing of this Solve kept
	s.searches.Put(sc)
	*work -= short - max(left, 0)
	if !ok {
		return nil, left < 0
	}
	for v, x := range values {
		if !box[v].Contains(x) {
			return nil, false
		}
	}
	return &Solution{Verdicts: make([]Verdict, len(p.active)), Certificates: make([]*Certificate, len(p.active)),
		Witness: values, Procedures: Procedures{Searches: 1}, p: p}, false
}

// alone judges each equation of s on its own, its variables over box: one
// whose sum excludes zero is violated, its own certificate, and is set
// aside; the others are active.
func (s *System) alone(box []Interval) (*Solution, error) {
	n := s.Equations()
	p := s.problem(box)
	p.active = make([]bool, n)
	sol := &Solution{Verdicts: make([]Verdict, n), Certificates: make([]*Certificate, n), Witness: make([]int64, len(box)),
		p: p, undecided: map[int32]bool{}}
	for e := range n {
		sum, err := SumIn(box, s.Equation(e))
		if err != nil {
			return nil, err
		}
		if distance(sum) > 0 {
			sol.Verdicts[e] = Violated
			sol.Certificates[e], _ = p.certificate(map[int32]int64{int32(e): 1}, nil)
			continue
		}
		p.active[e] = true
	}
	return sol, nil
}

// peel peels the trees off the active equations, blaming each conflict
// met on the way.
func (sol *Solution) peel() error {
	pl := newPeeler(sol.p, false)
	sol.pl = pl
	pl.blame = func(e int32, c *Certificate) {
		sol.Verdicts[e], sol.Certificates[e] = Violated, c
		if c == nil {
			sol.Verdicts[e] = Undecided // a conflict without a proof: never claimed
		}
	}
	pl.run()
	return pl.err
}

// decideCycles decides each cycle left after peeling on its own: its
// values go to the witness; a refutation blames its equation of the
// highest index, and what is left of the cycle after peeling again is
// decided anew; a cycle that the work does not suffice for makes its
// component undecided.
func (sol *Solution) decideCycles(work *int, search bool) error {
	pl := sol.pl
	groups := cycles(pl, pl.core())
	for len(groups) > 0 {
		g := groups[0]
		groups = groups[1:]
		c := cycleOf(pl, g)
		status, values, pr, err := c.decide(work, &sol.Procedures, search)
		if err != nil {
			return err
		}
		switch status {
		case decided:
			for j, v := range c.vars[:c.cells] {
				sol.Witness[v] = values[j]
			}
			continue
		case refuted:
			cert := c.expand(pl, pr, map[int32]Interval{})
			keep := func(e int) bool { return !pl.gone[e] && c.has(int32(e)) }
			if cert != nil && cert.blamed(keep) >= 0 {
				pl.blameCore(int32(cert.blamed(keep)), cert)
				if pl.run(); pl.err != nil {
					return pl.err
				}
				var left []int32
				for _, e := range g {
					if !pl.gone[e] {
						left = append(left, e)
					}
				}
				groups = append(groups, cycles(pl, left)...)
				continue
			}
		}
		if sol.comp == nil {
			sol.comp = components(sol.p)
		}
		sol.undecided[sol.comp.root(int32(len(sol.p.box))+g[0])] = true
		sol.Procedures.Undecided++
	}
	return nil
}

// witness completes the witness from the cycles' values outwards, leaving
// the undecided components alone and their equations Undecided, and
// checks that every equation that holds holds at it.
func (sol *Solution) witness() error {
	p, pl, nv := sol.p, sol.pl, int32(len(sol.p.box))
	var skip func(node int32) bool
	if sol.comp != nil {
		skip = func(node int32) bool {
			if node < 0 {
				node = nv + ^node
			}
			return sol.undecided[sol.comp.root(node)]
		}
	}
	if err := pl.witness(sol.Witness, skip); err != nil {
		return err
	}
	for e, ok := range p.active {
		switch {
		case !ok || pl.blamed[e]:
		case skip != nil && skip(^int32(e)):
			sol.Verdicts[e] = Undecided
		default:
			var sum int64
			ok := true
			for _, t := range p.eq(int32(e)) {
				if sum, ok = add(sum, t.sign()*sol.Witness[t.Var]); !ok {
					return fmt.Errorf("%w: a sum in equation %d", ErrRange, e)
				}
			}
			if sum != 0 {
				return fmt.Errorf("bounds: internal error: the witness fails equation %d", e)
			}
		}
	}
	return nil
}

// cycles splits the equations eqs of the core, in order, into connected
// components over their live variables, each a list of equations in
// order.
func cycles(pl *peeler, eqs []int32) [][]int32 {
	nv := int32(len(pl.p.box))
	slot := pl.slots()
	var touched []int32
	elem := func(node int32) int32 {
		if slot[node] < 0 {
			slot[node] = int32(len(touched))
			touched = append(touched, node)
		}
		return slot[node]
	}
	for _, e := range eqs {
		elem(nv + e)
		for _, t := range pl.p.eq(e) {
			if pl.state[t.Var] == live {
				elem(int32(t.Var))
			}
		}
	}
	uf := newUnionFind(len(touched))
	for _, e := range eqs {
		for _, t := range pl.p.eq(e) {
			if pl.state[t.Var] == live {
				uf.join(slot[t.Var], slot[nv+e])
			}
		}
	}
	group := make([]int32, len(touched)) // per root: its group + 1
	var groups [][]int32
	for _, e := range eqs {
		r := uf.root(slot[nv+e])
		if group[r] == 0 {
			groups = append(groups, nil)
			group[r] = int32(len(groups))
		}
		groups[group[r]-1] = append(groups[group[r]-1], e)
	}
	for _, n := range touched {
		slot[n] = -1
	}
	return groups
}

// slots returns the peeler's scratch array, one slot per variable and
// equation (v, then len(box)+e), every slot -1; its user sets them back.
func (pl *peeler) slots() []int32 {
	if pl.slot == nil {
		pl.slot = make([]int32, len(pl.p.box)+pl.p.equations())
		for i := range pl.slot {
			pl.slot[i] = -1
		}
	}
	return pl.slot
}

// A cycle is a connected part of a core as a problem of its own: its
// variables are the core's live variables, then one per equation with
// absorbed terms, whose interval is theirs.
type cycle struct {
	p     problem
	vars  []int32 // per variable: the System's, or ^e for equation e's absorbed terms
	eqs   []int32 // per equation: the System's, in order
	cells int     // variables [0, cells) are the System's
}

// has reports whether the cycle holds the System's equation e.
func (c *cycle) has(e int32) bool {
	_, ok := slices.BinarySearch(c.eqs, e)
	return ok
}

// cycleOf makes the cycle of the equations eqs of the core, in order.
func cycleOf(pl *peeler, eqs []int32) *cycle {
	c := &cycle{eqs: eqs}
	slot := pl.slots()
	for _, e := range eqs {
		for _, t := range pl.p.eq(e) {
			if pl.state[t.Var] == live && slot[t.Var] < 0 {
				slot[t.Var] = int32(len(c.vars))
				c.vars = append(c.vars, int32(t.Var))
			}
		}
	}
	c.cells = len(c.vars)
	c.p.start = make([]int32, 1, len(eqs)+1)
	c.p.late = make([]bool, len(eqs))
	c.p.active = make([]bool, len(eqs))
	for k, e := range eqs {
		for _, t := range pl.p.eq(e) {
			if pl.state[t.Var] == live {
				c.p.terms = append(c.p.terms, Term{Var: int(slot[t.Var]), Negative: t.Negative})
			}
		}
		if sum := pl.absorbed(e); sum != Exact(0) {
			c.p.terms = append(c.p.terms, Term{Var: len(c.vars)})
			c.vars = append(c.vars, ^e)
		}
		c.p.start = append(c.p.start, int32(len(c.p.terms)))
		c.p.active[k] = true
		c.p.late[k] = pl.p.late != nil && pl.p.late[e]
	}
	for _, v := range c.vars[:c.cells] {
		slot[v] = -1
	}
	c.p.box = make([]Interval, len(c.vars))
	for j, v := range c.vars {
		if v >= 0 {
			c.p.box[j] = pl.cur[v]
		} else {
			c.p.box[j] = pl.absorbed(^v)
		}
	}
	c.p.occurrences()
	return c
}

// greedyVisits bounds the first search for a witness of a cycle, in
// visits of its equations per term: a cycle of printed figures that agree
// closes in about five, and one that creeps (see MaxVisitsPerTerm) is left
// to the flow.
const greedyVisits = 10

// greedyTerms bounds the systems and cycles searched first, in terms: the
// book of a body's statements has a few hundred, and a table of hundreds
// of rows, whose cycles are long enough for propagation to creep through
// the first search's work, thousands.
const greedyTerms = 2048

// decide decides the cycle: by a short search for a witness, if search
// says to; else as a network when it is one, or when what is left out of
// the network holds at the flow's witness; else, reduced by substitution
// where that reduces it (see reduction), as a network again; else by
// searching for a witness with the rest of the work; else by the linear
// program.
func (c *cycle) decide(work *int, procs *Procedures, search bool) (int, []int64, *proof, error) {
	// Most cycles of printed figures that are consistent close greedily:
	// a witness found so, and checked, proves them at little cost. A
	// search that meets a conflict proves nothing, and is not made again.
	searchAgain := true
	if search && len(c.p.terms) <= greedyTerms {
		short := min(*work, greedyVisits*len(c.p.terms))
		left := short
		v, ok := dive(&c.p, &left, &scratch{})
		*work -= short - max(left, 0)
		if ok {
			procs.Searches++
			return decided, v, nil, nil
		}
		searchAgain = left < 0
	}
	status, values, pr, ok, err := asNetwork(&c.p)
	if err != nil || ok {
		procs.Networks++
		return status, values, pr, err
	}
	// Substituted, the equations may form a network, or a smaller cycle.
	p, r := &c.p, reduce(&c.p, work)
	if r != nil {
		procs.Reduced++
		if r.refuted != nil {
			return refuted, nil, &proof{times: r.refuted}, nil
		}
		p = &r.q
		if status, values, pr, ok, err = asNetwork(p); err != nil {
			return 0, nil, nil, err
		}
		if ok {
			procs.Networks++
			return r.back(status, values, pr)
		}
	}
	if searchAgain {
		if v, ok := dive(p, work, &scratch{}); ok {
			procs.Searches++
			return r.back(decided, v, nil)
		}
	}
	if *work < 0 {
		return outOfWork, nil, nil, nil
	}
	procs.Programs++
	return r.back(branchAndBound(p, c.cells, work))
}

// asNetwork decides p as a network, when it is one, or when what is left
// out of the network holds at the flow's witness; ok is false when it
// is neither and the flow found no conflict.
func asNetwork(p *problem) (status int, values []int64, pr *proof, ok bool, err error) {
	in, negate, all := network(p)
	values, known, cut, err := circulation(p, in, negate)
	switch {
	case err != nil:
		return 0, nil, nil, false, err
	case cut != nil:
		times := make([]int64, p.equations())
		for e, k := range cut {
			times[e] = k
		}
		return refuted, nil, &proof{times: times}, true, nil
	case all:
		return decided, values, nil, true, nil
	}
	if v, ok := rest(p, in, values, known); ok {
		return decided, v, nil, true, nil
	}
	return 0, nil, nil, false, nil
}

// rest decides the equations of p left out of the network with the values
// the flow gave fixed: they hold if peeling them meets no conflict and
// leaves nothing.
func rest(p *problem, in []bool, values []int64, known []bool) ([]int64, bool) {
	q := *p
	q.box = append([]Interval(nil), p.box...)
	q.active = make([]bool, len(in))
	for e, ok := range in {
		q.active[e] = !ok && p.active[e]
	}
	for v, ok := range known {
		if ok {
			q.box[v] = Exact(values[v])
		}
	}
	pl := newPeeler(&q, true)
	pl.run()
	if pl.conflict || pl.err != nil || len(pl.core()) > 0 {
		return nil, false
	}
	out := make([]int64, len(q.box))
	if pl.witness(out, nil) != nil || !p.holds(out) {
		return nil, false
	}
	return out, true
}

// expand turns a proof about the cycle into a certificate of the System:
// the cycle's equations with their multipliers, and, for each variable
// left in their combination, the equations that gave the bound it is
// taken at, down to printed figures. assume holds the splits above.
func (c *cycle) expand(pl *peeler, pr *proof, assume map[int32]Interval) *Certificate {
	if pr == nil {
		return nil
	}
	if pr.times == nil {
		v := c.vars[pr.split]
		sp := &Split{Var: int(v), At: pr.at}
		a := splitCases(assume, v, pl.cur[v], pr.at)
		if sp.Below = c.expand(pl, pr.below, a[0]); sp.Below == nil {
			return nil
		}
		if sp.Above = c.expand(pl, pr.above, a[1]); sp.Above == nil {
			return nil
		}
		return &Certificate{Split: sp}
	}
	m := map[int32]int64{}
	coef := make([]int64, len(c.vars))
	absorbed := map[int32]int64{}
	for k, times := range pr.times {
		if times == 0 {
			continue
		}
		e := c.eqs[k]
		m[e] += times
		for _, t := range c.p.eq(int32(k)) {
			coef[t.Var] += times * t.sign()
		}
		// The terms absorbed into e, whose sum the cycle took at its
		// interval, each at the bound that interval was made of. A fixed
		// variable may be absorbed into several equations: it is
		// explained once, by its coefficient in their combination, which
		// may be zero, as the bounds on either side may have different
		// reasons.
		for _, t := range pl.p.eq(e) {
			if st := pl.state[t.Var]; st == fixed || st == peeled && pl.into[t.Var] == e {
				absorbed[int32(t.Var)] += times * t.sign()
			}
		}
	}
	for v, d := range absorbed {
		if d != 0 {
			pl.explain(m, v, d, assume)
		}
	}
	for j, d := range coef[:c.cells] {
		if d != 0 {
			pl.explain(m, c.vars[j], d, assume)
		}
	}
	cert, ok := pl.p.certificate(m, assume)
	if !ok {
		return nil
	}
	return cert
}

// implied computes the implied intervals: on each cycle left, the
// propagation to its fixpoint (bounded), then outwards through the trees.
func (sol *Solution) implied() {
	sol.fin = make([]Interval, len(sol.p.box))
	if sol.pl == nil {
		// Decided at once by a search (closeAll): the intervals are
		// peeling's, which meets no conflict where a witness exists.
		if sol.peel() != nil {
			copy(sol.fin, sol.p.box) // sound, if wider
			return
		}
	}
	pl := sol.pl
	copy(sol.fin, pl.cur)
	for _, g := range cycles(pl, pl.core()) {
		c := cycleOf(pl, g)
		work := MaxVisitsPerTerm*len(c.p.terms) + len(c.p.terms)
		pr := newPropagation(&c.p, &work)
		if !pr.drain() && work >= 0 {
			continue // an interval emptied: the cycle is undecided; keep what peeling gave
		}
		for j, v := range c.vars[:c.cells] {
			sol.fin[v] = pr.vars[j]
		}
	}
	pl.implied(sol.fin)
}
