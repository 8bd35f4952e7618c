// Package ledger posts a journal to the accounts of its chart: the
// 総勘定元帳 (general ledger), the 合計残高試算表 (trial balance of totals and
// balances) and the 精算表 (worksheet), as 総務省's 財務書類作成要領 keeps
// the books of a local body (仕訳帳 → 総勘定元帳 → 合計残高試算表 → 精算表 →
// 財務書類).
//
// [Post] posts every line of a [journal.Journal] once and keeps, for each
// account, the totals of its 借方 and 貸方 by stage (開始仕訳, 期中仕訳,
// 整理仕訳). [Ledger.Page] gives one account's page of the 総勘定元帳: its
// opening balance (前期繰越), its postings in date order with the running
// balance, and its closing balance. [Ledger.TrialBalance] gives the
// 合計残高試算表, whose totals must agree, and [Ledger.Worksheet] the 精算表:
// the trial balance before the 整理仕訳, the 整理仕訳, the trial balance
// after them, and each account's balance carried to the statement it
// belongs to.
//
// Amounts are exact. Totals are kept in whole yen in an int64 while they
// fit and exactly beyond, so that posting a line allocates nothing.
//
// Which of the four statements an account belongs to is the chart's
// business, not the ledger's: the worksheet takes it as a function, which
// package statement/unified gives for the standard accounts.
package ledger

import (
	"io"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/internal/yen"
)

// A Ledger is the 総勘定元帳 of a journal: what was posted to each account.
// It is immutable and safe for concurrent use.
type Ledger struct {
	j        *journal.Journal
	names    *journal.Names
	accounts []account.Account // posted to, in the chart's order
	index    map[string]int    // code → position in accounts
	totals   [][3][2]yen.Sum   // by account, stage and side (0 借方, 1 貸方)
}

// Post posts every line of j to its account. A journal is checked when it
// is made, so posting cannot fail.
func Post(j *journal.Journal) *Ledger {
	l := &Ledger{j: j, names: j.Options().Names, index: map[string]int{}}
	if l.names == nil {
		l.names = journal.NewNames(j.Chart())
	}
	byCode := map[string]int{} // code → slot in sums, in the order first posted
	var sums [][3][2]yen.Sum
	for e := range j.All() {
		st := stageSlot(e.Stage)
		for _, line := range e.Lines {
			i, ok := byCode[line.Account]
			if !ok {
				i = len(sums)
				byCode[line.Account] = i
				sums = append(sums, [3][2]yen.Sum{})
			}
			sums[i][st][sideSlot(line.Side)].Add(line.Amount)
		}
	}
	// The accounts in the chart's order, as the trial balance prints them.
	for a := range j.Chart().All() {
		if i, ok := byCode[a.Code]; ok {
			l.index[a.Code] = len(l.accounts)
			l.accounts = append(l.accounts, a)
			l.totals = append(l.totals, sums[i])
		}
	}
	return l
}

func stageSlot(s journal.Stage) int {
	switch s {
	case journal.Opening:
		return 0
	case journal.Adjusting:
		return 2
	}
	return 1
}

func sideSlot(s account.Side) int {
	if s == account.Credit {
		return 1
	}
	return 0
}

// Journal returns the journal posted.
func (l *Ledger) Journal() *journal.Journal { return l.j }

// Names returns the names of the chart's accounts by which the ledger
// labels them: the journal's (journal.Options.Names).
func (l *Ledger) Names() *journal.Names { return l.names }

// Accounts returns the accounts posted to, in the order of the chart.
func (l *Ledger) Accounts() []account.Account { return slices.Clone(l.accounts) }

// Posted reports whether anything was posted to the account with the
// given code.
func (l *Ledger) Posted(code string) bool {
	_, ok := l.index[code]
	return ok
}

// Totals are the amounts posted to one account on each side.
type Totals struct {
	Debit, Credit decimal.Decimal // 借方合計, 貸方合計
}

// Net returns Debit − Credit: positive for a 借方 balance, negative for a
// 貸方 one.
func (t Totals) Net() decimal.Decimal { return t.Debit.Sub(t.Credit) }

// add returns the sum of t and u, side by side.
func (t Totals) add(u Totals) Totals {
	return Totals{Debit: t.Debit.Add(u.Debit), Credit: t.Credit.Add(u.Credit)}
}

// Totals returns what was posted to the account with the given code by
// the entries of the given stages (by all of them when none is given).
// An account with no posting has zero totals.
func (l *Ledger) Totals(code string, stages ...journal.Stage) Totals {
	t := Totals{Debit: decimal.Zero, Credit: decimal.Zero}
	i, ok := l.index[code]
	if !ok {
		return t
	}
	if len(stages) == 0 {
		stages = []journal.Stage{journal.Opening, journal.Regular, journal.Adjusting}
	}
	seen := [3]bool{}
	for _, s := range stages {
		slot := stageSlot(s)
		if seen[slot] {
			continue
		}
		seen[slot] = true
		t.Debit = t.Debit.Add(l.totals[i][slot][0].Value())
		t.Credit = t.Credit.Add(l.totals[i][slot][1].Value())
	}
	return t
}

