package statement

import (
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/shopspring/decimal"
)

// A Book is the set of statements one body publishes for one period
// (財務書類一式), each under an id of the caller's choosing, such as bs or
// note_cash. Links and pins name statements by these ids, so that both
// can be data. The zero Book is empty and ready to use. A Book is not safe
// for concurrent Add; once filled, its other methods may be called
// concurrently.
type Book struct {
	ids  []string
	byID map[string]*Statement
}

// Add puts s into b under id. The id must be one that the link format can
// name: not empty, without +, and not starting with - or with space. Add
// returns an *Error wrapping ErrDuplicate for an id already in b,
// ErrSyntax for an id that cannot be named, and ErrMissing for a nil
// statement; b is then unchanged.
func (b *Book) Add(id string, s *Statement) error {
	ps := problems{source: "book"}
	switch {
	case id == "" || strings.Contains(id, "+") || strings.HasPrefix(id, "-") || strings.TrimSpace(id) != id:
		ps.addf(0, "", "", ErrSyntax, "statement id %s: not empty, without +, and not starting with - or space", quote.Bounded(id))
	case b.byID[id] != nil:
		ps.addf(0, "", "", ErrDuplicate, "statement id %s", quote.Bounded(id))
	case s == nil:
		ps.addf(0, "", "", ErrMissing, "no statement for id %s", quote.Bounded(id))
	}
	if err := ps.err(); err != nil {
		return err
	}
	if b.byID == nil {
		b.byID = map[string]*Statement{}
	}
	b.ids = append(b.ids, id)
	b.byID[id] = s
	return nil
}

// Statement returns the statement with the given id, and whether b has
// it.
func (b *Book) Statement(id string) (*Statement, bool) {
	s, ok := b.byID[id]
	return s, ok
}

// IDs returns the ids of b's statements in the order they were added.
func (b *Book) IDs() []string {
	return append([]string(nil), b.ids...)
}

// Len returns the number of statements in b.
func (b *Book) Len() int { return len(b.ids) }

// Compare compares b, as built, with the book want, as published,
// statement by statement in want's order (see Compare): each Finding
// names the statement by its id. A statement that only one of the books
// has is a StatementMissing finding.
func (b *Book) Compare(want *Book) []Finding {
	var fs []Finding
	for _, id := range want.ids {
		got, ok := b.byID[id]
		if !ok {
			fs = append(fs, Finding{Kind: StatementMissing, Statement: id, GotText: "no such statement", WantText: "a statement"})
			continue
		}
		for _, f := range Compare(got, want.byID[id]) {
			f.Statement = id
			fs = append(fs, f)
		}
	}
	for _, id := range b.ids {
		if _, ok := want.byID[id]; !ok {
			fs = append(fs, Finding{Kind: StatementMissing, Statement: id, GotText: "no such statement in the book compared with", WantText: "no such statement"})
		}
	}
	return fs
}

// VerifyOptions says what Book.Verify and Book.VerifyRounded check besides
// the book's own statements. The zero value checks only the identities of
// each statement.
type VerifyOptions struct {
	// Built, if set, is the book built from the item figures of the book
	// verified. Each of its statements is compared with the published one
	// of the same id (Book.Compare) instead of verifying the published
	// statement's identities: a built statement satisfies them by
	// construction, so the comparison finds every printed figure they
	// would find wrong, and reproduces the rounding of a rounded
	// statement instead of reporting it. Of a statement printed rounded,
	// VerifyRounded also judges what Built does not reproduce: a printed
	// total or computed cell that Built does not give is judged by its
	// identity instead, under rounding, and a violation of any of its
	// identities is reported whether Built gives the figure or not.
	Built *Book
	// Links are the identities between statements to check.
	Links []Link
	// Pins are the published figures the book's own figures are known
	// not to give; the findings they match are expected.
	Pins []Pin
	// OmitWithinRounding leaves the findings within rounding out of
	// Findings, for a caller that needs only their number
	// (Verification.Count), such as one checking thousands of books.
	// Defaults to false.
	OmitWithinRounding bool
}

