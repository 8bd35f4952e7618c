package statement

import (
	"errors"
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/account"
)

// A RowKind says what a row of a form holds. The zero value is not a kind.
type RowKind int

// Row kinds.
const (
	Header RowKind = iota + 1 // a heading without figures: 資産の部
	Item                      // a figure given as input: a leaf
	Total                     // a figure computed from other rows by a formula
)

var rowKindNames = [...]string{"", "header", "item", "total"}

// String returns header, item or total; an unknown kind prints as
// %!RowKind(n).
func (k RowKind) String() string {
	if k < Header || k > Total {
		return fmt.Sprintf("%%!RowKind(%d)", int(k))
	}
	return rowKindNames[k]
}

// ParseRowKind returns the kind named s: header, item or total.
func ParseRowKind(s string) (RowKind, error) {
	for k := Header; k <= Total; k++ {
		if s == rowKindNames[k] {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown row kind %q", s)
}

// A Term is one signed reference of a Formula.
type Term struct {
	Key      string // a row key, or a column name in a column's formula
	Negative bool   // subtract instead of add
}

// A Formula is a signed sum: 営業利益 = 営業収益合計 − 営業費用合計 is
// Formula{{Key: "4100"}, {Key: "5100", Negative: true}}.
type Formula []Term

// ParseFormula reads a formula written as keys joined by + and -, such as
// "4100-5100" or "-a+b"; spaces around the operators are allowed.
func ParseFormula(s string) (Formula, error) {
	var f Formula
	rest := strings.TrimSpace(s)
	if rest == "" {
		return nil, fmt.Errorf("empty formula")
	}
	neg := false
	if rest[0] == '+' || rest[0] == '-' {
		neg = rest[0] == '-'
		rest = strings.TrimSpace(rest[1:])
	}
	for {
		i := strings.IndexAny(rest, "+-")
		if i < 0 {
			i = len(rest)
		}
		key := strings.TrimSpace(rest[:i])
		if key == "" {
			return nil, fmt.Errorf("formula %q: missing term", s)
		}
		f = append(f, Term{Key: key, Negative: neg})
		if i == len(rest) {
			return f, nil
		}
		neg = rest[i] == '-'
		rest = rest[i+1:]
	}
}

// String returns f as ParseFormula reads it: "4100-5100".
func (f Formula) String() string {
	var b strings.Builder
	for i, t := range f {
		switch {
		case t.Negative:
			b.WriteByte('-')
		case i > 0:
			b.WriteByte('+')
		}
		b.WriteString(t.Key)
	}
	return b.String()
}

// A Row is one line of a form.
type Row struct {
	Key     string  // unique in the form; referred to by formulas and figures
	Kind    RowKind // Header, Item or Total
	Label   string  // as printed, without note marks
	Account string  // the chart code the row is bound to, if any
	Formula Formula // for Total rows: the rows it sums, with their signs
	Indent  int     // nesting level in the printed layout
	Note    string  // the printed note mark, such as ※１
	Hidden  bool    // computed but not printed, such as the rows a summary merges
}

// A ColumnKind says what a column of a form holds. The zero value is not a
// kind.
type ColumnKind int

// Column kinds.
const (
	Input    ColumnKind = iota + 1 // amounts given as figures
	Computed                       // amounts computed from other columns of the row
	Text                           // text, such as 備考
)

// A Column is one column of a form.
type Column struct {
	Name    string
	Kind    ColumnKind
	Formula Formula // for Computed columns: a signed sum of other column names
}

// ParseColumns reads columns written as names joined by |. A computed
// column is written name=formula over other column names, a text column
// name:text:
//
//	予算額|決算額|差額=決算額-予算額|備考:text
func ParseColumns(spec string) ([]Column, error) {
	var cols []Column
	for _, part := range strings.Split(spec, "|") {
		part = strings.TrimSpace(part)
		c := Column{Name: part, Kind: Input}
		if name, f, ok := strings.Cut(part, "="); ok {
			formula, err := ParseFormula(f)
			if err != nil {
				return nil, fmt.Errorf("column %q: %w", name, err)
			}
			c = Column{Name: strings.TrimSpace(name), Kind: Computed, Formula: formula}
		} else if name, ok := strings.CutSuffix(part, ":text"); ok {
			c = Column{Name: strings.TrimSpace(name), Kind: Text}
		}
		if c.Name == "" {
			return nil, fmt.Errorf("columns %q: a column without a name", spec)
		}
		cols = append(cols, c)
	}
	return cols, nil
}

// FormatColumns returns cols as ParseColumns reads them.
func FormatColumns(cols []Column) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		switch c.Kind {
		case Computed:
			parts[i] = c.Name + "=" + c.Formula.String()
		case Text:
			parts[i] = c.Name + ":text"
		default:
			parts[i] = c.Name
		}
	}
	return strings.Join(parts, "|")
}

// A Form (様式) is the layout of a statement: its rows and columns. A Form is
// plain data; Validate checks it, and Build does so before using it.
type Form struct {
	Number  string // the form number as printed, such as 様式第8号; empty if none
	Title   string // such as 貸借対照表
	Stub    string // the heading of the label column; defaults to 科目
	Columns []Column
	Rows    []Row
	// Vertical prints the columns one after another, each as a block of
	// its rows, as the J-LIS 純資産変動計算書 prints its components.
	Vertical bool
}

// Errors that a FormError wraps.
var (
	ErrDuplicateKey = errors.New("key used twice")
	ErrUnknownKey   = errors.New("unknown key")
	ErrCycle        = errors.New("formula cycle")
	ErrBadFormula   = errors.New("bad formula")
	ErrBadRow       = errors.New("bad row")
	ErrUnknownCode  = errors.New("account code not in the chart")
)

