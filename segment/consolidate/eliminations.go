package consolidate

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// effects holds the 相殺消去 of each statement kind, column and row.
type effects map[unified.Kind]map[string]map[string]decimal.Decimal

func (e effects) add(k unified.Kind, col, row string, v decimal.Decimal) {
	if e[k] == nil {
		e[k] = map[string]map[string]decimal.Decimal{}
	}
	if e[k][col] == nil {
		e[k][col] = map[string]decimal.Decimal{}
	}
	e[k][col][row] = e[k][col][row].Add(v)
}

// An applied elimination is one as it moves the consolidated statements.
type applied struct {
	name    string
	kind    segment.EliminationKind
	effects effects
	note    string // the difference it reconciled, if any
}

// A target is the cell of the scope's statements that a line moves, and
// the category of the account its row is bound to.
type target struct {
	kind     unified.Kind
	row, col string
	category account.Category
}

// A standardForm is a form of the standard as the package reads it, its
// rows by key and its input columns.
type standardForm struct {
	*statement.Form // read only
	rows            map[string]statement.Row
	inputs          []string
}

// forms holds the forms of the standard by id: data read once, as
// package unified reads them, rather than copied at every use.
var forms = sync.OnceValue(func() map[string]standardForm {
	out := map[string]standardForm{}
	for _, f := range unified.Forms() {
		sf := standardForm{Form: f.Form, rows: map[string]statement.Row{}}
		for _, r := range f.Form.Rows {
			sf.rows[r.Key] = r
		}
		for _, c := range f.Form.Columns {
			if c.Kind == statement.Input {
				sf.inputs = append(sf.inputs, c.Name)
			}
		}
		out[f.ID] = sf
	}
	return out
})

// eliminations returns the derived eliminations and the consolidation's
// own as they apply, and what is wrong with them.
func (c *Consolidation) eliminations(ms []*member, derived []segment.Elimination) ([]applied, []Problem) {
	var out []applied
	var ps []Problem
	only := map[target]string{} // the 比例連結 members alone with a figure in a cell, by unnamed
	for i, e := range slices.Concat(derived, c.Eliminations) {
		name := cmp.Or(e.Name, strconv.Itoa(i-len(derived)+1))
		var eps []Problem
		fail := func(p Problem) { p.Elimination = name; eps = append(eps, p) }
		a, ratio := c.check(e, ms, fail)
		if len(eps) == 0 && i >= len(derived) && ratio.Equal(one) {
			for _, l := range slices.Concat(e.Lines, []segment.Line{e.Reconcile}) {
				if l.Member == "" && l.Row != "" {
					c.unnamed(l, ms, only, fail)
				}
			}
		}
		if len(eps) == 0 {
			a.name, a.kind = name, e.Kind
			if d := e.Difference(); e.Reconcile.Row != "" && !d.IsZero() {
				t, _ := c.target(e.Reconcile)
				tm, _ := unified.Template(unified.ID(t.kind, c.Scope))
				a.note = fmt.Sprintf("%s: 借方 and 貸方 differ by %s (at 100 %%), reconciled on %v %s", name, format.Amount(d.Abs()), t.kind, labelPath(tm, t.row))
			}
			out = append(out, a)
			b, err := c.alone(a.effects)
			if err != nil {
				fail(Problem{Err: err})
			}
			at := ""
			if !ratio.Equal(one) {
				at = fmt.Sprintf(" (at the ratio %s)", ratio)
			}
			for _, p := range linkProblems(b, c.Scope, Problem{}, ErrUnbalanced) {
				p.Err = fmt.Errorf("%w%s", p.Err, at)
				fail(p)
			}
		}
		ps = append(ps, eps...)
	}
	if len(ps) == 0 {
		ps = c.overdrawn(ms, out)
	}
	return out, ps
}

