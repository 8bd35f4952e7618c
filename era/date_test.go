package era_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/koukaikei/koukaikei/era"
)

var jst = time.FixedZone("JST", 9*60*60)

// boundaryTests are the days around each change of era, and 元年 in each era.
var boundaryTests = []struct {
	name string
	y    int
	m    time.Month
	d    int
	want era.Date
	text string
}{
	{"first day handled", 1873, 1, 1, date(era.Meiji, 6, 1, 1), "明治6年1月1日"},
	{"last day of Meiji", 1912, 7, 29, date(era.Meiji, 45, 7, 29), "明治45年7月29日"},
	{"first day of Taisho", 1912, 7, 30, date(era.Taisho, 1, 7, 30), "大正元年7月30日"},
	{"last day of Taisho 1", 1912, 12, 31, date(era.Taisho, 1, 12, 31), "大正元年12月31日"},
	{"first day of Taisho 2", 1913, 1, 1, date(era.Taisho, 2, 1, 1), "大正2年1月1日"},
	{"last day of Taisho", 1926, 12, 24, date(era.Taisho, 15, 12, 24), "大正15年12月24日"},
	{"first day of Showa", 1926, 12, 25, date(era.Showa, 1, 12, 25), "昭和元年12月25日"},
	{"last day of Showa 1", 1926, 12, 31, date(era.Showa, 1, 12, 31), "昭和元年12月31日"},
	{"first day of Showa 2", 1927, 1, 1, date(era.Showa, 2, 1, 1), "昭和2年1月1日"},
	{"last day of Showa", 1989, 1, 7, date(era.Showa, 64, 1, 7), "昭和64年1月7日"},
	{"first day of Heisei", 1989, 1, 8, date(era.Heisei, 1, 1, 8), "平成元年1月8日"},
	{"last day of Heisei 1", 1989, 12, 31, date(era.Heisei, 1, 12, 31), "平成元年12月31日"},
	{"last day of Heisei", 2019, 4, 30, date(era.Heisei, 31, 4, 30), "平成31年4月30日"},
	{"first day of Reiwa", 2019, 5, 1, date(era.Reiwa, 1, 5, 1), "令和元年5月1日"},
	{"last day of Reiwa 1", 2019, 12, 31, date(era.Reiwa, 1, 12, 31), "令和元年12月31日"},
	{"first day of Reiwa 2", 2020, 1, 1, date(era.Reiwa, 2, 1, 1), "令和2年1月1日"},
	{"end of fiscal 2019", 2020, 3, 31, date(era.Reiwa, 2, 3, 31), "令和2年3月31日"},
	{"last day handled", 9999, 12, 31, date(era.Reiwa, 7981, 12, 31), "令和7981年12月31日"},
}

func TestDateOf(t *testing.T) {
	for _, tt := range boundaryTests {
		t.Run(tt.name, func(t *testing.T) {
			// Any time of the day, in any location, is the day it is there.
			for _, tm := range []time.Time{
				time.Date(tt.y, tt.m, tt.d, 0, 0, 0, 0, time.UTC),
				time.Date(tt.y, tt.m, tt.d, 23, 59, 59, 999999999, jst),
				time.Date(tt.y, tt.m, tt.d, 12, 0, 0, 0, time.FixedZone("", -12*60*60)),
			} {
				got, err := era.DateOf(tm)
				if err != nil || got != tt.want {
					t.Errorf("DateOf(%v) = %#v, %v; want %#v", tm, got, err, tt.want)
				}
			}
			got, err := era.FromGregorian(tt.y, tt.m, tt.d)
			if err != nil || got != tt.want {
				t.Errorf("FromGregorian(%d, %d, %d) = %#v, %v; want %#v", tt.y, tt.m, tt.d, got, err, tt.want)
			}
			if s := tt.want.String(); s != tt.text {
				t.Errorf("%#v.String() = %q; want %q", tt.want, s, tt.text)
			}
			if d, err := era.Parse(tt.text); err != nil || d != tt.want {
				t.Errorf("Parse(%q) = %#v, %v; want %#v", tt.text, d, err, tt.want)
			}
			y, m, d := tt.want.Gregorian()
			if y != tt.y || m != tt.m || d != tt.d {
				t.Errorf("%#v.Gregorian() = %d, %d, %d; want %d, %d, %d", tt.want, y, m, d, tt.y, tt.m, tt.d)
			}
			if !tt.want.IsValid() {
				t.Errorf("%#v.IsValid() = false", tt.want)
			}
		})
	}
}

