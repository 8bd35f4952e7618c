package account

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// Errors that a Problem or a ParseError wraps, for errors.Is; the
// wrapping message gives the detail, such as "unknown parent \"2100\"".
// They are the module's own: every package's sentinel of the same name is
// the same value, so that errors.Is finds them in an error that another
// package passes on.
var (
	ErrSyntax    = errs.ErrSyntax    // a malformed code, field or file
	ErrRange     = errs.ErrRange     // a category other than its parent's
	ErrUnknown   = errs.ErrUnknown   // a category, parent, column or member
	ErrDuplicate = errs.ErrDuplicate // a code, column or member given twice
	ErrCycle     = errs.ErrCycle     // accounts that are their own ancestors
	ErrMissing   = errs.ErrMissing   // an empty code or name, a required column
	ErrEncoding  = errs.ErrEncoding  // text that is not UTF-8 (nor CP932, for CSV)
)

// An Error lists every problem found in one source.
type Error struct {
	Source   string // the file or stream read, if known
	Problems []Problem
}

// Error lists the problems, separated by semicolons: the first ten, and
// how many more there are.
func (e *Error) Error() string {
	return problem.List("account", e.Source, len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns each problem, so that errors.Is finds each problem's
// sentinel.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// A Problem is one thing wrong, at one place.
type Problem struct {
	Line   int    // 1-based line in the source; 0 for accounts given in code
	Row    string // the account code (or row) it concerns, if any
	Column string // the CSV column or JSON member, if any
	Err    error  // wraps one of the package's sentinels
}

// Error returns the problem with its place, as in
// line 3: account "1110": duplicate code (first on line 2).
func (p Problem) Error() string {
	return problem.Message(p.Line, "account", p.Row, p.Column, p.Err)
}

// Unwrap returns the problem's error.
func (p Problem) Unwrap() error { return p.Err }

// A Chart is a chart of accounts: accounts in the order given, arranged in
// a tree by their parents. A Chart is immutable and safe for concurrent use.
// The zero value is an empty chart.
type Chart struct {
	accounts []Account
	index    map[string]int   // code → position in accounts
	children map[string][]int // parent code ("" for roots) → positions, in order
}

// NewChart builds a chart from accounts, in the order given; a parent may
// come after its children. It checks every account and returns an *Error
// listing all the problems: codes missing, malformed or given twice, empty
// names, unknown categories, unknown parents, cycles, and children whose
// category differs from their parent's.
func NewChart(accounts []Account) (*Chart, error) {
	return newChart("", accounts, nil, nil)
}

// A place tells where an account was read: its line, and its category as
// written, for messages.
type place struct {
	line     int
	category string
}

// newChart is NewChart for accounts read from the source named name: src,
// when not nil, gives the source of each account, and problems those found
// while reading.
func newChart(name string, accounts []Account, src []place, problems []Problem) (*Chart, error) {
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
		problems = append(problems, Problem{Line: line(i), Row: accounts[i].Code, Err: err})
	}
	for i, a := range c.accounts {
		if a.Code == "" {
			report(i, fmt.Errorf("%w code", ErrMissing)) // not indexed: "" is no account's parent
		} else if !validCode(a.Code) {
			report(i, fmt.Errorf("%w: a code not made of letters, digits, '_' and '.'", ErrSyntax))
		}
		if j, dup := c.index[a.Code]; dup {
			where := ""
			if src != nil {
				where = fmt.Sprintf(" (first on line %d)", line(j))
			}
			report(i, fmt.Errorf("%w code%s", ErrDuplicate, where))
			continue
		} else if a.Code != "" {
			c.index[a.Code] = i
		}
		if strings.TrimSpace(a.Name) == "" {
			report(i, fmt.Errorf("%w name", ErrMissing))
		}
		if !a.Category.Valid() {
			name := a.Category.String()
			if src != nil {
				name = quote.Bounded(src[i].category)
			}
			report(i, fmt.Errorf("%w category %s", ErrUnknown, name))
		}
	}
	for i, a := range c.accounts {
		if j, ok := c.index[a.Code]; !ok || j != i {
			continue // no code, or a duplicate: already reported
		}
		if a.Parent == "" {
			c.children[""] = append(c.children[""], i)
			continue
		}
		p, ok := c.index[a.Parent]
		if !ok {
			report(i, fmt.Errorf("%w parent %s", ErrUnknown, quote.Bounded(a.Parent)))
			continue
		}
		c.children[a.Parent] = append(c.children[a.Parent], i)
		if pc := c.accounts[p].Category; a.Category.Valid() && pc.Valid() && pc != a.Category {
			report(i, fmt.Errorf("%w: category %s under %s", ErrRange, a.Category, pc))
		}
	}
	problems = append(problems, c.cycles(line)...)
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b Problem) int { return a.Line - b.Line })
		return nil, &Error{Source: name, Problems: problems}
	}
	return c, nil
}

// cycles reports each cycle of parents once, at its first account.
func (c *Chart) cycles(line func(int) int) []Problem {
	var problems []Problem
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
				problems = append(problems, Problem{Line: line(i), Row: c.accounts[i].Code,
					Err: fmt.Errorf("%w of parents: %s", ErrCycle, strings.Join(codes, " → "))})
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
	return problems
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
