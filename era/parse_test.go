package era_test

import (
	"bufio"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/koukaikei/koukaikei/era"
)

func date(e era.Era, y int, m time.Month, d int) era.Date {
	return era.Date{Era: e, Year: y, Month: m, Day: d}
}

// parseTests are texts that strict parsing accepts. They seed FuzzParse.
var parseTests = []struct {
	name string
	in   string
	want era.Date
}{
	{"gannen", "令和元年5月1日", date(era.Reiwa, 1, 5, 1)},
	{"half-width", "令和2年3月31日", date(era.Reiwa, 2, 3, 31)},
	{"full-width", "令和２年３月３１日", date(era.Reiwa, 2, 3, 31)},
	{"kanji numerals", "令和二年三月三十一日", date(era.Reiwa, 2, 3, 31)},
	{"kanji ten", "平成十年十月十日", date(era.Heisei, 10, 10, 10)},
	{"kanji twenty", "平成二十年十二月二十日", date(era.Heisei, 20, 12, 20)},
	{"kanji ninety-nine", "令和九十九年一月一日", date(era.Reiwa, 99, 1, 1)},
	{"kanji hundred", "令和百二年一月一日", date(era.Reiwa, 102, 1, 1)},
	{"kanji one ten", "令和一十年一月一日", date(era.Reiwa, 10, 1, 1)},
	{"kanji year one", "令和一年五月一日", date(era.Reiwa, 1, 5, 1)},
	{"kanji digit by digit", "令和〇二年〇三月三一日", date(era.Reiwa, 2, 3, 31)},
	{"kanji zero as white circle", "令和○二年○三月三一日", date(era.Reiwa, 2, 3, 31)},
	{"JIS letter", "R02.03.31", date(era.Reiwa, 2, 3, 31)},
	{"JIS lower-case letter", "r02.03.31", date(era.Reiwa, 2, 3, 31)},
	{"JIS full-width letter", "Ｒ０２．０３．３１", date(era.Reiwa, 2, 3, 31)},
	{"JIS one kanji", "令02.03.31", date(era.Reiwa, 2, 3, 31)},
	{"JIS name", "令和02.03.31", date(era.Reiwa, 2, 3, 31)},
	{"JIS unpadded", "H31.4.1", date(era.Heisei, 31, 4, 1)},
	{"JIS year 1", "R01.05.01", date(era.Reiwa, 1, 5, 1)},
	{"JIS Meiji", "M45.07.29", date(era.Meiji, 45, 7, 29)},
	{"JIS Taisho", "T15.12.24", date(era.Taisho, 15, 12, 24)},
	{"JIS Showa", "S64.01.07", date(era.Showa, 64, 1, 7)},
	{"gannen off", "令和1年5月1日", date(era.Reiwa, 1, 5, 1)},
	{"zero-padded", "令和01年05月01日", date(era.Reiwa, 1, 5, 1)},
	{"one kanji", "令2年3月31日", date(era.Reiwa, 2, 3, 31)},
	{"letter with kanji units", "R2年3月31日", date(era.Reiwa, 2, 3, 31)},
	{"spaced as in J-LIS", "令和 2 年 3 月 31 日", date(era.Reiwa, 2, 3, 31)},
	{"mixed widths as in J-LIS", "平成 26 年４月１日", date(era.Heisei, 26, 4, 1)},
	{"ideographic spaces", "令和\u3000２年\u3000３月\u3000３１日", date(era.Reiwa, 2, 3, 31)},
	{"line breaks", "令和元年 11 月 11 日\n", date(era.Reiwa, 1, 11, 11)},
	{"line break inside the era name", "令\n和２年３月３１日", date(era.Reiwa, 2, 3, 31)},
	{"surrounding spaces", "  令和2年3月31日\t", date(era.Reiwa, 2, 3, 31)},
	{"square Reiwa", "㋿2年3月31日", date(era.Reiwa, 2, 3, 31)},
	{"square Heisei", "㍻31年4月30日", date(era.Heisei, 31, 4, 30)},
	{"square Showa", "㍼64年1月7日", date(era.Showa, 64, 1, 7)},
	{"square Taisho", "㍽元年7月30日", date(era.Taisho, 1, 7, 30)},
	{"square Meiji", "㍾6年1月1日", date(era.Meiji, 6, 1, 1)},
	{"Gregorian", "2020年3月31日", date(era.Reiwa, 2, 3, 31)},
	{"Gregorian full-width", "２０２０年３月３１日", date(era.Reiwa, 2, 3, 31)},
	{"Gregorian kanji", "二〇二〇年三月三十一日", date(era.Reiwa, 2, 3, 31)},
	{"Gregorian kanji units", "二千二十年三月三十一日", date(era.Reiwa, 2, 3, 31)},
	{"Gregorian names the era in force", "2019年4月30日", date(era.Heisei, 31, 4, 30)},
	{"ISO", "2020-03-31", date(era.Reiwa, 2, 3, 31)},
	{"ISO full-width", "２０２０－０３－３１", date(era.Reiwa, 2, 3, 31)},
	{"ISO first day", "1873-01-01", date(era.Meiji, 6, 1, 1)},
	{"ISO last day", "9999-12-31", date(era.Reiwa, 7981, 12, 31)},
	{"first day handled", "明治6年1月1日", date(era.Meiji, 6, 1, 1)},
	{"last day of Meiji", "明治45年7月29日", date(era.Meiji, 45, 7, 29)},
	{"first day of Taisho", "大正元年7月30日", date(era.Taisho, 1, 7, 30)},
	{"last day of Taisho", "大正15年12月24日", date(era.Taisho, 15, 12, 24)},
	{"first day of Showa", "昭和元年12月25日", date(era.Showa, 1, 12, 25)},
	{"last day of Showa", "昭和64年1月7日", date(era.Showa, 64, 1, 7)},
	{"first day of Heisei", "平成元年1月8日", date(era.Heisei, 1, 1, 8)},
	{"last day of Heisei", "平成31年4月30日", date(era.Heisei, 31, 4, 30)},
	{"first day of Reiwa", "令和元年5月1日", date(era.Reiwa, 1, 5, 1)},
	{"leap day", "令和2年2月29日", date(era.Reiwa, 2, 2, 29)},
	{"leap day 2000", "平成12年2月29日", date(era.Heisei, 12, 2, 29)},
	{"era year past Gregorian looks", "令和2020年1月1日", date(era.Reiwa, 2020, 1, 1)},
}

