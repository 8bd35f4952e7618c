package apportion_test

import (
	"encoding/binary"
	"testing"

	"github.com/koukaikei/koukaikei/segment/apportion"
	"github.com/shopspring/decimal"
)

// FuzzDivide checks the invariants of every method on any weights: the
// shares sum to the total in whole units; Hamilton keeps each share within
// one unit of its quota; divisor methods never give a larger weight a
// smaller share; every method is deterministic; and for up to 4,096 units,
// each gives what the method's definition gives, unit by unit.
func FuzzDivide(f *testing.F) {
	f.Add(uint16(10), []byte{53, 24, 23})
	f.Add(uint16(3), []byte{1, 1, 1, 1})
	f.Add(uint16(0), []byte{5})
	f.Add(uint16(1000), []byte{0, 0, 7, 255, 1})
	f.Fuzz(func(t *testing.T, units uint16, raw []byte) {
		if len(raw) == 0 || len(raw) > 64 {
			return
		}
		weights := make([]decimal.Decimal, len(raw))
		ints := make([]int64, len(raw))
		var sum int64
		for i, b := range raw {
			w := int64(b)
			if i%2 == 1 && i+1 < len(raw) {
				w = int64(binary.BigEndian.Uint16(raw[i-1 : i+1]))
			}
			weights[i] = decimal.NewFromInt(w)
			ints[i] = w
			sum += w
		}
		unit := decimal.NewFromInt(1000)
		total := decimal.NewFromInt(int64(units)).Mul(unit)
		for _, m := range []apportion.Method{apportion.Webster, apportion.Hamilton, apportion.DHondt, apportion.Adams} {
			shares, err := apportion.Divide(total, weights, unit, m)
			if err != nil {
				if sum == 0 || m == apportion.Adams {
					continue // no positive weight, or fewer units than weights
				}
				t.Fatalf("%v: %v", m, err)
			}
			if units <= 4096 {
				want := byDefinition(int64(units), ints, m)
				for i, s := range shares {
					if !s.Equal(decimal.NewFromInt(want[i] * 1000)) {
						t.Fatalf("%v over %v: share %d is %s, the definition gives %d units", m, ints, i, s, want[i])
					}
				}
			}
			again, _ := apportion.Divide(total, weights, unit, m)
			got := decimal.Zero
			for i, s := range shares {
				if !s.Equal(again[i]) {
					t.Fatalf("%v is not deterministic", m)
				}
				if _, r := s.QuoRem(unit, 0); !r.IsZero() || s.IsNegative() {
					t.Fatalf("%v: share %s is not a whole number of units", m, s)
				}
				got = got.Add(s)
			}
			if !got.Equal(total) {
				t.Fatalf("%v: shares sum to %s, not %s", m, got, total)
			}
			for i := range weights {
				quota := weights[i].Mul(decimal.NewFromInt(int64(units))).Mul(unit)
				seats := shares[i].Mul(decimal.NewFromInt(sum))
				if m == apportion.Hamilton && seats.Sub(quota).Abs().GreaterThanOrEqual(unit.Mul(decimal.NewFromInt(sum))) {
					t.Fatalf("Hamilton: share %s of weight %s is a unit or more from its quota", shares[i], weights[i])
				}
				for j := range weights {
					if m != apportion.Hamilton && weights[i].GreaterThan(weights[j]) && shares[i].LessThan(shares[j]) {
						t.Fatalf("%v: weight %s gets %s, smaller weight %s gets %s", m, weights[i], shares[i], weights[j], shares[j])
					}
				}
			}
		}
	})
}

// byDefinition divides units as the methods are defined, one unit at a time
// and with ties to the earlier weight: Hamilton gives each weight the whole
// units of its quota, then one more to each of the largest remainders; a
// divisor method gives each unit to the weight with the largest w/D(s), for
// the signposts D(s) = s+½ (Webster), s+1 (D'Hondt) or s (Adams). It is
// quadratic: a check of Divide, not a replacement.
func byDefinition(units int64, w []int64, m apportion.Method) []int64 {
	seats := make([]int64, len(w))
	var total int64
	for _, x := range w {
		total += x
	}
	if m == apportion.Hamilton {
		rems := make([]int64, len(w))
		given := int64(0)
		for i, x := range w {
			seats[i], rems[i] = units*x/total, units*x%total
			given += seats[i]
		}
		for ; given < units; given++ {
			best := 0
			for i := range w {
				if rems[i] > rems[best] {
					best = i
				}
			}
			seats[best]++
			rems[best] = -1
		}
		return seats
	}
	d := func(s int64) int64 { // doubled signposts, to stay in integers
		switch m {
		case apportion.Webster:
			return 2*s + 1
		case apportion.DHondt:
			return 2*s + 2
		}
		return 2 * s
	}
	for range units {
		best := -1
		for i, x := range w {
			if x > 0 && (best < 0 || x*d(seats[best]) > w[best]*d(seats[i])) {
				best = i
			}
		}
		seats[best]++
	}
	return seats
}
