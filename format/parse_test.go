package format_test

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

var parseTests = []struct {
	name string
	in   string
	want string // yen
}{
	// As printed in the J-LIS FY2019 report.
	{"純資産変動計算書", "△260,000,000", "-260000000"},
	{"利益処分, ideographic space before", "　 △330,000,000", "-330000000"},
	{"CF statement, space after the mark", "△ 2,286,666,903", "-2286666903"},
	{"CF statement, small figure", "△ 70,000", "-70000"},
	{"決算報告書", "53,429,604,577", "53429604577"},
	{"負担金総額", "７６，４７６，９４０，０００円", "76476940000"},
	{"負担金総額 増額", "＋９３１，０００，０００円", "931000000"},
	{"資本金", "１億 3,400 万円", "134000000"},
	{"事業報告 prose", "13 億 5,480 万", "1354800000"},
	{"年額", "21 万円", "210000"},
	{"補正予算 百万円", "1,696百万円", "1696000000"},
	{"課税支払割合 without its sign", "89.431", "89.431"},
	// Other forms documents use.
	{"black triangle", "▲1,234", "-1234"},
	{"hyphen-minus", "-1,234", "-1234"},
	{"U+2212 minus", "−1,234", "-1234"},
	{"full-width hyphen-minus", "－１，２３４", "-1234"},
	{"en dash", "–5", "-5"},
	{"em dash", "—5", "-5"},
	{"horizontal bar", "―5", "-5"},
	{"hyphen", "‐5", "-5"},
	{"long vowel mark", "ー5", "-5"},
	{"mixed width", "１,234", "1234"},
	{"plain digits", "1234567", "1234567"},
	{"leading zeros", "007", "7"},
	{"zero", "0", "0"},
	{"negative zero", "△0", "0"},
	{"千円", "1,234千円", "1234000"},
	{"千円 spaced", "1,234 千円", "1234000"},
	{"円", "1,234円", "1234"},
	{"万円", "3,400万円", "34000000"},
	{"億円 with fraction", "1.5億円", "150000000"},
	{"兆 and 円", "1兆5円", "1000000000005"},
	{"every unit", "1,234京5,678兆9,012億3,456万7,890円", "12345678901234567890"},
	{"first group any size", "13,400万円", "134000000"},
	{"kanji units negative", "△1億3,400万円", "-134000000"},
	{"fraction last", "1億2.5万円", "100025000"},
	{"tab and spaces", "\t 1,234 \u3000", "1234"},
	{"huge", "123,456,789,012,345,678,901,234,567,890", "123456789012345678901234567890"},
	{"huge fraction", "0.1234567890123456789012345", "0.1234567890123456789012345"},
	{"full-width point", "８９．４３１", "89.431"},
}

// parensTests are figures in parentheses, negative for a Formatter that
// prints negatives so.
var parensTests = []struct {
	name string
	in   string
	want string // yen
}{
	{"parentheses", "(1,234)", "-1234"},
	{"full-width parentheses with spaces", "（ １，２３４ ）", "-1234"},
	{"kanji units in parentheses", "(1億3,400万円)", "-134000000"},
	{"a figure without them", "1,234", "1234"},
}

func TestParseAmountParens(t *testing.T) {
	f := format.Formatter{Negative: format.Parens}
	for _, tt := range parensTests {
		got, err := f.ParseAmount(tt.in)
		if err != nil || !got.Equal(dec(tt.want)) {
			t.Errorf("%s: Formatter{Negative: Parens}.ParseAmount(%q) = %s, %v; want %s", tt.name, tt.in, got, err, tt.want)
		}
		if strings.ContainsAny(tt.in, "(（") {
			// Without being told, a figure in parentheses may be a
			// negative or a memo line: neither is taken for granted.
			_, err := format.ParseAmount(tt.in)
			var pe *format.ParseError
			if !errors.Is(err, format.ErrParens) || !errors.Is(err, format.ErrSyntax) || !errors.As(err, &pe) || pe.Offset != strings.IndexAny(tt.in, "(（") {
				t.Errorf("%s: ParseAmount(%q) error %v, want ErrParens at the parenthesis", tt.name, tt.in, err)
			}
			if _, err := (format.Formatter{}).ParseCell(tt.in); !errors.Is(err, format.ErrParens) {
				t.Errorf("%s: Formatter{}.ParseCell(%q) error %v, want ErrParens", tt.name, tt.in, err)
			}
		}
	}
}