// parseErrorTests are texts that strict parsing rejects, with the error they
// wrap and the byte offset of the fault.
var parseErrorTests = []struct {
	name   string
	in     string
	err    error
	offset int
}{
	{"empty", "", era.ErrSyntax, 0},
	{"blank", " \u3000", era.ErrSyntax, 4},
	{"unknown era", "天平2年3月31日", era.ErrSyntax, 0},
	{"unknown era named in full", "西暦2020年3月31日", era.ErrSyntax, 0},
	{"unknown letter", "X02.03.31", era.ErrSyntax, 0},
	{"no year", "令和年3月31日", era.ErrSyntax, 6},
	{"no era nor year", "年3月31日", era.ErrSyntax, 0},
	{"year only", "令和2年", era.ErrSyntax, 10},
	{"year and month only", "令和2年3月", era.ErrSyntax, 14},
	{"fiscal year", "令和2年度", era.ErrSyntax, 13},
	{"missing 日", "令和2年3月31", era.ErrSyntax, 16},
	{"missing 月", "令和2年3", era.ErrSyntax, 11},
	{"trailing text", "令和2年3月31日現在", era.ErrSyntax, 19},
	{"trailing weekday", "令和元年 10 月 10 日（木）", era.ErrSyntax, 26},
	{"two dates", "令和2年3月31日 令和2年4月1日", era.ErrSyntax, 20},
	{"gannen without era", "元年5月1日", era.ErrSyntax, 0},
	{"gannen as month", "令和2年元月1日", era.ErrSyntax, 10},
	{"mixed era and ISO", "令和2020-03-31", era.ErrSyntax, 10},
	{"mixed letter and ISO", "R2020-03-31", era.ErrSyntax, 5},
	{"mixed Gregorian and era", "2020年令和3月31日", era.ErrSyntax, 7},
	{"Gregorian JIS", "2020.03.31", era.ErrSyntax, 4},
	{"kanji and digits in one number", "令和2十年3月31日", era.ErrSyntax, 7},
	{"malformed kanji numeral", "令和十十年3月31日", era.ErrSyntax, 6},
	{"kanji numeral out of order", "令和一二十年3月31日", era.ErrSyntax, 6},
	{"zero in kanji units", "令和十〇年3月31日", era.ErrSyntax, 6},
	{"JIS three-digit month", "R02.003.31", era.ErrSyntax, 4},
	{"JIS kanji month", "R02.三.31", era.ErrSyntax, 4},
	{"JIS missing day", "R02.03", era.ErrSyntax, 6},
	{"ISO short month", "2020-3-31", era.ErrSyntax, 5},
	{"ISO trailing", "2020-03-31T00:00:00Z", era.ErrSyntax, 10},
	{"invalid UTF-8 at start", "\xff令和2年3月31日", era.ErrSyntax, 0},
	{"invalid UTF-8 inside", "令和2年\xff3月31日", era.ErrSyntax, 10},
	{"invalid UTF-8 at end", "令和2年3月31日\xff", era.ErrSyntax, 19},
	{"truncated rune", "令和2年3月31\xe6\x97", era.ErrSyntax, 16},
	{"punctuation", "(令和2年3月31日)", era.ErrSyntax, 0},
	{"period", "令和2年3月1日から令和2年3月31日まで", era.ErrSyntax, 18},

	{"year 0", "令和0年5月1日", era.ErrRange, 6},
	{"year 00", "令和00年5月1日", era.ErrRange, 6},
	{"kanji year 0", "令和〇年5月1日", era.ErrRange, 6},
	{"month 0", "令和2年0月1日", era.ErrRange, 10},
	{"month 13", "令和2年13月1日", era.ErrRange, 10},
	{"day 0", "令和2年3月0日", era.ErrRange, 14},
	{"day 32", "令和2年3月32日", era.ErrRange, 14},
	{"February 30", "令和2年2月30日", era.ErrRange, 14},
	{"February 29 of a common year", "令和3年2月29日", era.ErrRange, 14},
	{"February 29 of 1900", "明治33年2月29日", era.ErrRange, 15},
	{"April 31", "令和2年4月31日", era.ErrRange, 14},
	{"JIS day 31 of June", "R02.06.31", era.ErrRange, 7},
	{"year too large", "令和99999999999999999999年1月1日", era.ErrRange, 6},
	{"kanji year too large", "令和九九九九九九九九九年1月1日", era.ErrRange, 6},
	{"year past 9999", "令和7982年1月1日", era.ErrRange, 6},
	{"Gregorian year past 9999", "10000年1月1日", era.ErrRange, 0},
	{"day too large", "令和2年3月99999999999日", era.ErrRange, 14},
	{"before the Gregorian calendar", "明治5年12月31日", era.ErrRange, 0},
	{"Meiji 1", "明治元年1月25日", era.ErrRange, 0},
	{"Gregorian before 1873", "1872年12月31日", era.ErrRange, 0},
	{"ISO before 1873", "1872-12-31", era.ErrRange, 0},
	{"Gregorian year 0", "0年1月1日", era.ErrRange, 0},

	{"Heisei after its end", "平成31年5月1日", era.ErrOutsideEra, 0},
	{"Showa after its end", "昭和64年1月8日", era.ErrOutsideEra, 0},
	{"Reiwa before its start", "令和元年4月30日", era.ErrOutsideEra, 0},
	{"proleptic Heisei", "平成32年4月1日", era.ErrOutsideEra, 0},
	{"accession day", "明治45年7月30日", era.ErrOutsideEra, 0},
	{"accession day of Showa", "大正15年12月25日", era.ErrOutsideEra, 0},
	{"Heisei before its start", "平成元年1月7日", era.ErrOutsideEra, 0},
	{"square Heisei after its end", "㍻31年5月1日", era.ErrOutsideEra, 0},
	{"JIS after the end", "H31.05.01", era.ErrOutsideEra, 0},
	{"after leading spaces", "  平成31年5月1日", era.ErrOutsideEra, 2},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := era.Parse(tt.in)
			if err != nil || got != tt.want {
				t.Fatalf("Parse(%q) = %#v, %v; want %#v", tt.in, got, err, tt.want)
			}
			if !got.IsValid() {
				t.Errorf("Parse(%q) = %#v, which is not valid", tt.in, got)
			}
			// Lenient parsing accepts all that strict parsing does, the same way.
			got, l, err := era.ParseLenient(tt.in)
			if err != nil || got != tt.want || l != 0 {
				t.Errorf("ParseLenient(%q) = %#v, %v, %v; want %#v, strict", tt.in, got, l, err, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := era.Parse(tt.in)
			var pe *era.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) = %#v, %v; want a *ParseError", tt.in, got, err)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("Parse(%q) error %v; want one that wraps %v", tt.in, err, tt.err)
			}
			if pe.Input != tt.in || pe.Offset != tt.offset {
				t.Errorf("Parse(%q) error Value %q, Offset %d; want %q, %d (%v)", tt.in, pe.Input, pe.Offset, tt.in, tt.offset, err)
			}
			if got != (era.Date{}) {
				t.Errorf("Parse(%q) = %#v with an error; want the zero Date", tt.in, got)
			}
			_, _, lerr := era.ParseLenient(tt.in)
			if accepted := lerr == nil; accepted != (tt.err == era.ErrOutsideEra) {
				t.Errorf("ParseLenient(%q) error %v; want an error unless strict parsing reports ErrOutsideEra", tt.in, lerr)
			}
		})
	}
}

