package statement

import (
	"fmt"

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
	name := s.t.form.name()
	j := &joint{}
	j.grow([]*Statement{s}, nil)
	j.addStatement(s, name, false)
	if err := j.solve(); err != nil {
		return nil, err
	}
	v := &Verification{joint: j, index: map[string]int{name: 0}}
	v.Findings = append(v.Findings, j.blankFindings(0)...)
	for k := range j.ids {
		if f, ok := j.finding(k, false); ok {
			v.add(f)
		}
	}
	return v, nil
}

// maxAmount bounds the figures the rounded checks take: far beyond any
// budget, and far enough from the int64 range that sums of many of them
// stay inside it.
var maxAmount = decimal.New(1, 18)

// A joint is the work of one verification under rounding: statements
// judged together, each of their amount cells a variable of one
// bounds.System, each identity an equation of it: the statements' own,
// in the order Verify checks them, then the links between their cells.
type joint struct {
	stmts []*Statement
	names []string  // how findings name each statement
	cells [][]int32 // per statement, per cell: its variable, noVar or lazyVar
	at    []cellAt  // per variable: its cell
	spans [][2]int  // per statement: its own identities, ids[from:to]
	blank [][]int   // per statement: the first identity of each cell lost in printing
	links []int     // per link added: its identity
	sys   bounds.System
	ids   []judged
	fs    []Finding // per identity: its finding, before the verdict
	buf   []bounds.Term
	ps    problems
	sol   *bounds.Solution
	eqs   []int32 // per identity: its equation, -1 for one judged as printed
	ideq  []int32 // per equation: its identity
}

// The variable of a cell that has none: a header row's or a text
// column's, and, in a statement added as cells only, one that no link has
// named yet.
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
	printed    bool // judged on the printed figures alone: in no equation
	implied    bool // and implied by others: within rounding at worst
	late       bool // likely implied by the others: see bounds.System.Late
	start, end int  // its equation, head − terms or Left − Right, in the term buffer
	side       int  // the terms whose sum Range shows: the last side of them, or the first −side
	presence   bool // 該当なし on one side only
	report     bool // false for a hidden row's identity
}

// sideOf returns the terms whose sum Range shows, and whether their sum is
// to be negated.
func (x *judged) sideOf(buf []bounds.Term) ([]bounds.Term, bool) {
	if x.side < 0 {
		return buf[x.start : x.start-x.side], false
	}
	return buf[x.end-x.side : x.end], true
}

// grow makes room for the cells and identities of the statements whole
// will hold with their identities, and for links, so that adding them
// does not allocate again.
func (j *joint) grow(whole []*Statement, links []Link) {
	n, terms, cells := len(links), 0, 0
	for _, l := range links {
		terms += len(l.Left) + len(l.Right)
	}
	cells = terms // at most, the lazy cells the links name
	for _, s := range whole {
		s = s.ready()
		cells += len(s.cells)
		a, b := s.t.identities()
		n, terms = n+a, terms+b
	}
	j.sys.Grow(cells, n, terms)
	j.at = make([]cellAt, 0, cells)
	j.ids = make([]judged, 0, n)
	j.fs = make([]Finding, 0, n)
	j.buf = make([]bounds.Term, 0, terms)
}

// addStatement adds s, named name in findings, with its identities; or,
// with cellsOnly, only as cells that links may name, each a variable of
// its exact figure once one does: of a statement printed exactly, with no
// hidden row and no recomputed column, whose identities narrow nothing and
// are checked otherwise.
func (j *joint) addStatement(s *Statement, name string, cellsOnly bool) {
	k := len(j.stmts)
	s = s.ready()
	j.stmts = append(j.stmts, s)
	j.names = append(j.names, name)
	j.blank = append(j.blank, nil)
	from := len(j.ids)
	if cellsOnly {
		j.cells = append(j.cells, lazyCells(s))
	} else {
		j.ps.source = name
		cells, vals := j.addCells(k, s)
		j.cells = append(j.cells, cells)
		if len(j.ps.list) == 0 {
			j.addIdentities(k, vals)
		}
		j.ps.source = ""
	}
	j.spans = append(j.spans, [2]int{from, len(j.ids)})
}

