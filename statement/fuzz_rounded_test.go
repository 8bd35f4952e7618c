package statement_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// roundedForm returns a random form: groups of items under subtotals, a
// total of the subtotals with signs, input columns A and B, and computed
// columns C = A − B and D = C + B. It returns the form and each item's
// group size.
func roundedForm(rng *rand.Rand, groups int) (*statement.Form, map[string]int) {
	f := &statement.Form{Title: "random", Columns: []statement.Column{
		{Name: "A", Kind: statement.Input}, {Name: "B", Kind: statement.Input},
		{Name: "C", Kind: statement.Computed, Formula: statement.Formula{{Key: "A"}, {Key: "B", Negative: true}}},
		{Name: "D", Kind: statement.Computed, Formula: statement.Formula{{Key: "C"}, {Key: "B"}}},
	}}
	size := map[string]int{}
	var total statement.Formula
	for g := range groups {
		k := 1 + rng.IntN(4)
		for i := range k {
			key := fmt.Sprintf("i%d_%d", g, i)
			f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Item, Label: key, Indent: 1})
			size[key] = k
		}
		key := fmt.Sprintf("s%d", g)
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Subtotal, Label: key})
		total = append(total, statement.Term{Key: key, Negative: rng.IntN(3) == 0})
	}
	f.Rows = append(f.Rows, statement.Row{Key: "t", Kind: statement.Total, Label: "t", Formula: total})
	return f, size
}

// csvOf writes s as published in 千円, with one figure moved by delta 千円.
func csvOf(s *statement.Statement, row, column string, delta int64) string {
	f := s.Form()
	show := format.Formatter{Unit: format.Thousand}
	var b strings.Builder
	b.WriteString("key,label,A,B,C,D\n")
	for _, r := range f.Rows {
		b.WriteString(r.Key + "," + r.Label)
		for _, c := range f.Columns {
			cell, _ := s.Cell(r.Key, c.Name)
			if r.Key == row && c.Name == column {
				cell = format.CellOf(cell.Amount.Add(decimal.NewFromInt(delta * 1000)))
			}
			b.WriteString(",\"" + show.FormatCell(cell) + "\"")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// FuzzVerifyRounded checks, on random statements with computed columns
// printed in 千円 by each rounding (some with a column recomputed from the
// printed figures, which Scale records in Meta.Recomputed), that
// VerifyRounded finds no violation and leaves nothing undecided, and that
// an item moved by more than its subtotal's terms can absorb is a
// violation; and checks every witness and certificate it gives, and that
// Book.VerifyRounded of the statement alone gives the same verdicts.
func FuzzVerifyRounded(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint8(3), uint16(0))
	f.Add(uint64(2), uint8(1), uint8(8), uint16(5))
	f.Add(uint64(3), uint8(2), uint8(1), uint16(9))
	f.Add(uint64(4), uint8(3), uint8(20), uint16(77))
	f.Fuzz(func(t *testing.T, seed uint64, rounding uint8, groups uint8, which uint16) {
		rng := rand.New(rand.NewPCG(seed, uint64(groups)))
		r := format.Rounding(rounding % 4)
		form, size := roundedForm(rng, 1+int(groups%24))
		var figs []statement.Figure
		var items []string
		for _, row := range form.Rows {
			if row.Kind != statement.Item {
				continue
			}
			items = append(items, row.Key)
			for _, col := range []string{"A", "B"} {
				v := rng.Int64N(2e10) - 1e10
				if rng.IntN(3) == 0 {
					v = rng.Int64N(3000) - 1500
				}
				figs = append(figs, statement.Figure{Row: row.Key, Column: col, Value: format.CellOf(decimal.NewFromInt(v))})
			}
		}
		exact, err := statement.Build(form, statement.Meta{}, figs)
		if err != nil {
			t.Fatal(err)
		}
		// Every third statement prints C as the difference of the printed
		// A and B, as summaries that recompute 差引 do.
		sc := statement.Scaling{Unit: format.Thousand, Rounding: r}
		if seed%3 == 0 {
			sc.Columns = map[string]statement.Policy{"C": statement.Recompute}
		}
		printed := exact.Scale(sc)
		read := func(text string) *statement.Statement {
			meta := printed.Meta()
			meta.Notes = nil
			s, err := statement.ReadCSV(strings.NewReader(text), form, statement.ReadOptions{Meta: meta})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		good := read(csvOf(printed, "", "", 0))
		v, err := good.VerifyRounded()
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range v.Findings {
			if x.Verdict == statement.Violation || x.Verdict == statement.Undecided {
				t.Fatalf("%v: correctly rounded, yet %s", r, x)
			}
		}
		checkProofs(t, []*statement.Statement{good}, nil, v)
		sameAsBook(t, good, v)
		item := items[int(which)%len(items)]
		col := []string{"A", "B"}[which%2]
		delta := int64(size[item] + 4)
		if seed%2 == 0 {
			delta = -delta
		}
		bad := read(csvOf(printed, item, col, delta))
		v, err = bad.VerifyRounded()
		if err != nil {
			t.Fatal(err)
		}
		checkProofs(t, []*statement.Statement{bad}, nil, v)
		sameAsBook(t, bad, v)
		group := "s" + strings.TrimPrefix(strings.Split(item, "_")[0], "i")
		for _, x := range v.Findings {
			if x.Verdict == statement.Violation && x.Excess.IsPositive() && (x.Row == item || x.Row == group && x.Column == col) {
				return
			}
		}
		t.Fatalf("%v: %s %s moved by %d 千円, no violation: %v", r, item, col, delta, v.Findings)
	})
}
