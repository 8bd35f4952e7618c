package statement

import (
	"slices"

	"github.com/koukaikei/koukaikei/format"
)

// VerifyRounded verifies b as Verify does, but under rounding: every figure
// of a statement printed rounded (Meta.Unit above 円, and not Meta.Exact)
// stands for the interval of exact yen its Meta allows, and the identities
// of those statements (and of statements with hidden rows or recomputed
// columns) and every link that names them are judged together, with the
// exact figures of the other statements, as Statement.VerifyRounded judges
// one statement; every verdict is proven (see Verification). A link
// between a 百万円 summary and its 円 statement is then exact, within
// rounding, or a violation with its Excess and Certificate. Statements
// printed exactly are checked as Verify checks them, and so are the links
// between their figures alone. Findings within rounding are reported with
// that Verdict; exact ones are not findings, but Verification.Count counts
// them.
//
// A figure of a statement judged under rounding that is not whole yen, or
// is beyond ±10^18 yen, is an *Error wrapping ErrRange naming the row and
// column, and so is a sum beyond the int64 range; a link that names one
// cell on both sides is an *Error wrapping ErrDuplicate. Nothing is then
// verified: VerifyRounded never falls back to verifying exactly.
//
// What is judged together, and the system of identities that judges it,
// depends only on the book's shape: its statements' ids and templates,
// how each prints (rounded or not, Meta.Recomputed) and the links.
// VerifyRounded makes it once for each shape and keeps it with the
// template of the book's first statement (a few shapes each, the newest),
// so that verifying thousands of books of a few shapes, as a nation's
// bodies publish them, fills in each book's figures and solves, and
// builds nothing. Books of one shape may be verified concurrently.
func (b *Book) VerifyRounded(opt VerifyOptions) (*Verification, error) {
	opt = b.keyed(opt)
	stmts := make([]*Statement, len(b.ids))
	for k, id := range b.ids {
		stmts[k] = b.byID[id].ready()
	}
	// The plans of books are kept by their first statement's template.
	by := empty
	if len(stmts) > 0 {
		by = stmts[0].t
	}
	p := by.plans.find(func(p *plan) bool { return p.book != nil && p.book.fits(b.ids, opt.Links) && p.fits(stmts) })
	if p == nil {
		p = b.plan(stmts, opt.Links)
	}
	bp := p.book
	joined := make([]*Statement, 0, len(bp.index))
	for k, s := range stmts {
		if bp.joined[k] {
			joined = append(joined, s)
		}
	}
	j, err := p.solve(joined, by)
	if err != nil {
		return nil, err
	}
	v := &Verification{joint: j, index: bp.index, book: b}
	r := roundedCheck{b: b, opt: opt, plan: bp}
	r.statements(v, j)
	r.links(v, j)
	v.Findings = b.pin(v.Findings, opt.Pins)
	return v, nil
}

// How a verification under rounding judges a link.
const (
	lacking = iota // a cell it names is not in the book
	alone          // its figures are all exact: as Verify does
	jointly        // with the statements it names, under rounding
)

// A roundedPlan says how books of one shape are verified under rounding:
// which statements are judged together, and how each link is.
type roundedPlan struct {
	ids    []string       // the book's
	links  []Link         // the links, as given
	exact  []bool         // per statement: every cell one exact figure
	joined []bool         // per statement: in the joint, whole or as cells only (exact)
	how    []int          // per link
	index  map[string]int // per statement id in the joint: its index there
}

// fits reports whether a book of statements ids, verified with links, is
// of the plan's shape, as far as its ids and links say.
func (p *roundedPlan) fits(ids []string, links []Link) bool {
	if !slices.Equal(p.ids, ids) || len(p.links) != len(links) {
		return false
	}
	for i, l := range links {
		if m := &p.links[i]; m.Name != l.Name || !slices.Equal(m.Left, l.Left) || !slices.Equal(m.Right, l.Right) {
			return false
		}
	}
	return true
}