// TestDateOfLocation checks that DateOf takes the day in the time's own location.
func TestDateOfLocation(t *testing.T) {
	instant := time.Date(2019, 4, 30, 15, 0, 0, 0, time.UTC) // 2019-05-01 00:00 in Japan
	tests := []struct {
		name string
		t    time.Time
		want era.Date
	}{
		{"UTC", instant, date(era.Heisei, 31, 4, 30)},
		{"Japan", instant.In(jst), date(era.Reiwa, 1, 5, 1)},
	}
	for _, tt := range tests {
		if got, err := era.DateOf(tt.t); err != nil || got != tt.want {
			t.Errorf("%s: DateOf(%v) = %#v, %v; want %#v", tt.name, tt.t, got, err, tt.want)
		}
	}
}

func TestDateOfRange(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
	}{
		{"day before the Gregorian calendar", time.Date(1872, 12, 31, 23, 59, 59, 0, time.UTC)},
		{"Meiji 1", time.Date(1868, 10, 23, 0, 0, 0, 0, time.UTC)},
		{"zero Time", time.Time{}},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"1873-01-01 in UTC, which is 1872 west of Greenwich", time.Date(1873, 1, 1, 0, 0, 0, 0, time.UTC).In(time.FixedZone("", -60*60))},
	}
	for _, tt := range tests {
		got, err := era.DateOf(tt.t)
		if !errors.Is(err, era.ErrRange) || got != (era.Date{}) {
			t.Errorf("%s: DateOf(%v) = %#v, %v; want an error that wraps ErrRange", tt.name, tt.t, got, err)
		}
	}
}

func TestFromGregorianErrors(t *testing.T) {
	tests := []struct {
		name string
		y    int
		m    time.Month
		d    int
	}{
		{"February 30", 2020, 2, 30},
		{"February 29 of a common year", 2019, 2, 29},
		{"month 13", 2020, 13, 1},
		{"month 0", 2020, 0, 1},
		{"day 0", 2020, 1, 0},
		{"before 1873", 1872, 12, 31},
		{"after 9999", 10000, 1, 1},
	}
	for _, tt := range tests {
		if got, err := era.FromGregorian(tt.y, tt.m, tt.d); !errors.Is(err, era.ErrRange) {
			t.Errorf("%s: FromGregorian(%d, %d, %d) = %#v, %v; want an error that wraps ErrRange", tt.name, tt.y, tt.m, tt.d, got, err)
		}
	}
}

func TestIn(t *testing.T) {
	tests := []struct {
		name string
		d    era.Date
		want time.Time
	}{
		{"Reiwa", date(era.Reiwa, 2, 3, 31), time.Date(2020, 3, 31, 0, 0, 0, 0, jst)},
		{"Meiji", date(era.Meiji, 6, 1, 1), time.Date(1873, 1, 1, 0, 0, 0, 0, jst)},
		{"proleptic", date(era.Heisei, 32, 4, 1), time.Date(2020, 4, 1, 0, 0, 0, 0, jst)},
		{"normalized as time.Date does", date(era.Reiwa, 2, 2, 30), time.Date(2020, 3, 1, 0, 0, 0, 0, jst)},
		{"zero Date", era.Date{}, time.Time{}},
		{"unknown era", date(7, 1, 1, 1), time.Time{}},
	}
	for _, tt := range tests {
		if got := tt.d.In(jst); !got.Equal(tt.want) || got.Location() != tt.want.Location() {
			t.Errorf("%s: %#v.In(JST) = %v; want %v", tt.name, tt.d, got, tt.want)
		}
	}
}

