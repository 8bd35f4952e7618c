package format

import (
	"github.com/shopspring/decimal"
)

// kanjiUnits names the groups of four digits, from the lowest.
var kanjiUnits = [...]string{"", "万", "億", "兆", "京"}

// Kanji returns d yen in the kanji units of Japanese prose: 1億3,400万円.
//
// The amount is first rounded to a whole number of f.Unit by f.Rounding, so
// that a Formatter with Unit TenThousand prints 1,354,796,000 as 13億5,480万円.
// Then each group of four digits takes its unit (京, 兆, 億, 万), groups that
// are zero are left out, and each group is grouped by thousands. The result
// ends in 円. Negative, SignSpace, Zero, FullWidth and Prose apply; Places and
// Suffix do not.
func (f Formatter) Kanji(d decimal.Decimal) string {
	var buf [64]byte
	return string(f.AppendKanji(buf[:0], d))
}

// AppendKanji appends d yen in kanji units, as Kanji returns it, to dst and
// returns the extended buffer.
func (f Formatter) AppendKanji(dst []byte, d decimal.Decimal) []byte {
	n := Round(d, f.Unit, f.Rounding).Shift(f.Unit.Exp()).BigInt()
	neg := n.Sign() < 0
	digits := n.Abs(n).Append(nil, 10)
	g := f // prints one group
	g.Places, g.Suffix, g.Zero = 0, false, ZeroDigit
	if f.Prose {
		g.FullWidth = false
	}
	if len(digits) == 1 && digits[0] == '0' {
		if f.Zero != ZeroDigit {
			return f.appendZeroMark(dst)
		}
		return append(g.appendGroup(dst, digits, f.Prose, false), "円"...)
	}
	if neg {
		dst = f.appendMark(dst)
	}
	top := (len(digits) - 1) / 4 // index of the highest group
	if top >= len(kanjiUnits) {
		top = len(kanjiUnits) - 1 // 京 takes every digit above it
	}
	first := true
	for i := top; i >= 0; i-- {
		end := len(digits) - 4*i
		start := max(end-4, 0)
		if i == top {
			start = 0
		}
		group := trimZeros(digits[start:end])
		if group == nil {
			continue
		}
		dst = g.appendGroup(dst, group, f.Prose, !first)
		dst = append(dst, kanjiUnits[i]...)
		first = false
	}
	if neg && f.Negative == Parens {
		return f.put(append(dst, "円"...), ')')
	}
	return append(dst, "円"...)
}

// appendGroup appends one group of digits followed, in prose, by the space
// that sets off a number of more than one digit from the kanji after it.
func (f Formatter) appendGroup(dst, digits []byte, prose, spaceBefore bool) []byte {
	if !prose {
		return f.appendNumber(dst, digits, false, "")
	}
	if len(digits) == 1 {
		f.FullWidth = true
		return f.appendNumber(dst, digits, false, "")
	}
	if spaceBefore {
		dst = append(dst, ' ')
	}
	return append(f.appendNumber(dst, digits, false, ""), ' ')
}

// trimZeros returns digits without leading zeros, or nil if all are zero.
func trimZeros(digits []byte) []byte {
	for i, c := range digits {
		if c != '0' {
			return digits[i:]
		}
	}
	return nil
}
