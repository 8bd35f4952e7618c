// Package apportion divides a total over weights in whole units (按分), by
// named methods: Webster, Hamilton, D'Hondt and Adams, exactly and
// deterministically; and applies a published rate per unit with [PerUnit].
// The J-LIS 交付金見込額一覧 divides 76,476,940,000 円 over the populations of
// 1,741 municipalities in units of 1,000 円 by Webster.
//
// Errors are an [*Error] naming the weight at fault. [ErrNotMultiple] is
// the one for a program to act on, by rounding the total to the unit first
// under the rule that applies; the others classify a bad argument and are
// the module's own, the same values as the other packages' sentinels of
// the same name.
//
// The package does not choose a method: the caller names the one its rules
// prescribe.
package apportion

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/shopspring/decimal"
)

// A Method is a rule of apportionment: how a whole number of units is
// divided in proportion to weights. The zero value is not a method.
type Method int

// Methods. The divisor methods find a divisor d such that the shares,
// weight/d rounded by the method's rule, add up to the units.
const (
	// Webster (Sainte-Laguë) rounds weight/d half up.
	Webster Method = iota + 1
	// Hamilton gives each weight the whole units of its quota, then one
	// more unit to the largest remainders.
	Hamilton
	// DHondt (Jefferson) rounds weight/d down.
	DHondt
	// Adams rounds weight/d up, so every positive weight gets a unit.
	Adams
)

var methodNames = [...]string{"", "Webster", "Hamilton", "D'Hondt", "Adams"}

// String returns the method's name; an unknown method prints as
// %!Method(n).
func (m Method) String() string {
	if m < Webster || m > Adams {
		return fmt.Sprintf("%%!Method(%d)", int(m))
	}
	return methodNames[m]
}

// Errors that an *Error wraps, for errors.Is. ErrRange, ErrUnknown and
// ErrMissing are the module's own: every package's sentinel of the same
// name is the same value.
var (
	// ErrRange means a number out of range: a negative total, weight or
	// rate, a unit that is not positive, numbers beyond 2^63 once scaled
	// to integers, or fewer units than positive weights under Adams.
	ErrRange = errs.ErrRange
	// ErrUnknown means a Method that is none of the package's.
	ErrUnknown = errs.ErrUnknown
	// ErrMissing means that no weight is positive.
	ErrMissing = errs.ErrMissing
	// ErrNotMultiple means a total that is not a whole number of units:
	// the caller rounds it first, by the rule that applies.
	ErrNotMultiple = errors.New("total not a whole number of units")
)

// An Error reports why a total cannot be divided, and which weight is at
// fault if one is. It is the only error type that Divide and PerUnit
// return.
type Error struct {
	Index int   // the weight at fault, or -1 when no one weight is
	Err   error // wraps ErrRange, ErrUnknown, ErrMissing or ErrNotMultiple
}

// Error names the weight at fault, if any, and the reason:
// apportion: weight 1: out of range: "-1" is negative.
func (e *Error) Error() string {
	if e.Index >= 0 {
		return fmt.Sprintf("apportion: weight %d: %v", e.Index, e.Err)
	}
	return fmt.Sprintf("apportion: %v", e.Err)
}

// Unwrap returns Err, so that errors.Is finds the sentinel it wraps.
func (e *Error) Unwrap() error { return e.Err }

// Divide divides total into whole multiples of unit in proportion to
// weights, by method m, and returns the share of each weight: the J-LIS
// 交付金見込額一覧 divides 76,476,940,000 円 over the populations of 1,741
// municipalities in units of 1,000 円 by Webster.
//
// The arithmetic is exact. Ties are broken in favour of the earlier weight:
// of two weights with equal claims to the last unit, the one given first
// gets it. A weight of zero gets nothing. It returns an *Error
// wrapping ErrRange for a negative total or weight, a unit that is not
// positive, fewer units than positive weights under Adams, or numbers that
// do not fit 63 bits once scaled to integers; ErrMissing for no positive
// weight; ErrNotMultiple for a total that is not a multiple of unit; and
// ErrUnknown for an unknown method.
func Divide(total decimal.Decimal, weights []decimal.Decimal, unit decimal.Decimal, m Method) ([]decimal.Decimal, error) {
	if m < Webster || m > Adams {
		return nil, &Error{Index: -1, Err: fmt.Errorf("%w method %v", ErrUnknown, m)}
	}
	if total.IsNegative() || !unit.IsPositive() {
		return nil, &Error{Index: -1, Err: fmt.Errorf("%w: total %s, unit %s: the total must not be negative, the unit must be positive", ErrRange, q(total), q(unit))}
	}
	units, r := total.QuoRem(unit, 0)
	if !r.IsZero() {
		return nil, &Error{Index: -1, Err: fmt.Errorf("%w: %s is not a multiple of %s", ErrNotMultiple, q(total), q(unit))}
	}
	if units.Cmp(decimal.NewFromInt(math.MaxInt64)) > 0 {
		return nil, &Error{Index: -1, Err: fmt.Errorf("%w: %s units of %s are beyond 2^63", ErrRange, q(units), q(unit))}
	}
	w, err := scale(weights)
	if err != nil {
		return nil, err
	}
	seats, err := apportion(uint64(units.IntPart()), w, m)
	if err != nil {
		return nil, err
	}
	return sharesOf(seats, unit), nil
}

