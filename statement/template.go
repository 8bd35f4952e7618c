package statement

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/koukaikei/koukaikei/account"
)

// A Form (様式) is the layout of a statement: its rows and columns. A Form is
// plain data; Compile checks it and makes the immutable Template that
// statements are built on.
type Form struct {
	Number  string // the form number as printed, such as 様式第8号; empty if none
	Title   string // such as 貸借対照表
	Stub    string // the heading of the label column; defaults to 科目
	Columns []Column
	Rows    []Row
	// Vertical prints the columns one after another, each as a block of
	// its rows, as the J-LIS 純資産変動計算書 prints its components.
	Vertical bool
	// ZeroSums makes a total none of whose terms has a figure 0 instead
	// of 該当なし, for publishers that print it so (J-LIS prints 0 for the
	// 当期変動額合計 of a component that did not move).
	ZeroSums bool
	// Split, if set, is the key of the row where the right-hand half of a
	// statement printed side by side begins, as the 統一的な基準 prints its
	// 貸借対照表: 資産 on the left, 負債・純資産 from 【負債の部】 on the
	// right. WriteText prints the halves side by side; the other writers
	// print the rows in order. A header row may be named by its key.
	// Defaults to none: one column of rows.
	Split string
}

// name returns how errors name f.
func (f *Form) name() string {
	return strings.TrimSpace(f.Number + " " + f.Title)
}

// clone returns a deep copy of f.
func (f *Form) clone() Form {
	c := *f
	c.Columns = slices.Clone(f.Columns)
	for j := range c.Columns {
		c.Columns[j].Formula = slices.Clone(c.Columns[j].Formula)
	}
	c.Rows = slices.Clone(f.Rows)
	for i := range c.Rows {
		c.Rows[i].Formula = slices.Clone(c.Rows[i].Formula)
		c.Rows[i].Blank = slices.Clone(c.Rows[i].Blank)
	}
	return c
}

// Validate reports, in an *Error, every defect that keeps f from being
// compiled (see Compile), and also what contradicts its outline (ErrOutline):
// an item that no total or subtotal reaches, in a form that has totals,
// and a formula that counts a row twice, once as a term and once through
// another term that sums it. Compile accepts the latter, since published
// statements print memo lines that no total sums.
func (f *Form) Validate() error {
	ps := problems{source: f.name()}
	if t := compile(f, &ps); len(ps.list) == 0 {
		t.lint(&ps)
	}
	return ps.err()
}

// CheckAccounts reports, in an *Error, every row bound to an account code
// that chart does not have.
func (f *Form) CheckAccounts(chart *account.Chart) error {
	ps := problems{source: f.name()}
	for i, r := range f.Rows {
		if _, ok := chart.Lookup(r.Account); r.Account != "" && !ok {
			ps.addf(0, rowRef(i, r), "", ErrUnknown, "account code %q not in the chart", r.Account)
		}
	}
	return ps.err()
}

// rowRef names row i of a form in problems: by key, or by position and
// label for rows without one.
func rowRef(i int, r Row) string {
	if r.Key != "" {
		return r.Key
	}
	return fmt.Sprintf("%d %s", i+1, r.Label)
}

// A Template is a compiled Form: checked, with the order in which its
// totals are computed and the formula of every subtotal derived from the
// outline. It is immutable and safe for concurrent use, and the statements
// built on it share it, as the matches of a regexp.Regexp share it (and,
// as a regexp.Regexp keeps its machines, it keeps what verifications under
// rounding make for its statements: see Book.VerifyRounded). The zero
// Template has no rows and no columns.
type Template struct {
	form     Form
	rowIndex map[string]int
	colIndex map[string]int
	// colPrinted: the columns by name normalised as labels are
	// (normalLabel), for headings as printed: 余剰分(不足分), 余剰分
	// （不足分） over two lines. A name two columns share is left out.
	colPrinted map[string]int
	formulas   []Formula        // per row: a total's formula, a subtotal's children; nil otherwise
	labels     []string         // per row: its label in findings
	parents    []int            // per row: its parent in the outline, or -1 (see outline)
	ends       []int            // per row: the end of its outline (see outline)
	normals    []string         // per row: its label as labels are compared (normalLabel)
	byLabel    map[string][]int // normalised label → its rows, for RowKey
	rowRules   []string         // per row: formulas[i] as a rule in findings
	colRules   []string         // per column: its formula as a rule in findings
	rowOrder   []int            // total and subtotal rows, each after the rows it sums
	colOrder   []int            // computed columns, each after the columns it uses
	inputs     []int            // input columns
	rowTerms   [][]int          // per row: the row of each term of formulas[i]
	colTerms   [][]int          // per column: the column of each term of its formula
	blanks     []bool           // per cell [row*columns+column]: left blank by the form (Row.Blank); nil if none is
	plans      plans            // of verifications under rounding: see plan
	header     atomic.Pointer[headerMemo]
}

