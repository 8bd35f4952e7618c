package statement

import "github.com/koukaikei/koukaikei/format"

// verifyRounded does the work of Verify under rounding. The Joint holds
// the statements whose figures are not all exact (rounded, with hidden
// rows or recomputed columns), with their identities, and the links that
// name them, with the statements printed exactly that those links name,
// as cells only. A link between figures that are all exact is checked as
// Verify checks it: the Joint would judge it the same.
func (b *Book) verifyRounded(opt VerifyOptions) (*Verification, error) {
	exact := make([]bool, len(b.ids)) // per statement, whether its every cell is one exact figure
	at := make(map[string]int, len(b.ids))
	for k, id := range b.ids {
		s := b.byID[id].ready()
		at[id] = k
		exact[k] = !s.rounded() && len(s.meta.Recomputed) == 0 && !s.t.hasHidden()
	}
	joined := make([]bool, len(b.ids)) // per statement, whether the Joint holds it
	for k := range b.ids {
		joined[k] = !exact[k]
	}
	const (
		lacking = iota // a cell it names is not in the book
		alone          // its figures are all exact
		jointly        // an Identity of the Joint
	)
	how := make([]int, len(opt.Links))
	missing := make([][]Finding, len(opt.Links)) // per link, the cells it names that b lacks
	for i, l := range opt.Links {
		how[i] = alone // and check reports the cells the book lacks
		for _, refs := range [2][]Ref{l.Left, l.Right} {
			for _, r := range refs {
				if k, ok := at[r.Statement]; ok && !exact[k] {
					how[i] = jointly
				}
			}
		}
		if how[i] == jointly {
			if missing[i] = b.missing(l); len(missing[i]) > 0 {
				how[i] = lacking
				continue
			}
			for _, refs := range [2][]Ref{l.Left, l.Right} {
				for _, r := range refs {
					joined[at[r.Statement]] = true
				}
			}
		}
	}
	j := &Joint{}
	index := map[string]int{}
	opts := jointOptions{quiet: true}
	for k, id := range b.ids {
		if joined[k] {
			index[id] = len(j.Statements)
			j.Statements = append(j.Statements, b.byID[id])
			j.Names = append(j.Names, id)
			opts.cellsOnly = append(opts.cellsOnly, exact[k])
		}
	}
	nLinks := 0
	for i, l := range opt.Links {
		if how[i] == jointly {
			j.Identities = append(j.Identities, Identity{Name: l.Name, Left: cellRefs(index, l.Left), Right: cellRefs(index, l.Right)})
			nLinks++
		}
	}
	res, err := j.verify(opts)
	if err != nil {
		return nil, err
	}
	judged := map[string][]Finding{}   // per statement id, its identities' findings but the exact ones
	linked := make([]*Finding, nLinks) // per Identity, its finding unless exact
	for i := range res.Findings {
		f := &res.Findings[i]
		if n := res.identities[i]; n >= 0 {
			linked[n] = f
		} else {
			judged[f.Statement] = append(judged[f.Statement], *f)
		}
	}

	fs := make([]Finding, 0, len(res.Findings)+len(opt.Pins))
	for _, id := range b.ids {
		s := b.byID[id].ready()
		rounded := s.rounded()
		switch {
		case !rounded && opt.Built == nil:
			for _, f := range s.Verify() {
				f.Statement = id
				fs = append(fs, f)
			}
		case !rounded:
			fs = append(fs, compareIn(opt.Built, id, s)...)
		case opt.Built == nil:
			fs = append(fs, judged[id]...)
		default:
			// What Built does not reproduce at a total or computed cell
			// is for its identity to judge.
			differs := map[[2]string]bool{}
			for _, f := range compareIn(opt.Built, id, s) {
				if f.Kind == AmountDiffers && s.t.heads(f.Row, f.Column) {
					differs[[2]string{f.Row, f.Column}] = true
					continue
				}
				fs = append(fs, f)
			}
			for _, f := range judged[id] {
				if f.Verdict == Violation || differs[[2]string{f.Row, f.Column}] {
					fs = append(fs, f)
				}
			}
		}
	}
	if opt.Built != nil {
		for _, id := range opt.Built.ids {
			if _, ok := b.byID[id]; !ok {
				fs = append(fs, Finding{Kind: StatementMissing, Statement: id, GotText: "no such statement in the book compared with", WantText: "no such statement"})
			}
		}
	}
	next := 0
	for i, l := range opt.Links {
		switch how[i] {
		case lacking:
			fs = append(fs, missing[i]...)
			continue
		case alone:
			for _, f := range b.check(l) {
				if f.GotText == "" { // not a cell the book lacks
					f.Range = Range{Lo: f.Got.Amount, Hi: f.Got.Amount}
					if f.Got.Valid && f.Want.Valid {
						f.Excess = f.Got.Amount.Sub(f.Want.Amount).Abs()
					}
				}
				fs = append(fs, f)
			}
			continue
		}
		p := linked[next]
		next++
		if p == nil {
			continue // exact
		}
		f := *p
		// Named as an exact check names it: by the link, at its first
		// cell.
		first := l.Left
		if len(first) == 0 {
			first = l.Right
		}
		r := first[0]
		s := b.byID[r.Statement].ready()
		f.Statement, f.Row, f.Column, f.Rule, f.Unit = r.Statement, r.Row, r.Column, l.Name, s.meta.Unit
		f.Label = s.t.label(s.t.rowIndex[r.Row])
		fs = append(fs, f)
	}
	return &Verification{Findings: b.pin(fs, opt.Pins), joint: res, index: index, book: b}, nil
}