// overdrawn returns a problem for each figure that the eliminations, all
// together, take past 0: a figure of the members' 単純合算, other than 0, on
// a row of an asset, a liability, a revenue, an expense or a cash flow,
// that they turn to the other sign: they take more than the members
// booked, as lines on the figures of a 比例連結 member that do not name it,
// and so apply at 100 %, may. The classes of 純資産 are left out: their
// figures may be of either sign.
func (c *Consolidation) overdrawn(ms []*member, es []applied) []Problem {
	var ps []Problem
	for _, k := range unified.Kinds() {
		id := unified.ID(k, c.Scope)
		f := forms()[id]
		t, _ := unified.Template(id)
		for _, r := range f.Rows {
			a, ok := unified.Chart().Lookup(r.Account)
			if r.Kind != statement.Item || !ok || a.Category == account.NetAssets {
				continue
			}
			for _, col := range f.inputs {
				var moved, sum decimal.Decimal
				var names []string
				for _, e := range es {
					if v, ok := e.effects[k][col][r.Key]; ok && !v.IsZero() {
						moved = moved.Add(v)
						names = append(names, e.name)
					}
				}
				if moved.IsZero() {
					continue
				}
				for _, m := range ms {
					v, _ := m.at[k].Cell(r.Key, col)
					sum = sum.Add(v.Amount)
				}
				if sum.IsZero() || sum.Add(moved).Sign() != -sum.Sign() {
					continue
				}
				p := Problem{Elimination: strings.Join(names, ", "), Statement: id, Row: labelPath(t, r.Key),
					Err: fmt.Errorf("%w: the eliminations take %s from the 単純合算 %s, past 0: more than the members booked (a line on the figure of a 比例連結 member names the member, so that it applies at the member's ratio)",
						ErrRange, format.Amount(moved.Abs()), format.Amount(sum))}
				if len(f.inputs) > 1 {
					p.Column = col
				}
				ps = append(ps, p)
			}
		}
	}
	return ps
}

// check checks elimination e and returns what it moves and the ratio it
// applies at, failing for each defect.
func (c *Consolidation) check(e segment.Elimination, ms []*member, fail func(Problem)) (applied, decimal.Decimal) {
	ratio := one
	if len(e.Lines) == 0 {
		fail(Problem{Err: fmt.Errorf("%w: no lines", ErrMissing)})
	}
	if e.Kind < segment.Internal || e.Kind > segment.Adjustment {
		fail(Problem{Err: fmt.Errorf("%w: kind %v", ErrUnknown, e.Kind)})
	}
	lines := e.Lines
	if r := e.Reconcile; !r.IsZero() {
		if r.Side != 0 || !r.Amount.IsZero() {
			fail(Problem{Row: r.Row, Err: fmt.Errorf("%w: the Reconcile line's side and amount are derived: leave them zero", ErrRange)})
		}
		lines = append(slices.Clone(lines), r)
	}
	named := ""
	bad := false
	for k, l := range lines {
		t, err := c.target(l)
		if err != nil {
			fail(Problem{Statement: l.Statement, Row: l.Row, Column: l.Column, Err: err})
			bad = true
			continue
		}
		id := unified.ID(t.kind, c.Scope)
		if k < len(e.Lines) {
			switch {
			case !l.Amount.IsPositive():
				fail(Problem{Statement: id, Row: t.row, Err: fmt.Errorf("%w: amount %s is not positive", ErrRange, quote.Bounded(l.Amount.String()))})
				bad = true
			case l.Side != account.Debit && l.Side != account.Credit:
				fail(Problem{Statement: id, Row: t.row, Err: fmt.Errorf("%w: side %v", ErrUnknown, l.Side)})
				bad = true
			}
		}
		if l.Member == "" {
			continue
		}
		i := slices.IndexFunc(ms, func(m *member) bool { return m.Name == l.Member })
		if i < 0 {
			fail(Problem{Statement: id, Row: t.row, Err: fmt.Errorf("%w: member %s", ErrUnknown, quote.Bounded(l.Member))})
			bad = true
			continue
		}
		if ms[i].method != Proportional {
			continue
		}
		if named != "" && !ms[i].ratio.Equal(ratio) {
			fail(Problem{Err: fmt.Errorf("%w: 比例連結 members %s and %s are at different ratios", ErrRange, quote.Bounded(named), quote.Bounded(l.Member))})
			bad = true
		}
		ratio, named = ms[i].ratio, l.Member
	}
	if bad {
		return applied{}, ratio
	}
	// A line against a member's figure takes no more than the figure has,
	// at 100 %, before the ratio applies.
	for _, l := range e.Settle(one, c.Rounding) {
		if l.Member == "" {
			continue
		}
		m := ms[slices.IndexFunc(ms, func(m *member) bool { return m.Name == l.Member })]
		t, _ := c.target(l)
		v, _ := m.own[t.kind].Cell(t.row, t.col)
		effect := l.Effect(t.category)
		if !v.Valid || effect.Sign() != v.Amount.Sign() && effect.Abs().GreaterThan(v.Amount.Abs()) {
			fail(Problem{Member: m.Name, Statement: unified.ID(t.kind, c.Scope), Row: t.row, Column: t.col,
				Err: fmt.Errorf("%w: %s %s takes %s from the member's figure %s (at 100 %%)", ErrRange, l.Side, format.Amount(l.Amount), format.Amount(effect.Abs()), v)})
		}
	}
	a := applied{effects: effects{}}
	for _, l := range e.Settle(ratio, c.Rounding) {
		t, _ := c.target(l)
		a.effects.add(t.kind, t.col, t.row, l.Effect(t.category))
	}
	return a, ratio
}

