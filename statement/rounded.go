package statement

import (
	"fmt"
	"strings"

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
// as a Joint of s alone is (see Joint.Verify for what the verdicts
// prove), except that VerifyRounded does not search for a proof: for a
// statement whose columns are all inputs the verdict is a proof anyway;
// for one with computed columns, use a Joint to learn whether it is.
//
// It returns one Finding for each identity of a printed row, in the order
// Verify uses: Exact when the printed figures agree as printed,
// WithinRounding when they do not but exact figures they stand for do,
// Violation with its Excess otherwise. A correctly rounded statement gets
// no Violation. An identity whose total is 該当なし while its terms are not
// (or the reverse) is a Violation whatever the rounding, as in Verify.
// The identities of columns that Meta.Recomputed names are judged on the
// printed figures, as Verify judges them.
//
// Figures that are not whole yen, or beyond ±10^18 yen, are an *Error
// wrapping ErrRange naming the row and column.
func (s *Statement) VerifyRounded() ([]Finding, error) {
	// Its result has no Proof to give, so it does not search for one.
	r, err := (&Joint{Statements: []*Statement{s}}).verify(jointOptions{})
	if err != nil {
		return nil, err
	}
	return r.Findings, nil
}

// maxAmount bounds the figures the rounded checks take: far beyond any
// budget, and far enough from the int64 range that sums of many of them
// stay inside it.
var maxAmount = decimal.New(1, 18)

// A Joint is a set of statements and identities between their cells,
// verified together under rounding: a 百万円 summary against the 円
// statement it summarises, a 差引 whose 予算 is printed only in 百万円
// against the 決算 known to the yen. It is a building block for checks of a
// whole book; a Joint of one statement is what VerifyRounded judges.
type Joint struct {
	// Statements are the statements, each with its own identities and
	// its Meta saying what its figures stand for.
	Statements []*Statement
	// Names says how findings name each statement, such as its id in a
	// book. A statement without a name is named by its form's number
	// and title.
	Names []string
	// Identities are the identities between cells, beyond each
	// statement's own.
	Identities []Identity
}

// An Identity states that the cells of Left sum to the cells of Right, as
// a Link does, over the statements of a Joint.
type Identity struct {
	Name        string
	Left, Right []CellRef
}

// A CellRef names one cell of a Joint's statements.
type CellRef struct {
	Statement int    // the index in Joint.Statements
	Row       string // the row's key
	Column    string // the column's name
	Negative  bool   // subtract the cell instead of adding it
}

// A JointResult is what Joint.Verify found.
type JointResult struct {
	// Findings has one Finding for each identity of each statement's
	// printed rows (as VerifyRounded), statement by statement, then one
	// for each of the Joint's Identities (Kind LinkBroken, Label its
	// Name, Got the sum of Left and Want that of Right as printed).
	Findings []Finding
	// Proof says that the identities that are not violations hold
	// together for some exact figures. Without it, that they hold is a
	// necessary condition only. See Joint.Verify.
	Proof bool
	cells [][]int // per statement, per cell: its variable, -1 for none
	// identities, per finding, is the index in Joint.Identities of the
	// identity it judges, -1 for a statement's own.
	identities []int
	stmts      []*Statement
	vars       []bounds.Interval
}

// Bounds returns the interval of exact yen implied for a cell: the one
// its printed figure stands for, narrowed by every identity that is not a
// violation; for a hidden row, which was not printed, what the identities
// allow. Every exact figure the identities and the printed figures allow
// lies in it; where they form no cycle, every amount in it is one that
// some such figures give (where they do, it may be wider). It reports
// false for a cell that does not exist or holds text.
func (r *JointResult) Bounds(statement int, row, column string) (Range, bool) {
	if statement < 0 || statement >= len(r.stmts) {
		return Range{}, false
	}
	s := r.stmts[statement]
	i, j, ok := s.index(row, column)
	if !ok {
		return Range{}, false
	}
	k := i*len(s.t.form.Columns) + j
	v := r.cells[statement][k]
	if v == lazyVar { // an exact figure that no identity names
		c := s.cells[k].cell()
		return Range{Lo: c.Amount, Hi: c.Amount}, true
	}
	if v < 0 {
		return Range{}, false
	}
	return rangeOf(r.vars[v]), true
}

// A judged identity: what decides its verdict. Its Finding is kept apart,
// at the same index.
type judged struct {
	printed    bool // judged on the printed figures alone: in no equation
	implied    bool // and implied by others: within rounding at worst
	start, end int  // its equation, head − terms or Left − Right, in the term buffer
	side       int  // the terms whose sum Range shows: the last side of them, or the first −side
	presence   bool // 該当なし on one side only
	report     bool // false for a hidden row's identity
	identity   int  // the index in Joint.Identities; -1 for a statement's own
}

// sideOf returns the terms whose sum Range shows, and whether their sum is
// to be negated.
func (x *judged) sideOf(buf []bounds.Term) ([]bounds.Term, bool) {
	if x.side < 0 {
		return buf[x.start : x.start-x.side], false
	}
	return buf[x.end-x.side : x.end], true
}

// Verify judges every identity of every statement and every Identity of
// j at once: it decides whether one set of exact figures, each in the
// interval its printed figure stands for, satisfies all of them, by
// propagating the intervals through the identities to a fixpoint.
//
// What the verdicts prove: a Violation of an identity on its own (its
// terms' intervals cannot sum to its total's) is a proof that the printed
// figures are wrong, and its Excess is exact. When the identities hold
// one by one but not together, the one at which propagation ran out of
// exact figures is the Violation, with the Excess it showed then, and the
// others are judged without it; that some identity among them fails is a
// proof, which one to blame is a choice. That the identities that are not
// violated hold together is a proof (JointResult.Proof) when they form no
// cycle over cells still free: a statement whose columns are all inputs (a
// tree of totals per column), or such statements joined through figures
// known to the yen. Computed columns and identities that close a loop make
// propagation a necessary condition only; Verify then searches for exact
// figures, fixing cells that close a cycle to the middle of their
// intervals one at a time, and Proof says whether it found them. Either
// way a correctly rounded book is never judged in violation; without a
// proof a wrong one may pass.
//
// Errors are an *Error: a CellRef naming no cell (ErrUnknown), a figure
// that is not whole yen or is beyond ±10^18 yen (ErrRange).
func (j *Joint) Verify() (*JointResult, error) { return j.verify(jointOptions{search: true}) }

// jointOptions says how verify works.
type jointOptions struct {
	search bool // look for a proof where the identities form cycles
	// cellsOnly, per statement, says to leave out its own identities:
	// of a statement printed exactly, with no hidden row and no
	// recomputed column, whose every cell is one exact figure, they
	// narrow nothing, and a caller checks them otherwise.
	cellsOnly []bool
	// quiet leaves out the findings that are Exact and leaves the Rule
	// of the Identities' findings empty, for a caller that names them
	// itself.
	quiet bool
}

// verify does the work of Verify.
func (j *Joint) verify(opt jointOptions) (*JointResult, error) {
	res := &JointResult{stmts: make([]*Statement, len(j.Statements)), cells: make([][]int, len(j.Statements))}
	sys := bounds.System{Search: opt.search}
	skip := func(k int) bool { return k < len(opt.cellsOnly) && opt.cellsOnly[k] }
	n, terms, cells := len(j.Identities), 0, 0
	for _, id := range j.Identities {
		terms += len(id.Left) + len(id.Right)
	}
	cells = terms // at most, the lazy cells the Identities name
	for k, s := range j.Statements {
		if s != nil && s.t != nil && !skip(k) {
			cells += len(s.cells)
			a, b := s.t.identities()
			n, terms = n+a, terms+b
		}
	}
	sys.Grow(cells, n, terms)
	ids := make([]judged, 0, n)
	fs := make([]Finding, 0, n)
	buf := make([]bounds.Term, 0, terms)
	ps := problems{}
	for k, s := range j.Statements {
		if s == nil {
			s = &Statement{}
		}
		s = s.ready()
		res.stmts[k] = s
		var name string
		if k < len(j.Names) && j.Names[k] != "" {
			name = j.Names[k]
		} else {
			name = s.t.form.name()
		}
		ps.source = name
		if skip(k) {
			// Its every figure is exact and only the Identities name
			// its cells: each gets a variable when one does.
			res.cells[k] = lazyCells(s)
			continue
		}
		var vals []int64
		res.cells[k], vals = addCells(&sys, s, &ps)
		if len(ps.list) == 0 {
			ids, fs, buf = appendIdentities(ids, fs, buf, s, name, res.cells[k], vals)
		}
	}
	ps.source = ""
	for n, id := range j.Identities {
		var ok bool
		if ids, fs, buf, ok = j.identity(ids, fs, buf, id, res, &sys, &ps, !opt.quiet); ok {
			ids[len(ids)-1].identity = n
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	eqs := make([]int, len(ids)) // per identity, its equation, -1 for one judged as printed
	for e, id := range ids {
		if id.printed {
			eqs[e] = -1
			continue
		}
		var err error
		if eqs[e], err = sys.AddEquation(buf[id.start:id.end]...); err != nil {
			// Terms are distinct cells by construction, except where an
			// Identity names one cell on both sides.
			f := &fs[e]
			return nil, &Error{Source: f.Statement, Problems: []Problem{{Row: f.Row, Column: f.Column,
				Err: fmt.Errorf("%w: %s names a cell twice", ErrDuplicate, firstNonEmpty(f.Rule, f.Label))}}}
		}
	}
	sol, err := sys.Solve()
	if err != nil {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: %v", ErrRange, err)}}}
	}
	res.vars, res.Proof = sol.Vars, sol.Proof
	out := fs[:0] // reported findings, compacted in place
	for e := range ids {
		id, f := &ids[e], &fs[e]
		if id.printed {
			// Computed from the printed figures: it holds as printed or
			// not at all.
			f.Range = Range{Lo: f.Got.Amount, Hi: f.Got.Amount}
			switch {
			case f.Got.Equal(f.Want):
				f.Verdict = Exact
			case id.implied && !id.presence:
				f.Verdict = WithinRounding
			default:
				f.Verdict, f.Excess = Violation, f.Got.Amount.Sub(f.Want.Amount).Abs()
			}
			if (id.report || f.Verdict == Violation) && !(opt.quiet && f.Verdict == Exact) {
				out = append(out, *f)
				res.identities = append(res.identities, id.identity)
			}
			continue
		}
		switch {
		case sol.Violated[eqs[e]]:
			f.Verdict, f.Excess = Violation, decimal.NewFromInt(sol.Excess[eqs[e]])
		case id.presence:
			f.Verdict = Violation
		case f.Got.Equal(f.Want):
			f.Verdict = Exact
		default:
			f.Verdict = WithinRounding
		}
		if !id.report && f.Verdict != Violation || opt.quiet && f.Verdict == Exact {
			continue
		}
		side, negate := id.sideOf(buf)
		iv, err := sys.SumOf(side)
		if err != nil {
			return nil, &Error{Problems: []Problem{{Row: f.Row, Column: f.Column, Err: fmt.Errorf("%w: %v", ErrRange, err)}}}
		}
		if negate {
			iv = iv.Neg()
		}
		f.Range = rangeOf(iv)
		out = append(out, *f)
		res.identities = append(res.identities, id.identity)
	}
	res.Findings = out
	return res, nil
}

// addCells adds a variable for every amount cell of s that a row with
// figures has, and returns them by cell (-1 for none) with each cell's
// figure in whole yen (0 for 該当なし).
func addCells(sys *bounds.System, s *Statement, ps *problems) ([]int, []int64) {
	t := s.t
	ncol := len(t.form.Columns)
	vars := make([]int, len(t.form.Rows)*ncol)
	vals := make([]int64, len(vars))
	unit := int64(1)
	for range s.meta.Unit.Exp() {
		unit *= 10
	}
	exact := s.meta.Exact || unit == 1
	recomputed := s.recomputed()
	for i, row := range t.form.Rows {
		for j, col := range t.form.Columns {
			k := i*ncol + j
			vars[k] = -1
			if row.Kind == Header || col.Kind == Text {
				continue
			}
			derived := recomputed[j] && (col.Kind == Computed || t.formulas[i] != nil)
			c := s.cells[k]
			var iv bounds.Interval
			v, whole := int64(0), true
			if c.valid {
				v, whole = c.wholeYen()
			}
			vals[k] = v
			switch {
			case !whole:
				ps.addf(0, rowRef(i, row), col.Name, ErrRange, "%s is not a whole number of yen within ±10^18", c.dec())
				continue
			case row.Hidden || derived:
				iv = bounds.Unbounded()
			case !c.valid:
				iv = bounds.Exact(0)
			case exact || v%unit != 0:
				iv = bounds.Exact(v)
			default:
				var err error
				iv, err = bounds.Printed(v/unit, unit, s.meta.Rounding)
				if err != nil {
					ps.addf(0, rowRef(i, row), col.Name, ErrRange, "%v", err)
					continue
				}
			}
			vars[k] = sys.AddVar(iv)
		}
	}
	return vars, vals
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

// appendIdentities adds the identities of s, in Verify's order, with
// their equations in buf.
func appendIdentities(ids []judged, fs []Finding, buf []bounds.Term, s *Statement, name string, vars []int, vals []int64) ([]judged, []Finding, []bounds.Term) {
	t := s.t
	ncol := len(t.form.Columns)
	recomputed := s.recomputed()
	// Each cell's figure as a decimal, made once: a cell is the figure
	// of up to two identities, and decimals are never changed in place.
	cells := make([]format.Cell, len(s.cells))
	made := make([]bool, len(s.cells))
	cellOf := func(k int) format.Cell {
		if !made[k] {
			cells[k], made[k] = s.cells[k].cell(), true
		}
		return cells[k]
	}
	add := func(i, j int, f Formula, rule string, byRow bool, cell func(string) int) {
		k := i*ncol + j
		x := judged{report: !t.form.Rows[i].Hidden, start: len(buf), side: len(f), identity: -1}
		buf = append(buf, bounds.Term{Var: vars[k]})
		var sum int64
		valid, exact, hidden := false, true, false
		for _, term := range f {
			c := cell(term.Key)
			buf = append(buf, bounds.Term{Var: vars[c], Negative: !term.Negative})
			hidden = hidden || t.form.Rows[c/ncol].Hidden
			if !s.cells[c].valid {
				continue
			}
			valid = true
			v := vals[c]
			if term.Negative {
				v = -v
			}
			if sum += v; sum > maxYen*4 || sum < -maxYen*4 {
				exact = false // the int64 sum may overflow: sum in decimal
			}
		}
		x.end = len(buf)
		want := cellOf(k)
		var got format.Cell
		switch {
		case !exact:
			got = t.sum(f, func(key string) format.Cell { return cellOf(cell(key)) })
		case valid && want.Valid && sum == vals[k]:
			got = want // as printed: share its amount
		case valid:
			got = format.CellOf(decimal.NewFromInt(sum))
		case t.form.ZeroSums:
			got = format.CellOf(decimal.Zero)
		}
		// A hidden term was not printed: whether it has a figure is
		// unknown, so only its interval judges the identity.
		x.presence = got.Valid != want.Valid && !hidden
		x.printed = recomputed[j] && !t.form.Rows[i].Hidden
		// A total of a recomputed computed column follows from the
		// column's formula on each row and the totals of the columns it
		// refers to; as printed it may be off by their rounding.
		x.implied = x.printed && byRow && t.form.Columns[j].Kind == Computed
		fs = append(fs, Finding{Kind: IdentityBroken, Statement: name, Row: t.form.Rows[i].Key, Label: t.label(i),
			Column: t.form.Columns[j].Name, Rule: rule, Got: got, Want: want, Unit: s.meta.Unit})
		ids = append(ids, x)
	}
	colRules := t.colRules
	for i, row := range t.form.Rows {
		rule := t.rowRules[i]
		for j, col := range t.form.Columns {
			if t.formulas[i] != nil && col.Kind != Text {
				add(i, j, t.formulas[i], rule, true, func(key string) int { return t.rowIndex[key]*ncol + j })
			}
			if row.Kind != Header && col.Kind == Computed {
				add(i, j, col.Formula, colRules[j], false, func(c string) int { return i*ncol + t.colIndex[c] })
			}
		}
	}
	return ids, fs, buf
}

// identity adds an Identity as the equation Left − Right = 0.
func (j *Joint) identity(ids []judged, fs []Finding, buf []bounds.Term, id Identity, res *JointResult, sys *bounds.System, ps *problems, rule bool) ([]judged, []Finding, []bounds.Term, bool) {
	x := judged{report: true, start: len(buf), side: -len(id.Left)}
	ok := true
	side := func(refs []CellRef, right bool) format.Cell {
		var cells []format.Cell
		for _, r := range refs {
			v, c, found := res.cell(r, sys, ps)
			if !found {
				ps.addf(0, r.Row, r.Column, ErrUnknown, "identity %s: no such cell in statement %d", quote.Bounded(id.Name), r.Statement)
				ok = false
				continue
			}
			buf = append(buf, bounds.Term{Var: v, Negative: r.Negative != right})
			if len(refs) == 1 && !r.Negative {
				return c // most sides are one cell: its sum is itself
			}
			cells = append(cells, c)
		}
		return signedSum(len(cells), func(k int) (format.Cell, bool) { return cells[k], refs[k].Negative })
	}
	got, want := side(id.Left, false), side(id.Right, true)
	if !ok {
		return ids, fs, buf[:x.start], false
	}
	x.end = len(buf)
	x.presence = got.Valid != want.Valid
	f := Finding{Kind: LinkBroken, Label: id.Name, Got: got, Want: want}
	if rule {
		f.Rule = id.written(j)
	}
	if len(id.Left) > 0 {
		k := id.Left[0].Statement
		if k < len(j.Names) && j.Names[k] != "" {
			f.Statement = j.Names[k]
		} else {
			f.Statement = res.stmts[k].t.form.name()
		}
		f.Unit = res.stmts[k].meta.Unit
	}
	return append(ids, x), append(fs, f), buf, true
}

// cell returns the variable and the printed cell r names.
// A variable of a cell that has none yet, of a statement whose figures
// are all exact: see jointOptions.cellsOnly.
const lazyVar = -2

// lazyCells returns the cells of s, each lazyVar, but -1 for those that
// hold no amount.
func lazyCells(s *Statement) []int {
	t := s.t
	vars := make([]int, len(t.form.Rows)*len(t.form.Columns))
	for i, row := range t.form.Rows {
		for j, col := range t.form.Columns {
			vars[i*len(t.form.Columns)+j] = lazyVar
			if row.Kind == Header || col.Kind == Text {
				vars[i*len(t.form.Columns)+j] = -1
			}
		}
	}
	return vars
}

// cell returns the variable and the printed cell r names, adding the
// variable of a lazy cell to sys.
func (r *JointResult) cell(ref CellRef, sys *bounds.System, ps *problems) (int, format.Cell, bool) {
	if ref.Statement < 0 || ref.Statement >= len(r.stmts) {
		return 0, format.Cell{}, false
	}
	s := r.stmts[ref.Statement]
	i, j, ok := s.index(ref.Row, ref.Column)
	if !ok {
		return 0, format.Cell{}, false
	}
	k := i*len(s.t.form.Columns) + j
	v := r.cells[ref.Statement][k]
	if v == lazyVar {
		c := s.cells[k]
		y, whole := int64(0), true
		if c.valid {
			y, whole = c.wholeYen()
		}
		if !whole {
			ps.addf(0, ref.Row, ref.Column, ErrRange, "%s is not a whole number of yen within ±10^18", c.dec())
			return 0, format.Cell{}, false
		}
		v = sys.AddVar(bounds.Exact(y))
		r.cells[ref.Statement][k] = v
	}
	if v >= 0 {
		return v, s.cells[k].cell(), true
	}
	return 0, format.Cell{}, false
}

// written returns the identity with its cells as statement:row:column,
// the statement by its name in j: "pl:4900:金額 = nw:4900:合計".
func (id Identity) written(j *Joint) string {
	side := func(refs []CellRef) string {
		var b strings.Builder
		for k, r := range refs {
			switch {
			case r.Negative:
				b.WriteString("-")
			case k > 0:
				b.WriteString("+")
			}
			name := fmt.Sprint(r.Statement)
			if r.Statement >= 0 && r.Statement < len(j.Names) && j.Names[r.Statement] != "" {
				name = j.Names[r.Statement]
			}
			b.WriteString(name + ":" + r.Row + ":" + r.Column)
		}
		return b.String()
	}
	return side(id.Left) + " = " + side(id.Right)
}
