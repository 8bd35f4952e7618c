package format_test

import (
	"errors"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The printed strings in these tables are quoted from the J-LIS FY2019 report
// (令和元年度 財務諸表, 決算報告書, 決算の概要 and the 令和2年度補正予算).
func TestAmountJLIS(t *testing.T) {
	tests := []struct {
		name string
		yen  string
		want string
	}{
		{"純資産変動計算書 当期変動額", "-260000000", "△260,000,000"},
		{"3か月超の定期預金", "-430000000", "△430,000,000"},
		{"金融商品 時価 差額", "-60000", "△60,000"},
		{"資産合計", "53429604577", "53,429,604,577"},
		{"決算報告書 未収金 差額", "-13572499935", "△13,572,499,935"},
		{"前払金 予算", "0", "0"},
	}
	for _, tt := range tests {
		if got := format.Amount(dec(tt.yen)); got != tt.want {
			t.Errorf("%s: Amount(%s) = %q, want %q", tt.name, tt.yen, got, tt.want)
		}
	}
}

func TestFormatter(t *testing.T) {
	tests := []struct {
		name string
		f    format.Formatter
		yen  string
		want string
	}{
		{"CF statement spacing", format.Formatter{SignSpace: true}, "-2286666903", "△ 2,286,666,903"},
		{"CF 財務活動", format.Formatter{SignSpace: true}, "-1963314616", "△ 1,963,314,616"},
		{"black triangle", format.Formatter{Negative: format.BlackTriangle}, "-1234", "▲1,234"},
		{"minus", format.Formatter{Negative: format.Minus}, "-1234", "-1,234"},
		{"parentheses ignore SignSpace", format.Formatter{Negative: format.Parens, SignSpace: true}, "-1234", "(1,234)"},
		{"no grouping below a thousand", format.Formatter{}, "-999", "△999"},
		{"exponent form of the input", format.Formatter{}, "1.2345E6", "1,234,500"},
		{"fraction rounds to yen", format.Formatter{}, "-0.5", "△1"},
		{"fraction under half is zero, unsigned", format.Formatter{}, "-0.4", "0"},
		{"zero as dash", format.Formatter{Zero: format.ZeroDash}, "0", "－"},
		{"zero as hyphen", format.Formatter{Zero: format.ZeroHyphen}, "0", "-"},
		{"zero blank", format.Formatter{Zero: format.ZeroBlank}, "0", ""},
		{"zero digit full width", format.Formatter{FullWidth: true}, "0", "０"},
		{"負担金総額", format.Formatter{FullWidth: true, Suffix: true}, "76476940000", "７６，４７６，９４０，０００円"},
		{"full-width minus and space", format.Formatter{FullWidth: true, Negative: format.Minus, SignSpace: true}, "-12", "－\u3000１２"},
		{"full-width parentheses", format.Formatter{FullWidth: true, Negative: format.Parens}, "-1234", "（１，２３４）"},
		{"suffix inside parentheses", format.Formatter{Unit: format.Thousand, Negative: format.Parens, Suffix: true}, "-1234000", "(1,234千円)"},
		// 決算の概要 (百万円): 資産 62,711,899,000 / 53,429,604,577 print 62,712 and 53,430.
		{"決算の概要 資産 予算", format.Formatter{Unit: format.Million}, "62711899000", "62,712"},
		{"決算の概要 資産 決算", format.Formatter{Unit: format.Million}, "53429604577", "53,430"},
		// 当期純利益 予算 △159,861,000 prints △160.
		{"決算の概要 当期純利益 予算", format.Formatter{Unit: format.Million}, "-159861000", "△160"},
		// 補正予算 LGWAN 負担金 増減 2,876,192 円 is 2,876 千円.
		{"LGWAN 負担金 in 千円", format.Formatter{Unit: format.Thousand}, "2876192", "2,876"},
		// The sign is decided after rounding: Excel's #,##0, prints -0.
		{"−400 円 in 千円", format.Formatter{Unit: format.Thousand}, "-400", "0"},
		{"−400 円 in 千円, zero dash", format.Formatter{Unit: format.Thousand, Zero: format.ZeroDash}, "-400", "－"},
		{"−500 円 in 千円", format.Formatter{Unit: format.Thousand}, "-500", "△1"},
		{"切り捨て toward zero", format.Formatter{Unit: format.Thousand, Rounding: format.Down}, "-1999", "△1"},
		{"切り上げ away from zero", format.Formatter{Unit: format.Thousand, Rounding: format.Up}, "-1001", "△2"},
		{"切り上げ of an exact figure", format.Formatter{Unit: format.Thousand, Rounding: format.Up}, "2000", "2"},
		{"half even down", format.Formatter{Unit: format.Thousand, Rounding: format.HalfEven}, "2500", "2"},
		{"half even up", format.Formatter{Unit: format.Thousand, Rounding: format.HalfEven}, "-3500", "△4"},
		{"half even above half", format.Formatter{Unit: format.Thousand, Rounding: format.HalfEven}, "2500.01", "3"},
		{"places", format.Formatter{Unit: format.Million, Places: 1}, "53429604577", "53,429.6"},
		{"places pad", format.Formatter{Places: 3}, "-0.05", "△0.050"},
		{"places zero", format.Formatter{Places: 2}, "0.001", "0.00"},
		{"negative places count as zero", format.Formatter{Places: -2}, "1234", "1,234"},
		{"suffix 千円", format.Formatter{Unit: format.Thousand, Suffix: true}, "1234000", "1,234千円"},
		{"万円", format.Formatter{Unit: format.TenThousand, Suffix: true}, "134000000", "13,400万円"},
		{"億円", format.Formatter{Unit: format.HundredMillion, Places: 1, Suffix: true}, "150000000", "1.5億円"},
		{"beyond int64", format.Formatter{}, "-123456789012345678901234567890", "△123,456,789,012,345,678,901,234,567,890"},
		{"beyond int64 in 百万円", format.Formatter{Unit: format.Million}, "123456789012345678901234567890", "123,456,789,012,345,678,901,235"},
		{"tiny exponent", format.Formatter{}, "1E-30", "0"},
		{"tiny exponent rounded up", format.Formatter{Rounding: format.Up}, "-1E-30", "△1"},
		{"large exponent", format.Formatter{}, "1E20", "100,000,000,000,000,000,000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := dec(tt.yen)
			if got := tt.f.Format(d); got != tt.want {
				t.Errorf("%+v.Format(%s) = %q, want %q", tt.f, tt.yen, got, tt.want)
			}
			if got := string(tt.f.Append([]byte("x"), d)); got != "x"+tt.want {
				t.Errorf("%+v.Append(\"x\", %s) = %q, want %q", tt.f, tt.yen, got, "x"+tt.want)
			}
		})
	}
}

