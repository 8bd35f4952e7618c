package statement

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/statement/internal/bounds"
	"github.com/shopspring/decimal"
)

// A Range is an interval of exact yen, both ends included. An end marked
// NoLo or NoHi is not bounded: a figure that is not printed may be any
// amount.
type Range struct {
	Lo, Hi     decimal.Decimal
	NoLo, NoHi bool
}

// rangeOf converts an interval of the engine.
func rangeOf(iv bounds.Interval) Range {
	r := Range{Lo: decimal.NewFromInt(iv.Lo)}
	r.Hi = r.Lo // decimals are never changed in place
	if iv.Hi != iv.Lo {
		r.Hi = decimal.NewFromInt(iv.Hi)
	}
	if iv.Lo == bounds.NegInf {
		r.Lo, r.NoLo = decimal.Zero, true
	}
	if iv.Hi == bounds.PosInf {
		r.Hi, r.NoHi = decimal.Zero, true
	}
	return r
}

// Contains reports whether d lies in r.
func (r Range) Contains(d decimal.Decimal) bool {
	return (r.NoLo || r.Lo.Cmp(d) <= 0) && (r.NoHi || d.Cmp(r.Hi) <= 0)
}

// String returns r in yen as 14,706,953,500〜14,706,956,497円, with … for
// an end that is not bounded.
func (r Range) String() string {
	f := format.Formatter{}
	lo, hi := "…", "…"
	if !r.NoLo {
		lo = f.Format(r.Lo)
	}
	if !r.NoHi {
		hi = f.Format(r.Hi)
	}
	return lo + "〜" + hi + "円"
}

// VerifyRounded judges every identity of s's form, as Verify checks them
// (each total and subtotal row in each amount column, each computed column
// on each row), with every printed figure read as the interval of exact
// yen it stands for under s's Meta: rounded to Meta.Unit by Meta.Rounding,
// or exact for figures in 円, for Meta.Exact and for a figure that is not a
// whole number of the unit. A hidden row was not printed and may be any
// amount; 該当なし is exactly nothing. The identities are judged jointly,
// as Book.VerifyRounded judges a book's, and every verdict is proven (see
// Verification): the identities that are not violations hold together for
// the exact figures Verification.Witness gives, each of which rounds to
// the figure printed, and each Violation carries a Certificate.
//
// Findings name the statement by its form's number and title, and so do
// the Verification's Bounds and Witness. A finding is made for each
// identity of a printed row that is not Exact: WithinRounding when the
// printed figures do not agree as printed but exact figures they stand for
// do, Violation with its Excess and Certificate, or Undecided. A correctly
// rounded statement gets no Violation. An identity whose total is
// 該当なし while its terms are not (or the reverse) is a Violation
// whatever the rounding, as in Verify. The identities of columns that
// Meta.Recomputed names are judged on the printed figures, as Verify
// judges them. A total or computed cell printed blank while terms of its
// identity have figures is a figure lost in printing: one BlankFigure
// finding, and the identities that name it are judged with it any amount,
// reported only if violated.
//
// Figures that are not whole yen, or beyond ±10^18 yen, are an *Error
// wrapping ErrRange naming the row and column.
func (s *Statement) VerifyRounded() (*Verification, error) {
	s = s.ready()
	stmts := []*Statement{s}
	p := s.t.plans.find(func(p *plan) bool { return p.book == nil && p.fits(stmts) })
	if p == nil {
		p = newPlan(nil, []string{s.t.form.name()}, stmts, nil, stmts)
		p.addStatement(0, s, false)
	}
	j, err := p.solve(stmts, s.t)
	if err != nil {
		return nil, err
	}
	v := &Verification{joint: j, index: map[string]int{p.names[0]: 0}}
	v.Findings = append(v.Findings, s.notBlank(p.names[0])...)
	v.Findings = append(v.Findings, j.blankFindings(0)...)
	for k := range p.ids {
		if verdict, ok := j.verdict(k); ok {
			v.counts[verdict]++
			if verdict != Exact {
				v.Findings = append(v.Findings, j.finding(k, verdict))
			}
		}
	}
	return v, nil
}

// maxAmount bounds the figures the rounded checks take: far beyond any
// budget, and far enough from the int64 range that sums of many of them
// stay inside it.
var maxAmount = decimal.New(1, 18)

