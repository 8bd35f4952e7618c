package era_test

import (
	"errors"
	"testing"
	"time"

	"github.com/koukaikei/koukaikei/era"
)

var fy2020 = era.Period{Start: date(era.Reiwa, 2, 4, 1), End: date(era.Reiwa, 3, 3, 31)}

func TestCaption(t *testing.T) {
	tests := []struct {
		name    string
		caption era.Caption
		asOf    string // of 令和2年3月31日
		period  string // of FY2019
	}{
		{"zero", era.Caption{}, "（令和２年３月３１日現在）", "（平成３１年４月１日から令和２年３月３１日まで）"},
		{"half-width", era.Caption{HalfWidth: true}, "（令和2年3月31日現在）", "（平成31年4月1日から令和2年3月31日まで）"},
		{"bare", era.Caption{Bare: true}, "令和２年３月３１日現在", "平成３１年４月１日から令和２年３月３１日まで"},
		{"bare half-width", era.Caption{Bare: true, HalfWidth: true}, "令和2年3月31日現在", "平成31年4月1日から令和2年3月31日まで"},
		{"自至", era.Caption{HalfWidth: true, Connective: era.JiItaru}, "（令和2年3月31日現在）", "（自 平成31年4月1日 至 令和2年3月31日）"},
		{"自至 full-width", era.Caption{Connective: era.JiItaru}, "（令和２年３月３１日現在）", "（自 平成３１年４月１日 至 令和２年３月３１日）"},
		{"自至 on two lines", era.Caption{Bare: true, HalfWidth: true, Connective: era.JiItaru, TwoLines: true}, "令和2年3月31日現在", "自 平成31年4月1日\n至 令和2年3月31日"},
		{"自至 on two lines, bracketed", era.Caption{Connective: era.JiItaru, TwoLines: true}, "（令和２年３月３１日現在）", "（自 平成３１年４月１日\n至 令和２年３月３１日）"},
		{"two lines ignored by から", era.Caption{HalfWidth: true, TwoLines: true}, "（令和2年3月31日現在）", "（平成31年4月1日から令和2年3月31日まで）"},
		{"tilde", era.Caption{HalfWidth: true, Connective: era.Tilde}, "（令和2年3月31日現在）", "（平成31年4月1日～令和2年3月31日）"},
	}
	asOf := date(era.Reiwa, 2, 3, 31)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.caption.FormatAsOf(asOf); got != tt.asOf {
				t.Errorf("FormatAsOf = %q, want %q", got, tt.asOf)
			}
			if got := tt.caption.FormatPeriod(fy2019); got != tt.period {
				t.Errorf("FormatPeriod = %q, want %q", got, tt.period)
			}
			if d, p, err := era.ParseCaption(tt.asOf); err != nil || d != asOf || p != (era.Period{}) {
				t.Errorf("ParseCaption(%q) = %v, %v, %v; want %v", tt.asOf, d, p, err, asOf)
			}
			if d, p, err := era.ParseCaption(tt.period); err != nil || p != fy2019 || d != (era.Date{}) {
				t.Errorf("ParseCaption(%q) = %v, %v, %v; want %v", tt.period, d, p, err, fy2019)
			}
		})
	}
}

func TestParseCaption(t *testing.T) {
	tests := []struct {
		in     string
		asOf   era.Date
		period era.Period
		l      era.Leniency
	}{
		{"（令和２年３月３１日現在）", date(era.Reiwa, 2, 3, 31), era.Period{}, 0},
		{"令和3年3月31日現在", date(era.Reiwa, 3, 3, 31), era.Period{}, 0},
		{" ( 令和3年3月31日 現在 ) ", date(era.Reiwa, 3, 3, 31), era.Period{}, 0},
		{"（令和 2 年 3 月 31 日）", date(era.Reiwa, 2, 3, 31), era.Period{}, 0},
		{"（平成３１年４月１日から令和２年３月３１日まで）", era.Date{}, fy2019, 0},
		{"（自 令和2年4月1日 至 令和3年3月31日）", era.Date{}, fy2020, 0},
		{"自 令和2年4月1日\n至 令和3年3月31日", era.Date{}, fy2020, 0},
		{"自　令和２年４月１日\r\n至　令和３年３月３１日\r\n", era.Date{}, fy2020, 0},
		{"（令和2年度）", era.Date{}, fy2020, 0},
		{"（平成32年3月31日現在）", date(era.Reiwa, 2, 3, 31), era.Period{}, era.Proleptic},
		{"（平成31年4月1日から平成32年3月31日まで）", era.Date{}, fy2019, era.Proleptic},
	}
	for _, tt := range tests {
		d, p, l, err := era.ParseCaptionLenient(tt.in)
		if err != nil || d != tt.asOf || p != tt.period || l != tt.l {
			t.Errorf("ParseCaptionLenient(%q) = %v, %v, %v, %v; want %v, %v, %v", tt.in, d, p, l, err, tt.asOf, tt.period, tt.l)
		}
		d, p, err = era.ParseCaption(tt.in)
		if tt.l != 0 {
			if !errors.Is(err, era.ErrOutsideEra) {
				t.Errorf("ParseCaption(%q) error %v, want ErrOutsideEra", tt.in, err)
			}
			continue
		}
		if err != nil || d != tt.asOf || p != tt.period {
			t.Errorf("ParseCaption(%q) = %v, %v, %v; want %v, %v", tt.in, d, p, err, tt.asOf, tt.period)
		}
	}
}

func TestParseCaptionErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		err    error
	}{
		{"", 0, era.ErrSyntax},
		{"（令和2年3月31日現在", 28, era.ErrSyntax},
		{"（令和2年2月30日現在）", 17, era.ErrRange},
		{"  （現在）", 5, era.ErrSyntax},
		{"令和2年3月31日現在）", 19, era.ErrSyntax},
		{"（令和2年3月31日から令和2年3月1日まで）", 28, era.ErrRange},
	}
	for _, tt := range tests {
		_, _, err := era.ParseCaption(tt.in)
		var pe *era.ParseError
		if !errors.As(err, &pe) || pe.Input != tt.in || pe.Offset != tt.offset || !errors.Is(err, tt.err) {
			t.Errorf("ParseCaption(%q) error %#v, want offset %d wrapping %v", tt.in, err, tt.offset, tt.err)
		}
	}
}

// Every as-of day and every fiscal year that the package handles round-trips
// through every Caption.
func TestCaptionRoundTrip(t *testing.T) {
	captions := []era.Caption{{}, {HalfWidth: true}, {Bare: true}, {Connective: era.JiItaru}, {Bare: true, Connective: era.JiItaru, TwoLines: true}, {Connective: era.WaveDash}}
	for y := 1873; y <= 2100; y++ {
		fy := era.FiscalYear(y)
		d, err := era.DateOf(time.Date(y, time.March, 31, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range captions {
			if s := c.FormatAsOf(d); !roundTrips(s, d, era.Period{}) {
				t.Fatalf("%+v: FormatAsOf(%v) = %q does not read back", c, d, s)
			}
			if !fy.IsValid() {
				continue
			}
			if s := c.FormatPeriod(fy.Period()); !roundTrips(s, era.Date{}, fy.Period()) {
				t.Fatalf("%+v: FormatPeriod(%v) = %q does not read back", c, fy.Period(), s)
			}
		}
	}
}

func roundTrips(s string, d era.Date, p era.Period) bool {
	gd, gp, err := era.ParseCaption(s)
	return err == nil && gd == d && gp == p
}