// The zero value of a Decimal holds no coefficient; it must format as zero.
func TestFormatZeroDecimal(t *testing.T) {
	if got := format.Amount(decimal.Decimal{}); got != "0" {
		t.Errorf("Amount(Decimal{}) = %q, want %q", got, "0")
	}
}

func TestRound(t *testing.T) {
	tests := []struct {
		name string
		yen  string
		unit format.Unit
		r    format.Rounding
		want string
	}{
		{"資産 決算", "53429604577", format.Million, format.HalfUp, "53430"},
		{"固定負債 決算", "13317490869", format.Million, format.HalfUp, "13317"},
		{"当期純利益 予算", "-159861000", format.Million, format.HalfUp, "-160"},
		{"LGWAN 負担金 北海道 変更後", "47689512", format.Thousand, format.HalfUp, "47690"},
		{"half away from zero", "-2500", format.Thousand, format.HalfUp, "-3"},
		{"down", "-2999", format.Thousand, format.Down, "-2"},
		{"up", "2001", format.Thousand, format.Up, "3"},
		{"half even", "-2500", format.Thousand, format.HalfEven, "-2"},
		{"yen rounds fractions", "1.5", format.Yen, format.HalfUp, "2"},
		{"億", "134000000", format.HundredMillion, format.Down, "1"},
	}
	for _, tt := range tests {
		got := format.Round(dec(tt.yen), tt.unit, tt.r)
		if !got.Equal(dec(tt.want)) {
			t.Errorf("%s: Round(%s, %v, %v) = %s, want %s", tt.name, tt.yen, tt.unit, tt.r, got, tt.want)
		}
	}
}