// A plan is what a verification under rounding does that depends only on
// the shape of what it verifies, not on the figures: the statements'
// templates, ids and the way each prints its figures (rounded or exact,
// with which columns recomputed), and the links. It holds a variable for
// each amount cell of the statements judged together, their identities
// (the statements' own, in the order Verify checks them, then the links
// between their cells) and the bounds.System of their equations. A joint
// fills a plan with one book's figures and solves it. A plan is made once
// for books of one shape and kept by the template of their first
// statement (see plans), so that verifying thousands of books of a few
// shapes builds a few systems, not thousands; it is immutable once made.
type plan struct {
	book   *roundedPlan // for a book: what is judged together; nil for a statement
	stmts  []planStatement
	names  []string // how findings name each statement
	at     []cellAt // per variable: its cell
	ids    []judged
	fs     []Finding // per identity: its finding's names, without figures
	buf    []bounds.Term
	links  []int       // per link added: its identity
	checks []linkCheck // what each link names, in order, for the problems of its cells
	sys    bounds.System
	eqs    []int32 // per identity: its equation, -1 for one judged as printed
	ideq   []int32 // per equation: its identity
	// The shape it was made for (see fits): per statement verified, its
	// template and how it prints.
	shape []printing
	// once compiles the plan's system on its first use, and err is the
	// problem it found; a plan without one is kept (see solve).
	once sync.Once
	err  error
}

// How a statement prints its figures, as far as a plan depends on it.
type printing struct {
	t          *Template
	rounded    bool
	recomputed []string
}

// printingOf returns how s prints its figures.
func printingOf(s *Statement) printing {
	return printing{t: s.t, rounded: s.rounded(), recomputed: s.meta.Recomputed}
}

func (w printing) equal(v printing) bool {
	return w.t == v.t && w.rounded == v.rounded && slices.Equal(w.recomputed, v.recomputed)
}

// fits reports whether stmts, the statements verified, are of the
// templates and print as those the plan was made for.
func (p *plan) fits(stmts []*Statement) bool {
	if len(stmts) != len(p.shape) {
		return false
	}
	for k, s := range stmts {
		if !p.shape[k].equal(printingOf(s)) {
			return false
		}
	}
	return true
}

// same reports whether q is a plan of p's shape.
func (p *plan) same(q *plan) bool {
	return (p.book == nil) == (q.book == nil) && (p.book == nil || p.book.fits(q.book.ids, q.book.links)) &&
		slices.EqualFunc(p.shape, q.shape, printing.equal)
}

// A planStatement is a statement of a plan.
type planStatement struct {
	t         *Template
	cellsOnly bool    // added only as cells that links name
	cells     []int32 // per cell: its variable, noVar or lazyVar
	free      []bool  // per cell: any amount, whatever is printed (a hidden row, a recomputed cell)
	from, to  int32   // its cells' variables, for a statement added whole
	span      [2]int  // its own identities, ids[span[0]:span[1]]
}

// A linkCheck is a cell that a link names, in order: the variable of an
// exact figure, whose figure must be whole yen, or a problem of the plan.
type linkCheck struct {
	v        int32 // -1 for a problem
	row, col string
	problem  Problem
}

// The variable of a cell that has none: a header row's or a text
// column's, and, in a statement added as cells only, one that no link
// names.
const (
	noVar   = -1
	lazyVar = -2
)

// A cellAt names the cell of a variable: its statement, and its index in
// the statement's cells.
type cellAt struct{ stmt, cell int32 }

// A judged identity: what decides its verdict. Its Finding is kept apart,
// at the same index.
type judged struct {
	stmt       int32 // the statement of its cells; -1 for a link
	printed    bool  // judged on the printed figures alone: in no equation
	implied    bool  // and implied by others: within rounding at worst
	late       bool  // likely implied by the others: see bounds.System.Late
	hidden     bool  // of a hidden row: reported only if not proven to hold
	unknown    bool  // a term on a hidden row, whose figure is unknown
	start, end int   // its equation, head − terms or Left − Right, in the term buffer
	side       int   // the terms whose sum Got shows: the last side of them, or the first −side
}

// sides returns the terms whose sum Got shows and those whose sum Want
// shows, and whether the sum of the former is to be negated (that of the
// latter then is not, and the reverse).
func (x *judged) sides(buf []bounds.Term) (got, want []bounds.Term, negate bool) {
	if x.side < 0 {
		return buf[x.start : x.start-x.side], buf[x.start-x.side : x.end], false
	}
	return buf[x.end-x.side : x.end], buf[x.start : x.end-x.side], true
}

