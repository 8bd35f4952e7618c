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
// on the right (statement.Form.Split). The 純資産変動計算書 forms leave 合計
// blank on 固定資産等の変動（内部変動） and its four rows, as 様式第3号 does
// (the blank column of forms/nw-*.csv, statement.Row.Blank): those rows
// move an amount between 固定資産等形成分 and 余剰分（不足分）, so a published
// statement may print them blank, as a dash or as 0, and 本年度純資産変動額's
// 合計 is the sum of the other rows.
//
// # Accounts and signs
//
// [Chart] binds every item row to a standard account. 減価償却累計額,
// 投資損失引当金 and 徴収不能引当金 are contra accounts: their figures are
// negative, print with △ and add into their parent. [Build], [BuildSparse]
// (which takes only the figures given, rows named by key or label) and
// [CheckContra] reject a positive figure there rather than guess its sign.
//
// # Links
//
// [Links] gives the 財務書類4表の相互関係 of a scope and [Verify] checks a
// book against them, every figure as printed; [VerifyRounded] checks a book
// printed in 千円 or 百万円 under rounding, as statement.Book.VerifyRounded
// does. [YearlyLinks], [Years] and [VerifyYears] check last year's closing
// balances against this year's opening ones.
//
// # Books
//
// The four statements of 一般会計等 can be derived from books kept on the
// standard accounts, as 総務省's 財務書類作成要領 derives them
// 「総勘定元帳等の会計帳簿から誘導的に」 (要領 第22項): a journal of package
// account/journal checked under [JournalOptions] (accounts named by
// [Names]), posted by package account/ledger, and [FromBooks]; [Classify]
// carries each account to its statement in the ledger's 精算表, and
// [VerifyBooks] checks that the books tie out, naming the accounts behind
// a tie that breaks. [ConversionTable] is a sample 資金仕訳変換表 that turns
// 歳入歳出データ into 資金仕訳 (package account/conversion).
//
// books.csv says, for every standard account, the statement it belongs to,
// how the books use it (posted; posted by the 開始仕訳 alone: 固定資産等形成分,
// 余剰分（不足分） and 前年度末歳計外現金残高; or derived by the statements:
// 前年度末純資産残高, 純行政コスト（△）, the 内部変動 rows, 前年度末資金残高),
// the 資金収支計算書 line of cash received or paid against it, and whether
// it counts in 固定資産等形成分. The books may be kept by 日々仕訳 (entries
// as transactions happen) or by 期末一括仕訳 (the year's 歳入歳出データ
// converted at its end), or both: either is a journal of dated entries.
// A 資金仕訳 books its cash side on an account of the 資金収支計算書, as the
// 要領's 資金仕訳変換表 does (借方 物件費 / 貸方 物件費等支出; 借方 税収等収入 /
// 貸方 税収等); books that post cash to 現金預金 instead are taken too, each
// line against it falling on the receipt or payment line books.csv names
// for the account on the other side. testdata/NOTES.md says what each rule
// rests on.
//
// # Schedules of fixed assets
//
// [BuildTangibleAssets] and [BuildTangibleAssetsByPurpose] print a year of a
// 固定資産台帳 (package account/fixedasset) as two of the 附属明細書: the
// 有形固定資産の明細 and the 有形固定資産の行政目的別明細. [ScheduleLinks] ties
// them to the 貸借対照表 and to each other; their rows are marked [K] in
// schedules/*.csv, from knowledge of the 様式, not yet seen in print.
//
// # Indicators
//
// [Analyze] computes the 財務指標 of 総務省's 統一的な基準による財務書類等
// 活用の手引き from one scope of a body's book and its population: 資産形成度
// (住民一人当たり資産額, 歳入額対資産比率, 有形固定資産減価償却率), 世代間公平性
// (純資産比率, 将来世代負担比率), 持続可能性 (住民一人当たり負債額, 基礎的財政
// 収支), 効率性 (住民一人当たり行政コスト) and 自律性 (受益者負担比率). Each
// [Indicator]'s doc gives its definition. Values are exact quotients
// ([Ratio]); [Indicator.Printed] rounds one half away from zero in the
// indicator's unit. An indicator whose denominator is 0 or 該当なし has no
// value.
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
