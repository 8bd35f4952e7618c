// Package bounds decides whether published figures, each rounded on its
// own, can come from one set of exact yen amounts that satisfies every
// identity between them at once.
//
// A printed figure stands for an Interval of exact yen (Printed); a figure
// that is not printed stands for any amount (Unbounded). An identity is a
// linear equation Σ ±x = 0 over such variables: a total equals the signed
// sum of its terms. A System holds both, and Solve narrows every interval
// by bounds propagation to a fixpoint, judging every equation.
//
// # What the answer means
//
// Propagation is sound: it never removes an exact amount that some
// solution of the whole system uses. So a system whose figures were
// rounded correctly from exact amounts that satisfy its equations is
// always judged consistent: there are no false alarms. An equation that
// fails on its own (its terms' intervals cannot sum to zero) is a proof
// that the printed figures are wrong.
//
// Consistency is a proof when the equations form no cycle over shared
// variables, counting only the variables still free at the fixpoint
// (a variable narrowed to one amount is a constant): a tree of totals, as
// one column of a statement's outline is, or several such trees joined
// through exact figures. For such systems bounds consistency is global
// consistency, and every amount of every implied interval is used by some
// solution. When cycles remain (a table whose rows and columns both add
// up, a statement with computed columns), consistency is only a necessary
// condition: Solve may accept figures that no single set of exact amounts
// gives (x + y = y + z = x + z = 1 over 0 … 1 has no solution in whole
// yen, yet every bound is supported), but it never rejects figures that
// one does. With System.Search, Solve then tries to turn the cycles into
// a tree by fixing variables that close them, one at a time, to the
// middle of their intervals: if no interval empties, that is a proof; if
// one does, nothing is proven either way. Solution.Proof says whether the
// answer is a proof.
//
// # Cost
//
// Solve visits equations from a work queue; an equation is queued again
// only when one of its variables narrows. On a tree every variable
// narrows a bounded number of times, so the work is linear in the number
// of terms. Cycles can make propagation creep by one yen per round, so the
// number of visits is capped at MaxVisitsPerTerm times the number of
// terms; a system that reaches the cap stops there, still sound, and is not
// a proof. Each equation found inconsistent jointly (not on its own) is
// set aside and propagation starts again without it, so k such equations
// cost k+1 propagations.
//
// Amounts are int64 yen. The package does no floating-point arithmetic; a
// sum that would leave the int64 range is an error, never a wrong answer.
package bounds

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/koukaikei/koukaikei/format"
)

// ErrRange reports an amount or a sum outside the range the package
// computes in: finite amounts lie strictly between math.MinInt64 and
// math.MaxInt64.
var ErrRange = errors.New("bounds: amount out of range")

// Infinite bounds: an Interval with Lo == NegInf has no lower bound, one
// with Hi == PosInf no upper bound.
const (
	NegInf int64 = math.MinInt64
	PosInf int64 = math.MaxInt64
)

// An Interval is the set of whole yen from Lo to Hi, both included. It is
// empty when Lo > Hi. The zero Interval is the amount 0.
type Interval struct {
	Lo, Hi int64
}

// Exact returns the interval of the one amount v.
func Exact(v int64) Interval { return Interval{v, v} }

// Unbounded returns the interval of every amount: a figure not printed.
func Unbounded() Interval { return Interval{NegInf, PosInf} }

// Empty reports whether iv holds no amount.
func (iv Interval) Empty() bool { return iv.Lo > iv.Hi }

// Neg returns the interval of −x for x in iv.
func (iv Interval) Neg() Interval { return Interval{neg(iv.Hi), neg(iv.Lo)} }

// Contains reports whether v is in iv.
func (iv Interval) Contains(v int64) bool { return iv.Lo <= v && v <= iv.Hi }

// Width returns Hi − Lo, or PosInf for an interval without a bound.
func (iv Interval) Width() int64 {
	if iv.Lo == NegInf || iv.Hi == PosInf {
		return PosInf
	}
	w, ok := sub(iv.Hi, iv.Lo)
	if !ok {
		return PosInf
	}
	return w
}