// TestParseErrorMessage checks the form of a message, once: the tests above
// check errors with errors.Is and errors.As.
func TestParseErrorMessage(t *testing.T) {
	_, err := era.Parse("令和2年2月30日")
	const want = `era: parsing "令和2年2月30日": day 30 out of range for February 2020`
	if err == nil || err.Error() != want {
		t.Errorf("Parse error %q; want %q", err, want)
	}
}

// lenientTests are texts that only lenient parsing accepts, with what it
// reports. They seed FuzzParse.
var lenientTests = []struct {
	name string
	in   string
	want era.Date
	l    era.Leniency
}{
	{"proleptic year", "平成32年4月1日", date(era.Reiwa, 2, 4, 1), era.Proleptic},
	{"proleptic in kanji", "平成三十二年四月一日", date(era.Reiwa, 2, 4, 1), era.Proleptic},
	{"day after the end", "平成31年5月1日", date(era.Reiwa, 1, 5, 1), era.Proleptic},
	{"Showa 64 after its end", "昭和64年1月8日", date(era.Heisei, 1, 1, 8), era.Proleptic},
	{"Showa 65", "昭和65年1月1日", date(era.Heisei, 2, 1, 1), era.Proleptic},
	{"accession day of Taisho", "明治45年7月30日", date(era.Taisho, 1, 7, 30), era.AccessionDay},
	{"accession day of Showa", "大正15年12月25日", date(era.Showa, 1, 12, 25), era.AccessionDay},
	{"day after the accession day", "明治45年7月31日", date(era.Taisho, 1, 7, 31), era.Proleptic},
	{"before the start in year 1", "令和元年4月1日", date(era.Heisei, 31, 4, 1), era.BeforeStart},
	{"first day of year 1", "令和元年1月1日", date(era.Heisei, 31, 1, 1), era.BeforeStart},
	{"Heisei 1 before its start", "平成元年1月7日", date(era.Showa, 64, 1, 7), era.BeforeStart},
	{"Taisho 1 before its start", "大正元年7月29日", date(era.Meiji, 45, 7, 29), era.BeforeStart},
	{"JIS", "H32.04.01", date(era.Reiwa, 2, 4, 1), era.Proleptic},
	{"square", "㍻32年4月1日", date(era.Reiwa, 2, 4, 1), era.Proleptic},
	{"Meiji far past its end", "明治153年3月31日", date(era.Reiwa, 2, 3, 31), era.Proleptic},
}