// Verify checks b exactly, every figure as printed, and returns every
// finding: the identities of each statement (Statement.Verify), or its
// comparison with opt.Built; then each link of opt.Links (see Link); then
// each pin of opt.Pins that no finding matched, as a StalePin finding. A
// finding at the cell of a pin carries the pin's Reason; see Pin for how
// pins match. VerifyRounded verifies b under rounding.
func (b *Book) Verify(opt VerifyOptions) *Verification {
	opt = b.keyed(opt)
	v := &Verification{}
	if opt.Built != nil {
		v.Findings = opt.Built.Compare(b)
	} else {
		for _, id := range b.ids {
			v.statement(id, b.byID[id].ready())
		}
	}
	for _, l := range opt.Links {
		v.link(b.check(l))
	}
	v.Findings = b.pin(v.Findings, opt.Pins)
	return v
}

// A Verification is what Book.Verify, Book.VerifyRounded or
// Statement.VerifyRounded found, in order. A finding that a pin expects
// carries the pin's Reason; a pin that no finding matched is a StalePin
// finding.
//
// Under rounding every verdict is proven: a Violation carries a
// Certificate, and the identities and links that are Exact or
// WithinRounding hold together for the exact figures that Witness gives,
// each of which the figure printed rounds to (but for the cells of
// Meta.Recomputed columns, printed from other rounded figures, and the
// cells of hidden rows, not printed). An identity that the work budget did
// not let the verification decide is Undecided, never consistent.
type Verification struct {
	// Findings lists every finding: of the statements, then of the
	// links, then the stale pins. Under rounding, an identity or link that
	// holds exactly as printed makes no finding; Count counts it.
	Findings []Finding
	counts   [Undecided + 1]int
	joint    *joint         // under rounding: the statements judged together
	index    map[string]int // the joint's statement of each id it holds
	book     *Book          // the book verified under rounding, if any
}

// Count returns the number of identities and links judged with verdict
// v, whether or not they are findings: every identity of each statement
// verified (not those of a statement compared with VerifyOptions.Built,
// which are compared instead, except under rounding, where a statement
// printed rounded is judged as well), and every link. Under rounding, the
// identities of hidden rows and those that name a figure lost in printing
// (see BlankFigure) are counted only when they are violated or undecided.
func (r *Verification) Count(v Verdict) int {
	if v < Violation || v > Undecided {
		return 0
	}
	return r.counts[v]
}

// statement verifies s exactly, under the id it has in a book.
func (r *Verification) statement(id string, s *Statement) {
	fs := s.Verify()
	n, _ := s.t.identities()
	r.counts[Exact] += n - len(fs)
	r.counts[Violation] += len(fs)
	for _, f := range fs {
		f.Statement = id
		r.Findings = append(r.Findings, f)
	}
}

// link counts a link that is exact unless fs, its findings, says it is
// broken, and adds fs.
func (r *Verification) link(fs []Finding) {
	if len(fs) == 0 {
		r.counts[Exact]++
		return
	}
	r.counts[Violation]++
	r.Findings = append(r.Findings, fs...)
}

// Bounds returns, for a verification under rounding, the interval of
// exact yen implied for a cell (statement named as findings name it): the
// one its printed figure stands for, narrowed by every identity and link
// that is not a violation; such as the yen 予算 that a 百万円 table prints
// only rounded, implied by its 差引 and a 決算 known to the yen; for a
// hidden row, which was not printed, what the identities allow. Every
// exact figure the identities and the printed figures allow lies in it;
// where they form no cycle, every amount in it is one that some such
// figures give (where they do, it may be wider). It reports false for a
// verification made exactly, and for a cell that has no figure to bound.
func (r *Verification) Bounds(statement, row, column string) (Range, bool) {
	v, c, ok := r.variable(statement, row, column)
	switch {
	case !ok:
		return Range{}, false
	case v < 0: // an exact figure
		return Range{Lo: c.Amount, Hi: c.Amount}, true
	}
	return rangeOf(r.joint.sol.Implied(int(v))), true
}