// String returns the interval as [lo, hi], with -inf and +inf for missing
// bounds.
func (iv Interval) String() string {
	lo, hi := "-inf", "+inf"
	if iv.Lo != NegInf {
		lo = strconv.FormatInt(iv.Lo, 10)
	}
	if iv.Hi != PosInf {
		hi = strconv.FormatInt(iv.Hi, 10)
	}
	return "[" + lo + ", " + hi + "]"
}

// Printed returns the interval of exact yen that the figure p, printed in
// units of unit yen (1, 1000, 1000000, …) after rounding by r, stands
// for. A figure in yen (unit 1) is exact. Roundings act on the absolute
// value, as format.Round does, so a printed 0 stands for amounts on both
// sides of zero: 四捨五入 to 千円 prints 0 for −499 to 499 yen, 切り捨て for
// −999 to 999, 切り上げ only for 0. An odd unit, a unit below 1, an unknown
// rounding or an amount outside the range is an error wrapping ErrRange.
func Printed(p, unit int64, r format.Rounding) (Interval, error) {
	if unit < 1 || unit > 1 && unit%2 != 0 {
		return Interval{}, fmt.Errorf("%w: unit of %d yen", ErrRange, unit)
	}
	v, ok := mul(p, unit)
	if !ok {
		return Interval{}, fmt.Errorf("%w: %d units of %d yen", ErrRange, p, unit)
	}
	if unit == 1 {
		return Exact(v), nil
	}
	half := unit / 2
	// [below, above] around |v| for a positive figure; a negative one
	// mirrors it, and zero takes the inner side twice.
	var below, above int64
	switch r {
	case format.HalfUp: // |x| in [v − half, v + half)
		below, above = half, half-1
	case format.Down: // |x| in [v, v + unit)
		below, above = 0, unit-1
	case format.Up: // |x| in (v − unit, v]
		below, above = unit-1, 0
	case format.HalfEven: // the half belongs to the even figure
		below, above = half-1, half-1
		if p%2 == 0 {
			below, above = half, half
		}
	default:
		return Interval{}, fmt.Errorf("%w: rounding %v", ErrRange, r)
	}
	var iv Interval
	switch {
	case p > 0:
		iv = Interval{v - below, v + above}
	case p < 0:
		iv = Interval{v - above, v + below}
	default:
		iv = Interval{-above, above}
	}
	if iv.Lo == NegInf || iv.Hi == PosInf {
		return Interval{}, fmt.Errorf("%w: %d units of %d yen", ErrRange, p, unit)
	}
	return iv, nil
}

// A Term is one signed variable of an equation.
type Term struct {
	Var      int  // as AddVar returned it
	Negative bool // subtract the variable instead of adding it
}

// A System is a set of variables, each with an interval, and of linear
// equations over them. The zero System is empty and ready to use.
type System struct {
	// Search makes Solve look for a proof when cycles remain (see
	// Solution.Witnessed), at up to MaxVisitsPerTerm more visits per
	// term. Without it, a system with cycles is never a proof.
	Search bool

	vars  []Interval
	terms []Term  // every equation's terms, one after another
	start []int32 // equation e has terms[start[e]:start[e+1]]
}

// Grow makes room for vars more variables and equations more equations
// of terms terms in all, so that adding them does not allocate.
func (s *System) Grow(vars, equations, terms int) {
	s.vars = slices.Grow(s.vars, vars)
	s.start = slices.Grow(s.start, equations+1)
	s.terms = slices.Grow(s.terms, terms)
}

// AddVar adds a variable of interval iv and returns its index.
func (s *System) AddVar(iv Interval) int {
	s.vars = append(s.vars, iv)
	return len(s.vars) - 1
}

// Var returns the interval variable v was added with.
func (s *System) Var(v int) Interval { return s.vars[v] }

// Vars returns the number of variables.
func (s *System) Vars() int { return len(s.vars) }

