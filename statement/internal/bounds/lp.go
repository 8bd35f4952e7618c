package bounds

import (
	"maps"
	"math/big"
	"slices"
)

// The outcome of deciding a cycle.
const (
	decided = iota
	refuted
	outOfWork
)

// A proof is what the exact linear program found for a cycle: values that
// satisfy it, or a refutation: multipliers of its equations (Farkas'
// lemma) under the bounds of a node of the branching, or a split into two
// refuted cases.
type proof struct {
	times        []int64 // per equation of the problem; nil for a split
	split        int32   // the variable split on
	at           int64
	below, above *proof
}

// splitCases returns the assumptions of the two cases of a split of
// variable v at at, below (v ≤ at) and above (v ≥ at+1): assume with v's
// interval, as assume has it or else base, narrowed to each half.
func splitCases(assume map[int32]Interval, v int32, base Interval, at int64) [2]map[int32]Interval {
	if old, ok := assume[v]; ok {
		base = old
	}
	var out [2]map[int32]Interval
	for k, half := range []Interval{{NegInf, at}, {at + 1, PosInf}} {
		out[k] = make(map[int32]Interval, len(assume)+1)
		maps.Copy(out[k], assume)
		out[k][v] = intersect(base, half)
	}
	return out
}

// branchAndBound decides the active equations of p over whole yen: an
// exact linear program over the rationals decides each node, and a node
// whose solution is not whole yen is split on its first variable below
// split that is not (Land and Doig); the others follow from those. The
// split is at the middle of the variable's interval while that is wider
// than two yen, else below its value: where equations share terms twice
// (a total of two subtotals of the same rows), the relaxation may have
// half yen at every vertex, and splitting below the value alone would
// lead the search along the interval one yen a split. It returns decided
// with values, refuted with a proof, or outOfWork.
func branchAndBound(p *problem, split int, work *int) (int, []int64, *proof) {
	box := append([]Interval(nil), p.box...)
	return node(p, box, split, work)
}

func node(p *problem, box []Interval, cells int, work *int) (int, []int64, *proof) {
	lp := newSimplex(p, box, work)
	status, x := lp.solve()
	switch status {
	case outOfWork:
		return outOfWork, nil, nil
	case refuted:
		return refuted, nil, &proof{times: lp.farkas()}
	}
	split := -1
	for j := range cells {
		if !x[j].isInt() {
			split = j
			break
		}
	}
	if split < 0 {
		values := make([]int64, len(p.box))
		for j := range values {
			var ok bool
			if values[j], ok = x[j].floor(); !ok {
				return outOfWork, nil, nil
			}
		}
		return decided, values, nil
	}
	at, ok := x[split].floor()
	if !ok {
		return outOfWork, nil, nil
	}
	pr := &proof{split: int32(split), at: at}
	if w := box[split].Width(); w > 2 && w != PosInf {
		pr.at = middle(box[split])
	}
	for k, half := range []Interval{{NegInf, pr.at}, {pr.at + 1, PosInf}} {
		sub := append([]Interval(nil), box...)
		sub[split] = intersect(sub[split], half)
		if sub[split].Empty() {
			return outOfWork, nil, nil // cannot happen: the split lies strictly inside
		}
		status, values, child := node(p, sub, cells, work)
		switch status {
		case decided, outOfWork:
			return status, values, nil
		}
		if k == 0 {
			pr.below = child
		} else {
			pr.above = child
		}
	}
	return refuted, nil, pr
}

// Variable states in the simplex method.
const (
	basic int8 = iota
	atLo
	atHi
	free // nonbasic at zero, without bounds
)

// An entry is a nonzero of a row of the tableau: its column and value.
type entry struct {
	col int32
	v   rat
}

// A simplex is the first phase of the bounded-variable simplex method, in
// exact rationals (rat): it minimises the sum of one artificial variable
// per equation, which is zero exactly when the equations hold within the
// bounds. Columns are the problem's variables, then the artificials; the
// tableau holds B⁻¹ times the columns, each row only its nonzeros, in
// column order, and the reduced costs of the columns are a row of their
// own that each pivot updates as it updates the others (Dantzig's
// tableau with its objective row). A pivot so costs a look at each column
// and each row, and the entries it changes: the tableau of equations of
// ±1 that nearly form a network stays about as sparse as they are, where
// computing every reduced cost anew would cost the whole tableau at each
// pivot. Bland's rule chooses the pivots, so it never cycles.
type simplex struct {
	p      *problem
	rows   []int32    // the active equations
	n      int        // the problem's variables; artificial i is column n+i
	box    []Interval // the bounds of the problem's variables
	t      [][]entry  // per row: its nonzeros, by column
	d      []rat      // per column: its reduced cost
	basis  []int
	status []int8
	x      []rat
	sigma  []int64 // per row: the artificial's coefficient
	col    []int32 // per row: the index in it of its entry in the entering column, -1 for none
	work   *int
}

