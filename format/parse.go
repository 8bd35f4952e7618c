package format

import (
	"errors"
	"fmt"
	"math/big"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/width"

	"github.com/koukaikei/koukaikei/internal/digits"
	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// Errors that a ParseError wraps, for errors.Is. ErrSyntax and ErrRange
// are the module's own: every package's ErrSyntax is the same value, and
// so is every ErrRange, so that errors.Is finds them in an error that
// another package passes on.
var (
	// ErrSyntax means the text is not an amount (or not a unit).
	ErrSyntax = errs.ErrSyntax
	// ErrRange means the text is an amount of more than MaxDigits digits,
	// or a ratio has a whole of zero.
	ErrRange = errs.ErrRange
	// ErrNoFigure means the text is a dash that stands for no figure
	// (該当なし): not an amount, but not a mistake either. ParseCell reads it
	// as a Cell without a figure.
	ErrNoFigure = errors.New("no figure")
	// ErrParens means the text is a figure in parentheses, (4,679,237),
	// where the reader was not told what parentheses mean: published
	// statements print negatives so, and memo lines (（うち歳計現金）) too.
	// A Formatter whose Negative is Parens reads it as negative. It wraps
	// ErrSyntax.
	ErrParens = fmt.Errorf("%w: a figure in parentheses", ErrSyntax)
)

// A ParseError records why a text could not be read as an amount or a unit.
type ParseError struct {
	Input  string // the text, as given
	Offset int    // byte offset in Input where the problem was found
	Reason string // what is wrong, such as "misplaced comma"
	Err    error  // ErrSyntax, ErrRange, ErrNoFigure or ErrParens
}

// Error returns the message: a bounded prefix of the input, the reason and
// the offset.
func (e *ParseError) Error() string {
	return fmt.Sprintf("format: parsing %s: %s at offset %d", quote.Bounded(e.Input), e.Reason, e.Offset)
}

// Unwrap returns ErrSyntax, ErrRange, ErrNoFigure or ErrParens.
func (e *ParseError) Unwrap() error { return e.Err }

// ParseAmount reads an amount in yen as documents print it and returns its
// exact value. It accepts what a Formatter prints and what published
// documents contain:
//
//   - grouped or plain digits, half-width or full-width, mixed freely:
//     1,234  １，２３４  １,234  1234, and a decimal fraction: 89.431;
//   - a negative mark, with or without spaces after it: △ ▲, the hyphen-minus,
//     U+2212 − and the other dashes (‐ ‒ – — ― － ー); or a plus sign, as
//     changes are printed: ＋９３１，０００，０００円;
//   - a unit suffix: 円, 千円 or 百万円 (1,234千円 is 1,234,000);
//   - kanji units in descending order, spaces allowed: 1億3,400万円,
//     １億 3,400 万円, 13億5,480万 (a group after the first must be smaller
//     than the unit above it: 1億10,000万 is an error);
//   - spaces, ideographic spaces and tabs around all of it.
//
// A dash alone (-, －, ―, ‐, ー, …) is no figure (該当なし), not zero:
// ParseAmount reports it as a *ParseError wrapping ErrNoFigure, and
// ParseCell reads it as a Cell without a figure. A figure in parentheses,
// (1,234), is a *ParseError wrapping ErrParens: documents print negatives
// so, and memo lines too, and only the reader knows which; a Formatter
// whose Negative is Parens reads it as negative (Formatter.ParseAmount).
// Any other text returns a *ParseError wrapping ErrSyntax, with the offset
// of the first byte that could not be read. Values of up to MaxDigits digits are read exactly;
// nothing is truncated. A number of more digits is a *ParseError wrapping
// ErrRange.
func ParseAmount(s string) (decimal.Decimal, error) {
	if v, ok := digits.Int(s); ok {
		return decimal.New(v, 0), nil
	}
	return parseAmount(s)
}

// parseAmount is ParseAmount by the general parser alone.
func parseAmount(s string) (decimal.Decimal, error) {
	p := parser{s: s}
	d, err := p.amount()
	if err != nil {
		return decimal.Decimal{}, err
	}
	return d, nil
}

// ParseCell reads a figure as ParseAmount does, and a dash alone as a cell
// with no figure (該当なし). Other errors are *ParseError values.
func ParseCell(s string) (Cell, error) {
	d, err := ParseAmount(s)
	if err != nil {
		if errors.Is(err, ErrNoFigure) {
			return Cell{}, nil
		}
		return Cell{}, err
	}
	return CellOf(d), nil
}

// ParseAmount reads an amount as f prints it: as the package's
// ParseAmount reads it, in f.Unit unless the text names its unit (5千円,
// 1億3,400万円 are taken as they say), and a figure in parentheses as
// negative when f.Negative is Parens (else a *ParseError wrapping
// ErrParens).
func (f Formatter) ParseAmount(s string) (decimal.Decimal, error) {
	if v, ok := digits.Int(s); ok {
		return f.Unit.ToYen(decimal.New(v, 0)), nil
	}
	p := parser{s: s, parens: f.Negative == Parens}
	d, err := p.amount()
	if err != nil {
		return decimal.Decimal{}, err
	}
	if !p.named {
		d = f.Unit.ToYen(d)
	}
	return d, nil
}

// ParseCell reads a figure as f.ParseAmount does, and a dash alone as a
// cell with no figure (該当なし), or as zero when f prints zero as a dash
// (ZeroDash or ZeroHyphen): a statement that does has no other use for
// one. Other errors are *ParseError values.
func (f Formatter) ParseCell(s string) (Cell, error) {
	if s == "-" {
		// The dash of 該当なし, in most published files every other
		// figure: what the parser would make of it, without it.
		if f.Zero == ZeroDash || f.Zero == ZeroHyphen {
			return CellOf(decimal.Zero), nil
		}
		return Cell{}, nil
	}
	d, err := f.ParseAmount(s)
	switch {
	case errors.Is(err, ErrNoFigure) && (f.Zero == ZeroDash || f.Zero == ZeroHyphen):
		return CellOf(decimal.Zero), nil
	case errors.Is(err, ErrNoFigure):
		return Cell{}, nil
	case err != nil:
		return Cell{}, err
	}
	return CellOf(d), nil
}

// Folded runes that no input rune can be: the parser sees both triangles
// as one mark, and the end of input and bad UTF-8 as runes of their own.
const (
	runeEnd      rune = -1
	runeTriangle rune = -2 // △ or ▲
	runeInvalid  rune = -3 // a byte that is not UTF-8
)

// fold maps r to the form the grammar is written in: full-width forms to
// ASCII (by x/text's width tables), every dash and minus to '-', every space
// to ' ', both triangles to runeTriangle.
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		if r == '\t' {
			return ' '
		}
		return r
	}
	switch r {
	case '△', '▲':
		return runeTriangle
	case '\u00a0', '\u3000':
		return ' '
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015',
		'\u2212', '\u30fc', '\uff70', '\ufe63', '\uff0d':
		// Neither width.Fold nor NFKC maps these to '-'. The long vowel
		// mark ー stands in for a dash in documents typed by hand.
		return '-'
	}
	if n := width.LookupRune(r).Narrow(); n != 0 && n < utf8.RuneSelf {
		return n
	}
	return r
}

