package bounds

// MaxVisitsPerTerm bounds the propagation that gives the implied
// intervals of a cycle: at most this many visits of its equations per
// term. Propagation may creep by one yen a round around a cycle; stopped
// early, its intervals are still sound, only wider.
const MaxVisitsPerTerm = 64

// A propagation narrows the intervals of a problem's variables by its
// active equations to a fixpoint (bounds consistency), visiting equations
// from a work queue: an equation is queued again only when one of its
// variables narrows.
type propagation struct {
	p       *problem
	vars    []Interval
	queue   []int32
	queued  []bool
	work    *int // what is left of the budget, in equation terms visited
	changed []int32
	small   bool // every bound finite and small: see narrowSmall
}

func newPropagation(p *problem, work *int) *propagation {
	pr := &propagation{}
	pr.reset(p, work)
	return pr
}

// reset makes pr a propagation over p, with every active equation queued,
// in the arrays pr has.
func (pr *propagation) reset(p *problem, work *int) {
	pr.p, pr.work = p, work
	pr.vars = append(pr.vars[:0], p.box...)
	pr.queued = zeroed(pr.queued, p.equations())
	pr.queue, pr.changed = pr.queue[:0], pr.changed[:0]
	// Sums stay in the int64 range when every bound is at most its
	// maximum over one more than the terms of the longest equation.
	longest := 0
	for e := range p.equations() {
		longest = max(longest, len(p.eq(int32(e))))
	}
	limit := PosInf / int64(longest+2)
	pr.small = true
	for _, iv := range p.box {
		pr.small = pr.small && iv.Lo >= -limit && iv.Hi <= limit
	}
	for e, ok := range p.active {
		if ok {
			pr.enqueue(int32(e))
		}
	}
}

// zeroed returns s with length n and every element zero, in s's array
// when it is large enough.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (pr *propagation) enqueue(e int32) {
	if pr.p.active[e] && !pr.queued[e] {
		pr.queued[e] = true
		pr.queue = append(pr.queue, e)
	}
}

// drain visits the queued equations until the queue is empty (true), an
// interval empties or the work runs out (false).
func (pr *propagation) drain() bool {
	for head := 0; head < len(pr.queue); head++ {
		e := pr.queue[head]
		pr.queued[e] = false
		if *pr.work -= len(pr.p.eq(e)); *pr.work < 0 {
			pr.clear(head + 1)
			return false
		}
		empty, ok := pr.narrow(e)
		if empty || !ok {
			pr.clear(head + 1)
			return false
		}
		for _, v := range pr.changed {
			for _, f := range pr.p.equationsOf(v) {
				if f != e {
					pr.enqueue(f)
				}
			}
		}
		if head > 1<<16 && head > len(pr.queue)/2 {
			// Reuse the queue's storage.
			pr.queue = append(pr.queue[:0], pr.queue[head+1:]...)
			head = -1
		}
	}
	pr.queue = pr.queue[:0]
	return true
}

// clear empties the queue from position from on.
func (pr *propagation) clear(from int) {
	for _, e := range pr.queue[from:] {
		pr.queued[e] = false
	}
	pr.queue = pr.queue[:0]
}

// narrow applies equation e to its variables, noting those it narrowed in
// changed; it reports whether an interval emptied, and false for a sum
// beyond int64.
func (pr *propagation) narrow(e int32) (empty, ok bool) {
	terms := pr.p.eq(e)
	pr.changed = pr.changed[:0]
	if pr.small {
		return pr.narrowSmall(terms), true
	}
	var lo, hi partial
	for _, t := range terms {
		if !lo.addSigned(pr.vars[t.Var], t.sign(), &hi) {
			return false, false
		}
	}
	for _, t := range terms {
		iv := pr.vars[t.Var]
		if t.Negative {
			iv = iv.Neg()
		}
		// ±x = −(the others): between −(their highest) and −(their lowest).
		othersLo, ok1 := lo.without(iv.Lo, NegInf)
		othersHi, ok2 := hi.without(iv.Hi, PosInf)
		if !ok1 || !ok2 {
			return false, false
		}
		next := intersect(iv, Interval{neg(othersHi), neg(othersLo)})
		if next == iv {
			continue
		}
		if next.Empty() {
			return true, true
		}
		if t.Negative {
			next = next.Neg()
		}
		pr.vars[t.Var] = next
		pr.changed = append(pr.changed, int32(t.Var))
	}
	// Later terms were narrowed against bounds from before the earlier
	// ones moved. That loses nothing: one pass over a single equation is
	// already its fixpoint, since a bound implied by the others, summed
	// back, gives no other term more than it had.
	return false, true
}

// narrowSmall is narrow for a propagation whose bounds are all finite and
// so small that no sum of an equation's leaves the int64 range: in plain
// arithmetic. It reports whether an interval emptied.
func (pr *propagation) narrowSmall(terms []Term) bool {
	var lo, hi int64
	for _, t := range terms {
		iv := pr.vars[t.Var]
		if t.Negative {
			lo, hi = lo-iv.Hi, hi-iv.Lo
		} else {
			lo, hi = lo+iv.Lo, hi+iv.Hi
		}
	}
	for _, t := range terms {
		iv := pr.vars[t.Var]
		// x = −(the others) for a term added, the others for one
		// subtracted.
		var next Interval
		if t.Negative {
			next = Interval{max(iv.Lo, lo+iv.Hi), min(iv.Hi, hi+iv.Lo)}
		} else {
			next = Interval{max(iv.Lo, iv.Hi-hi), min(iv.Hi, iv.Lo-lo)}
		}
		if next == iv {
			continue
		}
		if next.Empty() {
			return true
		}
		pr.vars[t.Var] = next
		pr.changed = append(pr.changed, int32(t.Var))
	}
	return false
}

// A scratch holds the arrays of one search for a witness (dive): a System
// keeps them between Solves, so that solving it for the figures of
// thousands of statements of one shape allocates them once, not once a
// statement. Only the witness found is new.
type scratch struct {
	pr     propagation
	uf     unionFind
	pl     peeler
	forest problem
}

// dive looks for a witness of a cycle: it propagates to a fixpoint, then
// fixes each variable that would close a cycle among the variables still
// free to the middle of its interval, propagating each time, so that what
// is left free is a forest at its fixpoint; peeling it then gives the
// witness. It works in the arrays of sc, which may be new. It
// reports false when an interval empties or the work runs out: that
// proves nothing.
func dive(p *problem, work *int, sc *scratch) ([]int64, bool) {
	pr := &sc.pr
	pr.reset(p, work)
	if !pr.drain() {
		return nil, false
	}
	nv := len(p.box)
	uf := &sc.uf
	uf.reset(nv + p.equations())
	for e, ok := range p.active {
		if !ok {
			continue
		}
		for _, t := range p.eq(int32(e)) {
			iv := pr.vars[t.Var]
			if iv.point() {
				continue
			}
			if a, b := uf.root(int32(t.Var)), uf.root(int32(nv+e)); a != b {
				uf.join(a, b)
				continue
			}
			pr.vars[t.Var] = Exact(middle(iv))
			for _, f := range p.equationsOf(int32(t.Var)) {
				pr.enqueue(f)
			}
			if !pr.drain() {
				return nil, false
			}
		}
	}
	sc.forest = *p
	sc.forest.box = pr.vars
	pl := &sc.pl
	pl.reset(&sc.forest, true)
	pl.run()
	if pl.conflict || pl.err != nil || len(pl.core()) > 0 {
		return nil, false
	}
	values := make([]int64, nv)
	if pl.witness(values, nil) != nil || !p.holds(values) {
		return nil, false
	}
	return values, true
}
