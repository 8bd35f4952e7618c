package era_test

import (
	"errors"
	"testing"

	"github.com/koukaikei/koukaikei/era"
)

var fy2019 = era.Period{Start: date(era.Heisei, 31, 4, 1), End: date(era.Reiwa, 2, 3, 31)}

// periodTests are texts that strict parsing reads as periods. They seed
// FuzzParsePeriod.
var periodTests = []struct {
	name string
	in   string
	want era.Period
}{
	{"から まで", "平成31年4月1日から令和2年3月31日まで", fy2019},
	{"から without まで", "平成31年4月1日から令和2年3月31日", fy2019},
	{"full-width から まで", "平成３１年４月１日から令和２年３月３１日まで", fy2019},
	{"kanji から まで", "平成三十一年四月一日から令和二年三月三十一日まで", fy2019},
	{"自 至", "自 平成31年4月1日 至 令和2年3月31日", fy2019},
	{"自 至 unspaced", "自平成31年4月1日至令和2年3月31日", fy2019},
	{"自 至 as in J-LIS", "自 平成 31 年 4 月 １日 \n  至 令和 2 年 3 月 31 日", fy2019},
	{"自 至 with ideographic spaces", "自\u3000平成31年4月1日\u3000至\u3000令和2年3月31日", fy2019},
	{"fullwidth tilde", "平成31年4月1日～令和2年3月31日", fy2019},
	{"wave dash", "平成31年4月1日〜令和2年3月31日", fy2019},
	{"ASCII tilde", "平成31年4月1日~令和2年3月31日", fy2019},
	{"spaced tilde", "平成31年4月1日 ～ 令和2年3月31日", fy2019},
	{"JIS", "H31.04.01～R02.03.31", fy2019},
	{"ISO", "2019-04-01～2020-03-31", fy2019},
	{"Gregorian", "2019年4月1日から2020年3月31日まで", fy2019},
	{"one day", "令和2年3月31日", era.Period{Start: date(era.Reiwa, 2, 3, 31), End: date(era.Reiwa, 2, 3, 31)}},
	{"same day twice", "令和2年3月31日～令和2年3月31日", era.Period{Start: date(era.Reiwa, 2, 3, 31), End: date(era.Reiwa, 2, 3, 31)}},
	{"a month", "令和2年2月", era.Period{Start: date(era.Reiwa, 2, 2, 1), End: date(era.Reiwa, 2, 2, 29)}},
	{"a month of two eras", "平成元年1月", era.Period{Start: date(era.Showa, 64, 1, 1), End: date(era.Heisei, 1, 1, 31)}},
	{"Showa's last month", "昭和64年1月", era.Period{Start: date(era.Showa, 64, 1, 1), End: date(era.Heisei, 1, 1, 31)}},
	{"a year", "令和2年", era.Period{Start: date(era.Reiwa, 2, 1, 1), End: date(era.Reiwa, 2, 12, 31)}},
	{"元年 is the calendar year", "令和元年", era.Period{Start: date(era.Heisei, 31, 1, 1), End: date(era.Reiwa, 1, 12, 31)}},
	{"Showa 64 is the calendar year", "昭和64年", era.Period{Start: date(era.Showa, 64, 1, 1), End: date(era.Heisei, 1, 12, 31)}},
	{"a fiscal year", "令和元年度", fy2019},
	{"Gregorian fiscal year", "2019年度", fy2019},
	{"months", "平成29年7月から令和2年3月まで", era.Period{Start: date(era.Heisei, 29, 7, 1), End: date(era.Reiwa, 2, 3, 31)}},
	{"years", "令和3年～令和8年", era.Period{Start: date(era.Reiwa, 3, 1, 1), End: date(era.Reiwa, 8, 12, 31)}},
	{"fiscal years", "令和2年度から令和4年度", era.Period{Start: date(era.Reiwa, 2, 4, 1), End: date(era.Reiwa, 5, 3, 31)}},
	{"a day to a month", "令和元年10月24日～令和2年3月", era.Period{Start: date(era.Reiwa, 1, 10, 24), End: date(era.Reiwa, 2, 3, 31)}},
	{"end leaves out era and year", "令和2年1月～3月", era.Period{Start: date(era.Reiwa, 2, 1, 1), End: date(era.Reiwa, 2, 3, 31)}},
	{"end leaves out era, year and month", "令和2年5月12日～14日", era.Period{Start: date(era.Reiwa, 2, 5, 12), End: date(era.Reiwa, 2, 5, 14)}},
	{"end is a month and day", "令和2年4月1日から9月30日まで", era.Period{Start: date(era.Reiwa, 2, 4, 1), End: date(era.Reiwa, 2, 9, 30)}},
	{"end is a day of a month", "令和2年4月～15日", era.Period{Start: date(era.Reiwa, 2, 4, 1), End: date(era.Reiwa, 2, 4, 15)}},
	{"end is a month of a year", "令和2年～3月", era.Period{Start: date(era.Reiwa, 2, 1, 1), End: date(era.Reiwa, 2, 3, 31)}},
	{"short end in kanji", "令和二年一月～三月", era.Period{Start: date(era.Reiwa, 2, 1, 1), End: date(era.Reiwa, 2, 3, 31)}},
	{"short Gregorian end", "2020年1月～3月", era.Period{Start: date(era.Reiwa, 2, 1, 1), End: date(era.Reiwa, 2, 3, 31)}},
	{"line break inside an era name", "令和元年 10 月～令\n\n和２年３月", era.Period{Start: date(era.Reiwa, 1, 10, 1), End: date(era.Reiwa, 2, 3, 31)}},
	{"era and Gregorian ends", "平成31年4月1日から2020年3月31日まで", fy2019},
}

