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
// smaller share; and every method is deterministic.
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
		var sum int64
		for i, b := range raw {
			w := int64(b)
			if i%2 == 1 && i+1 < len(raw) {
				w = int64(binary.BigEndian.Uint16(raw[i-1 : i+1]))
			}
			weights[i] = decimal.NewFromInt(w)
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
