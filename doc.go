// Package koukaikei is a library for Japanese public-sector accounting (公会計):
// it builds the statements that public bodies publish from leaf figures,
// exactly as they publish them, and checks published statements to the yen.
//
// This package holds only this overview. The work is done by its packages,
// each with one job:
//
//   - [github.com/koukaikei/koukaikei/format] prints and reads amounts as
//     Japanese public documents do: △ for negatives, 円, 千円 and 百万円 under a
//     named rounding (四捨五入 by default), full-width digits, kanji units
//     (1億3,400万円), and the display width of Japanese text.
//   - [github.com/koukaikei/koukaikei/era] converts dates to and from the
//     Japanese calendar (和暦): 元年, era boundaries, fiscal years (年度) and
//     periods, strict and lenient.
//   - [github.com/koukaikei/koukaikei/account] is a typed chart of accounts,
//     whose categories fix the normal side (借方/貸方) of every account.
//   - [github.com/koukaikei/koukaikei/statement] builds statements from forms
//     (様式) and leaf figures, compares them with published figures, checks
//     identities and cross-statement links, scales them to 千円 or 百万円, and
//     prints them as text, CSV, JSON and Markdown; its statementtest package
//     serves users' own tests.
//   - [github.com/koukaikei/koukaikei/segment] consolidates segment
//     statements (事業別財務情報) through balanced elimination entries, and
//     apportions totals (按分) by named methods.
//
// The programs under examples reproduce the FY2019 (令和元年度) report of
// 地方公共団体情報システム機構 (J-LIS); their tests compare every figure they
// print with the figure the report prints.
//
// Amounts are github.com/shopspring/decimal values in yen, exact. The library
// never uses floating point for money, never changes a unit by division, and
// never sets shopspring/decimal's package variables.
package koukaikei
