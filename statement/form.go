package statement

import (
	"fmt"
	"slices"
	"strings"
)

// A RowKind says what a row of a form holds. The zero value is not a kind.
type RowKind int

// Row kinds.
const (
	Header   RowKind = iota + 1 // a heading without figures: 資産の部
	Item                        // a figure given as input: a leaf
	Total                       // a figure computed from other rows by its formula
	Subtotal                    // the sum of its direct children in the outline
)

var rowKindNames = [...]string{"", "header", "item", "total", "subtotal"}

// String returns header, item, total or subtotal; an unknown kind prints
// as %!RowKind(n).
func (k RowKind) String() string {
	if k < Header || k > Subtotal {
		return fmt.Sprintf("%%!RowKind(%d)", int(k))
	}
	return rowKindNames[k]
}

// ParseRowKind returns the kind named s: header, item, total or subtotal.
// Other text is a *ParseError wrapping ErrSyntax.
func ParseRowKind(s string) (RowKind, error) {
	for k := Header; k <= Subtotal; k++ {
		if s == rowKindNames[k] {
			return k, nil
		}
	}
	return 0, &ParseError{Input: s, Reason: "not a row kind (header, item, total or subtotal)", Err: ErrSyntax}
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
// "4100-5100" or "-a+b"; spaces around the operators are allowed. Other
// text is a *ParseError wrapping ErrSyntax.
func ParseFormula(s string) (Formula, error) {
	var f Formula
	off := 0 // of rest in s
	rest := s
	skip := func() {
		t := strings.TrimLeft(rest, " \t")
		off += len(rest) - len(t)
		rest = strings.TrimRight(t, " \t")
	}
	skip()
	if rest == "" {
		return nil, &ParseError{Input: s, Reason: "empty formula", Err: ErrSyntax}
	}
	neg := false
	if rest[0] == '+' || rest[0] == '-' {
		neg = rest[0] == '-'
		rest, off = rest[1:], off+1
	}
	for {
		skip()
		i := strings.IndexAny(rest, "+-")
		if i < 0 {
			i = len(rest)
		}
		key := strings.TrimRight(rest[:i], " \t")
		if key == "" {
			return nil, &ParseError{Input: s, Offset: off, Reason: fmt.Sprintf("missing term at offset %d", off), Err: ErrSyntax}
		}
		f = append(f, Term{Key: key, Negative: neg})
		if i == len(rest) {
			return f, nil
		}
		neg = rest[i] == '-'
		rest, off = rest[i+1:], off+i+1
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
	Indent  int     // nesting level in the printed layout, 0 to MaxIndent
	Note    string  // the printed note mark, such as ※１
	Hidden  bool    // computed but not printed, such as the rows a summary merges
	Remark  string  // not printed: where the line comes from, how sure it is
	// Blank names the amount columns the form leaves blank on this row:
	// cells that are not part of the statement, as 様式第3号 leaves 合計
	// blank on the rows of 固定資産等の変動（内部変動）, whose two classes
	// move by opposite amounts. No formula applies there, neither the
	// column's nor the row's: the cell has no figure, prints blank (not
	// as a dash, 該当なし), is read as blank, a dash or 0 without
	// complaint, and counts as nothing in the totals it is a term of; a
	// figure other than 0 read there is a finding (NotBlank). An item's
	// blank cell of an input column takes no figure. Defaults to none.
	Blank []string
}

// SpreadBlank returns a copy of rows for a form each of whose columns
// shows the one column of rows' form, as a table of segments or a
// consolidation's 精算表 shows its members' figures of one column: a row
// that leaves column blank (Row.Blank) leaves every one of columns blank;
// the other rows leave none.
func SpreadBlank(rows []Row, column string, columns []Column) []Row {
	out := slices.Clone(rows)
	for i := range out {
		blank := slices.Contains(out[i].Blank, column)
		out[i].Blank = nil
		for _, c := range columns {
			if blank && c.Kind != Text {
				out[i].Blank = append(out[i].Blank, c.Name)
			}
		}
	}
	return out
}

// MaxIndent is the deepest nesting level a row may have. Published forms
// nest five or six levels; the bound keeps a bad form from making every
// printed line millions of columns wide.
const MaxIndent = 16

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
// name:text. Errors are *ParseError values.
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
				return nil, err
			}
			c = Column{Name: strings.TrimSpace(name), Kind: Computed, Formula: formula}
		} else if name, ok := strings.CutSuffix(part, ":text"); ok {
			c = Column{Name: strings.TrimSpace(name), Kind: Text}
		}
		if c.Name == "" {
			return nil, &ParseError{Input: spec, Reason: "a column without a name", Err: ErrSyntax}
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

func columnNames(f *Form) []string {
	names := make([]string, len(f.Columns))
	for j, c := range f.Columns {
		names[j] = c.Name
	}
	return names
}
