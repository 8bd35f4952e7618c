package statement

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// A Certificate proves a Violation found under rounding. Its Identities,
// each added Times times (subtracted when Times is negative), give one
// combined identity in which every other cell cancels and only the
// printed Figures are left, each with its coefficient. What those figures
// stand for sums to Sum, an interval that excludes zero: no exact figures
// that the printed ones may have been rounded from satisfy the identities
// together. Excess is how far Sum lies from zero, in yen: how far the
// identities are off beyond what rounding can explain. A violation on its
// own is a certificate of one identity; the identities of a joint conflict
// are every one that it needs, as far as the search found them.
//
// A conflict that only whole yen make (the identities hold together for
// amounts in fractions of a yen) is proven by cases instead: Split.
type Certificate struct {
	Identities []CertifiedIdentity
	Figures    []CertifiedFigure
	Sum        Range
	Excess     decimal.Decimal
	// Split, when not nil, proves the conflict by cases, and the fields
	// above are empty.
	Split *Split
}

// A CertifiedIdentity is an identity of a certificate: a total or computed
// cell of a statement with its formula, or a link, taken Times times.
type CertifiedIdentity struct {
	Kind      FindingKind // IdentityBroken or LinkBroken
	Statement string      // as findings name it
	Row       string      // the row's key; for a link, that of its first cell
	Label     string      // the row's label, as findings show it
	Column    string
	Rule      string // the formula as written, or the link's name
	Times     int64
}

// A CertifiedFigure is a printed figure of a certificate, with its
// coefficient in the combined identity and the exact yen it stands for.
type CertifiedFigure struct {
	Statement string // as findings name it
	Row       string // the row's key
	Label     string // the row's label, as findings show it
	Column    string
	Times     int64
	Printed   format.Cell // the figure as printed, in yen
	Unit      format.Unit // the unit it is printed in
	// Range is the exact yen it stands for, narrowed by the cases of the
	// splits above it.
	Range Range
}

// A Split proves a conflict by cases on the exact yen of one figure:
// Below for at most At yen, Above for at least At + 1. Each assumes what
// the splits above it assume.
type Split struct {
	Figure       CertifiedFigure // its Times is zero
	At           decimal.Decimal
	Below, Above *Certificate
}

// String describes the certificate on a few lines: the identities with
// their multipliers, the figures left with what they stand for, and the
// sum that excludes zero. Cells are named by statement, label and column,
// but by label and column alone when they are all of one statement.
func (c *Certificate) String() string {
	var b strings.Builder
	names := map[string]bool{}
	c.statements(names)
	c.write(&b, "", len(names) > 1)
	return strings.TrimSuffix(b.String(), "\n")
}

// statements adds the statements c names to names.
func (c *Certificate) statements(names map[string]bool) {
	if c.Split != nil {
		names[c.Split.Figure.Statement] = true
		c.Split.Below.statements(names)
		c.Split.Above.statements(names)
		return
	}
	for _, id := range c.Identities {
		names[id.Statement] = true
	}
	for _, f := range c.Figures {
		names[f.Statement] = true
	}
}

func (c *Certificate) write(b *strings.Builder, indent string, named bool) {
	if c.Split != nil {
		sp := c.Split
		where := sp.Figure.where(named)
		at := format.Formatter{Suffix: true}
		fmt.Fprintf(b, "%sif %s is at most %s:\n", indent, where, at.Format(sp.At))
		sp.Below.write(b, indent+"  ", named)
		fmt.Fprintf(b, "%sif %s is at least %s:\n", indent, where, at.Format(sp.At.Add(decimal.New(1, 0))))
		sp.Above.write(b, indent+"  ", named)
		return
	}
	for _, id := range c.Identities {
		fmt.Fprintf(b, "%s%s %s", indent, times(id.Times), id.where(named))
		if id.Kind == LinkBroken {
			fmt.Fprintf(b, ": link %s\n", id.Rule)
		} else {
			fmt.Fprintf(b, ": %s\n", id.Rule)
		}
	}
	var terms []string
	for _, f := range c.Figures {
		show := format.Formatter{Unit: f.Unit, Suffix: true}
		terms = append(terms, fmt.Sprintf("%s %s %s (%s)", times(f.Times), f.where(named), show.FormatCell(f.Printed), f.Range))
	}
	fmt.Fprintf(b, "%sleave %s\n", indent, strings.Join(terms, ", "))
	fmt.Fprintf(b, "%swhich sum to %s, off by %s beyond rounding\n", indent, c.Sum, format.Formatter{Suffix: true}.Format(c.Excess))
}

// times writes a multiplier: +, −, +2×, −3×.
func times(k int64) string {
	switch k {
	case 1:
		return "+"
	case -1:
		return "−"
	}
	if k < 0 {
		return fmt.Sprintf("−%d×", -k)
	}
	return fmt.Sprintf("+%d×", k)
}

func (id CertifiedIdentity) where(named bool) string {
	return joinWhere(named, id.Statement, firstNonEmpty(id.Label, id.Row), id.Column)
}

func (f CertifiedFigure) where(named bool) string {
	return joinWhere(named, f.Statement, firstNonEmpty(f.Label, f.Row), f.Column)
}

// joinWhere names a cell as a finding does: statement: label column, or
// without the statement.
func joinWhere(named bool, statement, label, column string) string {
	where := strings.TrimSpace(label + " " + column)
	if !named || statement == "" {
		return where
	}
	return statement + ": " + where
}
