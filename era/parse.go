package era

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// The errors that a *ParseError wraps, for errors.Is. ErrSyntax and
// ErrRange are the module's own: every package's ErrSyntax is the same
// value, and so is every ErrRange, so that errors.Is finds them in an
// error that another package passes on.
var (
	// ErrSyntax reports text that is not a date, fiscal year or period in
	// any form the package reads: an unknown era, trailing text, invalid UTF-8.
	ErrSyntax = errs.ErrSyntax

	// ErrRange reports a number too large for its field, a day that does not
	// exist (2月30日), year 0, a day before 1873-01-01 or after 9999-12-31, or a
	// period that ends before it starts.
	ErrRange = errs.ErrRange

	// ErrOutsideEra reports a day, month, year or fiscal year that strict
	// parsing rejects because its era was not in force then (平成31年5月1日,
	// 令和元年4月30日) but that lenient parsing accepts.
	ErrOutsideEra = errors.New("outside its era")
)

// A ParseError reports text that the Parse functions cannot read, and where.
// It wraps one of ErrSyntax, ErrRange and ErrOutsideEra.
type ParseError struct {
	Input  string // the text given to parse, in full
	Offset int    // the byte offset in Input of the element in error
	Reason string // what is wrong, in English
	Err    error  // ErrSyntax, ErrRange or ErrOutsideEra
}

// Error returns the message, in the form of strconv's and time's, quoting
// at most 64 bytes of the input:
// era: parsing "令和2年2月30日": day 30 out of range for February 2020.
func (e *ParseError) Error() string {
	return "era: parsing " + quote.Bounded(e.Input) + ": " + e.Reason
}

// Unwrap returns e.Err, so that errors.Is(err, ErrRange) works.
func (e *ParseError) Unwrap() error { return e.Err }

// A Leniency is the set of things that a lenient parse accepted and a strict
// one rejects. The zero Leniency means the text was strictly valid.
type Leniency uint8

const (
	// Proleptic marks a year counted on past its era's end: 平成32年4月1日,
	// 平成31年5月1日, 昭和64年1月8日, 平成32年度. Documents printed before an era
	// change name days after it so, and the government's 2019 guidance kept
	// such dates valid.
	Proleptic Leniency = 1 << iota

	// AccessionDay marks the first day of an era named under its predecessor,
	// on the days when the era changed on the day its predecessor ended:
	// 明治45年7月30日 (大正元年7月30日) and 大正15年12月25日 (昭和元年12月25日).
	AccessionDay

	// BeforeStart marks a day of an era's first year before the era began:
	// 令和元年4月1日 (平成31年4月1日), or a month all of whose days were:
	// 令和元年4月.
	BeforeStart
)

// String returns the names of the things in l, separated by |, or "strict"
// for the zero Leniency.
func (l Leniency) String() string {
	if l == 0 {
		return "strict"
	}
	var b []byte
	for _, n := range [...]struct {
		l    Leniency
		name string
	}{{Proleptic, "proleptic"}, {AccessionDay, "accession day"}, {BeforeStart, "before start"}} {
		if l&n.l != 0 {
			if b != nil {
				b = append(b, '|')
			}
			b = append(b, n.name...)
			l &^= n.l
		}
	}
	if l != 0 {
		if b != nil {
			b = append(b, '|')
		}
		b = append(b, "0x"...)
		b = strconv.AppendUint(b, uint64(l), 16)
	}
	return string(b)
}

// Parse reads a date strictly: the day must be in its era. The error is a
// *[ParseError].
//
// The Parse functions read whatever a Style writes, and what documents
// print besides:
//   - the era as a name (令和), an abbreviation (令, R or r) or a square
//     character (㋿ ㍻ ㍼ ㍽ ㍾), or no era for a Gregorian year: 2020年3月31日;
//   - the year as 元 or a number; numbers in ASCII, full-width digits or kanji
//     numerals (三十一, 二〇二〇), with leading zeros if any (令和01年05月01日);
//   - spaces, ideographic spaces and line breaks between any two of the parts,
//     even inside an era's name, as text taken from PDF has them:
//     令和 2 年 3 月 31 日, 平成 26 年４月１日;
//   - JIS X 0301 (R02.03.31, 令02.03.31, 令和2.3.31) and ISO 8601 (2020-03-31).
//
// They never normalize: 2月30日 is an error, not 3月1日.
func Parse(s string) (Date, error) {
	d, _, err := parser{}.date(s)
	if err != nil {
		return Date{}, err
	}
	return d, nil
}