func newSimplex(p *problem, box []Interval, work *int) *simplex {
	lp := &simplex{p: p, n: len(p.box), box: box, work: work}
	for e, ok := range p.active {
		if ok {
			lp.rows = append(lp.rows, int32(e))
		}
	}
	m := len(lp.rows)
	cols := lp.n + m
	lp.status = make([]int8, cols)
	lp.x = make([]rat, cols)
	lp.d = make([]rat, cols)
	lp.basis = make([]int, m)
	lp.sigma = make([]int64, m)
	lp.col = make([]int32, m)
	for j, iv := range box {
		switch {
		case iv.Lo != NegInf:
			lp.status[j] = atLo
			lp.x[j] = ratOf(iv.Lo)
		case iv.Hi != PosInf:
			lp.status[j] = atHi
			lp.x[j] = ratOf(iv.Hi)
		default:
			lp.status[j] = free
		}
	}
	lp.t = make([][]entry, m)
	for i, e := range lp.rows {
		terms := slices.SortedFunc(slices.Values(p.eq(e)), func(a, b Term) int { return a.Var - b.Var })
		var r rat
		for _, t := range terms {
			if t.Negative {
				r = r.sub(lp.x[t.Var])
			} else {
				r = r.add(lp.x[t.Var])
			}
		}
		// Σ a·x + σ·art = 0 with art = |r| ≥ 0.
		lp.sigma[i] = 1
		if r.sign() > 0 {
			lp.sigma[i] = -1
		}
		row := make([]entry, 0, len(terms)+1)
		for _, t := range terms {
			a := ratOf(t.sign() * lp.sigma[i])
			row = append(row, entry{int32(t.Var), a})
			// Every basic variable is an artificial, of cost 1: the
			// reduced cost of a column is minus the sum of its entries.
			lp.d[t.Var] = lp.d[t.Var].sub(a)
		}
		lp.t[i] = append(row, entry{int32(lp.n + i), ratOf(1)})
		lp.basis[i] = lp.n + i
		lp.status[lp.n+i] = basic
		if lp.x[lp.n+i] = r; r.sign() < 0 {
			lp.x[lp.n+i] = r.neg()
		}
		*work -= len(terms) + 1
	}
	*work -= cols
	return lp
}

// bounds returns the bounds of column j: an artificial's are [0, +inf).
func (lp *simplex) bounds(j int) Interval {
	if j < lp.n {
		return lp.box[j]
	}
	return Interval{0, PosInf}
}

// solve runs the method to its optimum and returns decided with the
// values of the problem's variables, or refuted, or outOfWork.
func (lp *simplex) solve() (int, []rat) {
	for {
		if *lp.work < 0 {
			return outOfWork, nil
		}
		enter, dir := lp.entering()
		if enter < 0 {
			break
		}
		lp.column(enter)
		leave, step, ok := lp.ratio(enter, dir)
		if !ok {
			return outOfWork, nil // unbounded: cannot happen, the objective is at least 0
		}
		lp.move(enter, dir, leave, step)
	}
	for j := lp.n; j < len(lp.x); j++ {
		if lp.x[j].sign() > 0 {
			return refuted, nil
		}
	}
	return decided, lp.x[:lp.n]
}

// entering returns the column to enter the basis by Bland's rule, the
// first whose reduced cost improves the objective in a direction its
// bounds allow, and that direction (1 up, −1 down); -1 at the optimum.
func (lp *simplex) entering() (int, int) {
	for j, st := range lp.status {
		if st == basic {
			continue
		}
		switch d := lp.d[j].sign(); {
		case d < 0 && (st == atLo || st == free):
			*lp.work -= j + 1
			return j, 1
		case d > 0 && (st == atHi || st == free):
			*lp.work -= j + 1
			return j, -1
		}
	}
	*lp.work -= len(lp.status)
	return -1, 0
}

// column finds the entries of column j, row by row, for lp.at.
func (lp *simplex) column(j int) {
	for i, row := range lp.t {
		lp.col[i] = -1
		if k, ok := slices.BinarySearchFunc(row, int32(j), func(e entry, j int32) int { return int(e.col - j) }); ok {
			lp.col[i] = int32(k)
		}
	}
	*lp.work -= len(lp.t)
}

// at returns row i's entry in the column that column last found, and
// whether it has one.
func (lp *simplex) at(i int) (rat, bool) {
	if k := lp.col[i]; k >= 0 {
		return lp.t[i][k].v, true
	}
	return rat{}, false
}

