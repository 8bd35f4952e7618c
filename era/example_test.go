package era_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/koukaikei/koukaikei/era"
)

func ExampleDateOf() {
	jst := time.FixedZone("JST", 9*60*60)
	t := time.Date(2019, time.May, 1, 9, 30, 0, 0, jst)
	d, err := era.DateOf(t)
	if err != nil {
		panic(err)
	}
	fmt.Println(d)
	fmt.Println(d.Era, d.Year, d.Month, d.Day)
	// Output:
	// 令和元年5月1日
	// 令和 1 May 1
}

func ExampleFromGregorian() {
	d, err := era.FromGregorian(1989, time.January, 7)
	fmt.Println(d, err)
	_, err = era.FromGregorian(2020, time.February, 30)
	fmt.Println(err)
	// Output:
	// 昭和64年1月7日 <nil>
	// era: 2020-02-30 is not a day: value out of range
}

func ExampleDate_In() {
	d := era.Date{Era: era.Reiwa, Year: 2, Month: time.March, Day: 31}
	fmt.Println(d.In(time.UTC))
	// Output:
	// 2020-03-31 00:00:00 +0000 UTC
}

func ExampleDate_String() {
	fmt.Println(era.Date{Era: era.Reiwa, Year: 1, Month: time.May, Day: 1})
	fmt.Println(era.Date{Era: era.Reiwa, Year: 2, Month: time.March, Day: 31})
	// Output:
	// 令和元年5月1日
	// 令和2年3月31日
}

func ExampleDate_Format() {
	d := era.Date{Era: era.Reiwa, Year: 2, Month: time.March, Day: 31}
	fmt.Println(d.Format(era.Style{Numerals: era.FullWidth}))
	fmt.Println(d.Format(era.Style{Numerals: era.KanjiNumerals}))
	fmt.Println(d.Format(era.Style{JIS: true, Name: era.OneLetter}))
	fmt.Println(d.Format(era.Style{JIS: true, Name: era.OneKanji}))
	fmt.Printf("%U\n", []rune(d.Format(era.Style{Numerals: era.FullWidth}))[2])
	g := era.Date{Era: era.Reiwa, Year: 1, Month: time.May, Day: 1}
	fmt.Println(g.Format(era.Style{NoGannen: true}))
	// Output:
	// 令和２年３月３１日
	// 令和二年三月三十一日
	// R02.03.31
	// 令02.03.31
	// U+FF12
	// 令和1年5月1日
}

func ExampleParse() {
	for _, s := range []string{
		"令和２年３月３１日",
		"令和 2 年 3 月 31 日",
		"平成 26 年４月１日",
		"R02.03.31",
		"㍻31年4月30日",
		"2020-03-31",
	} {
		d, err := era.Parse(s)
		fmt.Println(d, err)
	}
	// Output:
	// 令和2年3月31日 <nil>
	// 令和2年3月31日 <nil>
	// 平成26年4月1日 <nil>
	// 令和2年3月31日 <nil>
	// 平成31年4月30日 <nil>
	// 令和2年3月31日 <nil>
}

func ExampleParseLenient() {
	for _, s := range []string{"令和2年4月1日", "平成32年4月1日", "明治45年7月30日", "令和元年4月1日"} {
		d, l, err := era.ParseLenient(s)
		fmt.Println(s, "→", d, l, err)
	}
	// Output:
	// 令和2年4月1日 → 令和2年4月1日 strict <nil>
	// 平成32年4月1日 → 令和2年4月1日 proleptic <nil>
	// 明治45年7月30日 → 大正元年7月30日 accession day <nil>
	// 令和元年4月1日 → 平成31年4月1日 before start <nil>
}

func ExampleParseError() {
	_, err := era.Parse("令和2年2月30日")
	var pe *era.ParseError
	if errors.As(err, &pe) {
		fmt.Printf("%q at byte %d: %s\n", pe.Input, pe.Offset, pe.Reason)
	}
	fmt.Println(errors.Is(err, era.ErrRange))
	// Output:
	// "令和2年2月30日" at byte 14: day 30 out of range for February 2020
	// true
}

func ExampleFiscalYear() {
	fy := era.FiscalYear(2019)
	fmt.Println(fy)
	fmt.Println(fy.First(), fy.Last())
	fmt.Println(fy.Period())
	d := era.Date{Era: era.Reiwa, Year: 2, Month: time.March, Day: 31}
	fmt.Println(d.FiscalYear(), fy.Contains(d))
	// Output:
	// 令和元年度
	// 平成31年4月1日 令和2年3月31日
	// 平成31年4月1日から令和2年3月31日まで
	// 令和元年度 true
}

func ExampleFiscalYear_LabelAsOf() {
	jst := time.FixedZone("JST", 9*60*60)
	fmt.Println(era.FiscalYear(2019).LabelAsOf(time.Date(2019, 4, 22, 0, 0, 0, 0, jst)))
	fmt.Println(era.FiscalYear(2019).LabelAsOf(time.Date(2019, 5, 1, 0, 0, 0, 0, jst)))
	fmt.Println(era.FiscalYear(2020).LabelAsOf(time.Date(2019, 3, 1, 0, 0, 0, 0, jst)))
	fmt.Println(era.FiscalYear(1988), era.FiscalYear(1989))
	// Output:
	// 平成31年度
	// 令和元年度
	// 平成32年度
	// 昭和63年度 平成元年度
}

