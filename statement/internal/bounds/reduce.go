package bounds

// A reduction is a cycle's problem after substitution: where two of its
// equations are equal, up to sign, but for one term each, their
// difference is an equation of two terms, y = ±x (a doubleton equation),
// and y is substituted by ±x in every other equation, its interval
// intersected into x's; two equations that become equal, up to sign, are
// one (a duplicate row), and one that becomes empty is dropped. These are
// reductions of Andersen and Andersen, "Presolving in linear
// programming", Mathematical Programming 71 (1995), found here by hashing
// each equation whole and with each of its terms left out, so that the
// work is that of the terms looked at and substituted.
//
// A form with two computed columns that share a term, such as C = A − B
// and D = C + B, gives such pairs on every row: the rows' equations
// differ by D − A, so D is A; then the totals of column D are those of
// column A. What is left is a table of the columns A, B and C, whose rows
// and columns add up: a network, which a flow decides in near-linear
// time, where the linear program over the whole takes time growing with
// the square of its size.
//
// Each equation of the reduction is a combination of the cycle's, with
// whole multipliers (kept as a graph of the steps that made it, and
// expanded only for a certificate), and each variable merged into another
// keeps the equation that ties it to it (its alias): a witness of the
// reduction gives each merged variable its amount through its alias, and
// a refutation of the reduction is the same combination of the cycle's
// equations, each variable taken at the bound of whichever of the
// variables merged with it bounds it most (lift). Both are checked again
// against the cycle's own equations and intervals.
type reduction struct {
	p *problem // the cycle's
	// q is the problem reduced: the cycle's variables and equations, by
	// index; a variable merged into another is in no equation, and an
	// equation dropped is inactive.
	q problem

	eqs   [][]coef   // per equation, then per alias: its terms now
	from  []int32    // the same: the step that made it (see step)
	sig   []uint64   // the same: the hash of its terms (see hashOf)
	alive []bool     // per equation of p: in q
	occ   [][]int32  // per variable: the equations and aliases it may be in
	box   []Interval // per variable: its interval, a merged one's intersected into its rep's
	rep   []int32    // per variable: the variable it is merged into; itself if none
	sign  []int64    // per variable: its amount is sign times its rep's
	alias []int32    // per variable merged: its alias in eqs, it − sign·rep = 0
	group [][]int32  // per variable not merged: those merged into it
	steps []step

	full     map[uint64][]int32 // equations by the hash of their terms, up to sign
	partial  map[uint64][]held  // equations by the hash of their terms but one, up to sign
	queue    []int32
	queued   []bool
	mark     []uint32 // per variable: the epoch of the equation marked, and its coefficient
	markCoef []int64
	epoch    uint32
	changed  bool
	refuted  []int64 // multipliers of p's equations that refute it, found merging
	failed   bool    // a multiplier overflowed
	work     *int
}

// A step makes an equation of a reduction: equation e of p, or, with e
// −1, ka times the equation step a made plus kb times step b's. A step
// refers only to steps before it.
type step struct {
	e      int32
	a, b   int32
	ka, kb int64
}

// A coef is a term of an equation of a reduction: a variable and its
// coefficient, 1 or −1.
type coef struct {
	v int32
	c int64
}

// A held is an equation of a reduction with the variable left out of the
// hash it is held under.
type held struct{ e, v int32 }

// reduce returns p reduced by substitution, or nil when nothing reduces
// or the work runs out. A reduction whose refuted is set has found, while
// merging two variables whose intervals do not meet, that p has no
// solution.
func reduce(p *problem, work *int) *reduction {
	ne, nv := p.equations(), len(p.box)
	r := &reduction{p: p, work: work,
		eqs: make([][]coef, ne), from: make([]int32, ne), sig: make([]uint64, ne), alive: make([]bool, ne),
		occ: make([][]int32, nv), box: append([]Interval(nil), p.box...), rep: make([]int32, nv), sign: make([]int64, nv),
		alias: make([]int32, nv), group: make([][]int32, nv), steps: make([]step, ne),
		full: map[uint64][]int32{}, partial: map[uint64][]held{},
		queued: make([]bool, ne), mark: make([]uint32, nv), markCoef: make([]int64, nv)}
	for v := range nv {
		r.rep[v], r.sign[v], r.alias[v] = int32(v), 1, -1
	}
	for e := range ne {
		r.steps[e], r.from[e] = step{e: int32(e)}, int32(e)
		if !p.active[e] {
			continue
		}
		r.alive[e] = true
		for _, t := range p.eq(int32(e)) {
			r.eqs[e] = append(r.eqs[e], coef{int32(t.Var), t.sign()})
			r.occ[t.Var] = append(r.occ[t.Var], int32(e))
		}
		r.sig[e] = hashOf(r.eqs[e])
		*work -= len(r.eqs[e])
		r.enqueue(int32(e))
	}
	for head := 0; head < len(r.queue); head++ {
		e := r.queue[head]
		r.queued[e] = false
		r.visit(e)
		if r.refuted != nil {
			return r
		}
		if *work < 0 || r.failed {
			return nil
		}
	}
	if !r.changed {
		return nil
	}
	r.q = problem{box: r.box, late: p.late, active: r.alive, start: make([]int32, 1, ne+1)}
	for e := range ne {
		if r.alive[e] {
			for _, t := range r.eqs[e] {
				r.q.terms = append(r.q.terms, Term{Var: int(t.v), Negative: t.c < 0})
			}
		}
		r.q.start = append(r.q.start, int32(len(r.q.terms)))
	}
	r.q.occurrences()
	return r
}