// sharesOf returns each number of units as an amount: s·unit.
func sharesOf(seats []uint64, unit decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(seats))
	c, ok := coefficient(unit)
	for i, s := range seats {
		// The product fits 63 bits for every unit that the J-LIS tables and
		// most others use; decimal.New makes it without the conversions
		// of Mul.
		if hi, lo := bits.Mul64(s, c); ok && hi == 0 && lo <= math.MaxInt64 {
			out[i] = decimal.New(int64(lo), unit.Exponent())
		} else {
			out[i] = unit.Mul(decimal.NewFromUint64(s))
		}
	}
	return out
}

// coefficient returns the coefficient of d ≥ 0, and whether it fits 63 bits.
func coefficient(d decimal.Decimal) (uint64, bool) {
	if d.NumDigits() <= 18 { // below 10^18 < 2^63, read without a copy
		return uint64(d.CoefficientInt64()), true
	}
	c := d.Coefficient()
	return c.Uint64(), c.IsInt64()
}

// scale returns the weights as integers with a common factor, and checks
// them.
func scale(weights []decimal.Decimal) ([]uint64, error) {
	exp := int32(0)
	for i, w := range weights {
		if w.IsNegative() {
			return nil, &Error{Index: i, Err: fmt.Errorf("%w: %s is negative", ErrRange, q(w))}
		}
		exp = min(exp, w.Exponent())
	}
	out := make([]uint64, len(weights))
	var sum uint64
	for i, w := range weights {
		v, ok := coefficient(w)
		for k := w.Exponent(); ok && v != 0 && k > exp; k-- {
			var hi uint64
			hi, v = bits.Mul64(v, 10)
			ok = hi == 0 && v <= math.MaxInt64
		}
		if !ok {
			return nil, &Error{Index: i, Err: fmt.Errorf("%w: the weights scaled to integers are beyond 2^63", ErrRange)}
		}
		out[i] = v
		var carry uint64
		if sum, carry = bits.Add64(sum, out[i], 0); carry != 0 || sum > math.MaxInt64 {
			return nil, &Error{Index: i, Err: fmt.Errorf("%w: the weights scaled to integers are beyond 2^63", ErrRange)}
		}
	}
	if sum == 0 {
		return nil, &Error{Index: -1, Err: fmt.Errorf("%w: no weight is positive", ErrMissing)}
	}
	return out, nil
}

// apportion divides n units over weights w (summing to at most 2^63).
func apportion(n uint64, w []uint64, m Method) ([]uint64, error) {
	var total uint64
	positive := 0
	for _, x := range w {
		total += x
		if x > 0 {
			positive++
		}
	}
	if m == Adams && n < uint64(positive) {
		return nil, &Error{Index: -1, Err: fmt.Errorf("%w: Adams gives each of %d positive weights a unit, and there are %d units", ErrRange, positive, n)}
	}
	seats := make([]uint64, len(w))
	rems := make([]uint64, len(w))
	var given uint64
	for i, x := range w {
		// The quota n·x/total, as a whole part and a remainder.
		hi, lo := bits.Mul64(n, x)
		seats[i], rems[i] = bits.Div64(hi, lo, total)
		given += seats[i]
	}
	if m == Hamilton {
		// The remainders sum to (n − given)·total and each is below total,
		// so more of them are positive than there are units left: every
		// unit goes to a different weight, the largest remainders first.
		var order []int
		for i, r := range rems {
			if r > 0 {
				order = append(order, i)
			}
		}
		slices.SortFunc(order, func(i, j int) int { return cmp.Or(cmp.Compare(rems[j], rems[i]), cmp.Compare(i, j)) })
		for _, i := range order[:n-given] {
			seats[i]++
		}
		return seats, nil
	}
	// Start the divisor methods from the quotas rounded by their rule,
	// then move single units by the method's priorities until the sum is
	// right: the result is the divisor method's.
	for i, x := range w {
		switch {
		case x == 0:
		case m == Webster && rems[i] >= total-rems[i]: // 2·rem ≥ total: half up
			seats[i]++
			given++
		case m == Adams && rems[i] > 0:
			seats[i]++
			given++
		}
	}
	move(w, seats, given, n, m)
	return seats, nil
}