// newPlan returns an empty plan for stmts, the statements verified, named
// as names says, with room for the statements whole, added whole, and for
// links.
func newPlan(b *roundedPlan, names []string, stmts []*Statement, links []Link, whole []*Statement) *plan {
	p := &plan{book: b, names: names}
	for _, s := range stmts {
		w := printingOf(s)
		w.recomputed = slices.Clone(w.recomputed)
		p.shape = append(p.shape, w)
	}
	n, terms, cells := len(links), 0, 0
	for _, l := range links {
		terms += len(l.Left) + len(l.Right)
	}
	cells = terms // at most, the lazy cells the links name
	for _, s := range whole {
		cells += len(s.cells)
		a, b := s.t.identities()
		n, terms = n+a, terms+b
	}
	p.sys.Grow(cells, n, terms)
	p.at = make([]cellAt, 0, cells)
	p.ids = make([]judged, 0, n)
	p.fs = make([]Finding, 0, n)
	p.buf = make([]bounds.Term, 0, terms)
	return p
}

// addStatement adds s as the k-th statement of the plan, with its
// identities; or, with cellsOnly, only as cells that links may name, each
// a variable of its exact figure once one does: of a statement printed
// exactly, with no hidden row and no recomputed column, whose identities
// narrow nothing and are checked otherwise.
func (p *plan) addStatement(k int, s *Statement, cellsOnly bool) {
	s = s.ready()
	t := s.t
	ps := planStatement{t: t, cellsOnly: cellsOnly}
	ps.span[0] = len(p.ids)
	if cellsOnly {
		ps.cells = lazyCells(s)
		p.stmts = append(p.stmts, ps)
		p.stmts[k].span[1] = len(p.ids)
		return
	}
	ncol := len(t.form.Columns)
	ps.cells = make([]int32, len(t.form.Rows)*ncol)
	ps.free = make([]bool, len(ps.cells))
	recomputed := s.recomputed()
	ps.from = int32(len(p.at))
	for i, row := range t.form.Rows {
		for c, col := range t.form.Columns {
			cell := i*ncol + c
			ps.cells[cell] = noVar
			if row.Kind == Header || col.Kind == Text {
				continue
			}
			// Not printed, or printed from other figures: any amount;
			// but a cell the form leaves blank is exactly nothing.
			ps.free[cell] = !t.blank(cell) && (row.Hidden || recomputed[c] && (col.Kind == Computed || t.formulas[i] != nil))
			ps.cells[cell] = p.addVar(k, cell)
		}
	}
	ps.to = int32(len(p.at))
	p.stmts = append(p.stmts, ps)
	p.addIdentities(k, s, recomputed)
	p.stmts[k].span[1] = len(p.ids)
}

func (p *plan) addVar(k, cell int) int32 {
	p.at = append(p.at, cellAt{int32(k), int32(cell)})
	return int32(p.sys.AddVar(bounds.Unbounded()))
}

// recomputed says, per column of s, whether the Meta names it Recomputed.
func (s *Statement) recomputed() []bool {
	cols := make([]bool, len(s.t.form.Columns))
	for _, name := range s.meta.Recomputed {
		if j, ok := s.t.colIndex[name]; ok {
			cols[j] = true
		}
	}
	return cols
}

// wholeYen returns d as int64 yen, and whether it is a whole number of
// yen within ±maxAmount.
func wholeYen(d decimal.Decimal) (int64, bool) {
	exp := d.Exponent()
	if d.NumDigits() > 18 || exp > 18 || exp < -18 {
		if !d.IsInteger() || d.Abs().Cmp(maxAmount) > 0 {
			return 0, false
		}
		return d.IntPart(), true
	}
	v, p := d.CoefficientInt64(), int64(1)
	for range max(exp, -exp) {
		p *= 10
	}
	switch {
	case exp < 0 && v%p != 0:
		return 0, false
	case exp < 0:
		v /= p
	case exp > 0:
		w := v * p
		if w/p != v {
			return 0, false
		}
		v = w
	}
	return v, -maxYen <= v && v <= maxYen
}

// maxYen is maxAmount as an int64.
const maxYen = 1_000_000_000_000_000_000

// addIdentities adds the identities of statement k, in Verify's order.
func (p *plan) addIdentities(k int, s *Statement, recomputed []bool) {
	t := s.t
	for i, row := range t.form.Rows {
		for c, col := range t.form.Columns {
			if t.blank(i*len(t.form.Columns) + c) {
				continue
			}
			if t.formulas[i] != nil && col.Kind != Text {
				p.addIdentity(k, t, recomputed, i, c, true)
			}
			if row.Kind != Header && col.Kind == Computed {
				p.addIdentity(k, t, recomputed, i, c, false)
			}
		}
	}
}