func TestParsePeriod(t *testing.T) {
	for _, tt := range periodTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := era.ParsePeriod(tt.in)
			if err != nil || got != tt.want {
				t.Fatalf("ParsePeriod(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			got, l, err := era.ParsePeriodLenient(tt.in)
			if err != nil || got != tt.want || l != 0 {
				t.Errorf("ParsePeriodLenient(%q) = %v, %v, %v; want %v, strict", tt.in, got, l, err, tt.want)
			}
		})
	}
}

func TestParsePeriodErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		err    error
		offset int
	}{
		{"end before start", "令和2年3月31日から令和2年3月30日まで", era.ErrRange, 25},
		{"end month before start", "令和2年3月～2月", era.ErrRange, 17},
		{"missing end", "令和2年4月1日から", era.ErrSyntax, 24},
		{"missing end after 至", "自 令和2年4月1日 至 ", era.ErrSyntax, 27},
		{"自 without 至", "自 令和2年4月1日から令和3年3月31日", era.ErrSyntax, 22},
		{"至 without 自", "令和2年4月1日 至 令和3年3月31日", era.ErrSyntax, 19},
		{"trailing text", "令和2年4月1日から令和3年3月31日までの間", era.ErrSyntax, 49},
		{"まで twice", "令和2年4月1日から令和3年3月31日までまで", era.ErrSyntax, 49},
		{"two tildes", "令和2年4月1日～～令和3年3月31日", era.ErrSyntax, 21},
		{"wrong connective", "令和2年4月1日・令和3年3月31日", era.ErrSyntax, 18},
		{"short end after a fiscal year", "令和2年度～3月", era.ErrSyntax, 16},
		{"day-only end after a year", "令和2年～3日", era.ErrSyntax, 13},
		{"short start", "3月～令和2年4月", era.ErrSyntax, 1},
		{"empty", "", era.ErrSyntax, 0},
		{"end outside its era", "平成31年4月1日から平成32年3月31日まで", era.ErrOutsideEra, 25},
		{"start outside its era", "令和元年4月1日から令和2年3月31日まで", era.ErrOutsideEra, 0},
		{"short end outside its era", "平成31年4月1日～5月31日", era.ErrOutsideEra, 22},
		{"month outside its era", "令和元年4月", era.ErrOutsideEra, 0},
		{"year outside its era", "平成32年", era.ErrOutsideEra, 0},
		{"fiscal year outside its era", "昭和64年度", era.ErrOutsideEra, 0},
		{"impossible day", "令和2年2月1日～2月30日", era.ErrRange, 25},
		{"before 1873", "明治5年12月1日から明治6年1月31日", era.ErrRange, 0},
		{"invalid UTF-8", "令和2年4月1日\xffから", era.ErrSyntax, 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := era.ParsePeriod(tt.in)
			var pe *era.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, tt.err) || pe.Input != tt.in || pe.Offset != tt.offset {
				t.Fatalf("ParsePeriod(%q) = %v, %v (offset %v); want a *ParseError that wraps %v at offset %d", tt.in, got, err, offsetOf(err), tt.err, tt.offset)
			}
			if got != (era.Period{}) {
				t.Errorf("ParsePeriod(%q) = %v with an error; want the zero Period", tt.in, got)
			}
		})
	}
}

func offsetOf(err error) any {
	var pe *era.ParseError
	if errors.As(err, &pe) {
		return pe.Offset
	}
	return nil
}

