package format_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// appendIntValues are the figures AppendInt is checked on: a statement's,
// the edges of rounding in every unit, and the ends of int64.
func appendIntValues() []int64 {
	vs := []int64{0, 1, -1, 499, 500, -500, 501, 1500, 2500, -2500, 999_999, 32200729071, -2286666903,
		999_999_999_999_999_999, 1_000_000_000_000_000_000, -1_000_000_000_000_000_000,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		v := r.Int64() >> r.IntN(64)
		if r.IntN(2) == 0 {
			v = -v
		}
		vs = append(vs, v)
	}
	return vs
}

// AppendInt prints what Append prints for the same figure, whatever the
// unit, rounding, places and marks.
func TestAppendIntMatchesAppend(t *testing.T) {
	var fs []format.Formatter
	for u := format.Yen; u <= format.HundredMillion; u++ {
		for r := format.HalfUp; r <= format.HalfEven; r++ {
			for _, places := range []int32{0, 1, 3, 19} {
				fs = append(fs, format.Formatter{Unit: u, Rounding: r, Places: places})
			}
		}
	}
	fs = append(fs, format.Formatter{SignSpace: true, Negative: format.Parens, Zero: format.ZeroDash, FullWidth: true, Suffix: true},
		format.Formatter{Unit: format.Unit(99), Rounding: format.Rounding(99)})
	for _, v := range appendIntValues() {
		for _, f := range fs {
			got, want := string(f.AppendInt(nil, v)), string(f.Append(nil, decimal.NewFromInt(v)))
			if got != want {
				t.Fatalf("%+v: AppendInt(%d) = %q, Append gives %q", f, v, got, want)
			}
		}
	}
}

func TestAppendIntAllocs(t *testing.T) {
	f := format.Formatter{Unit: format.Thousand, SignSpace: true}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = f.AppendInt(buf[:0], -32200729071) }); n != 0 {
		t.Errorf("AppendInt allocates %v times", n)
	}
}

func BenchmarkAppendInt(b *testing.B) {
	f := format.Formatter{SignSpace: true}
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		buf = f.AppendInt(buf[:0], statementValues[i%len(statementValues)])
	}
}