// addIdentity adds an identity of the cell in row i, column c of
// statement k, as the equation head − terms: its row's formula (byRow),
// whose terms are rows of column c, or else its column's, whose terms are
// columns of row i.
func (p *plan) addIdentity(k int, t *Template, recomputed []bool, i, c int, byRow bool) {
	ncol := len(t.form.Columns)
	head := i*ncol + c
	// The n-th term of f is the cell base + terms[n]·step.
	f, rule, terms, base, step := t.form.Columns[c].Formula, t.colRules[c], t.colTerms[c], i*ncol, 1
	if byRow {
		f, rule, terms, base, step = t.formulas[i], t.rowRules[i], t.rowTerms[i], c, ncol
	}
	hidden := t.form.Rows[i].Hidden
	x := judged{stmt: int32(k), hidden: hidden, start: len(p.buf), side: len(f)}
	vars := p.stmts[k].cells
	p.buf = append(p.buf, bounds.Term{Var: int(vars[head])})
	for n, term := range f {
		cell := base + terms[n]*step
		p.buf = append(p.buf, bounds.Term{Var: int(vars[cell]), Negative: !term.Negative})
		x.unknown = x.unknown || t.form.Rows[cell/ncol].Hidden
	}
	x.end = len(p.buf)
	x.printed = recomputed[c] && !hidden
	// A total of a recomputed computed column follows from the column's
	// formula on each row and the totals of the columns it refers to; as
	// printed it may be off by their rounding.
	x.implied = x.printed && byRow && t.form.Columns[c].Kind == Computed
	// A computed column's cell on a total row is also the total of the
	// cells above it: the rows' identities and the column's on the rows
	// they sum imply this one.
	x.late = !byRow && t.formulas[i] != nil
	p.fs = append(p.fs, Finding{Kind: IdentityBroken, Statement: p.names[k], Row: t.form.Rows[i].Key, Label: t.label(i),
		Column: t.form.Columns[c].Name, Rule: rule})
	p.ids = append(p.ids, x)
}

// identities returns the number of identities of t's form, as Verify
// checks them, and the number of terms of their equations.
func (t *Template) identities() (n, terms int) {
	for i, row := range t.form.Rows {
		for c, col := range t.form.Columns {
			if t.blank(i*len(t.form.Columns) + c) {
				continue
			}
			if t.formulas[i] != nil && col.Kind != Text {
				n, terms = n+1, terms+1+len(t.formulas[i])
			}
			if row.Kind != Header && col.Kind == Computed {
				n, terms = n+1, terms+1+len(col.Formula)
			}
		}
	}
	return n, terms
}

// A cellRef names a cell of a plan's statements for a link.
type cellRef struct {
	stmt     int
	row, col string
	negative bool
}

// addLink adds the link name, Left − Right = 0, whose finding names the
// link's first cell. A cell that does not exist is a problem.
func (p *plan) addLink(name string, left, right []cellRef) {
	x := judged{stmt: -1, start: len(p.buf), side: -len(left)}
	ok := true
	for k, refs := range [2][]cellRef{left, right} {
		for _, r := range refs {
			v, found := p.cell(r)
			if !found {
				p.checks = append(p.checks, linkCheck{v: -1, problem: Problem{Row: r.row, Column: r.col,
					Err: fmt.Errorf("%w: link %s: no such cell in %s", ErrUnknown, quote.Bounded(name), p.names[r.stmt])}})
				ok = false
				continue
			}
			if p.stmts[r.stmt].cellsOnly {
				p.checks = append(p.checks, linkCheck{v: v, row: r.row, col: r.col})
			}
			p.buf = append(p.buf, bounds.Term{Var: int(v), Negative: r.negative != (k == 1)})
		}
	}
	if !ok {
		p.buf = p.buf[:x.start]
		return
	}
	x.end = len(p.buf)
	f := Finding{Kind: LinkBroken, Rule: name}
	if first := append(append([]cellRef(nil), left...), right...); len(first) > 0 {
		r := first[0]
		t := p.stmts[r.stmt].t
		f.Statement, f.Row, f.Column = p.names[r.stmt], r.row, r.col
		f.Label = t.label(t.rowIndex[r.row])
	}
	p.links = append(p.links, len(p.ids))
	p.ids = append(p.ids, x)
	p.fs = append(p.fs, f)
}

// lazyCells returns the cells of s, each lazyVar, but noVar for those that
// hold no amount.
func lazyCells(s *Statement) []int32 {
	t := s.t
	vars := make([]int32, len(t.form.Rows)*len(t.form.Columns))
	for i, row := range t.form.Rows {
		for c, col := range t.form.Columns {
			vars[i*len(t.form.Columns)+c] = lazyVar
			if row.Kind == Header || col.Kind == Text {
				vars[i*len(t.form.Columns)+c] = noVar
			}
		}
	}
	return vars
}