func TestParsePeriodLenient(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want era.Period
		l    era.Leniency
	}{
		{"proleptic end", "平成31年4月1日から平成32年3月31日まで", fy2019, era.Proleptic},
		{"early start", "令和元年4月1日から令和2年3月31日まで", fy2019, era.BeforeStart},
		{"both", "令和元年4月1日から平成32年3月31日まで", fy2019, era.BeforeStart | era.Proleptic},
		{"short end", "平成31年4月1日～5月31日", era.Period{Start: date(era.Heisei, 31, 4, 1), End: date(era.Reiwa, 1, 5, 31)}, era.Proleptic},
		{"accession day at the end", "明治45年7月1日～30日", era.Period{Start: date(era.Meiji, 45, 7, 1), End: date(era.Taisho, 1, 7, 30)}, era.AccessionDay},
		{"month", "令和元年4月", era.Period{Start: date(era.Heisei, 31, 4, 1), End: date(era.Heisei, 31, 4, 30)}, era.BeforeStart},
		{"year", "平成32年", era.Period{Start: date(era.Reiwa, 2, 1, 1), End: date(era.Reiwa, 2, 12, 31)}, era.Proleptic},
		{"fiscal year", "平成32年度", era.Period{Start: date(era.Reiwa, 2, 4, 1), End: date(era.Reiwa, 3, 3, 31)}, era.Proleptic},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, l, err := era.ParsePeriodLenient(tt.in)
			if err != nil || got != tt.want || l != tt.l {
				t.Fatalf("ParsePeriodLenient(%q) = %v, %v, %v; want %v, %v", tt.in, got, l, err, tt.want, tt.l)
			}
			if _, err := era.ParsePeriod(tt.in); !errors.Is(err, era.ErrOutsideEra) {
				t.Errorf("ParsePeriod(%q) error %v; want one that wraps ErrOutsideEra", tt.in, err)
			}
		})
	}
}

func TestPeriodFormat(t *testing.T) {
	tests := []struct {
		name  string
		style era.Style
		want  string
	}{
		{"default", era.Style{}, "平成31年4月1日から令和2年3月31日まで"},
		{"full-width", era.Style{Numerals: era.FullWidth}, "平成３１年４月１日から令和２年３月３１日まで"},
		{"kanji", era.Style{Numerals: era.KanjiNumerals}, "平成三十一年四月一日から令和二年三月三十一日まで"},
		{"自 至", era.Style{Connective: era.JiItaru}, "自 平成31年4月1日 至 令和2年3月31日"},
		{"tilde", era.Style{Connective: era.Tilde}, "平成31年4月1日\uff5e令和2年3月31日"},
		{"wave dash", era.Style{Connective: era.WaveDash}, "平成31年4月1日\u301c令和2年3月31日"},
		{"JIS", era.Style{JIS: true, Name: era.OneLetter, Connective: era.Tilde}, "H31.04.01～R02.03.31"},
	}
	for _, tt := range tests {
		if got := fy2019.Format(tt.style); got != tt.want {
			t.Errorf("%s: Format = %q; want %q", tt.name, got, tt.want)
		}
	}
	if got, want := fy2019.String(), "平成31年4月1日から令和2年3月31日まで"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
}

// TestPeriodRoundTrip writes periods in every style and connective and reads them back.
func TestPeriodRoundTrip(t *testing.T) {
	periods := []era.Period{
		fy2019,
		{Start: date(era.Showa, 64, 1, 7), End: date(era.Heisei, 1, 1, 8)},
		{Start: date(era.Meiji, 6, 1, 1), End: date(era.Reiwa, 82, 12, 31)},
		{Start: date(era.Reiwa, 1, 5, 1), End: date(era.Reiwa, 1, 5, 1)},
	}
	for _, p := range periods {
		for _, s := range styles {
			for _, c := range []era.Connective{era.KaraMade, era.JiItaru, era.Tilde, era.WaveDash} {
				st := s.style
				st.Connective = c
				text := p.Format(st)
				got, err := era.ParsePeriod(text)
				if err != nil || got != p {
					t.Errorf("%s: ParsePeriod(%q) = %v, %v; want %v", s.name, text, got, err, p)
				}
			}
		}
	}
}

func TestPeriodContains(t *testing.T) {
	tests := []struct {
		name string
		d    era.Date
		want bool
	}{
		{"before", date(era.Heisei, 31, 3, 31), false},
		{"start", date(era.Heisei, 31, 4, 1), true},
		{"inside", date(era.Reiwa, 1, 5, 1), true},
		{"end", date(era.Reiwa, 2, 3, 31), true},
		{"end named proleptically", date(era.Heisei, 32, 3, 31), true},
		{"after", date(era.Reiwa, 2, 4, 1), false},
	}
	for _, tt := range tests {
		if got := fy2019.Contains(tt.d); got != tt.want {
			t.Errorf("%s: Contains(%v) = %v; want %v", tt.name, tt.d, got, tt.want)
		}
	}
}