// Witness returns, for a verification under rounding, the exact yen of a
// cell in the witness: amounts for every cell that satisfy every identity
// and link that is not a violation, each of which the figure printed
// rounds to (see Verification). It reports false for a verification made
// exactly, for a cell that has no figure, and for one whose identities are
// Undecided.
func (r *Verification) Witness(statement, row, column string) (decimal.Decimal, bool) {
	v, c, ok := r.variable(statement, row, column)
	switch {
	case !ok:
		return decimal.Decimal{}, false
	case v < 0: // an exact figure
		return c.Amount, true
	case !r.joint.sol.Decided(int(v)):
		return decimal.Decimal{}, false
	}
	return decimal.NewFromInt(r.joint.sol.Witness[v]), true
}

// variable returns the variable of a cell of a verification under
// rounding, or -1 with its figure for an exact one.
func (r *Verification) variable(statement, row, column string) (int32, format.Cell, bool) {
	if r.joint == nil {
		return 0, format.Cell{}, false
	}
	if k, ok := r.index[statement]; ok {
		v, c, ok := r.joint.variable(k, row, column)
		if !ok {
			return 0, format.Cell{}, false
		}
		if v == lazyVar {
			v = -1
		}
		if v < 0 && !c.Valid {
			c = format.CellOf(decimal.Zero) // 該当なし is exactly nothing
		}
		return v, c, true
	}
	// A statement the joint does not hold prints every figure exactly.
	if r.book == nil {
		return 0, format.Cell{}, false
	}
	s, ok := r.book.byID[statement]
	if !ok {
		return 0, format.Cell{}, false
	}
	s = s.ready()
	i, j, ok := s.index(row, column)
	if !ok || s.t.form.Columns[j].Kind == Text || s.t.form.Rows[i].Kind == Header {
		return 0, format.Cell{}, false
	}
	c := s.cell(i, j)
	if !c.Valid {
		c = format.CellOf(decimal.Zero)
	}
	return -1, c, true
}

// WithinRounding returns the findings that rounding explains: identities
// and links that no exact figures satisfy as printed, and some exact
// figures the printed ones stand for do.
func (r *Verification) WithinRounding() []Finding {
	var fs []Finding
	for _, f := range r.Findings {
		if f.Verdict == WithinRounding && f.Kind != StalePin {
			fs = append(fs, f)
		}
	}
	return fs
}

// Pinned returns the findings that pins expect.
func (r *Verification) Pinned() []Finding {
	var fs []Finding
	for _, f := range r.Findings {
		if f.Reason != "" && f.Kind != StalePin {
			fs = append(fs, f)
		}
	}
	return fs
}

// Unexpected returns the findings that are problems: violations that no
// pin expects, identities left undecided, and stale pins. A finding
// within rounding is not one.
func (r *Verification) Unexpected() []Finding {
	var fs []Finding
	for _, f := range r.Findings {
		if f.Kind == StalePin || f.Reason == "" && f.Verdict == Violation || f.Verdict == Undecided {
			fs = append(fs, f)
		}
	}
	return fs
}

// OK reports whether r has no unexpected finding.
func (r *Verification) OK() bool { return len(r.Unexpected()) == 0 }

// A Ref names one cell of a book, for a Link: a statement by its id, a
// row by its key or its label (see Template.RowKey), a column by its name.
type Ref struct {
	Statement string // the statement's id in the book
	Row       string // the row's key, or its label or label path
	Column    string // the column's name
	Negative  bool   // subtract the cell instead of adding it
}

