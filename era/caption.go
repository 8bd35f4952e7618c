package era

import (
	"strings"
)

// A Caption says how to write the date line of a statement: the day on
// which its balances stand (an as-of date, 現在) or the period of its
// flows. The zero Caption writes them as the headings of financial
// statements do, in full-width digits and parentheses:
//
//	（令和２年３月３１日現在）
//	（平成３１年４月１日から令和２年３月３１日まで）
//
// [ParseCaption] reads every line that a Caption writes.
type Caption struct {
	// HalfWidth writes ASCII digits: （令和2年3月31日現在）. Defaults to false:
	// full-width digits, （令和２年３月３１日現在）.
	HalfWidth bool

	// Bare leaves out the parentheses: 令和２年３月３１日現在. Defaults to
	// false: （令和２年３月３１日現在）.
	Bare bool

	// Connective joins the days of a period, as in a Style. Defaults to
	// KaraMade: （平成３１年４月１日から令和２年３月３１日まで）. JiItaru writes
	// （自 平成３１年４月１日 至 令和２年３月３１日）.
	Connective Connective

	// TwoLines writes a JiItaru period on two lines, 至 starting the second:
	//
	//	自 令和2年4月1日
	//	至 令和3年3月31日
	//
	// Other connectives ignore it. Defaults to false: one line.
	TwoLines bool
}

// style returns the Style in which c writes dates.
func (c Caption) style() Style {
	s := Style{Numerals: FullWidth, Connective: c.Connective}
	if c.HalfWidth {
		s.Numerals = HalfWidth
	}
	return s
}

// FormatAsOf returns the line of a statement of balances as of d:
// （令和２年３月３１日現在）.
func (c Caption) FormatAsOf(d Date) string {
	return c.enclose(d.Format(c.style()) + "現在")
}

// FormatPeriod returns the line of a statement of the flows of p:
// （平成３１年４月１日から令和２年３月３１日まで）.
func (c Caption) FormatPeriod(p Period) string {
	s := c.style()
	if c.Connective == JiItaru && c.TwoLines {
		return c.enclose("自 " + p.Start.Format(s) + "\n至 " + p.End.Format(s))
	}
	return c.enclose(p.Format(s))
}

// enclose puts line in parentheses unless c is Bare.
func (c Caption) enclose(line string) string {
	if c.Bare {
		return line
	}
	return "（" + line + "）"
}

// ParseCaption reads the date line of a statement strictly: an as-of date
// followed by 現在 or alone, or a period in any form ParsePeriod reads (a
// month, a year, a fiscal year, two days joined), either of them
// in parentheses （…） or (…) or not, with spaces around, as a Caption writes
// them and documents print them:
//
//	（令和２年３月３１日現在）
//	令和3年3月31日現在
//	（平成３１年４月１日から令和２年３月３１日まで）
//	（自 令和2年4月1日 至 令和3年3月31日）
//	自 令和2年4月1日
//	至 令和3年3月31日
//
// It returns the date of an as-of line and a zero Period, or the period of
// any other line and a zero Date. The error is a *[ParseError].
func ParseCaption(s string) (Date, Period, error) {
	d, p, _, err := parser{}.caption(s)
	if err != nil {
		return Date{}, Period{}, err
	}
	return d, p, nil
}

// ParseCaptionLenient reads a date line as ParseCaption does, with dates
// that ParseLenient reads, and reports what the line needed that strict
// parsing rejects: （平成32年3月31日現在） is 令和2年3月31日, Proleptic.
func ParseCaptionLenient(s string) (Date, Period, Leniency, error) {
	d, p, l, err := parser{lenient: true}.caption(s)
	if err != nil {
		return Date{}, Period{}, 0, err
	}
	return d, p, l, nil
}

func (p parser) caption(s string) (Date, Period, Leniency, *ParseError) {
	inner := strings.TrimLeftFunc(s, isSpace)
	off := len(s) - len(inner) // of inner in s, for errors
	inner = strings.TrimRightFunc(inner, isSpace)
	for _, open := range [...]string{"（", "("} {
		rest, ok := strings.CutPrefix(inner, open)
		if !ok {
			continue
		}
		rest = strings.TrimRightFunc(rest, isSpace)
		body, ok := strings.CutSuffix(rest, "）")
		if !ok {
			body, ok = strings.CutSuffix(rest, ")")
		}
		if !ok {
			return Date{}, Period{}, 0, &ParseError{Input: s, Offset: off + len(inner), Reason: "missing ）", Err: ErrSyntax}
		}
		inner, off = body, off+len(open)
		break
	}
	if body, ok := strings.CutSuffix(strings.TrimRightFunc(inner, isSpace), "現在"); ok {
		d, l, err := p.date(body)
		return d, Period{}, l, within(err, s, off)
	}
	// A day alone, as some notes print （令和2年3月31日）, is the day the
	// figures stand on, not a period of one day.
	if d, l, err := p.date(inner); err == nil {
		return d, Period{}, l, nil
	}
	pd, l, err := p.period(inner)
	return Date{}, pd, l, within(err, s, off)
}

// within returns err, an error of parsing the part of s at offset off, as an
// error of parsing s.
func within(err *ParseError, s string, off int) *ParseError {
	if err == nil {
		return nil
	}
	return &ParseError{Input: s, Offset: off + err.Offset, Reason: err.Reason, Err: err.Err}
}
