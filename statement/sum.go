package statement

import "fmt"

// Sum returns the statement of t whose input figures are the sums of
// those of ss, with every total and computed column computed from them as
// Build computes them: the statements of a group of bodies added up, such
// as a prefecture's or a nation's. Each figure is the exact sum of the
// figures the statements have in that cell; a cell where none of them has
// one has none (該当なし). Texts are not summed. The sums stay in int64 yen
// and allocate nothing per figure unless one leaves int64 or is not whole
// yen; then it is summed in decimals.
//
// Every statement must be built on t (made by t.Build, t.ReadCSV, or
// another reader of t): one that is not, or is nil, is an *Error wrapping
// ErrMismatch or ErrMissing.
func (t *Template) Sum(meta Meta, ss ...*Statement) (*Statement, error) {
	ps := problems{source: t.form.name()}
	for k, st := range ss {
		switch {
		case st == nil:
			ps.add(0, "", "", fmt.Errorf("%w: statement %d of the sum is nil", ErrMissing, k+1))
		case st.t != t:
			ps.add(0, "", "", fmt.Errorf("%w: statement %d of the sum is on another template (%s)", ErrMismatch, k+1, st.ready().t.form.name()))
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	s := newStatement(t, meta)
	ncol := len(t.form.Columns)
	for i, row := range t.form.Rows {
		if row.Kind != Item {
			continue
		}
		for _, j := range t.inputs {
			x := i*ncol + j
			var total amount
			for _, st := range ss {
				total = addAmounts(total, st.cells[x])
			}
			s.cells[x] = total
		}
	}
	s.computeRows(t.inputs)
	s.computeColumns(t.colOrder)
	return s, nil
}

// addAmounts returns a + b; an amount without a figure adds nothing, and
// the sum of two without has none.
func addAmounts(a, b amount) amount {
	switch {
	case !b.valid:
		return a
	case !a.valid:
		return b
	case a.d == nil && b.d == nil:
		if s := a.n + b.n; (s > a.n) == (b.n > 0) || b.n == 0 {
			return yenAmount(s)
		}
	}
	return decimalAmount(a.dec().Add(b.dec()))
}