type parser struct {
	s      string
	pos    int  // byte offset of the next rune
	parens bool // parentheses mean a negative figure
	named  bool // a unit was read: a suffix or a kanji unit
}

// peek returns the folded rune at p.pos and its width in bytes.
func (p *parser) peek() (rune, int) {
	if p.pos >= len(p.s) {
		return runeEnd, 0
	}
	if c := p.s[p.pos]; c < utf8.RuneSelf {
		return fold(rune(c)), 1
	}
	r, n := utf8.DecodeRuneInString(p.s[p.pos:])
	if r == utf8.RuneError && n == 1 {
		return runeInvalid, 1
	}
	return fold(r), n
}

func (p *parser) skipSpace() {
	for {
		r, n := p.peek()
		if r != ' ' {
			return
		}
		p.pos += n
	}
}

// accept consumes r if it comes next.
func (p *parser) accept(r rune) bool {
	if c, n := p.peek(); c == r {
		p.pos += n
		return true
	}
	return false
}

// acceptString consumes the unfolded text t if it comes next.
func (p *parser) acceptString(t string) bool {
	if len(p.s)-p.pos >= len(t) && p.s[p.pos:p.pos+len(t)] == t {
		p.pos += len(t)
		return true
	}
	return false
}

func (p *parser) fail(off int, reason string) error {
	return &ParseError{Input: p.s, Offset: off, Reason: reason, Err: ErrSyntax}
}

