package segment_test

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/segment"
	"github.com/shopspring/decimal"
)

// FuzzApportion checks the invariants of every method on any weights: the
// shares sum to the total in whole units; Hamilton keeps each share within
// one unit of its quota; divisor methods never give a larger weight a
// smaller share; and every method is deterministic.
func FuzzApportion(f *testing.F) {
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
		for _, m := range []segment.Method{segment.Webster, segment.Hamilton, segment.DHondt, segment.Adams} {
			shares, err := segment.Apportion(total, weights, unit, m)
			if err != nil {
				if sum == 0 || m == segment.Adams {
					continue // no positive weight, or fewer units than weights
				}
				t.Fatalf("%v: %v", m, err)
			}
			again, _ := segment.Apportion(total, weights, unit, m)
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
				if m == segment.Hamilton && seats.Sub(quota).Abs().GreaterThanOrEqual(unit.Mul(decimal.NewFromInt(sum))) {
					t.Fatalf("Hamilton: share %s of weight %s is a unit or more from its quota", shares[i], weights[i])
				}
				for j := range weights {
					if m != segment.Hamilton && weights[i].GreaterThan(weights[j]) && shares[i].LessThan(shares[j]) {
						t.Fatalf("%v: weight %s gets %s, smaller weight %s gets %s", m, weights[i], shares[i], weights[j], shares[j])
					}
				}
			}
		}
	})
}

// FuzzReadEntriesCSV checks that ReadEntriesCSV never panics and that each
// entry it returns has lines.
func FuzzReadEntriesCSV(f *testing.F) {
	f.Add("entry,memo,side,account,amount\n1,相殺,借方,2110,\"845,938\"\n1,,貸方,1120,845938\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := segment.ReadEntriesCSV(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, e := range entries {
			if len(e.Lines) == 0 {
				t.Fatal("an entry without lines")
			}
		}
	})
}

// FuzzParseLocalCode checks that an accepted code is six digits whose last
// is the check digit, and that its first five parse to it.
func FuzzParseLocalCode(f *testing.F) {
	for _, s := range []string{"011002", "473821", "47382", "131041", "011003", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := segment.ParseLocalCode(s)
		if err != nil {
			return
		}
		if len(c) != 6 {
			t.Fatalf("ParseLocalCode(%q) = %q", s, c)
		}
		again, err := segment.ParseLocalCode(string(c[:5]))
		if err != nil || again != c {
			t.Fatalf("ParseLocalCode(%q) = %q, its first five give %q, %v", s, c, again, err)
		}
	})
}