// Equations returns the number of equations.
func (s *System) Equations() int { return max(len(s.start)-1, 0) }

// AddEquation adds the equation Σ ±x = 0 over terms and returns its index.
// A term naming a variable that does not exist, or one named twice, is an
// error wrapping ErrRange; the system is then unchanged.
func (s *System) AddEquation(terms ...Term) (int, error) {
	for k, t := range terms {
		if t.Var < 0 || t.Var >= len(s.vars) {
			return 0, fmt.Errorf("%w: variable %d of %d", ErrRange, t.Var, len(s.vars))
		}
		for _, u := range terms[:k] {
			if u.Var == t.Var {
				return 0, fmt.Errorf("%w: variable %d twice in one equation", ErrRange, t.Var)
			}
		}
	}
	if len(s.start) == 0 {
		s.start = append(s.start, 0)
	}
	e := len(s.start) - 1
	s.terms = append(s.terms, terms...)
	s.start = append(s.start, int32(len(s.terms)))
	return e, nil
}

func (s *System) eq(e int) []Term { return s.terms[s.start[e]:s.start[e+1]] }

// MaxVisitsPerTerm bounds propagation: Solve visits equations at most this
// many times the number of terms of the system (plus one visit of each),
// per propagation. Trees of totals need a few visits per term.
const MaxVisitsPerTerm = 64

// A Solution is what Solve found.
type Solution struct {
	// Vars holds each variable's implied interval: its own narrowed by
	// every equation not found violated. For a system that is a proof
	// (see Proof), every amount in it is used by some solution.
	Vars []Interval
	// Violated says, per equation, that no exact amounts satisfy it
	// together with the equations before it was set aside: on its own,
	// or jointly (see Alone).
	Violated []bool
	// Alone says, per violated equation, that it fails on its own: its
	// variables' intervals cannot sum to zero. This is a proof.
	Alone []bool
	// Excess is, per violated equation, how far its sum stays from zero
	// with every term at the bound nearest to agreement: the amount by
	// which it is off beyond what the intervals can explain. It is at
	// least 1; 0 for equations that hold.
	Excess []int64
	// Sum is, per equation, the interval its terms (all but none) may sum
	// to, from their given intervals.
	Sum []Interval
	// Proof says that the verdict on the equations not violated is a
	// proof: propagation reached its fixpoint, and the free variables and
	// the equations form no cycle. Without it, consistency is a
	// necessary condition only.
	Proof bool
	// Complete says that propagation reached its fixpoint within
	// MaxVisitsPerTerm.
	Complete bool
	// Witnessed says that, with System.Search, a proof was searched for
	// because cycles remained: variables that close a cycle are fixed, one at a time, to
	// the middle of their implied intervals and propagated, until what is
	// left free forms no cycle. Proof then says that the search
	// succeeded, which proves the equations not violated consistent; a
	// search that fails proves nothing.
	Witnessed bool
	// Visits counts equation visits over all propagations.
	Visits int
}

// Consistent reports whether no equation is violated.
func (sol *Solution) Consistent() bool {
	for _, v := range sol.Violated {
		if v {
			return false
		}
	}
	return true
}

// Solve judges every equation of s jointly; s itself is not changed. It
// first checks each equation on its own against the given intervals, then
// propagates over the others. When propagation empties an interval, the
// equation that emptied it is marked violated (with the excess it shows
// against the intervals narrowed so far) and propagation starts again
// without it. With s.Search, it then looks for a proof if cycles remain.
// An error wraps ErrRange when a sum leaves the int64 range.
func (s *System) Solve() (*Solution, error) {
	n := s.Equations()
	sol := &Solution{Violated: make([]bool, n), Alone: make([]bool, n), Excess: make([]int64, n), Sum: make([]Interval, n)}
	active := make([]bool, n)
	for e := range n {
		sum, err := s.sum(e, s.vars)
		if err != nil {
			return nil, err
		}
		sol.Sum[e] = sum
		if d := distance(sum); d > 0 {
			sol.Violated[e], sol.Alone[e], sol.Excess[e] = true, true, d
			continue
		}
		active[e] = true
	}
	p := propagation{s: s, active: active, vars: make([]Interval, len(s.vars)), queued: make([]bool, n)}
	p.occurrences()
	for {
		copy(p.vars, s.vars)
		e, excess, err := p.run()
		sol.Visits += p.visits
		if err != nil {
			return nil, err
		}
		if e < 0 {
			break
		}
		active[e] = false
		sol.Violated[e], sol.Excess[e] = true, excess
	}
	sol.Vars = p.vars
	sol.Complete = !p.capped
	switch {
	case !sol.Complete:
	case s.Search:
		sol.Proof, sol.Witnessed = p.witness()
		sol.Visits += p.visits
	default:
		sol.Proof = !s.cyclic(active, p.vars)
	}
	return sol, nil
}