// String returns r as the link format writes a term: -bs:1110:金額.
func (r Ref) String() string {
	sign := ""
	if r.Negative {
		sign = "-"
	}
	return sign + r.Statement + ":" + r.Row + ":" + r.Column
}

// A Link is an identity between cells of a book: the sum of Left equals
// the sum of Right. PL 当期純利益 = 純資産変動計算書 当期純利益 is a Link;
// so is CF 期末残高 = 現金及び預金 − 3か月超の定期預金. Each side sums as a
// formula does: cells without a figure count as zero, and a side none of
// whose cells has a figure has none, which only a side without a figure
// equals (該当なし).
type Link struct {
	Name        string // names the link in findings; unique among a book's links
	Left, Right []Ref
	Note        string // what the link rests on; not checked
}

// String returns the link's terms as the link format writes them:
// left=right.
func (l Link) String() string {
	return side(l.Left) + "=" + side(l.Right)
}

func side(refs []Ref) string {
	terms := make([]string, len(refs))
	for i, r := range refs {
		terms[i] = r.String()
	}
	return strings.Join(terms, "+")
}

// check returns the findings of link l in b: one LinkBroken finding for
// each cell it names that b does not have, and one if its sides differ.
// Findings name the link in Rule and, but for a missing cell, the first
// cell of the link, whose statement's unit they show amounts in.
func (b *Book) check(l Link) []Finding {
	var fs []Finding
	cell := func(r Ref) amount {
		s, ok := b.byID[r.Statement]
		if !ok {
			fs = append(fs, Finding{Kind: LinkBroken, Statement: r.Statement, Row: r.Row, Column: r.Column, Rule: l.Name, GotText: "no such statement"})
			return amount{}
		}
		c, ok := s.amount(r.Row, r.Column)
		if !ok {
			what := "no such amount column"
			if _, ok := s.Template().rowIndex[r.Row]; !ok {
				what = s.Template().noRow(r.Row)
			}
			fs = append(fs, Finding{Kind: LinkBroken, Statement: r.Statement, Row: r.Row, Column: r.Column, Rule: l.Name, GotText: what, Unit: s.meta.Unit})
		}
		return c
	}
	add := func(refs []Ref) amount {
		return signedAmounts(len(refs), func(k int) (amount, bool) { return cell(refs[k]), refs[k].Negative })
	}
	left, right := add(l.Left), add(l.Right)
	if len(fs) > 0 || left.equal(right) {
		return fs
	}
	f := Finding{Kind: LinkBroken, Rule: l.Name, Got: left.cell(), Want: right.cell()}
	if first := append(append([]Ref(nil), l.Left...), l.Right...); len(first) > 0 {
		r := first[0]
		s := b.byID[r.Statement].ready()
		f.Statement, f.Row, f.Column, f.Unit = r.Statement, r.Row, r.Column, s.meta.Unit
		f.Label = s.t.label(s.t.rowIndex[r.Row])
	}
	return []Finding{f}
}

// A Pin is a figure that a book prints and its own figures do not give,
// with the reason: an inconsistency of the published report, which
// verification expects rather than papers over.
//
// A pin matches the findings at its cell, whatever their Verdict: those
// of the statements' identities or comparison when Link is empty, those of
// the named link otherwise. The cell must print Printed. A pin that
// matches no finding, or whose cell prints another figure, is stale: the
// figure is reproduced after all, or the data changed, and the pin must
// go. So is a pin whose finding is within rounding: rounding explains the
// figure, and the reason is gone.
type Pin struct {
	Statement string      // the statement's id
	Row       string      // the row's key, or its label or label path (see Template.RowKey)
	Column    string      // the column's name
	Link      string      // the name of the link the pin expects broken; empty for a figure
	Printed   format.Cell // the figure as printed, in its statement's unit; no figure for none
	Reason    string      // why the figure is not reproduced
}