func TestIsValid(t *testing.T) {
	tests := []struct {
		name string
		d    era.Date
		want bool
	}{
		{"valid", date(era.Reiwa, 2, 3, 31), true},
		{"zero", era.Date{}, false},
		{"unknown era", date(6, 1, 1, 1), false},
		{"negative era", date(-1, 1, 1, 1), false},
		{"year 0", date(era.Reiwa, 0, 5, 1), false},
		{"negative year", date(era.Reiwa, -1, 5, 1), false},
		{"month 0", date(era.Reiwa, 2, 0, 1), false},
		{"month 13", date(era.Reiwa, 2, 13, 1), false},
		{"February 30", date(era.Reiwa, 2, 2, 30), false},
		{"proleptic", date(era.Heisei, 32, 4, 1), false},
		{"before the era", date(era.Reiwa, 1, 4, 30), false},
		{"accession day under the old name", date(era.Meiji, 45, 7, 30), false},
		{"before 1873", date(era.Meiji, 5, 12, 31), false},
		{"after 9999", date(era.Reiwa, 7982, 1, 1), false},
	}
	for _, tt := range tests {
		if got := tt.d.IsValid(); got != tt.want {
			t.Errorf("%s: %#v.IsValid() = %v; want %v", tt.name, tt.d, got, tt.want)
		}
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name string
		a, b era.Date
		want int
	}{
		{"same", date(era.Reiwa, 2, 3, 31), date(era.Reiwa, 2, 3, 31), 0},
		{"same day in two eras", date(era.Heisei, 32, 4, 1), date(era.Reiwa, 2, 4, 1), 0},
		{"across eras", date(era.Heisei, 31, 4, 30), date(era.Reiwa, 1, 5, 1), -1},
		{"later year of an earlier era", date(era.Showa, 64, 1, 7), date(era.Heisei, 1, 1, 8), -1},
		{"day", date(era.Reiwa, 2, 4, 2), date(era.Reiwa, 2, 4, 1), +1},
		{"month", date(era.Reiwa, 2, 5, 1), date(era.Reiwa, 2, 4, 30), +1},
	}
	for _, tt := range tests {
		if got := tt.a.Compare(tt.b); got != tt.want {
			t.Errorf("%s: %v.Compare(%v) = %d; want %d", tt.name, tt.a, tt.b, got, tt.want)
		}
		if got := tt.a.Before(tt.b); got != (tt.want < 0) {
			t.Errorf("%s: %v.Before(%v) = %v", tt.name, tt.a, tt.b, got)
		}
		if got := tt.a.After(tt.b); got != (tt.want > 0) {
			t.Errorf("%s: %v.After(%v) = %v", tt.name, tt.a, tt.b, got)
		}
	}
}

// styles are the forms the round trip covers.
var styles = []struct {
	name  string
	style era.Style
}{
	{"default", era.Style{}},
	{"full-width", era.Style{Numerals: era.FullWidth}},
	{"kanji numerals", era.Style{Numerals: era.KanjiNumerals}},
	{"no 元年", era.Style{NoGannen: true}},
	{"full-width, no 元年", era.Style{Numerals: era.FullWidth, NoGannen: true}},
	{"kanji numerals, no 元年", era.Style{Numerals: era.KanjiNumerals, NoGannen: true}},
	{"one kanji", era.Style{Name: era.OneKanji}},
	{"one letter", era.Style{Name: era.OneLetter}},
	{"JIS X 0301 letter", era.Style{JIS: true, Name: era.OneLetter}},
	{"JIS X 0301 one kanji", era.Style{JIS: true, Name: era.OneKanji}},
	{"JIS X 0301 name", era.Style{JIS: true}},
}

