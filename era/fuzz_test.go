package era_test

import (
	"errors"
	"testing"

	"github.com/koukaikei/koukaikei/era"
)

// checkError checks that err is a well-formed *ParseError for input s.
func checkError(t *testing.T, s string, err error) {
	t.Helper()
	var pe *era.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("%q: error %v is not a *ParseError", s, err)
	}
	if pe.Input != s || pe.Offset < 0 || pe.Offset > len(s) || pe.Reason == "" {
		t.Fatalf("%q: error %#v", s, pe)
	}
	if !errors.Is(err, era.ErrSyntax) && !errors.Is(err, era.ErrRange) && !errors.Is(err, era.ErrOutsideEra) {
		t.Fatalf("%q: error %v wraps no sentinel", s, err)
	}
}

func seedJLIS(f *testing.F, kind string) {
	for _, c := range readJLIS(f) {
		if c.kind == kind {
			f.Add(c.in)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, tt := range parseErrorTests {
		f.Add(tt.in)
	}
	for _, tt := range lenientTests {
		f.Add(tt.in)
	}
	seedJLIS(f, "date")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := era.Parse(s)
		if err != nil {
			checkError(t, s, err)
		} else {
			if !d.IsValid() {
				t.Fatalf("Parse(%q) = %#v, not valid", s, d)
			}
			for _, st := range styles {
				text := d.Format(st.style)
				if got, err := era.Parse(text); err != nil || got != d {
					t.Fatalf("Parse(%q) = %#v; Parse(%q) = %#v, %v", s, d, text, got, err)
				}
			}
		}
		ld, l, lerr := era.ParseLenient(s)
		switch {
		case lerr != nil:
			checkError(t, s, lerr)
			if err == nil {
				t.Fatalf("Parse(%q) accepts what ParseLenient rejects: %v", s, lerr)
			}
		case err == nil:
			if ld != d || l != 0 {
				t.Fatalf("ParseLenient(%q) = %#v, %v; Parse = %#v", s, ld, l, d)
			}
		default:
			if l == 0 || !errors.Is(err, era.ErrOutsideEra) {
				t.Fatalf("ParseLenient(%q) = %#v, %v, while Parse fails with %v", s, ld, l, err)
			}
			if !ld.IsValid() {
				t.Fatalf("ParseLenient(%q) = %#v, not valid", s, ld)
			}
			if got, err := era.Parse(ld.String()); err != nil || got != ld {
				t.Fatalf("ParseLenient(%q) = %#v; Parse(%q) = %#v, %v", s, ld, ld.String(), got, err)
			}
		}
	})
}