// failHere reports the rune at p.pos as unexpected.
func (p *parser) failHere(what string) error {
	r, n := p.peek()
	switch r {
	case runeEnd:
		return p.fail(p.pos, what+" missing at end")
	case runeInvalid:
		return p.fail(p.pos, "invalid UTF-8")
	}
	return p.fail(p.pos, fmt.Sprintf("unexpected %q, %s expected", p.s[p.pos:p.pos+n], what))
}

// bigUnits are the kanji units of prose, with their powers of ten.
var bigUnits = [...]struct {
	kanji string
	exp   int32
}{{"京", 16}, {"兆", 12}, {"億", 8}, {"万", 4}}

func (p *parser) amount() (decimal.Decimal, error) {
	if p.s == "" {
		return decimal.Decimal{}, p.fail(0, "empty input")
	}
	p.skipSpace()
	start := p.pos
	if p.accept('-') {
		p.skipSpace()
		if r, _ := p.peek(); r == runeEnd {
			return decimal.Decimal{}, &ParseError{Input: p.s, Offset: start, Reason: "a dash stands for no figure", Err: ErrNoFigure}
		}
		p.pos = start
	}
	neg, paren := false, false
	if p.accept('(') {
		paren = true
		p.skipSpace()
	}
	if r, n := p.peek(); r == '-' || r == runeTriangle || r == '+' {
		if paren {
			return decimal.Decimal{}, p.fail(p.pos, "sign inside parentheses")
		}
		neg = r != '+'
		p.pos += n
		p.skipSpace()
		if r, _ := p.peek(); r == '-' || r == runeTriangle || r == '+' {
			return decimal.Decimal{}, p.fail(p.pos, "second sign")
		}
	}
	d, err := p.figure(neg || paren)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if paren {
		p.skipSpace()
		if !p.accept(')') {
			return decimal.Decimal{}, p.failHere("closing parenthesis")
		}
		if !p.parens {
			return decimal.Decimal{}, &ParseError{Input: p.s, Offset: start,
				Reason: "parentheses, which mean a negative figure or a memo line; a Formatter says which", Err: ErrParens}
		}
	}
	p.skipSpace()
	if p.pos < len(p.s) {
		if r, _ := p.peek(); r == runeInvalid {
			return decimal.Decimal{}, p.fail(p.pos, "invalid UTF-8")
		}
		return decimal.Decimal{}, p.fail(p.pos, "trailing text")
	}
	return d, nil
}

// figure reads an amount without its sign: numbers with kanji units, then an
// optional unit suffix. The value is negated when neg is set; it is built
// with its sign so that the common case allocates only the result.
func (p *parser) figure(neg bool) (decimal.Decimal, error) {
	var (
		total   decimal.Decimal
		above   int32 = -1 // exponent of the last kanji unit read; -1 for none
		fracOff       = -1 // offset of a fraction, which must be the last number
	)
	for {
		numOff := p.pos
		n, err := p.number()
		if err != nil {
			return decimal.Decimal{}, err
		}
		if fracOff >= 0 {
			return decimal.Decimal{}, p.fail(fracOff, "fraction before a further number")
		}
		if n.frac > 0 {
			fracOff = numOff
		}
		p.skipSpace()
		unitOff := p.pos
		exp, isUnit := p.bigUnit()
		p.named = p.named || isUnit
		if !isUnit {
			// The last number: its unit comes from the suffix.
			if above >= 0 && n.digits > int(above) {
				return decimal.Decimal{}, p.fail(numOff, "number too large for its place")
			}
			shift, err := p.suffix(above >= 0)
			if err != nil {
				return decimal.Decimal{}, err
			}
			if above < 0 {
				return n.value(neg).Shift(shift), nil
			}
			return total.Add(n.value(neg)), nil
		}
		if above >= 0 {
			if exp >= above {
				return decimal.Decimal{}, p.fail(unitOff, "kanji units out of order")
			}
			if n.digits > int(above-exp) {
				return decimal.Decimal{}, p.fail(numOff, "number too large for its place")
			}
		}
		above = exp
		total = total.Add(n.value(neg).Shift(exp))
		p.skipSpace()
		if r, _ := p.peek(); r < '0' || r > '9' {
			_, err := p.suffix(true)
			return total, err
		}
	}
}