// String names the pin: its cell, its link if any, and its figure.
func (p Pin) String() string {
	s := fmt.Sprintf("%s:%s:%s = %s", p.Statement, p.Row, p.Column, p.Printed)
	if p.Link != "" {
		s += " in link " + quote.Bounded(p.Link)
	}
	return s
}

// pin sets the Reason of each finding of fs that a pin matches and
// appends a StalePin finding for each pin that matches none.
func (b *Book) pin(fs []Finding, pins []Pin) []Finding {
	type at struct{ statement, row, column, link string }
	index := make(map[at]int, len(pins))
	for k, p := range pins {
		index[at{p.Statement, p.Row, p.Column, p.Link}] = k
	}
	matched := make([]bool, len(pins))
	explained := make([]bool, len(pins)) // matched a finding within rounding
	for i, f := range fs {
		link := ""
		if f.Kind == LinkBroken {
			link = f.Rule
		}
		k, ok := index[at{f.Statement, f.Row, f.Column, link}]
		if !ok || !b.pinned(pins[k]).Equal(b.printed(pins[k])) {
			continue
		}
		if f.Verdict != Violation {
			explained[k] = true
			continue
		}
		fs[i].Reason = pins[k].Reason
		matched[k] = true
	}
	for k, p := range pins {
		if matched[k] {
			continue
		}
		f := Finding{Kind: StalePin, Statement: p.Statement, Row: p.Row, Column: p.Column, Rule: p.Link,
			Got: b.printed(p), Want: b.pinned(p), Reason: p.Reason}
		if s, ok := b.byID[p.Statement]; ok {
			f.Unit = s.meta.Unit
			if i, ok := s.Template().rowIndex[p.Row]; ok {
				f.Label = s.t.label(i)
			}
		}
		switch {
		case !f.Got.Equal(f.Want):
			f.GotText = "the book prints another figure"
		case explained[k]:
			f.GotText = "the figure is within rounding"
		default:
			f.GotText = "the figure is reproduced, or no finding is at the pin's cell"
		}
		fs = append(fs, f)
	}
	return fs
}

// printed returns the cell a pin names, with no figure for a cell b does
// not have.
func (b *Book) printed(p Pin) format.Cell {
	s, ok := b.byID[p.Statement]
	if !ok {
		return format.Cell{}
	}
	c, _ := s.Cell(p.Row, p.Column)
	return c
}

// pinned returns the figure of p in yen, in the unit of its statement in b.
func (b *Book) pinned(p Pin) format.Cell {
	c := p.Printed
	if s, ok := b.byID[p.Statement]; ok && c.Valid {
		c.Amount = s.meta.Unit.ToYen(c.Amount)
	}
	return c
}

