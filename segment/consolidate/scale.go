package consolidate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// The rows of the 純資産変動計算書 and 資金収支計算書 that a change of ratio
// concerns: the balances brought forward, taken at last year's ratio, and
// the rows of the difference (比例連結割合変更に伴う差額).
const (
	priorNetAssets   = "6000" // 前年度末純資産残高
	priorCash        = "9100" // 前年度末資金残高
	ratioChangeNW    = "6650" // 比例連結割合変更に伴う差額 (純資産変動計算書)
	ratioChangeCF    = "9150" // 比例連結割合変更に伴う差額 (資金収支計算書)
	investmentRow    = "1312" // 出資金
	fixedClass       = "固定資産等形成分"
	surplusClass     = "余剰分（不足分）"
	minorityClass    = "他団体出資等分"
	minorityIncrease = "6610" // 他団体出資等分の増加
	minorityDecrease = "6620" // 他団体出資等分の減少
)

// A leaf is one item figure of a member at its ratio: the exact product
// and the yen it is rounded to.
type leaf struct {
	kind       unified.Kind
	row, col   string
	exact, yen decimal.Decimal
}

// scale sets the statements of a Proportional member m at its ratio, and
// returns the problems of a link its rounding breaks for good.
//
// Each item figure times the ratio (last year's for the balances brought
// forward, plus the 差額 of a change of ratio on its rows) is rounded to
// 円 by the consolidation's Rounding. Then each link of the scope, the
// links with the fewest figures first, is mended where the rounding broke
// it: its remainder is allotted a yen at a time to the figure, among those
// of the link that no link before it holds, whose rounding went furthest
// the other way (of equals, the largest, then the first). A link already
// whole holds its figures as they are; so a member whose rounded figures
// keep every link, as most do, is taken as each figure rounds.
func (c *Consolidation) scale(m *member) []Problem {
	var leaves []*leaf
	at := map[[3]string]*leaf{}
	add := func(k unified.Kind, row, col string, v decimal.Decimal) {
		key := [3]string{unified.ID(k, c.Scope), row, col}
		l := at[key]
		if l == nil {
			l = &leaf{kind: k, row: row, col: col}
			at[key] = l
			leaves = append(leaves, l)
		}
		l.exact = l.exact.Add(v)
	}
	change := m.ratio.Sub(m.prior)
	for _, k := range unified.Kinds() {
		s := m.own[k]
		f := forms()[unified.ID(k, c.Scope)]
		for _, r := range f.Rows {
			for _, col := range f.Columns {
				v, _ := s.Cell(r.Key, col.Name)
				if r.Kind != statement.Item || col.Kind != statement.Input || !v.Valid {
					continue
				}
				switch {
				case k == unified.NetAssets && r.Key == priorNetAssets:
					add(k, r.Key, col.Name, v.Amount.Mul(m.prior))
					if !change.IsZero() {
						add(k, ratioChangeNW, col.Name, v.Amount.Mul(change))
					}
				case k == unified.CashFlow && r.Key == priorCash:
					add(k, r.Key, col.Name, v.Amount.Mul(m.prior))
					if !change.IsZero() {
						add(k, ratioChangeCF, col.Name, v.Amount.Mul(change))
					}
				default:
					add(k, r.Key, col.Name, v.Amount.Mul(m.ratio))
				}
			}
		}
	}
	for _, l := range leaves {
		l.yen = format.Round(l.exact, format.Yen, c.Rounding)
	}
	ps := c.mend(m, leaves, at)
	if len(ps) > 0 {
		return ps
	}
	m.at = map[unified.Kind]*statement.Statement{}
	book := &statement.Book{}
	for _, k := range unified.Kinds() {
		id := unified.ID(k, c.Scope)
		var figs []statement.Figure
		for _, l := range leaves {
			if l.kind == k {
				figs = append(figs, statement.Figure{Row: l.row, Column: l.col, Value: format.CellOf(l.yen)})
			}
		}
		s, err := unified.BuildSparse(id, m.own[k].Meta(), figs)
		if err != nil {
			return []Problem{{Member: m.Name, Statement: id, Err: err}}
		}
		m.at[k] = s
		book.Add(id, s)
	}
	for _, l := range leaves {
		if d := l.yen.Sub(format.Round(l.exact, format.Yen, c.Rounding)); !d.IsZero() {
			t, _ := unified.Template(unified.ID(l.kind, c.Scope))
			where := labelPath(t, l.row)
			if l.kind == unified.NetAssets {
				where += " " + l.col
			}
			m.notes = append(m.notes, fmt.Sprintf("%s: 端数調整 %v %s: %s → %s (%s円)", m.column, l.kind, where, l.exact, l.yen, signed(d)))
		}
	}
	return linkProblems(book, c.Scope, Problem{Member: m.Name}, ErrRounding)
}

