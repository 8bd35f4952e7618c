package apportion_test

import (
	"fmt"
	"testing"

	"github.com/koukaikei/koukaikei/segment/apportion"
	"github.com/shopspring/decimal"
)

// BenchmarkDivide divides n/2 units of 1,000 over n weights that differ (like
// populations) and over n equal weights, where every divisor method must
// move n/2 units from its first rounding. Time per weight should stay
// nearly flat from 10,000 to 1,000,000 weights.
func BenchmarkDivide(b *testing.B) {
	unit := decimal.NewFromInt(1000)
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		varied := make([]decimal.Decimal, n)
		equal := make([]decimal.Decimal, n)
		for i := range n {
			varied[i] = decimal.NewFromInt(int64(1000 + i*7919%1000003))
			equal[i] = decimal.NewFromInt(1)
		}
		for _, bench := range []struct {
			name    string
			weights []decimal.Decimal
			m       apportion.Method
			units   int
		}{
			{"varied/Webster", varied, apportion.Webster, n / 2},
			{"varied/Hamilton", varied, apportion.Hamilton, n / 2},
			{"equal/Webster", equal, apportion.Webster, n / 2},
			{"equal/Hamilton", equal, apportion.Hamilton, n / 2},
			{"equal/DHondt", equal, apportion.DHondt, n / 2},
			{"equal/Adams", equal, apportion.Adams, n + n/2},
		} {
			total := unit.Mul(decimal.NewFromInt(int64(bench.units)))
			b.Run(fmt.Sprintf("%s/%d", bench.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := apportion.Divide(total, bench.weights, unit, bench.m); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
