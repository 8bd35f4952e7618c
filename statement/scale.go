package statement

import (
	"github.com/koukaikei/koukaikei/format"
)

// A Policy says how the cells of a column are scaled to a larger unit.
type Policy int

// Scaling policies. Public bodies use both, and say which in a note such as
// 「科目ごとに四捨五入しているので合計が一致しない場合がある」 (RoundEach).
const (
	// RoundEach rounds every cell, totals included, from its exact value,
	// so printed totals may differ from the sum of the printed items.
	RoundEach Policy = iota
	// Recompute rounds the input cells and computes every derived cell
	// from rounded ones: totals in an input column from its rounded
	// items, a computed column from the scaled columns it refers to.
	Recompute
)

// Scaling says how to show a statement in a larger unit.
type Scaling struct {
	Unit     format.Unit     // the unit to show figures in
	Rounding format.Rounding // defaults to HalfUp (四捨五入)
	Policy   Policy          // for every column not in Columns; defaults to RoundEach
	Columns  map[string]Policy
}

func (sc Scaling) policy(column string) Policy {
	if p, ok := sc.Columns[column]; ok {
		return p
	}
	return sc.Policy
}

// Scale returns s shown in sc.Unit: every amount is rounded to a whole
// number of the unit under sc's policy for its column. The result keeps
// amounts in yen (multiples of the unit), so it compares directly with a
// published statement in that unit.
func (s *Statement) Scale(sc Scaling) *Statement {
	s = s.ready()
	tm := s.t
	out := &Statement{t: tm, meta: s.meta.clone(), cells: make([]amount, len(s.cells)), texts: s.texts}
	out.meta.Unit, out.meta.Rounding, out.meta.Exact, out.meta.Recomputed = sc.Unit, sc.Rounding, false, nil
	for _, col := range tm.form.Columns {
		if col.Kind != Text && sc.policy(col.Name) == Recompute {
			out.meta.Recomputed = append(out.meta.Recomputed, col.Name)
		}
	}
	ncol := len(tm.form.Columns)
	for i := range tm.form.Rows {
		for j, col := range tm.form.Columns {
			if col.Kind == Text {
				continue
			}
			derived := tm.formulas[i] != nil && col.Kind == Input || col.Kind == Computed
			if !derived || sc.policy(col.Name) == RoundEach {
				out.cells[i*ncol+j] = s.at(i, j).round(sc.Unit, sc.Rounding)
			}
		}
	}
	var recomputeRows []int
	for _, j := range tm.inputs {
		if sc.policy(tm.form.Columns[j].Name) == Recompute {
			recomputeRows = append(recomputeRows, j)
		}
	}
	out.computeRows(recomputeRows)
	var recomputeCols []int
	for _, j := range tm.colOrder {
		if sc.policy(tm.form.Columns[j].Name) == Recompute {
			recomputeCols = append(recomputeCols, j)
		}
	}
	out.computeColumns(recomputeCols)
	return out
}