// mend allots the rounding remainder of each link the rounded leaves
// break, as scale says, and returns a problem for each link it cannot
// mend.
func (c *Consolidation) mend(m *member, leaves []*leaf, at map[[3]string]*leaf) []Problem {
	type link struct {
		l     statement.Link
		coeff map[*leaf]int
	}
	var links []link
	formulas := map[[2]string]statement.Formula{} // the formulas of the computed columns
	for _, k := range unified.Kinds() {
		id := unified.ID(k, c.Scope)
		for _, col := range forms()[id].Columns {
			if col.Kind == statement.Computed {
				formulas[[2]string{id, col.Name}] = col.Formula
			}
		}
	}
	for _, l := range scopeLinks(c.Scope) {
		coeff := map[*leaf]int{}
		for _, side := range []struct {
			refs []statement.Ref
			sign int
		}{{l.Left, 1}, {l.Right, -1}} {
			for _, r := range side.refs {
				sign := side.sign
				if r.Negative {
					sign = -sign
				}
				expand(r.Statement, r.Row, r.Column, sign, formulas, at, coeff)
			}
		}
		links = append(links, link{l, coeff})
	}
	slices.SortStableFunc(links, func(a, b link) int { return cmp.Compare(len(a.coeff), len(b.coeff)) })
	held := map[*leaf]bool{}
	pending := map[*leaf]int{} // links not yet mended that hold the leaf
	for _, k := range links {
		for l := range k.coeff {
			pending[l]++
		}
	}
	var ps []Problem
	for _, k := range links {
		for l := range k.coeff {
			pending[l]--
		}
		residual := decimal.Zero
		var free, own []*leaf
		for _, l := range leaves { // in the order of the forms
			if n, ok := k.coeff[l]; ok {
				residual = residual.Add(l.yen.Mul(decimal.NewFromInt(int64(n))))
				if (n == 1 || n == -1) && !held[l] && !l.exact.IsZero() {
					free = append(free, l)
					if pending[l] == 0 {
						own = append(own, l)
					}
				}
			}
		}
		for l := range k.coeff {
			held[l] = true
		}
		// A leaf of no link still to mend takes the remainder alone; one
		// that another link holds too would pass it on.
		if len(own) > 0 {
			free = own
		}
		if residual.IsZero() {
			continue
		}
		if len(free) == 0 {
			ps = append(ps, Problem{Member: m.Name, Err: fmt.Errorf("%w: %s: at %s, its figures each rounded to 円 break it by %s, and none of them is free to take the remainder",
				ErrRounding, quote.Bounded(k.l.Name), m.ratio, format.Amount(residual))})
			continue
		}
		for ; !residual.IsZero(); residual = residual.Sub(decimal.NewFromInt(int64(residual.Sign()))) {
			// Each step moves a leaf by d so that the link's sum moves
			// toward zero by one: d = -sign(residual) × its coefficient.
			best, bestD := free[0], decimal.Zero
			for i, l := range free {
				d := decimal.NewFromInt(int64(-residual.Sign() * k.coeff[l]))
				if i == 0 || better(l, d, best, bestD) {
					best, bestD = l, d
				}
			}
			best.yen = best.yen.Add(bestD)
		}
	}
	return ps
}

// better reports whether moving leaf a by da costs less than moving b by
// db: it brings a nearer its exact figure, or takes it less far; of equal
// costs, the larger figure, which a yen changes least.
func better(a *leaf, da decimal.Decimal, b *leaf, db decimal.Decimal) bool {
	cost := func(l *leaf, d decimal.Decimal) decimal.Decimal {
		return l.yen.Add(d).Sub(l.exact).Abs().Sub(l.yen.Sub(l.exact).Abs())
	}
	switch ca, cb := cost(a, da), cost(b, db); {
	case !ca.Equal(cb):
		return ca.LessThan(cb)
	}
	return a.exact.Abs().GreaterThan(b.exact.Abs())
}

// expand adds to coeff the leaves that the cell (id, row, col) sums, each
// with sign times its sign in the sum: an item's own leaf; a total's or
// subtotal's terms; a computed column's terms, whose formulas are given.
func expand(id, row, col string, sign int, formulas map[[2]string]statement.Formula, at map[[3]string]*leaf, coeff map[*leaf]int) {
	if fm, ok := formulas[[2]string{id, col}]; ok {
		for _, term := range fm {
			expand(id, row, term.Key, termSign(sign, term), formulas, at, coeff)
		}
		return
	}
	t, err := unified.Template(id)
	if err != nil {
		return
	}
	if fm := t.Formula(row); fm != nil {
		for _, term := range fm {
			expand(id, term.Key, col, termSign(sign, term), formulas, at, coeff)
		}
		return
	}
	if l := at[[3]string{id, row, col}]; l != nil {
		coeff[l] += sign
	}
}

// termSign returns sign for a term added, its opposite for one subtracted.
func termSign(sign int, t statement.Term) int {
	if t.Negative {
		return -sign
	}
	return sign
}

// signed returns d with its sign: +1, -2.
func signed(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + d.String()
	}
	return d.String()
}

// labelPath returns the label path of the row with the given key in t, as
// Template.RowKey reads it back, but for the rows whose label is its own
// the label alone.
func labelPath(t *statement.Template, key string) string {
	f := t.Form()
	i := slices.IndexFunc(f.Rows, func(r statement.Row) bool { return r.Key == key })
	if i < 0 {
		return key
	}
	labels := []string{f.Rows[i].Label}
	for k, lvl := i-1, f.Rows[i].Indent; k >= 0; k-- {
		if f.Rows[k].Indent < lvl {
			if got, err := t.RowKey(strings.Join(labels, "/")); err == nil && got == key {
				break
			}
			labels = append([]string{f.Rows[k].Label}, labels...)
			lvl = f.Rows[k].Indent
		}
	}
	return strings.Join(labels, "/")
}