// bigUnit consumes a kanji unit and returns its power of ten.
func (p *parser) bigUnit() (int32, bool) {
	for _, u := range bigUnits {
		if p.acceptString(u.kanji) {
			return u.exp, true
		}
	}
	return 0, false
}

// suffix reads an optional 円, 千円 or 百万円 and returns its power of ten.
// After kanji units only 円 may follow.
func (p *parser) suffix(afterUnits bool) (int32, error) {
	off := p.pos
	var exp int32
	switch {
	case p.acceptString("千"):
		exp = 3
	case p.acceptString("百万"):
		exp = 6
	}
	if exp != 0 && afterUnits {
		return 0, p.fail(off, "unit suffix after kanji units")
	}
	p.skipSpace()
	if !p.acceptString("円") {
		if exp != 0 {
			return 0, p.failHere("円")
		}
		return 0, nil
	}
	p.named = true
	return exp, nil
}

// MaxDigits is the most digits that a number in an amount may have, in its
// integer part and fraction together, leading zeros included. An amount of
// 10^100 yen exceeds any sum of money by far; the bound keeps the time to
// read an amount linear in its length, where converting a longer run of
// digits would take time quadratic in it.
const MaxDigits = 100

// A number is a run of digits read by parser.number, kept as text so that
// numbers of any length are exact.
type number struct {
	buf    [20]byte // the digits without separators, when they fit
	long   []byte   // all the digits, once they do not fit buf
	n      int      // digits in buf
	digits int      // digits before the decimal point, after leading zeros
	frac   int32    // digits after the decimal point
	count  int      // digits added
}

func (n *number) add(c byte) {
	n.count++
	if n.long == nil && n.n < len(n.buf) {
		n.buf[n.n] = c
		n.n++
		return
	}
	if n.long == nil {
		n.long = append([]byte(nil), n.buf[:n.n]...)
	}
	n.long = append(n.long, c)
}

// value returns the number, negated if neg is set.
func (n *number) value(neg bool) decimal.Decimal {
	if n.long == nil && n.n <= 18 {
		var v int64
		for _, c := range n.buf[:n.n] {
			v = v*10 + int64(c-'0')
		}
		if neg {
			v = -v
		}
		return decimal.New(v, -n.frac)
	}
	digits := n.long
	if digits == nil {
		digits = n.buf[:n.n]
	}
	v, _ := new(big.Int).SetString(string(digits), 10) // cannot fail: ASCII digits
	if neg {
		v.Neg(v)
	}
	return decimal.NewFromBigInt(v, -n.frac)
}

// addDigit adds the digit c at p.pos to n, unless n has MaxDigits digits.
func (p *parser) addDigit(n *number, c byte) error {
	if n.count == MaxDigits {
		return &ParseError{Input: p.s, Offset: p.pos, Reason: fmt.Sprintf("more than %d digits", MaxDigits), Err: ErrRange}
	}
	n.add(c)
	return nil
}

// number reads digits, grouped by commas or not, with an optional fraction.
func (p *parser) number() (number, error) {
	var n number
	start := p.pos
	group := 0  // digits in the current group
	comma := -1 // offset of the last comma, or -1
	for {
		r, size := p.peek()
		if r >= '0' && r <= '9' {
			if err := p.addDigit(&n, byte(r)); err != nil {
				return n, err
			}
			if n.digits > 0 || r != '0' {
				n.digits++
			}
			group++
		} else if r == ',' {
			switch {
			case comma >= 0 && group != 3:
				return n, p.fail(comma, "misplaced comma")
			case group == 0 || group > 3:
				return n, p.fail(p.pos, "misplaced comma")
			}
			comma = p.pos
			group = 0
		} else {
			break
		}
		p.pos += size
	}
	if p.pos == start {
		return n, p.failHere("digit")
	}
	if comma >= 0 && group != 3 {
		return n, p.fail(comma, "misplaced comma")
	}
	if r, size := p.peek(); r == '.' {
		p.pos += size
		for {
			r, size := p.peek()
			if r < '0' || r > '9' {
				break
			}
			if err := p.addDigit(&n, byte(r)); err != nil {
				return n, err
			}
			n.frac++
			p.pos += size
		}
		if n.frac == 0 {
			return n, p.failHere("digit after the decimal point")
		}
	}
	return n, nil
}