// A FormError lists every defect of a form.
type FormError struct {
	Form    string // the form's number or title
	Defects []error
}

// Error lists every defect, separated by semicolons.
func (e *FormError) Error() string {
	msgs := make([]string, len(e.Defects))
	for i, d := range e.Defects {
		msgs[i] = d.Error()
	}
	return fmt.Sprintf("statement: form %s: %s", e.Form, strings.Join(msgs, "; "))
}

// Unwrap returns the defects.
func (e *FormError) Unwrap() []error { return e.Defects }

// name returns how errors name f.
func (f *Form) name() string {
	if f.Number != "" {
		return f.Number + " " + f.Title
	}
	return f.Title
}

// Validate checks that f can be built: keys are unique and non-empty on
// every row that is not a header; totals have formulas over existing rows
// and no row depends on itself; columns are named once, and computed columns
// refer to other amount columns without a cycle. It returns a *FormError
// listing every defect.
func (f *Form) Validate() error {
	_, err := f.plan()
	return err
}

// CheckAccounts reports, in a *FormError, every row bound to an account
// code that chart does not have.
func (f *Form) CheckAccounts(chart *account.Chart) error {
	var defects []error
	for _, r := range f.Rows {
		if _, ok := chart.Lookup(r.Account); r.Account != "" && !ok {
			defects = append(defects, fmt.Errorf("row %q (%s): %w: %q", r.Key, r.Label, ErrUnknownCode, r.Account))
		}
	}
	if len(defects) > 0 {
		return &FormError{Form: f.name(), Defects: defects}
	}
	return nil
}

// A plan is a validated form with the order in which to compute it.
type plan struct {
	rowIndex map[string]int
	colIndex map[string]int
	rowOrder []int // total rows, each after the rows it sums
	colOrder []int // computed columns, each after the columns it uses
}

func (f *Form) plan() (*plan, error) {
	p := &plan{rowIndex: map[string]int{}, colIndex: map[string]int{}}
	var defects []error
	bad := func(format string, args ...any) {
		defects = append(defects, fmt.Errorf(format, args...))
	}
	for i, r := range f.Rows {
		switch {
		case r.Kind < Header || r.Kind > Total:
			bad("row %d %q: %w: kind %v", i+1, r.Label, ErrBadRow, r.Kind)
		case r.Key == "" && r.Kind != Header:
			bad("row %d %q: %w: an %v without a key", i+1, r.Label, ErrBadRow, r.Kind)
		case r.Kind == Total && len(r.Formula) == 0:
			bad("row %q: %w: a total without a formula", r.Key, ErrBadFormula)
		case r.Kind != Total && len(r.Formula) > 0:
			bad("row %q: %w: an %v with a formula", r.Key, ErrBadFormula, r.Kind)
		}
		if r.Key == "" {
			continue
		}
		if _, dup := p.rowIndex[r.Key]; dup {
			bad("row %q: %w", r.Key, ErrDuplicateKey)
			continue
		}
		p.rowIndex[r.Key] = i
	}
	for i, c := range f.Columns {
		switch {
		case c.Name == "":
			bad("column %d: %w: no name", i+1, ErrBadRow)
		case c.Kind < Input || c.Kind > Text:
			bad("column %q: %w: kind %d", c.Name, ErrBadRow, c.Kind)
		case c.Kind == Computed && len(c.Formula) == 0:
			bad("column %q: %w: a computed column without a formula", c.Name, ErrBadFormula)
		case c.Kind != Computed && len(c.Formula) > 0:
			bad("column %q: %w: formula on a column that is not computed", c.Name, ErrBadFormula)
		}
		if _, dup := p.colIndex[c.Name]; dup {
			bad("column %q: %w", c.Name, ErrDuplicateKey)
			continue
		}
		p.colIndex[c.Name] = i
	}
	// Formulas refer to rows (columns) that hold amounts.
	rowDeps := func(i int) []int {
		var deps []int
		for _, t := range f.Rows[i].Formula {
			j, ok := p.rowIndex[t.Key]
			switch {
			case !ok:
				bad("row %q: %w %q in its formula", f.Rows[i].Key, ErrUnknownKey, t.Key)
			case f.Rows[j].Kind == Header:
				bad("row %q: %w: it sums the header %q", f.Rows[i].Key, ErrBadFormula, t.Key)
			default:
				deps = append(deps, j)
			}
		}
		return deps
	}
	colDeps := func(i int) []int {
		var deps []int
		for _, t := range f.Columns[i].Formula {
			j, ok := p.colIndex[t.Key]
			switch {
			case !ok:
				bad("column %q: %w %q in its formula", f.Columns[i].Name, ErrUnknownKey, t.Key)
			case f.Columns[j].Kind == Text:
				bad("column %q: %w: it sums the text column %q", f.Columns[i].Name, ErrBadFormula, t.Key)
			default:
				deps = append(deps, j)
			}
		}
		return deps
	}
	p.rowOrder = order(len(f.Rows), func(i int) bool { return f.Rows[i].Kind == Total }, rowDeps,
		func(cycle []int) {
			bad("row %q: %w: %s", f.Rows[cycle[0]].Key, ErrCycle, names(cycle, func(i int) string { return f.Rows[i].Key }))
		})
	p.colOrder = order(len(f.Columns), func(i int) bool { return f.Columns[i].Kind == Computed }, colDeps,
		func(cycle []int) {
			bad("column %q: %w: %s", f.Columns[cycle[0]].Name, ErrCycle, names(cycle, func(i int) string { return f.Columns[i].Name }))
		})
	if len(defects) > 0 {
		return nil, &FormError{Form: f.name(), Defects: defects}
	}
	return p, nil
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
