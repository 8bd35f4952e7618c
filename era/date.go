package era

import (
	"cmp"
	"fmt"
	"time"
)

// A Date is a day named in a Japanese era: 令和2年3月31日 is
// Date{Reiwa, 2, time.March, 31}. It has no time of day and no location.
//
// Dates from [DateOf], [FromGregorian] and the Parse functions name each day in
// the era in force on it. A Date built by hand may name a day in another era
// (Date{Heisei, 32, time.April, 1}); such a Date still converts to its day,
// but IsValid reports false. Since == compares fields, use Compare to ask
// whether two Dates are the same day.
//
// The zero Date is not valid.
type Date struct {
	Era   Era
	Year  int        // the year of the era; 1 is 元年
	Month time.Month // January is 1
	Day   int
}

// DateOf returns the Date of the calendar day of t in t's own location, like
// t.Date. The error, which wraps [ErrRange], reports a day before 1873-01-01,
// when Japan adopted the Gregorian calendar, or after 9999-12-31.
func DateOf(t time.Time) (Date, error) {
	y, m, d := t.Date()
	return fromKey(y, m, d, dayKey(y, m, d))
}

// FromGregorian returns the Date of a Gregorian year, month and day. Unlike
// time.Date it does not normalize: 2020-02-30 is an error, which wraps
// [ErrRange], as are days before 1873-01-01 and after 9999-12-31.
func FromGregorian(year int, month time.Month, day int) (Date, error) {
	if month < time.January || month > time.December || day < 1 || day > daysIn(year, month) {
		return Date{}, fmt.Errorf("era: %04d-%02d-%02d is not a day: %w", year, int(month), day, ErrRange)
	}
	return fromKey(year, month, day, dayKey(year, month, day))
}

func fromKey(y int, m time.Month, d, k int) (Date, error) {
	if k < minKey || y > maxYear {
		return Date{}, fmt.Errorf("era: %04d-%02d-%02d is outside 1873-01-01 to 9999-12-31: %w", y, int(m), d, ErrRange)
	}
	e := eraAt(k)
	return Date{Era: e, Year: y - eras[e].year + 1, Month: m, Day: d}, nil
}

// dateAt returns the Date of key k, which must be in range.
func dateAt(k int) Date {
	y, m, d := splitKey(k)
	e := eraAt(k)
	return Date{Era: e, Year: y - eras[e].year + 1, Month: m, Day: d}
}

// Gregorian returns the Gregorian year, month and day of d, counting the
// era's years on past its end if d names them (平成32年 is 2020). It returns
// zeros if d.Era is not an era or d.Year is not from 1 to 9999, so that no
// year out of range turns into one in range.
func (d Date) Gregorian() (year int, month time.Month, day int) {
	if !d.Era.valid() || d.Year < 1 || d.Year > maxYear {
		return 0, 0, 0
	}
	return eras[d.Era].year + d.Year - 1, d.Month, d.Day
}

// key returns the day key of d, and whether d names a day that exists.
func (d Date) key() (int, bool) {
	y, m, day := d.Gregorian()
	if y == 0 || m < time.January || m > time.December || day < 1 || day > daysIn(y, m) {
		return 0, false
	}
	return dayKey(y, m, day), true
}

// In returns midnight at the start of d in loc. Like time.Date, it normalizes
// a day that does not exist (2月30日 becomes 3月1日 or 2日). It returns the
// zero Time if Gregorian returns zeros or d's month is not 1 to 12 or its
// day not 1 to 31, and panics if loc is nil, as time.Date does.
func (d Date) In(loc *time.Location) time.Time {
	y, m, day := d.Gregorian()
	if y == 0 || m < time.January || m > time.December || day < 1 || day > 31 {
		return time.Time{}
	}
	return time.Date(y, m, day, 0, 0, 0, 0, loc)
}

// IsValid reports whether d names a day that exists, from 1873-01-01 to
// 9999-12-31, in the era in force on that day. Strict parsing returns only
// valid Dates; 平成32年4月1日 and 令和元年4月1日 are not valid.
func (d Date) IsValid() bool {
	k, ok := d.key()
	return ok && minKey <= k && k <= maxKey && eraAt(k) == d.Era
}

// Compare compares the days that d and e name, whatever their eras, and
// returns -1, 0 or +1 as d is before, the same as or after e. It compares
// the Gregorian year, month and day in turn, so Dates that name no day
// still have an order; those for which Gregorian returns zeros come first.
func (d Date) Compare(e Date) int {
	dy, dm, dd := d.Gregorian()
	ey, em, ed := e.Gregorian()
	return cmp.Or(cmp.Compare(dy, ey), cmp.Compare(dm, em), cmp.Compare(dd, ed))
}

// Before reports whether d is a day before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is a day after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// FiscalYear returns the fiscal year (年度) that contains d, or 0, which is
// not a valid fiscal year, if d names no day.
func (d Date) FiscalYear() FiscalYear {
	if _, ok := d.key(); !ok {
		return 0
	}
	y, m, _ := d.Gregorian()
	if m < time.April {
		y--
	}
	return FiscalYear(y)
}

// String returns d as documents print it, 令和2年3月31日, with 元年 for year 1
// and half-width digits. Format writes the other forms.
func (d Date) String() string {
	var buf [40]byte
	return string(d.AppendFormat(buf[:0], Style{}))
}

// MarshalText writes the Gregorian day of d in ISO 8601, 2020-03-31: 和暦 is for
// people, the wire carries ISO. It is an error if d names no day from
// 1873-01-01 to 9999-12-31; a Date named in an era past its end
// (平成32年4月1日) is written as its day, 2020-04-01.
func (d Date) MarshalText() ([]byte, error) {
	return d.AppendText(make([]byte, 0, 10))
}

// AppendText appends the text of MarshalText to b.
func (d Date) AppendText(b []byte) ([]byte, error) {
	k, ok := d.key()
	if !ok || k < minKey || k > maxKey {
		return b, fmt.Errorf("era: Date.MarshalText: %#v is not a day from 1873-01-01 to 9999-12-31: %w", d, ErrRange)
	}
	y, m, day := splitKey(k)
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+m/10), byte('0'+m%10), '-')
	return append(b, byte('0'+day/10), byte('0'+day%10)), nil
}

// UnmarshalText sets d from text in any form that [Parse] accepts: ISO 8601, as
// MarshalText writes, and 和暦, so that hand-written configuration may say
// 令和2年3月31日. The error is a *[ParseError].
func (d *Date) UnmarshalText(text []byte) error {
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
