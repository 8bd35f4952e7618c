package bounds_test

import (
	"fmt"
	"math/big"

	"github.com/koukaikei/koukaikei/statement/internal/bounds"
)

// independently checks a solution with arithmetic of its own, in big
// integers: every equation that holds holds at the witness, every
// variable of a decided component lies in its interval, and every
// certificate of a violated equation names it and excludes zero.
func independently(s *bounds.System, sol *bounds.Solution) error {
	for v := range s.Vars() {
		if sol.Decided(v) && !s.Var(v).Contains(sol.Witness[v]) {
			return fmt.Errorf("witness of variable %d: %d outside %v", v, sol.Witness[v], s.Var(v))
		}
	}
	for e, verdict := range sol.Verdicts {
		switch verdict {
		case bounds.Holds:
			sum := new(big.Int)
			for _, t := range s.Equation(e) {
				if !sol.Decided(t.Var) {
					return fmt.Errorf("equation %d holds, but variable %d is undecided", e, t.Var)
				}
				x := big.NewInt(sol.Witness[t.Var])
				if t.Negative {
					x.Neg(x)
				}
				sum.Add(sum, x)
			}
			if sum.Sign() != 0 {
				return fmt.Errorf("equation %d holds, but the witness sums to %v", e, sum)
			}
		case bounds.Violated:
			c := sol.Certificates[e]
			if !names(c, e) {
				return fmt.Errorf("equation %d: its certificate does not name it: %+v", e, c)
			}
			if err := refutes(s, c, map[int][2]*big.Int{}); err != nil {
				return fmt.Errorf("equation %d: %v", e, err)
			}
		}
	}
	return nil
}

// names reports whether certificate c combines equation e in every case.
func names(c *bounds.Certificate, e int) bool {
	if c == nil {
		return false
	}
	if c.Split != nil {
		return names(c.Split.Below, e) || names(c.Split.Above, e)
	}
	for _, x := range c.Equations {
		if x.Index == e && x.Times != 0 {
			return true
		}
	}
	return false
}

// refutes checks that c's combination of equations has an interval,
// over the variables' intervals narrowed by assume (nil for no bound),
// that excludes zero, and that its Vars and Excess say so.
func refutes(s *bounds.System, c *bounds.Certificate, assume map[int][2]*big.Int) error {
	if c.Split != nil {
		sp := c.Split
		below, above := clone(assume), clone(assume)
		b, a := below[sp.Var], above[sp.Var]
		b[1] = minBig(b[1], big.NewInt(sp.At))
		a[0] = maxBig(a[0], big.NewInt(sp.At+1))
		below[sp.Var], above[sp.Var] = b, a
		if err := refutes(s, sp.Below, below); err != nil {
			return fmt.Errorf("below %d: %v", sp.At, err)
		}
		if err := refutes(s, sp.Above, above); err != nil {
			return fmt.Errorf("above %d: %v", sp.At, err)
		}
		return nil
	}
	coef := map[int]*big.Int{}
	for _, x := range c.Equations {
		for _, t := range s.Equation(x.Index) {
			k := big.NewInt(x.Times)
			if t.Negative {
				k.Neg(k)
			}
			if coef[t.Var] == nil {
				coef[t.Var] = new(big.Int)
			}
			coef[t.Var].Add(coef[t.Var], k)
		}
	}
	lo, hi := new(big.Int), new(big.Int)
	loInf, hiInf := false, false
	left := 0
	for v, k := range coef {
		if k.Sign() == 0 {
			continue
		}
		left++
		iv := s.Var(v)
		l, h := bound(iv.Lo, bounds.NegInf), bound(iv.Hi, bounds.PosInf)
		if a, ok := assume[v]; ok {
			l, h = maxBig(l, a[0]), minBig(h, a[1])
		}
		if k.Sign() < 0 {
			l, h = h, l
		}
		if l == nil {
			loInf = true
		} else {
			lo.Add(lo, new(big.Int).Mul(k, l))
		}
		if h == nil {
			hiInf = true
		} else {
			hi.Add(hi, new(big.Int).Mul(k, h))
		}
	}
	if left != len(c.Vars) {
		return fmt.Errorf("%d variables left in the combination, the certificate lists %d", left, len(c.Vars))
	}
	var excess *big.Int
	switch {
	case !loInf && lo.Sign() > 0:
		excess = lo
	case !hiInf && hi.Sign() < 0:
		excess = new(big.Int).Neg(hi)
	default:
		return fmt.Errorf("the combination lies in [%v, %v] (unbounded %v %v), which holds zero", lo, hi, loInf, hiInf)
	}
	if excess.Cmp(big.NewInt(c.Excess)) != 0 {
		return fmt.Errorf("excess %v, the certificate says %d", excess, c.Excess)
	}
	return nil
}

func bound(v, inf int64) *big.Int {
	if v == inf {
		return nil
	}
	return big.NewInt(v)
}

// minBig and maxBig treat nil as the infinity on their side.
func minBig(a, b *big.Int) *big.Int {
	if a == nil || b != nil && b.Cmp(a) < 0 {
		return b
	}
	return a
}

func maxBig(a, b *big.Int) *big.Int {
	if a == nil || b != nil && b.Cmp(a) > 0 {
		return b
	}
	return a
}

func clone(m map[int][2]*big.Int) map[int][2]*big.Int {
	out := make(map[int][2]*big.Int, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}
