package consolidate

import (
	"cmp"
	"fmt"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// ownership returns the 投資と資本の相殺消去 of each member that has an
// Investment, or other investors (a Full member of 連結 held below its
// whole), and what is wrong with them.
//
// Of a member's 純資産 as consolidated, NA₀ at 前年度末 (its classes F₀,
// S₀, O₀: 固定資産等形成分, 余剰分（不足分）, 他団体出資等分) and NA₁ at
// 本年度末, the other investors hold m = 1 − Share: 他団体出資等分 m·NA₀ and
// m·NA₁, each rounded to 円, and their change Δ over the year. The
// investor's 出資金 C and the part of the member's 純資産 it stands for
// leave the consolidated 純資産 together, and each class keeps what it is
// defined as (固定資産等形成分 = 固定資産 + 短期貸付金 + 基金):
//
//   - 固定資産等形成分 loses C, the 出資金 being a 固定資産 (投資その他の
//     資産) that leaves the 貸借対照表; the member's own 固定資産 stay in the
//     consolidated 貸借対照表, and with them its 固定資産等形成分;
//   - 他団体出資等分 becomes the other investors' m·NA₀ (m·NA₁), in place
//     of the member's own O₀;
//   - 余剰分（不足分） gives the rest: the other investors' share, less the
//     O₀ that 他団体出資等分 gives back. What the body's share exceeds C
//     by, NA₀ − m·NA₀ − C, stays in the consolidated 純資産, the forms
//     having no のれん line.
//
// Δ moves from 余剰分（不足分） to 他団体出資等分 on the row
// 他団体出資等分の増加 (or 減少):
//
//	BS 固定資産等形成分 −C, 余剰分 O₀ − m·NA₁, 他団体出資等分 −O₀ + m·NA₁, 出資金 −C
//	NW 前年度末 −C | O₀ − m·NA₀ | −O₀ + m·NA₀; 他団体出資等分の増加 (減少) · | −Δ | +Δ
//
// 純資産合計 falls by C as 資産合計 does; only the split of it between the
// classes is the package's to derive. The investment is taken as held
// through the year, at C on both ends.
func (c *Consolidation) ownership(ms []*member) ([]segment.Elimination, []Problem) {
	var es []segment.Elimination
	var ps []Problem
	invested := map[string]decimal.Decimal{}
	bs, nw := unified.ID(unified.BalanceSheet, c.Scope), unified.ID(unified.NetAssets, c.Scope)
	for _, m := range ms {
		minority := decimal.Zero
		if m.method == Full && c.Scope == unified.Consolidated {
			minority = one.Sub(m.share)
		}
		if minority.IsZero() && m.Investment.IsZero() {
			continue
		}
		investor := cmp.Or(m.Investor, ms[0].Name)
		if !m.Investment.IsZero() && investor == m.Name {
			ps = append(ps, Problem{Member: m.Name, Err: fmt.Errorf("%w: the first member, the default investor, invests in itself: name its Investor", ErrUnknown)})
			continue
		}
		invested[investor] = invested[investor].Add(m.Investment)
		prior := m.at[unified.NetAssets]
		o0 := figure(prior, priorNetAssets, minorityClass)
		na0 := figure(prior, priorNetAssets, fixedClass).Add(figure(prior, priorNetAssets, surplusClass)).Add(o0)
		na1 := figure(m.at[unified.BalanceSheet], "3900", "金額")
		min0 := format.Round(na0.Mul(minority), format.Yen, c.Rounding)
		min1 := format.Round(na1.Mul(minority), format.Yen, c.Rounding)
		delta := min1.Sub(min0)
		e := segment.Elimination{Name: "投資と資本の相殺消去（" + m.Name + "）", Kind: segment.Investment,
			Memo: fmt.Sprintf("%s の出資金 %s と %s の純資産", investor, format.Amount(m.Investment), m.Name)}
		if !minority.IsZero() {
			e.Memo += fmt.Sprintf("、他団体出資等分 %s%%: 前年度末 %s, 本年度末 %s", minority.Shift(2), format.Amount(min0), format.Amount(min1))
		}
		for _, x := range []struct {
			id, row, col string
			effect       decimal.Decimal
		}{
			{bs, fixedRow, "金額", m.Investment.Neg()},
			{bs, "3020", "金額", o0.Sub(min1)},
			{bs, "3030", "金額", min1.Sub(o0)},
			{bs, investmentRow, "金額", m.Investment.Neg()},
			{nw, priorNetAssets, fixedClass, m.Investment.Neg()},
			{nw, priorNetAssets, surplusClass, o0.Sub(min0)},
			{nw, priorNetAssets, minorityClass, min0.Sub(o0)},
			{nw, minorityIncrease, minorityClass, decimal.Max(delta, decimal.Zero)},
			{nw, minorityIncrease, surplusClass, decimal.Max(delta, decimal.Zero).Neg()},
			{nw, minorityDecrease, minorityClass, decimal.Min(delta, decimal.Zero)},
			{nw, minorityDecrease, surplusClass, decimal.Min(delta, decimal.Zero).Neg()},
		} {
			if l, ok := lineFor(x.id, x.row, x.col, x.effect); ok {
				e.Lines = append(e.Lines, l)
			}
		}
		if len(e.Lines) > 0 {
			es = append(es, e)
		}
	}
	for _, m := range ms {
		if v, ok := invested[m.Name]; ok && !v.IsZero() {
			have, _ := m.at[unified.BalanceSheet].Cell(investmentRow, "金額")
			if !have.Valid || have.Amount.LessThan(v) {
				ps = append(ps, Problem{Member: m.Name, Statement: bs, Row: investmentRow,
					Err: fmt.Errorf("%w: the investments in other members, %s in all, exceed its 出資金 %s", ErrRange, format.Amount(v), have)})
			}
		}
	}
	return es, ps
}

// figure returns the figure of s in the given row and column, zero for
// none.
func figure(s *statement.Statement, row, col string) decimal.Decimal {
	v, _ := s.Cell(row, col)
	return v.Amount
}
