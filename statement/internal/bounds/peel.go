package bounds

import "fmt"

// A problem is a set of variables with intervals and of equations over
// them: a System's, or the cycle that is left of one of its components
// after peeling, which the solvers of cycles decide.
type problem struct {
	box    []Interval
	terms  []Term
	start  []int32
	active []bool // per equation: judged; false for one set aside
	late   []bool // per equation: likely implied by the others; may be nil
	// The equations of variable v: occ[occStart[v]:occStart[v+1]], and
	// whether v is subtracted in each.
	occStart, occ []int32
	occNeg        []bool
}

func (p *problem) equations() int { return max(len(p.start)-1, 0) }

func (p *problem) eq(e int32) []Term { return p.terms[p.start[e]:p.start[e+1]] }

// occurrences lists, for each variable, the equations it is in.
func (p *problem) occurrences() {
	o := listOccurrences(len(p.box), p.terms, p.start)
	p.occStart, p.occ, p.occNeg = o.start, o.eqs, o.neg
}

// The occurrences of nv variables in equations: variable v is in the
// equations eqs[start[v]:start[v+1]], subtracted in those where neg says.
type occurrences struct {
	start, eqs []int32
	neg        []bool
	// Of a System's: where each equation's terms start, and whether the
	// variables and equations form a cycle.
	eqStart []int32
	cyclic  bool
}

// listOccurrences lists the occurrences of nv variables in the equations
// whose terms are terms[start[e]:start[e+1]].
func listOccurrences(nv int, terms []Term, start []int32) *occurrences {
	o := &occurrences{start: make([]int32, nv+1), eqs: make([]int32, len(terms)), neg: make([]bool, len(terms))}
	for _, t := range terms {
		o.start[t.Var+1]++
	}
	for v := range nv {
		o.start[v+1] += o.start[v]
	}
	fill := append([]int32(nil), o.start[:nv]...)
	for e := range max(len(start)-1, 0) {
		for _, t := range terms[start[e]:start[e+1]] {
			o.eqs[fill[t.Var]], o.neg[fill[t.Var]] = int32(e), t.Negative
			fill[t.Var]++
		}
	}
	return o
}

// equationsOf returns the equations variable v is in.
func (p *problem) equationsOf(v int32) []int32 { return p.occ[p.occStart[v]:p.occStart[v+1]] }

// termOf returns v's term in the k-th equation of equationsOf(v).
func (p *problem) termOf(v int32, k int) Term {
	return Term{Var: int(v), Negative: p.occNeg[int(p.occStart[v])+k]}
}

// holds reports whether values satisfy every active equation.
func (p *problem) holds(values []int64) bool {
	for e := range p.equations() {
		if !p.active[e] {
			continue
		}
		var sum int64
		for _, t := range p.eq(int32(e)) {
			var ok bool
			if sum, ok = add(sum, t.sign()*values[t.Var]); !ok {
				return false
			}
		}
		if sum != 0 {
			return false
		}
	}
	return true
}

// The states of a variable while peeling.
const (
	live   uint8 = iota // in two equations or more that are left
	peeled              // absorbed into one equation, into[v]
	fixed               // one amount: printed exactly, or narrowed to it
	root                // in no equation that is left
)

// A peeler peels the trees off a problem: a variable in one equation
// only is absorbed into that equation's sum, an equation with one
// variable left narrows it and is removed, and a variable narrowed to one
// amount is fixed. What is left is the problem's 2-core, every variable
// of it in two equations or more. Nodes are numbered v for variable v and
// ^e for equation e.
type peeler struct {
	p *problem
	// speculative makes the peeler stop at the first conflict, as a
	// search for a witness does; otherwise it blames the equation that
	// met the conflict (blame) and goes on.
	speculative bool
	blame       func(e int32, c *Certificate)

	cur      []Interval // per variable: its box narrowed by the equations removed
	rlo, rhi []int32    // per variable: the equation that set each bound, -1 for its box
	state    []uint8
	into     []int32 // per peeled variable: its equation
	vdeg     []int32 // per variable: the equations left that it is live in
	edeg     []int32 // per equation: its live variables
	lo, hi   []partial
	gone     []bool  // per equation: removed, peeled or blamed
	blamed   []bool  // per equation: set aside as a violation
	narrows  []int32 // per equation: the variable it narrowed when removed, -1
	order    []int32 // the removals, in order
	queue    []int32
	head     int
	conflict bool // a conflict met while speculative
	err      error
	slot     []int32 // scratch: see slots
}

func newPeeler(p *problem, speculative bool) *peeler {
	pl := &peeler{}
	pl.reset(p, speculative)
	return pl
}

