package era

import (
	"strconv"
	"time"
)

//go:generate go run gen.go

// An Era is a Japanese era (元号) of the Gregorian period: [Meiji], [Taisho],
// [Showa], [Heisei] or [Reiwa]. Its String method returns its name in kanji.
//
// The zero Era is not an era, so that a Date or a field left unset is never
// mistaken for 令和 or 明治; it prints as %!Era(0).
//
// 明治 counts its years from 1868 (明治元年), but this package knows its days
// only from 1873-01-01 (明治6年1月1日), when Japan adopted the Gregorian
// calendar: earlier days were counted in the lunisolar calendar.
type Era int

// eraInfo is one row of eras.txt.
type eraInfo struct {
	name, abbrev, letter string
	kanji                [2]rune // the runes of name, for the scanner
	square               rune    // the era's square character (㋿), or 0
	year                 int     // the Gregorian year of 元年
	month                time.Month
	day                  int
	sameDay              bool // the era began on its predecessor's last day
}

// first returns the key of the era's first day.
func (x *eraInfo) first() int { return dayKey(x.year, x.month, x.day) }

// The days this package handles: from the adoption of the Gregorian calendar to
// the last day that the four-digit years of ISO 8601 can write.
const (
	minYear = 1873
	maxYear = 9999
	minKey  = minYear<<9 | 1<<5 | 1
	maxKey  = maxYear<<9 | 12<<5 | 31
)

// dayKey packs a Gregorian y/m/d into an int that sorts as the days do, so
// that era boundaries are found with comparisons and no calendar arithmetic.
func dayKey(year int, month time.Month, day int) int {
	return year<<9 | int(month)<<5 | day
}

// splitKey is the inverse of dayKey.
func splitKey(k int) (year int, month time.Month, day int) {
	return k >> 9, time.Month(k >> 5 & 15), k & 31
}

// eraAt returns the era in force on the day of key k, which must not be
// before minKey.
func eraAt(k int) Era {
	for e := lastEra; e > 1; e-- {
		if k >= eras[e].first() {
			return e
		}
	}
	return 1
}

// valid reports whether e is one of the eras of the table.
func (e Era) valid() bool { return 0 < e && e <= lastEra }

// String returns the era's name in kanji (令和), or %!Era(n) if e is not an era.
func (e Era) String() string {
	if !e.valid() {
		return "%!Era(" + strconv.Itoa(int(e)) + ")"
	}
	return eras[e].name
}

// Abbrev returns the one-kanji abbreviation of the era (令), as forms and
// seals print it (令2.3.31), or the String form if e is not an era.
func (e Era) Abbrev() string {
	if !e.valid() {
		return e.String()
	}
	return eras[e].abbrev
}

// Letter returns the one-letter abbreviation of the era that JIS X 0301 uses
// (R for 令和, as in R02.03.31), or the String form if e is not an era.
func (e Era) Letter() string {
	if !e.valid() {
		return e.String()
	}
	return eras[e].letter
}

// Start returns the first day of the era in the Gregorian calendar, or zeros
// if e is not an era. For 明治 it is 1868-01-25, the Gregorian day of 明治元年1月1日,
// which the package does not handle: see [Era].
func (e Era) Start() (year int, month time.Month, day int) {
	if !e.valid() {
		return 0, 0, 0
	}
	x := &eras[e]
	return x.year, x.month, x.day
}

// Eras returns the eras, oldest first. The slice is new at each call.
func Eras() []Era {
	es := make([]Era, 0, lastEra)
	for e := Era(1); e <= lastEra; e++ {
		es = append(es, e)
	}
	return es
}

// daysIn returns the number of days of the month in the proleptic Gregorian calendar.
func daysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}
