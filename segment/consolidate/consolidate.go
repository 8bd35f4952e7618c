// Package consolidate makes the 全体 and 連結 statements of a local body
// from those of its members, under the 統一的な基準 (package
// statement/unified), as 総務省's 連結財務書類作成の手引き (統一的な基準による
// 地方公会計マニュアル) does it: 一般会計等 and 公営事業会計 into 全体, and
// those with the 一部事務組合・広域連合, 地方独立行政法人, 地方三公社 and
// 第三セクター等 into 連結.
//
// A [Consolidation] takes its [Member] values, each with its four
// statements, and its eliminations (相殺消去, [segment.Elimination]), and
// makes the consolidated statements and the 連結精算表 ([Result]). Members
// and eliminations may be read from files ([ReadDir]).
//
// # Members and methods
//
// [Rule] gives the method the 手引き prescribes for a kind of member: in
// 全体, 一般会計等 and 公営事業会計 at 全部連結; in 連結 besides them,
// 地方独立行政法人 and 地方三公社 at 全部連結, 一部事務組合・広域連合 at
// 比例連結 by 経費負担割合, and 第三セクター等 at 全部連結 where the body
// holds more than 50 % or 業務運営に実質的に主導的な立場, else at 比例連結 by
// its 出資割合 from 25 %. A member consolidated otherwise says why in its
// Override, which the 精算表's notes print.
//
// # 比例連結
//
// A member at a ratio is taken whole: each of its item figures times the
// ratio is rounded to 円 by the consolidation's Rounding, and where that
// breaks a link of the scope (資産合計 = 負債及び純資産合計, BS 現金預金 =
// CF 本年度末現金預金残高, each class of 純資産 = its column of the
// 純資産変動計算書, 純行政コスト, 固定資産等形成分 = 固定資産 + 短期貸付金 +
// 基金), the link's rounding remainder is allotted, one yen at a time, to
// the figures whose rounding went furthest the other way: its totals are
// derived from those figures, and its statements keep every link. The
// 精算表 shows the member at 100 % and at its ratio, and its notes each
// yen allotted. A member whose ratio changed (比例連結割合の変更) has its
// 前年度末 balances at last year's ratio and the 差額 on the rows
// 比例連結割合変更に伴う差額. An elimination against a 比例連結 member is
// entered at 100 %, a line of it naming the member, and applied at its
// ratio; a line that names no member, on a row where only 比例連結 members
// have figures, is an error, for it would apply in full to figures taken
// at a ratio.
//
// # 他団体出資等分 and 投資と資本の相殺消去
//
// A member at 全部連結 of which the body holds a Share below 1 has the
// other investors' share of its 純資産 as 他団体出資等分: at both ends of the
// year, and of the year's change (純行政コスト, 財源 and the rest) on the
// rows 他団体出資等分の増加 or 減少. With its investor's 出資金 (Investment)
// it is the 投資と資本の相殺消去 the package derives, which keeps each class
// of 純資産 what the 統一的な基準 defines it as: the 出資金, a 固定資産 that
// leaves the 貸借対照表, leaves 固定資産等形成分 with it, while the
// member's own 固定資産 stay and with them its 固定資産等形成分; the other
// investors' share comes out of 余剰分（不足分）, where what the body's share
// exceeds the 出資金 by stays.
//
// # 固定資産等形成分
//
// The 統一的な基準 defines 固定資産等形成分 as the 純資産 held as 固定資産,
// 短期貸付金 and 流動資産の基金 (statement/unified checks the same of the books
// of 一般会計等: VerifyBooks). The package holds it as a link of every
// scope: of each member's statements, of a 比例連結 member's after
// rounding, of each elimination alone (one that moves those assets moves
// 固定資産等形成分 by as much), and of the consolidated statements and
// every column of the 精算表. A break names the accounts behind it.
//
// # Eliminations
//
// Each line of an elimination moves its row through the category of the
// row's standard account, as a journal entry does: a 借方 on a revenue or
// a liability reduces it, a 貸方 on an expense or an asset reduces it, a
// 貸方 on a contra asset makes its figure more negative. An elimination
// balances when, applied alone, it keeps every link of the scope: its
// 貸借対照表 lines' debits equal their credits; a change of 純行政コスト is
// carried into the 純資産変動計算書's 純行政コスト（△）; a change of a class
// of 純資産 is the change of its column of the 純資産変動計算書; a change of
// 現金預金 is that of the 資金収支計算書; a change of 固定資産, 短期貸付金 or
// 流動資産の基金 is that of 固定資産等形成分. 他会計への繰出金 against the
// receiving 会計's 経常収益 is so two pairs of lines, one on the
// 行政コスト計算書 (借方 経常収益/その他 / 貸方 他会計への繰出金) and one on the
// 資金収支計算書 (借方 業務収入/その他の収入 / 貸方 他会計への繰出支出).
// Against a 財源 instead (税収等 of the receiving 会計's 純資産変動計算書),
// the lines are 貸方 他会計への繰出金, 借方 税収等 and 貸方 純行政コスト（△）,
// both in 余剰分（不足分）.
//
// # The 連結精算表
//
// Each [Worksheet] is one statement (and, for the 純資産変動計算書, one
// column of net assets) with the members side by side at 100 %, a
// 比例連結 member also at its ratio, 単純合算, a column for each kind of
// elimination ([segment.EliminationKind]: 内部取引, 投資と資本の相殺消去,
// 連結修正等) or, with ByElimination, for each elimination, and the
// consolidated column. [Result.Verify] checks every column's identities and
// links.
//
// # Sources
//
// The 手引き's rules as stated above rest on its text as secondary sources
// restate it (a city's 連結財務諸表 実務指針 for 一部事務組合・広域連合 at
// 比例連結 by 負担割合 and 地方独立行政法人 at 全部連結; a city's note on
// 総務省's 通知 for 第三セクター等 at 50 % and 25 %); testdata/NOTES.md says
// which. The allotment of a 比例連結 member's rounding remainder and the
// timing of the 投資と資本の相殺消去 are this package's, where no text was
// found to say otherwise; how the 投資と資本の相殺消去 splits between the
// classes of 純資産 rests on the definition of 固定資産等形成分, no text of
// the 手引き on it having been found.
//
// The package does not decide which bodies a 連結 covers, nor convert a
// member's own accounts into the forms of the standard: its input is
// statements on those forms.
package consolidate