// A Formatter reads figures in its unit, unless they name theirs, and a
// dash as zero when it prints zero so.
func TestFormatterParseCell(t *testing.T) {
	tests := []struct {
		name string
		f    format.Formatter
		in   string
		want format.Cell
	}{
		{"in 千円", format.Formatter{Unit: format.Thousand}, "1,234", format.CellOf(dec("1234000"))},
		{"plain digits in 千円", format.Formatter{Unit: format.Thousand}, "1234", format.CellOf(dec("1234000"))},
		{"naming its unit", format.Formatter{Unit: format.Thousand}, "5円", format.CellOf(dec("5"))},
		{"kanji units", format.Formatter{Unit: format.Million}, "1億3,400万円", format.CellOf(dec("134000000"))},
		{"negative in 百万円", format.Formatter{Unit: format.Million, Negative: format.Parens}, "(1,696)", format.CellOf(dec("-1696000000"))},
		{"a dash", format.Formatter{Unit: format.Thousand}, "-", format.Cell{}},
		{"a dash for zero", format.Formatter{Zero: format.ZeroDash}, "－", format.CellOf(dec("0"))},
		{"a hyphen for zero", format.Formatter{Zero: format.ZeroHyphen}, "-", format.CellOf(dec("0"))},
		{"a hyphen in parentheses' style", format.Formatter{Negative: format.Parens}, "-", format.Cell{}},
		{"a spaced hyphen", format.Formatter{}, " - ", format.Cell{}},
	}
	for _, tt := range tests {
		got, err := tt.f.ParseCell(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%s: %+v.ParseCell(%q) = %v, %v; want %v", tt.name, tt.f, tt.in, got, err, tt.want)
		}
	}
}

func TestParseAmount(t *testing.T) {
	for _, tt := range parseTests {
		got, err := format.ParseAmount(tt.in)
		if err != nil {
			t.Errorf("%s: ParseAmount(%q): %v", tt.name, tt.in, err)
			continue
		}
		if want := dec(tt.want); !got.Equal(want) {
			t.Errorf("%s: ParseAmount(%q) = %s, want %s", tt.name, tt.in, got, want)
		}
	}
}