// unnamed fails line l, which names no member, of an elimination that no
// line against a 比例連結 member makes apply at a ratio, if only 比例連結
// members have a figure in its cell: it would apply at 100 % to figures
// taken at their ratios, as a 負担金 eliminated in full from a 組合's
// 経常収益 at 23.7 % would. Naming the member, it applies at the member's
// ratio. only keeps, for each cell looked at, the columns of those
// members, or "" for none, so that each cell is looked at once.
func (c *Consolidation) unnamed(l segment.Line, ms []*member, only map[target]string, fail func(Problem)) {
	t, _ := c.target(l)
	at, ok := only[t]
	if !ok {
		var cols []string
		for _, m := range ms {
			if v, _ := m.own[t.kind].Cell(t.row, t.col); v.Valid && !v.Amount.IsZero() {
				if m.method != Proportional {
					cols = nil
					break
				}
				cols = append(cols, m.column)
			}
		}
		at = strings.Join(cols, ", ")
		only[t] = at
	}
	if at != "" {
		tm, _ := unified.Template(unified.ID(t.kind, c.Scope))
		fail(Problem{Statement: unified.ID(t.kind, c.Scope), Row: labelPath(tm, t.row), Err: fmt.Errorf(
			"%w: the line names no member, and only %s have a figure on its row: name the member, so that the line, entered at 100 %%, applies at its ratio",
			ErrMissing, at)})
	}
}

