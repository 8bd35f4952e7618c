// Package fixedasset is the 固定資産台帳 of a local body: the register of its
// fixed assets, their depreciation by 定額法, and the year's figures that the
// books and the 附属明細書 take from it, as 総務省's 資産評価及び固定資産台帳整備の
// 手引き and the 統一的な基準's 財務書類作成要領 prescribe.
//
// # The register
//
// An [Asset] is a line of the register: its 番号, 件名, 勘定科目 ([Account],
// a line of the 貸借対照表 such as 事業用資産/建物), 耐用年数分類 ([Class]),
// 耐用年数, 取得年月日 ([era.Date]), 取得価額等 in whole yen, 数量 and 単位,
// 所在地, 行政目的 ([Purpose]), 財源 ([Funding]), 評価方法 ([Valuation]),
// リース区分, how it came ([Acquisition]) and how it left ([Disposal]) with
// the day and the price. [NewRegister] and [ReadCSV] check every asset
// against the rules and make an immutable [Register]; [WriteCSV] writes it
// back.
//
// Of the 手引き's items of the 台帳 the register keeps 番号, 件名, 所在地, 勘定科目,
// 耐用年数分類, 耐用年数, 取得年月日, 取得価額等, 数量 (面積), 行政目的, 財源
// (取得財源内訳), 評価方法 (評価基準), リース区分 and the 増減異動 of acquisition and
// disposal (日付, 事由: 有償取得, 無償所管換等, 振替, 売却, 除却). It computes
// rather than records 減価償却累計額, 帳簿価額 and 減価償却額. It does not keep 枝番,
// 主管箇所, 供用開始年月日, 用途, 事業分類, 予算執行科目, 売却可能区分, 時価等 or
// 開始時見積資産, nor the 増減 by 評価等 (revaluation): a 備考 holds what else a
// body records.
//
// # Depreciation
//
// [Register.Year] depreciates every asset by 定額法, at the rate that the
// 減価償却資産の耐用年数等に関する省令's 別表第八 sets for its 耐用年数 ([Rate]),
// each year's amount cut to the yen, with no residual value: a tangible
// asset keeps a 備忘価額 of 1 yen, an intangible one nothing. Useful lives
// come from the 省令's 別表第一 and 別表第三 ([Classes], embedded as
// lives.csv), or are given with the asset; a life other than the 省令's, or
// over 100 years, needs a reason. 土地, 立木竹, 建設仮勘定 and 美術品 are not
// depreciated. For the years of acquisition and disposal the package
// offers two rules: [FromNextYear], the default, begins depreciation in
// the year after acquisition and makes none in the year of disposal;
// [Monthly] (月割) depreciates those years by months. Which of the two the
// 手引き makes its 原則 has not been confirmed against its text (its
// 減価償却・耐用年数等 section could not be read in any source at hand):
// the default quotes no rule, and a body should set the rule it follows.
// testdata/NOTES.md gives the source of each rule and each line of the
// tables.
//
// A 建設仮勘定 names the asset it became (TransferTo) and leaves the register
// on that asset's 取得年月日 (振替).
//
// # The year's figures
//
// A [Year] gives each asset's figures ([Year.Line]) and their sums as a
// [Movement] — 前年度末残高, 本年度増加額, 本年度減少額, 本年度末残高,
// 減価償却累計額, 本年度償却額 — by account, by 行政目的 and for all tangible
// assets: the columns of the 有形固定資産の明細 and the cells of the
// 有形固定資産の行政目的別明細, which package statement/unified prints as
// statements, and the 有形固定資産減価償却率 ([Movement.AgingRatio]).
//
// # The books
//
// [Year.Entries] gives the year's 非資金仕訳 as entries of package
// account/journal, on the accounts of the 統一的な基準's chart unless
// [EntryOptions] name others: 減価償却費 / 減価償却累計額 by account, 除売却
// with its 資産除売却損 or 資産売却益, 無償所管換等 in and out, and the 振替 of a
// 建設仮勘定.
//
// # Errors
//
// Every problem of a register is reported at once in an [*Error] listing
// each [Problem] with its line, asset and column; each wraps one of the
// package's sentinels, such as [ErrRange] or [ErrInconsistent]. Nothing is
// dropped: an asset that breaks a rule is an error, not skipped.
//
// Amounts are int64 whole yen: the register's arithmetic is exact integer
// arithmetic, bounded by [MaxCost] so that no product overflows.
package fixedasset
