// Package unified holds the 統一的な基準 (the standard that 総務省 set for
// the financial statements of local bodies): the four statements every
// local body publishes — 様式第1号 貸借対照表, 様式第2号 行政コスト計算書,
// 様式第3号 純資産変動計算書 and 様式第4号 資金収支計算書 — for each [Scope]
// (一般会計等, 全体, 連結), the links between them and the standard
// accounts. Package segment/consolidate consolidates 一般会計等 into 全体
// and 連結 on these forms.
//
// # Forms
//
// [Forms], [Form] and [Template] give the twelve forms, read once from
// embedded data (forms.csv and forms/*.csv, in the row format of
// statement.ReadRowsCSV) and compiled once: a Template is immutable and
// safe for concurrent use. Every row's Remark opens with a mark of how
// sure the data is of the line ([Confidence]): [V] seen on a published
// statement with its arithmetic checked, [S] from a secondary source, [K]
// and [K?] from knowledge of the 様式 and not yet confirmed.
// testdata/NOTES.md says what each line rests on.
//
// The 貸借対照表 forms print side by side, 資産 on the left and 負債・純資産
// on the right (statement.Form.Split).
//
// # Accounts and signs
//
// [Chart] binds every item row to a standard account. 減価償却累計額,
// 投資損失引当金 and 徴収不能引当金 are contra accounts: their figures are
// negative, print with △ and add into their parent. [Build] and
// [CheckContra] reject a positive figure there rather than guess its sign.
//
// # Links
//
// [Links] gives the 財務書類4表の相互関係 of a scope and [Verify] checks a
// book against them; [YearlyLinks], [Years] and [VerifyYears] check last
// year's closing balances against this year's opening ones.
//
// # Errors
//
// Problems are reported in an [*Error] listing every [Problem]. [ErrContra]
// is the one for a program to act on: a contra account printed positive,
// whose sign a caller who knows the publisher's convention may flip. The
// others classify a problem whose message says what is wrong; they are the
// module's own, the same values as statement's and the others' sentinels
// of the same name.
//
// The package does not convert a body's own accounts (a 公営企業's or a
// 第三セクター's statements under their own standards) into the forms of the
// standard: its input is statements on these forms.
package unified