// ParseLenient reads a date as Parse does, and also the days that
// documents print outside their era: years past the era's end
// (平成32年4月1日 is 2020-04-01), the accession day under the old name
// (明治45年7月30日) and days of an era's first year before it began
// (令和元年4月1日 is 2019-04-01). The result names its day in the era in force
// on it, so 平成32年4月1日 reads as 令和2年4月1日, and the Leniency says which
// of these things the text needed.
//
// Lenient parsing still rejects year 0, days that do not exist and days
// before 1873-01-01, for which the package has no calendar.
func ParseLenient(s string) (Date, Leniency, error) {
	d, l, err := parser{lenient: true}.date(s)
	if err != nil {
		return Date{}, 0, err
	}
	return d, l, nil
}

// A parser reads dates, fiscal years and periods, strictly or leniently.
type parser struct {
	lenient bool
}

func (p parser) date(s string) (Date, Leniency, *ParseError) {
	sc := scanner{s: s}
	f, err := sc.fields(false)
	if err == nil {
		err = sc.end()
	}
	if err == nil && f.form != formDate {
		err = sc.errorf(f.end, ErrSyntax, "%s", f.form.missing())
	}
	if err != nil {
		return Date{}, 0, err
	}
	sp, l, err := p.resolve(&sc, &f)
	if err != nil {
		return Date{}, 0, err
	}
	return dateAt(sp.a), l, nil
}

// ParseFiscalYear reads a fiscal year strictly: 令和元年度, 平成31年度,
// 令和２年度, 平成三十一年度, 2019年度. Its era must be in force on at least one
// day of the fiscal year: 昭和元年度 is FY1926, but 昭和64年度 is an error, as
// no day of FY1989 was 昭和. The error is a *[ParseError].
func ParseFiscalYear(s string) (FiscalYear, error) {
	fy, _, err := parser{}.fiscalYear(s)
	if err != nil {
		return 0, err
	}
	return fy, nil
}

// ParseFiscalYearLenient reads a fiscal year as ParseFiscalYear does, and
// also fiscal years none of whose days are in the era, as ParseLenient
// reads dates: 平成32年度 is FiscalYear(2020), Proleptic.
func ParseFiscalYearLenient(s string) (FiscalYear, Leniency, error) {
	fy, l, err := parser{lenient: true}.fiscalYear(s)
	if err != nil {
		return 0, 0, err
	}
	return fy, l, nil
}

func (p parser) fiscalYear(s string) (FiscalYear, Leniency, *ParseError) {
	sc := scanner{s: s}
	f, err := sc.fields(false)
	if err == nil {
		err = sc.end()
	}
	if err == nil && f.form != formFiscal {
		err = sc.errorf(f.end, ErrSyntax, "not a fiscal year: missing 度")
	}
	if err != nil {
		return 0, 0, err
	}
	sp, l, err := p.resolve(&sc, &f)
	if err != nil {
		return 0, 0, err
	}
	y, _, _ := splitKey(sp.a)
	return FiscalYear(y), l, nil
}

// ParsePeriod reads a period strictly, in any of the forms
//
//	平成31年4月1日から令和2年3月31日まで (まで may be left out)
//	自 平成31年4月1日 至 令和2年3月31日
//	平成31年4月1日～令和2年3月31日 (U+FF5E, or 〜 U+301C, or ~)
//
// with the dates in any form Parse reads, and まで after ～ too. Either end may
// be a month, a year or a fiscal year, which stands for its first day at the
// start and its last day at the end: 平成29年7月から令和2年3月まで is 2017-07-01
// to 2020-03-31. The end may leave out the era and year, or the era, year and
// month, that it shares with the start: 令和2年1月～3月, 令和2年5月12日～14日.
// A single day, month, year or fiscal year, with no second part, is the period
// of its days.
//
// A month or a year is the whole calendar month or year, as in 令和元年分 (all of
// 2019), and strict parsing accepts it, as it does a fiscal year, if its era
// was in force on at least one of its days: 令和元年 and 平成31年 are both
// 2019-01-01 to 2019-12-31, and 令和元年4月 is an error.
//
// An end before the start is an error. The error is a *[ParseError].
func ParsePeriod(s string) (Period, error) {
	pd, _, err := parser{}.period(s)
	if err != nil {
		return Period{}, err
	}
	return pd, nil
}

