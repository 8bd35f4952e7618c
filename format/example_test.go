package format_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

func ExampleAmount() {
	fmt.Println(format.Amount(decimal.NewFromInt(53429604577)))
	fmt.Println(format.Amount(decimal.NewFromInt(-260000000)))
	// Output:
	// 53,429,604,577
	// △260,000,000
}

func ExampleFormatter() {
	cf := format.Formatter{SignSpace: true} // as the J-LIS cash-flow statement prints
	fmt.Println(cf.Format(decimal.NewFromInt(-2286666903)))

	summary := format.Formatter{Unit: format.Million} // 四捨五入 by default
	fmt.Println(summary.Format(decimal.NewFromInt(-159861000)))
	fmt.Println(format.Formatter{Unit: format.Thousand}.Format(decimal.NewFromInt(-400)))

	notice := format.Formatter{FullWidth: true, Suffix: true}
	fmt.Println(notice.Format(decimal.NewFromInt(76476940000)))
	// Output:
	// △ 2,286,666,903
	// △160
	// 0
	// ７６，４７６，９４０，０００円
}

func ExampleFormatter_FormatCell() {
	var f format.Formatter
	fmt.Printf("%q\n", f.FormatCell(format.Cell{})) // 該当なし
	fmt.Printf("%q\n", f.FormatCell(format.CellOf(decimal.Zero)))
	fmt.Printf("%q\n", format.Formatter{Zero: format.ZeroDash}.FormatCell(format.CellOf(decimal.Zero)))
	// Output:
	// "-"
	// "0"
	// "－"
}

func ExampleFormatter_Kanji() {
	capital := decimal.NewFromInt(134000000)
	fmt.Println(format.Formatter{}.Kanji(capital))
	fmt.Println(format.Formatter{Prose: true}.Kanji(capital))
	fmt.Println(format.Formatter{Unit: format.TenThousand}.Kanji(decimal.NewFromInt(1354796000)))
	// Output:
	// 1億3,400万円
	// １億 3,400 万円
	// 13億5,480万円
}

func ExampleFormatter_Percent() {
	s, err := format.Formatter{Places: 3}.Percent(decimal.NewFromInt(5469602950), decimal.NewFromInt(6116018149))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	// Output: 89.431%
}

func ExampleRound() {
	assets := decimal.NewFromInt(53429604577)
	fmt.Println(format.Round(assets, format.Million, format.HalfUp))
	fmt.Println(format.Round(assets, format.Million, format.Down))
	fmt.Println(format.Round(decimal.NewFromInt(-2500), format.Thousand, format.HalfEven))
	// Output:
	// 53430
	// 53429
	// -2
}

func ExampleParseAmount() {
	for _, s := range []string{
		"△ 2,286,666,903",
		"７６，４７６，９４０，０００円",
		"１億 3,400 万円",
		"1,696百万円",
	} {
		d, err := format.ParseAmount(s)
		fmt.Println(d, err)
	}
	_, err := format.ParseAmount("1,23,4")
	fmt.Println(err)
	_, err = format.ParseAmount("－")
	fmt.Println(errors.Is(err, format.ErrNoFigure))
	// Parentheses mean a negative only to a reader told so: a memo line
	// prints its figure in them too.
	_, err = format.ParseAmount("(1,234)")
	fmt.Println(errors.Is(err, format.ErrParens))
	d, err := format.Formatter{Negative: format.Parens}.ParseAmount("(1,234)")
	fmt.Println(d, err)
	// Output:
	// -2286666903 <nil>
	// 76476940000 <nil>
	// 134000000 <nil>
	// 1696000000 <nil>
	// format: parsing "1,23,4": misplaced comma at offset 1
	// true
	// true
	// -1234 <nil>
}

func ExampleParseCell() {
	c, err := format.ParseCell("-")
	fmt.Println(c.Valid, err)
	c, err = format.ParseCell("0")
	fmt.Println(c.Valid, c.Amount, err)
	// Output:
	// false <nil>
	// true 0 <nil>
}

func ExampleDisplay() {
	var d format.Display
	for _, row := range [][2]string{{"現金及び預金", "32,200,729,071"}, {"前払金", "1,242,147"}} {
		fmt.Printf("%s|%s|\n", d.PadRight(row[0], 14), d.PadLeft(row[1], 16))
	}
	fmt.Println(d.Width("△1"), format.Display{AmbiguousWide: true}.Width("△1"))
	// Output:
	// 現金及び預金  |  32,200,729,071|
	// 前払金        |       1,242,147|
	// 2 3
}

func ExampleParseAmount_maxDigits() {
	_, err := format.ParseAmount(strings.Repeat("9", format.MaxDigits+1))
	fmt.Println(errors.Is(err, format.ErrRange))
	// Output: true
}
