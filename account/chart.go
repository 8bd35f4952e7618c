package account

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
)

// Errors that a Defect wraps, for errors.Is on a *ChartError.
var (
	ErrBadCode          = errors.New("code missing or not made of letters, digits, '_' and '.'")
	ErrDuplicateCode    = errors.New("duplicate code")
	ErrEmptyName        = errors.New("empty name")
	ErrUnknownParent    = errors.New("unknown parent")
	ErrCycle            = errors.New("parent cycle")
	ErrCategoryMismatch = errors.New("category differs from the parent's")
	ErrFieldCount       = errors.New("wrong number of fields")
)

// A Defect is one thing wrong with the definition of a chart.
type Defect struct {
	Line int    // line of the CSV or JSON source; 0 for accounts given in code
	Code string // the account's code, as given
	Err  error  // one of the package's Err values, possibly wrapped with detail
}

// Error returns the defect with its line and account code.
func (d Defect) Error() string {
	var b strings.Builder
	if d.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", d.Line)
	}
	if d.Code != "" {
		fmt.Fprintf(&b, "account %q: ", d.Code)
	}
	b.WriteString(d.Err.Error())
	return b.String()
}

// Unwrap returns the defect's error, one of the package's Err values.
func (d Defect) Unwrap() error { return d.Err }

// A ChartError lists every defect found in the definition of a chart.
type ChartError struct {
	Source  string // the file or stream read, if known
	Defects []Defect
}

// Error lists every defect, separated by semicolons.
func (e *ChartError) Error() string {
	var b strings.Builder
	b.WriteString("account: ")
	if e.Source != "" {
		b.WriteString(e.Source + ": ")
	}
	for i, d := range e.Defects {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Unwrap returns the defects, so that errors.Is finds each defect's error.
func (e *ChartError) Unwrap() []error {
	errs := make([]error, len(e.Defects))
	for i, d := range e.Defects {
		errs[i] = d
	}
	return errs
}

// A Chart is a chart of accounts: accounts in the order given, arranged in
// a tree by their parents. A Chart is immutable and safe for concurrent use.
// The zero value is an empty chart.
type Chart struct {
	accounts []Account
	index    map[string]int   // code → position in accounts
	children map[string][]int // parent code ("" for roots) → positions, in order
}

// NewChart builds a chart from accounts, in the order given; a parent may
// come after its children. It checks every account and returns a *ChartError
// listing all the defects: codes missing, malformed or given twice, empty
// names, unknown categories, unknown parents, cycles, and children whose
// category differs from their parent's.
func NewChart(accounts []Account) (*Chart, error) {
	return newChart(accounts, nil, nil)
}

// A source tells where an account was read: its line, and its category as
// written, for messages.
type source struct {
	line     int
	category string
}

// newChart is NewChart for accounts read from a file: src, when not nil,
// gives the source of each account, and defects those found while reading.
func newChart(accounts []Account, src []source, defects []Defect) (*Chart, error) {
	c := &Chart{
		accounts: append([]Account(nil), accounts...),
		index:    make(map[string]int, len(accounts)),
		children: make(map[string][]int),
	}
	line := func(i int) int {
		if src == nil {
			return 0
		}
		return src[i].line
	}
	report := func(i int, err error) {
		defects = append(defects, Defect{Line: line(i), Code: accounts[i].Code, Err: err})
	}
	for i, a := range c.accounts {
		if !validCode(a.Code) {
			report(i, ErrBadCode)
		} else if j, dup := c.index[a.Code]; dup {
			where := ""
			if src != nil {
				where = fmt.Sprintf(" (first on line %d)", line(j))
			}
			report(i, fmt.Errorf("%w%s", ErrDuplicateCode, where))
			continue
		}
		c.index[a.Code] = i
		if strings.TrimSpace(a.Name) == "" {
			report(i, ErrEmptyName)
		}
		if !a.Category.Valid() {
			name := a.Category.String()
			if src != nil {
				name = strconv.Quote(src[i].category)
			}
			report(i, fmt.Errorf("%w %s", ErrUnknownCategory, name))
		}
	}
	for i, a := range c.accounts {
		if c.index[a.Code] != i {
			continue // a duplicate, already reported
		}
		if a.Parent == "" {
			c.children[""] = append(c.children[""], i)
			continue
		}
		p, ok := c.index[a.Parent]
		if !ok {
			report(i, fmt.Errorf("%w %q", ErrUnknownParent, a.Parent))
			continue
		}
		c.children[a.Parent] = append(c.children[a.Parent], i)
		if pc := c.accounts[p].Category; a.Category.Valid() && pc.Valid() && pc != a.Category {
			report(i, fmt.Errorf("%w: %s under %s", ErrCategoryMismatch, a.Category, pc))
		}
	}
	defects = append(defects, c.cycles(line)...)
	if len(defects) > 0 {
		slices.SortStableFunc(defects, func(a, b Defect) int { return a.Line - b.Line })
		return nil, &ChartError{Defects: defects}
	}
	return c, nil
}

// cycles reports each cycle of parents once, at its first account.
func (c *Chart) cycles(line func(int) int) []Defect {
	var defects []Defect
	state := make([]byte, len(c.accounts)) // 0 unseen, 1 on the current path, 2 done
	for start := range c.accounts {
		var path []int
		i := start
		for {
			if state[i] == 2 {
				break
			}
			if state[i] == 1 {
				var codes []string
				for _, j := range path[indexOf(path, i):] {
					codes = append(codes, c.accounts[j].Code)
				}
				codes = append(codes, c.accounts[i].Code)
				defects = append(defects, Defect{Line: line(i), Code: c.accounts[i].Code,
					Err: fmt.Errorf("%w: %s", ErrCycle, strings.Join(codes, " → "))})
				break
			}
			state[i] = 1
			path = append(path, i)
			p, ok := c.index[c.accounts[i].Parent]
			if !ok {
				break
			}
			i = p
		}
		for _, j := range path {
			state[j] = 2
		}
	}
	return defects
}

func indexOf(s []int, v int) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// Len returns the number of accounts in c.
func (c *Chart) Len() int {
	if c == nil {
		return 0
	}
	return len(c.accounts)
}

// Lookup returns the account with the given code.
func (c *Chart) Lookup(code string) (Account, bool) {
	if c == nil {
		return Account{}, false
	}
	i, ok := c.index[code]
	if !ok {
		return Account{}, false
	}
	return c.accounts[i], true
}

// All returns the accounts in the order they were given.
func (c *Chart) All() iter.Seq[Account] {
	return func(yield func(Account) bool) {
		if c == nil {
			return
		}
		for _, a := range c.accounts {
			if !yield(a) {
				return
			}
		}
	}
}

// Children returns the accounts whose parent is code, in the order given;
// the roots for an empty code.
func (c *Chart) Children(code string) []Account {
	if c == nil {
		return nil
	}
	idx := c.children[code]
	out := make([]Account, len(idx))
	for i, j := range idx {
		out[i] = c.accounts[j]
	}
	return out
}

// Path returns the account with the given code and its ancestors, from the
// root down; nil for an unknown code.
func (c *Chart) Path(code string) []Account {
	if c == nil {
		return nil
	}
	var path []Account
	for {
		i, ok := c.index[code]
		if !ok {
			break
		}
		path = append(path, c.accounts[i])
		code = c.accounts[i].Parent
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path
}
