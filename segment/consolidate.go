package segment

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// A Line is one side of an elimination entry.
type Line struct {
	Side    account.Side
	Account string // the code of an account of the chart, bound to an item row
	Amount  decimal.Decimal
}

// An Entry is an elimination: a journal entry whose debits equal its
// credits, such as 未払金 845,938 / 未収金 845,938.
type Entry struct {
	Memo  string
	Lines []Line
}

// NewEntry returns the entry that debits one account and credits another
// with the same amount.
func NewEntry(debit, credit string, amount decimal.Decimal, memo string) Entry {
	return Entry{Memo: memo, Lines: []Line{
		{Side: account.Debit, Account: debit, Amount: amount},
		{Side: account.Credit, Account: credit, Amount: amount},
	}}
}

// A Segment is one segment's statement, built on the consolidation's form.
type Segment struct {
	Name      string
	Statement *statement.Statement
}

// A Consolidation puts the statements of segments side by side, derives the
// 相殺等 column from elimination entries, and sums both into 合計.
type Consolidation struct {
	// Form is the form every segment's statement is built on.
	Form *statement.Form
	// Column is the column of each segment's statement that is
	// consolidated. Defaults to the form's first input column.
	Column string
	// Chart gives the categories of the accounts the entries name.
	Chart    *account.Chart
	Segments []Segment
	Entries  []Entry
	// InterSegment lists the keys of rows that hold accounts between
	// segments (他事業勘定), which must sum to zero across them.
	InterSegment []string
	// Adjust and Total name the elimination and consolidated columns.
	// They default to 相殺等 and 合計.
	Adjust, Total string
}

// Errors that the errors of Build wrap.
var (
	ErrUnbalanced       = errors.New("debits and credits differ")
	ErrBadAmount        = errors.New("amount not positive")
	ErrUnknownAccount   = errors.New("account not bound to one item row of the form")
	ErrBadSide          = errors.New("neither 借方 nor 貸方")
	ErrDifferentForm    = errors.New("statement not built on the consolidation's form")
	ErrDuplicateSegment = errors.New("segment name missing or used twice")
	ErrNoSegments       = errors.New("no segments")
)

// An EntryError reports what is wrong with an elimination entry.
type EntryError struct {
	Index int    // the entry's position in Entries
	Memo  string // its memo
	Err   error
}

// Error names the entry by position and memo.
func (e *EntryError) Error() string {
	return fmt.Sprintf("segment: entry %d (%s): %v", e.Index+1, e.Memo, e.Err)
}

// Unwrap returns one of the package's Err values.
func (e *EntryError) Unwrap() error { return e.Err }

// A SegmentError reports what is wrong with a segment.
type SegmentError struct {
	Segment string
	Err     error
}

// Error names the segment.
func (e *SegmentError) Error() string { return fmt.Sprintf("segment %q: %v", e.Segment, e.Err) }

// Unwrap returns the segment's error.
func (e *SegmentError) Unwrap() error { return e.Err }

// An InterSegmentError reports a row of accounts between segments that does
// not net to zero across them.
type InterSegmentError struct {
	Row      string          // the row's key
	Label    string          // its label
	Residual decimal.Decimal // the sum across segments
	Amounts  []decimal.Decimal
	Segments []string // the segments with a non-zero amount, in order
}

// Error names the row, its residual and the segments that hold it.
func (e *InterSegmentError) Error() string {
	parts := make([]string, len(e.Segments))
	for i, s := range e.Segments {
		parts[i] = s + " " + format.Amount(e.Amounts[i])
	}
	return fmt.Sprintf("segment: %s (%s) nets to %s across segments, not 0: %s",
		e.Label, e.Row, format.Amount(e.Residual), strings.Join(parts, ", "))
}

func (c *Consolidation) adjust() string { return cmp.Or(c.Adjust, "相殺等") }
func (c *Consolidation) total() string  { return cmp.Or(c.Total, "合計") }

// column returns the consolidated column of the form.
func (c *Consolidation) column() string {
	if c.Column != "" {
		return c.Column
	}
	for _, col := range c.Form.Columns {
		if col.Kind == statement.Input {
			return col.Name
		}
	}
	return ""
}

// ConsolidatedForm returns the form of the consolidated statement: the
// rows of Form, and a column for each segment, then Adjust and Total,
// which is the sum of the others.
func (c *Consolidation) ConsolidatedForm() *statement.Form {
	f := &statement.Form{Number: c.Form.Number, Title: c.Form.Title, Stub: c.Form.Stub, Rows: c.Form.Rows}
	var sum statement.Formula
	for _, s := range c.Segments {
		f.Columns = append(f.Columns, statement.Column{Name: s.Name, Kind: statement.Input})
		sum = append(sum, statement.Term{Key: s.Name})
	}
	f.Columns = append(f.Columns,
		statement.Column{Name: c.adjust(), Kind: statement.Input},
		statement.Column{Name: c.total(), Kind: statement.Computed, Formula: append(sum, statement.Term{Key: c.adjust()})})
	return f
}