func (r *reduction) enqueue(e int32) {
	if !r.queued[e] {
		r.queued[e] = true
		r.queue = append(r.queue, e)
	}
}

// hashOf returns the hash of terms: the sum of each variable's hash times
// its coefficient, so that a term is taken out by a subtraction.
func hashOf(terms []coef) uint64 {
	var h uint64
	for _, t := range terms {
		h += uint64(t.c) * varHash(t.v)
	}
	return h
}

// varHash mixes v's bits (SplitMix64's finaliser).
func varHash(v int32) uint64 {
	z := uint64(v) + 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// upToSign returns the key of a hash that an equation and its negation
// share.
func upToSign(h uint64) uint64 { return min(h, -h) }

// visit drops equation e if it is empty or equal to another, up to sign;
// else merges the variables of a doubleton it makes with another, if it
// can; else files it under its hashes.
func (r *reduction) visit(e int32) {
	if !r.alive[e] {
		return
	}
	terms := r.eqs[e]
	*r.work -= len(terms)
	if len(terms) == 0 {
		r.alive[e], r.changed = false, true
		return
	}
	key := upToSign(r.sig[e])
	for _, f := range r.full[key] {
		if f == e || !r.alive[f] || len(r.eqs[f]) != len(terms) {
			continue
		}
		if _, ok := r.sameBut(e, -1, f, -1); !ok {
			continue
		}
		// Keep the one that is not late, or the first: the network takes
		// those that are not late first.
		drop := e
		if r.p.late != nil && !r.p.late[e] && r.p.late[f] {
			drop = f
		}
		r.alive[drop], r.changed = false, true
		if drop == e {
			return
		}
		break
	}
	r.full[key] = append(r.full[key], e)
	for _, t := range terms {
		for _, h := range r.partial[upToSign(r.sig[e]-uint64(t.c)*varHash(t.v))] {
			f, u := h.e, h.v
			if f == e || !r.alive[f] || u == t.v || len(r.eqs[f]) != len(terms) {
				continue
			}
			if sigma, ok := r.sameBut(e, t.v, f, u); ok && r.merge(e, t.v, f, u, sigma) {
				r.enqueue(e)
				return
			}
		}
	}
	for _, t := range terms {
		k := upToSign(r.sig[e] - uint64(t.c)*varHash(t.v))
		r.partial[k] = append(r.partial[k], held{e, t.v})
	}
}

// sameBut reports whether equation e without variable x and equation f
// without variable y (−1: without none) are equal, and σ, 1 or −1, such
// that the one is σ times the other. With x and y, x must be in e, and
// neither in the other; that y is in f is checked.
func (r *reduction) sameBut(e, x, f, y int32) (sigma int64, ok bool) {
	r.epoch++
	n := 0
	for _, t := range r.eqs[e] {
		if t.v != x {
			r.mark[t.v], r.markCoef[t.v] = r.epoch, t.c
			n++
		}
	}
	*r.work -= len(r.eqs[e]) + len(r.eqs[f])
	found := y < 0
	for _, t := range r.eqs[f] {
		switch {
		case t.v == y:
			found = true
			continue
		case r.mark[t.v] != r.epoch:
			return 0, false // x, or a variable that e does not have
		case sigma == 0:
			sigma = r.markCoef[t.v] * t.c
		case sigma != r.markCoef[t.v]*t.c:
			return 0, false
		}
		n--
	}
	return sigma, found && n == 0 && sigma != 0
}

// coefIn returns variable v's coefficient in equation or alias e.
func (r *reduction) coefIn(e, v int32) int64 {
	for _, t := range r.eqs[e] {
		if t.v == v {
			return t.c
		}
	}
	return 0
}

// combine adds the step ka·a + kb·b and returns it.
func (r *reduction) combine(a int32, ka int64, b int32, kb int64) int32 {
	r.steps = append(r.steps, step{e: -1, a: a, b: b, ka: ka, kb: kb})
	return int32(len(r.steps) - 1)
}

// merge merges one of x, of equation e, and y, of equation f, into the
// other, e less x's term being σ times f less y's, so that e − σ·f is a
// doubleton in x and y; it reports whether it did: not when a
// coefficient would become 2. Of two variables whose intervals do not
// meet it sets refuted instead.
func (r *reduction) merge(e, x, f, y int32, sigma int64) bool {
	cx, cy := r.coefIn(e, x), -sigma*r.coefIn(f, y)
	// Substitute the variable in fewer equations; keep the other.
	gone, keep, cg, ck := y, x, cy, cx
	if len(r.occ[x]) <= len(r.occ[y]) {
		gone, keep, cg, ck = x, y, cx, cy
	}
	// cg·gone + ck·keep = 0: gone = s·keep.
	s := -cg * ck
	for _, h := range r.occ[gone] {
		if mu := r.coefIn(h, gone); mu != 0 && r.coefIn(h, keep) == mu*s {
			return false // keep's coefficient in h would become 2
		}
	}
	// The alias gone − s·keep = 0 is cg·(e − σ·f).
	from := r.combine(r.from[e], cg, r.from[f], -cg*sigma)
	into := intersect(r.box[keep], scaledSign(r.box[gone], s))
	if into.Empty() {
		r.refuted = r.lift([]seed{{from, 1}}, nil)
		r.failed = r.refuted == nil
		return true
	}
	a := int32(len(r.eqs))
	r.eqs = append(r.eqs, []coef{{gone, 1}, {keep, -s}})
	r.from = append(r.from, from)
	r.sig = append(r.sig, hashOf(r.eqs[a]))
	for _, h := range r.occ[gone] {
		mu := r.coefIn(h, gone)
		if mu == 0 {
			continue
		}
		// h − μ·(gone − s·keep): gone leaves, keep gains μ·s.
		terms := r.eqs[h][:0]
		added := true
		for _, t := range r.eqs[h] {
			switch t.v {
			case gone:
				continue
			case keep:
				added = false
				if t.c += mu * s; t.c == 0 {
					continue
				}
			}
			terms = append(terms, t)
		}
		if added {
			terms = append(terms, coef{keep, mu * s})
			r.occ[keep] = append(r.occ[keep], h)
		}
		r.eqs[h] = terms
		r.sig[h] += -uint64(mu)*varHash(gone) + uint64(mu*s)*varHash(keep)
		r.from[h] = r.combine(r.from[h], 1, from, -mu)
		*r.work -= len(terms)
		if int(h) < len(r.alive) && r.alive[h] {
			r.enqueue(h)
		}
	}
	r.occ[gone] = []int32{a}
	r.occ[keep] = append(r.occ[keep], a)
	for _, w := range r.group[gone] {
		r.rep[w], r.sign[w] = keep, r.sign[w]*s
	}
	r.group[keep] = append(append(r.group[keep], r.group[gone]...), gone)
	r.group[gone] = nil
	r.rep[gone], r.sign[gone], r.alias[gone] = keep, s, a
	r.box[keep] = into
	r.changed = true
	return true
}

// scaledSign returns s·iv for s = 1 or −1.
func scaledSign(iv Interval, s int64) Interval {
	if s < 0 {
		return iv.Neg()
	}
	return iv
}

// A seed is a step taken some number of times.
type seed struct {
	step int32
	k    int64
}

// expand adds to times, per equation of p, the multipliers of the sum of
// the seeds' combinations, walking the steps from the last back, each
// passing its multiplier on to the two it combines; it reports false if
// a multiplier overflows.
func (r *reduction) expand(seeds []seed, times []int64) bool {
	top := int32(-1)
	for _, s := range seeds {
		top = max(top, s.step)
	}
	k := make([]int64, top+1)
	for _, s := range seeds {
		var ok bool
		if k[s.step], ok = add(k[s.step], s.k); !ok {
			return false
		}
	}
	for i := top; i >= 0; i-- {
		m := k[i]
		if m == 0 {
			continue
		}
		*r.work--
		st := r.steps[i]
		if st.e >= 0 {
			var ok bool
			if times[st.e], ok = add(times[st.e], m); !ok {
				return false
			}
			continue
		}
		ma, ok1 := mul(m, st.ka)
		mb, ok2 := mul(m, st.kb)
		var ok3, ok4 bool
		k[st.a], ok3 = add(k[st.a], ma)
		k[st.b], ok4 = add(k[st.b], mb)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return false
		}
	}
	return true
}

