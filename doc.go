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
//     whose categories fix the normal side (借方/貸方) of every account, and
//     contra accounts (評価勘定) the other; its journal package is the
//     仕訳帳, its ledger package the 総勘定元帳, 合計残高試算表 and 精算表, and
//     its conversion package turns 歳入歳出データ into 資金仕訳 through a
//     資金仕訳変換表.
//   - [github.com/koukaikei/koukaikei/statement] builds statements from forms
//     (様式) and leaf figures, reads published ones, checks their identities
//     and the links between them exactly or within the rounding of a 千円 or
//     百万円 table, keeps a body's statements in a Book with links and pins as
//     data, scales them, and prints them as text, CSV, JSON and Markdown; its
//     statementtest package serves users' own tests, and its unified package
//     holds the 統一的な基準: the four statements every local body publishes,
//     for 一般会計等, 全体 and 連結, and derives those of 一般会計等 from books
//     kept on its standard accounts.
//   - [github.com/koukaikei/koukaikei/segment] consolidates segment
//     statements (事業別財務情報) through balanced eliminations; its
//     consolidate package makes a body's 全体 and 連結, apportion divides
//     totals (按分) by named methods, and localcode reads the
//     全国地方公共団体コード.
//
// The programs under examples reproduce the FY2019 (令和元年度) report of
// 地方公共団体情報システム機構 (J-LIS) and its 令和２年度補正予算, whose tests
// compare every figure they print with the figure the report prints; check
// any published statement file; consolidate a worked example; and keep a
// worked year of books.
//
// # Errors
//
// Each package reports bad input with one error shape of its own: an Error
// listing every Problem at its line, row and column, or a ParseError naming
// the input and the offset. Each problem wraps a sentinel that says what
// kind of problem it is, and a kind that several packages report is one
// value across the module: statement.ErrSyntax is format.ErrSyntax and
// era.ErrSyntax, segment.ErrRange is statement.ErrRange, and so on for
// ErrUnknown, ErrDuplicate, ErrMissing, ErrCycle, ErrEncoding, ErrForm and
// ErrUnbalanced. So errors.Is finds a condition whichever package raised
// it and whichever passed it on: a figure that statement.ReadCSV cannot
// read is both statement.ErrSyntax and format.ErrSyntax.
//
// Few sentinels are for a program to act on, and each package's doc names
// them: ErrEncoding (the file is in neither UTF-8 nor CP932),
// statement.ErrMismatch (a file of another form, unit or layout),
// format.ErrNoFigure (a dash), era.ErrOutsideEra (a date that lenient
// parsing accepts), localcode.ErrCheckDigit (a mistyped code), ErrContra
// of statement/unified (a contra account printed positive), and
// ErrUnbalanced and the like (the figures, not the input, are wrong). The
// others classify a problem for tests and reports; its place and message
// say what is wrong.
//
// Amounts are github.com/shopspring/decimal values in yen, exact. The library
// never uses floating point for money, never changes a unit by division, and
// never sets shopspring/decimal's package variables.
package koukaikei
