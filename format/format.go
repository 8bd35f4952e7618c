package format

import (
	"cmp"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// A Negative is the mark a negative figure carries. The zero value is
// Triangle, the mark of Japanese public accounts.
type Negative int

// Negative marks.
const (
	Triangle      Negative = iota // △1,234
	BlackTriangle                 // ▲1,234
	Minus                         // -1,234
	Parens                        // (1,234)
)

var negativeNames = [...]string{"△", "▲", "-", "()"}

// String returns the mark: △, ▲, - or (). An unknown mark prints as
// %!Negative(n).
func (n Negative) String() string {
	if n < 0 || int(n) >= len(negativeNames) {
		return fmt.Sprintf("%%!Negative(%d)", int(n))
	}
	return negativeNames[n]
}

// A ZeroStyle says how a figure that is zero after rounding prints. The zero
// value is ZeroDigit.
type ZeroStyle int

// Zero styles.
const (
	ZeroDigit  ZeroStyle = iota // 0
	ZeroDash                    // － (U+FF0D)
	ZeroHyphen                  // -
	ZeroBlank                   // nothing
)

// A NilStyle says how a cell with no figure (該当なし) prints. The zero value
// is NilHyphen, as the J-LIS cash-flow statement prints its 換算差額 row.
type NilStyle int

// Nil styles.
const (
	NilHyphen NilStyle = iota // -
	NilDash                   // － (U+FF0D)
	NilBlank                  // nothing
)

// A Formatter prints amounts given in yen. Its zero value prints as the
// financial statements of Japanese public bodies do: whole yen, grouped by
// thousands, △ before negatives with no space, 0 for zero, half-width digits.
//
// A Formatter is a plain value; copy it and change a field to derive another.
type Formatter struct {
	// Unit is the unit figures are shown in. Defaults to Yen.
	Unit Unit
	// Rounding drops the digits below the unit. Defaults to HalfUp (四捨五入).
	Rounding Rounding
	// Places is the number of digits shown after the decimal point, in the
	// unit. Defaults to 0; negative values count as 0.
	Places int32
	// Negative is the mark of negative figures. Defaults to Triangle (△).
	Negative Negative
	// SignSpace puts a space between the mark and the digits, as the J-LIS
	// cash-flow statement prints △ 2,286,666,903. Parentheses take no
	// space. Defaults to false.
	SignSpace bool
	// Zero says how a figure that rounds to zero prints. Defaults to
	// ZeroDigit (0).
	Zero ZeroStyle
	// Nil says how a cell with no figure prints. Defaults to NilHyphen (-).
	Nil NilStyle
	// FullWidth prints digits, separators, signs and spaces in their
	// full-width forms: ７６，４７６，９４０，０００円. Defaults to false.
	FullWidth bool
	// Suffix appends the unit to the figure: 1,234千円. Defaults to false,
	// since statements name the unit once, in a line above the table.
	Suffix bool
	// Prose sets the numbers of Kanji as Japanese running text does: a
	// number of one digit in full width, longer numbers in half width with
	// a space where they meet a kanji, as in １億 3,400 万円. It takes
	// precedence over FullWidth in Kanji and has no effect elsewhere.
	// Defaults to false.
	Prose bool
}

// Amount returns d yen as a zero Formatter prints it: Amount(-260000000) is
// △260,000,000.
func Amount(d decimal.Decimal) string {
	return Formatter{}.Format(d)
}

// Format returns d yen shown as f says.
func (f Formatter) Format(d decimal.Decimal) string {
	var buf [48]byte
	return string(f.Append(buf[:0], d))
}

// Append appends d yen, shown as f says, to dst and returns the extended
// buffer. It does not allocate when dst has room and d and its value in
// f.Unit fit in 18 digits.
func (f Formatter) Append(dst []byte, d decimal.Decimal) []byte {
	var buf [24]byte
	digits, neg, ok := f.digitsInt64(buf[:0], d)
	if !ok {
		digits, neg = f.digitsBig(d)
	}
	return f.appendNumber(dst, digits, neg, f.Unit.String())
}

// AppendInt appends n yen, shown as f says, to dst and returns the
// extended buffer: it is Append for a whole number of yen held in an
// int64, and prints the same. It does not allocate when dst has room and
// n in f.Unit, at f.Places, fits in 18 digits.
func (f Formatter) AppendInt(dst []byte, n int64) []byte {
	var buf [24]byte
	digits, neg, ok := f.digitsCoefficient(buf[:0], n, 0)
	if !ok {
		digits, neg = f.digitsBig(decimal.NewFromInt(n))
	}
	return f.appendNumber(dst, digits, neg, f.Unit.String())
}

// places returns f.Places, never negative.
func (f Formatter) places() int32 { return max(f.Places, 0) }

var pow10Int64 = [...]int64{
	1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
}

// digitsInt64 appends to buf the digits of |d| in f.Unit, rounded to f.Places,
// as a whole number of 10^-Places units. It reports false when the figure does
// not fit int64 arithmetic; digitsBig handles that case.
func (f Formatter) digitsInt64(buf []byte, d decimal.Decimal) ([]byte, bool, bool) {
	if d.IsZero() {
		return append(buf, '0'), false, true
	}
	if d.NumDigits() > 18 {
		return nil, false, false
	}
	return f.digitsCoefficient(buf, d.CoefficientInt64(), d.Exponent())
}

// digitsCoefficient is digitsInt64 for the figure c·10^exp.
func (f Formatter) digitsCoefficient(buf []byte, c int64, exp int32) ([]byte, bool, bool) {
	if c == 0 {
		return append(buf, '0'), false, true
	}
	switch s := int64(exp) + int64(f.places()) - int64(f.Unit.Exp()); {
	case s >= 0:
		if s > 18 || c > pow10Int64[18]/pow10Int64[s] || c < -pow10Int64[18]/pow10Int64[s] {
			return nil, false, false
		}
		c *= pow10Int64[s]
	case s >= -18:
		p := pow10Int64[-s]
		q, m := c/p, c%p
		if m < 0 {
			m = -m
		}
		if m != 0 && roundAway(f.Rounding, q&1 != 0, cmp.Compare(m, p-m)) {
			if c < 0 {
				q--
			} else {
				q++
			}
		}
		c = q
	default:
		return nil, false, false
	}
	if c < 0 {
		return strconv.AppendUint(buf, uint64(-c), 10), true, true
	}
	return strconv.AppendUint(buf, uint64(c), 10), false, true
}

// digitsBig is digitsInt64 for figures of any size.
func (f Formatter) digitsBig(d decimal.Decimal) ([]byte, bool) {
	n := roundPlaces(d.Shift(f.places()-f.Unit.Exp()), 0, f.Rounding).BigInt()
	neg := n.Sign() < 0
	return n.Abs(n).Append(nil, 10), neg
}

// appendNumber lays out a rounded figure: digits is |n| in units of
// 10^-Places, without leading zeros.
func (f Formatter) appendNumber(dst, digits []byte, neg bool, suffix string) []byte {
	if len(digits) == 1 && digits[0] == '0' {
		if f.Zero != ZeroDigit {
			return f.appendZeroMark(dst)
		}
		neg = false
	}
	if neg {
		dst = f.appendMark(dst)
	}
	places := int(f.places())
	intLen := len(digits) - places
	if !f.FullWidth && intLen > 0 {
		// The common case, half-width digits, without put's check per digit.
		head := (intLen-1)%3 + 1
		dst = append(dst, digits[:head]...)
		for i := head; i < intLen; i += 3 {
			dst = append(dst, ',', digits[i], digits[i+1], digits[i+2])
		}
	}
	if intLen <= 0 {
		dst = f.put(dst, '0')
	}
	for i := 0; f.FullWidth && i < intLen; i++ {
		if i > 0 && (intLen-i)%3 == 0 {
			dst = f.put(dst, ',')
		}
		dst = f.put(dst, digits[i])
	}
	if places > 0 {
		dst = f.put(dst, '.')
		for i := intLen; i < 0; i++ {
			dst = f.put(dst, '0')
		}
		for _, c := range digits[max(intLen, 0):] {
			dst = f.put(dst, c)
		}
	}
	if f.Suffix {
		dst = append(dst, suffix...)
	}
	if neg && f.Negative == Parens {
		dst = f.put(dst, ')')
	}
	return dst
}

// appendZeroMark appends what stands for zero when f.Zero is not ZeroDigit.
func (f Formatter) appendZeroMark(dst []byte) []byte {
	switch f.Zero {
	case ZeroDash:
		return append(dst, "－"...)
	case ZeroHyphen:
		return f.put(dst, '-')
	}
	return dst
}

func (f Formatter) appendMark(dst []byte) []byte {
	switch f.Negative {
	case BlackTriangle:
		dst = append(dst, "▲"...)
	case Minus:
		dst = f.put(dst, '-')
	case Parens:
		return f.put(dst, '(')
	default:
		dst = append(dst, "△"...)
	}
	if f.SignSpace {
		dst = f.put(dst, ' ')
	}
	return dst
}

// put appends the ASCII character c, in its full-width form when f says so.
func (f Formatter) put(dst []byte, c byte) []byte {
	if !f.FullWidth {
		return append(dst, c)
	}
	if c == ' ' {
		return append(dst, "\u3000"...)
	}
	// The full-width forms of ASCII 0x21–0x7E are U+FF01–U+FF5E, in order.
	return utf8.AppendRune(dst, rune(c)-0x21+0xFF01)
}

// A Cell is one figure of a statement: an amount in yen, or no figure at all
// (該当なし), which is not the same as zero. The zero value is a cell with no
// figure.
type Cell struct {
	Amount decimal.Decimal // the figure in yen; meaningless unless Valid
	Valid  bool            // false for 該当なし
}

// CellOf returns a cell holding d yen.
func CellOf(d decimal.Decimal) Cell { return Cell{Amount: d, Valid: true} }

// Equal reports whether c and o are both without a figure, or both hold the
// same amount.
func (c Cell) Equal(o Cell) bool {
	if c.Valid != o.Valid {
		return false
	}
	return !c.Valid || c.Amount.Equal(o.Amount)
}

// String returns the cell as a zero Formatter prints it.
func (c Cell) String() string { return Formatter{}.FormatCell(c) }

// FormatCell returns c shown as f says: its amount, or the Nil mark.
func (f Formatter) FormatCell(c Cell) string {
	var buf [48]byte
	return string(f.AppendCell(buf[:0], c))
}

// AppendCell appends c, shown as f says, to dst and returns the extended
// buffer.
func (f Formatter) AppendCell(dst []byte, c Cell) []byte {
	if c.Valid {
		return f.Append(dst, c.Amount)
	}
	switch f.Nil {
	case NilDash:
		return append(dst, "－"...)
	case NilBlank:
		return dst
	}
	return f.put(dst, '-')
}

// Percent returns part as a percentage of whole, with f.Places digits after
// the decimal point, rounded by f.Rounding and shown with f's marks:
// Formatter{Places: 3}.Percent(5,469,602,950, 6,116,018,149) is 89.431%. The
// Unit is ignored. When whole is zero it returns an error wrapping ErrRange.
func (f Formatter) Percent(part, whole decimal.Decimal) (string, error) {
	p, err := Ratio(part, whole, f.places(), f.Rounding)
	if err != nil {
		return "", err
	}
	g := f
	g.Unit = Yen
	g.Suffix = true
	var buf [48]byte
	suffix := "%"
	if f.FullWidth {
		suffix = "％"
	}
	digits, neg := g.digitsBig(p)
	return string(g.appendNumber(buf[:0], digits, neg, suffix)), nil
}