func ExampleParseFiscalYear() {
	for _, s := range []string{"令和元年度", "平成31年度", "令和２年度", "平成三十一年度", "2019年度", "昭和64年度"} {
		fy, err := era.ParseFiscalYear(s)
		fmt.Println(int(fy), err)
	}
	fy, l, err := era.ParseFiscalYearLenient("昭和64年度")
	fmt.Println(int(fy), l, err)
	// Output:
	// 2019 <nil>
	// 2019 <nil>
	// 2020 <nil>
	// 2019 <nil>
	// 2019 <nil>
	// 0 era: parsing "昭和64年度": 昭和 ended on 1989-01-07, before the first day of the fiscal year
	// 1989 proleptic <nil>
}

func ExampleParsePeriod() {
	for _, s := range []string{
		"平成31年4月1日から令和2年3月31日まで",
		"自 平成 31 年 4 月 １日 至 令和 2 年 3 月 31 日",
		"令和２年１月～３月",
		"令和2年度",
	} {
		p, err := era.ParsePeriod(s)
		fmt.Println(p.Start, p.End, err)
	}
	// Output:
	// 平成31年4月1日 令和2年3月31日 <nil>
	// 平成31年4月1日 令和2年3月31日 <nil>
	// 令和2年1月1日 令和2年3月31日 <nil>
	// 令和2年4月1日 令和3年3月31日 <nil>
}

func ExamplePeriod_Format() {
	p := era.FiscalYear(2019).Period()
	fmt.Println(p)
	fmt.Println(p.Format(era.Style{Connective: era.JiItaru}))
	fmt.Println(p.Format(era.Style{Connective: era.Tilde, Numerals: era.FullWidth}))
	// Output:
	// 平成31年4月1日から令和2年3月31日まで
	// 自 平成31年4月1日 至 令和2年3月31日
	// 平成３１年４月１日～令和２年３月３１日
}

func ExampleEra() {
	for _, e := range era.Eras() {
		y, m, d := e.Start()
		fmt.Println(e, e.Abbrev(), e.Letter(), y, int(m), d)
	}
	fmt.Println(era.Era(0))
	// Output:
	// 明治 明 M 1868 1 25
	// 大正 大 T 1912 7 30
	// 昭和 昭 S 1926 12 25
	// 平成 平 H 1989 1 8
	// 令和 令 R 2019 5 1
	// %!Era(0)
}

// Dates travel as ISO 8601 and fiscal years as numbers; 和暦 is for people.
func Example_json() {
	type Statement struct {
		FiscalYear era.FiscalYear `json:"fiscal_year"`
		AsOf       era.Date       `json:"as_of"`
	}
	b, _ := json.Marshal(Statement{FiscalYear: 2019, AsOf: era.Date{Era: era.Reiwa, Year: 2, Month: time.March, Day: 31}})
	fmt.Println(string(b))
	var s Statement
	err := json.Unmarshal([]byte(`{"fiscal_year":"令和元年度","as_of":"令和２年３月３１日"}`), &s)
	fmt.Println(s.FiscalYear, s.AsOf, err)
	// Output:
	// {"fiscal_year":2019,"as_of":"2020-03-31"}
	// 令和元年度 令和2年3月31日 <nil>
}

func ExampleCaption() {
	asOf := era.Date{Era: era.Reiwa, Year: 2, Month: time.March, Day: 31}
	fy := era.FiscalYear(2019).Period()
	fmt.Println(era.Caption{}.FormatAsOf(asOf))
	fmt.Println(era.Caption{}.FormatPeriod(fy))
	fmt.Println(era.Caption{HalfWidth: true, Connective: era.JiItaru}.FormatPeriod(fy))
	fmt.Println(era.Caption{Bare: true, HalfWidth: true, Connective: era.JiItaru, TwoLines: true}.FormatPeriod(fy))
	// Output:
	// （令和２年３月３１日現在）
	// （平成３１年４月１日から令和２年３月３１日まで）
	// （自 平成31年4月1日 至 令和2年3月31日）
	// 自 平成31年4月1日
	// 至 令和2年3月31日
}

func ExampleParseCaption() {
	for _, s := range []string{"（令和２年３月３１日現在）", "自 令和2年4月1日\n至 令和3年3月31日"} {
		d, p, err := era.ParseCaption(s)
		switch {
		case err != nil:
			fmt.Println(err)
		case p == era.Period{}:
			fmt.Println("as of", d.In(time.UTC).Format(time.DateOnly))
		default:
			fmt.Println("from", p.Start.In(time.UTC).Format(time.DateOnly), "to", p.End.In(time.UTC).Format(time.DateOnly))
		}
	}
	// Output:
	// as of 2020-03-31
	// from 2020-04-01 to 2021-03-31
}