// ParsePeriodLenient reads a period as ParsePeriod does, with ends that
// ParseLenient reads, and reports what either end needed that strict
// parsing rejects.
func ParsePeriodLenient(s string) (Period, Leniency, error) {
	pd, l, err := parser{lenient: true}.period(s)
	if err != nil {
		return Period{}, 0, err
	}
	return pd, l, nil
}

func (p parser) period(s string) (Period, Leniency, *ParseError) {
	sc := scanner{s: s}
	sc.skipSpace()
	ji := sc.accept('自')
	start, err := sc.fields(false)
	if err != nil {
		return Period{}, 0, err
	}
	sc.skipSpace()
	switch {
	case ji:
		if !sc.accept('至') {
			return Period{}, 0, sc.unexpected("至")
		}
	case sc.acceptString("から"):
	case sc.accept('~'): // ～ and 〜 fold to ~
	case sc.i == len(sc.s):
		sp, l, err := p.resolve(&sc, &start)
		if err != nil {
			return Period{}, 0, err
		}
		return Period{Start: dateAt(sp.a), End: dateAt(sp.b)}, l, nil
	default:
		return Period{}, 0, sc.unexpected("から, 至 or ～")
	}
	sc.skipSpace()
	if sc.i == len(sc.s) {
		return Period{}, 0, sc.errorf(sc.i, ErrSyntax, "missing the end of the period")
	}
	end, err := sc.fields(true)
	if err != nil {
		return Period{}, 0, err
	}
	if !ji {
		sc.skipSpace()
		sc.acceptString("まで")
	}
	if err := sc.end(); err != nil {
		return Period{}, 0, err
	}
	switch end.form {
	case formMonthDay, formMonthOnly:
		if start.form == formFiscal {
			return Period{}, 0, sc.errorf(end.off, ErrSyntax, "end leaves out its year, but the start is a fiscal year")
		}
		end.era, end.year, end.yearOff = start.era, start.year, start.yearOff
		end.form = formDate
		if end.day == 0 {
			end.form = formMonth
		}
	case formDay:
		if start.form != formDate && start.form != formMonth {
			return Period{}, 0, sc.errorf(end.off, ErrSyntax, "end leaves out its month, but the start names none")
		}
		end.era, end.year, end.yearOff = start.era, start.year, start.yearOff
		end.month, end.monthOff = start.month, start.monthOff
		end.form = formDate
	}
	a, l1, err := p.resolve(&sc, &start)
	if err != nil {
		return Period{}, 0, err
	}
	b, l2, err := p.resolve(&sc, &end)
	if err != nil {
		return Period{}, 0, err
	}
	if b.b < a.a {
		return Period{}, 0, sc.errorf(end.off, ErrRange, "end %s before start %s", keyString(b.b), keyString(a.a))
	}
	return Period{Start: dateAt(a.a), End: dateAt(b.b)}, l1 | l2, nil
}

// A form is what a run of fields names.
type form uint8

const (
	formDate   form = iota + 1 // 令和2年3月31日
	formMonth                  // 令和2年3月
	formYear                   // 令和2年
	formFiscal                 // 令和2年度

	// The end of a period may leave out what it shares with the start.
	formMonthDay  // 3月31日
	formMonthOnly // 3月
	formDay       // 31日
)

// missing says what a form lacks to be a day.
func (f form) missing() string {
	switch f {
	case formMonth:
		return "missing day"
	case formYear:
		return "missing month and day"
	case formFiscal:
		return "a fiscal year, not a day"
	}
	return "missing era and year"
}

// fields are the parts of one date, month, year or fiscal year.
type fields struct {
	form             form
	era              Era // 0 for a Gregorian year
	year, month, day int

	// Byte offsets, for errors: of the whole, of each part, and of the end.
	off, yearOff, monthOff, dayOff, end int
}

// A span is the days from a to b, as day keys.
type span struct{ a, b int }

