// Package yen sums amounts exactly and cheaply: in an int64 while the sum
// and the amounts are whole yen that fit, exactly in a decimal beyond. A
// journal of a million lines is checked, posted and derived with sums
// that allocate nothing per line.
package yen

import (
	"math"

	"github.com/shopspring/decimal"
)

// A Sum is a sum of amounts. Its zero value is zero.
type Sum struct {
	n     int64
	big   decimal.Decimal
	isBig bool
}

// Add adds d to s.
func (s *Sum) Add(d decimal.Decimal) { s.add(d, false) }

// Sub subtracts d from s.
func (s *Sum) Sub(d decimal.Decimal) { s.add(d, true) }

func (s *Sum) add(d decimal.Decimal, neg bool) {
	// Whole yen of at most 18 digits: its coefficient is the amount, and
	// its negation fits.
	if !s.isBig && d.Exponent() == 0 && d.NumDigits() <= 18 {
		v := d.CoefficientInt64()
		if neg {
			v = -v
		}
		if v >= 0 && s.n <= math.MaxInt64-v || v < 0 && s.n >= math.MinInt64-v {
			s.n += v
			return
		}
	}
	if !s.isBig {
		s.big, s.isBig = decimal.NewFromInt(s.n), true
	}
	if neg {
		s.big = s.big.Sub(d)
	} else {
		s.big = s.big.Add(d)
	}
}

// AddSum adds t to s.
func (s *Sum) AddSum(t Sum) {
	if !s.isBig && !t.isBig {
		if t.n >= 0 && s.n <= math.MaxInt64-t.n || t.n < 0 && s.n >= math.MinInt64-t.n {
			s.n += t.n
			return
		}
	}
	s.Add(t.Value())
}

// Value returns the sum.
func (s Sum) Value() decimal.Decimal {
	if s.isBig {
		return s.big
	}
	return decimal.NewFromInt(s.n)
}

// Sign returns -1, 0 or +1 as the sum is negative, zero or positive.
func (s Sum) Sign() int {
	if s.isBig {
		return s.big.Sign()
	}
	switch {
	case s.n > 0:
		return 1
	case s.n < 0:
		return -1
	}
	return 0
}

// Equal reports whether s and t are the same sum.
func (s Sum) Equal(t Sum) bool {
	if !s.isBig && !t.isBig {
		return s.n == t.n
	}
	return s.Value().Equal(t.Value())
}
