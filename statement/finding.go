package statement

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// A FindingKind says what a Finding is about.
type FindingKind int

// Finding kinds.
const (
	RowMissing       FindingKind = iota + 1 // a row that one statement has and the other lacks
	ColumnMissing                           // a column that one statement has and the other lacks
	AmountDiffers                           // an amount that differs from the one expected
	TextDiffers                             // a text that differs from the one expected
	IdentityBroken                          // a total or computed cell that its terms do not give
	LinkBroken                              // an identity across cells of a book that does not hold, or names a cell it lacks
	StatementMissing                        // a statement that one book has and the other lacks
	StalePin                                // a pin that no finding matches: its figure is reproduced after all
	// BlankFigure: a total or computed cell printed blank, neither a
	// figure nor a dash, while terms of its identity have figures: a
	// figure lost in printing. It is reported once, and the identities
	// that name the cell are judged with it unknown.
	BlankFigure
	// NotBlank: a figure other than 0 in a cell the form leaves blank
	// (Row.Blank), which is not part of the statement: such as a 合計
	// on a row of 様式第3号's 固定資産等の変動（内部変動）. The figure is
	// Want; the identities judge the cell as nothing.
	NotBlank
)

var findingKindNames = [...]string{"", "missing row", "missing column", "amount", "text", "identity", "link", "missing statement", "stale pin", "blank figure", "not blank"}

// String returns the kind in words: missing row, amount, identity, ….
func (k FindingKind) String() string {
	if k < RowMissing || k > NotBlank {
		return fmt.Sprintf("%%!FindingKind(%d)", int(k))
	}
	return findingKindNames[k]
}

// A Verdict is how a check judged a cell or an identity.
type Verdict int

// Verdicts. The zero Verdict is Violation, so that a Finding made without
// one reports a problem.
const (
	// Violation: no exact figures that the printed ones may stand for
	// satisfy the check.
	Violation Verdict = iota
	// WithinRounding: the printed figures differ from exact agreement,
	// but some exact figures they may stand for agree.
	WithinRounding
	// Exact: the printed figures agree as printed.
	Exact
	// Undecided: the verification under rounding ran out of its work
	// budget before it could prove the check either way. It is never
	// taken as consistent.
	Undecided
)

var verdictNames = [...]string{"violation", "within rounding", "exact", "undecided"}

// String returns violation, within rounding, exact or undecided.
func (v Verdict) String() string {
	if v < Violation || v > Undecided {
		return fmt.Sprintf("%%!Verdict(%d)", int(v))
	}
	return verdictNames[v]
}

// A Finding is one result of a check: a cell in which two statements
// differ, a printed total its terms do not give, a link that does not
// hold. Compare, Verify and the links of a book all report Findings.
type Finding struct {
	Kind    FindingKind
	Verdict Verdict
	// Statement names the statement: its id in a book, or its form's
	// number and title.
	Statement string
	Row       string // the row's key; empty for a missing column or a link
	// Label is the row's label as printed, preceded by its parents'
	// (経常費用 / その他) where the label alone is not unique.
	Label  string
	Column string // the column's name
	// Rule is the formula that was checked, as written, or the name of
	// the link; for a stale pin, the name of its link, if any.
	Rule string
	// Got is what the check computed, or the first statement's cell;
	// Want what was printed, or the second statement's cell.
	Got, Want format.Cell
	// GotText and WantText are the texts of a TextDiffers finding, or a
	// note of what a missing statement, row, column or link cell is
	// missing from; GotText says why a pin is stale.
	GotText, WantText string
	// Unit is the unit String shows amounts in: the statement's.
	Unit format.Unit
	// Excess is, for a Violation under rounding, how far the identity is
	// off beyond what rounding can explain, in yen: its Certificate's.
	Excess decimal.Decimal
	// Certificate proves a Violation found under rounding: see
	// Certificate. It is nil for other verdicts, for findings of exact
	// checks, and for a violation of 該当なし alone (a total without a
	// figure whose terms have one, or the reverse), which no figures
	// explain.
	Certificate *Certificate
	// Range is, for a check under rounding, the exact yen that Got may
	// stand for: the sum of the intervals its printed terms stand for.
	Range Range
	// Reason says why a pinned finding is expected: the Reason of the
	// Pin it matched, or of a stale pin.
	Reason string
}