var parseErrorTests = []struct {
	name   string
	in     string
	offset int
	err    error
}{
	{"empty", "", 0, format.ErrSyntax},
	{"spaces only", "  ", 2, format.ErrSyntax},
	{"lone triangle", "△", 3, format.ErrSyntax},
	{"lone triangle with space", "△ ", 4, format.ErrSyntax},
	{"double marks", "△△1", 3, format.ErrSyntax},
	{"mark and minus", "△-1", 3, format.ErrSyntax},
	{"minus and triangle", "-△1", 1, format.ErrSyntax},
	{"mark inside parentheses", "(△1)", 1, format.ErrSyntax},
	{"unclosed parenthesis", "(1,234", 6, format.ErrSyntax},
	{"short group", "1,23,4", 1, format.ErrSyntax},
	{"short last group", "1,234,56", 5, format.ErrSyntax},
	{"long first group", "1234,567", 4, format.ErrSyntax},
	{"leading comma", ",123", 0, format.ErrSyntax},
	{"double comma", "1,,234", 1, format.ErrSyntax},
	{"trailing comma", "1,", 1, format.ErrSyntax},
	{"long group", "1,2345", 1, format.ErrSyntax},
	{"point without digits", "1.", 2, format.ErrSyntax},
	{"point first", ".5", 0, format.ErrSyntax},
	{"two points", "1.2.3", 3, format.ErrSyntax},
	{"comma in fraction", "1.234,5", 5, format.ErrSyntax},
	{"NaN", "NaN", 0, format.ErrSyntax},
	{"Infinity", "-Inf", 1, format.ErrSyntax},
	{"scientific", "1e9", 1, format.ErrSyntax},
	{"kanji digits", "三千円", 0, format.ErrSyntax},
	{"space inside digits", "1 234", 2, format.ErrSyntax},
	{"trailing mark", "1,234△", 5, format.ErrSyntax},
	{"trailing text", "1,234円也", 8, format.ErrSyntax},
	{"invalid UTF-8 first", "\xff1", 0, format.ErrSyntax},
	{"control character as a mark", "\x015", 0, format.ErrSyntax},
	{"NUL after digits", "5\x00", 1, format.ErrSyntax},
	{"invalid UTF-8 after digits", "12\xff", 2, format.ErrSyntax},
	{"invalid UTF-8 after a space", "12 \xfe", 3, format.ErrSyntax},
	{"units out of order", "1万2億", 5, format.ErrSyntax},
	{"unit twice", "1万2万", 5, format.ErrSyntax},
	{"group too large", "1億10,000万", 4, format.ErrSyntax},
	{"last group too large", "1万10000円", 4, format.ErrSyntax},
	{"fraction before a group", "1.5億3万", 0, format.ErrSyntax},
	{"suffix after kanji units", "1億2千円", 5, format.ErrSyntax},
	{"千 without 円", "1,234千", 8, format.ErrSyntax},
	{"unit without number", "万円", 0, format.ErrSyntax},
	{"plus in parentheses", "(+1)", 1, format.ErrSyntax},
	{"percent", "89.431%", 6, format.ErrSyntax},
	{"dash", "-", 0, format.ErrNoFigure},
	{"full-width dash", "－", 0, format.ErrNoFigure},
	{"horizontal bar", "―", 0, format.ErrNoFigure},
	{"hyphen", "‐", 0, format.ErrNoFigure},
	{"long vowel mark", "ー", 0, format.ErrNoFigure},
	{"dash with spaces", " - ", 1, format.ErrNoFigure},
	{"two dashes", "--", 1, format.ErrSyntax},
}

func TestParseAmountErrors(t *testing.T) {
	for _, tt := range parseErrorTests {
		got, err := format.ParseAmount(tt.in)
		var pe *format.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: ParseAmount(%q) = %s, %v; want a *ParseError", tt.name, tt.in, got, err)
			continue
		}
		if pe.Input != tt.in || pe.Offset != tt.offset || !errors.Is(err, tt.err) {
			t.Errorf("%s: ParseAmount(%q) error %+v, want offset %d wrapping %v", tt.name, tt.in, pe, tt.offset, tt.err)
		}
		if !got.IsZero() {
			t.Errorf("%s: ParseAmount(%q) returned %s with its error", tt.name, tt.in, got)
		}
	}
}

func TestParseErrorMessage(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"1,23,4", `format: parsing "1,23,4": misplaced comma at offset 1`},
		// The message quotes at most 64 bytes of the input; the error keeps it all.
		{"1x" + strings.Repeat("金", 1e6), `format: parsing "1x` + strings.Repeat("金", 20) + `"…: trailing text at offset 1`},
	}
	for _, tt := range tests {
		_, err := format.ParseAmount(tt.in)
		var pe *format.ParseError
		if !errors.As(err, &pe) || pe.Input != tt.in || err.Error() != tt.want {
			t.Errorf("ParseAmount(%.20q…) error = %.200v, want %s", tt.in, err, tt.want)
		}
	}
}

// An amount has at most MaxDigits digits, so that reading it is linear.
func TestParseAmountMaxDigits(t *testing.T) {
	tests := []struct {
		in  string
		err error
	}{
		{strings.Repeat("9", format.MaxDigits), nil},
		{"0." + strings.Repeat("1", format.MaxDigits-1), nil},
		{"△" + strings.Repeat("1", format.MaxDigits) + "円", nil},
		{strings.Repeat("9", format.MaxDigits+1), format.ErrRange},
		{strings.Repeat("0", format.MaxDigits+1), format.ErrRange},
		{"1." + strings.Repeat("0", format.MaxDigits), format.ErrRange},
		{strings.Repeat("9", 1e6), format.ErrRange},
	}
	for _, tt := range tests {
		_, err := format.ParseAmount(tt.in)
		if !errors.Is(err, tt.err) {
			t.Errorf("ParseAmount(%d bytes) error = %.200v, want %v", len(tt.in), err, tt.err)
		}
	}
}