// resolve checks f against the calendar and the eras, and returns its days.
func (p parser) resolve(sc *scanner, f *fields) (span, Leniency, *ParseError) {
	if f.year < 1 {
		return span{}, 0, sc.errorf(f.yearOff, ErrRange, "year 0 out of range")
	}
	y := f.year
	if f.era != 0 {
		y += eras[f.era].year - 1
	}
	if y > maxYear {
		return span{}, 0, sc.errorf(f.yearOff, ErrRange, "year %d out of range: after 9999", y)
	}
	if f.form == formFiscal && y+1 > maxYear {
		return span{}, 0, sc.errorf(f.yearOff, ErrRange, "fiscal year %d out of range: it ends after 9999-12-31", y)
	}
	if f.form == formDate || f.form == formMonth {
		if f.month < 1 || f.month > 12 {
			return span{}, 0, sc.errorf(f.monthOff, ErrRange, "month %d out of range", f.month)
		}
	}
	m := time.Month(f.month)
	var sp span
	switch f.form {
	case formDate:
		if f.day < 1 || f.day > daysIn(y, m) {
			return span{}, 0, sc.errorf(f.dayOff, ErrRange, "day %d out of range for %v %d", f.day, m, y)
		}
		sp = span{dayKey(y, m, f.day), dayKey(y, m, f.day)}
	case formMonth:
		sp = span{dayKey(y, m, 1), dayKey(y, m, daysIn(y, m))}
	case formYear:
		sp = span{dayKey(y, time.January, 1), dayKey(y, time.December, 31)}
	case formFiscal:
		sp = span{dayKey(y, time.April, 1), dayKey(y+1, time.March, 31)}
	}
	if sp.a < minKey {
		return span{}, 0, sc.errorf(f.off, ErrRange, "%s is before 1873-01-01 (明治6年1月1日), when Japan adopted the Gregorian calendar", keyString(sp.a))
	}
	if f.era == 0 {
		return sp, 0, nil
	}
	first, next := eras[f.era].first(), maxKey+1
	if f.era < lastEra {
		next = eras[f.era+1].first()
	}
	var l Leniency
	switch {
	case sp.b < first:
		l = BeforeStart
	case sp.a >= next:
		l = Proleptic
		if f.form == formDate && sp.a == next && eras[f.era+1].sameDay {
			l = AccessionDay
		}
	default:
		return sp, 0, nil
	}
	if !p.lenient {
		return span{}, 0, sc.outsideEra(f, l, first, next)
	}
	return sp, l, nil
}

// outsideEra returns the error of strict parsing for f, whose days lenient
// parsing would accept as l.
func (sc *scanner) outsideEra(f *fields, l Leniency, first, next int) *ParseError {
	var msg string
	if l == BeforeStart {
		msg = fmt.Sprintf("%v began on %s", f.era, keyString(first))
	} else {
		msg = fmt.Sprintf("%v ended on %s", f.era, keyString(prevKey(next)))
	}
	var what string
	switch f.form {
	case formMonth:
		what = "month"
	case formYear:
		what = "year"
	case formFiscal:
		what = "fiscal year"
	}
	switch {
	case l == AccessionDay:
		msg += fmt.Sprintf("; %s was the first day of %v", keyString(next), f.era+1)
	case what != "" && l == BeforeStart:
		msg += ", after the last day of the " + what
	case what != "":
		msg += ", before the first day of the " + what
	}
	return sc.errorf(f.off, ErrOutsideEra, "%s", msg)
}

// keyString writes a day key as ISO 8601, for messages.
func keyString(k int) string {
	y, m, d := splitKey(k)
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), d)
}

// prevKey returns the key of the day before that of k.
func prevKey(k int) int {
	y, m, d := splitKey(k)
	t := time.Date(y, m, d-1, 0, 0, 0, 0, time.UTC)
	y, m, d = t.Date()
	return dayKey(y, m, d)
}

// The scanner reads text one rune at a time, folding each rune as it goes
// (full-width digits and letters to ASCII, ideographic spaces to spaces), so
// that it never builds a folded copy of its input.
type scanner struct {
	s string
	i int
}

// Runes that peek returns besides real ones.
const (
	eof     = -1
	badRune = -2 // invalid UTF-8
)

// peek returns the folded rune at the scanner's position and its size in bytes.
func (sc *scanner) peek() (rune, int) {
	if sc.i >= len(sc.s) {
		return eof, 0
	}
	c := sc.s[sc.i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	// Kanji, kana and the full-width forms take three bytes in UTF-8: decode
	// them inline, as the hot path of every Japanese date.
	if c&0xF0 == 0xE0 && sc.i+2 < len(sc.s) {
		c1, c2 := sc.s[sc.i+1], sc.s[sc.i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return fold(r), 3
			}
		}
	}
	r, n := utf8.DecodeRuneInString(sc.s[sc.i:])
	if r == utf8.RuneError && n == 1 {
		return badRune, 1
	}
	return fold(r), n
}

