package era

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// A FiscalYear is a Japanese fiscal year (年度), from 1 April to 31 March,
// numbered by the Gregorian year in which it begins: FiscalYear(2019) runs
// from 2019-04-01 to 2020-03-31. The package handles fiscal years 1873 to
// 9998, whose days are all in its range; it applies the April-to-March year
// to all of them, though the state adopted it only in 1886.
//
// A fiscal year that an era change falls in has two names: FY2019 is both
// 平成31年度, as documents written before 2019-05-01 printed it, and 令和元年度, as
// documents written since print it. String returns the latter; LabelAsOf
// returns the name of a given day, and the Parse functions read both.
type FiscalYear int

// Fiscal years 1873 to 9998 lie within the days the package handles.
const (
	minFiscalYear = minYear
	maxFiscalYear = maxYear - 1
)

// FiscalYearOf returns the fiscal year of the calendar day of t in t's own location.
func FiscalYearOf(t time.Time) FiscalYear {
	y, m, _ := t.Date()
	if m < time.April {
		y--
	}
	return FiscalYear(y)
}

// IsValid reports whether fy is a fiscal year the package handles, 1873 to 9998.
func (fy FiscalYear) IsValid() bool {
	return minFiscalYear <= fy && fy <= maxFiscalYear
}

// First returns 1 April, the first day of fy, or the zero Date if fy is not valid.
func (fy FiscalYear) First() Date {
	if !fy.IsValid() {
		return Date{}
	}
	return dateAt(dayKey(int(fy), time.April, 1))
}

// Last returns 31 March of the next year, the last day of fy, or the zero
// Date if fy is not valid.
func (fy FiscalYear) Last() Date {
	if !fy.IsValid() {
		return Date{}
	}
	return dateAt(dayKey(int(fy)+1, time.March, 31))
}

// Period returns the days of fy, from First to Last.
func (fy FiscalYear) Period() Period {
	return Period{Start: fy.First(), End: fy.Last()}
}

// Contains reports whether the day that d names is in fy.
func (fy FiscalYear) Contains(d Date) bool {
	return fy != 0 && d.FiscalYear() == fy
}

// eraYear returns the era and year that name fy as of the day of asOf, or
// era 0 and the Gregorian year if no era has begun by then or fy is before 明治.
//
// The rule is the one LabelAsOf states. It looks at the year that fy begins
// in, not at its days, because that is how documents count: FY1926 is
// 昭和元年度 today though 昭和 began on its 269th day, and no document names
// FY1989 昭和64年度, since 平成 had begun before it did.
func (fy FiscalYear) eraYear(asOf time.Time) (Era, int) {
	latest := lastEra
	if !asOf.IsZero() {
		y, m, d := asOf.Date()
		k := dayKey(y, m, d)
		if k < eras[1].first() {
			return 0, int(fy)
		}
		latest = eraAt(k)
	}
	for e := latest; e >= 1; e-- {
		if int(fy) >= eras[e].year {
			return e, int(fy) - eras[e].year + 1
		}
	}
	return 0, int(fy)
}

// String returns the name that documents written today give fy: 令和元年度 for
// FiscalYear(2019), 平成元年度 for 1989, 昭和63年度 for 1988. It is
// LabelAsOf with the zero Time, and Format with the zero Style.
func (fy FiscalYear) String() string {
	var buf [24]byte
	return string(fy.AppendFormat(buf[:0], Style{}))
}

// LabelAsOf returns the name that documents written on the calendar day of
// asOf gave fy, so that a program can reproduce what was printed then:
// FiscalYear(2019) as of 2019-04-22 is 平成31年度, and as of 2019-05-01
// 令和元年度; FiscalYear(2020) as of 2019-03-01 is 平成32年度.
//
// The rule: fy is named in the latest era begun by asOf in which the calendar
// year that fy begins in has a year of at least 1. The zero asOf stands for
// today, as in String. A fiscal year before 明治, or a day before 明治 began,
// gives a Gregorian label: 1867年度.
func (fy FiscalYear) LabelAsOf(asOf time.Time) string {
	var buf [24]byte
	return string(fy.AppendFormat(buf[:0], Style{AsOf: asOf}))
}

// Format returns the name of fy in style s, as of s.AsOf.
func (fy FiscalYear) Format(s Style) string {
	var buf [40]byte
	return string(fy.AppendFormat(buf[:0], s))
}

// AppendFormat appends the name of fy in style s, as of s.AsOf, to b.
func (fy FiscalYear) AppendFormat(b []byte, s Style) []byte {
	e, y := fy.eraYear(s.AsOf)
	if e == 0 {
		b = appendNumber(b, y, s.Numerals)
	} else {
		b = appendEra(b, e, s.Name)
		b = appendYear(b, y, s)
	}
	return append(b, "年度"...)
}

// MarshalText writes fy as its Gregorian year in ASCII digits, 2019: the wire
// carries numbers, people read 令和元年度. It is an error if fy is not valid.
func (fy FiscalYear) MarshalText() ([]byte, error) {
	return fy.AppendText(make([]byte, 0, 4))
}

// AppendText appends the text of MarshalText to b.
func (fy FiscalYear) AppendText(b []byte) ([]byte, error) {
	if !fy.IsValid() {
		return b, fmt.Errorf("era: FiscalYear.MarshalText: %d is outside %d to %d: %w", int(fy), minFiscalYear, maxFiscalYear, ErrRange)
	}
	return strconv.AppendInt(b, int64(fy), 10), nil
}

// UnmarshalText sets fy from its Gregorian year in ASCII digits, as
// MarshalText writes it, or from any name that [ParseFiscalYear] accepts
// (令和元年度, 2019年度). The error is a *[ParseError].
func (fy *FiscalYear) UnmarshalText(text []byte) error {
	s := string(text)
	if isDigits(s) {
		n, err := strconv.Atoi(s)
		if err != nil || n < minFiscalYear || n > maxFiscalYear {
			return &ParseError{Input: s, Reason: "fiscal year out of range", Err: ErrRange}
		}
		*fy = FiscalYear(n)
		return nil
	}
	v, err := ParseFiscalYear(s)
	if err != nil {
		return err
	}
	*fy = v
	return nil
}

// MarshalJSON writes fy as a JSON number, 2019, as an integer type with no
// methods would be written; MarshalText alone would make it a string.
func (fy FiscalYear) MarshalJSON() ([]byte, error) {
	return fy.AppendText(make([]byte, 0, 4))
}

// UnmarshalJSON reads a JSON number, as MarshalJSON writes it, or a string in
// any form that UnmarshalText accepts. JSON null leaves fy unchanged.
func (fy *FiscalYear) UnmarshalJSON(data []byte) error {
	s := string(data)
	switch {
	case s == "null":
		return nil
	case len(s) > 0 && s[0] == '"':
		var u string
		if err := json.Unmarshal(data, &u); err != nil {
			return &ParseError{Input: s, Reason: "malformed JSON string", Err: ErrSyntax}
		}
		return fy.UnmarshalText([]byte(u))
	case isDigits(s):
		return fy.UnmarshalText(data)
	}
	return &ParseError{Input: s, Reason: "want a JSON number or string", Err: ErrSyntax}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