func TestParseCell(t *testing.T) {
	tests := []struct {
		in   string
		want format.Cell
	}{
		{"-", format.Cell{}},
		{"－", format.Cell{}},
		{"0", format.CellOf(decimal.Zero)},
		{"△ 40,245,317", format.CellOf(dec("-40245317"))},
	}
	for _, tt := range tests {
		got, err := format.ParseCell(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseCell(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if _, err := format.ParseCell("△"); !errors.Is(err, format.ErrSyntax) {
		t.Errorf("ParseCell(\"△\") error = %v, want ErrSyntax", err)
	}
}

// losslessFormatters print every whole-yen amount in a form ParseAmount reads
// back exactly.
var losslessFormatters = []format.Formatter{
	{},
	{SignSpace: true},
	{Negative: format.BlackTriangle},
	{Negative: format.Minus, SignSpace: true},
	{Negative: format.Parens},
	{FullWidth: true},
	{FullWidth: true, Negative: format.Minus, SignSpace: true, Suffix: true},
	{FullWidth: true, Negative: format.Parens, Suffix: true},
	{Suffix: true},
	{Places: 3},
}

func TestParseFormatRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var values []decimal.Decimal
	for _, tt := range parseTests {
		values = append(values, dec(tt.want).Round(0))
	}
	for range 2000 {
		digits := 1 + r.IntN(30)
		var b strings.Builder
		if r.IntN(2) == 0 {
			b.WriteByte('-')
		}
		for range digits {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		values = append(values, dec(b.String()))
	}
	for _, f := range losslessFormatters {
		for _, v := range values {
			s := f.Format(v)
			got, err := f.ParseAmount(s)
			if err != nil || !got.Equal(v) {
				t.Fatalf("%+v: ParseAmount(Format(%s) = %q) = %s, %v", f, v, s, got, err)
			}
			k := f.Kanji(v)
			if got, err := f.ParseAmount(k); err != nil || !got.Equal(v) {
				t.Fatalf("%+v: ParseAmount(Kanji(%s) = %q) = %s, %v", f, v, k, got, err)
			}
			if f.Negative != format.Parens {
				if got, err := format.ParseAmount(s); err != nil || !got.Equal(v) {
					t.Fatalf("%+v: format.ParseAmount(Format(%s) = %q) = %s, %v", f, v, s, got, err)
				}
			}
		}
	}
	// Thousands in 千円 with the suffix lose nothing either.
	f := format.Formatter{Unit: format.Thousand, Suffix: true}
	for _, v := range values {
		v = v.Shift(3)
		if got, err := format.ParseAmount(f.Format(v)); err != nil || !got.Equal(v) {
			t.Fatalf("ParseAmount(%q) = %s, %v, want %s", f.Format(v), got, err, v)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, tt := range parseErrorTests {
		f.Add(tt.in)
	}
	for _, tt := range parensTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := format.ParseAmount(s)
		checkGeneral(t, s, d, err)
		if err != nil {
			var pe *format.ParseError
			if !errors.As(err, &pe) || pe.Input != s || pe.Offset < 0 || pe.Offset > len(s) {
				t.Fatalf("ParseAmount(%q): bad error %#v", s, err)
			}
			if _, cerr := format.ParseCell(s); errors.Is(err, format.ErrNoFigure) != (cerr == nil) {
				t.Fatalf("ParseCell(%q) = %v, ParseAmount error %v", s, cerr, err)
			}
			return
		}
		// What was accepted prints, with enough places, as a figure that
		// reads back to the same value.
		places := max(-d.Exponent(), 0)
		if places > 1000 {
			return
		}
		for _, f := range []format.Formatter{{Places: places}, {Places: places, FullWidth: true, Negative: format.Parens}} {
			out := f.Format(d)
			back, err := f.ParseAmount(out)
			if err != nil || !back.Equal(d) {
				t.Fatalf("ParseAmount(%q) = %s; Format = %q reads back as %s, %v", s, d, out, back, err)
			}
		}
	})
}