func TestParseUnit(t *testing.T) {
	for u := format.Yen; u <= format.HundredMillion; u++ {
		if got, err := format.ParseUnit(u.String()); err != nil || got != u {
			t.Errorf("ParseUnit(%q) = %v, %v; want %v", u.String(), got, err, u)
		}
	}
	var pe *format.ParseError
	if _, err := format.ParseUnit("ドル"); !errors.As(err, &pe) || pe.Input != "ドル" || !errors.Is(err, format.ErrSyntax) {
		t.Errorf("ParseUnit(ドル) error = %v, want a *ParseError wrapping ErrSyntax", err)
	}
}

func TestToYen(t *testing.T) {
	if got := format.Thousand.ToYen(dec("53430")); !got.Equal(dec("53430000")) {
		t.Errorf("Thousand.ToYen(53430) = %s, want 53430000", got)
	}
	if got := format.Million.ToYen(dec("-1.5")); !got.Equal(dec("-1500000")) {
		t.Errorf("Million.ToYen(-1.5) = %s, want -1500000", got)
	}
}

func TestEnumStrings(t *testing.T) {
	tests := []struct{ got, want string }{
		{format.Yen.String(), "円"},
		{format.Thousand.String(), "千円"},
		{format.Million.String(), "百万円"},
		{format.TenThousand.String(), "万円"},
		{format.HundredMillion.String(), "億円"},
		{format.Unit(9).String(), "%!Unit(9)"},
		{format.HalfUp.String(), "四捨五入"},
		{format.Down.String(), "切り捨て"},
		{format.Up.String(), "切り上げ"},
		{format.HalfEven.String(), "偶数丸め"},
		{format.Rounding(-1).String(), "%!Rounding(-1)"},
		{format.Triangle.String(), "△"},
		{format.Negative(7).String(), "%!Negative(7)"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("String() = %q, want %q", tt.got, tt.want)
		}
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		name        string
		part, whole string
		places      int32
		r           format.Rounding
		want        string
	}{
		// 課税支払割合 (G)＝(D)÷(F): D is the sum of D1–D4.
		{"課税支払割合", "5469602950", "6116018149", 3, format.HalfUp, "89.431"},
		{"exact half up", "1", "8", 1, format.HalfUp, "12.5"},
		{"half up at a tie", "1", "16", 1, format.HalfUp, "6.3"},
		{"half even at a tie", "1", "16", 1, format.HalfEven, "6.2"},
		{"half even odd tie", "3", "16", 1, format.HalfEven, "18.8"},
		{"negative half up", "-1", "16", 1, format.HalfUp, "-6.3"},
		{"negative whole", "1", "-16", 1, format.HalfUp, "-6.3"},
		{"down", "2", "3", 0, format.Down, "66"},
		{"up", "-2", "3", 0, format.Up, "-67"},
		{"negative places", "2", "3", -1, format.HalfUp, "70"},
		{"decimal inputs", "0.5", "2000", 2, format.HalfUp, "0.03"},
	}
	for _, tt := range tests {
		got, err := format.Ratio(dec(tt.part), dec(tt.whole), tt.places, tt.r)
		if err != nil || !got.Equal(dec(tt.want)) {
			t.Errorf("%s: Ratio(%s, %s, %d, %v) = %s, %v; want %s", tt.name, tt.part, tt.whole, tt.places, tt.r, got, err, tt.want)
		}
	}
	if _, err := format.Ratio(dec("1"), decimal.Decimal{}, 2, format.HalfUp); !errors.Is(err, format.ErrRange) {
		t.Errorf("Ratio(1, 0) error = %v, want ErrRange", err)
	}
}