// A Posting is one line of a page of the 総勘定元帳.
type Posting struct {
	Entry string // the entry's id
	Date  era.Date
	Stage journal.Stage
	// Counter is the 相手科目: the label of the account on the other side
	// of the entry, or 諸口 when there are several.
	Counter string
	Memo    string // the line's memo, or the entry's
	Side    account.Side
	Amount  decimal.Decimal
	// Balance is the account's balance after the posting, Σ借方 − Σ貸方:
	// positive for a 借方 balance, negative for a 貸方 one.
	Balance decimal.Decimal
}

// A Page is the page (勘定口座) of one account in the 総勘定元帳.
type Page struct {
	Account account.Account
	Label   string // the account's label (journal.Names.Label)
	// Opening is the balance the 開始仕訳 bring forward (前期繰越), Σ借方 −
	// Σ貸方.
	Opening decimal.Decimal
	// Postings are those of the 期中仕訳 and 整理仕訳, by date and, on one
	// day, in the journal's order.
	Postings []Posting
	Closing  decimal.Decimal // the balance after the last posting
}

// Page returns the page of the account with the given code, and whether
// anything was posted to it. It reads the journal again, so that the
// ledger need not keep every posting of a large journal twice.
func (l *Ledger) Page(code string) (*Page, bool) {
	i, ok := l.index[code]
	if !ok {
		return nil, false
	}
	p := &Page{Account: l.accounts[i], Label: l.names.Label(code), Opening: l.Totals(code, journal.Opening).Net()}
	for e := range l.j.All() {
		if e.Stage == journal.Opening {
			continue
		}
		for k, line := range e.Lines {
			if line.Account != code {
				continue
			}
			memo := line.Memo
			if memo == "" {
				memo = e.Memo
			}
			p.Postings = append(p.Postings, Posting{Entry: e.ID, Date: e.Date, Stage: e.Stage,
				Counter: l.counter(e, k), Memo: memo, Side: line.Side, Amount: line.Amount})
		}
	}
	slices.SortStableFunc(p.Postings, func(a, b Posting) int { return a.Date.Compare(b.Date) })
	bal := p.Opening
	for k := range p.Postings {
		if p.Postings[k].Side == account.Debit {
			bal = bal.Add(p.Postings[k].Amount)
		} else {
			bal = bal.Sub(p.Postings[k].Amount)
		}
		p.Postings[k].Balance = bal
	}
	p.Closing = bal
	return p, true
}

// counter returns the 相手科目 of the k-th line of e.
func (l *Ledger) counter(e journal.Entry, k int) string {
	other := ""
	for i, line := range e.Lines {
		if i == k || line.Side == e.Lines[k].Side {
			continue
		}
		if other != "" && other != line.Account {
			return "諸口"
		}
		other = line.Account
	}
	return l.names.Label(other)
}

// WriteText prints the page as the 総勘定元帳 lays it out: the account's
// label as the title, the year's date line, the entity and the unit, then
// one line for the opening balance (前期繰越) and one for each posting: its
// date, entry, 相手科目, memo, amount under 借方 or 貸方, and the balance
// with the side it lies on (借 or 貸); the last line is the closing
// balance (次期繰越).
func (p *Page) WriteText(w io.Writer, fy era.FiscalYear, opt PrintOptions) error {
	table := [][]string{{"日付", "仕訳", "相手科目", "摘要", "借方", "貸方", "借/貸", "残高"}}
	side := func(b decimal.Decimal) (string, string) {
		switch b.Sign() {
		case 1:
			return "借", formatYen(b)
		case -1:
			return "貸", formatYen(b.Neg())
		}
		return "", "0"
	}
	s, b := side(p.Opening)
	table = append(table, []string{"", "", "", "前期繰越", "", "", s, b})
	for _, x := range p.Postings {
		rec := []string{x.Date.String(), x.Entry, x.Counter, x.Memo, "", "", "", ""}
		if x.Side == account.Debit {
			rec[4] = formatYen(x.Amount)
		} else {
			rec[5] = formatYen(x.Amount)
		}
		rec[6], rec[7] = side(x.Balance)
		table = append(table, rec)
	}
	s, b = side(p.Closing)
	table = append(table, []string{"", "", "", "次期繰越", "", "", s, b})
	return writeTable(w, "総勘定元帳　"+p.Label, asOf(fy), opt, table, []bool{true, true, true, true, false, false, true, false})
}
