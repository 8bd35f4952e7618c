// Package era converts days between the Gregorian calendar and the Japanese
// era calendar (和暦), and names fiscal years (年度) and periods as Japanese
// public documents print them.
//
// A [Date] is a day named in an era: 令和2年3月31日. [DateOf] and [Date.In]
// convert to and from time.Time, [FromGregorian] and [Date.Gregorian] to and
// from a Gregorian year, month and day. A [FiscalYear] is the year from
// 1 April to 31 March, numbered by the Gregorian year it begins in, and a
// [Period] is a run of days from one Date to another.
//
// # Eras
//
// The eras are [Meiji] (明治), [Taisho] (大正), [Showa] (昭和), [Heisei] (平成)
// and [Reiwa] (令和), from the table in eras.txt. The package handles the days
// from 1873-01-01, when Japan adopted the Gregorian calendar (明治6年1月1日),
// to 9999-12-31. Year 1 of an era is written 元年.
//
// # Formatting and parsing
//
// [Date.String] writes 令和2年3月31日; [Date.Format] writes the other forms
// that documents use, chosen by a [Style]: full-width digits (令和２年３月３１日),
// kanji numerals (令和二年三月三十一日), JIS X 0301 (R02.03.31) and 令和1年 for
// 元年. [Parse], [ParseFiscalYear] and [ParsePeriod] read all of these and what
// else real documents print: spaces between the parts, line breaks from PDF,
// the square era characters ㋿ ㍻ ㍼ ㍽ ㍾, Gregorian 2020年3月31日 and ISO
// 2020-03-31. A month (令和2年3月) or a year (令和元年, as in 令和元年分) has no
// Date of its own: ParsePeriod reads it as the Period of its days. Errors are
// a *[ParseError] that names the input and the offset of the fault, and wraps
// [ErrSyntax], [ErrRange] or [ErrOutsideEra]. ErrOutsideEra is the one for a
// program to act on, by parsing leniently; the others are the module's
// own, the same values as format's and the others' sentinels of the same
// name.
//
// # Date lines of statements
//
// A [Caption] writes the date line of a statement, an as-of date or a
// period, as headings print it: （令和２年３月３１日現在）,
// （自 平成31年4月1日 至 令和2年3月31日）, or 自 and 至 on two lines. Its zero
// value writes the common shape, in full-width digits and parentheses.
// [ParseCaption] reads every shape back, and [ParseCaptionLenient] the
// proleptic years too.
//
// # Strict and lenient parsing
//
// Parsing is strict by default: a day must be in its era, so 平成31年5月1日,
// 昭和64年1月8日 and 令和元年4月30日 are errors. Documents print such days all
// the same, written before an era change or on forms printed before it, and
// the government's guidance of 2019 kept them valid. [ParseLenient],
// [ParseFiscalYearLenient], [ParsePeriodLenient] and [ParseCaptionLenient]
// accept them, return the day named in the era in force on it
// (平成32年4月1日 reads as 令和2年4月1日), and return a [Leniency] that says what
// was accepted. No mode accepts year 0, a day that does not exist (2月30日, never
// rolled over to 3月1日) or a day before 1873.
//
// # Fiscal years
//
// A fiscal year that an era change falls in has two names. FiscalYear(2019)
// is 令和元年度 in documents written today, which [FiscalYear.String] returns,
// and was 平成31年度 in documents written before 2019-05-01, which
// [FiscalYear.LabelAsOf] returns for such a day. The rule: a fiscal year is
// named in the latest era begun by the day of writing in which the calendar
// year that the fiscal year begins in has a year of at least 1. So FY1988 is
// 昭和63年度, FY1989 平成元年度, and FY2020 as of 2019-03-01 平成32年度.
//
// # Text and JSON
//
// Dates and fiscal years carry ISO on the wire and 和暦 on screen:
// [Date.MarshalText] writes 2020-03-31, and a FiscalYear marshals as its
// Gregorian year, 2019 (a JSON number). Their UnmarshalText methods accept
// that and 和暦 too.
//
// # Non-goals
//
// The package has no lunisolar calendar, so no day before 1873-01-01, and no
// era before 明治. It has no time of day and no time zones: DateOf takes the
// year, month and day of a time.Time in the time's own location, and
// [Date.In] returns midnight in a location the caller names. It does not
// guess an era for a bare year (2年3月31日), nor read years written in two
// digits of the Gregorian calendar.
package era