// String describes the finding in one line, naming the statement, the row
// by label and the column, with amounts in the statement's unit (or in yen
// where the unit would hide the difference). A violation under rounding
// says by how much it is off beyond rounding and, where its certificate
// needs other identities (a conflict none of them shows alone), how many.
func (f Finding) String() string {
	var b strings.Builder
	where := f.Label
	if where == "" {
		where = f.Row
	}
	if f.Column != "" {
		where = strings.TrimSpace(where + " " + f.Column)
	}
	switch {
	case f.Statement != "" && where != "":
		b.WriteString(f.Statement + ": " + where)
	default:
		b.WriteString(f.Statement + where)
	}
	switch {
	case f.Kind == RowMissing || f.Kind == ColumnMissing || f.Kind == StatementMissing:
		fmt.Fprintf(&b, ": %s: %s", f.Kind, firstNonEmpty(f.GotText, f.WantText))
	case f.Kind == LinkBroken && f.GotText != "":
		fmt.Fprintf(&b, ": link %s: %s", f.Rule, f.GotText)
	case f.Kind == StalePin:
		fmt.Fprintf(&b, ": %s", f.Kind)
		if f.Rule != "" {
			fmt.Fprintf(&b, " of link %s", f.Rule)
		}
		show := format.Formatter{Unit: f.Unit, Suffix: true}
		fmt.Fprintf(&b, ": pinned %s, the book prints %s: %s", show.FormatCell(f.Want), show.FormatCell(f.Got), f.GotText)
	case f.Kind == TextDiffers:
		fmt.Fprintf(&b, ": got %q, want %q", f.GotText, f.WantText)
	case f.Kind == BlankFigure && f.Rule != "":
		show := format.Formatter{Unit: f.Unit, Suffix: true}
		fmt.Fprintf(&b, ": printed blank, where its terms %s give %s", f.Rule, show.FormatCell(f.Got))
	case f.Kind == BlankFigure:
		show := format.Formatter{Unit: f.Unit, Suffix: true}
		fmt.Fprintf(&b, ": printed blank, where %s is expected", show.FormatCell(f.Got))
	case f.Kind == NotBlank:
		show := format.Formatter{Unit: f.Unit, Suffix: true}
		fmt.Fprintf(&b, ": %s printed in a cell the form leaves blank", show.FormatCell(f.Want))
	default:
		show := format.Formatter{Unit: f.Unit, Suffix: true}
		got, want := show.FormatCell(f.Got), show.FormatCell(f.Want)
		if got == want {
			show = format.Formatter{Suffix: true, Places: max(-f.Got.Amount.Exponent(), -f.Want.Amount.Exponent(), 0)}
			got, want = show.FormatCell(f.Got), show.FormatCell(f.Want)
		}
		switch {
		case f.Kind == LinkBroken:
			fmt.Fprintf(&b, ": link %s", f.Rule)
		case f.Rule != "":
			fmt.Fprintf(&b, ": %s", f.Rule)
		}
		fmt.Fprintf(&b, ": got %s, want %s", got, want)
		switch {
		case f.Verdict != Violation:
			fmt.Fprintf(&b, " (%s)", f.Verdict)
		case !f.Excess.IsZero():
			fmt.Fprintf(&b, " (off by %s beyond rounding", format.Formatter{Suffix: true}.Format(f.Excess))
			// A joint conflict: its figures may each agree with its own
			// terms, as got and want do; the certificate names the others.
			if c := f.Certificate; c != nil && len(c.Identities) == 2 {
				b.WriteString(", jointly with 1 other identity")
			} else if c != nil && len(c.Identities) > 2 {
				fmt.Fprintf(&b, ", jointly with %d other identities", len(c.Identities)-1)
			}
			b.WriteString(")")
		case f.Certificate != nil && f.Certificate.Split != nil:
			b.WriteString(" (no whole yen satisfy it together with the others)")
		}
	}
	if f.Reason != "" {
		b.WriteString(": " + f.Reason)
	}
	return b.String()
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