// compareIn compares the statement id of built with s, published; a
// statement built lacks is a StatementMissing finding.
func compareIn(built *Book, id string, s *Statement) []Finding {
	got, ok := built.byID[id]
	if !ok {
		return []Finding{{Kind: StatementMissing, Statement: id, GotText: "no such statement", WantText: "a statement"}}
	}
	fs := Compare(got, s)
	for i := range fs {
		fs[i].Statement = id
	}
	return fs
}

// cellRefs names the cells of refs in a Joint of a book's statements.
func cellRefs(index map[string]int, refs []Ref) []CellRef {
	out := make([]CellRef, len(refs))
	for i, r := range refs {
		out[i] = CellRef{Statement: index[r.Statement], Row: r.Row, Column: r.Column, Negative: r.Negative}
	}
	return out
}

// missing returns a LinkBroken finding for each cell l names that b does
// not have as an amount: as check reports them, and a header row's cell,
// which has no figure to judge.
func (b *Book) missing(l Link) []Finding {
	var fs []Finding
	for _, refs := range [2][]Ref{l.Left, l.Right} {
		for _, r := range refs {
			what, unit := b.lacks(r)
			if what != "" {
				fs = append(fs, Finding{Kind: LinkBroken, Statement: r.Statement, Row: r.Row, Column: r.Column, Rule: l.Name, GotText: what, Unit: unit})
			}
		}
	}
	return fs
}

// lacks says what b lacks of the cell r names, if anything, and the unit
// of its statement.
func (b *Book) lacks(r Ref) (string, format.Unit) {
	s, ok := b.byID[r.Statement]
	if !ok {
		return "no such statement", 0
	}
	t := s.ready().t
	i, okRow := t.rowIndex[r.Row]
	j, okCol := t.colIndex[r.Column]
	switch {
	case !okRow:
		return t.noRow(r.Row), s.meta.Unit
	case !okCol || t.form.Columns[j].Kind == Text:
		return "no such amount column", s.meta.Unit
	case t.form.Rows[i].Kind == Header:
		return "a header row, which has no figure", s.meta.Unit
	}
	return "", s.meta.Unit
}

// rounded reports whether s prints its figures rounded: in a unit above
// 円, and not stated exact.
func (s *Statement) rounded() bool { return s.meta.Unit.Exp() > 0 && !s.meta.Exact }

// heads reports whether the cell of t's form at row and column heads an
// identity: the cell of a total row in an amount column, or of a computed
// column in a row that is not a header.
func (t *Template) heads(row, column string) bool {
	i, okRow := t.rowIndex[row]
	j, okCol := t.colIndex[column]
	if !okRow || !okCol {
		return false
	}
	col := t.form.Columns[j]
	return t.formulas[i] != nil && col.Kind != Text || t.form.Rows[i].Kind != Header && col.Kind == Computed
}

// hasHidden reports whether t's form has a hidden row, which is not
// printed and so is no exact figure.
func (t *Template) hasHidden() bool {
	for _, row := range t.form.Rows {
		if row.Hidden {
			return true
		}
	}
	return false
}
