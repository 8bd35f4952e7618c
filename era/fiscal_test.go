package era_test

import (
	"errors"
	"testing"
	"time"

	"github.com/koukaikei/koukaikei/era"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, jst) }

func TestFiscalYearDays(t *testing.T) {
	tests := []struct {
		name        string
		fy          era.FiscalYear
		first, last era.Date
	}{
		{"first handled", 1873, date(era.Meiji, 6, 4, 1), date(era.Meiji, 7, 3, 31)},
		{"Meiji to Taisho", 1912, date(era.Meiji, 45, 4, 1), date(era.Taisho, 2, 3, 31)},
		{"Taisho to Showa", 1926, date(era.Taisho, 15, 4, 1), date(era.Showa, 2, 3, 31)},
		{"Showa to Heisei", 1988, date(era.Showa, 63, 4, 1), date(era.Heisei, 1, 3, 31)},
		{"first of Heisei", 1989, date(era.Heisei, 1, 4, 1), date(era.Heisei, 2, 3, 31)},
		{"Heisei to Reiwa", 2019, date(era.Heisei, 31, 4, 1), date(era.Reiwa, 2, 3, 31)},
		{"last handled", 9998, date(era.Reiwa, 7980, 4, 1), date(era.Reiwa, 7981, 3, 31)},
		{"before 1873", 1872, era.Date{}, era.Date{}},
		{"after 9998", 9999, era.Date{}, era.Date{}},
	}
	for _, tt := range tests {
		if got := tt.fy.First(); got != tt.first {
			t.Errorf("%s: FiscalYear(%d).First() = %#v; want %#v", tt.name, tt.fy, got, tt.first)
		}
		if got := tt.fy.Last(); got != tt.last {
			t.Errorf("%s: FiscalYear(%d).Last() = %#v; want %#v", tt.name, tt.fy, got, tt.last)
		}
		if got := tt.fy.Period(); got != (era.Period{Start: tt.first, End: tt.last}) {
			t.Errorf("%s: FiscalYear(%d).Period() = %v", tt.name, tt.fy, got)
		}
		if tt.fy.IsValid() != (tt.first != era.Date{}) {
			t.Errorf("%s: FiscalYear(%d).IsValid() = %v", tt.name, tt.fy, tt.fy.IsValid())
		}
	}
}

func TestFiscalYearContains(t *testing.T) {
	fy := era.FiscalYear(2019)
	tests := []struct {
		name string
		d    era.Date
		want bool
	}{
		{"day before", date(era.Heisei, 31, 3, 31), false},
		{"first day", date(era.Heisei, 31, 4, 1), true},
		{"first day of Reiwa", date(era.Reiwa, 1, 5, 1), true},
		{"last day", date(era.Reiwa, 2, 3, 31), true},
		{"day after", date(era.Reiwa, 2, 4, 1), false},
		{"proleptic name of a day in it", date(era.Heisei, 32, 3, 31), true},
		{"zero Date", era.Date{}, false},
		{"February 30", date(era.Reiwa, 2, 2, 30), false},
	}
	for _, tt := range tests {
		if got := fy.Contains(tt.d); got != tt.want {
			t.Errorf("%s: FiscalYear(2019).Contains(%#v) = %v; want %v", tt.name, tt.d, got, tt.want)
		}
	}
}

func TestFiscalYearOf(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		want era.FiscalYear
	}{
		{"March", day(2020, 3, 31), 2019},
		{"April", day(2020, 4, 1), 2020},
		{"January", day(2020, 1, 1), 2019},
		{"December", day(2019, 12, 31), 2019},
		{"own location", time.Date(2020, 3, 31, 15, 0, 0, 0, time.UTC).In(jst), 2020},
		{"UTC", time.Date(2020, 3, 31, 15, 0, 0, 0, time.UTC), 2019},
	}
	for _, tt := range tests {
		if got := era.FiscalYearOf(tt.t); got != tt.want {
			t.Errorf("%s: FiscalYearOf(%v) = %d; want %d", tt.name, tt.t, got, tt.want)
		}
	}
}