import (
	"fmt"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// A Method is how a member is consolidated. The zero value, in a Member,
// means the method the 手引き prescribes (see Rule).
type Method int

// Methods.
const (
	Full         Method = iota + 1 // 全部連結: every figure, at 100 %
	Proportional                   // 比例連結: every figure at the member's Ratio
)

// String returns 全部連結 or 比例連結; an unknown method prints as
// %!Method(n).
func (m Method) String() string {
	switch m {
	case Full:
		return "全部連結"
	case Proportional:
		return "比例連結"
	}
	return fmt.Sprintf("%%!Method(%d)", int(m))
}

// A MemberType is what kind of 会計 or body a member is. The zero value is
// not a type.
type MemberType int

// Member types: the first two make up 全体, the others join them in 連結.
const (
	GeneralAccounts   MemberType = iota + 1 // 一般会計等
	PublicEnterprise                        // 公営事業会計
	Association                             // 一部事務組合・広域連合
	IndependentAgency                       // 地方独立行政法人
	PublicCorporation                       // 地方三公社
	ThirdSector                             // 第三セクター等
)

var memberTypeNames = [...]string{"", "一般会計等", "公営事業会計", "一部事務組合・広域連合", "地方独立行政法人", "地方三公社", "第三セクター等"}

// String returns the type's name, such as 公営事業会計; an unknown type
// prints as %!MemberType(n).
func (t MemberType) String() string {
	if t < GeneralAccounts || t > ThirdSector {
		return fmt.Sprintf("%%!MemberType(%d)", int(t))
	}
	return memberTypeNames[t]
}

// A Member is one 会計 or body of a consolidation.
type Member struct {
	// Name heads the member's column of the 精算表, such as 下水道事業会計.
	Name string
	Type MemberType // what kind of 会計 or body it is
	// Method is how it is consolidated. Defaults to the method Rule gives
	// for its Type; another needs an Override.
	Method Method
	// Ratio is the share consolidated by Proportional (経費負担割合, or
	// 出資割合): above 0 and below 1, exact, such as 0.237. For a
	// 第三セクター等 it defaults to its Share. For Full it is zero or 1.
	Ratio decimal.Decimal
	// PriorRatio is, for a member whose ratio changed since last year
	// (比例連結割合の変更), last year's: its 前年度末 balances are taken at
	// it, and the difference to this year's on the rows
	// 比例連結割合変更に伴う差額. Defaults to Ratio: no change.
	PriorRatio decimal.Decimal
	// Share is the body's 出資割合 in the member: above 0 and at most 1.
	// Defaults to 1, the whole. A Full member of 連結 held below 1 has the
	// rest of its 純資産 as 他団体出資等分; for a 第三セクター等 it decides
	// the method (see Rule).
	Share decimal.Decimal
	// Control says that the body holds 業務運営に実質的に主導的な立場 in
	// a 第三セクター等 of a Share of 50 % or less, which the 手引き then
	// consolidates at 全部連結.
	Control bool
	// Investment is the 出資金 its Investor carries for the member, which
	// the 投資と資本の相殺消去 eliminates against the member's 純資産. Zero
	// for none.
	Investment decimal.Decimal
	// Investor names the member whose 出資金 Investment is. Defaults to
	// the first member.
	Investor string
	// Override says why the member is consolidated by another method than
	// Rule's, or at all where Rule takes it in no way; the 精算表's notes
	// print it.
	Override string
	// Book holds the member's four statements under their ids (see
	// unified.ID): on the forms of the consolidation's scope or of a
	// narrower one, which are widened (unified.Widen). Of several of one
	// kind, the member's own scope's is taken (一般会計等 for
	// GeneralAccounts and Association, 全体 for PublicEnterprise, 連結 for
	// the others), else the narrowest.
	Book *statement.Book
}

// A Consolidation makes the statements of a scope from those of its
// members: the 全体 of 一般会計等 and 公営事業会計, or the 連結 of those and
// the 一部事務組合・広域連合, 地方独立行政法人, 地方三公社 and 第三セクター等.
type Consolidation struct {
	// Scope is unified.Whole or unified.Consolidated: the forms of the
	// result.
	Scope   unified.Scope
	Members []Member // in the order of the 精算表's columns
	// Eliminations are the 相殺消去 besides those derived from the
	// members' Investment. Each line names its statement by id (such as
	// pl-consolidated), its short id (pl) or its title (行政コスト計算書),
	// or none if its row is on one form only; its row by key or label; and,
	// on the 純資産変動計算書, its column.
	Eliminations []segment.Elimination
	// Rounding is how a Proportional member's figures, and the lines of
	// an elimination against one, times the ratio are rounded to 円
	// (端数処理). Defaults to HalfUp (四捨五入).
	Rounding format.Rounding
	// Entity is the entity of the consolidated statements, such as
	// 〇〇市; defaults to that of the first member's statements, whose
	// dates, unit and style the results take.
	Entity string
	// Compact leaves out of the worksheets the rows that have no figure
	// in any column, and the headings all of whose rows are left out.
	// Defaults to false: every row.
	Compact bool
	// ByElimination gives the 精算表 a column for each elimination, headed
	// by its name, instead of one for each kind.
	ByElimination bool
}

// SumColumn heads the 精算表's column of the members' figures as
// consolidated, before the eliminations.
const SumColumn = "単純合算"

// A Worksheet is one table of the 精算表: the members side by side,
// 単純合算, the eliminations, and the consolidated column, headed by the
// scope's name (全体 or 連結).
type Worksheet struct {
	Kind unified.Kind // the statement it consolidates
	// Column is, for the 純資産変動計算書, the column of net assets the
	// worksheet consolidates; the 合計 column follows from them. Empty
	// for the other statements.
	Column    string
	Statement *statement.Statement // the table, its rows those of the statement's form
}

// A Result is what a Consolidation makes.
type Result struct {
	// Book holds the four consolidated statements under their ids (see
	// unified.ID).
	Book *statement.Book
	// Worksheets is the 精算表, in the order of the 様式: 貸借対照表,
	// 行政コスト計算書, one for each column of net assets of the
	// 純資産変動計算書, 資金収支計算書.
	Worksheets []Worksheet
	// Notes say how each member is consolidated (its type, method, ratio
	// or share, and an Override's reason), each yen of a rounding
	// remainder allotted, and each difference an elimination reconciled.
	// The first worksheet prints them below its table.
	Notes []string
	scope unified.Scope
}

// Build consolidates the members and returns the consolidated statements
// and the 精算表. Every problem is reported in one *Error, each Problem
// naming the member, elimination, statement, row and column it concerns:
//
//   - a Scope that consolidates nothing (unified.General or unknown), no
//     members, or a member that the scope does not take, or takes by
//     another method than its Method without an Override (ErrScope);
//   - a member without a name, a book, or one of its four statements
//     (ErrMissing), or two with one name, or one named as a column of the
//     精算表 (ErrDuplicate);
//   - a method that is not Full or Proportional, a Ratio, PriorRatio or
//     Share that is not the method's, an Investment that is negative or
//     beyond its investor's 出資金 (ErrRange), an Investor that is not
//     another member (ErrUnknown);
//   - a member's statement on another form than the scope's or a narrower
//     one (ErrForm), with a positive figure on a contra row
//     (unified.ErrContra), with a printed total its items do not give
//     (ErrTotal), or a member whose own statements break a link of the
//     scope (ErrLink);
//   - a 比例連結 member whose figures at its ratio break a link that no
//     allotment of the rounding remainder mends (ErrRounding);
//   - an elimination line whose amount is not positive, that takes more
//     from its member's figure than the figure has, or that names members
//     at different ratios (ErrRange); whose row, statement, column, side or
//     member is not one of the scope's (ErrUnknown), or of the
//     純資産変動計算書 without a column, or that names no member on a row
//     where only 比例連結 members have figures (ErrMissing);
//   - eliminations that together take a figure of the 単純合算, on a row
//     other than a class of 純資産, past 0 (ErrRange);
//   - an elimination that does not balance (ErrUnbalanced), naming the
//     link it breaks;
//   - consolidated statements that break a link (ErrLink).
func (c *Consolidation) Build() (*Result, error) {
	if c == nil {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: no consolidation", ErrMissing)}}}
	}
	if c.Scope != unified.Whole && c.Scope != unified.Consolidated {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: scope %v consolidates nothing: 全体 or 連結", ErrScope, c.Scope)}}}
	}
	if len(c.Members) == 0 {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: no members", ErrMissing)}}}
	}
	ms, ps := c.members()
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	for _, m := range ms {
		if m.method == Proportional {
			ps = append(ps, c.scale(m)...)
		}
	}
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	derived, ps := c.ownership(ms)
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	es, ps := c.eliminations(ms, derived)
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	return c.result(ms, es)
}