// A propagation narrows vars over the active equations.
type propagation struct {
	s      *System
	active []bool
	vars   []Interval
	queue  []int32
	queued []bool
	visits int
	capped bool
	// The equations variable v is in: occ[occStart[v]:occStart[v+1]].
	occStart []int32
	occ      []int32
	changed  []int // the variables the last narrow moved
}

// occurrences lists, for each variable, the equations it is in.
func (p *propagation) occurrences() {
	s := p.s
	p.occStart = make([]int32, len(s.vars)+1)
	for _, t := range s.terms {
		p.occStart[t.Var+1]++
	}
	for v := range s.vars {
		p.occStart[v+1] += p.occStart[v]
	}
	p.occ = make([]int32, len(s.terms))
	fill := append([]int32(nil), p.occStart[:len(s.vars)]...)
	for e := range s.Equations() {
		for _, t := range s.eq(e) {
			p.occ[fill[t.Var]] = int32(e)
			fill[t.Var]++
		}
	}
}

// run propagates to a fixpoint and returns -1, or the equation that
// emptied an interval and its excess then.
func (p *propagation) run() (int, int64, error) {
	s := p.s
	p.queue, p.visits, p.capped = p.queue[:0], 0, false
	clear(p.queued)
	for e, ok := range p.active {
		if ok {
			p.queue = append(p.queue, int32(e))
			p.queued[e] = true
		}
	}
	return p.drain(len(p.queue) + MaxVisitsPerTerm*len(s.terms))
}

// drain propagates what the queue holds until it is empty or budget
// visits were made (then capped is set); it returns -1, or the equation
// that emptied an interval and its excess then.
func (p *propagation) drain(budget int) (int, int64, error) {
	s := p.s
	defer func() { p.queue = p.queue[:0] }()
	for head := 0; head < len(p.queue); head++ {
		if p.visits >= budget {
			p.capped = true
			clear(p.queued)
			return -1, 0, nil
		}
		p.visits++
		e := int(p.queue[head])
		p.queued[e] = false
		if head > 1<<16 && head > len(p.queue)/2 {
			// Reuse the queue's storage.
			p.queue = append(p.queue[:0], p.queue[head+1:]...)
			head = -1
		}
		changed, empty, err := p.narrow(e)
		if err != nil {
			return 0, 0, err
		}
		if empty {
			clear(p.queued)
			sum, err := s.sum(e, p.vars)
			if err != nil {
				return 0, 0, err
			}
			return e, max(distance(sum), 1), nil
		}
		for _, v := range changed {
			for _, f := range p.occ[p.occStart[v]:p.occStart[v+1]] {
				if f != int32(e) && p.active[f] && !p.queued[f] {
					p.queued[f] = true
					p.queue = append(p.queue, f)
				}
			}
		}
	}
	return -1, 0, nil
}

