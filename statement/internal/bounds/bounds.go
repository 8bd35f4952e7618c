// Package bounds decides whether published figures, each rounded on its
// own, can come from one set of exact yen amounts that satisfies every
// identity between them at once, and proves its answer either way.
//
// A printed figure stands for an Interval of exact yen (Printed); a figure
// that is not printed stands for any amount (Unbounded). An identity is a
// linear equation Σ ±x = 0 over such variables: a total equals the signed
// sum of its terms. A System holds both, and Solve judges every equation.
//
// # What the answer means
//
// Solve gives each equation a Verdict. The equations that hold, hold
// together: Solution.Witness gives whole yen for every variable, each in
// its interval, that satisfy all of them. An equation that is violated has
// a Certificate: equations, each taken some number of times, whose sum is
// an equation over printed figures only (the others cancel) whose interval
// excludes zero, so that no exact amounts the figures stand for satisfy
// them; the equation violated is one of them, and the others hold. Which
// equation of a conflict is blamed is a choice: the one found last (see
// below). An equation that fails on its own is its own certificate. When
// the work budget (System.Budget) runs out before a set of connected
// equations is decided, each of them that does not fail on its own is
// Undecided: never judged to hold without a witness.
//
// # How it decides, and what it costs
//
// A system with a cycle is first searched briefly for a witness as a
// whole, as a cycle is below: where the printed figures agree, as they
// mostly do, the witness found, checked, proves every equation at once,
// and nothing more is done. (A system without a cycle is decided by
// peeling alone, and one of more than greedyTerms terms is not searched:
// its cycles are long enough for propagation to creep through the work of
// a short search, and neither are its cycles.) Otherwise each equation is
// checked on its own. The others are split into connected components over
// the variables that are not fixed (one union-find), and each component is
// decided on its own, so the cost is the sum of the components' costs.
// Then, in order:
//
//   - Trees are peeled: a variable in one equation only is absorbed into
//     that equation's interval of possible sums, and an equation left with
//     one variable narrows it and is removed; a variable narrowed to one
//     amount is fixed. This is bounds consistency computed leaves first,
//     recording which equation set each bound. On a component whose
//     variables and equations form no cycle it decides exactly (on a
//     Berge-acyclic network, bounds consistency is global consistency:
//     Freuder, "A sufficient condition for backtrack-free search", JACM
//     29(1), 1982; and a sum of whole-yen intervals takes every whole yen
//     between its ends), and a witness follows by assigning the removed
//     variables in reverse order. A conflict is explained by the recorded
//     equations, and the equation that met it is blamed and removed, so
//     peeling never restarts. The work is linear in the number of terms.
//   - What is left when nothing more peels (the 2-core: every variable in
//     two equations or more) is a cycle. It is first searched briefly for
//     a witness: its intervals narrowed by its equations to their fixpoint
//     (bounds propagation), each variable that closes a cycle fixed to the
//     middle of its narrowed interval, narrowing again, and what is left, a
//     forest, peeled; the witness found so is checked against every
//     equation. The cycles of printed figures that agree mostly close so,
//     in about five visits of each term; a search that meets a conflict
//     proves nothing, and one that has not closed within greedyVisits
//     visits of each term (propagation may creep by one yen a round) is
//     left for the procedures below, which prove either way; the cycles of
//     a system whose search ran out of that work are not searched first.
//   - When each of the cycle's variables is in at most two of its
//     equations, with opposite signs once some equations are negated
//     (Heller and Tompkins, 1956: the equations are then the nodes, and
//     the variables the arcs, of a directed graph), the system is a
//     circulation with lower and upper bounds, and
//     Hoffman's circulation theorem (1960) decides it by one maximum flow
//     (Dinitz's algorithm, int64): the flow is the witness, and a minimum
//     cut gives the certificate, whose equations are the nodes on its
//     source side. A table whose rows and columns both add up is such a
//     cycle once the identities that its others imply are set aside
//     (System.Late): the flow decides the rest, and the witness is checked
//     against those set aside. The work is near-linear on such tables.
//   - Where the flow's witness fails equations left out of the network,
//     the cycle is reduced by substitution (Andersen and Andersen,
//     "Presolving in linear programming", Mathematical Programming 71,
//     1995): two equations equal but for one term each differ by an
//     equation y = ±x, and y is replaced by ±x in every other equation,
//     its interval intersected into x's; equations that become equal are
//     one. Two computed columns that share a term (C = A − B and
//     D = C + B, so D = A) so become a table of A, B and C, which the
//     flow then decides. The pairs are found by hashing each equation
//     with each of its terms left out, so the work is that of the terms
//     looked at and substituted. Whatever decides the reduced cycle, its
//     witness gives each variable merged into another that one's amount,
//     and its refutation is the same combination of the cycle's
//     equations, each variable taken at the bound of the one merged with
//     it that bounds it most: both are checked against the cycle itself.
//   - Any other cycle, reduced where it was, is searched for a witness
//     again, with the rest of the work budget, if the first search ran
//     out of it; when that fails,
//     an exact linear program (rationals in int64 while they fit, else
//     big.Rat; the bounded-variable simplex method with Bland's rule,
//     Bland 1977) decides it, with
//     branch and bound over whole yen (Land and Doig, 1960; an interval
//     wider than two yen is split at its middle); its Farkas
//     multipliers are the certificate, one per leaf of the branching.
//     Its tableau keeps only its nonzeros, and the reduced costs as a row
//     of their own: a pivot costs a look at each row and column and the
//     entries it changes, which on equations of ±1 stay few. A cycle of
//     m equations takes some m pivots; a few hundred take milliseconds.
//     Both are bounded by System.Budget.
//
// A conflict in a cycle blames the certificate's equation of the highest
// index, removes it, and decides what is left of that component again.
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
	"sync"

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