// cell returns the variable of the cell r names, adding the variable of a
// lazy cell.
func (p *plan) cell(r cellRef) (int32, bool) {
	st := &p.stmts[r.stmt]
	i, ok := st.t.lookup(r.row)
	if !ok {
		return 0, false
	}
	c, ok := st.t.colIndex[r.col]
	if !ok {
		return 0, false
	}
	k := i*len(st.t.form.Columns) + c
	v := st.cells[k]
	if v == lazyVar {
		v = p.addVar(r.stmt, k)
		st.cells[k] = v
	}
	return v, v >= 0
}

// compile adds every identity that is not judged as printed as an
// equation. It returns the problem of a link that names one cell twice;
// those of cells that links name and the statements lack are fill's.
func (p *plan) compile() error {
	p.eqs = make([]int32, len(p.ids))
	for k, id := range p.ids {
		if id.printed {
			p.eqs[k] = -1
			continue
		}
		e, err := p.sys.AddEquation(p.buf[id.start:id.end]...)
		if err != nil {
			// Terms are distinct cells by construction, except where a
			// link names one cell on both sides.
			f := &p.fs[k]
			return &Error{Source: f.Statement, Problems: []Problem{{Row: f.Row, Column: f.Column,
				Err: fmt.Errorf("%w: %s names a cell twice", ErrDuplicate, firstNonEmpty(f.Rule, f.Label))}}}
		}
		if id.late {
			p.sys.Late(e)
		}
		p.eqs[k] = int32(e)
		p.ideq = append(p.ideq, int32(k))
	}
	return nil
}

// solve fills the plan with the figures of stmts and solves it, making the
// plan's system first if no verification has; a plan made without problems
// is then kept by the template by, for the next verification of its shape.
// A problem of the figures (see fill) comes before one of the plan.
func (p *plan) solve(stmts []*Statement, by *Template) (*joint, error) {
	p.once.Do(func() {
		if p.err = p.compile(); p.err == nil && by != nil {
			by.plans.keep(p)
		}
	})
	j, err := p.fill(stmts)
	if err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, p.err
	}
	sol, err := p.sys.SolveIn(j.box)
	if err != nil {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: %v", ErrRange, err)}}}
	}
	j.sol = sol
	return j, nil
}

// A joint is one verification under rounding: a plan filled with the
// figures of the statements judged together, and its solution.
type joint struct {
	p     *plan
	stmts []*Statement
	box   []bounds.Interval // per variable: the exact yen its figure stands for
	vals  []int64           // per variable: its figure in whole yen, 0 for none
	valid []bool            // per variable: whether it has a figure
	// Of statements with figures lost in printing (see lostCells): per
	// identity, whether it names one, and per statement, the first
	// identity of each; nil when no figure is lost.
	lost  []bool
	blank [][]int
	sol   *bounds.Solution
}