// fold maps the wide forms that documents mix with ASCII to ASCII. NFKC would
// do it too, but would also turn the square era characters into two runes.
func fold(r rune) rune {
	switch {
	case r < '\u3000':
		return r
	case '０' <= r && r <= '９':
		return r - '０' + '0'
	case r == '\u3000':
		return ' '
	case r == '〜':
		// WAVE DASH, which width leaves alone, stands for ～ in documents
		// from systems that map FULLWIDTH TILDE to it.
		return '~'
	case 0xFF01 <= r && r <= 0xFF60:
		return narrow(r)
	}
	return r
}

// narrow returns the ASCII form of a full-width rune.
func narrow(r rune) rune {
	if n := width.LookupRune(r).Narrow(); n != 0 {
		return n
	}
	return r
}

// isSpace is unicode.IsSpace, spelled out for speed; fold has turned U+3000
// into a space already.
func isSpace(r rune) bool {
	switch {
	case r == ' ' || '\t' <= r && r <= '\r':
		return true
	case r < 0x85:
		return false
	}
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// skipSpace moves past spaces and returns the rune after them, as peek does.
func (sc *scanner) skipSpace() (rune, int) {
	for {
		r, n := sc.peek()
		if !isSpace(r) {
			return r, n
		}
		sc.i += n
	}
}

// accept consumes r if it is next.
func (sc *scanner) accept(r rune) bool {
	if q, n := sc.peek(); q == r {
		sc.i += n
		return true
	}
	return false
}

// acceptString consumes s if it is next, unfolded.
func (sc *scanner) acceptString(s string) bool {
	if strings.HasPrefix(sc.s[sc.i:], s) {
		sc.i += len(s)
		return true
	}
	return false
}

// end checks that nothing but spaces is left.
func (sc *scanner) end() *ParseError {
	sc.skipSpace()
	if sc.i == len(sc.s) {
		return nil
	}
	if r, _ := sc.peek(); r == badRune {
		return sc.errorf(sc.i, ErrSyntax, "invalid UTF-8")
	}
	return sc.errorf(sc.i, ErrSyntax, "trailing text %s", quote.Bounded(sc.s[sc.i:]))
}

func (sc *scanner) errorf(off int, err error, format string, args ...any) *ParseError {
	return &ParseError{Input: sc.s, Offset: off, Reason: fmt.Sprintf(format, args...), Err: err}
}

// unexpected reports that the next rune is not what the grammar wants.
func (sc *scanner) unexpected(want string) *ParseError {
	r, n := sc.peek()
	switch r {
	case eof:
		return sc.errorf(sc.i, ErrSyntax, "missing %s", want)
	case badRune:
		return sc.errorf(sc.i, ErrSyntax, "invalid UTF-8")
	}
	return sc.errorf(sc.i, ErrSyntax, "unexpected %q; want %s", sc.s[sc.i:sc.i+n], want)
}

// badStart reports text that begins neither with an era nor with a number.
func (sc *scanner) badStart() *ParseError {
	r, _ := sc.peek()
	switch {
	case r == eof && strings.TrimSpace(sc.s) == "":
		return sc.errorf(sc.i, ErrSyntax, "empty input")
	case r == eof || r == badRune:
		return sc.unexpected("a date")
	case strings.ContainsRune("年月日度", r):
		return sc.errorf(sc.i, ErrSyntax, "missing year")
	case unicode.IsLetter(r):
		// Name the whole word, so that 天平勝宝 is an unknown era, not 天.
		end := sc.i
		for t := (scanner{s: sc.s, i: sc.i}); ; {
			r, n := t.peek()
			if !unicode.IsLetter(r) || startsNumber(r) || strings.ContainsRune("年月日度", r) {
				break
			}
			t.i += n
			end = t.i
		}
		return sc.errorf(sc.i, ErrSyntax, "unknown era %s", quote.Bounded(sc.s[sc.i:end]))
	}
	return sc.unexpected("an era or a year")
}

// eraOf returns the era that r names at the start of a date, and whether r is
// the first kanji of its name, which the second may follow.
func eraOf(r rune) (Era, bool) {
	if 'a' <= r && r <= 'z' {
		r -= 'a' - 'A'
	}
	for e := Era(1); e <= lastEra; e++ {
		x := &eras[e]
		switch {
		case r == x.kanji[0]:
			return e, true
		case r == rune(x.letter[0]) || x.square != 0 && r == x.square:
			return e, false
		}
	}
	return 0, false
}

// fields reads one date, month, year or fiscal year. With short, it also reads
// the forms that leave out the era and year (3月31日, 3月) or the era, year and
// month (31日).
func (sc *scanner) fields(short bool) (fields, *ParseError) {
	var f fields
	r, n := sc.skipSpace()
	f.off = sc.i
	if e, kanji := eraOf(r); e != 0 {
		f.era = e
		sc.i += n
		if kanji {
			// Text taken from PDF breaks lines anywhere, even inside a name: 令\n和.
			save := sc.i
			sc.skipSpace()
			if !sc.accept(eras[e].kanji[1]) {
				sc.i = save
			}
		}
		sc.skipSpace()
	} else if !startsNumber(r) {
		return f, sc.badStart()
	}
	y := sc.number()
	f.yearOff = y.off
	switch {
	case y.kind == noNumber:
		return f, sc.unexpected("a year")
	case y.kind == gannen && f.era == 0:
		return f, sc.errorf(y.off, ErrSyntax, "元年 without an era")
	}
	if err := sc.check(y, "year"); err != nil {
		return f, err
	}
	f.year = y.v
	if f.era == 0 && y.kind == arabic && y.digits == 4 {
		if r, _ := sc.peek(); r == '-' {
			return f, sc.iso(&f)
		}
	}
	r, n = sc.skipSpace()
	switch {
	case r == '年':
		sc.i += n
		if sc.accept('度') {
			f.form = formFiscal
			f.end = sc.i
			return f, nil
		}
		return f, sc.monthDay(&f)
	case r == '.' && f.era != 0 && y.kind == arabic:
		sc.i += n
		return f, sc.jis(&f)
	case short && f.era == 0 && (r == '月' || r == '日'):
		sc.i += n
		if r == '日' {
			f.day, f.dayOff, f.year = f.year, f.yearOff, 0
			f.form = formDay
			f.end = sc.i
			return f, nil
		}
		f.month, f.monthOff, f.year = f.year, f.yearOff, 0
		f.form = formMonthOnly
		ok, err := sc.day(&f)
		if ok {
			f.form = formMonthDay
		}
		f.end = sc.i
		return f, err
	}
	return f, sc.unexpected("年")
}

// monthDay reads what may follow 年: a month, and a day after it.
func (sc *scanner) monthDay(f *fields) *ParseError {
	f.form = formYear
	save := sc.i
	if r, _ := sc.skipSpace(); !startsNumber(r) {
		sc.i = save
		f.end = sc.i
		return nil
	}
	m := sc.number()
	if err := sc.check(m, "month"); err != nil {
		return err
	}
	f.month, f.monthOff = m.v, m.off
	sc.skipSpace()
	if !sc.accept('月') {
		return sc.unexpected("月")
	}
	f.form = formMonth
	ok, err := sc.day(f)
	if ok {
		f.form = formDate
	}
	f.end = sc.i
	return err
}

// day reads the day that may follow 月, and reports whether there was one.
func (sc *scanner) day(f *fields) (bool, *ParseError) {
	save := sc.i
	if r, _ := sc.skipSpace(); !startsNumber(r) {
		sc.i = save
		return false, nil
	}
	d := sc.number()
	if err := sc.check(d, "day"); err != nil {
		return false, err
	}
	f.day, f.dayOff = d.v, d.off
	sc.skipSpace()
	if !sc.accept('日') {
		return false, sc.unexpected("日")
	}
	return true, nil
}

// jis reads the month and day of JIS X 0301 after the year's dot: 02.03.31.
func (sc *scanner) jis(f *fields) *ParseError {
	m := sc.number()
	if m.kind != arabic || m.digits > 2 {
		sc.i = m.off
		return sc.unexpected("a month of one or two digits")
	}
	if !sc.accept('.') {
		return sc.unexpected(`"."`)
	}
	d := sc.number()
	if d.kind != arabic || d.digits > 2 {
		sc.i = d.off
		return sc.unexpected("a day of one or two digits")
	}
	f.month, f.monthOff, f.day, f.dayOff = m.v, m.off, d.v, d.off
	f.form = formDate
	f.end = sc.i
	return nil
}

// iso reads the rest of an ISO 8601 date after its four-digit year: -03-31.
func (sc *scanner) iso(f *fields) *ParseError {
	var v [2]number
	for i := range v {
		if !sc.accept('-') {
			return sc.unexpected(`"-"`)
		}
		v[i] = sc.number()
		if v[i].kind != arabic || v[i].digits != 2 {
			sc.i = v[i].off
			return sc.unexpected("two digits")
		}
	}
	f.month, f.monthOff, f.day, f.dayOff = v[0].v, v[0].off, v[1].v, v[1].off
	f.form = formDate
	f.end = sc.i
	return nil
}

// A number is a number as written, in one of three kinds.
type number struct {
	v      int
	kind   numKind
	off    int  // where it begins
	digits int  // how many runes it has
	tooBig bool // more digits than any field takes
	bad    bool // kanji numerals in no order that names a number
}

type numKind uint8

const (
	noNumber numKind = iota
	arabic           // ASCII or full-width digits
	kanji            // 三十一, 二〇二〇
	gannen           // 元, as in 元年
)

func startsNumber(r rune) bool {
	return '0' <= r && r <= '9' || r == '元' || kanjiValue(r) >= 0
}

// kanjiValue returns the value of a kanji numeral, or -1.
func kanjiValue(r rune) int {
	switch r {
	case '〇', '○', '零':
		// ○ (WHITE CIRCLE) is not a numeral, but documents type it for 〇.
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return -1
}

// number reads a number at the scanner's position, if there is one.
func (sc *scanner) number() number {
	n := number{off: sc.i}
	r, size := sc.peek()
	switch {
	case '0' <= r && r <= '9':
		n.kind = arabic
		for '0' <= r && r <= '9' {
			if n.v < 1e6 {
				n.v = n.v*10 + int(r-'0')
			} else {
				n.tooBig = true
			}
			n.digits++
			sc.i += size
			r, size = sc.peek()
		}
	case r == '元':
		n.kind, n.v, n.digits = gannen, 1, 1
		sc.i += size
	case kanjiValue(r) >= 0:
		n.kind = kanji
		var vs [8]int
		for v := kanjiValue(r); v >= 0; v = kanjiValue(r) {
			if n.digits < len(vs) {
				vs[n.digits] = v
			}
			n.digits++
			sc.i += size
			r, size = sc.peek()
		}
		if n.digits > len(vs) {
			n.tooBig = true
		} else {
			var ok bool
			n.v, ok = kanjiNumber(vs[:n.digits])
			n.bad = !ok
		}
	}
	return n
}

// kanjiNumber returns the number that kanji numerals write, either digit by
// digit (二〇二〇) or with units (二千二十, 三十一, 十).
func kanjiNumber(vs []int) (int, bool) {
	n, i := 0, 0
	units := false
	for _, v := range vs {
		units = units || v >= 10
	}
	if !units {
		for _, v := range vs {
			n = n*10 + v
		}
		return n, true
	}
	for _, unit := range [...]int{1000, 100, 10} {
		switch {
		case i+1 < len(vs) && 1 <= vs[i] && vs[i] <= 9 && vs[i+1] == unit:
			n += vs[i] * unit
			i += 2
		case i < len(vs) && vs[i] == unit:
			n += unit
			i++
		}
	}
	if i < len(vs) && 1 <= vs[i] && vs[i] <= 9 {
		n += vs[i]
		i++
	}
	return n, i == len(vs)
}

// check reports a number that no field can take.
func (sc *scanner) check(n number, field string) *ParseError {
	switch {
	case n.kind == noNumber:
		sc.i = n.off
		return sc.unexpected("a " + field)
	case n.kind == gannen && field != "year":
		return sc.errorf(n.off, ErrSyntax, "元 is a year, not a %s", field)
	case n.tooBig:
		return sc.errorf(n.off, ErrRange, "%s %s too large", field, quote.Bounded(sc.s[n.off:sc.i]))
	case n.bad:
		return sc.errorf(n.off, ErrSyntax, "malformed kanji numeral %s", quote.Bounded(sc.s[n.off:sc.i]))
	}
	return nil
}