// ratio returns how far the entering column may move in direction dir
// before a variable meets a bound: the row whose basic variable meets
// it first (the lowest variable among ties, by Bland's rule), or -1 for
// the entering variable's own bound. x_B = −T·x_N, so the basic variable
// of row i moves by −T[i][enter]·dir per unit of step. It reports false
// when nothing bounds the move.
func (lp *simplex) ratio(enter, dir int) (leave int, best rat, ok bool) {
	leave, leaveVar := -1, -1
	if b := lp.bounds(enter); dir > 0 && b.Hi != PosInf || dir < 0 && b.Lo != NegInf {
		if dir > 0 {
			best = ratOf(b.Hi).sub(lp.x[enter])
		} else {
			best = lp.x[enter].sub(ratOf(b.Lo))
		}
		ok, leaveVar = true, enter
	}
	for i := range lp.t {
		a, nonzero := lp.at(i)
		if !nonzero {
			continue
		}
		var r rat
		rate := -a.sign() * dir
		b := lp.bounds(lp.basis[i])
		switch {
		case rate > 0 && b.Hi != PosInf:
			r = ratOf(b.Hi).sub(lp.x[lp.basis[i]])
		case rate < 0 && b.Lo != NegInf:
			r = lp.x[lp.basis[i]].sub(ratOf(b.Lo))
		default:
			continue
		}
		if a.sign() < 0 {
			a = a.neg()
		}
		r = r.quo(a)
		if c := r.cmp(best); !ok || c < 0 || c == 0 && lp.basis[i] < leaveVar {
			best = r
			ok, leave, leaveVar = true, i, lp.basis[i]
		}
	}
	return leave, best, ok
}

// move moves the entering column by step in direction dir, and the basic
// variables along; then the variable of row leave leaves the basis at
// the bound it met, or, with leave -1, the entering variable stays out at
// its other bound.
func (lp *simplex) move(enter, dir, leave int, step rat) {
	delta := step
	if dir < 0 {
		delta = delta.neg()
	}
	lp.x[enter] = lp.x[enter].add(delta)
	for i := range lp.t {
		if a, ok := lp.at(i); ok {
			lp.x[lp.basis[i]] = lp.x[lp.basis[i]].sub(a.mul(delta))
		}
	}
	if leave < 0 {
		lp.status[enter] = atLo
		if dir > 0 {
			lp.status[enter] = atHi
		}
		return
	}
	old := lp.basis[leave]
	lp.status[old] = atLo
	if b := lp.bounds(old); b.Hi != PosInf && lp.x[old].cmp(ratOf(b.Hi)) == 0 {
		lp.status[old] = atHi
	}
	lp.pivot(leave, enter)
}

// pivot makes column j, whose entries column found, basic in row r: row
// r is divided by its entry there, and subtracted from each other row
// and from the reduced costs as often as clears their entry in column j.
func (lp *simplex) pivot(r, j int) {
	a, _ := lp.at(r)
	f := a.inv()
	row := lp.t[r]
	for k := range row {
		row[k].v = row[k].v.mul(f)
	}
	for i := range lp.t {
		if a, ok := lp.at(i); ok && i != r {
			lp.t[i] = lp.subtract(lp.t[i], row, a)
		}
	}
	if k := lp.d[j]; k.sign() != 0 {
		for _, e := range row {
			lp.d[e.col] = lp.d[e.col].sub(k.mul(e.v))
		}
		*lp.work -= len(row)
	}
	lp.basis[r] = j
	lp.status[j] = basic
}

// subtract returns the row a − k·b, merging their nonzeros in column
// order.
func (lp *simplex) subtract(a, b []entry, k rat) []entry {
	out := make([]entry, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].col < b[j].col:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].col < a[i].col:
			out = append(out, entry{b[j].col, k.mul(b[j].v).neg()})
			j++
		default:
			if v := a[i].v.sub(k.mul(b[j].v)); v.sign() != 0 {
				out = append(out, entry{a[i].col, v})
			}
			i++
			j++
		}
	}
	*lp.work -= len(a) + len(b)
	return out
}

// farkas returns, at an optimum above zero, the multipliers of the
// equations (the duals y = c_B·B⁻¹, scaled to whole numbers) whose
// combination has an interval, over the bounds, wholly below zero: at the
// optimum each variable sits at the bound that maximises its term, and
// that maximum is minus the objective. It returns nil if they do not fit
// an int64.
func (lp *simplex) farkas() []int64 {
	m := len(lp.rows)
	y := make([]*big.Rat, m)
	for k := range m {
		// Artificial k's column is the unit vector e_k of its row, times
		// σ: its reduced cost is 1 − (c_B·B⁻¹)_k·σ.
		yk := ratOf(1).sub(lp.d[lp.n+k])
		if lp.sigma[k] < 0 {
			yk = yk.neg()
		}
		y[k] = yk.big()
	}
	lcm := big.NewInt(1)
	var g big.Int
	for k := range y {
		d := y[k].Denom()
		g.GCD(nil, nil, lcm, d)
		lcm.Mul(lcm, new(big.Int).Quo(d, &g))
	}
	times := make([]int64, lp.p.equations())
	var v big.Int
	for k, e := range lp.rows {
		v.Mul(y[k].Num(), new(big.Int).Quo(lcm, y[k].Denom()))
		if !v.IsInt64() {
			return nil
		}
		times[e] = v.Int64()
	}
	return times
}