func TestParseLenient(t *testing.T) {
	for _, tt := range lenientTests {
		t.Run(tt.name, func(t *testing.T) {
			got, l, err := era.ParseLenient(tt.in)
			if err != nil || got != tt.want || l != tt.l {
				t.Fatalf("ParseLenient(%q) = %#v, %v, %v; want %#v, %v", tt.in, got, l, err, tt.want, tt.l)
			}
			if _, err := era.Parse(tt.in); !errors.Is(err, era.ErrOutsideEra) {
				t.Errorf("Parse(%q) error %v; want one that wraps ErrOutsideEra", tt.in, err)
			}
		})
	}
}

func TestLeniencyString(t *testing.T) {
	tests := []struct {
		name string
		l    era.Leniency
		want string
	}{
		{"zero", 0, "strict"},
		{"proleptic", era.Proleptic, "proleptic"},
		{"accession day", era.AccessionDay, "accession day"},
		{"before start", era.BeforeStart, "before start"},
		{"two", era.Proleptic | era.BeforeStart, "proleptic|before start"},
		{"unknown bit", era.Proleptic | 0x80, "proleptic|0x80"},
	}
	for _, tt := range tests {
		if got := tt.l.String(); got != tt.want {
			t.Errorf("%s: Leniency(%#x).String() = %q; want %q", tt.name, uint8(tt.l), got, tt.want)
		}
	}
}