// labelTests are the names of the fiscal years that era changes fall in,
// today and as of days around the changes.
var labelTests = []struct {
	name string
	fy   era.FiscalYear
	asOf time.Time // zero for today's name
	want string
}{
	{"FY2019 today", 2019, time.Time{}, "令和元年度"},
	{"FY2020 today", 2020, time.Time{}, "令和2年度"},
	{"FY2018 today", 2018, time.Time{}, "平成30年度"},
	{"FY1988 today", 1988, time.Time{}, "昭和63年度"},
	{"FY1989 today", 1989, time.Time{}, "平成元年度"},
	{"FY1926 today", 1926, time.Time{}, "昭和元年度"},
	{"FY1925 today", 1925, time.Time{}, "大正14年度"},
	{"FY1912 today", 1912, time.Time{}, "大正元年度"},
	{"FY1873 today", 1873, time.Time{}, "明治6年度"},
	{"FY1867, before Meiji", 1867, time.Time{}, "1867年度"},
	{"FY2019 on the last day of Heisei", 2019, day(2019, 4, 30), "平成31年度"},
	{"FY2019 as of the J-LIS committee", 2019, day(2019, 4, 22), "平成31年度"},
	{"FY2019 on the first day of Reiwa", 2019, day(2019, 5, 1), "令和元年度"},
	{"FY2020 before Reiwa", 2020, day(2019, 3, 1), "平成32年度"},
	{"FY2020 after", 2020, day(2020, 6, 1), "令和2年度"},
	{"FY2018 after Reiwa", 2018, day(2020, 6, 1), "平成30年度"},
	{"FY1988 on the first day of Heisei", 1988, day(1989, 1, 8), "昭和63年度"},
	{"FY1989 on the last day of Showa", 1989, day(1989, 1, 7), "昭和64年度"},
	{"FY1989 on the first day of Heisei", 1989, day(1989, 1, 8), "平成元年度"},
	{"FY1926 before Showa", 1926, day(1926, 12, 24), "大正15年度"},
	{"FY1926 on the first day of Showa", 1926, day(1926, 12, 25), "昭和元年度"},
	{"FY1912 before Taisho", 1912, day(1912, 7, 29), "明治45年度"},
	{"FY1912 in Taisho", 1912, day(1912, 7, 30), "大正元年度"},
	{"as of the day's own location", 2019, time.Date(2019, 4, 30, 15, 0, 0, 0, time.UTC).In(jst), "令和元年度"},
	{"as of UTC", 2019, time.Date(2019, 4, 30, 15, 0, 0, 0, time.UTC), "平成31年度"},
	{"as of a day before Meiji", 1900, day(1867, 1, 1), "1900年度"},
}

func TestLabelAsOf(t *testing.T) {
	for _, tt := range labelTests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.fy.LabelAsOf(tt.asOf)
			if got != tt.want {
				t.Errorf("FiscalYear(%d).LabelAsOf(%v) = %q; want %q", tt.fy, tt.asOf, got, tt.want)
			}
			if tt.asOf.IsZero() {
				if s := tt.fy.String(); s != tt.want {
					t.Errorf("FiscalYear(%d).String() = %q; want %q", tt.fy, s, tt.want)
				}
			}
			if s := tt.fy.Format(era.Style{AsOf: tt.asOf}); s != tt.want {
				t.Errorf("FiscalYear(%d).Format(AsOf %v) = %q; want %q", tt.fy, tt.asOf, s, tt.want)
			}
			if tt.fy < 1873 {
				return
			}
			// Every label reads back, strictly if written today.
			fy, l, err := era.ParseFiscalYearLenient(got)
			if err != nil || fy != tt.fy {
				t.Errorf("ParseFiscalYearLenient(%q) = %d, %v; want %d", got, fy, err, tt.fy)
			}
			if tt.asOf.IsZero() && l != 0 {
				t.Errorf("ParseFiscalYearLenient(%q) reports %v; want strict", got, l)
			}
		})
	}
}

func TestFormatFiscalYear(t *testing.T) {
	tests := []struct {
		name  string
		fy    era.FiscalYear
		style era.Style
		want  string
	}{
		{"full-width", 2020, era.Style{Numerals: era.FullWidth}, "令和２年度"},
		{"full-width 元年", 2019, era.Style{Numerals: era.FullWidth}, "令和元年度"},
		{"kanji", 2018, era.Style{Numerals: era.KanjiNumerals}, "平成三十年度"},
		{"kanji as of 2019-04-01", 2019, era.Style{Numerals: era.KanjiNumerals, AsOf: day(2019, 4, 1)}, "平成三十一年度"},
		{"no 元年", 2019, era.Style{NoGannen: true}, "令和1年度"},
		{"one kanji", 2020, era.Style{Name: era.OneKanji}, "令2年度"},
		{"one letter", 2020, era.Style{Name: era.OneLetter}, "R2年度"},
		{"JIS is ignored", 2020, era.Style{JIS: true}, "令和2年度"},
		{"Gregorian in full-width", 1867, era.Style{Numerals: era.FullWidth}, "１８６７年度"},
	}
	for _, tt := range tests {
		if got := tt.fy.Format(tt.style); got != tt.want {
			t.Errorf("%s: FiscalYear(%d).Format(%+v) = %q; want %q", tt.name, tt.fy, tt.style, got, tt.want)
		}
	}
}