// addCells adds a variable for every amount cell of statement k and
// returns them by cell, with each cell's figure in whole yen (0 for
// 該当なし).
func (j *joint) addCells(k int, s *Statement) ([]int32, []int64) {
	t := s.t
	ncol := len(t.form.Columns)
	vars := make([]int32, len(t.form.Rows)*ncol)
	vals := make([]int64, len(vars))
	unit := pow10[s.meta.Unit.Exp()]
	exact := s.meta.Exact || unit == 1
	recomputed := s.recomputed()
	lost := s.lostCells()
	for i, row := range t.form.Rows {
		for c, col := range t.form.Columns {
			cell := i*ncol + c
			vars[cell] = noVar
			if row.Kind == Header || col.Kind == Text {
				continue
			}
			derived := recomputed[c] && (col.Kind == Computed || t.formulas[i] != nil)
			a := s.cells[cell]
			var iv bounds.Interval
			v, whole := int64(0), true
			if a.valid {
				v, whole = a.wholeYen()
			}
			vals[cell] = v
			switch {
			case !whole:
				j.ps.addf(0, rowRef(i, row), col.Name, ErrRange, "%s is not a whole number of yen within ±10^18", a.dec())
				continue
			case row.Hidden || derived || lost != nil && lost[cell]:
				// Not printed, printed from other figures, or lost in
				// printing: any amount.
				iv = bounds.Unbounded()
			case !a.valid:
				iv = bounds.Exact(0)
			case exact || v%unit != 0:
				iv = bounds.Exact(v)
			default:
				var err error
				if iv, err = bounds.Printed(v/unit, unit, s.meta.Rounding); err != nil {
					j.ps.addf(0, rowRef(i, row), col.Name, ErrRange, "%v", err)
					continue
				}
			}
			vars[cell] = j.addVar(iv, k, cell)
		}
	}
	return vars, vals
}

