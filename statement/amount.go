package statement

import (
	"strconv"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// An amount is the figure of a cell. A whole number of yen that fits an
// int64 is kept as one, so that building, comparing, scaling and printing
// a statement neither allocates nor leaves int64 arithmetic; any other
// figure (fractions of a yen, beyond int64) is kept exactly as the
// decimal it was given as, and every sum that meets one, or that would
// overflow int64, is computed in decimals. A figure given with a negative
// exponent, such as 100.00, keeps its decimal too, so that what it prints
// as never changes. The zero amount is 該当なし.
type amount struct {
	n     int64            // the figure in yen when d is nil
	d     *decimal.Decimal // the exact figure, for one that is not kept in n
	valid bool             // false for 該当なし
	// blank says, of one that is not valid, that it was printed blank
	// rather than as a dash: 該当なし where the form expects nothing, a
	// figure lost in printing where it expects one (see lostCells).
	blank bool
}

// yenAmount returns an amount of n yen.
func yenAmount(n int64) amount { return amount{n: n, valid: true} }

// amountOf returns c as an amount.
func amountOf(c format.Cell) amount {
	if !c.Valid {
		return amount{}
	}
	return decimalAmount(c.Amount)
}

// decimalAmount returns d yen as an amount.
func decimalAmount(d decimal.Decimal) amount {
	if n, ok := int64Yen(d); ok {
		return yenAmount(n)
	}
	exact := new(decimal.Decimal) // on the heap only here, not for every d
	*exact = d
	return amount{d: exact, valid: true}
}

// int64Yen returns d as an int64 when d's exponent is not negative and its
// value fits.
func int64Yen(d decimal.Decimal) (int64, bool) {
	exp := d.Exponent()
	switch {
	case exp < 0:
		return 0, false
	case d.IsZero():
		return 0, true
	case exp > 18 || d.NumDigits() > 18:
		// NumDigits never says 18 or fewer digits for a coefficient
		// beyond them.
		return 0, false
	}
	n, p := d.CoefficientInt64(), pow10[exp]
	if n > maxInt64/p || n < -maxInt64/p {
		return 0, false
	}
	return n * p, true
}

const maxInt64 = 1<<63 - 1

var pow10 = [...]int64{
	1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
}

// dec returns the figure of a, which must be valid, as a decimal.
func (a amount) dec() decimal.Decimal {
	if a.d != nil {
		return *a.d
	}
	return decimal.NewFromInt(a.n)
}

// cell returns a as a format.Cell.
func (a amount) cell() format.Cell {
	if !a.valid {
		return format.Cell{}
	}
	return format.CellOf(a.dec())
}

// equal reports whether a and b are both 該当なし or hold the same figure,
// as format.Cell.Equal does.
func (a amount) equal(b amount) bool {
	switch {
	case a.valid != b.valid:
		return false
	case !a.valid:
		return true
	case a.d == nil && b.d == nil:
		return a.n == b.n
	}
	return a.dec().Equal(b.dec())
}

// nonzero returns a, or 該当なし for a figure of 0.
func (a amount) nonzero() amount {
	if a.valid && (a.d == nil && a.n == 0 || a.d != nil && a.d.IsZero()) {
		return amount{}
	}
	return a
}

// appendTo appends a, shown as f says, to dst.
func (a amount) appendTo(dst []byte, f format.Formatter) []byte {
	if a.valid && a.d == nil {
		return f.AppendInt(dst, a.n)
	}
	return f.AppendCell(dst, a.cell())
}

// plain returns a as the package-level plain does for its cell.
func (a amount) plain(u format.Unit) string {
	if a.valid && a.d == nil {
		if p := pow10[u.Exp()]; a.n%p == 0 {
			return strconv.FormatInt(a.n/p, 10)
		}
	}
	return plain(a.cell(), u)
}

// appendPlain appends a.plain(u) to dst.
func (a amount) appendPlain(dst []byte, u format.Unit) []byte {
	if a.valid && a.d == nil {
		if p := pow10[u.Exp()]; a.n%p == 0 {
			return strconv.AppendInt(dst, a.n/p, 10)
		}
	}
	return append(dst, plain(a.cell(), u)...)
}

// round returns a rounded to a whole number of u by r, in yen, as
// u.ToYen(format.Round(a, u, r)) gives it.
func (a amount) round(u format.Unit, r format.Rounding) amount {
	if !a.valid {
		return a
	}
	if a.d == nil {
		p := pow10[u.Exp()]
		q, m := a.n/p, a.n%p
		if m < 0 {
			m = -m
		}
		if m != 0 && roundAway(r, q&1 != 0, m, p-m) {
			if a.n < 0 {
				q--
			} else {
				q++
			}
		}
		if q <= maxInt64/p && q >= -maxInt64/p {
			return yenAmount(q * p)
		}
	}
	return decimalAmount(u.ToYen(format.Round(a.dec(), u, r)))
}

// roundAway reports whether a quotient truncated toward zero moves one
// step away from zero under r, given the dropped part m and its
// complement rest, and whether the truncated quotient is odd; an unknown
// rounding is HalfUp, as format.Round has it.
func roundAway(r format.Rounding, odd bool, m, rest int64) bool {
	switch r {
	case format.Down:
		return false
	case format.Up:
		return true
	case format.HalfEven:
		return m > rest || m == rest && odd
	}
	return m >= rest
}

// at returns the amount in row i and column j.
func (s *Statement) at(i, j int) amount { return s.cells[i*len(s.t.form.Columns)+j] }

// sumAt evaluates formula f, whose terms are the cells base+terms[k]*step,
// as sum does, with the form's ZeroSums.
func (s *Statement) sumAt(f Formula, terms []int, base, step int) amount {
	var total int64
	valid := false
	for k, t := range terms {
		c := s.cells[base+t*step]
		if !c.valid {
			continue
		}
		if c.d != nil {
			return s.sumExact(f, terms, base, step)
		}
		valid = true
		v := total
		if f[k].Negative {
			total -= c.n
			if (total < v) != (c.n > 0) {
				return s.sumExact(f, terms, base, step)
			}
		} else {
			total += c.n
			if (total > v) != (c.n > 0) {
				return s.sumExact(f, terms, base, step)
			}
		}
	}
	switch {
	case valid:
		return yenAmount(total)
	case s.t.form.ZeroSums:
		return yenAmount(0)
	}
	return amount{}
}

// sumExact is sumAt in decimals: the sum as the decimal path gives it.
func (s *Statement) sumExact(f Formula, terms []int, base, step int) amount {
	c := signedSum(len(terms), func(k int) (format.Cell, bool) { return s.cells[base+terms[k]*step].cell(), f[k].Negative })
	if !c.Valid && s.t.form.ZeroSums {
		return yenAmount(0)
	}
	return amountOf(c)
}

// wholeYen returns a as wholeYen does for its decimal.
func (a amount) wholeYen() (int64, bool) {
	if a.d == nil {
		return a.n, -maxYen <= a.n && a.n <= maxYen
	}
	return wholeYen(*a.d)
}

// signedAmounts sums n terms as signedSum does; term returns the k-th
// amount and whether it is subtracted, and is called once for each.
func signedAmounts(n int, term func(k int) (amount, bool)) amount {
	var total int64
	var exact decimal.Decimal // the sum, once it is no longer int64's
	inDecimal, valid := false, false
	for k := range n {
		c, negative := term(k)
		if !c.valid {
			continue
		}
		valid = true
		if !inDecimal {
			v := total
			switch {
			case c.d != nil:
			case negative:
				if total -= c.n; (total < v) == (c.n > 0) {
					continue
				}
			default:
				if total += c.n; (total > v) == (c.n > 0) {
					continue
				}
			}
			// A decimal figure, or int64 overflow: on in decimals, from
			// the exact sum so far.
			inDecimal, exact = true, decimal.NewFromInt(v)
		}
		if negative {
			exact = exact.Sub(c.dec())
		} else {
			exact = exact.Add(c.dec())
		}
	}
	switch {
	case !valid:
		return amount{}
	case inDecimal:
		return decimalAmount(exact)
	}
	return yenAmount(total)
}

// amount returns the amount in the given row and column as Cell does.
func (s *Statement) amount(row, column string) (amount, bool) {
	i, j, ok := s.index(row, column)
	if !ok || s.t.form.Columns[j].Kind == Text {
		return amount{}, false
	}
	return s.at(i, j), true
}

// format returns a shown as f says.
func (a amount) format(f format.Formatter) string {
	var buf [48]byte
	return string(a.appendTo(buf[:0], f))
}