// fiscalYearTests are texts that strict parsing reads as fiscal years. They
// seed FuzzParseFiscalYear.
var fiscalYearTests = []struct {
	name string
	in   string
	want era.FiscalYear
}{
	{"元年度", "令和元年度", 2019},
	{"the same year under Heisei", "平成31年度", 2019},
	{"full-width", "令和２年度", 2020},
	{"kanji", "平成三十一年度", 2019},
	{"Gregorian", "2019年度", 2019},
	{"Gregorian full-width", "２０１９年度", 2019},
	{"Gregorian kanji", "二〇一九年度", 2019},
	{"spaced as in J-LIS", "平成 30 年度", 2018},
	{"no 元年", "令和1年度", 2019},
	{"zero-padded", "令和01年度", 2019},
	{"one kanji", "令2年度", 2020},
	{"letter", "R2年度", 2020},
	{"square", "㍻31年度", 2019},
	{"Showa 1, which began at its end", "昭和元年度", 1926},
	{"Taisho 15", "大正15年度", 1926},
	{"Showa 63", "昭和63年度", 1988},
	{"Heisei 1", "平成元年度", 1989},
	{"Meiji 45", "明治45年度", 1912},
	{"Taisho 1", "大正元年度", 1912},
	{"first handled", "明治6年度", 1873},
	{"last handled", "9998年度", 9998},
}

func TestParseFiscalYear(t *testing.T) {
	for _, tt := range fiscalYearTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := era.ParseFiscalYear(tt.in)
			if err != nil || got != tt.want {
				t.Fatalf("ParseFiscalYear(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
			got, l, err := era.ParseFiscalYearLenient(tt.in)
			if err != nil || got != tt.want || l != 0 {
				t.Errorf("ParseFiscalYearLenient(%q) = %d, %v, %v; want %d, strict", tt.in, got, l, err, tt.want)
			}
		})
	}
}

func TestParseFiscalYearErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		err     error
		lenient era.FiscalYear // what lenient parsing reads, if not an error
		l       era.Leniency
	}{
		{"proleptic", "平成32年度", era.ErrOutsideEra, 2020, era.Proleptic},
		{"no day of FY1989 is Showa", "昭和64年度", era.ErrOutsideEra, 1989, era.Proleptic},
		{"Taisho 16", "大正16年度", era.ErrOutsideEra, 1927, era.Proleptic},
		{"Meiji 46", "明治46年度", era.ErrOutsideEra, 1913, era.Proleptic},
		{"year 0", "令和0年度", era.ErrRange, 0, 0},
		{"before 1873", "明治5年度", era.ErrRange, 0, 0},
		{"Gregorian before 1873", "1872年度", era.ErrRange, 0, 0},
		{"ends after 9999", "9999年度", era.ErrRange, 0, 0},
		{"a day", "令和2年3月31日", era.ErrSyntax, 0, 0},
		{"a year", "令和2年", era.ErrSyntax, 0, 0},
		{"trailing text", "平成30年度末", era.ErrSyntax, 0, 0},
		{"twice 年度, as one line of the report has it", "平成 31 年度年度", era.ErrSyntax, 0, 0},
		{"space before 度", "令和2年 度", era.ErrSyntax, 0, 0},
		{"bare number", "2019", era.ErrSyntax, 0, 0},
		{"empty", "", era.ErrSyntax, 0, 0},
		{"invalid UTF-8", "令和\xff年度", era.ErrSyntax, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := era.ParseFiscalYear(tt.in)
			var pe *era.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, tt.err) || pe.Input != tt.in {
				t.Fatalf("ParseFiscalYear(%q) = %d, %v; want a *ParseError that wraps %v", tt.in, got, err, tt.err)
			}
			got, _, err = era.ParseFiscalYearLenient(tt.in)
			if tt.lenient == 0 {
				if err == nil {
					t.Errorf("ParseFiscalYearLenient(%q) = %d; want an error", tt.in, got)
				}
				return
			}
			if err != nil || got != tt.lenient {
				t.Errorf("ParseFiscalYearLenient(%q) = %d, %v; want %d", tt.in, got, err, tt.lenient)
			}
			if _, l, _ := era.ParseFiscalYearLenient(tt.in); l != tt.l {
				t.Errorf("ParseFiscalYearLenient(%q) reports %v; want %v", tt.in, l, tt.l)
			}
		})
	}
}