// TestRoundTrip converts every day from 1873 to 2100 from time.Time to 和暦,
// writes it in each style, reads it back and converts it to time.Time again.
func TestRoundTrip(t *testing.T) {
	start := time.Date(1873, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC)
	days := 0
	for tm := start; !tm.After(end); tm = tm.AddDate(0, 0, 1) {
		days++
		d, err := era.DateOf(tm)
		if err != nil {
			t.Fatalf("DateOf(%v): %v", tm, err)
		}
		if !d.IsValid() {
			t.Fatalf("DateOf(%v) = %#v, not valid", tm, d)
		}
		if got := d.In(time.UTC); !got.Equal(tm) {
			t.Fatalf("DateOf(%v).In(UTC) = %v", tm, got)
		}
		if fy := d.FiscalYear(); !fy.Contains(d) || fy != era.FiscalYearOf(tm) {
			t.Fatalf("%v.FiscalYear() = %d; FiscalYearOf = %d", d, fy, era.FiscalYearOf(tm))
		}
		for _, s := range styles {
			text := d.Format(s.style)
			got, err := era.Parse(text)
			if err != nil || got != d {
				t.Fatalf("%s: Parse(%q) = %#v, %v; want %#v (%v)", s.name, text, got, err, d, tm)
			}
			if back := got.In(time.UTC); !back.Equal(tm) {
				t.Fatalf("%s: Parse(%q).In(UTC) = %v; want %v", s.name, text, back, tm)
			}
		}
	}
	if days != 83275 {
		t.Errorf("covered %d days; want 83275", days)
	}
}

func TestFormat(t *testing.T) {
	d := date(era.Reiwa, 2, 3, 31)
	g := date(era.Reiwa, 1, 5, 1)
	tests := []struct {
		name  string
		d     era.Date
		style era.Style
		want  string
	}{
		{"default", d, era.Style{}, "令和2年3月31日"},
		{"元年", g, era.Style{}, "令和元年5月1日"},
		{"no 元年", g, era.Style{NoGannen: true}, "令和1年5月1日"},
		{"full-width", d, era.Style{Numerals: era.FullWidth}, "令和２年３月３１日"},
		{"full-width 元年", g, era.Style{Numerals: era.FullWidth}, "令和元年５月１日"},
		{"kanji numerals", d, era.Style{Numerals: era.KanjiNumerals}, "令和二年三月三十一日"},
		{"kanji ten", date(era.Heisei, 10, 10, 10), era.Style{Numerals: era.KanjiNumerals}, "平成十年十月十日"},
		{"kanji twenty", date(era.Heisei, 20, 12, 20), era.Style{Numerals: era.KanjiNumerals}, "平成二十年十二月二十日"},
		{"kanji sixty-four", date(era.Showa, 64, 1, 7), era.Style{Numerals: era.KanjiNumerals}, "昭和六十四年一月七日"},
		{"kanji hundred and two", date(era.Reiwa, 102, 1, 1), era.Style{Numerals: era.KanjiNumerals}, "令和百二年一月一日"},
		{"kanji thousands", date(era.Reiwa, 7981, 12, 31), era.Style{Numerals: era.KanjiNumerals}, "令和七千九百八十一年十二月三十一日"},
		{"kanji 元年", g, era.Style{Numerals: era.KanjiNumerals}, "令和元年五月一日"},
		{"kanji no 元年", g, era.Style{Numerals: era.KanjiNumerals, NoGannen: true}, "令和一年五月一日"},
		{"one kanji", d, era.Style{Name: era.OneKanji}, "令2年3月31日"},
		{"one letter", d, era.Style{Name: era.OneLetter}, "R2年3月31日"},
		{"JIS letter", d, era.Style{JIS: true, Name: era.OneLetter}, "R02.03.31"},
		{"JIS one kanji", d, era.Style{JIS: true, Name: era.OneKanji}, "令02.03.31"},
		{"JIS name", d, era.Style{JIS: true}, "令和02.03.31"},
		{"JIS year 1", g, era.Style{JIS: true, Name: era.OneLetter}, "R01.05.01"},
		{"JIS ignores numerals", d, era.Style{JIS: true, Name: era.OneLetter, Numerals: era.KanjiNumerals}, "R02.03.31"},
		{"JIS three-digit year", date(era.Reiwa, 102, 1, 1), era.Style{JIS: true, Name: era.OneLetter}, "R102.01.01"},
		{"Meiji", date(era.Meiji, 6, 1, 1), era.Style{JIS: true, Name: era.OneLetter}, "M06.01.01"},
		{"proleptic as built", date(era.Heisei, 32, 4, 1), era.Style{}, "平成32年4月1日"},
		{"zero Date", era.Date{}, era.Style{}, "%!Era(0)0年0月0日"},
		{"unknown era", date(9, 1, 1, 1), era.Style{Name: era.OneLetter}, "%!Era(9)元年1月1日"},
		{"negative fields", date(era.Reiwa, -2, -3, -4), era.Style{Numerals: era.KanjiNumerals}, "令和-二年-三月-四日"},
	}
	for _, tt := range tests {
		if got := tt.d.Format(tt.style); got != tt.want {
			t.Errorf("%s: %#v.Format(%+v) = %q; want %q", tt.name, tt.d, tt.style, got, tt.want)
		}
		if got := string(tt.d.AppendFormat([]byte("x"), tt.style)); got != "x"+tt.want {
			t.Errorf("%s: AppendFormat = %q; want %q", tt.name, got, "x"+tt.want)
		}
	}
	if got, want := d.String(), "令和2年3月31日"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
}