func FuzzParseFiscalYear(f *testing.F) {
	for _, tt := range fiscalYearTests {
		f.Add(tt.in)
	}
	for _, tt := range labelTests {
		f.Add(tt.want)
	}
	f.Add("平成32年度")
	f.Add("昭和64年度")
	f.Add("2019")
	seedJLIS(f, "fiscal")
	f.Fuzz(func(t *testing.T, s string) {
		fy, err := era.ParseFiscalYear(s)
		if err != nil {
			checkError(t, s, err)
		} else {
			if !fy.IsValid() {
				t.Fatalf("ParseFiscalYear(%q) = %d, not valid", s, fy)
			}
			for _, st := range styles {
				text := fy.Format(st.style)
				if got, err := era.ParseFiscalYear(text); err != nil || got != fy {
					t.Fatalf("ParseFiscalYear(%q) = %d; ParseFiscalYear(%q) = %d, %v", s, fy, text, got, err)
				}
			}
			b, err := fy.MarshalText()
			var back era.FiscalYear
			if err != nil || back.UnmarshalText(b) != nil || back != fy {
				t.Fatalf("FiscalYear(%d) does not marshal and back: %q, %v, %d", fy, b, err, back)
			}
		}
		lfy, l, lerr := era.ParseFiscalYearLenient(s)
		switch {
		case lerr != nil:
			checkError(t, s, lerr)
			if err == nil {
				t.Fatalf("ParseFiscalYear(%q) accepts what ParseFiscalYearLenient rejects: %v", s, lerr)
			}
		case err == nil:
			if lfy != fy || l != 0 {
				t.Fatalf("ParseFiscalYearLenient(%q) = %d, %v; ParseFiscalYear = %d", s, lfy, l, fy)
			}
		default:
			if l == 0 || !errors.Is(err, era.ErrOutsideEra) {
				t.Fatalf("ParseFiscalYearLenient(%q) = %d, %v, while ParseFiscalYear fails with %v", s, lfy, l, err)
			}
			if got, err := era.ParseFiscalYear(lfy.String()); err != nil || got != lfy {
				t.Fatalf("ParseFiscalYearLenient(%q) = %d; ParseFiscalYear(%q) = %d, %v", s, lfy, lfy.String(), got, err)
			}
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, tt := range periodTests {
		f.Add(tt.in)
	}
	f.Add("令和2年3月31日から令和2年3月30日まで")
	f.Add("平成31年4月1日から平成32年3月31日まで")
	f.Add("自 令和2年4月1日 至 ")
	seedJLIS(f, "period")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := era.ParsePeriod(s)
		if err != nil {
			checkError(t, s, err)
		} else {
			if !p.Start.IsValid() || !p.End.IsValid() || p.End.Before(p.Start) {
				t.Fatalf("ParsePeriod(%q) = %#v", s, p)
			}
			for _, st := range styles {
				for _, c := range []era.Connective{era.KaraMade, era.JiItaru, era.Tilde, era.WaveDash} {
					style := st.style
					style.Connective = c
					text := p.Format(style)
					if got, err := era.ParsePeriod(text); err != nil || got != p {
						t.Fatalf("ParsePeriod(%q) = %v; ParsePeriod(%q) = %v, %v", s, p, text, got, err)
					}
				}
			}
		}
		lp, l, lerr := era.ParsePeriodLenient(s)
		switch {
		case lerr != nil:
			checkError(t, s, lerr)
			if err == nil {
				t.Fatalf("ParsePeriod(%q) accepts what ParsePeriodLenient rejects: %v", s, lerr)
			}
		case err == nil:
			if lp != p || l != 0 {
				t.Fatalf("ParsePeriodLenient(%q) = %v, %v; ParsePeriod = %v", s, lp, l, p)
			}
		default:
			if l == 0 || !errors.Is(err, era.ErrOutsideEra) {
				t.Fatalf("ParsePeriodLenient(%q) = %v, %v, while ParsePeriod fails with %v", s, lp, l, err)
			}
			if got, err := era.ParsePeriod(lp.String()); err != nil || got != lp {
				t.Fatalf("ParsePeriodLenient(%q) = %v; ParsePeriod(%q) = %v, %v", s, lp, lp.String(), got, err)
			}
		}
	})
}

// captions are the Captions whose lines FuzzParseCaption reads back.
var captions = []era.Caption{
	{}, {HalfWidth: true}, {Bare: true}, {Connective: era.JiItaru}, {Connective: era.Tilde},
	{Bare: true, HalfWidth: true, Connective: era.JiItaru, TwoLines: true},
}

func FuzzParseCaption(f *testing.F) {
	for _, s := range []string{
		"（令和２年３月３１日現在）", "令和3年3月31日現在", "（平成３１年４月１日から令和２年３月３１日まで）",
		"（自 令和2年4月1日 至 令和3年3月31日）", "自 令和2年4月1日\n至 令和3年3月31日",
		"（平成32年3月31日現在）", "（令和2年3月31日現在", "(令和2年度)", "（現在）",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, p, err := era.ParseCaption(s)
		if err != nil {
			checkError(t, s, err)
		} else {
			checkCaption(t, s, d, p)
		}
		ld, lp, l, lerr := era.ParseCaptionLenient(s)
		switch {
		case lerr != nil:
			checkError(t, s, lerr)
			if err == nil {
				t.Fatalf("ParseCaption(%q) accepts what ParseCaptionLenient rejects: %v", s, lerr)
			}
		case err == nil:
			if ld != d || lp != p || l != 0 {
				t.Fatalf("ParseCaptionLenient(%q) = %v, %v, %v; ParseCaption = %v, %v", s, ld, lp, l, d, p)
			}
		default:
			if l == 0 || !errors.Is(err, era.ErrOutsideEra) {
				t.Fatalf("ParseCaptionLenient(%q) = %v, %v, %v, while ParseCaption fails with %v", s, ld, lp, l, err)
			}
			checkCaption(t, s, ld, lp)
		}
	})
}

// checkCaption checks that the as-of date d or the period p read from s is
// valid and reads back strictly from the line of every Caption.
func checkCaption(t *testing.T, s string, d era.Date, p era.Period) {
	t.Helper()
	asOf := d != (era.Date{})
	if asOf == (p != (era.Period{})) {
		t.Fatalf("ParseCaption(%q) = %#v, %#v: want one of them", s, d, p)
	}
	if asOf && !d.IsValid() || !asOf && (!p.Start.IsValid() || !p.End.IsValid() || p.End.Before(p.Start)) {
		t.Fatalf("ParseCaption(%q) = %#v, %#v", s, d, p)
	}
	for _, c := range captions {
		text := c.FormatPeriod(p)
		if asOf {
			text = c.FormatAsOf(d)
		}
		if gd, gp, err := era.ParseCaption(text); err != nil || gd != d || gp != p {
			t.Fatalf("ParseCaption(%q) = %v, %v; ParseCaption(%q) = %v, %v, %v", s, d, p, text, gd, gp, err)
		}
	}
}