// move adds units one at a time to the weight with the strongest claim to
// one more, or takes them from the weight with the weakest claim to the
// units it has, by the signposts of method m, until the seats sum to n. Ties
// go to the earlier weight when adding and to the later one when removing,
// so that the earlier weight keeps the unit either way. The weights wait in
// a binary heap, so each move costs log len(w) comparisons.
func move(w, seats []uint64, given, n uint64, m Method) {
	add := given < n
	claim := func(i int) uint64 { // the signpost index of the unit in question
		if add {
			return seats[i]
		}
		return seats[i] - 1
	}
	eligible := func(i int) bool {
		return w[i] > 0 && (add || seats[i] > 0 && (m != Adams || seats[i] > 1))
	}
	first := func(i, j int) bool { // i's turn comes before j's
		c := compareClaims(w[i], claim(i), w[j], claim(j), m)
		if add {
			return c > 0 || c == 0 && i < j
		}
		return c < 0 || c == 0 && i > j
	}
	var h []int
	for i := range w {
		if eligible(i) {
			h = append(h, i)
		}
	}
	down := func(k int) {
		for {
			c := 2*k + 1
			if c >= len(h) {
				return
			}
			if c+1 < len(h) && first(h[c+1], h[c]) {
				c++
			}
			if !first(h[c], h[k]) {
				return
			}
			h[k], h[c] = h[c], h[k]
			k = c
		}
	}
	for k := len(h)/2 - 1; k >= 0; k-- {
		down(k)
	}
	for given != n {
		i := h[0]
		if add {
			seats[i]++
			given++
		} else {
			seats[i]--
			given--
		}
		if !eligible(i) {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		down(0)
	}
}

// compareClaims compares the claims x/D(s) and y/D(t) of two weights to
// their next unit, where D is the method's signpost: s+½ for Webster, s+1
// for D'Hondt, s for Adams (x/0 is infinite). It returns -1, 0 or +1.
func compareClaims(x, s, y, t uint64, m Method) int {
	// x/D(s) > y/D(t) ⟺ x·D(t) > y·D(s), in doubled signposts to stay in
	// integers: Webster's 2s+1, D'Hondt's 2s+2, Adams's 2s.
	d := func(s uint64) uint64 {
		switch m {
		case Webster:
			return 2*s + 1
		case DHondt:
			return 2*s + 2
		}
		return 2 * s
	}
	h1, l1 := bits.Mul64(x, d(t))
	h2, l2 := bits.Mul64(y, d(s))
	if h1 != h2 {
		return cmp.Compare(h1, h2)
	}
	return cmp.Compare(l1, l2)
}

// PerUnit returns weight × rate for each weight, rounded by r to a whole
// multiple of unit: the allocation of bodies that publish a rate per
// person or per unit instead of a total. It returns an *Error
// wrapping ErrRange for a negative weight or rate or a unit that is not
// positive.
func PerUnit(weights []decimal.Decimal, rate, unit decimal.Decimal, r format.Rounding) ([]decimal.Decimal, error) {
	if rate.IsNegative() || !unit.IsPositive() {
		return nil, &Error{Index: -1, Err: fmt.Errorf("%w: rate %s, unit %s: the rate must not be negative, the unit must be positive", ErrRange, q(rate), q(unit))}
	}
	out := make([]decimal.Decimal, len(weights))
	for i, w := range weights {
		if w.IsNegative() {
			return nil, &Error{Index: i, Err: fmt.Errorf("%w: %s is negative", ErrRange, q(w))}
		}
		out[i] = roundTo(w.Mul(rate), unit, r)
	}
	return out, nil
}

// q quotes a number for a message, at a bounded length.
func q(d decimal.Decimal) string { return quote.Bounded(d.String()) }

// roundTo rounds a ≥ 0 to a whole multiple of unit by r, exactly.
func roundTo(a, unit decimal.Decimal, r format.Rounding) decimal.Decimal {
	q, rem := a.QuoRem(unit, 0)
	if !rem.IsZero() {
		half := rem.Add(rem).Cmp(unit) // the remainder against half a unit
		odd := q.Mod(decimal.NewFromInt(2)).Equal(decimal.NewFromInt(1))
		if r == format.Up || r == format.HalfUp && half >= 0 || r == format.HalfEven && (half > 0 || half == 0 && odd) {
			q = q.Add(decimal.NewFromInt(1))
		}
	}
	return q.Mul(unit)
}
