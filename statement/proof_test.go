package statement_test

import (
	"slices"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// A cellKey names a cell of a verification: its statement as findings
// name it, its row and its column.
type cellKey struct{ statement, row, column string }

// checkProofs checks, with arithmetic of its own, every proof v gives
// for the statements of a verification under rounding (named as its
// findings name them: names[k], or the form's number and title when names
// is nil) and its links:
//   - the witness satisfies every identity and link that is not a
//     violation or undecided, and each printed figure of a cell rounds from
//     its exact yen in the witness (該当なし is 0);
//   - every certificate's identities, taken as it says, leave exactly its
//     figures, each figure's range is exactly the yen that round to it, and
//     their sum lies in the certificate's Sum, which excludes zero by its
//     Excess.
func checkProofs(t *testing.T, stmts []*statement.Statement, names []string, v *statement.Verification, links ...statement.Link) {
	t.Helper()
	byName := map[string]*statement.Statement{}
	for k, s := range stmts {
		name := formName(s.Form())
		if names != nil {
			name = names[k]
		}
		byName[name] = s
	}
	open := map[cellKey]bool{} // the identities not proven to hold, by head cell and rule
	lost := map[cellKey]bool{} // the figures lost in printing, of no printed figure
	for _, f := range v.Findings {
		if f.Kind == statement.BlankFigure {
			lost[cellKey{f.Statement, f.Row, f.Column}] = true
		}
		if f.Verdict == statement.Violation || f.Verdict == statement.Undecided {
			open[cellKey{f.Statement, f.Row, f.Column + "\x00" + f.Rule}] = true
		}
		if f.Certificate != nil {
			checkCertificate(t, byName, links, f.Certificate, map[cellKey][2]decimal.Decimal{})
		}
	}
	witness := func(name, row, column string) decimal.Decimal {
		w, ok := v.Witness(name, row, column)
		if !ok {
			t.Fatalf("no witness for %s %s %s", name, row, column)
		}
		return w
	}
	for name, s := range byName {
		form, meta := s.Form(), s.Meta()
		recomputed := map[string]bool{}
		for _, c := range meta.Recomputed {
			recomputed[c] = true
		}
		for _, row := range form.Rows {
			if row.Kind == statement.Header {
				continue
			}
			for _, col := range form.Columns {
				if col.Kind == statement.Text {
					continue
				}
				for _, id := range identitiesAt(s.Template(), row, col) {
					// An identity of a Recomputed column is judged as
					// printed, not at the witness.
					if open[cellKey{name, row.Key, col.Name + "\x00" + id.rule}] || v.Count(statement.Undecided) > 0 || recomputed[col.Name] {
						continue
					}
					sum := decimal.Zero
					for _, term := range id.terms {
						x := witness(name, term.row, term.column)
						if term.times < 0 {
							x = x.Neg()
						}
						sum = sum.Add(x)
					}
					if !sum.IsZero() {
						t.Errorf("%s: %s %s = %s does not hold at the witness: off by %s", name, row.Label, col.Name, id.rule, sum)
					}
				}
				derived := recomputed[col.Name] && (col.Kind == statement.Computed || row.Kind == statement.Total || row.Kind == statement.Subtotal)
				if row.Hidden || derived || lost[cellKey{name, row.Key, col.Name}] || v.Count(statement.Undecided) > 0 {
					continue
				}
				printed, _ := s.Cell(row.Key, col.Name)
				w := witness(name, row.Key, col.Name)
				if !printed.Valid {
					if !w.IsZero() {
						t.Errorf("%s: %s %s: 該当なし, witness %s", name, row.Label, col.Name, w)
					}
					continue
				}
				if got := roundsTo(w, meta); !got.Equal(printed.Amount) {
					t.Errorf("%s: %s %s: witness %s rounds to %s, printed %s", name, row.Label, col.Name, w, got, printed.Amount)
				}
			}
		}
	}
	for _, l := range links {
		if linkOpen(v, l) || v.Count(statement.Undecided) > 0 {
			continue
		}
		sum := decimal.Zero
		for k, refs := range [2][]statement.Ref{l.Left, l.Right} {
			for _, r := range refs {
				x := witness(r.Statement, r.Row, r.Column)
				if r.Negative != (k == 1) {
					x = x.Neg()
				}
				sum = sum.Add(x)
			}
		}
		if !sum.IsZero() {
			t.Errorf("link %s does not hold at the witness: off by %s", l.Name, sum)
		}
	}
}

// linkOpen reports whether the link is a violation or undecided.
func linkOpen(v *statement.Verification, l statement.Link) bool {
	for _, f := range v.Findings {
		if f.Kind == statement.LinkBroken && f.Rule == l.Name && (f.Verdict == statement.Violation || f.Verdict == statement.Undecided) {
			return true
		}
	}
	return false
}

// roundsTo returns the figure exact yen w prints as under meta, in yen.
func roundsTo(w decimal.Decimal, meta statement.Meta) decimal.Decimal {
	if meta.Exact || meta.Unit == format.Yen {
		return w
	}
	return meta.Unit.ToYen(format.Round(w, meta.Unit, meta.Rounding))
}

func formName(f *statement.Form) string {
	if f.Number == "" {
		return f.Title
	}
	return f.Number + " " + f.Title
}

// A term of an identity: a cell and its multiplier, the head +1.
type idTerm struct {
	row, column string
	times       int64
}

type identity struct {
	rule  string
	terms []idTerm
}

// identitiesAt returns the identities headed by the cell of row and col
// of t's form: its row's formula (a subtotal's children, as the template
// compiled them) and its column's, each as head − terms.
func identitiesAt(t *statement.Template, row statement.Row, col statement.Column) []identity {
	var out []identity
	if f := t.Formula(row.Key); f != nil {
		id := identity{rule: f.String(), terms: []idTerm{{row.Key, col.Name, 1}}}
		for _, term := range f {
			id.terms = append(id.terms, idTerm{term.Key, col.Name, times(term.Negative)})
		}
		out = append(out, id)
	}
	if col.Kind == statement.Computed {
		id := identity{rule: col.Formula.String(), terms: []idTerm{{row.Key, col.Name, 1}}}
		for _, term := range col.Formula {
			id.terms = append(id.terms, idTerm{row.Key, term.Key, times(term.Negative)})
		}
		out = append(out, id)
	}
	return out
}

func times(positive bool) int64 {
	if positive {
		return 1
	}
	return -1
}

// checkCertificate checks certificate c: its identities, each taken Times
// times, sum to an identity over its figures alone; each figure's range is
// the exact yen that round to it (narrowed by the cases of the splits
// above, in assume); and their sum lies in Sum and excludes zero.
func checkCertificate(t *testing.T, byName map[string]*statement.Statement, links []statement.Link, c *statement.Certificate, assume map[cellKey][2]decimal.Decimal) {
	t.Helper()
	if c.Split != nil {
		sp := c.Split
		k := cellKey{sp.Figure.Statement, sp.Figure.Row, sp.Figure.Column}
		for half, child := range []*statement.Certificate{sp.Below, sp.Above} {
			a := map[cellKey][2]decimal.Decimal{}
			for x, r := range assume {
				a[x] = r
			}
			r, ok := a[k]
			if !ok {
				r = [2]decimal.Decimal{decimal.New(-1, 30), decimal.New(1, 30)}
			}
			if half == 0 {
				r[1] = decimal.Min(r[1], sp.At)
			} else {
				r[0] = decimal.Max(r[0], sp.At.Add(decimal.New(1, 0)))
			}
			a[k] = r
			checkCertificate(t, byName, links, child, a)
		}
		return
	}
	coef := map[cellKey]int64{}
	asPrinted := false // an identity of a Recomputed column: its figures are exact
	for _, id := range c.Identities {
		if s := byName[id.Statement]; s != nil && slices.Contains(s.Meta().Recomputed, id.Column) {
			asPrinted = true
		}
		var terms []idTerm
		var stmt string
		if id.Kind == statement.LinkBroken {
			for _, l := range links {
				if l.Name != id.Rule {
					continue
				}
				for k, refs := range [2][]statement.Ref{l.Left, l.Right} {
					for _, r := range refs {
						coef[cellKey{r.Statement, r.Row, r.Column}] += id.Times * times(r.Negative == (k == 1))
					}
				}
			}
			continue
		}
		s := byName[id.Statement]
		form := s.Form()
		for _, row := range form.Rows {
			for _, col := range form.Columns {
				if row.Key != id.Row || col.Name != id.Column {
					continue
				}
				for _, x := range identitiesAt(s.Template(), row, col) {
					if x.rule == id.Rule {
						terms, stmt = x.terms, id.Statement
					}
				}
			}
		}
		if terms == nil {
			t.Fatalf("certificate: no identity %+v", id)
		}
		for _, term := range terms {
			coef[cellKey{stmt, term.row, term.column}] += id.Times * term.times
		}
	}
	left := 0
	lo, hi := decimal.Zero, decimal.Zero
	for _, f := range c.Figures {
		k := cellKey{f.Statement, f.Row, f.Column}
		if coef[k] != f.Times {
			t.Errorf("certificate: %v has coefficient %d in the combination, the certificate says %d", k, coef[k], f.Times)
		}
		left++
		s := byName[f.Statement]
		meta := s.Meta()
		printed, _ := s.Cell(f.Row, f.Column)
		if !printed.Equal(f.Printed) {
			t.Errorf("certificate: %v printed %v, the certificate says %v", k, printed, f.Printed)
		}
		r := f.Range
		if a, ok := assume[k]; ok {
			if r.NoLo || r.Lo.LessThan(a[0]) || r.NoHi || r.Hi.GreaterThan(a[1]) {
				// Check the range before its narrowing below.
				r = statement.Range{Lo: decimal.Max(r.Lo, a[0]), Hi: decimal.Min(r.Hi, a[1])}
			}
		}
		if asPrinted {
			meta.Exact = true
		}
		checkRange(t, k, f.Range, printed, meta, assume[k])
		x, y := r.Lo.Mul(decimal.NewFromInt(f.Times)), r.Hi.Mul(decimal.NewFromInt(f.Times))
		if f.Times < 0 {
			x, y = y, x
		}
		lo, hi = lo.Add(x), hi.Add(y)
	}
	nonzero := 0
	for _, n := range coef {
		if n != 0 {
			nonzero++
		}
	}
	if nonzero != left {
		t.Errorf("certificate: %d cells left in the combination, %d figures listed: %v", nonzero, left, coef)
	}
	if !lo.Equal(c.Sum.Lo) || !hi.Equal(c.Sum.Hi) {
		t.Errorf("certificate: the figures sum to %s〜%s, the certificate says %v", lo, hi, c.Sum)
	}
	var excess decimal.Decimal
	switch {
	case lo.IsPositive():
		excess = lo
	case hi.IsNegative():
		excess = hi.Neg()
	default:
		t.Errorf("certificate: the figures sum to %s〜%s, which holds zero", lo, hi)
	}
	if !excess.Equal(c.Excess) {
		t.Errorf("certificate: excess %s, the certificate says %s", excess, c.Excess)
	}
}

// checkRange checks that r is the set of exact yen that round to the
// printed figure under meta, narrowed by the assumed interval, if any:
// each end rounds to it, and one yen beyond does not (or is the
// assumption's end).
func checkRange(t *testing.T, k cellKey, r statement.Range, printed format.Cell, meta statement.Meta, assumed [2]decimal.Decimal) {
	t.Helper()
	want := decimal.Zero
	if printed.Valid {
		want = printed.Amount
	}
	one := decimal.New(1, 0)
	exact := meta.Exact || meta.Unit == format.Yen || !printed.Valid || !want.Mod(decimal.New(1, int32(meta.Unit.Exp()))).IsZero()
	rounds := func(x decimal.Decimal) bool {
		if exact {
			return x.Equal(want)
		}
		return roundsTo(x, meta).Equal(want)
	}
	assumedHere := !assumed[0].IsZero() || !assumed[1].IsZero()
	if r.NoLo || r.NoHi || !rounds(r.Lo) || !rounds(r.Hi) {
		t.Errorf("certificate: %v range %v, printed %v: an end does not round to it", k, r, printed)
		return
	}
	if rounds(r.Lo.Sub(one)) && !(assumedHere && r.Lo.Equal(assumed[0])) {
		t.Errorf("certificate: %v range %v, printed %v: %s rounds to it too", k, r, printed, r.Lo.Sub(one))
	}
	if rounds(r.Hi.Add(one)) && !(assumedHere && r.Hi.Equal(assumed[1])) {
		t.Errorf("certificate: %v range %v, printed %v: %s rounds to it too", k, r, printed, r.Hi.Add(one))
	}
}
