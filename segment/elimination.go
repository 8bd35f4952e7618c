package segment

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/shopspring/decimal"
)

// A Line is one side of an elimination: it moves one item row by its
// amount, through the category of the account the row is bound to, as a
// journal entry moves an account.
type Line struct {
	Side account.Side // 借方 or 貸方
	// Row names the item row: its key (in the 統一的な基準's forms, the
	// code of its standard account) or its label or label path, such as
	// 経常収益/その他 (see statement.Template.RowKey).
	Row string
	// Statement names the statement whose row it is, where there are
	// several: in package consolidate, a statement of the 統一的な基準 (see
	// consolidate.Consolidation). Empty: the one whose form has the row. A
	// Table, which has one form, takes only its number or title.
	Statement string
	// Column is the column of a statement of several input columns that
	// the line moves, such as the 余剰分（不足分） of a 純資産変動計算書.
	// Empty: the statement's one input column, or a Table's Column.
	Column string
	// Member names the segment, or the member of a consolidation, whose
	// figure the line moves, where that matters: an elimination with a
	// line on the figure of one consolidated at a ratio (比例連結) is
	// entered at 100 % and applied, every line of it, at that ratio (see
	// Elimination.Settle); package consolidate also checks that the line
	// takes no more than the figure has. Empty: the line is applied as it
	// is.
	Member string
	Amount decimal.Decimal // positive
}

// IsZero reports whether l is the zero Line, as a Reconcile left unset
// is.
func (l Line) IsZero() bool {
	return l.Side == 0 && l.Row == "" && l.Statement == "" && l.Column == "" && l.Member == "" && l.Amount.IsZero()
}

// Effect returns how l moves the figure of a row whose account is of
// category c: its Amount, positive where its Side is the category's
// normal side, negative where it is the other.
func (l Line) Effect(c account.Category) decimal.Decimal {
	return l.Amount.Mul(decimal.NewFromInt(int64(l.Side.Sign(c))))
}

// An EliminationKind says what an elimination eliminates; a 連結精算表
// prints each kind in a column of its own. The zero value is Internal.
type EliminationKind int

// Kinds of elimination.
const (
	Internal   EliminationKind = iota // 内部取引: transactions and balances between members
	Investment                        // 投資と資本の相殺消去: an investor's 出資金 against the investee's 純資産
	Adjustment                        // 連結修正等: adjustments, such as of the 出納整理期間
)

var kindNames = [...]string{"内部取引", "投資と資本の相殺消去", "連結修正等"}

// String returns the kind's name, such as 内部取引; an unknown kind prints
// as %!EliminationKind(n).
func (k EliminationKind) String() string {
	if k < Internal || k > Adjustment {
		return fmt.Sprintf("%%!EliminationKind(%d)", int(k))
	}
	return kindNames[k]
}

// ParseEliminationKind returns the kind named s: 内部取引 (or empty),
// 投資と資本の相殺消去 or 連結修正等, or internal, investment or adjustment.
// Any other name is an error wrapping ErrSyntax.
func ParseEliminationKind(s string) (EliminationKind, error) {
	switch s {
	case "", "内部取引", "internal":
		return Internal, nil
	case "投資と資本の相殺消去", "investment":
		return Investment, nil
	case "連結修正等", "adjustment":
		return Adjustment, nil
	}
	return 0, fmt.Errorf("%w: kind %s is none of 内部取引, 投資と資本の相殺消去 and 連結修正等", ErrSyntax, quote.Bounded(s))
}

// An Elimination (相殺消去) is a journal entry whose debits equal its
// credits, such as 未払金 845,938 / 未収金 845,938: each line moves its row
// through its account's category, so that a 借方 on a revenue or a
// liability reduces it, and a 貸方 on an expense or an asset reduces it.
type Elimination struct {
	// Name identifies the elimination in errors and in a 精算表 column of
	// its own; without one it is named by its 1-based position.
	Name string
	Memo string // what it eliminates, as the report says it
	Kind EliminationKind
	// Lines are its debits and credits.
	Lines []Line
	// Reconcile, if its Row is set, names the row that takes what the
	// debits and credits of Lines differ by: the two sides of an internal
	// transaction booked at different amounts (未収金 against 未払金 across
	// the 出納整理期間). Its Side and Amount are derived, and must be
	// left zero.
	Reconcile Line
}

