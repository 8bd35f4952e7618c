package bounds

import (
	"cmp"
	"math"
	"math/big"
)

// A rat is an exact rational number for the linear program: n/d in
// lowest terms, d > 0, in int64 while it fits, and as a big.Rat (b) once
// it does not. The tableau of equations of ±1 holds mostly small whole
// numbers and halves, and amounts of yen, for which the allocations of
// big.Rat cost more than the arithmetic. A rat is a value: its big.Rat is
// never changed once made. The zero rat is 0.
type rat struct {
	n, d int64    // d == 0 stands for 1, so that the zero rat is 0
	b    *big.Rat // the value, when not nil
}

// ratOf returns the rat of v.
func ratOf(v int64) rat { return rat{n: v, d: 1} }

func (a rat) den() int64 {
	if a.d == 0 {
		return 1
	}
	return a.d
}

// big returns a as a big.Rat, which the caller must not change.
func (a rat) big() *big.Rat {
	if a.b != nil {
		return a.b
	}
	return new(big.Rat).SetFrac64(a.n, a.den())
}

// ratOfBig returns the rat of x, which it keeps: the caller must not
// change x afterwards.
func ratOfBig(x *big.Rat) rat {
	if n, d := x.Num(), x.Denom(); n.IsInt64() && d.IsInt64() && n.Int64() != math.MinInt64 {
		return rat{n: n.Int64(), d: d.Int64()}
	}
	return rat{b: x}
}

// small builds the rat n/d, d > 0, reduced to lowest terms.
func small(n, d int64) rat {
	if g := gcd(n, d); g > 1 {
		n, d = n/g, d/g
	}
	return rat{n: n, d: d}
}

// gcd returns the greatest common divisor of |a| and b > 0; a and b are
// not math.MinInt64.
func gcd(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	for a != 0 {
		a, b = b%a, a
	}
	return b
}

func (a rat) sign() int {
	switch {
	case a.b != nil:
		return a.b.Sign()
	case a.n > 0:
		return 1
	case a.n < 0:
		return -1
	}
	return 0
}

func (a rat) isInt() bool {
	if a.b != nil {
		return a.b.IsInt()
	}
	return a.den() == 1
}

// floor returns the greatest whole number at most a, and whether it fits
// an int64.
func (a rat) floor() (int64, bool) {
	if a.b == nil {
		d := a.den()
		q := a.n / d
		if a.n%d != 0 && a.n < 0 {
			q--
		}
		return q, true
	}
	q := new(big.Int).Div(a.b.Num(), a.b.Denom()) // Euclidean: the floor, Denom being positive
	return q.Int64(), q.IsInt64()
}

func (a rat) neg() rat {
	if a.b == nil && a.n != math.MinInt64 {
		return rat{n: -a.n, d: a.d}
	}
	return ratOfBig(new(big.Rat).Neg(a.big()))
}

func (a rat) add(b rat) rat {
	if a.b == nil && b.b == nil {
		da, db := a.den(), b.den()
		if da == 1 && db == 1 {
			if n, ok := add(a.n, b.n); ok {
				return rat{n: n, d: 1}
			}
		} else {
			// a.n·(db/g) + b.n·(da/g) over da·(db/g).
			g := gcd(da, db)
			x, ok1 := mul(a.n, db/g)
			y, ok2 := mul(b.n, da/g)
			n, ok3 := add(x, y)
			d, ok4 := mul(da, db/g)
			if ok1 && ok2 && ok3 && ok4 {
				return small(n, d)
			}
		}
	}
	return ratOfBig(new(big.Rat).Add(a.big(), b.big()))
}

func (a rat) sub(b rat) rat { return a.add(b.neg()) }

func (a rat) mul(b rat) rat {
	if a.b == nil && b.b == nil {
		da, db := a.den(), b.den()
		if a.n == 0 || b.n == 0 {
			return rat{}
		}
		// Cross-reduced, so that the result is in lowest terms.
		g1, g2 := gcd(a.n, db), gcd(b.n, da)
		n, ok1 := mul(a.n/g1, b.n/g2)
		d, ok2 := mul(da/g2, db/g1)
		if ok1 && ok2 {
			return rat{n: n, d: d}
		}
	}
	return ratOfBig(new(big.Rat).Mul(a.big(), b.big()))
}

// inv returns 1/a; a is not 0.
func (a rat) inv() rat {
	if a.b == nil && a.n != math.MinInt64 {
		if a.n < 0 {
			return rat{n: -a.den(), d: -a.n}
		}
		return rat{n: a.den(), d: a.n}
	}
	return ratOfBig(new(big.Rat).Inv(a.big()))
}

// quo returns a/b; b is not 0.
func (a rat) quo(b rat) rat { return a.mul(b.inv()) }

func (a rat) cmp(b rat) int {
	if a.b == nil && b.b == nil {
		da, db := a.den(), b.den()
		if da == db {
			return cmp.Compare(a.n, b.n)
		}
		x, ok1 := mul(a.n, db)
		y, ok2 := mul(b.n, da)
		if ok1 && ok2 {
			return cmp.Compare(x, y)
		}
	}
	return a.big().Cmp(b.big())
}
