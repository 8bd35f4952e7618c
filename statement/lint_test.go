package statement

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestLintScan holds what lint finds to what the sets of rows each total
// sums find, on random forms of items, subtotals and totals over earlier
// rows, some summed twice.
func TestLintScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	linted, twice := 0, 0 // forms compiled, and with a row counted twice
	for range 3000 {
		var f Form
		f.Columns = []Column{{Name: "金額", Kind: Input}}
		for i := range 2 + rng.IntN(30) {
			r := Row{Key: fmt.Sprint(i), Kind: Item, Indent: rng.IntN(3)}
			switch rng.IntN(4) {
			case 0:
				r.Kind = Subtotal
			case 1:
				r.Kind = Total
				for _, k := range rng.Perm(i)[:min(i, 1+rng.IntN(4))] {
					if f.Rows[k].Kind != Header {
						r.Formula = append(r.Formula, Term{Key: f.Rows[k].Key, Negative: rng.IntN(2) == 0})
					}
				}
				if len(r.Formula) == 0 {
					r.Kind = Item
				}
			}
			f.Rows = append(f.Rows, r)
		}
		var ps problems
		tm := compile(&f, &ps)
		if len(ps.list) > 0 {
			continue
		}
		linted++
		var got, want problems
		tm.lint(&got)
		lintScan(tm, &want)
		if !slices.EqualFunc(got.list, want.list, func(a, b Problem) bool { return a.Row == b.Row && a.Err.Error() == b.Err.Error() }) {
			t.Fatalf("lint of %v:\n got %v\nwant %v", f.Rows, got.list, want.list)
		}
		if slices.ContainsFunc(got.list, func(p Problem) bool { return strings.Contains(p.Err.Error(), "twice") }) {
			twice++
		}
	}
	if linted < 300 || twice < 100 {
		t.Errorf("of the random forms, %d compiled and %d count a row twice", linted, twice)
	}
}

// lintScan is lint by the definition: the set of the rows each total sums,
// directly or through others, and for each term every other term whose
// set holds it.
func lintScan(t *Template, ps *problems) {
	rows := t.form.Rows
	reach := make([][]bool, len(rows))
	reached := make([]bool, len(rows))
	for _, i := range t.rowOrder {
		reach[i] = make([]bool, len(rows))
		for _, term := range t.formulas[i] {
			j := t.rowIndex[term.Key]
			reached[j] = true
			reach[i][j] = true
			for k, ok := range reach[j] {
				reach[i][k] = reach[i][k] || ok
			}
		}
		for _, term := range t.formulas[i] {
			j := t.rowIndex[term.Key]
			for _, other := range t.formulas[i] {
				if k := t.rowIndex[other.Key]; k != j && reach[k] != nil && reach[k][j] {
					ps.addf(0, rows[i].Key, "", ErrOutline, "its formula counts %q twice: as a term and through %q", term.Key, other.Key)
				}
			}
		}
	}
	if len(t.rowOrder) == 0 {
		return
	}
	for i, r := range rows {
		if r.Kind == Item && !reached[i] {
			ps.addf(0, r.Key, "", ErrOutline, "an item that no total sums")
		}
	}
}