// witness looks for a proof that the active equations hold together,
// from the fixpoint in p.vars, which it leaves as it found them. It goes
// through the equations' terms as cyclic does, joining variables and
// equations; a term that would close a cycle has its variable fixed to
// the middle of its interval, and the change propagated. If no interval
// empties, what is left free forms no cycle and is at a fixpoint, so the
// equations hold together: bounds consistency on a forest is global. The
// search takes at most MaxVisitsPerTerm visits per term. It reports
// whether it found the proof (failing proves nothing), and whether it had
// to fix any variable: without, the equations formed no cycle.
func (p *propagation) witness() (proof, fixed bool) {
	s := p.s
	var saved []Interval
	defer func() {
		if saved != nil {
			copy(p.vars, saved)
		}
	}()
	p.visits = 0
	budget := MaxVisitsPerTerm * len(s.terms)
	n := len(s.vars)
	parent := make([]int32, n+s.Equations())
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for e, ok := range p.active {
		if !ok {
			continue
		}
		for _, t := range s.eq(e) {
			iv := p.vars[t.Var]
			if iv.Lo == iv.Hi {
				continue // a constant
			}
			a, b := find(int32(t.Var)), find(int32(n+e))
			if a != b {
				parent[a] = b
				continue
			}
			if saved == nil {
				saved = slices.Clone(p.vars)
			}
			p.vars[t.Var] = Exact(middle(iv))
			for _, f := range p.occ[p.occStart[t.Var]:p.occStart[t.Var+1]] {
				if p.active[f] && !p.queued[f] {
					p.queued[f] = true
					p.queue = append(p.queue, f)
				}
			}
			if f, _, err := p.drain(budget); f >= 0 || err != nil || p.capped {
				p.capped = false
				return false, true
			}
		}
	}
	return true, saved != nil
}

// middle returns an amount in the middle of a non-empty interval: its
// finite bound if it has one only, 0 if it has none.
func middle(iv Interval) int64 {
	switch {
	case iv.Lo == NegInf && iv.Hi == PosInf:
		return 0
	case iv.Lo == NegInf:
		return iv.Hi
	case iv.Hi == PosInf:
		return iv.Lo
	}
	// Halves first, so that nothing overflows; the remainders put back
	// what the halving dropped.
	return iv.Lo/2 + iv.Hi/2 + (iv.Lo%2+iv.Hi%2)/2
}

// A partial is a sum of bounds: its finite part and how many infinite
// bounds it met.
type partial struct {
	fin int64
	inf int
}

func (a *partial) add(v, inf int64) bool {
	if v == inf {
		a.inf++
		return true
	}
	var ok bool
	a.fin, ok = add(a.fin, v)
	return ok
}

// without returns the sum without the bound v, or inf when it has none.
func (a partial) without(v, inf int64) (int64, bool) {
	switch {
	case v == inf && a.inf == 1:
		return a.fin, true
	case v == inf || a.inf > 0:
		return inf, true
	}
	return sub(a.fin, v)
}

// signed returns the interval of ±x.
func signed(iv Interval, negative bool) Interval {
	if !negative {
		return iv
	}
	return Interval{neg(iv.Hi), neg(iv.Lo)}
}

// neg negates a bound, mapping each infinity to the other.
func neg(v int64) int64 {
	switch v {
	case NegInf:
		return PosInf
	case PosInf:
		return NegInf
	}
	return -v
}

// narrow applies equation e to its variables and returns those it
// narrowed, or reports that one became empty.
func (p *propagation) narrow(e int) (changed []int, empty bool, err error) {
	terms := p.s.eq(e)
	changed = p.changed[:0]
	defer func() { p.changed = changed[:0] }()
	var lo, hi partial
	for _, t := range terms {
		iv := signed(p.vars[t.Var], t.Negative)
		if !lo.add(iv.Lo, NegInf) || !hi.add(iv.Hi, PosInf) {
			return nil, false, fmt.Errorf("%w: a sum in equation %d", ErrRange, e)
		}
	}
	for _, t := range terms {
		iv := signed(p.vars[t.Var], t.Negative)
		// ±x = −(the others): between −(their highest) and −(their lowest).
		othersLo, ok1 := lo.without(iv.Lo, NegInf)
		othersHi, ok2 := hi.without(iv.Hi, PosInf)
		if !ok1 || !ok2 {
			return nil, false, fmt.Errorf("%w: a sum in equation %d", ErrRange, e)
		}
		need := Interval{neg(othersHi), neg(othersLo)}
		next := Interval{max(iv.Lo, need.Lo), min(iv.Hi, need.Hi)}
		if next == iv {
			continue
		}
		if next.Empty() {
			return changed, true, nil
		}
		p.vars[t.Var] = signed(next, t.Negative)
		changed = append(changed, t.Var)
	}
	// Later terms were narrowed against bounds from before the earlier
	// ones moved. That loses nothing: one pass over a single equation is
	// already its fixpoint, since a bound implied by the others, summed
	// back, gives no other term more than it had.
	return changed, false, nil
}