// reset makes pl a peeler of p that has peeled nothing, in the arrays pl
// has.
func (pl *peeler) reset(p *problem, speculative bool) {
	nv, ne := len(p.box), p.equations()
	if len(pl.slot) != nv+ne {
		pl.slot = nil // see slots: kept only at its length, every slot -1
	}
	*pl = peeler{p: p, speculative: speculative,
		cur: append(pl.cur[:0], p.box...), rlo: zeroed(pl.rlo, nv), rhi: zeroed(pl.rhi, nv),
		state: zeroed(pl.state, nv), into: zeroed(pl.into, nv), vdeg: zeroed(pl.vdeg, nv),
		edeg: zeroed(pl.edeg, ne), lo: zeroed(pl.lo, ne), hi: zeroed(pl.hi, ne),
		gone: zeroed(pl.gone, ne), blamed: zeroed(pl.blamed, ne), narrows: zeroed(pl.narrows, ne),
		order: pl.order[:0], queue: pl.queue[:0], slot: pl.slot}
	for v, iv := range p.box {
		pl.rlo[v], pl.rhi[v], pl.into[v] = -1, -1, -1
		if iv.point() {
			pl.state[v] = fixed
		}
	}
	for e := range ne {
		pl.narrows[e] = -1
		if !p.active[e] {
			pl.gone[e] = true
			continue
		}
		for _, t := range p.eq(int32(e)) {
			if pl.state[t.Var] == fixed {
				pl.absorb(int32(e), t)
				continue
			}
			pl.edeg[e]++
			pl.vdeg[t.Var]++
		}
	}
	for v := range nv {
		if pl.state[v] == live && pl.vdeg[v] <= 1 {
			pl.queue = append(pl.queue, int32(v))
		}
	}
	for e := range ne {
		if !pl.gone[e] && pl.edeg[e] <= 1 {
			pl.queue = append(pl.queue, ^int32(e))
		}
	}
}

// absorb adds term t, at its current interval, to the sum of equation e.
func (pl *peeler) absorb(e int32, t Term) {
	if !pl.lo[e].addSigned(pl.cur[t.Var], t.sign(), &pl.hi[e]) && pl.err == nil {
		pl.err = fmt.Errorf("%w: a sum in equation %d", ErrRange, e)
	}
}

// absorbed returns the interval of equation e's absorbed terms.
func (pl *peeler) absorbed(e int32) Interval { return interval(pl.lo[e], pl.hi[e]) }

// run peels until nothing more peels, or until a conflict stops a
// speculative peeler, or an error.
func (pl *peeler) run() {
	for pl.head < len(pl.queue) && !pl.conflict && pl.err == nil {
		n := pl.queue[pl.head]
		pl.head++
		if n >= 0 {
			pl.popVar(n)
		} else {
			pl.popEq(^n)
		}
	}
	if pl.head == len(pl.queue) {
		pl.queue, pl.head = pl.queue[:0], 0
	}
}

func (pl *peeler) popVar(v int32) {
	if pl.state[v] != live {
		return
	}
	switch pl.vdeg[v] {
	case 0:
		pl.state[v] = root
		pl.order = append(pl.order, v)
	case 1:
		for k, e := range pl.p.equationsOf(v) {
			if pl.gone[e] {
				continue
			}
			pl.absorb(e, pl.p.termOf(v, k))
			pl.state[v], pl.into[v], pl.vdeg[v] = peeled, e, 0
			pl.order = append(pl.order, v)
			if pl.edeg[e]--; pl.edeg[e] <= 1 {
				pl.queue = append(pl.queue, ^e)
			}
			return
		}
	}
}

func (pl *peeler) popEq(e int32) {
	if pl.gone[e] {
		return
	}
	switch pl.edeg[e] {
	case 0:
		if sum := pl.absorbed(e); !sum.Contains(0) {
			d := int64(1)
			if sum.Lo > 0 {
				d = -1
			}
			pl.conflictAt(e, d, -1, 0)
		}
		pl.remove(e)
	case 1:
		var t Term
		for _, u := range pl.p.eq(e) {
			if pl.state[u.Var] == live {
				t = u
				break
			}
		}
		v := int32(t.Var)
		// c·x + A = 0 with A the absorbed sum: x = −c·A.
		need := pl.absorbed(e)
		if t.sign() > 0 {
			need = need.Neg()
		}
		old := pl.cur[v]
		next := intersect(old, need)
		pl.remove(e)
		pl.vdeg[v]--
		if next.Empty() {
			// x ≥ need.Lo against x ≤ old.Hi, or x ≤ need.Hi against
			// x ≥ old.Lo: take e so that x has coefficient +1 or −1.
			if need.Lo > old.Hi {
				pl.conflictAt(e, t.sign(), v, 1)
			} else {
				pl.conflictAt(e, -t.sign(), v, -1)
			}
		} else {
			if next.Lo > old.Lo {
				pl.rlo[v] = e
			}
			if next.Hi < old.Hi {
				pl.rhi[v] = e
			}
			pl.cur[v], pl.narrows[e] = next, v
			if next.point() {
				pl.fix(v)
				return
			}
		}
		if pl.vdeg[v] <= 1 {
			pl.queue = append(pl.queue, v)
		}
	}
}