// back turns what a procedure found about q into what it proves about p
// (see values and proof); with r nil, p was not reduced, and it is that.
// A witness that does not map back is no proof, and comes back
// outOfWork, which cannot happen: the reduction is exact.
func (r *reduction) back(status int, values []int64, pr *proof) (int, []int64, *proof, error) {
	switch {
	case r == nil:
	case status == decided:
		var ok bool
		if values, ok = r.values(values); !ok {
			return outOfWork, nil, nil, nil
		}
	case status == refuted:
		pr = r.proof(pr, nil)
	}
	return status, values, pr, nil
}

// values returns the amounts of p's variables that the amounts of q's,
// values, give: a merged variable its rep's times its sign, a variable in
// no equation of q the middle of its interval there; and whether they
// satisfy p, every equation and every interval.
func (r *reduction) values(values []int64) ([]int64, bool) {
	out := append([]int64(nil), values...)
	inQ := make([]bool, len(out))
	for _, t := range r.q.terms {
		inQ[t.Var] = true
	}
	for v, x := range r.rep {
		if int(x) == v && !inQ[v] {
			out[v] = middle(r.box[v])
		}
	}
	for v, x := range r.rep {
		if int(x) != v {
			out[v] = r.sign[v] * out[x]
		}
	}
	for v, y := range out {
		if !r.p.box[v].Contains(y) {
			return nil, false
		}
	}
	return out, r.p.holds(out)
}