// point reports whether iv holds exactly one amount.
func (iv Interval) point() bool { return iv.Lo == iv.Hi }

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

// sign returns the term's coefficient, 1 or −1.
func (t Term) sign() int64 {
	if t.Negative {
		return -1
	}
	return 1
}

// A System is a set of variables, each with an interval, and of linear
// equations over them. The zero System is empty and ready to use.
type System struct {
	// Budget bounds the work Solve spends searching cycles for a
	// witness and on the cycles that are not networks (see the package
	// doc), in elementary steps: a term of an equation visited in the
	// search, a rational operation of the linear program. Zero means
	// DefaultBudget. A component whose decision would take more is
	// Undecided.
	Budget int

	vars  []Interval
	terms []Term   // every equation's terms, one after another
	start []int32  // equation e has terms[start[e]:start[e+1]]
	late  []bool   // per equation: likely implied by the others
	seen  []uint32 // per variable: the epoch of the last equation added that names it
	epoch uint32

	// The occurrences of the variables in the equations, listed by the
	// first Solve and kept while no variable or equation is added: a
	// System solved for many boxes lists them once.
	mu  sync.Mutex
	occ *occurrences
	// The arrays of searches for a witness of the whole System (see
	// closeAll), kept for the next Solve: *scratch.
	searches sync.Pool
}

// DefaultBudget is the work budget of a System whose Budget is zero: a
// few seconds at most.
const DefaultBudget = 20_000_000

