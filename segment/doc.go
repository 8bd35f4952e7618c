// Package segment builds segment statements (事業別財務情報): the statements
// of the segments of a public body side by side, with a 相殺等 column of
// eliminations and a 合計 column that is their consolidation.
//
// A [Table] takes the statements of its segments, built on one form, and
// balanced [Elimination] values: journal entries whose [Line] values each
// move one row, named by key or by label. The 相殺等 column is derived from
// them through the categories of the accounts the rows are bound to: a 借方
// on a revenue or a liability reduces it, a 貸方 on an expense or an asset
// reduces it. Accounts between segments (他事業勘定) must net to zero across
// them. A segment may be consolidated at a ratio (比例連結), each figure
// rounded to 円 by a stated rounding, and an elimination against it is
// applied at that ratio ([Elimination.Settle]); a 単純合算 column may sum
// the segments before the eliminations, as a 連結精算表 prints them.
// [ReadEliminationsCSV] reads eliminations from a file.
//
// The same Elimination serves the 全体 and 連結 of package
// [github.com/koukaikei/koukaikei/segment/consolidate], whose 連結精算表
// prints each [EliminationKind] in a column of its own.
//
// # Errors
//
// Problems are reported in an [*Error] listing every [Problem], each at
// its line, row and column and wrapping one of the package's sentinels.
// [ErrUnbalanced] is the one for a program to act on: the eliminations or
// the segments' figures, not the input, are wrong. The others classify a
// problem in the input, whose message says what is wrong; they are the
// module's own, the same values as statement's and the others' sentinels
// of the same name.
//
// The package does not post eliminations to ledgers; an Elimination only
// says how the 相殺等 column moves. Apportionment (按分) of totals over
// weights is in package [github.com/koukaikei/koukaikei/segment/apportion],
// and the 全国地方公共団体コード in
// [github.com/koukaikei/koukaikei/segment/localcode].
package segment
