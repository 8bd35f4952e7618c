package era

import (
	"time"
)

// A Style says how to write dates, fiscal years and periods. The zero Style
// writes them as most documents do: 令和2年3月31日, 令和元年度,
// 平成31年4月1日から令和2年3月31日まで. Every form a Style writes, the Parse
// functions read back.
type Style struct {
	// Numerals are the digits to write. Defaults to HalfWidth: 令和2年3月31日.
	Numerals Numerals

	// Name is how the era is named. Defaults to FullName: 令和.
	Name Naming

	// JIS writes a date in the notation of JIS X 0301, two digits each for
	// year, month and day: 令和02.03.31, or R02.03.31 with Name OneLetter.
	// The notation is ASCII, so it ignores Numerals; fiscal years have no such
	// notation and ignore JIS. Defaults to false.
	JIS bool

	// NoGannen writes year 1 as a number, 令和1年, where documents write 元年.
	// Defaults to false: 令和元年.
	NoGannen bool

	// Connective joins the days of a period. Defaults to KaraMade:
	// 平成31年4月1日から令和2年3月31日まで.
	Connective Connective

	// AsOf, if not zero, names a fiscal year as documents written on that day
	// did (see FiscalYear.LabelAsOf): FY2019 as of 2019-04-22 is 平成31年度.
	// Defaults to the zero Time: as documents written today name it, 令和元年度.
	// Dates carry their own era and ignore AsOf.
	AsOf time.Time
}

// Numerals are the digits of a Style.
type Numerals uint8

const (
	// HalfWidth writes ASCII digits: 令和2年3月31日.
	HalfWidth Numerals = iota
	// FullWidth writes full-width digits: 令和２年３月３１日.
	FullWidth
	// KanjiNumerals writes kanji numerals: 令和二年三月三十一日.
	KanjiNumerals
)

// Naming is how a Style names an era.
type Naming uint8

const (
	// FullName writes the era's name: 令和.
	FullName Naming = iota
	// OneKanji writes the era's one-kanji abbreviation: 令.
	OneKanji
	// OneLetter writes the era's letter of JIS X 0301: R.
	OneLetter
)

// A Connective is how a Style joins the days of a period.
type Connective uint8

const (
	// KaraMade writes 平成31年4月1日から令和2年3月31日まで.
	KaraMade Connective = iota
	// JiItaru writes 自 平成31年4月1日 至 令和2年3月31日, as the headings of
	// financial statements do.
	JiItaru
	// Tilde writes 平成31年4月1日～令和2年3月31日 with U+FF5E FULLWIDTH TILDE.
	Tilde
	// WaveDash writes 平成31年4月1日〜令和2年3月31日 with U+301C WAVE DASH, which
	// looks like Tilde in most fonts but is a different character: NFKC folds
	// ～ to ~ and leaves 〜 alone.
	WaveDash
)

// Format returns d written in style s.
func (d Date) Format(s Style) string {
	var buf [64]byte
	return string(d.AppendFormat(buf[:0], s))
}

// AppendFormat appends d written in style s to b.
func (d Date) AppendFormat(b []byte, s Style) []byte {
	b = appendEra(b, d.Era, s.Name)
	if s.JIS {
		b = appendTwo(b, d.Year)
		b = append(b, '.')
		b = appendTwo(b, int(d.Month))
		b = append(b, '.')
		return appendTwo(b, d.Day)
	}
	b = appendYear(b, d.Year, s)
	b = append(b, "年"...)
	b = appendNumber(b, int(d.Month), s.Numerals)
	b = append(b, "月"...)
	b = appendNumber(b, d.Day, s.Numerals)
	return append(b, "日"...)
}

func appendEra(b []byte, e Era, n Naming) []byte {
	switch n {
	case OneKanji:
		return append(b, e.Abbrev()...)
	case OneLetter:
		return append(b, e.Letter()...)
	}
	return append(b, e.String()...)
}

// appendYear writes the year of an era, 元 for 1 unless s says otherwise.
func appendYear(b []byte, y int, s Style) []byte {
	if y == 1 && !s.NoGannen {
		return append(b, "元"...)
	}
	return appendNumber(b, y, s.Numerals)
}

// appendTwo writes n in ASCII digits, at least two of them, as JIS X 0301 does.
func appendTwo(b []byte, n int) []byte {
	if 0 <= n && n < 10 {
		b = append(b, '0')
	}
	return appendNumber(b, n, HalfWidth)
}

var kanjiDigits = [10]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// fullWidthDigits are U+FF10 to U+FF19, three bytes each in UTF-8.
const fullWidthDigits = "０１２３４５６７８９"

func appendNumber(b []byte, n int, num Numerals) []byte {
	u := uint(n)
	if n < 0 {
		// Only a Date built by hand has a negative field; write it legibly.
		b = append(b, '-')
		u = -u
	}
	if num == KanjiNumerals && 0 < u && u < 10000 {
		// 三十一, not 三一: the tens, hundreds and thousands are named, and
		// their digit is left out when it is 1 (十, 百二).
		for _, unit := range [...]struct {
			v    uint
			name string
		}{{1000, "千"}, {100, "百"}, {10, "十"}} {
			q := u / unit.v
			u %= unit.v
			if q > 1 {
				b = append(b, kanjiDigits[q]...)
			}
			if q > 0 {
				b = append(b, unit.name...)
			}
		}
		if u > 0 {
			b = append(b, kanjiDigits[u]...)
		}
		return b
	}
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	for _, c := range buf[i:] {
		switch num {
		case FullWidth:
			b = append(b, fullWidthDigits[3*(c-'0'):3*(c-'0')+3]...)
		case KanjiNumerals:
			b = append(b, kanjiDigits[c-'0']...)
		default:
			b = append(b, c)
		}
	}
	return b
}
