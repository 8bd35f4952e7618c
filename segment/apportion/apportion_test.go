package apportion_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment/apportion"
	"github.com/shopspring/decimal"
)

func decs(xs ...int64) []decimal.Decimal {
	out := make([]decimal.Decimal, len(xs))
	for i, x := range xs {
		out[i] = decimal.NewFromInt(x)
	}
	return out
}

func ints(ds []decimal.Decimal) []int64 {
	out := make([]int64, len(ds))
	for i, d := range ds {
		out[i] = d.IntPart()
	}
	return out
}

func TestDivide(t *testing.T) {
	// 10 seats over votes 53,000 / 24,000 / 23,000 (quotas 5.3, 2.4, 2.3).
	// Webster: a divisor of 9,620 gives 5.51, 2.49, 2.39 → 6, 2, 2.
	// Adams: 11,500 gives 4.6, 2.09, 2 → 5, 3, 2. D'Hondt: the ten largest
	// of 53,000/k, 24,000/k and 23,000/k (k = 1, 2, …) are six of the
	// first's, down to 8,833, and two each of the others' → 6, 2, 2.
	votes := decs(53000, 24000, 23000)
	tests := []struct {
		name    string
		total   int64
		weights []decimal.Decimal
		unit    int64
		m       apportion.Method
		want    []int64
	}{
		{"Webster", 10, votes, 1, apportion.Webster, []int64{6, 2, 2}},
		{"Hamilton", 10, votes, 1, apportion.Hamilton, []int64{5, 3, 2}},
		{"D'Hondt", 10, votes, 1, apportion.DHondt, []int64{6, 2, 2}},
		{"Adams", 10, votes, 1, apportion.Adams, []int64{5, 3, 2}},
		// Alabama paradox data: Hamilton gives 4/4/2 with 10 units, quotas
		// 4.14, 4.14, 1.71 (weights 29, 29, 12).
		{"Hamilton remainders", 10, decs(29, 29, 12), 1, apportion.Hamilton, []int64{4, 4, 2}},
		{"Webster half up", 3, decs(1, 1, 1, 1), 1, apportion.Webster, []int64{1, 1, 1, 0}},
		{"Hamilton tie to the earlier", 3, decs(1, 1, 1, 1), 1, apportion.Hamilton, []int64{1, 1, 1, 0}},
		{"D'Hondt tie to the earlier", 1, decs(5, 5), 1, apportion.DHondt, []int64{1, 0}},
		{"Adams gives every weight a unit", 4, decs(97, 1, 1, 1), 1, apportion.Adams, []int64{1, 1, 1, 1}},
		{"zero weight", 5, decs(0, 3, 2), 1, apportion.Webster, []int64{0, 3, 2}},
		{"units of 1,000", 76000, decs(2, 1), 1000, apportion.Webster, []int64{51000, 25000}},
		{"Webster removes", 5, decs(15, 15, 15, 55), 1, apportion.Webster, []int64{1, 1, 1, 2}},
	}
	for _, tt := range tests {
		got, err := apportion.Divide(decimal.NewFromInt(tt.total), tt.weights, decimal.NewFromInt(tt.unit), tt.m)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if g := ints(got); !equal(g, tt.want) {
			t.Errorf("%s: Divide = %v, want %v", tt.name, g, tt.want)
		}
	}
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDivideDecimalWeights(t *testing.T) {
	got, err := apportion.Divide(decimal.NewFromInt(100), []decimal.Decimal{decimal.RequireFromString("1.5"), decimal.RequireFromString("0.5")}, decimal.NewFromInt(1), apportion.Hamilton)
	if err != nil || !equal(ints(got), []int64{75, 25}) {
		t.Errorf("Divide over 1.5 and 0.5 = %v, %v", got, err)
	}
}

func TestDivideErrors(t *testing.T) {
	one := decimal.NewFromInt(1)
	tests := []struct {
		name    string
		total   decimal.Decimal
		weights []decimal.Decimal
		unit    decimal.Decimal
		m       apportion.Method
		err     error
		index   int
	}{
		{"no positive weight", decimal.NewFromInt(10), decs(0, 0), one, apportion.Webster, apportion.ErrMissing, -1},
		{"no weights", decimal.NewFromInt(10), nil, one, apportion.Webster, apportion.ErrMissing, -1},
		{"negative weight", decimal.NewFromInt(10), decs(1, -1), one, apportion.Webster, apportion.ErrRange, 1},
		{"negative total", decimal.NewFromInt(-10), decs(1), one, apportion.Webster, apportion.ErrRange, -1},
		{"zero unit", decimal.NewFromInt(10), decs(1), decimal.Zero, apportion.Webster, apportion.ErrRange, -1},
		{"not a multiple", decimal.NewFromInt(76476940500), decs(1), decimal.NewFromInt(1000), apportion.Webster, apportion.ErrNotMultiple, -1},
		{"method", decimal.NewFromInt(10), decs(1), one, 0, apportion.ErrUnknown, -1},
		{"Adams with too few units", decimal.NewFromInt(1), decs(1, 1), one, apportion.Adams, apportion.ErrRange, -1},
		{"huge", decimal.RequireFromString("1e30"), decs(1), one, apportion.Webster, apportion.ErrRange, -1},
		{"huge weight", decimal.NewFromInt(10), []decimal.Decimal{decimal.RequireFromString("1e30")}, one, apportion.Webster, apportion.ErrRange, 0},
		{"huge weight beside a fraction", decimal.NewFromInt(10), []decimal.Decimal{decimal.RequireFromString("0.5"), decimal.RequireFromString("1e18")}, one, apportion.Webster, apportion.ErrRange, 1},
		{"weights summing beyond 2^63", decimal.NewFromInt(10), decs(math.MaxInt64/2+1, math.MaxInt64/2+1), one, apportion.Webster, apportion.ErrRange, 1},
	}
	for _, tt := range tests {
		_, err := apportion.Divide(tt.total, tt.weights, tt.unit, tt.m)
		var ae *apportion.Error
		if !errors.As(err, &ae) || !errors.Is(err, tt.err) || ae.Index != tt.index {
			t.Errorf("%s: error %v, want an *apportion.Error at %d wrapping %v", tt.name, err, tt.index, tt.err)
		}
	}
}

func TestPerUnit(t *testing.T) {
	// 21 万円 a body a year, or 0.6 円 a person rounded to 1,000 円.
	got, err := apportion.PerUnit(decs(1955457, 258948, 0), decimal.RequireFromString("0.6"), decimal.NewFromInt(1000), format.HalfUp)
	if err != nil || !equal(ints(got), []int64{1173000, 155000, 0}) {
		t.Errorf("PerUnit = %v, %v", got, err)
	}
	got, _ = apportion.PerUnit(decs(2500, 3500, 2501), decimal.NewFromInt(1), decimal.NewFromInt(1000), format.HalfEven)
	if !equal(ints(got), []int64{2000, 4000, 3000}) {
		t.Errorf("PerUnit half even = %v", got)
	}
	got, _ = apportion.PerUnit(decs(2001), decimal.NewFromInt(1), decimal.NewFromInt(1000), format.Up)
	if !equal(ints(got), []int64{3000}) {
		t.Errorf("PerUnit up = %v", got)
	}
	got, _ = apportion.PerUnit(decs(2999), decimal.NewFromInt(1), decimal.NewFromInt(500), format.Down)
	if !equal(ints(got), []int64{2500}) {
		t.Errorf("PerUnit down to 500 = %v", got)
	}
	if _, err := apportion.PerUnit(decs(-1), decimal.NewFromInt(1), decimal.NewFromInt(1), format.HalfUp); !errors.Is(err, apportion.ErrRange) {
		t.Errorf("PerUnit of a negative weight: %v", err)
	}
}

// Messages quote at most 64 bytes of a number, however long it is.
func TestDivideErrorBounded(t *testing.T) {
	huge := decimal.RequireFromString("-" + strings.Repeat("9", 10000))
	_, err := apportion.Divide(decimal.NewFromInt(10), []decimal.Decimal{huge}, decimal.NewFromInt(1), apportion.Webster)
	if err == nil || len(err.Error()) > 200 || !strings.Contains(err.Error(), `"-99999`) {
		t.Errorf("error of %d bytes: %.300v", len(err.Error()), err)
	}
}