// Build returns the consolidated statement. Every problem is reported, in
// a joined error: segments without a name or with the same name, built on
// another form or failing; entries that do not balance, have no positive
// amount, or name an account that is not bound to exactly one item row
// (*EntryError); and inter-segment rows that do not net to zero
// (*InterSegmentError).
func (c *Consolidation) Build(meta statement.Meta) (*statement.Statement, error) {
	var errs []error
	if len(c.Segments) == 0 {
		return nil, ErrNoSegments
	}
	if _, err := statement.Compile(c.Form); err != nil {
		return nil, err
	}
	col := c.column()
	seen := map[string]bool{c.adjust(): true, c.total(): true}
	for _, s := range c.Segments {
		switch {
		case s.Name == "" || seen[s.Name]:
			errs = append(errs, &SegmentError{Segment: s.Name, Err: ErrDuplicateSegment})
		case s.Statement == nil || !sameRows(s.Statement.Form(), c.Form):
			errs = append(errs, &SegmentError{Segment: s.Name, Err: ErrDifferentForm})
		}
		seen[s.Name] = true
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	adjust, err := c.eliminations()
	if err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, c.interSegment(col)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var figs []statement.Figure
	for _, row := range c.Form.Rows {
		if row.Kind != statement.Item {
			continue
		}
		for _, s := range c.Segments {
			v, _ := s.Statement.Cell(row.Key, col)
			figs = append(figs, statement.Figure{Row: row.Key, Column: s.Name, Value: v})
		}
		figs = append(figs, statement.Figure{Row: row.Key, Column: c.adjust(), Value: format.CellOf(adjust[row.Key])})
	}
	return statement.Build(c.ConsolidatedForm(), meta, figs)
}

// sameRows reports whether f and g have the same rows, formulas included.
func sameRows(f, g *statement.Form) bool {
	return f == g || slices.EqualFunc(f.Rows, g.Rows, func(a, b statement.Row) bool {
		return a.Key == b.Key && a.Kind == b.Kind && a.Account == b.Account && a.Formula.String() == b.Formula.String()
	})
}

// eliminations returns the 相殺等 amount of each item row the entries move.
func (c *Consolidation) eliminations() (map[string]decimal.Decimal, error) {
	rowOf := map[string][]string{} // account → item rows bound to it
	for _, r := range c.Form.Rows {
		if r.Kind == statement.Item && r.Account != "" {
			rowOf[r.Account] = append(rowOf[r.Account], r.Key)
		}
	}
	adjust := map[string]decimal.Decimal{}
	var errs []error
	for i, e := range c.Entries {
		fail := func(format string, args ...any) {
			errs = append(errs, &EntryError{Index: i, Memo: e.Memo, Err: fmt.Errorf(format, args...)})
		}
		var debit, credit decimal.Decimal
		ok := true
		for _, l := range e.Lines {
			a, found := c.Chart.Lookup(l.Account)
			rows := rowOf[l.Account]
			switch {
			case !l.Amount.IsPositive():
				fail("%w: %s %s %s", ErrBadAmount, l.Side, l.Account, l.Amount)
			case l.Side != account.Debit && l.Side != account.Credit:
				fail("%w: %v", ErrBadSide, l.Side)
			case !found || len(rows) != 1:
				fail("%w: %s %q", ErrUnknownAccount, l.Side, l.Account)
			default:
				if l.Side == account.Debit {
					debit = debit.Add(l.Amount)
				} else {
					credit = credit.Add(l.Amount)
				}
				effect := l.Amount.Mul(decimal.NewFromInt(int64(l.Side.Sign(a.Category))))
				adjust[rows[0]] = adjust[rows[0]].Add(effect)
				continue
			}
			ok = false
		}
		if ok && !debit.Equal(credit) {
			fail("%w: 借方 %s, 貸方 %s", ErrUnbalanced, format.Amount(debit), format.Amount(credit))
		}
	}
	return adjust, errors.Join(errs...)
}

// interSegment checks that each inter-segment row nets to zero.
func (c *Consolidation) interSegment(col string) []error {
	var errs []error
	for _, key := range c.InterSegment {
		e := &InterSegmentError{Row: key, Label: key}
		for _, r := range c.Form.Rows {
			if r.Key == key {
				e.Label = r.Label
			}
		}
		for _, s := range c.Segments {
			v, ok := s.Statement.Cell(key, col)
			if !ok {
				errs = append(errs, &SegmentError{Segment: s.Name, Err: fmt.Errorf("no inter-segment row %q", key)})
				continue
			}
			if v.Valid && !v.Amount.IsZero() {
				e.Residual = e.Residual.Add(v.Amount)
				e.Amounts = append(e.Amounts, v.Amount)
				e.Segments = append(e.Segments, s.Name)
			}
		}
		if !e.Residual.IsZero() {
			errs = append(errs, e)
		}
	}
	return errs
}