// Compile checks f and returns its Template. Keys must be unique and
// non-empty on every row that is not a header; Split, if set, names a row; totals have formulas over
// rows that hold amounts, without a cycle and without a term given twice;
// every subtotal has children; indents are 0 to MaxIndent; columns are
// named once, and computed columns refer to other amount columns without a
// cycle. Compile returns an *Error listing every defect. The Template keeps
// a copy of f: changing f afterwards does not change it.
//
// A subtotal sums its direct children in the outline: the rows that hold
// amounts one level deeper than it, following it when the row after it is
// deeper (a heading that prints its amount, as the 統一的な基準 prints
// 固定資産), or else preceding it back to the nearest row at its level or
// shallower (a 合計 line below its items, as 流動資産合計).
func Compile(f *Form) (*Template, error) {
	ps := problems{source: f.name()}
	t := compile(f, &ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return t, nil
}

// compile does the work of Compile, adding every defect to ps, phase by
// phase: the rows, the subtotals' formulas from the outline, the columns,
// the order of the formulas (which finds their bad terms and cycles), and
// the rules and term indexes that building and verifying use.
func compile(f *Form, ps *problems) *Template {
	t := &Template{form: f.clone(), rowIndex: make(map[string]int, len(f.Rows)), colIndex: make(map[string]int, len(f.Columns))}
	t.compileRows(ps)
	t.deriveSubtotals(ps)
	t.compileColumns(ps)
	t.compileBlanks(ps)
	t.orderFormulas(ps)
	t.indexTerms()
	return t
}

// compileRows checks each row (its kind, key, formula and indent) and
// Split, and makes the row index, the labels and the totals' formulas.
func (t *Template) compileRows(ps *problems) {
	f := &t.form
	t.formulas = make([]Formula, len(f.Rows))
	t.parents, t.ends = outline(f.Rows)
	t.labels = nameRows(f.Rows, t.parents)
	t.normals = make([]string, len(f.Rows))
	t.byLabel = make(map[string][]int, len(f.Rows))
	for i, r := range f.Rows {
		t.normals[i] = normalLabel(r.Label)
		t.byLabel[t.normals[i]] = append(t.byLabel[t.normals[i]], i)
	}
	for i, r := range f.Rows {
		at := rowRef(i, r)
		switch {
		case r.Kind < Header || r.Kind > Subtotal:
			ps.addf(0, at, "", ErrSyntax, "kind %v", r.Kind)
		case r.Key == "" && r.Kind != Header:
			ps.addf(0, at, "", ErrMissing, "an %v without a key", r.Kind)
		case r.Kind == Total && len(r.Formula) == 0:
			ps.addf(0, at, "", ErrMissing, "a total without a formula")
		case r.Kind != Total && len(r.Formula) > 0:
			ps.addf(0, at, "", ErrMismatch, "a formula on a row of kind %v", r.Kind)
		}
		if r.Indent < 0 || r.Indent > MaxIndent {
			ps.addf(0, at, "", ErrRange, "indent %d, not 0 to %d", r.Indent, MaxIndent)
		}
		if r.Kind == Total {
			t.formulas[i] = r.Formula
		}
		if r.Key == "" {
			continue
		}
		if _, dup := t.rowIndex[r.Key]; dup {
			ps.addf(0, at, "", ErrDuplicate, "key used by two rows")
			continue
		}
		t.rowIndex[r.Key] = i
	}
	if _, ok := t.rowIndex[f.Split]; f.Split != "" && !ok {
		ps.addf(0, f.Split, "", ErrUnknown, "the row where the right-hand half begins (Split) is not a row of the form")
	}
}

// deriveSubtotals gives each subtotal the formula of its children.
func (t *Template) deriveSubtotals(ps *problems) {
	for i, r := range t.form.Rows {
		if r.Kind == Subtotal {
			t.formulas[i] = children(t.form.Rows, i)
			if len(t.formulas[i]) == 0 {
				ps.addf(0, rowRef(i, r), "", ErrMissing, "a subtotal without children one level deeper")
			}
		}
	}
}

// compileColumns checks each column (its name, kind and formula) and
// makes the column index and the list of input columns.
func (t *Template) compileColumns(ps *problems) {
	for j, c := range t.form.Columns {
		switch {
		case c.Name == "":
			ps.addf(0, "", fmt.Sprint(j+1), ErrMissing, "a column without a name")
		case c.Kind < Input || c.Kind > Text:
			ps.addf(0, "", c.Name, ErrSyntax, "kind %d", c.Kind)
		case c.Kind == Computed && len(c.Formula) == 0:
			ps.addf(0, "", c.Name, ErrMissing, "a computed column without a formula")
		case c.Kind != Computed && len(c.Formula) > 0:
			ps.addf(0, "", c.Name, ErrMismatch, "a formula on a column that is not computed")
		case c.Name == "key" || c.Name == "label":
			ps.addf(0, "", c.Name, ErrMismatch, "a column may not be named key or label, the names of the CSV format's own columns")
		}
		if c.Kind == Input {
			t.inputs = append(t.inputs, j)
		}
		if _, dup := t.colIndex[c.Name]; dup {
			ps.addf(0, "", c.Name, ErrDuplicate, "column named twice")
			continue
		}
		t.colIndex[c.Name] = j
	}
	t.colPrinted = make(map[string]int, len(t.form.Columns))
	shared := map[string]bool{}
	for j, c := range t.form.Columns {
		n := normalLabel(c.Name)
		if _, dup := t.colPrinted[n]; dup || shared[n] {
			delete(t.colPrinted, n)
			shared[n] = true
			continue
		}
		t.colPrinted[n] = j
	}
}

// printedColumn returns the column a heading as printed names: by its
// name, or by its name normalised as labels are (see normalLabel).
func (t *Template) printedColumn(name string) (int, bool) {
	if j, ok := t.colIndex[name]; ok {
		return j, true
	}
	j, ok := t.colPrinted[normalLabel(name)]
	return j, ok
}

// compileBlanks checks the columns each row leaves blank (Row.Blank):
// amount columns of the form, each named once, on rows that hold amounts;
// and marks their cells.
func (t *Template) compileBlanks(ps *problems) {
	f := &t.form
	ncol := len(f.Columns)
	for i, r := range f.Rows {
		for n, name := range r.Blank {
			j, ok := t.colIndex[name]
			switch {
			case !ok:
				ps.addf(0, rowRef(i, r), name, ErrUnknown, "a blank column the form does not have")
			case f.Columns[j].Kind == Text:
				ps.addf(0, rowRef(i, r), name, ErrMismatch, "a text column left blank: only amount columns are")
			case r.Kind == Header:
				ps.addf(0, rowRef(i, r), name, ErrMismatch, "a blank column on a header, which prints no figures")
			case slices.Contains(r.Blank[:n], name):
				ps.addf(0, rowRef(i, r), name, ErrDuplicate, "a blank column named twice")
			default:
				if t.blanks == nil {
					t.blanks = make([]bool, len(f.Rows)*ncol)
				}
				t.blanks[i*ncol+j] = true
			}
		}
	}
}

// blank reports whether the form leaves the cell [row*columns+column]
// blank (Row.Blank).
func (t *Template) blank(cell int) bool { return t.blanks != nil && t.blanks[cell] }

// Blank reports whether the form leaves the cell in the given row and
// column blank (Row.Blank): a cell that is not part of the statement. The
// row is named by its key, or by its label or label path (see RowKey).
func (t *Template) Blank(row, column string) bool {
	i, ok := t.lookup(row)
	if !ok {
		return false
	}
	j, ok := t.colIndex[column]
	return ok && t.blank(i*len(t.form.Columns)+j)
}

// orderFormulas orders the totals and subtotals, and the computed
// columns, each after what it sums. Along the way it checks that formulas
// refer to rows (columns) that hold amounts, once each, and that none
// depends on itself.
func (t *Template) orderFormulas(ps *problems) {
	f := &t.form
	rowsGiven := newRowSet(len(f.Rows))
	rowDeps := func(i int) []int {
		deps := make([]int, 0, len(t.formulas[i]))
		rowsGiven.clear()
		for _, term := range t.formulas[i] {
			j, ok := t.rowIndex[term.Key]
			switch {
			case !ok:
				ps.addf(0, f.Rows[i].Key, "", ErrUnknown, "key %q in its formula", term.Key)
			case f.Rows[j].Kind == Header:
				ps.addf(0, f.Rows[i].Key, "", ErrMismatch, "its formula sums the header %q", term.Key)
			case !rowsGiven.add(j):
				ps.addf(0, f.Rows[i].Key, "", ErrDuplicate, "its formula has the term %q twice", term.Key)
			default:
				deps = append(deps, j)
			}
		}
		return deps
	}
	colsGiven := newRowSet(len(f.Columns))
	colDeps := func(i int) []int {
		var deps []int
		colsGiven.clear()
		for _, term := range f.Columns[i].Formula {
			j, ok := t.colIndex[term.Key]
			switch {
			case !ok:
				ps.addf(0, "", f.Columns[i].Name, ErrUnknown, "column %q in its formula", term.Key)
			case f.Columns[j].Kind == Text:
				ps.addf(0, "", f.Columns[i].Name, ErrMismatch, "its formula sums the text column %q", term.Key)
			case !colsGiven.add(j):
				ps.addf(0, "", f.Columns[i].Name, ErrDuplicate, "its formula has the term %q twice", term.Key)
			default:
				deps = append(deps, j)
			}
		}
		return deps
	}
	derivedRow := func(i int) bool { return t.formulas[i] != nil }
	t.rowOrder = order(len(f.Rows), derivedRow, rowDeps, func(cycle []int) {
		ps.addf(0, f.Rows[cycle[0]].Key, "", ErrCycle, "%s", names(cycle, func(i int) string { return f.Rows[i].Key }))
	})
	t.colOrder = order(len(f.Columns), func(i int) bool { return f.Columns[i].Kind == Computed }, colDeps, func(cycle []int) {
		ps.addf(0, "", f.Columns[cycle[0]].Name, ErrCycle, "%s", names(cycle, func(i int) string { return f.Columns[i].Name }))
	})
}

// A rowSet is a set of the rows (or columns) of a form that empties in
// constant time, so that each formula of many starts with an empty one
// without the cost of the form's rows: one finds a term it has twice,
// another the rows a term sums, without a scan.
type rowSet struct {
	mark []int // per row: the filling of the set it was last added in
	fill int   // the filling now
}

// newRowSet returns an empty set of n rows.
func newRowSet(n int) rowSet { return rowSet{mark: make([]int, n), fill: 1} }

// clear empties the set.
func (s *rowSet) clear() { s.fill++ }

// has reports whether j is in the set.
func (s *rowSet) has(j int) bool { return s.mark[j] == s.fill }

// add adds j to the set and reports whether it was not in it yet.
func (s *rowSet) add(j int) bool {
	if s.mark[j] == s.fill {
		return false
	}
	s.mark[j] = s.fill
	return true
}

// indexTerms makes the rules that findings print and the index of every
// term of every formula.
func (t *Template) indexTerms() {
	f := &t.form
	t.rowRules = make([]string, len(f.Rows))
	for i, fm := range t.formulas {
		if fm != nil {
			t.rowRules[i] = fm.String()
		}
	}
	t.colRules = make([]string, len(f.Columns))
	colFormulas := make([]Formula, len(f.Columns))
	for j, c := range f.Columns {
		t.colRules[j] = c.Formula.String()
		colFormulas[j] = c.Formula
	}
	t.rowTerms = termIndexes(t.formulas, t.rowIndex)
	t.colTerms = termIndexes(colFormulas, t.colIndex)
}

// termIndexes returns, for each formula, the index of each of its terms'
// keys; a key index lacks (in a form that does not compile) is 0.
func termIndexes(fs []Formula, index map[string]int) [][]int {
	n := 0
	for _, f := range fs {
		n += len(f)
	}
	all := make([]int, n)
	out := make([][]int, len(fs))
	for i, f := range fs {
		if f == nil {
			continue
		}
		out[i], all = all[:len(f):len(f)], all[len(f):]
		for k, term := range f {
			out[i][k] = index[term.Key]
		}
	}
	return out
}

// children returns the formula of the subtotal at row i: the amount rows
// one level deeper, after it if the next row is deeper, else before it.
func children(rows []Row, i int) Formula {
	lvl := rows[i].Indent
	var f Formula
	add := func(k int) {
		if rows[k].Indent == lvl+1 && rows[k].Kind != Header && rows[k].Key != "" {
			f = append(f, Term{Key: rows[k].Key})
		}
	}
	if i+1 < len(rows) && rows[i+1].Indent > lvl {
		for k := i + 1; k < len(rows) && rows[k].Indent > lvl; k++ {
			add(k)
		}
		return f
	}
	k := i - 1
	for k >= 0 && rows[k].Indent > lvl {
		k--
	}
	for k++; k < i; k++ {
		add(k)
	}
	return f
}

// lint adds to ps what contradicts the outline of a form that compiled.
func (t *Template) lint(ps *problems) {
	rows := t.form.Rows
	reached := make([]bool, len(rows))
	terms := newRowSet(len(rows))  // the terms of the formula looked at
	at := make([]int, len(rows))   // per term of that formula: its place in it
	walked := newRowSet(len(rows)) // the rows summed through one of its terms
	var stack []int
	type twice struct{ term, through int } // places in the formula
	var found []twice
	for _, i := range t.rowOrder {
		terms.clear()
		for n, j := range t.rowTerms[i] {
			reached[j] = true
			terms.add(j)
			at[j] = n
		}
		// A term that another term of the same formula sums, directly or
		// through other totals, is counted twice. The rows each term sums
		// are walked from it: a row is walked once for each total above
		// it, a few in a form, where a set of every row per total cost
		// the rows squared.
		found = found[:0]
		for n, k := range t.rowTerms[i] {
			walked.clear()
			stack = append(stack[:0], t.rowTerms[k]...)
			for len(stack) > 0 {
				v := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if !walked.add(v) {
					continue
				}
				if terms.has(v) {
					found = append(found, twice{at[v], n})
				}
				stack = append(stack, t.rowTerms[v]...)
			}
		}
		slices.SortStableFunc(found, func(a, b twice) int { return a.term - b.term })
		for _, tw := range found {
			fm := t.formulas[i]
			ps.addf(0, rows[i].Key, "", ErrOutline, "its formula counts %q twice: as a term and through %q", fm[tw.term].Key, fm[tw.through].Key)
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

// label returns how findings name row i: its label, preceded by the labels
// of its parents in the outline as far as needed to tell it from the
// other rows of the same label (経常費用 / その他).
func (t *Template) label(i int) string { return t.labels[i] }

// Form returns a copy of the form t was compiled from: changing it does
// not change t.
func (t *Template) Form() *Form {
	f := t.form.clone()
	return &f
}

// Formula returns the formula of the row with the given key: a total's
// own, or a subtotal's sum of its children; nil for other rows.
func (t *Template) Formula(key string) Formula {
	if i, ok := t.rowIndex[key]; ok {
		return slices.Clone(t.formulas[i])
	}
	return nil
}

// order returns the nodes n for which derived(n) holds, each after the
// derived nodes it depends on, and calls cycle for each cycle it meets.
func order(n int, derived func(int) bool, deps func(int) []int, cycle func([]int)) []int {
	var out []int
	state := make([]byte, n) // 0 unseen, 1 in progress, 2 done
	var stack []int
	var visit func(i int)
	visit = func(i int) {
		switch state[i] {
		case 2:
			return
		case 1:
			at := len(stack) - 1
			for stack[at] != i {
				at--
			}
			cycle(append(append([]int(nil), stack[at:]...), i))
			return
		}
		state[i] = 1
		stack = append(stack, i)
		for _, j := range deps(i) {
			if derived(j) {
				visit(j)
			}
		}
		stack = stack[:len(stack)-1]
		state[i] = 2
		out = append(out, i)
	}
	for i := range n {
		if derived(i) {
			visit(i)
		}
	}
	return out
}

func names(idx []int, name func(int) string) string {
	s := make([]string, len(idx))
	for i, j := range idx {
		s[i] = name(j)
	}
	return strings.Join(s, " → ")
}