// fill fills p with the figures of stmts, one for each of p's statements.
// A figure that is not whole yen, or beyond ±10^18 yen, is
// an *Error wrapping ErrRange naming its row and column; so is a cell that
// a link names and the statements lack, with ErrUnknown.
func (p *plan) fill(stmts []*Statement) (*joint, error) {
	nv := len(p.at)
	j := &joint{p: p, stmts: stmts, box: make([]bounds.Interval, nv), vals: make([]int64, nv), valid: make([]bool, nv)}
	var ps problems
	// The cells the form leaves blank are judged as nothing.
	as := make([]*Statement, len(stmts))
	for k, s := range stmts {
		if s != nil {
			as[k] = s.ready().judged()
		}
	}
	for k := range p.stmts {
		st := &p.stmts[k]
		if st.cellsOnly {
			continue
		}
		s := as[k]
		t := st.t
		unit := pow10[s.meta.Unit.Exp()]
		exact := s.meta.Exact || unit == 1
		lost := s.lostCells()
		ncol := len(t.form.Columns)
		for v := st.from; v < st.to; v++ {
			cell := int(p.at[v].cell)
			a := s.cells[cell]
			var y int64
			whole := true
			if a.valid {
				y, whole = a.wholeYen()
			}
			j.vals[v], j.valid[v] = y, a.valid
			row := &t.form.Rows[cell/ncol]
			switch {
			case !whole:
				ps.addf(0, rowRef(cell/ncol, *row), t.form.Columns[cell%ncol].Name, ErrRange, "%s is not a whole number of yen within ±10^18", a.dec())
			case st.free[cell] || lost != nil && lost[cell]:
				j.box[v] = bounds.Unbounded()
			case !a.valid:
				// j.box[v] is 0: 該当なし is exactly nothing.
			case exact || y%unit != 0:
				j.box[v] = bounds.Exact(y)
			default:
				iv, err := bounds.Printed(y/unit, unit, s.meta.Rounding)
				if err != nil {
					ps.addf(0, rowRef(cell/ncol, *row), t.form.Columns[cell%ncol].Name, ErrRange, "%v", err)
				}
				j.box[v] = iv
			}
		}
		if lost != nil {
			j.loseFigures(k, lost)
		}
	}
	for _, c := range p.checks {
		if c.v < 0 {
			ps.list = append(ps.list, c.problem)
			continue
		}
		at := p.at[c.v]
		a := as[at.stmt].cells[at.cell]
		y, whole := int64(0), true
		if a.valid {
			y, whole = a.wholeYen()
		}
		if !whole {
			ps.addf(0, c.row, c.col, ErrRange, "%s is not a whole number of yen within ±10^18", a.dec())
			continue
		}
		j.vals[c.v], j.valid[c.v], j.box[c.v] = y, a.valid, bounds.Exact(y)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return j, nil
}

// loseFigures notes the identities of statement k that name a figure
// lost in printing, lost by cell: an identity naming one holds for some
// amount of it, which the lost figure's own BlankFigure finding reports,
// and is reported only if it is violated nonetheless.
func (j *joint) loseFigures(k int, lost []bool) {
	p := j.p
	if j.lost == nil {
		j.lost = make([]bool, len(p.ids))
		j.blank = make([][]int, len(p.stmts))
	}
	span := p.stmts[k].span
	blank := map[int32]bool{}
	for x := span[0]; x < span[1]; x++ {
		id := &p.ids[x]
		for n, t := range p.buf[id.start:id.end] {
			cell := p.at[t.Var].cell
			if !lost[cell] {
				continue
			}
			j.lost[x] = true
			if n == 0 && !blank[cell] {
				blank[cell] = true
				j.blank[k] = append(j.blank[k], x)
			}
		}
	}
}

// sum returns the sum of the printed figures of terms, negated if negate,
// and whether one of them has a figure; ok is false when the sum may not
// fit an int64, which sums beyond ±4·10^18 yen are taken for.
func (j *joint) sum(terms []bounds.Term, negate bool) (sum int64, valid, ok bool) {
	for _, t := range terms {
		if !j.valid[t.Var] {
			continue
		}
		valid = true
		if t.Negative != negate {
			sum -= j.vals[t.Var]
		} else {
			sum += j.vals[t.Var]
		}
		if sum > maxYen*4 || sum < -maxYen*4 {
			return 0, true, false
		}
	}
	return sum, valid, true
}

// printed returns, of identity k, what its printed figures give on each
// side, Got and Want as its finding shows them, and whether they agree as
// printed, as format.Cell.Equal says; presence is whether one side has a
// figure and the other none, where that is known.
func (j *joint) printed(k int) (equal, presence bool) {
	p := j.p
	id := &p.ids[k]
	gotTerms, wantTerms, negate := id.sides(p.buf)
	got, gotValid, ok1 := j.sum(gotTerms, !negate)
	want, wantValid, ok2 := j.sum(wantTerms, negate)
	if !gotValid && id.stmt >= 0 && p.stmts[id.stmt].t.form.ZeroSums {
		got, gotValid = 0, true
	}
	presence = gotValid != wantValid && !id.unknown && (j.lost == nil || !j.lost[k])
	if !ok1 || !ok2 {
		f := j.figures(k)
		return f.Got.Equal(f.Want), presence
	}
	return gotValid == wantValid && got == want, presence
}

// figures returns identity k's finding with the figures its sides give
// as printed.
func (j *joint) figures(k int) Finding {
	p := j.p
	id, f := &p.ids[k], p.fs[k]
	if id.stmt < 0 {
		gotTerms, wantTerms, _ := id.sides(p.buf)
		f.Got, f.Want = j.side(gotTerms, false), j.side(wantTerms, true)
		f.Unit = j.stmts[p.at[p.buf[id.start].Var].stmt].meta.Unit
		return f
	}
	s := j.stmts[id.stmt]
	f.Unit = s.meta.Unit
	head := p.buf[id.start].Var
	terms := p.buf[id.start+1 : id.end]
	f.Want = j.cell(head)
	sum, valid, ok := j.sum(terms, true)
	switch {
	case !ok:
		f.Got = signedSum(len(terms), func(n int) (format.Cell, bool) { return j.cell(terms[n].Var), !terms[n].Negative })
	case valid && j.valid[head] && sum == j.vals[head]:
		f.Got = f.Want // as printed: share its amount
	case valid:
		f.Got = format.CellOf(decimal.NewFromInt(sum))
	}
	if !f.Got.Valid && s.t.form.ZeroSums {
		f.Got = format.CellOf(decimal.Zero)
	}
	return f
}

// side returns what the cells of one side of a link give: the cell itself
// for a side of one cell added, else their sum; right says the side's
// terms are negated in the equation.
func (j *joint) side(terms []bounds.Term, right bool) format.Cell {
	if len(terms) == 1 && terms[0].Negative == right {
		return j.cell(terms[0].Var)
	}
	return signedSum(len(terms), func(n int) (format.Cell, bool) { return j.cell(terms[n].Var), terms[n].Negative != right })
}

// cell returns the printed figure of variable v.
func (j *joint) cell(v int) format.Cell {
	at := j.p.at[v]
	return j.stmts[at.stmt].cells[at.cell].cell()
}

// verdict returns the verdict of identity k, and whether it is one to
// report: a hidden row's identity, and one that names a figure lost in
// printing, is reported only when it is not proven to hold.
func (j *joint) verdict(k int) (Verdict, bool) {
	p := j.p
	id := &p.ids[k]
	equal, presence := j.printed(k)
	report := !id.hidden && (j.lost == nil || !j.lost[k])
	if id.printed {
		// Computed from the printed figures: it holds as printed or not
		// at all.
		switch {
		case equal:
			return Exact, report
		case id.implied && !presence:
			return WithinRounding, report
		}
		return Violation, true
	}
	var v Verdict
	switch e := p.eqs[k]; {
	case j.sol.Verdicts[e] == bounds.Violated:
		v = Violation
	case j.sol.Verdicts[e] == bounds.Undecided:
		v = Undecided
	case presence:
		v = Violation
	case equal:
		v = Exact
	default:
		v = WithinRounding
	}
	return v, report || v == Violation || v == Undecided
}

// finding returns the finding of identity k, of verdict v, with its
// figures, its Range and, for a violation, its Excess and Certificate.
func (j *joint) finding(k int, v Verdict) Finding {
	p := j.p
	id, f := &p.ids[k], j.figures(k)
	f.Verdict = v
	if id.printed {
		f.Range = Range{Lo: f.Got.Amount, Hi: f.Got.Amount}
		if v == Violation {
			f.Excess = f.Got.Amount.Sub(f.Want.Amount).Abs()
			f.Certificate = j.printedCertificate(k, &f)
		}
		return f
	}
	if e := p.eqs[k]; j.sol.Verdicts[e] == bounds.Violated {
		f.Certificate = j.certificate(j.sol.Certificates[e], nil)
		f.Excess = f.Certificate.Excess
	}
	if v == Exact {
		return f
	}
	got, _, negate := id.sides(p.buf)
	if iv, err := bounds.SumIn(j.box, got); err == nil { // the sum was checked when the system was solved
		if negate {
			iv = iv.Neg()
		}
		f.Range = rangeOf(iv)
	}
	return f
}

// blankFindings returns the BlankFigure finding of each cell of statement
// k lost in printing, with the exact yen its terms' figures stand for.
func (j *joint) blankFindings(k int) []Finding {
	if j.blank == nil {
		return nil
	}
	var fs []Finding
	for _, x := range j.blank[k] {
		f, id := j.figures(x), &j.p.ids[x]
		f.Kind, f.Verdict, f.Want = BlankFigure, Violation, format.Cell{}
		got, _, negate := id.sides(j.p.buf)
		if iv, err := bounds.SumIn(j.box, got); err == nil {
			if negate {
				iv = iv.Neg()
			}
			f.Range = rangeOf(iv)
		}
		fs = append(fs, f)
	}
	return fs
}

// printedCertificate is the certificate of an identity judged as printed:
// itself, over its printed figures as they are.
func (j *joint) printedCertificate(k int, f *Finding) *Certificate {
	id := &j.p.ids[k]
	c := &Certificate{Identities: []CertifiedIdentity{j.certified(k, 1)}, Excess: f.Excess}
	diff := f.Got.Amount.Sub(f.Want.Amount).Neg()
	c.Sum = Range{Lo: diff, Hi: diff}
	for _, t := range j.p.buf[id.start:id.end] {
		times := int64(1)
		if t.Negative {
			times = -1
		}
		fig := j.figure(int32(t.Var), times, nil)
		if fig.Printed.Valid {
			fig.Range = Range{Lo: fig.Printed.Amount, Hi: fig.Printed.Amount}
			c.Figures = append(c.Figures, fig)
		}
	}
	return c
}

// certificate turns a certificate of the engine into one that names
// identities and cells; assume holds the cases of the splits above it.
func (j *joint) certificate(c *bounds.Certificate, assume map[int]bounds.Interval) *Certificate {
	if c == nil {
		return nil
	}
	if sp := c.Split; sp != nil {
		out := &Split{Figure: j.figure(int32(sp.Var), 0, assume), At: decimal.NewFromInt(sp.At)}
		for k, half := range []bounds.Interval{{Lo: bounds.NegInf, Hi: sp.At}, {Lo: sp.At + 1, Hi: bounds.PosInf}} {
			a := make(map[int]bounds.Interval, len(assume)+1)
			for v, iv := range assume {
				a[v] = iv
			}
			if old, ok := a[sp.Var]; ok {
				half = bounds.Interval{Lo: max(old.Lo, half.Lo), Hi: min(old.Hi, half.Hi)}
			}
			a[sp.Var] = half
			child := j.certificate([]*bounds.Certificate{sp.Below, sp.Above}[k], a)
			if k == 0 {
				out.Below = child
			} else {
				out.Above = child
			}
		}
		return &Certificate{Split: out}
	}
	out := &Certificate{Sum: rangeOf(c.Sum), Excess: decimal.NewFromInt(c.Excess)}
	for _, x := range c.Equations {
		out.Identities = append(out.Identities, j.certified(int(j.p.ideq[x.Index]), x.Times))
	}
	for _, x := range c.Vars {
		out.Figures = append(out.Figures, j.figure(int32(x.Index), x.Times, assume))
	}
	return out
}

// certified names identity k of a certificate, taken times times.
func (j *joint) certified(k int, times int64) CertifiedIdentity {
	f := &j.p.fs[k]
	return CertifiedIdentity{Kind: f.Kind, Statement: f.Statement, Row: f.Row, Label: f.Label, Column: f.Column,
		Rule: f.Rule, Times: times}
}

// figure names the cell of variable v, taken times times, with the exact
// yen it stands for narrowed by assume.
func (j *joint) figure(v int32, times int64, assume map[int]bounds.Interval) CertifiedFigure {
	at := j.p.at[v]
	s := j.stmts[at.stmt]
	t := j.p.stmts[at.stmt].t
	ncol := len(t.form.Columns)
	i, c := int(at.cell)/ncol, int(at.cell)%ncol
	iv := j.box[v]
	if a, ok := assume[int(v)]; ok {
		iv = bounds.Interval{Lo: max(iv.Lo, a.Lo), Hi: min(iv.Hi, a.Hi)}
	}
	return CertifiedFigure{Statement: j.p.names[at.stmt], Row: t.form.Rows[i].Key, Label: t.label(i),
		Column: t.form.Columns[c].Name, Times: times, Printed: s.cells[at.cell].cell(), Unit: s.meta.Unit, Range: rangeOf(iv)}
}

// variable returns the variable of the cell row, column of statement k,
// or lazyVar for an exact figure that no identity names, with the cell.
func (j *joint) variable(k int, row, column string) (int32, format.Cell, bool) {
	s := j.stmts[k]
	i, c, ok := s.index(row, column)
	if !ok {
		return 0, format.Cell{}, false
	}
	cell := i*len(s.t.form.Columns) + c
	v := j.p.stmts[k].cells[cell]
	if v == noVar {
		return 0, format.Cell{}, false
	}
	return v, s.cells[cell].cell(), true
}

// plans keeps the plans made for what a template's statements begin: a
// statement of it verified alone, or books whose first statement is of it.
// Lookups take no lock; a template keeps at most maxPlans, the newest.
type plans struct {
	mu   sync.Mutex
	list atomic.Pointer[[]*plan]
}

// maxPlans bounds the plans a template keeps.
const maxPlans = 8

// find returns the plan that fits, or nil.
func (ps *plans) find(fits func(*plan) bool) *plan {
	if l := ps.list.Load(); l != nil {
		for _, p := range *l {
			if fits(p) {
				return p
			}
		}
	}
	return nil
}

// keep adds p, dropping the oldest plan if there are maxPlans. Two
// verifications of a new shape may each make a plan: the first kept
// stays.
func (ps *plans) keep(p *plan) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	var l []*plan
	if old := ps.list.Load(); old != nil {
		l = *old
	}
	for _, q := range l {
		if q.same(p) {
			return
		}
	}
	if len(l) == maxPlans {
		l = l[1:]
	}
	l = append(slices.Clip(l), p)
	ps.list.Store(&l)
}