// jlisCase is a quotation from the J-LIS report, from testdata/jlis-r01.txt.
type jlisCase struct {
	pos  string // file:line, for messages
	kind string // date, fiscal or period
	in   string
	want string
}

func readJLIS(tb testing.TB) []jlisCase {
	tb.Helper()
	const name = "testdata/jlis-r01.txt"
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var cases []jlisCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pos := name + ":" + strconv.Itoa(n)
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			tb.Fatalf("%s: want 4 fields, have %d", pos, len(f))
		}
		in, err := strconv.Unquote(f[2])
		if err != nil {
			tb.Fatalf("%s: %v", pos, err)
		}
		cases = append(cases, jlisCase{pos: pos + " (report line " + f[0] + ")", kind: f[1], in: in, want: f[3]})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return cases
}

// TestJLIS reads every date, fiscal year and period that the J-LIS report
// prints, quoted as printed, strictly.
func TestJLIS(t *testing.T) {
	cases := readJLIS(t)
	if len(cases) < 100 {
		t.Fatalf("read %d cases from testdata; want the whole file", len(cases))
	}
	for _, c := range cases {
		var got string
		var err error
		switch c.kind {
		case "date":
			var d era.Date
			d, err = era.Parse(c.in)
			got = iso(d)
		case "fiscal":
			var fy era.FiscalYear
			fy, err = era.ParseFiscalYear(c.in)
			got = strconv.Itoa(int(fy))
		case "period":
			var p era.Period
			p, err = era.ParsePeriod(c.in)
			got = iso(p.Start) + "/" + iso(p.End)
		default:
			t.Fatalf("%s: unknown kind %q", c.pos, c.kind)
		}
		if err != nil || got != c.want {
			t.Errorf("%s: %s %q = %s, %v; want %s", c.pos, c.kind, c.in, got, err, c.want)
		}
	}
}

// iso writes the day of d in ISO 8601, or "invalid".
func iso(d era.Date) string {
	b, err := d.MarshalText()
	if err != nil {
		return "invalid"
	}
	return string(b)
}

// A message quotes at most 64 bytes of the input; the error keeps it all.
func TestParseErrorBounded(t *testing.T) {
	for _, in := range []string{
		"令和2年3月31日" + strings.Repeat("x", 1e6),
		"天平" + strings.Repeat("勝", 1e6),
		"令和" + strings.Repeat("9", 1e6) + "年",
	} {
		_, err := era.Parse(in)
		var pe *era.ParseError
		if !errors.As(err, &pe) || pe.Input != in {
			t.Fatalf("Parse error = %.100v, want a *ParseError", err)
		}
		if msg := err.Error(); len(msg) > 300 {
			t.Errorf("message of %d bytes: %.300s…", len(msg), msg)
		}
	}
}
