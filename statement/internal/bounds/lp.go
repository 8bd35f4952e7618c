package bounds

import (
	"math/big"
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

// branchAndBound decides the active equations of p over whole yen: an
// exact linear program over the rationals decides each node, and a node
// whose solution is not whole yen is split on its first variable below
// split that is not (Land and Doig); the others follow from those. It
// returns decided with values, refuted with a proof, or outOfWork.
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
		if !x[j].IsInt() {
			split = j
			break
		}
	}
	if split < 0 {
		values := make([]int64, len(p.box))
		for j := range values {
			n := x[j].Num()
			if !n.IsInt64() {
				return outOfWork, nil, nil
			}
			values[j] = n.Int64()
		}
		return decided, values, nil
	}
	at := new(big.Int).Div(x[split].Num(), x[split].Denom()) // the floor: Denom is positive
	if !at.IsInt64() {
		return outOfWork, nil, nil
	}
	pr := &proof{split: int32(split), at: at.Int64()}
	for k, half := range []Interval{{NegInf, pr.at}, {pr.at + 1, PosInf}} {
		sub := append([]Interval(nil), box...)
		sub[split] = intersect(sub[split], half)
		if sub[split].Empty() {
			return outOfWork, nil, nil // cannot happen: the value lies strictly inside
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

// A simplex is the first phase of the bounded-variable simplex method, in
// exact rationals: it minimises the sum of one artificial variable per
// equation, which is zero exactly when the equations hold within the
// bounds. Columns are the problem's variables, then the artificials; the
// tableau holds B⁻¹ times the columns. Bland's rule chooses the pivots, so
// it never cycles.
type simplex struct {
	p      *problem
	rows   []int32     // the active equations
	n      int         // the problem's variables; artificial i is column n+i
	lo     []Interval  // the bounds of the problem's variables
	t      [][]big.Rat // rows × columns
	basis  []int
	status []int8
	x      []big.Rat
	sigma  []int64 // per row: the artificial's coefficient
	work   *int
}

func newSimplex(p *problem, box []Interval, work *int) *simplex {
	lp := &simplex{p: p, n: len(p.box), work: work}
	for e, ok := range p.active {
		if ok {
			lp.rows = append(lp.rows, int32(e))
		}
	}
	m := len(lp.rows)
	cols := lp.n + m
	lp.lo = box
	lp.status = make([]int8, cols)
	lp.x = make([]big.Rat, cols)
	lp.basis = make([]int, m)
	lp.sigma = make([]int64, m)
	for j, iv := range box {
		switch {
		case iv.Lo != NegInf:
			lp.status[j] = atLo
			lp.x[j].SetInt64(iv.Lo)
		case iv.Hi != PosInf:
			lp.status[j] = atHi
			lp.x[j].SetInt64(iv.Hi)
		default:
			lp.status[j] = free
		}
	}
	lp.t = make([][]big.Rat, m)
	var r big.Rat
	for i, e := range lp.rows {
		lp.t[i] = make([]big.Rat, cols)
		r.SetInt64(0)
		for _, t := range p.eq(e) {
			if t.Negative {
				r.Sub(&r, &lp.x[t.Var])
			} else {
				r.Add(&r, &lp.x[t.Var])
			}
		}
		// Σ a·x + σ·art = 0 with art = |r| ≥ 0.
		lp.sigma[i] = 1
		if r.Sign() > 0 {
			lp.sigma[i] = -1
		}
		for _, t := range p.eq(e) {
			lp.t[i][t.Var].SetInt64(t.sign() * lp.sigma[i])
		}
		lp.t[i][lp.n+i].SetInt64(1)
		lp.basis[i] = lp.n + i
		lp.status[lp.n+i] = basic
		lp.x[lp.n+i].Abs(&r)
	}
	*work -= m * cols
	return lp
}

// bounds returns the bounds of column j: an artificial's are [0, +inf).
func (lp *simplex) bounds(j int) Interval {
	if j < lp.n {
		return lp.lo[j]
	}
	return Interval{0, PosInf}
}

// solve runs the method to its optimum and returns decided with the
// values of the problem's variables, or refuted, or outOfWork.
func (lp *simplex) solve() (int, []big.Rat) {
	m, cols := len(lp.rows), len(lp.x)
	for {
		if *lp.work -= m * cols; *lp.work < 0 {
			return outOfWork, nil
		}
		enter, dir := lp.entering()
		if enter < 0 {
			break
		}
		leave, step, ok := lp.ratio(enter, dir)
		if !ok {
			return outOfWork, nil // unbounded: cannot happen, the objective is at least 0
		}
		lp.move(enter, dir, leave, step)
	}
	var sum big.Rat
	for j := lp.n; j < cols; j++ {
		sum.Add(&sum, &lp.x[j])
	}
	if sum.Sign() > 0 {
		return refuted, nil
	}
	return decided, lp.x[:lp.n]
}

// entering returns the column to enter the basis by Bland's rule, the
// first whose reduced cost improves the objective in a direction its
// bounds allow, and that direction (1 up, −1 down); -1 at the optimum.
// The reduced cost of column j is its cost less the sum of its tableau
// column over the rows whose basic variable is an artificial (cost 1).
func (lp *simplex) entering() (int, int) {
	var d, w big.Rat
	for j, st := range lp.status {
		if st == basic {
			continue
		}
		w.SetInt64(0)
		for i := range lp.t {
			if lp.basis[i] >= lp.n {
				w.Add(&w, &lp.t[i][j])
			}
		}
		d.SetInt64(0)
		if j >= lp.n {
			d.SetInt64(1)
		}
		d.Sub(&d, &w)
		switch {
		case d.Sign() < 0 && (st == atLo || st == free):
			return j, 1
		case d.Sign() > 0 && (st == atHi || st == free):
			return j, -1
		}
	}
	return -1, 0
}

// ratio returns how far the entering column may move in direction dir
// before a variable meets a bound: the row whose basic variable meets
// it first (the lowest variable among ties, by Bland's rule), or -1 for
// the entering variable's own bound. x_B = −T·x_N, so the basic variable
// of row i moves by −T[i][enter]·dir per unit of step. It reports false
// when nothing bounds the move.
func (lp *simplex) ratio(enter, dir int) (leave int, best *big.Rat, ok bool) {
	var r, k big.Rat
	best = new(big.Rat)
	leave, leaveVar := -1, -1
	if b := lp.bounds(enter); dir > 0 && b.Hi != PosInf || dir < 0 && b.Lo != NegInf {
		if dir > 0 {
			best.SetInt64(b.Hi)
			best.Sub(best, &lp.x[enter])
		} else {
			best.Set(&lp.x[enter])
			best.Sub(best, k.SetInt64(b.Lo))
		}
		ok, leaveVar = true, enter
	}
	for i := range lp.t {
		a := &lp.t[i][enter]
		if a.Sign() == 0 {
			continue
		}
		rate := -a.Sign() * dir
		b := lp.bounds(lp.basis[i])
		switch {
		case rate > 0 && b.Hi != PosInf:
			r.SetInt64(b.Hi)
			r.Sub(&r, &lp.x[lp.basis[i]])
		case rate < 0 && b.Lo != NegInf:
			r.Set(&lp.x[lp.basis[i]])
			r.Sub(&r, k.SetInt64(b.Lo))
		default:
			continue
		}
		k.Abs(a)
		r.Quo(&r, &k)
		if c := r.Cmp(best); !ok || c < 0 || c == 0 && lp.basis[i] < leaveVar {
			best.Set(&r)
			ok, leave, leaveVar = true, i, lp.basis[i]
		}
	}
	return leave, best, ok
}

// move moves the entering column by step in direction dir, and the basic
// variables along; then the variable of row leave leaves the basis at
// the bound it met, or, with leave -1, the entering variable stays out at
// its other bound.
func (lp *simplex) move(enter, dir, leave int, step *big.Rat) {
	var delta, k big.Rat
	delta.Set(step)
	if dir < 0 {
		delta.Neg(&delta)
	}
	lp.x[enter].Add(&lp.x[enter], &delta)
	for i := range lp.t {
		if lp.t[i][enter].Sign() != 0 {
			k.Mul(&lp.t[i][enter], &delta)
			lp.x[lp.basis[i]].Sub(&lp.x[lp.basis[i]], &k)
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
	if b := lp.bounds(old); b.Hi != PosInf && lp.x[old].Cmp(k.SetInt64(b.Hi)) == 0 {
		lp.status[old] = atHi
	}
	lp.pivot(leave, enter)
}

// pivot makes column j basic in row r.
func (lp *simplex) pivot(r, j int) {
	var f, k big.Rat
	f.Inv(&lp.t[r][j])
	row := lp.t[r]
	for c := range row {
		if row[c].Sign() != 0 {
			row[c].Mul(&row[c], &f)
		}
	}
	for i := range lp.t {
		if i == r || lp.t[i][j].Sign() == 0 {
			continue
		}
		k.Set(&lp.t[i][j])
		for c := range row {
			if row[c].Sign() != 0 {
				f.Mul(&k, &row[c])
				lp.t[i][c].Sub(&lp.t[i][c], &f)
			}
		}
	}
	lp.basis[r] = j
	lp.status[j] = basic
}

// farkas returns, at an optimum above zero, the multipliers of the
// equations (the duals y = c_B·B⁻¹, scaled to whole numbers) whose
// combination has an interval, over the bounds, wholly below zero: at the
// optimum each variable sits at the bound that maximises its term, and
// that maximum is minus the objective. It returns nil if they do not fit
// an int64.
func (lp *simplex) farkas() []int64 {
	m := len(lp.rows)
	y := make([]big.Rat, m)
	for k := range m {
		// B⁻¹ = (the artificial columns of the tableau)·diag(σ).
		for i := range m {
			if lp.basis[i] >= lp.n {
				y[k].Add(&y[k], &lp.t[i][lp.n+k])
			}
		}
		if lp.sigma[k] < 0 {
			y[k].Neg(&y[k])
		}
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
