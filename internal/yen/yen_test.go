package yen

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestSum adds amounts whose sum leaves the int64 (9×10^17 twelve times),
// fractions and negatives, and compares with decimal's exact arithmetic.
func TestSum(t *testing.T) {
	amounts := []string{"900000000000000000", "900000000000000000", "-5", "1.5", "123456789012345678901234567890", "0", "-1e3"}
	for _, subtract := range []bool{false, true} {
		var s Sum
		want := decimal.Zero
		for range 12 {
			for _, a := range amounts {
				d := decimal.RequireFromString(a)
				if subtract {
					s.Sub(d)
					want = want.Sub(d)
				} else {
					s.Add(d)
					want = want.Add(d)
				}
			}
		}
		if !s.Value().Equal(want) || s.Sign() != want.Sign() {
			t.Errorf("subtract %v: %v, want %v", subtract, s.Value(), want)
		}
	}
	var a, b Sum
	a.Add(decimal.NewFromInt(7))
	b.Add(decimal.NewFromInt(3))
	b.AddSum(a)
	if !b.Equal(Sum{n: 10}) || b.Sign() != 1 || (Sum{}).Sign() != 0 {
		t.Errorf("%v", b.Value())
	}
}

func BenchmarkAdd(b *testing.B) {
	d := decimal.NewFromInt(123456)
	var s Sum
	b.ReportAllocs()
	for b.Loop() {
		s.Add(d)
	}
}