// ReadLinksCSV reads links from CSV. The header line names the columns
// name, left and right, and optionally note; each following line is a
// link:
//
//	name,left,right,note
//	BS資産合計=負債及び純資産合計,bs:1900:金額,bs:3990:金額,
//	NW純行政コスト=−PL純行政コスト,nw:6100:合計,-pl:4900:金額,
//	CF期末残高=現金預金−定期預金,cf:9900:金額,bs:1510:金額+-bs:1520:金額,
//
// Each side is one or more terms joined by +; a term is
// statementID:row:column, preceded by - to subtract it, where row is the
// row's key or its label or label path (bs:事業用資産/土地:金額; see
// Template.RowKey), found when the link is checked. A statement id may
// itself hold - (bs-general) and : (prev:bs-general): a - is a sign only
// as a term's first character, and the row and column are what follows
// the term's last two colons, so neither may hold : or +. Names are unique
// and not empty. Errors are an *Error of source listing every
// problem with its line.
func ReadLinksCSV(r io.Reader, source string) ([]Link, error) {
	ps := problems{source: source}
	recs, ok := readTable(&ps, r, []string{"name", "left", "right"}, []string{"note"})
	if !ok {
		return nil, ps.err()
	}
	var links []Link
	names := map[string]bool{}
	for _, rec := range recs {
		l := Link{Name: rec.field("name"), Note: rec.field("note")}
		switch {
		case l.Name == "":
			ps.addf(rec.line, "", "name", ErrMissing, "a link without a name")
		case names[l.Name]:
			ps.addf(rec.line, "", "name", ErrDuplicate, "link %s named twice", quote.Bounded(l.Name))
		}
		names[l.Name] = true
		l.Left = parseSide(&ps, rec.line, "left", rec.field("left"))
		l.Right = parseSide(&ps, rec.line, "right", rec.field("right"))
		links = append(links, l)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return links, nil
}

// parseSide reads one side of a link, adding a problem for each bad term.
func parseSide(ps *problems, line int, column, s string) []Ref {
	if s == "" {
		ps.addf(line, "", column, ErrMissing, "a side without terms")
		return nil
	}
	var refs []Ref
	for _, term := range strings.Split(s, "+") {
		term = strings.TrimSpace(term)
		r := Ref{}
		term, r.Negative = strings.CutPrefix(term, "-")
		col := strings.LastIndexByte(term, ':')
		row := -1
		if col > 0 {
			row = strings.LastIndexByte(term[:col], ':')
		}
		if row <= 0 || col == len(term)-1 || col == row+1 {
			ps.addf(line, "", column, ErrSyntax, "term %s is not statementID:row:column", quote.Bounded(term))
			continue
		}
		r.Statement, r.Row, r.Column = term[:row], term[row+1:col], term[col+1:]
		refs = append(refs, r)
	}
	return refs
}

// ReadPinsCSV reads pins from CSV. The header line names the columns
// statement, row, column, printed and reason, and optionally link; each
// following line is a pin:
//
//	statement,row,column,printed,reason
//	fixed_assets,1222,差引当期末残高,"156,817,712",the column subtracts the year's amortisation
//	changes,transfer,純資産合計,-,the block prints no line for a transfer within 利益剰余金
//
// statement is the statement's id, row its key or its label or label path
// (see Template.RowKey), column its name; printed
// is the figure as printed, in the statement's unit, or - for none; reason
// is required. link, when given, names the link that the pin expects
// broken (see Pin). A cell is pinned once for each link, and once outside
// links. Errors are an *Error of source listing every problem with its
// line.
func ReadPinsCSV(r io.Reader, source string) ([]Pin, error) {
	ps := problems{source: source}
	recs, ok := readTable(&ps, r, []string{"statement", "row", "column", "printed", "reason"}, []string{"link"})
	if !ok {
		return nil, ps.err()
	}
	var pins []Pin
	seen := map[Pin]bool{}
	for _, rec := range recs {
		p := Pin{Statement: rec.field("statement"), Row: rec.field("row"), Column: rec.field("column"),
			Link: rec.field("link"), Reason: rec.field("reason")}
		for _, f := range []struct{ name, value string }{{"statement", p.Statement}, {"row", p.Row}, {"column", p.Column}, {"reason", p.Reason}} {
			if f.value == "" {
				ps.addf(rec.line, p.Row, f.name, ErrMissing, "a pin without a %s", f.name)
			}
		}
		printed := rec.field("printed")
		c, err := format.ParseCell(printed)
		switch {
		case printed == "":
			ps.addf(rec.line, p.Row, "printed", ErrMissing, "no figure: write - for none")
		case strings.ContainsAny(printed, "円万億"):
			ps.addf(rec.line, p.Row, "printed", ErrSyntax, "figure %s names a unit: it is in the statement's", quote.Bounded(printed))
		case err != nil:
			ps.add(rec.line, p.Row, "printed", err)
		}
		p.Printed = c
		key := Pin{Statement: p.Statement, Row: p.Row, Column: p.Column, Link: p.Link}
		if seen[key] {
			ps.addf(rec.line, p.Row, p.Column, ErrDuplicate, "cell pinned twice")
		}
		seen[key] = true
		pins = append(pins, p)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return pins, nil
}
