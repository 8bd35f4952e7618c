package bounds

import (
	"maps"
	"slices"
)

// A Certificate proves that some equations of a System cannot hold
// together for the amounts their variables' intervals allow: taken
// Equations[k].Times times each and added, they give an equation over the
// variables Vars only (the others cancel) whose left side lies in Sum, an
// interval that excludes zero. A certificate by cases (Split) proves the
// same for whole yen when the equations do hold for fractions of a yen.
type Certificate struct {
	// Equations are the equations combined, by index, each with how many
	// times it is added (negative: subtracted), in the order of their
	// indexes.
	Equations []Multiple
	// Vars are the variables left in the combined equation, by index,
	// each with its coefficient there, in the order of their indexes.
	Vars []Multiple
	// Sum is the interval of the combined equation's left side, each
	// variable over its interval narrowed by the assumptions of the
	// splits above (see Split): it excludes zero.
	Sum Interval
	// Excess is how far Sum lies from zero, at least 1; 0 for a split.
	Excess int64
	// Split, when not nil, proves the conflict by cases on one variable,
	// and the fields above are empty.
	Split *Split
}

// A Multiple is an equation or a variable of a certificate, by index, and
// how many times it is taken.
type Multiple struct {
	Index int
	Times int64
}

// A Split proves a conflict by cases: Below proves it for Var at most
// At, Above for Var at least At+1. Both assume what the splits above them
// assume.
type Split struct {
	Var          int
	At           int64
	Below, Above *Certificate
}

// certificate makes the certificate of the equations in m, each with its
// multiplier, taking each variable over its interval narrowed by assume.
// It reports false when their combined interval holds zero: then m is no
// proof.
func (p *problem) certificate(m map[int32]int64, assume map[int32]Interval) (*Certificate, bool) {
	c := &Certificate{}
	coef := map[int32]int64{}
	for _, e := range slices.Sorted(maps.Keys(m)) {
		times := m[e]
		if times == 0 {
			continue
		}
		c.Equations = append(c.Equations, Multiple{Index: int(e), Times: times})
		for _, t := range p.eq(e) {
			k, ok := mul(times, t.sign())
			if !ok {
				return nil, false
			}
			if coef[int32(t.Var)], ok = add(coef[int32(t.Var)], k); !ok {
				return nil, false
			}
		}
	}
	var lo, hi partial
	for _, v := range slices.Sorted(maps.Keys(coef)) {
		k := coef[v]
		if k == 0 {
			continue
		}
		c.Vars = append(c.Vars, Multiple{Index: int(v), Times: k})
		iv := p.box[v]
		if a, ok := assume[v]; ok {
			iv = intersect(iv, a)
		}
		kx, ok := scaled(iv, k)
		if !ok || !lo.add(kx.Lo, NegInf) || !hi.add(kx.Hi, PosInf) {
			return nil, false
		}
	}
	c.Sum = interval(lo, hi)
	c.Excess = distance(c.Sum)
	return c, c.Excess > 0
}

// blamed returns the equation of c that Solve blames when c proves a
// conflict in a cycle: the one of the highest index among those that
// keep says it may blame, -1 for none.
func (c *Certificate) blamed(keep func(e int) bool) int {
	if c.Split != nil {
		return max(c.Split.Below.blamed(keep), c.Split.Above.blamed(keep))
	}
	best := -1
	for _, x := range c.Equations {
		if keep(x.Index) {
			best = max(best, x.Index)
		}
	}
	return best
}