// target returns the cell that line l moves: on the statement it names,
// or on the one form of the scope that has its row; an error wrapping
// ErrUnknown or ErrMissing if there is none.
func (c *Consolidation) target(l segment.Line) (target, error) {
	kinds := unified.Kinds()
	if l.Statement != "" {
		k, ok := c.kindOf(l.Statement)
		if !ok {
			return target{}, fmt.Errorf("%w: statement %s: an id such as %s, a short one such as bs, or a title such as 貸借対照表",
				ErrUnknown, quote.Bounded(l.Statement), unified.ID(unified.BalanceSheet, c.Scope))
		}
		kinds = []unified.Kind{k}
	}
	var found []target
	var reasons, where []string
	for _, k := range kinds {
		t, _ := unified.Template(unified.ID(k, c.Scope))
		key, err := t.RowKey(l.Row)
		if err != nil {
			reasons = append(reasons, err.Error())
		}
		// A row named more than once on a form is there, if not one.
		if err == nil || errors.Is(err, statement.ErrDuplicate) {
			found = append(found, target{kind: k, row: key})
			where = append(where, unified.ID(k, c.Scope))
		}
	}
	switch {
	case len(found) > 1:
		return target{}, fmt.Errorf("%w: row %s is on the forms of %s: name its statement", ErrUnknown, quote.Bounded(l.Row), strings.Join(where, ", "))
	case len(found) == 0 || found[0].row == "":
		return target{}, fmt.Errorf("%w: row %s: %s", ErrUnknown, quote.Bounded(l.Row), strings.Join(reasons, "; "))
	}
	t := found[0]
	id := unified.ID(t.kind, c.Scope)
	r := forms()[id].rows[t.row]
	a, ok := unified.Chart().Lookup(r.Account)
	if r.Kind != statement.Item || !ok {
		return target{}, fmt.Errorf("%w: row %s of %s is not an item row, which an elimination moves", ErrUnknown, quote.Bounded(l.Row), id)
	}
	t.category = a.Category
	col, err := lineColumn(id, l.Column)
	if err != nil {
		return target{}, err
	}
	t.col = col
	return t, nil
}

// kindOf returns the kind of statement that s names in the scope: its id
// (pl-consolidated), its short id (pl), the statement's name (行政コスト計算書)
// or its form's title (連結行政コスト計算書).
func (c *Consolidation) kindOf(s string) (unified.Kind, bool) {
	for _, k := range unified.Kinds() {
		id := unified.ID(k, c.Scope)
		short, _, _ := strings.Cut(id, "-")
		if s == id || s == short || s == k.String() || s == forms()[id].Title {
			return k, true
		}
	}
	return 0, false
}

// lineColumn returns the column of statement id that a line names.
func lineColumn(id, col string) (string, error) {
	inputs := forms()[id].inputs
	switch {
	case col == "" && len(inputs) == 1:
		return inputs[0], nil
	case col == "":
		return "", fmt.Errorf("%w: the line names no column of net assets of %s", ErrMissing, id)
	case slices.Contains(inputs, col):
		return col, nil
	}
	return "", fmt.Errorf("%w: column %s is not an input column of %s", ErrUnknown, quote.Bounded(col), id)
}

// alone returns the book of one elimination's 相殺消去 alone: zero in
// every cell it does not move.
func (c *Consolidation) alone(e effects) (*statement.Book, error) {
	b := &statement.Book{}
	for _, k := range unified.Kinds() {
		id := unified.ID(k, c.Scope)
		t, _ := unified.Template(id)
		f := forms()[id]
		var figs []statement.Figure
		for _, r := range f.Rows {
			for _, col := range f.Columns {
				if r.Kind == statement.Item && col.Kind == statement.Input {
					figs = append(figs, statement.Figure{Row: r.Key, Column: col.Name, Value: format.CellOf(e[k][col.Name][r.Key])})
				}
			}
		}
		s, err := t.Build(statement.Meta{}, figs)
		if err != nil {
			return nil, err
		}
		if err := b.Add(id, s); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// lineFor returns the line that moves row of statement id, in column
// col, by effect (the change of its figure), and false for no change.
func lineFor(id, row, col string, effect decimal.Decimal) (segment.Line, bool) {
	if effect.IsZero() {
		return segment.Line{}, false
	}
	a, _ := unified.Chart().Lookup(forms()[id].rows[row].Account)
	side := account.Credit
	if account.Debit.Sign(a.Category) == effect.Sign() {
		side = account.Debit
	}
	return segment.Line{Side: side, Statement: id, Row: row, Column: col, Amount: effect.Abs()}, true
}