func TestPercent(t *testing.T) {
	d1 := dec("0").Add(dec("2078140019")).Add(dec("148439")).Add(dec("3391314492")) // D1..D4
	got, err := format.Formatter{Places: 3}.Percent(d1, dec("6116018149"))
	if err != nil || got != "89.431%" {
		t.Errorf("Percent = %q, %v; want 89.431%%", got, err)
	}
	got, err = format.Formatter{Places: 1, FullWidth: true}.Percent(dec("-1"), dec("3"))
	if err != nil || got != "△３３．３％" {
		t.Errorf("full-width Percent = %q, %v; want △３３．３％", got, err)
	}
	if _, err := (format.Formatter{}).Percent(dec("1"), dec("0")); err == nil {
		t.Error("Percent of a zero whole: no error")
	}
}

func TestKanji(t *testing.T) {
	tests := []struct {
		name string
		f    format.Formatter
		yen  string
		want string
	}{
		{"資本金", format.Formatter{}, "134000000", "1億3,400万円"},
		{"as printed", format.Formatter{Prose: true}, "134000000", "１億 3,400 万円"},
		{"full width", format.Formatter{FullWidth: true}, "134000000", "１億３，４００万円"},
		{"21 万円", format.Formatter{Prose: true}, "210000", "21 万円"},
		{"zero groups left out", format.Formatter{}, "1000000000005", "1兆5円"},
		{"every unit", format.Formatter{}, "12345678901234567890", "1,234京5,678兆9,012億3,456万7,890円"},
		{"above 京", format.Formatter{}, "123456789012345678901234", "12,345,678京9,012兆3,456億7,890万1,234円"},
		{"negative", format.Formatter{}, "-134000000", "△1億3,400万円"},
		{"negative parens", format.Formatter{Negative: format.Parens}, "-134000000", "(1億3,400万円)"},
		{"rounded to 万", format.Formatter{Unit: format.TenThousand}, "1354796000", "13億5,480万円"},
		{"prose with fullwidth digit last", format.Formatter{Prose: true}, "100000005", "１億５円"},
		{"prose many-digit last", format.Formatter{Prose: true}, "100000015", "１億 15 円"},
		{"zero", format.Formatter{}, "0", "0円"},
		{"zero rounded", format.Formatter{Unit: format.TenThousand}, "-4000", "0円"},
		{"zero dash", format.Formatter{Zero: format.ZeroDash}, "0", "－"},
		{"under a 万", format.Formatter{}, "9999", "9,999円"},
	}
	for _, tt := range tests {
		if got := tt.f.Kanji(dec(tt.yen)); got != tt.want {
			t.Errorf("%s: %+v.Kanji(%s) = %q, want %q", tt.name, tt.f, tt.yen, got, tt.want)
		}
	}
}

func TestCell(t *testing.T) {
	tests := []struct {
		name string
		f    format.Formatter
		c    format.Cell
		want string
	}{
		{"換算差額 has no figure", format.Formatter{}, format.Cell{}, "-"},
		{"no figure, full-width dash", format.Formatter{Nil: format.NilDash}, format.Cell{}, "－"},
		{"no figure, blank", format.Formatter{Nil: format.NilBlank}, format.Cell{}, ""},
		{"no figure, full width", format.Formatter{FullWidth: true}, format.Cell{}, "－"},
		{"zero is a figure", format.Formatter{}, format.CellOf(decimal.Zero), "0"},
		{"value", format.Formatter{SignSpace: true}, format.CellOf(dec("-40245317")), "△ 40,245,317"},
	}
	for _, tt := range tests {
		if got := tt.f.FormatCell(tt.c); got != tt.want {
			t.Errorf("%s: FormatCell = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := format.CellOf(dec("-1")).String(); got != "△1" {
		t.Errorf("Cell.String() = %q, want △1", got)
	}
	eq := []struct {
		a, b format.Cell
		want bool
	}{
		{format.Cell{}, format.Cell{}, true},
		{format.Cell{}, format.CellOf(decimal.Zero), false},
		{format.CellOf(dec("1.0")), format.CellOf(dec("1")), true},
		{format.Cell{Amount: dec("1")}, format.Cell{Amount: dec("2")}, true},
		{format.CellOf(dec("1")), format.CellOf(dec("2")), false},
	}
	for _, tt := range eq {
		if got := tt.a.Equal(tt.b); got != tt.want {
			t.Errorf("%v.Equal(%v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