func (j *joint) addVar(iv bounds.Interval, k, cell int) int32 {
	j.at = append(j.at, cellAt{int32(k), int32(cell)})
	return int32(j.sys.AddVar(iv))
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

// addIdentities adds the identities of statement k, in Verify's order,
// with their equations in buf; vals holds its figures in whole yen.
func (j *joint) addIdentities(k int, vals []int64) {
	s := j.stmts[k]
	t := s.t
	ncol := len(t.form.Columns)
	sc := &identityScope{j: j, k: k, s: s, vals: vals, recomputed: s.recomputed(), lost: s.lostCells(),
		blank: map[int]bool{}, cells: make([]format.Cell, len(s.cells)), made: make([]bool, len(s.cells))}
	if sc.lost == nil {
		sc.lost = make([]bool, len(s.cells)) // no cell lost
	}
	for i, row := range t.form.Rows {
		for c, col := range t.form.Columns {
			if t.formulas[i] != nil && col.Kind != Text {
				sc.add(i, c, t.formulas[i], t.rowRules[i], true, t.rowTerms[i], c, ncol)
			}
			if row.Kind != Header && col.Kind == Computed {
				sc.add(i, c, col.Formula, t.colRules[c], false, t.colTerms[c], i*ncol, 1)
			}
		}
	}
}

// An identityScope is what the identities of one statement of a joint
// share: its cells' figures, which cells are lost in printing or
// recomputed, and the decimals of its figures, each made once (a cell is
// the figure of up to two identities, and decimals are never changed in
// place).
type identityScope struct {
	j          *joint
	k          int // the statement's index
	s          *Statement
	vals       []int64 // per cell: its figure in whole yen, 0 for none
	recomputed []bool  // per column
	lost       []bool  // per cell
	blank      map[int]bool
	cells      []format.Cell
	made       []bool
}

// cell returns the printed figure of cell c.
func (sc *identityScope) cell(c int) format.Cell {
	if !sc.made[c] {
		sc.cells[c], sc.made[c] = sc.s.cells[c].cell(), true
	}
	return sc.cells[c]
}

// add adds the identity of the cell in row i, column c: f, whose k-th
// term is the cell base + terms[k]·step, as the equation head − terms.
func (sc *identityScope) add(i, c int, f Formula, rule string, byRow bool, terms []int, base, step int) {
	j, t := sc.j, sc.s.t
	head := i*len(t.form.Columns) + c
	x := judged{report: !t.form.Rows[i].Hidden, start: len(j.buf), side: len(f)}
	vars := j.cells[sc.k]
	j.buf = append(j.buf, bounds.Term{Var: int(vars[head])})
	unknown := false // a term not printed, or lost in printing
	for n, term := range f {
		cell := base + terms[n]*step
		j.buf = append(j.buf, bounds.Term{Var: int(vars[cell]), Negative: !term.Negative})
		unknown = unknown || t.form.Rows[cell/len(t.form.Columns)].Hidden || sc.lost[cell]
	}
	x.end = len(j.buf)
	got, want := sc.sum(f, terms, base, step, head), sc.cell(head)
	// Whether an unknown term has a figure is unknown: only its interval
	// judges the identity.
	x.presence = got.Valid != want.Valid && !unknown && !sc.lost[head]
	if sc.lost[head] && !sc.blank[head] {
		sc.blank[head] = true
		j.blank[sc.k] = append(j.blank[sc.k], len(j.ids))
	}
	// An identity naming a figure lost in printing holds for some amount
	// of it, which the lost figure's own finding reports: it is reported
	// only if it is violated nonetheless.
	if sc.lost[head] {
		x.report = false
	}
	for n := range terms {
		if sc.lost[base+terms[n]*step] {
			x.report = false
		}
	}
	x.printed = sc.recomputed[c] && !t.form.Rows[i].Hidden
	// A total of a recomputed computed column follows from the column's
	// formula on each row and the totals of the columns it refers to; as
	// printed it may be off by their rounding.
	x.implied = x.printed && byRow && t.form.Columns[c].Kind == Computed
	// A computed column's cell on a total row is also the total of the
	// cells above it: the rows' identities and the column's on the rows
	// they sum imply this one.
	x.late = !byRow && t.formulas[i] != nil
	j.fs = append(j.fs, Finding{Kind: IdentityBroken, Statement: j.names[sc.k], Row: t.form.Rows[i].Key, Label: t.label(i),
		Column: t.form.Columns[c].Name, Rule: rule, Got: got, Want: want, Unit: sc.s.meta.Unit})
	j.ids = append(j.ids, x)
}

// sum returns what the printed terms of f give, as Verify computes it:
// in int64 while it fits, sharing the head's decimal when they give it.
func (sc *identityScope) sum(f Formula, terms []int, base, step, head int) format.Cell {
	var sum int64
	valid := false
	for n, term := range f {
		cell := base + terms[n]*step
		if !sc.s.cells[cell].valid {
			continue
		}
		valid = true
		v := sc.vals[cell]
		if term.Negative {
			v = -v
		}
		if sum += v; sum > maxYen*4 || sum < -maxYen*4 {
			// The int64 sum may overflow: sum in decimal.
			got := signedSum(len(f), func(n int) (format.Cell, bool) { return sc.cell(base + terms[n]*step), f[n].Negative })
			if !got.Valid && sc.s.t.form.ZeroSums {
				got = format.CellOf(decimal.Zero)
			}
			return got
		}
	}
	switch {
	case valid && sc.s.cells[head].valid && sum == sc.vals[head]:
		return sc.cell(head) // as printed: share its amount
	case valid:
		return format.CellOf(decimal.NewFromInt(sum))
	case sc.s.t.form.ZeroSums:
		return format.CellOf(decimal.Zero)
	}
	return format.Cell{}
}

// identities returns the number of identities of t's form, as Verify
// checks them, and the number of terms of their equations.
func (t *Template) identities() (n, terms int) {
	for i, row := range t.form.Rows {
		for _, col := range t.form.Columns {
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

// A cellRef names a cell of a joint's statements for a link.
type cellRef struct {
	stmt     int
	row, col string
	negative bool
}

// addLink adds the link name, Left − Right = 0, whose finding names the
// link's first cell. A cell that does not exist is a problem.
func (j *joint) addLink(name string, left, right []cellRef) {
	x := judged{report: true, start: len(j.buf), side: -len(left)}
	ok := true
	side := func(refs []cellRef, right bool) format.Cell {
		var cells []format.Cell
		for _, r := range refs {
			v, c, found := j.cell(r)
			if !found {
				j.ps.addf(0, r.row, r.col, ErrUnknown, "link %s: no such cell in %s", quote.Bounded(name), j.names[r.stmt])
				ok = false
				continue
			}
			j.buf = append(j.buf, bounds.Term{Var: int(v), Negative: r.negative != right})
			if len(refs) == 1 && !r.negative {
				return c // most sides are one cell: its sum is itself
			}
			cells = append(cells, c)
		}
		return signedSum(len(cells), func(k int) (format.Cell, bool) { return cells[k], refs[k].negative })
	}
	got, want := side(left, false), side(right, true)
	if !ok {
		j.buf = j.buf[:x.start]
		return
	}
	x.end = len(j.buf)
	x.presence = got.Valid != want.Valid
	f := Finding{Kind: LinkBroken, Rule: name, Got: got, Want: want}
	if first := append(append([]cellRef(nil), left...), right...); len(first) > 0 {
		r := first[0]
		s := j.stmts[r.stmt]
		f.Statement, f.Row, f.Column, f.Unit = j.names[r.stmt], r.row, r.col, s.meta.Unit
		f.Label = s.t.label(s.t.rowIndex[r.row])
	}
	j.links = append(j.links, len(j.ids))
	j.ids = append(j.ids, x)
	j.fs = append(j.fs, f)
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

// cell returns the variable and the printed cell r names, adding the
// variable of a lazy cell.
func (j *joint) cell(r cellRef) (int32, format.Cell, bool) {
	s := j.stmts[r.stmt]
	i, c, ok := s.index(r.row, r.col)
	if !ok {
		return 0, format.Cell{}, false
	}
	k := i*len(s.t.form.Columns) + c
	v := j.cells[r.stmt][k]
	if v == lazyVar {
		a := s.cells[k]
		y, whole := int64(0), true
		if a.valid {
			y, whole = a.wholeYen()
		}
		if !whole {
			j.ps.addf(0, r.row, r.col, ErrRange, "%s is not a whole number of yen within ±10^18", a.dec())
			return 0, format.Cell{}, false
		}
		v = j.addVar(bounds.Exact(y), r.stmt, k)
		j.cells[r.stmt][k] = v
	}
	if v < 0 {
		return 0, format.Cell{}, false
	}
	return v, s.cells[k].cell(), true
}

// solve adds every identity that is not judged as printed as an equation
// and decides them all.
func (j *joint) solve() error {
	if err := j.ps.err(); err != nil {
		return err
	}
	j.eqs = make([]int32, len(j.ids))
	for k, id := range j.ids {
		if id.printed {
			j.eqs[k] = -1
			continue
		}
		e, err := j.sys.AddEquation(j.buf[id.start:id.end]...)
		if err != nil {
			// Terms are distinct cells by construction, except where a
			// link names one cell on both sides.
			f := &j.fs[k]
			return &Error{Source: f.Statement, Problems: []Problem{{Row: f.Row, Column: f.Column,
				Err: fmt.Errorf("%w: %s names a cell twice", ErrDuplicate, firstNonEmpty(f.Rule, f.Label))}}}
		}
		if id.late {
			j.sys.Late(e)
		}
		j.eqs[k] = int32(e)
		j.ideq = append(j.ideq, int32(k))
	}
	sol, err := j.sys.Solve()
	if err != nil {
		return &Error{Problems: []Problem{{Err: fmt.Errorf("%w: %v", ErrRange, err)}}}
	}
	j.sol = sol
	return nil
}

// finding returns the finding of identity k with its verdict, and whether
// it is one to report: a hidden row's identity is reported only when it is
// not proven to hold. A finding within rounding gets its Range unless
// skipWithin.
func (j *joint) finding(k int, skipWithin bool) (Finding, bool) {
	id, f := &j.ids[k], j.fs[k]
	if id.printed {
		// Computed from the printed figures: it holds as printed or not
		// at all.
		f.Range = Range{Lo: f.Got.Amount, Hi: f.Got.Amount}
		switch {
		case f.Got.Equal(f.Want):
			f.Verdict = Exact
		case id.implied && !id.presence:
			f.Verdict = WithinRounding
		default:
			f.Verdict, f.Excess = Violation, f.Got.Amount.Sub(f.Want.Amount).Abs()
			f.Certificate = j.printedCertificate(k, &f)
		}
		return f, id.report || f.Verdict == Violation
	}
	e := j.eqs[k]
	switch {
	case j.sol.Verdicts[e] == bounds.Violated:
		f.Verdict, f.Certificate = Violation, j.certificate(j.sol.Certificates[e], nil)
		f.Excess = f.Certificate.Excess
	case j.sol.Verdicts[e] == bounds.Undecided:
		f.Verdict = Undecided
	case id.presence:
		f.Verdict = Violation
	case f.Got.Equal(f.Want):
		f.Verdict = Exact
	default:
		f.Verdict = WithinRounding
	}
	if !id.report && f.Verdict != Violation && f.Verdict != Undecided {
		return f, false
	}
	if f.Verdict == Exact || f.Verdict == WithinRounding && skipWithin {
		return f, true
	}
	side, negate := id.sideOf(j.buf)
	iv, err := j.sys.SumOf(side)
	if err == nil { // the sum was checked when the system was solved
		if negate {
			iv = iv.Neg()
		}
		f.Range = rangeOf(iv)
	}
	return f, true
}

// blankFindings returns the BlankFigure finding of each cell of statement
// k lost in printing, with the exact yen its terms' figures stand for.
func (j *joint) blankFindings(k int) []Finding {
	var fs []Finding
	for _, x := range j.blank[k] {
		f, id := j.fs[x], &j.ids[x]
		f.Kind, f.Verdict, f.Want = BlankFigure, Violation, format.Cell{}
		side, negate := id.sideOf(j.buf)
		if iv, err := j.sys.SumOf(side); err == nil {
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
	id := &j.ids[k]
	c := &Certificate{Identities: []CertifiedIdentity{j.certified(k, 1)}, Excess: f.Excess}
	diff := f.Got.Amount.Sub(f.Want.Amount).Neg()
	c.Sum = Range{Lo: diff, Hi: diff}
	for _, t := range j.buf[id.start:id.end] {
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
		out.Identities = append(out.Identities, j.certified(int(j.ideq[x.Index]), x.Times))
	}
	for _, x := range c.Vars {
		out.Figures = append(out.Figures, j.figure(int32(x.Index), x.Times, assume))
	}
	return out
}

// certified names identity k of a certificate, taken times times.
func (j *joint) certified(k int, times int64) CertifiedIdentity {
	f := &j.fs[k]
	return CertifiedIdentity{Kind: f.Kind, Statement: f.Statement, Row: f.Row, Label: f.Label, Column: f.Column,
		Rule: f.Rule, Times: times}
}

// figure names the cell of variable v, taken times times, with the exact
// yen it stands for narrowed by assume.
func (j *joint) figure(v int32, times int64, assume map[int]bounds.Interval) CertifiedFigure {
	at := j.at[v]
	s := j.stmts[at.stmt]
	ncol := len(s.t.form.Columns)
	i, c := int(at.cell)/ncol, int(at.cell)%ncol
	iv := j.sys.Var(int(v))
	if a, ok := assume[int(v)]; ok {
		iv = bounds.Interval{Lo: max(iv.Lo, a.Lo), Hi: min(iv.Hi, a.Hi)}
	}
	return CertifiedFigure{Statement: j.names[at.stmt], Row: s.t.form.Rows[i].Key, Label: s.t.label(i),
		Column: s.t.form.Columns[c].Name, Times: times, Printed: s.cells[at.cell].cell(), Unit: s.meta.Unit, Range: rangeOf(iv)}
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
	v := j.cells[k][cell]
	if v == noVar {
		return 0, format.Cell{}, false
	}
	return v, s.cells[cell].cell(), true
}
