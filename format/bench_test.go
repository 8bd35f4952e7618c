package format_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// statementValues are typical figures of a statement in yen, from the J-LIS
// FY2019 balance sheet and cash-flow statement.
var statementValues = []int64{
	32200729071, 15268792065, -2286666903, 1242147, 16538, -70000,
	53429604577, -1963314616, 0, 134000000, -40245317, 6669877685,
}

func BenchmarkAppend(b *testing.B) {
	ds := make([]decimal.Decimal, len(statementValues))
	for i, v := range statementValues {
		ds[i] = decimal.NewFromInt(v)
	}
	f := format.Formatter{SignSpace: true}
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		buf = f.Append(buf[:0], ds[i%len(ds)])
	}
}

func BenchmarkAppendMillion(b *testing.B) {
	ds := make([]decimal.Decimal, len(statementValues))
	for i, v := range statementValues {
		ds[i] = decimal.NewFromInt(v)
	}
	f := format.Formatter{Unit: format.Million}
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		buf = f.Append(buf[:0], ds[i%len(ds)])
	}
}

// BenchmarkAppendIntGrouped is the yardstick for BenchmarkAppend: the least
// that printing a grouped figure with a mark costs, from an int64.
func BenchmarkAppendIntGrouped(b *testing.B) {
	buf := make([]byte, 0, 64)
	var digits [24]byte
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		v := statementValues[i%len(statementValues)]
		buf = buf[:0]
		if v < 0 {
			buf = append(buf, "△ "...)
			v = -v
		}
		ds := strconv.AppendInt(digits[:0], v, 10)
		for j, c := range ds {
			if j > 0 && (len(ds)-j)%3 == 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, c)
		}
	}
}

func BenchmarkParseAmount(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := format.ParseAmount("△ 2,286,666,903"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseAmountFullWidth(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := format.ParseAmount("７６，４７６，９４０，０００円"); err != nil {
			b.Fatal(err)
		}
	}
}

// The time per digit stays the same from 1× to 100× digits, up to
// MaxDigits.
func BenchmarkParseAmountDigits(b *testing.B) {
	for _, n := range []int{format.MaxDigits / 100, format.MaxDigits / 10, format.MaxDigits} {
		in := strings.Repeat("7", n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := format.ParseAmount(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
