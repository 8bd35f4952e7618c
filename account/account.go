// Package account defines a typed chart of accounts (勘定科目表): accounts with
// stable codes, printed names and categories, arranged in a tree.
//
// An account's [Category] fixes its normal side (借方 or 貸方), so that a
// caller never guesses the sign of a debit or credit to it. A [Chart] is data:
// it is read from CSV or JSON with every defect reported at once, and it is
// immutable once built, so one chart may serve any number of goroutines.
//
// Every problem is reported in an [*Error] listing each [Problem] at its
// line, row and column; [ErrEncoding] (a file in neither UTF-8 nor CP932)
// is the sentinel for a program to act on, and the others classify a
// problem whose message says what is wrong. They are the module's own, the
// same values as statement's and the others' sentinels of the same name.
//
// The package does not hold balances or post entries; statements and
// segments do that with the accounts defined here.
package account

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/internal/quote"
)

// A Category is the kind of an account. The zero value is not a category.
type Category int

// Categories. The first five are those of the balance sheet and the income
// statement; Inflow and Outflow are the receipts and payments of cash-flow
// statements, budgets and cash plans (資金計画).
const (
	Asset     Category = iota + 1 // 資産
	Liability                     // 負債
	NetAssets                     // 純資産
	Revenue                       // 収益
	Expense                       // 費用
	Inflow                        // 収入
	Outflow                       // 支出
)

var categoryNames = [...]string{"", "資産", "負債", "純資産", "収益", "費用", "収入", "支出"}

var categoryEnglish = [...]string{"", "asset", "liability", "net_assets", "revenue", "expense", "inflow", "outflow"}

// String returns the Japanese name of the category, such as 資産. An unknown
// category prints as %!Category(n).
func (c Category) String() string {
	if !c.Valid() {
		return fmt.Sprintf("%%!Category(%d)", int(c))
	}
	return categoryNames[c]
}

// Valid reports whether c is one of the defined categories.
func (c Category) Valid() bool { return c >= Asset && c <= Outflow }

// NormalSide returns the side on which accounts of category c increase:
// Debit for assets, expenses and outflows, Credit for liabilities, net
// assets, revenues and inflows. It returns 0 for an unknown category.
func (c Category) NormalSide() Side {
	switch c {
	case Asset, Expense, Outflow:
		return Debit
	case Liability, NetAssets, Revenue, Inflow:
		return Credit
	}
	return 0
}

// ParseCategory returns the category named s, in Japanese (資産) or in
// English (asset, liability, net_assets, revenue, expense, inflow, outflow).
// For any other name it returns a *ParseError wrapping ErrUnknown.
func ParseCategory(s string) (Category, error) {
	for c := Asset; c <= Outflow; c++ {
		if s == categoryNames[c] || strings.EqualFold(s, categoryEnglish[c]) {
			return c, nil
		}
	}
	return 0, &ParseError{Input: s, Err: fmt.Errorf("%w category", ErrUnknown)}
}

// A ParseError is a name that the package's Parse functions do not read.
type ParseError struct {
	Input string // the input, in full; the message quotes a bounded prefix
	Err   error  // wraps one of the package's sentinels
}

// Error returns the problem in the form account: parsing "資本": unknown category.
func (e *ParseError) Error() string {
	return "account: parsing " + quote.Bounded(e.Input) + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// A Side is a side of a journal entry. The zero value is neither side.
type Side int

// Sides.
const (
	Debit  Side = iota + 1 // 借方
	Credit                 // 貸方
)

// String returns 借方 or 貸方. An unknown side prints as %!Side(n).
func (s Side) String() string {
	switch s {
	case Debit:
		return "借方"
	case Credit:
		return "貸方"
	}
	return fmt.Sprintf("%%!Side(%d)", int(s))
}

// Sign returns +1 when an amount on side s increases an account of category
// c, -1 when it decreases it, and 0 when s or c is unknown. A 借方 on a
// revenue account reduces it; a 貸方 on an asset reduces it.
func (s Side) Sign(c Category) int { return s.sign(c.NormalSide()) }

// sign is Sign for an account whose normal side is n.
func (s Side) sign(n Side) int {
	switch {
	case n == 0 || s != Debit && s != Credit:
		return 0
	case s == n:
		return 1
	}
	return -1
}

// An Account is one entry of a chart of accounts.
type Account struct {
	Code     string   // stable identifier, unique in its chart
	Name     string   // the name statements print; names may repeat in a chart
	English  string   // optional English name
	Category Category // fixes the normal side
	Parent   string   // code of the parent account; empty for a root
	// Contra marks a contra account (評価勘定), whose balance lies on the
	// side opposite to its category's: 減価償却累計額 is an asset account
	// with a credit balance.
	Contra bool
}

// NormalSide returns the side on which the balance of a increases: its
// category's normal side, or the other side for a contra account. It
// returns 0 for an unknown category.
func (a Account) NormalSide() Side {
	n := a.Category.NormalSide()
	if a.Contra && n != 0 {
		return Debit + Credit - n
	}
	return n
}

// Sign returns +1 when an amount on side s increases the balance of a, -1
// when it decreases it, and 0 when s or a's category is unknown: a 貸方 to
// 減価償却累計額 increases it.
func (a Account) Sign(s Side) int { return s.sign(a.NormalSide()) }

// validCode reports whether code is usable in a chart: letters, digits, '_'
// and '.', so that it can stand in the formulas of statement forms.
func validCode(code string) bool {
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}