// proof turns a proof about q into one about p: each refutation's
// multipliers lifted (see lift), each split kept, the cases below it
// assuming it. It returns nil if a refutation does not lift.
func (r *reduction) proof(pr *proof, assume map[int32]Interval) *proof {
	if pr == nil {
		return nil
	}
	if pr.times != nil {
		var seeds []seed
		for e, k := range pr.times {
			if k != 0 {
				seeds = append(seeds, seed{r.from[e], k})
			}
		}
		times := r.lift(seeds, assume)
		if times == nil {
			return nil
		}
		return &proof{times: times}
	}
	out := &proof{split: pr.split, at: pr.at}
	a := splitCases(assume, pr.split, Unbounded(), pr.at)
	if out.below = r.proof(pr.below, a[0]); out.below == nil {
		return nil
	}
	if out.above = r.proof(pr.above, a[1]); out.above == nil {
		return nil
	}
	return out
}

// lift returns the multipliers, per equation of p, of the combination of
// p's equations that seeds make, a refutation of q, its variables over
// q's intervals narrowed by assume (the splits above: see proof). The
// combination names only variables that are not merged; each coefficient
// is moved, through an alias, onto the variable of its group whose own
// interval, narrowed by assume, gives the bound the refutation takes. It
// returns nil if the combination refutes nothing, or a multiplier
// overflows.
func (r *reduction) lift(seeds []seed, assume map[int32]Interval) []int64 {
	p := r.p
	times := make([]int64, p.equations())
	if !r.expand(seeds, times) {
		return nil
	}
	coefs := make([]int64, len(p.box))
	for e, k := range times {
		if k == 0 {
			continue
		}
		for _, t := range p.eq(int32(e)) {
			d, ok1 := mul(k, t.sign())
			var ok2 bool
			if coefs[t.Var], ok2 = add(coefs[t.Var], d); !ok1 || !ok2 {
				return nil
			}
		}
	}
	narrowed := func(iv Interval, v int) Interval {
		if a, ok := assume[int32(v)]; ok {
			return intersect(iv, a)
		}
		return iv
	}
	var lo, hi partial
	for v, c := range coefs {
		if c == 0 {
			continue
		}
		kx, ok := scaled(narrowed(r.box[v], v), c)
		if !ok || !lo.add(kx.Lo, NegInf) || !hi.add(kx.Hi, PosInf) {
			return nil
		}
	}
	sum := interval(lo, hi)
	if distance(sum) == 0 {
		return nil
	}
	// A refutation's combination lies below zero, as the cycle's
	// certificates take it (see peeler.explain): it takes the upper end
	// of each term c·x, c·Hi for c > 0 and c·Lo for c < 0.
	if sum.Lo > 0 {
		for e := range times {
			times[e] = -times[e]
		}
		for v := range coefs {
			coefs[v] = -coefs[v]
		}
	}
	var moves []seed
	for v, c := range coefs {
		if c == 0 || len(r.group[v]) == 0 {
			continue
		}
		best, bestIv := int32(-1), narrowed(p.box[v], v)
		for _, w := range r.group[v] {
			iv := scaledSign(p.box[w], r.sign[w])
			if c < 0 && iv.Lo > bestIv.Lo || c > 0 && iv.Hi < bestIv.Hi {
				best, bestIv = w, iv
			}
		}
		if best >= 0 {
			// best − s·v = 0 taken c·s times: v's coefficient moves onto best.
			moves = append(moves, seed{r.from[r.alias[best]], c * r.sign[best]})
		}
	}
	if !r.expand(moves, times) {
		return nil
	}
	return times
}