// A year out of range names no day: it must not wrap around into one that
// looks valid (令和 MaxInt年 was written as 2017-01-01).
func TestHugeYear(t *testing.T) {
	tests := []era.Date{
		{Era: era.Reiwa, Year: math.MaxInt, Month: 1, Day: 1},
		{Era: era.Reiwa, Year: math.MaxInt - 2017, Month: 1, Day: 1},
		{Era: era.Meiji, Year: math.MinInt, Month: 1, Day: 1},
		{Era: era.Reiwa, Year: 0, Month: 1, Day: 1},
		{Era: era.Reiwa, Year: 2, Month: 1, Day: math.MaxInt},
		{Era: era.Reiwa, Year: 2, Month: math.MaxInt, Day: 1},
	}
	for _, d := range tests {
		if b, err := d.MarshalText(); err == nil {
			t.Errorf("%#v.MarshalText() = %s, want an error", d, b)
		}
		if d.IsValid() {
			t.Errorf("%#v.IsValid() = true", d)
		}
		if tm := d.In(time.UTC); !tm.IsZero() {
			t.Errorf("%#v.In(UTC) = %v, want the zero Time", d, tm)
		}
		if fy := d.FiscalYear(); fy.IsValid() || fy.Contains(d) {
			t.Errorf("%#v.FiscalYear() = %d", d, fy)
		}
		if d.Compare(era.Date{Era: era.Reiwa, Year: 2, Month: 1, Day: 1}) == 0 {
			t.Errorf("%#v is the same day as 令和2年1月1日", d)
		}
	}
	if y, m, d := (era.Date{Era: era.Reiwa, Year: math.MaxInt, Month: 1, Day: 1}).Gregorian(); y != 0 || m != 0 || d != 0 {
		t.Errorf("Gregorian() = %d, %d, %d; want zeros", y, m, d)
	}
	if era.FiscalYear(math.MaxInt).Contains(era.Date{Era: era.Reiwa, Year: 2, Month: 4, Day: 1}) {
		t.Error("FiscalYear(MaxInt) contains 令和2年4月1日")
	}
}
