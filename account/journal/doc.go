// Package journal is the 仕訳帳 (journal) of a public body's books: dated
// entries of balanced 借方 and 貸方 lines on the posting accounts of a chart,
// for one fiscal year.
//
// # Entries
//
// An [Entry] has an id, a date ([era.Date]), a [Stage] (開始仕訳, 期中仕訳 or
// 整理仕訳), a memo and its [Line] values: an account's code, a side
// ([account.Debit] or [account.Credit]) and an amount in whole yen. Other
// packages make entries with [NewEntry], [Debit] and [Credit], or with the
// exported fields; the fixed-asset register makes its 減価償却 and 除売却
// entries so:
//
//	e := journal.NewEntry("D-1", last, journal.Adjusting, "減価償却（庁舎）",
//		journal.Debit("4123", amount), journal.Credit("1114", amount))
//
// # Checks
//
// [New] checks entries against a chart and makes a [Journal]; [ReadCSV]
// reads and checks a journal file. Every account must exist and be a
// posting account (a leaf of the chart, unless [Options] say otherwise);
// every amount must be positive whole yen; the debits of every entry must
// equal its credits; ids must be unique; and every date must fall in the
// fiscal year or in its 出納整理期間.
//
// The 出納整理期間 is 4月1日 to 5月31日 after the fiscal year (地方自治法
// 第235条の5: the year closes on 5月31日). Receipts and payments of the
// closing year made then belong to it, so an entry dated then is posted to
// the year that closes, not to the year that has begun: a journal of
// 令和5年度 holds entries dated 2023-04-01 to 2024-05-31.
//
// # 資金仕訳 and 非資金仕訳
//
// An entry is a 資金仕訳 when it touches a 資金 account, and a 非資金仕訳
// otherwise ([Kind]). 総務省's 財務書類作成要領 books the cash side of a
// 資金仕訳 on the accounts of the 資金収支計算書 in place of cash (借方 物件費
// / 貸方 物件費等支出), so by default the 資金 accounts are those of the
// categories [account.Inflow] and [account.Outflow]; [Options].Cash names
// others, such as a cash account for books that post to it.
//
// # Errors
//
// Every problem is reported at once in an [*Error] listing each [Problem]
// with its file, line, entry and field; each wraps one of the package's
// sentinels, such as [ErrUnbalanced] or [ErrUnknown], for errors.Is.
// Nothing is dropped or altered: an entry that cannot be read is an error,
// not skipped.
package journal