// Grow makes room for vars more variables and equations more equations
// of terms terms in all, so that adding them does not allocate.
func (s *System) Grow(vars, equations, terms int) {
	s.vars = slices.Grow(s.vars, vars)
	s.start = slices.Grow(s.start, equations+1)
	s.late = slices.Grow(s.late, equations)
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

// Equation returns the terms of equation e. The caller must not change
// them.
func (s *System) Equation(e int) []Term { return s.terms[s.start[e]:s.start[e+1]] }

// AddEquation adds the equation Σ ±x = 0 over terms and returns its index.
// A term naming a variable that does not exist, or one named twice, is an
// error wrapping ErrRange; the system is then unchanged.
func (s *System) AddEquation(terms ...Term) (int, error) {
	if len(s.seen) < len(s.vars) {
		s.seen = append(s.seen, make([]uint32, len(s.vars)-len(s.seen))...)
	}
	s.epoch++
	for _, t := range terms {
		if t.Var < 0 || t.Var >= len(s.vars) {
			return 0, fmt.Errorf("%w: variable %d of %d", ErrRange, t.Var, len(s.vars))
		}
		if s.seen[t.Var] == s.epoch {
			return 0, fmt.Errorf("%w: variable %d twice in one equation", ErrRange, t.Var)
		}
		s.seen[t.Var] = s.epoch
	}
	if len(s.start) == 0 {
		s.start = append(s.start, 0)
	}
	e := len(s.start) - 1
	s.terms = append(s.terms, terms...)
	s.start = append(s.start, int32(len(s.terms)))
	s.late = append(s.late, false)
	return e, nil
}

// Late marks equation e as likely implied by the others, such as the
// total of a computed column in a row whose cells the rows above also
// total: where a cycle is decided as a network, such equations are the
// ones left out of it and checked against its witness. The mark changes
// how fast a verdict comes, never the verdict.
func (s *System) Late(e int) { s.late[e] = true }

// SumOf returns the interval that terms sum to, each variable taken over
// the interval it was added with. An error wraps ErrRange when the sum
// leaves the int64 range or a term names no variable.
func (s *System) SumOf(terms []Term) (Interval, error) { return SumIn(s.vars, terms) }

// SumIn returns the interval that terms sum to, each variable taken over
// its interval in box. An error wraps ErrRange when the sum leaves the
// int64 range or a term names no variable of box.
func SumIn(box []Interval, terms []Term) (Interval, error) {
	var lo, hi partial
	for _, t := range terms {
		if t.Var < 0 || t.Var >= len(box) {
			return Interval{}, fmt.Errorf("%w: variable %d of %d", ErrRange, t.Var, len(box))
		}
		if !lo.addSigned(box[t.Var], t.sign(), &hi) {
			return Interval{}, fmt.Errorf("%w: a sum of %d terms", ErrRange, len(terms))
		}
	}
	return interval(lo, hi), nil
}

// A partial is a sum of bounds on one side: its finite part and how many
// infinite bounds it met.
type partial struct {
	fin int64
	inf int32
}

// add adds the bound v, which is infinite when it equals inf.
func (a *partial) add(v, inf int64) bool {
	if v == inf {
		a.inf++
		return true
	}
	var ok bool
	a.fin, ok = add(a.fin, v)
	return ok
}

// addSigned adds d·iv (d is 1 or −1) to the sums lo (a) and hi.
func (a *partial) addSigned(iv Interval, d int64, hi *partial) bool {
	if d < 0 {
		iv = iv.Neg()
	}
	return a.add(iv.Lo, NegInf) && hi.add(iv.Hi, PosInf)
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

// interval turns two partial sums into an interval.
func interval(lo, hi partial) Interval {
	out := Interval{lo.fin, hi.fin}
	if lo.inf > 0 {
		out.Lo = NegInf
	}
	if hi.inf > 0 {
		out.Hi = PosInf
	}
	return out
}

// scaled returns the interval of k·x for x in iv, k ≠ 0, and whether it
// fits.
func scaled(iv Interval, k int64) (Interval, bool) {
	if k < 0 {
		iv, k = iv.Neg(), -k
	}
	if k == 1 {
		return iv, true
	}
	out := iv
	var ok bool
	if iv.Lo != NegInf {
		if out.Lo, ok = mul(iv.Lo, k); !ok {
			return Interval{}, false
		}
	}
	if iv.Hi != PosInf {
		if out.Hi, ok = mul(iv.Hi, k); !ok {
			return Interval{}, false
		}
	}
	return out, true
}

// intersect returns the amounts in both a and b.
func intersect(a, b Interval) Interval { return Interval{max(a.Lo, b.Lo), min(a.Hi, b.Hi)} }

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
