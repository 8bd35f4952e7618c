package main

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/statement/unified"
)

func ratio(num, den int64) unified.Ratio {
	return unified.Ratio{Num: decimal.NewFromInt(num), Den: decimal.NewFromInt(den)}
}

func values(rs ...unified.Ratio) []value {
	vs := make([]value, len(rs))
	for k, r := range rs {
		vs[k] = valueOf(r)
	}
	return vs
}

// The quartiles of 1, 2, 3, 4 by linear interpolation (as numpy.quantile
// and pandas give them): at 0.75, 1.5 and 2.25, 1.75, 2.5 and 3.25; of
// one value, that value.
func TestQuantile(t *testing.T) {
	vs := values(ratio(1, 1), ratio(4, 2), ratio(9, 3), ratio(4, 1))
	for q, want := range map[int]unified.Ratio{1: ratio(7, 4), 2: ratio(5, 2), 3: ratio(13, 4)} {
		if got := quantile(vs, q); got.Cmp(want) != 0 {
			t.Errorf("quartile %d = %s/%s, want %s/%s", q, got.Num, got.Den, want.Num, want.Den)
		}
	}
	if got := quantile(vs[:1], 2); got.Cmp(ratio(1, 1)) != 0 {
		t.Errorf("median of one value %s/%s", got.Num, got.Den)
	}
}

// sortValues orders exactly, equal values by their place, even where the
// float64 quotients are equal or misordered.
func TestSortValues(t *testing.T) {
	const big = 999999999999999999
	vs := values(ratio(5, 1), ratio(big, big-1), ratio(14, 2), ratio(big-1, big-2), ratio(1, 1), ratio(7, 1),
		unified.Ratio{Num: decimal.RequireFromString("1000000000000000000001"), Den: decimal.NewFromInt(3)})
	at := sortValues(vs)
	// big/(big−1) < (big−1)/(big−2), though as float64 both are 1.
	want := []int{4, 1, 3, 0, 2, 5, 6}
	for k := range want {
		if at[k] != want[k] {
			t.Fatalf("order %v, want %v", at, want)
		}
	}
	for k := 1; k < len(vs); k++ {
		if vs[k-1].r.Cmp(vs[k].r) > 0 {
			t.Errorf("not sorted at %d", k)
		}
	}
}

// Each body's rank is one more than the number of bodies of its kind with
// a larger value, counted here one pair at a time.
func TestRanks(t *testing.T) {
	k, _, files := nation(t, small)
	w, err := Run(k, files, Outputs{})
	if err != nil {
		t.Fatal(err)
	}
	for s := range scopes {
		for _, ind := range unified.Indicators() {
			got := w.ranks(s, ind)
			for i, a := range w.Bodies {
				va, ok := w.Analyses[i][s].Ratio(ind)
				if !ok {
					if got[i] != 0 {
						t.Errorf("%s %s: no value, rank %d", a.Code, ind, got[i])
					}
					continue
				}
				want := 1
				for j, b := range w.Bodies {
					if vb, ok := w.Analyses[j][s].Ratio(ind); ok && a.IsPrefecture() == b.IsPrefecture() && vb.Cmp(va) > 0 {
						want++
					}
				}
				if got[i] != want {
					t.Errorf("%s %s %s: rank %d, want %d", a.Code, scopes[s], ind, got[i], want)
				}
			}
		}
	}
}

// printedValue writes what StringFixed writes of every indicator's
// printed value, and a sum gives what decimal addition gives, in int64
// and beyond it.
func TestPrintedValueAndSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		num := decimal.New(rng.Int64N(2e12)-1e12, -int32(rng.IntN(3)))
		den := decimal.NewFromInt(1 + rng.Int64N(1e6))
		if rng.IntN(4) == 0 {
			den = decimal.NewFromInt(1 + rng.Int64N(20))
		}
		for _, ind := range unified.Indicators() {
			r := unified.Ratio{Num: num, Den: den}
			if got, want := printedValue(ind, r), ind.Printed(r).StringFixed(ind.Places()); got != want {
				t.Fatalf("%v of %v/%v: %s, want %s", ind, num, den, got, want)
			}
		}
	}
	for _, terms := range [][]decimal.Decimal{
		{decimal.NewFromInt(5), decimal.NewFromInt(-7), decimal.New(3, 2)},
		{decimal.NewFromInt(math.MaxInt64 - 1), decimal.NewFromInt(5), decimal.NewFromInt(-3)},
		{decimal.New(15, -1), decimal.NewFromInt(2)},
		{decimal.RequireFromString("123456789012345678901"), decimal.NewFromInt(1)},
	} {
		var s sum
		want := decimal.Zero
		for _, d := range terms {
			s.add(d)
			want = want.Add(d)
		}
		if !s.decimal().Equal(want) {
			t.Errorf("sum of %v: %v, want %v", terms, s.decimal(), want)
		}
	}
}

// appendDecimal writes what String writes.
func TestAppendDecimal(t *testing.T) {
	for _, d := range []decimal.Decimal{
		decimal.Zero, decimal.New(1234000, -3), decimal.New(-1234000, -3), decimal.New(1234500, -3),
		decimal.New(12, 3), decimal.New(-12, 16), decimal.New(12, 17), decimal.New(1, -2),
		decimal.New(999_999_999_999_999_999, 0), decimal.New(999_999_999_999_999_999, 1),
		decimal.RequireFromString("123456789012345678901234567890"), decimal.New(0, -5), decimal.New(0, 4),
	} {
		if got, want := string(appendDecimal([]byte("x,"), d)), "x,"+d.String(); got != want {
			t.Errorf("appendDecimal(%s) = %q, want %q", d, got, want)
		}
	}
}