// SumOf returns the interval that terms sum to, each variable taken over
// the interval it was added with. An error wraps ErrRange when the sum
// leaves the int64 range or a term names no variable.
func (s *System) SumOf(terms []Term) (Interval, error) {
	var lo, hi partial
	for _, t := range terms {
		if t.Var < 0 || t.Var >= len(s.vars) {
			return Interval{}, fmt.Errorf("%w: variable %d of %d", ErrRange, t.Var, len(s.vars))
		}
		iv := signed(s.vars[t.Var], t.Negative)
		if !lo.add(iv.Lo, NegInf) || !hi.add(iv.Hi, PosInf) {
			return Interval{}, fmt.Errorf("%w: a sum of %d terms", ErrRange, len(terms))
		}
	}
	return result(lo, hi)
}

// result turns two partial sums into an interval.
func result(lo, hi partial) (Interval, error) {
	out := Interval{lo.fin, hi.fin}
	if lo.inf > 0 {
		out.Lo = NegInf
	}
	if hi.inf > 0 {
		out.Hi = PosInf
	}
	return out, nil
}

// sum returns the interval that equation e's terms sum to under vars.
func (s *System) sum(e int, vars []Interval) (Interval, error) {
	var lo, hi partial
	for _, t := range s.eq(e) {
		iv := signed(vars[t.Var], t.Negative)
		if !lo.add(iv.Lo, NegInf) || !hi.add(iv.Hi, PosInf) {
			return Interval{}, fmt.Errorf("%w: a sum in equation %d", ErrRange, e)
		}
	}
	out := Interval{lo.fin, hi.fin}
	if lo.inf > 0 {
		out.Lo = NegInf
	}
	if hi.inf > 0 {
		out.Hi = PosInf
	}
	if out.Lo == PosInf || out.Hi == NegInf {
		return Interval{}, fmt.Errorf("%w: a sum in equation %d", ErrRange, e)
	}
	return out, nil
}

// distance returns how far iv lies from 0: 0 when it holds 0.
func distance(iv Interval) int64 {
	switch {
	case iv.Lo > 0:
		return iv.Lo
	case iv.Hi < 0:
		return -iv.Hi
	}
	return 0
}

// cyclic reports whether the active equations and the variables that are
// still free under vars form a cycle: an edge between a variable and an
// equation that are already connected.
func (s *System) cyclic(active []bool, vars []Interval) bool {
	n := len(s.vars)
	parent := make([]int32, n+s.Equations())
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for e, ok := range active {
		if !ok {
			continue
		}
		for _, t := range s.eq(e) {
			if iv := vars[t.Var]; iv.Lo == iv.Hi {
				continue // a constant
			}
			a, b := find(int32(t.Var)), find(int32(n+e))
			if a == b {
				return true
			}
			parent[a] = b
		}
	}
	return false
}

func add(a, b int64) (int64, bool) {
	c := a + b
	if (c > a) != (b > 0) || c == NegInf || c == PosInf {
		return 0, false
	}
	return c, true
}

func sub(a, b int64) (int64, bool) {
	if b == NegInf {
		return 0, false
	}
	return add(a, -b)
}

func mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	if c/b != a || c == NegInf || c == PosInf {
		return 0, false
	}
	return c, true
}
