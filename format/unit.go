package format

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
)

// A Unit is the unit in which a document shows its figures. The zero value is
// Yen.
type Unit int

// Units used by public documents. Statements use 円, 千円 and 百万円; prose and
// summaries also use 万円 and 億円.
const (
	Yen            Unit = iota // 円
	Thousand                   // 千円
	Million                    // 百万円
	TenThousand                // 万円
	HundredMillion             // 億円
)

var unitNames = [...]string{"円", "千円", "百万円", "万円", "億円"}

var unitExps = [...]int32{0, 3, 6, 4, 8}

// String returns the unit as a document's unit line prints it: 円, 千円, 百万円,
// 万円 or 億円. An unknown unit prints as %!Unit(n).
func (u Unit) String() string {
	if !u.valid() {
		return fmt.Sprintf("%%!Unit(%d)", int(u))
	}
	return unitNames[u]
}

// Exp returns the power of ten that one unit is worth in yen: 3 for Thousand.
// It returns 0 for an unknown unit.
func (u Unit) Exp() int32 {
	if !u.valid() {
		return 0
	}
	return unitExps[u]
}

// ToYen returns the yen amount of n units, exactly: Thousand.ToYen(53,430)
// is 53,430,000.
func (u Unit) ToYen(n decimal.Decimal) decimal.Decimal {
	return n.Shift(u.Exp())
}

func (u Unit) valid() bool { return u >= 0 && int(u) < len(unitNames) }

// ParseUnit returns the unit named s, as String writes it: 円, 千円, 百万円,
// 万円 or 億円. Any other text returns a *ParseError wrapping ErrSyntax.
func ParseUnit(s string) (Unit, error) {
	for u, name := range unitNames {
		if s == name {
			return Unit(u), nil
		}
	}
	return 0, &ParseError{Input: s, Reason: "unknown unit", Err: ErrSyntax}
}

// A Rounding is a rule (端数処理) for dropping the digits below a unit. The
// zero value is HalfUp, which Japanese public documents use unless they say
// otherwise.
type Rounding int

// Roundings. Down and Up are toward and away from zero, so that a negative
// figure rounds as its absolute value does and the △ figures of a statement
// mirror the positive ones.
const (
	HalfUp   Rounding = iota // 四捨五入: half away from zero
	Down                     // 切り捨て: toward zero
	Up                       // 切り上げ: away from zero
	HalfEven                 // 銀行丸め: half to even
)

var roundingNames = [...]string{"四捨五入", "切り捨て", "切り上げ", "偶数丸め"}

// String returns the Japanese name of the rounding, such as 四捨五入. An
// unknown rounding prints as %!Rounding(n).
func (r Rounding) String() string {
	if r < 0 || int(r) >= len(roundingNames) {
		return fmt.Sprintf("%%!Rounding(%d)", int(r))
	}
	return roundingNames[r]
}

// Round returns d yen expressed as a whole number of units u, rounded by r:
// Round(53,429,604,577, Million, HalfUp) is 53,430. The value is exact; the
// unit is changed by shifting the decimal point, never by division. An
// unknown rounding rounds as HalfUp and an unknown unit as Yen.
func Round(d decimal.Decimal, u Unit, r Rounding) decimal.Decimal {
	return roundPlaces(d.Shift(-u.Exp()), 0, r)
}

// roundPlaces rounds d to places digits after the decimal point.
func roundPlaces(d decimal.Decimal, places int32, r Rounding) decimal.Decimal {
	switch r {
	case Down:
		return d.RoundDown(places)
	case Up:
		return d.RoundUp(places)
	case HalfEven:
		return d.RoundBank(places)
	default:
		return d.Round(places)
	}
}

// Ratio returns part as a percentage of whole, rounded by r to places digits
// after the decimal point: Ratio(5,469,602,950, 6,116,018,149, 3, HalfUp) is
// 89.431. The quotient is rounded from its exact value, not from a truncated
// one, so half-way cases are decided correctly. When whole is zero it
// returns an error wrapping ErrRange.
func Ratio(part, whole decimal.Decimal, places int32, r Rounding) (decimal.Decimal, error) {
	if whole.IsZero() {
		return decimal.Decimal{}, fmt.Errorf("format: ratio of a zero whole: %w", ErrRange)
	}
	// part/whole·100 at 10^-places is num/den with num and den integers:
	// bring both to a common exponent, then scale num by 10^(places+2).
	e := min(part.Exponent(), whole.Exponent())
	num := part.Coefficient()
	num.Mul(num, pow10(part.Exponent()-e))
	den := whole.Coefficient()
	den.Mul(den, pow10(whole.Exponent()-e))
	if s := places + 2; s >= 0 {
		num.Mul(num, pow10(s))
	} else {
		den.Mul(den, pow10(-s))
	}
	if den.Sign() < 0 {
		num.Neg(num)
		den.Neg(den)
	}
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	if m.Sign() != 0 && roundAway(r, q.Bit(0) == 1, m.CmpAbs(new(big.Int).Sub(den, new(big.Int).Abs(m)))) {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(q, -places), nil
}

// roundAway reports whether a quotient truncated toward zero must move one
// step away from zero under r, given that digits were dropped, whether the
// truncated quotient is odd, and half, the comparison of the dropped part
// with its complement (negative: below one half, zero: exactly one half).
func roundAway(r Rounding, odd bool, half int) bool {
	switch r {
	case Down:
		return false
	case Up:
		return true
	case HalfEven:
		return half > 0 || half == 0 && odd
	default:
		return half >= 0
	}
}

func pow10(n int32) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}