// remove takes equation e out of the graph.
func (pl *peeler) remove(e int32) {
	pl.gone[e] = true
	pl.order = append(pl.order, ^e)
}

// fix makes live variable v, narrowed to one amount, a constant of the
// equations left that it is in.
func (pl *peeler) fix(v int32) {
	pl.state[v], pl.vdeg[v] = fixed, 0
	for k, e := range pl.p.equationsOf(v) {
		if pl.gone[e] {
			continue
		}
		pl.absorb(e, pl.p.termOf(v, k))
		if pl.edeg[e]--; pl.edeg[e] <= 1 {
			pl.queue = append(pl.queue, ^e)
		}
	}
}

// conflictAt handles a conflict met at equation e, taken times times:
// with v < 0, e's sum excludes 0; otherwise e bounds variable v, whose
// coefficient in e times times is d, against v's other bound. A
// speculative peeler stops; another blames e.
func (pl *peeler) conflictAt(e int32, times int64, v int32, d int64) {
	if pl.speculative {
		pl.conflict = true
		return
	}
	m := map[int32]int64{e: times}
	for _, t := range pl.p.eq(e) {
		if int32(t.Var) != v {
			pl.explain(m, int32(t.Var), times*t.sign(), nil)
		}
	}
	if v >= 0 {
		pl.explain(m, v, d, nil)
	}
	pl.blamed[e] = true
	c, _ := pl.p.certificate(m, nil) // nil if it proves nothing, which the blame makes Undecided
	pl.blame(e, c)
}

// blameCore sets aside equation e of the core, which a certificate of
// the core blames, and lets the peeling go on without it.
func (pl *peeler) blameCore(e int32, c *Certificate) {
	pl.blamed[e] = true
	pl.remove(e)
	for _, t := range pl.p.eq(e) {
		if v := int32(t.Var); pl.state[v] == live {
			if pl.vdeg[v]--; pl.vdeg[v] <= 1 {
				pl.queue = append(pl.queue, v)
			}
		}
	}
	pl.blame(e, c)
}

// explain adds to m the equations that give the bound on variable v that
// bounds d·x from above (its upper bound when d > 0, its lower when d <
// 0), each taken so that v cancels, and so on down to printed figures. A
// bound that assume narrows further is an assumption, explained by
// nothing. Every equation it adds was removed by narrowing one variable,
// and every term of it but that variable was absorbed then, so each is
// met once.
func (pl *peeler) explain(m map[int32]int64, v int32, d int64, assume map[int32]Interval) {
	type item struct {
		v int32
		d int64
	}
	stack := []item{{v, d}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		r := pl.rlo[it.v]
		if it.d > 0 {
			r = pl.rhi[it.v]
		}
		if a, ok := assume[it.v]; ok {
			if it.d > 0 && a.Hi < pl.cur[it.v].Hi || it.d < 0 && a.Lo > pl.cur[it.v].Lo {
				continue
			}
		}
		if r < 0 {
			continue
		}
		var c int64
		for _, t := range pl.p.eq(r) {
			if int32(t.Var) == it.v {
				c = t.sign()
			}
		}
		times := -it.d * c
		m[r] += times
		for _, t := range pl.p.eq(r) {
			if int32(t.Var) != it.v {
				stack = append(stack, item{int32(t.Var), times * t.sign()})
			}
		}
	}
}

// core returns the equations left, in order.
func (pl *peeler) core() []int32 {
	var eqs []int32
	for e, gone := range pl.gone {
		if !gone {
			eqs = append(eqs, int32(e))
		}
	}
	return eqs
}