// name returns the elimination's Name, or its position.
func (e Elimination) name(i int) string { return cmp.Or(e.Name, strconv.Itoa(i+1)) }

// NewElimination returns the elimination that debits one row and credits
// another with the same amount.
func NewElimination(debit, credit string, amount decimal.Decimal, memo string) Elimination {
	return Elimination{Memo: memo, Lines: []Line{
		{Side: account.Debit, Row: debit, Amount: amount},
		{Side: account.Credit, Row: credit, Amount: amount},
	}}
}

// Difference returns what the debits of e's Lines exceed its credits by,
// negative where the credits are more.
func (e Elimination) Difference() decimal.Decimal {
	var d decimal.Decimal
	for _, l := range e.Lines {
		switch l.Side {
		case account.Debit:
			d = d.Add(l.Amount)
		case account.Credit:
			d = d.Sub(l.Amount)
		}
	}
	return d
}

// Settle returns the lines of e as they apply to figures consolidated at
// ratio (1, or zero, for whole figures): its Lines, and a line on the
// Reconcile row of their Difference if it names one and they differ;
// then, below a ratio of 1, each amount times ratio rounded to 円 by r,
// the rounding remainder of each side allotted to its lines of the
// largest remainders, so that debits still equal credits where they did.
// A line whose amount rounds to 0 is left out.
func (e Elimination) Settle(ratio decimal.Decimal, r format.Rounding) []Line {
	lines := slices.Clone(e.Lines)
	if d := e.Difference(); e.Reconcile.Row != "" && !d.IsZero() {
		l := e.Reconcile
		l.Side, l.Amount = account.Credit, d
		if d.IsNegative() {
			l.Side, l.Amount = account.Debit, d.Neg()
		}
		lines = append(lines, l)
	}
	one := decimal.NewFromInt(1)
	if ratio.IsZero() || ratio.Equal(one) {
		return lines
	}
	for _, side := range []account.Side{account.Debit, account.Credit} {
		var idx []int
		var total decimal.Decimal
		for i, l := range lines {
			if l.Side == side {
				idx = append(idx, i)
				total = total.Add(l.Amount.Mul(ratio))
			}
		}
		exact := make([]decimal.Decimal, len(idx))
		for k, i := range idx {
			exact[k] = lines[i].Amount.Mul(ratio)
			lines[i].Amount = format.Round(exact[k], format.Yen, r)
		}
		allot(lines, idx, exact, format.Round(total, format.Yen, r))
	}
	return slices.DeleteFunc(lines, func(l Line) bool { return l.Amount.IsZero() })
}

// allot moves the amounts of lines idx, rounded from exact, by one yen at a
// time until they sum to want: each yen to or from the line whose rounding
// went furthest the other way, the first of equals.
func allot(lines []Line, idx []int, exact []decimal.Decimal, want decimal.Decimal) {
	sum := func() decimal.Decimal {
		var s decimal.Decimal
		for _, i := range idx {
			s = s.Add(lines[i].Amount)
		}
		return s
	}
	for d := want.Sub(sum()); !d.IsZero() && len(idx) > 0; d = want.Sub(sum()) {
		step := decimal.NewFromInt(int64(d.Sign()))
		best := 0
		for k := range idx {
			// How far the line is from its exact amount, in the direction
			// of the step: the largest gains most by it.
			if exact[k].Sub(lines[idx[k]].Amount).Mul(step).GreaterThan(exact[best].Sub(lines[idx[best]].Amount).Mul(step)) {
				best = k
			}
		}
		lines[idx[best]].Amount = lines[idx[best]].Amount.Add(step)
	}
}