// plan decides what is judged together: the statements whose figures are
// not all exact (rounded, with hidden rows or recomputed columns), with
// their identities, and the links that name them, with the statements
// printed exactly that those links name, as cells only. A link between
// figures that are all exact is checked as Verify checks it: judged
// together it would be judged the same. It returns the plan of the joint,
// not yet compiled.
func (b *Book) plan(stmts []*Statement, links []Link) *plan {
	bp := &roundedPlan{ids: slices.Clone(b.ids), links: make([]Link, len(links)), exact: make([]bool, len(b.ids)),
		joined: make([]bool, len(b.ids)), how: make([]int, len(links)), index: map[string]int{}}
	for i, l := range links {
		bp.links[i] = Link{Name: l.Name, Left: slices.Clone(l.Left), Right: slices.Clone(l.Right), Note: l.Note}
	}
	at := make(map[string]int, len(b.ids))
	for k, id := range b.ids {
		s := stmts[k]
		at[id] = k
		bp.exact[k] = !s.rounded() && len(s.meta.Recomputed) == 0 && !s.t.hasHidden()
		bp.joined[k] = !bp.exact[k]
	}
	for i, l := range links {
		bp.how[i] = alone // and check reports the cells the book lacks
		for _, refs := range [2][]Ref{l.Left, l.Right} {
			for _, r := range refs {
				if k, ok := at[r.Statement]; ok && !bp.exact[k] {
					bp.how[i] = jointly
				}
			}
		}
		if bp.how[i] != jointly {
			continue
		}
		if len(b.missing(l)) > 0 {
			bp.how[i] = lacking
			continue
		}
		for _, refs := range [2][]Ref{l.Left, l.Right} {
			for _, r := range refs {
				bp.joined[at[r.Statement]] = true
			}
		}
	}
	var names []string
	var whole []*Statement
	for k, id := range b.ids {
		if bp.joined[k] {
			bp.index[id] = len(bp.index)
			names = append(names, id)
			if !bp.exact[k] {
				whole = append(whole, stmts[k])
			}
		}
	}
	var jointLinks []Link
	for i, l := range links {
		if bp.how[i] == jointly {
			jointLinks = append(jointLinks, l)
		}
	}
	p := newPlan(bp, names, stmts, jointLinks, whole)
	for k, id := range b.ids {
		if bp.joined[k] {
			p.addStatement(bp.index[id], stmts[k], bp.exact[k])
		}
	}
	for _, l := range jointLinks {
		p.addLink(l.Name, bp.cellRefs(l.Left), bp.cellRefs(l.Right))
	}
	return p
}

// A roundedCheck is one book's verification under rounding: the book, the
// options and the plan of its shape.
type roundedCheck struct {
	b    *Book
	opt  VerifyOptions
	plan *roundedPlan
}

// cellRefs names the cells of refs in the joint.
func (p *roundedPlan) cellRefs(refs []Ref) []cellRef {
	out := make([]cellRef, len(refs))
	for i, r := range refs {
		out[i] = cellRef{stmt: p.index[r.Statement], row: r.Row, col: r.Column, negative: r.Negative}
	}
	return out
}

// statements adds the findings of each statement to v: those of the
// joint for a statement printed rounded, or, with Built, its comparison
// and what the joint finds that Built does not settle; for a statement
// printed exactly, those of Verify, or its comparison with Built.
func (r *roundedCheck) statements(v *Verification, j *joint) {
	b, built := r.b, r.opt.Built
	omit := r.opt.OmitWithinRounding
	for _, id := range b.ids {
		s := b.byID[id].ready()
		switch {
		case !s.rounded() && built == nil:
			v.statement(id, s)
		case !s.rounded():
			v.Findings = append(v.Findings, compareIn(built, id, s)...)
		default:
			// What Built does not reproduce at a total or computed cell
			// is for its identity to judge.
			differs := map[[2]string]bool{}
			if built != nil {
				for _, f := range compareIn(built, id, s) {
					switch {
					case f.Kind == AmountDiffers && s.t.heads(f.Row, f.Column):
						differs[[2]string{f.Row, f.Column}] = true
					case f.Kind != BlankFigure: // the joint reports those
						v.Findings = append(v.Findings, f)
					}
				}
			}
			k := r.plan.index[id]
			v.Findings = append(v.Findings, s.notBlank(j.p.names[k])...)
			v.Findings = append(v.Findings, j.blankFindings(k)...)
			span := j.p.stmts[k].span
			for x := span[0]; x < span[1]; x++ {
				verdict, ok := j.verdict(x)
				if !ok {
					continue
				}
				v.counts[verdict]++
				keep := verdict != Exact && !(verdict == WithinRounding && omit)
				if f := &j.p.fs[x]; built != nil && verdict == WithinRounding && !differs[[2]string{f.Row, f.Column}] {
					keep = false // Built reproduces it
				}
				if keep {
					v.Findings = append(v.Findings, j.finding(x, verdict))
				}
			}
		}
	}
	if built != nil {
		for _, id := range built.ids {
			if _, ok := b.byID[id]; !ok {
				v.Findings = append(v.Findings, Finding{Kind: StatementMissing, Statement: id, GotText: "no such statement in the book compared with", WantText: "no such statement"})
			}
		}
	}
}

// links adds the findings of each link to v.
func (r *roundedCheck) links(v *Verification, j *joint) {
	next := 0
	for i, l := range r.opt.Links {
		switch r.plan.how[i] {
		case lacking:
			v.link(r.b.missing(l))
		case alone:
			fs := r.b.check(l)
			for k := range fs {
				f := &fs[k]
				if f.GotText == "" { // not a cell the book lacks
					f.Range = Range{Lo: f.Got.Amount, Hi: f.Got.Amount}
					if f.Got.Valid && f.Want.Valid {
						f.Excess = f.Got.Amount.Sub(f.Want.Amount).Abs()
					}
				}
			}
			v.link(fs)
		default:
			x := j.p.links[next]
			next++
			verdict, _ := j.verdict(x)
			v.counts[verdict]++
			if verdict != Exact && !(verdict == WithinRounding && r.opt.OmitWithinRounding) {
				v.Findings = append(v.Findings, j.finding(x, verdict))
			}
		}
	}
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