// witness sets values, which holds the values of the live variables (the
// core's), to amounts of every other variable that satisfy every equation
// not blamed: the absorbed terms of each equation of the core, then, in
// the reverse order of their removal, the roots and the absorbed terms of
// each equation removed. skip says which equations and variables to leave
// alone (those of components left undecided); it may be nil.
func (pl *peeler) witness(values []int64, skip func(node int32) bool) error {
	for v, st := range pl.state {
		if st == fixed {
			values[v] = pl.cur[v].Lo
		}
	}
	for e, gone := range pl.gone {
		if !gone && (skip == nil || !skip(^int32(e))) {
			if err := pl.settle(int32(e), values); err != nil {
				return err
			}
		}
	}
	for k := len(pl.order) - 1; k >= 0; k-- {
		n := pl.order[k]
		if skip != nil && skip(n) {
			continue
		}
		switch {
		case n >= 0 && pl.state[n] == root:
			values[n] = middle(pl.cur[n])
		case n < 0:
			if err := pl.settle(^n, values); err != nil {
				return err
			}
		}
	}
	return nil
}

// settle sets the variables absorbed into equation e, given the values of
// its other terms, so that e holds; those of a blamed equation each to the
// middle of its interval.
func (pl *peeler) settle(e int32, values []int64) error {
	terms := pl.p.eq(e)
	own := func(t Term) bool { return pl.state[t.Var] == peeled && pl.into[t.Var] == e }
	if pl.blamed[e] {
		for _, t := range terms {
			if own(t) {
				values[t.Var] = middle(pl.cur[t.Var])
			}
		}
		return nil
	}
	// The absorbed terms must sum to target; each starts at the middle
	// of its interval, and the rest is spread over them.
	var target, sum int64
	var ok bool
	for _, t := range terms {
		if own(t) {
			y := t.sign() * middle(pl.cur[t.Var])
			if sum, ok = add(sum, y); !ok {
				return fmt.Errorf("%w: a sum in equation %d", ErrRange, e)
			}
			continue
		}
		if target, ok = sub(target, t.sign()*values[t.Var]); !ok {
			return fmt.Errorf("%w: a sum in equation %d", ErrRange, e)
		}
	}
	rest, ok := sub(target, sum)
	if !ok {
		return fmt.Errorf("%w: a sum in equation %d", ErrRange, e)
	}
	for _, t := range terms {
		if !own(t) {
			continue
		}
		iv := pl.cur[t.Var]
		if t.Negative {
			iv = iv.Neg()
		}
		y := t.sign() * middle(pl.cur[t.Var])
		switch {
		case rest > 0:
			room, ok := sub(iv.Hi, y)
			if !ok || iv.Hi == PosInf {
				room = PosInf
			}
			step := min(rest, room)
			y, rest = y+step, rest-step
		case rest < 0:
			room, ok := sub(iv.Lo, y)
			if !ok || iv.Lo == NegInf {
				room = NegInf
			}
			step := max(rest, room)
			y, rest = y+step, rest-step
		}
		values[t.Var] = t.sign() * y
	}
	if rest != 0 {
		return fmt.Errorf("%w: equation %d cannot be met within its intervals", ErrRange, e)
	}
	return nil
}

// implied returns the interval implied for each variable: for the live
// ones, what fin holds (the core's own narrowing), and for the others,
// their interval narrowed by everything that is left, from the core
// outwards, in the reverse order of their removal. On a tree it is exactly
// the set of amounts some witness gives.
func (pl *peeler) implied(fin []Interval) {
	for v, st := range pl.state {
		if st != live {
			fin[v] = pl.cur[v]
		}
	}
	for e, gone := range pl.gone {
		if !gone {
			pl.narrowAbsorbed(int32(e), fin)
		}
	}
	for k := len(pl.order) - 1; k >= 0; k-- {
		if n := pl.order[k]; n < 0 && !pl.blamed[^n] {
			pl.narrowAbsorbed(^n, fin)
		}
	}
}

// narrowAbsorbed narrows the variables absorbed into equation e by the
// implied intervals of its other terms and the intervals of its other
// absorbed terms.
func (pl *peeler) narrowAbsorbed(e int32, fin []Interval) {
	var lo, hi partial
	terms := pl.p.eq(e)
	for _, t := range terms {
		if !lo.addSigned(fin[t.Var], t.sign(), &hi) {
			return // beyond int64: leave the intervals as they are, which is sound
		}
	}
	for _, t := range terms {
		if pl.state[t.Var] != peeled || pl.into[t.Var] != e {
			continue
		}
		iv := fin[t.Var]
		if t.Negative {
			iv = iv.Neg()
		}
		othersLo, ok1 := lo.without(iv.Lo, NegInf)
		othersHi, ok2 := hi.without(iv.Hi, PosInf)
		if !ok1 || !ok2 {
			continue
		}
		need := Interval{neg(othersHi), neg(othersLo)}
		if t.Negative {
			need = need.Neg()
		}
		if next := intersect(fin[t.Var], need); !next.Empty() {
			fin[t.Var] = next
		}
	}
}
