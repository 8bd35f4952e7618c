package unified

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/yen"
	"github.com/koukaikei/koukaikei/statement"
)

// BooksOptions say how FromBooks heads the statements. The zero value
// prints no entity.
type BooksOptions struct {
	Entity string // the body, printed under each statement's date line
}

// The columns of the forms of 一般会計等.
const (
	amountColumn  = "金額"
	fixedColumn   = "固定資産等形成分"
	surplusColumn = "余剰分（不足分）"
)

// FromBooks derives the four statements of 一般会計等 from a ledger of
// books kept on the standard accounts (Chart, JournalOptions), as the
// 財務書類作成要領 derives them 「総勘定元帳等の会計帳簿から誘導的に」, and
// returns them in a book under their form ids (bs-general, pl-general,
// nw-general, cf-general), which Verify and VerifyBooks check. The rules,
// and what each rests on, are in the package doc; in short:
//
//   - 貸借対照表 and 行政コスト計算書: each item row is the balance of its
//     account, by its category (資産 and 費用 on the 借方, the others on
//     the 貸方), so that a contra account's is negative; 現金預金 is the
//     account's balance, 前年度末歳計外現金残高 and the net of the
//     資金収支計算書's accounts; 固定資産等形成分 is the sum of the accounts
//     it is formed of (固定資産, 短期貸付金 and 流動資産の基金), 余剰分（不足分）
//     the 純資産変動計算書's closing balance of its column.
//   - 純資産変動計算書: 前年度末純資産残高 from the 開始仕訳 of 固定資産等形成分
//     and 余剰分（不足分）; 純行政コスト（△） from the 行政コスト計算書; 税収等
//     and 国県等補助金 from their accounts; the 内部変動 rows from each
//     entry's net movement of the accounts of 固定資産等形成分, by class;
//     資産評価差額, 無償所管換等 and その他 from their accounts, the movement
//     of those accounts in the same entries in the 固定資産等形成分 column.
//   - 資金収支計算書: each line from the 資金仕訳 booked on its account (a
//     receipt on the 借方 of a 収入 account, a payment on the 貸方 of a 支出
//     account) and from cash booked on 現金預金 against an account whose
//     receipt or payment line books.csv names; 前年度末資金残高 and
//     前年度末歳計外現金残高 from the 開始仕訳.
//
// A row whose account the books never posted to has no figure (-).
// Problems of the books (ErrBooks) and figures the forms reject are
// returned in an *Error.
func FromBooks(l *ledger.Ledger, opt BooksOptions) (*statement.Book, error) {
	if l == nil || l.Journal().Chart() != Chart() {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: the books are not kept on the standard accounts (Chart)", ErrBooks)}}}
	}
	d := newDerivation(l)
	d.scan()
	if len(d.problems) > 0 {
		return nil, &Error{Problems: d.problems}
	}
	fy := l.Journal().Year()
	flows := statement.Meta{Entity: opt.Entity, Period: fy.Period()}
	balances := statement.Meta{Entity: opt.Entity, AsOf: fy.Last()}
	var book statement.Book
	add := func(kind Kind, meta statement.Meta, figures []statement.Figure) (*statement.Statement, error) {
		id := ID(kind, General)
		s, err := Build(id, meta, complete(kind, figures))
		if err != nil {
			return nil, err
		}
		return s, book.Add(id, s)
	}
	pl, err := add(Cost, flows, d.cost())
	if err != nil {
		return nil, err
	}
	cost, _ := pl.Cell("4900", amountColumn)
	nw, err := add(NetAssets, flows, d.netAssets(cost.Amount))
	if err != nil {
		return nil, err
	}
	surplus, _ := nw.Cell("6900", surplusColumn)
	if _, err := add(BalanceSheet, balances, d.balanceSheet(surplus.Amount)); err != nil {
		return nil, err
	}
	if _, err := add(CashFlow, flows, d.cashFlow()); err != nil {
		return nil, err
	}
	return &book, nil
}

// A derivation holds what one reading of the journal finds.
type derivation struct {
	l     *ledger.Ledger
	b     *booksData
	chart *account.Chart
	// flows are the amounts of cash booked on 現金預金, by the CF account
	// they fall on, signed as that account's figure counts them.
	flows map[string]*yen.Sum
	// inc and dec are the 内部変動: increases and decreases of the
	// accounts of 固定資産等形成分, by class.
	inc, dec [3]yen.Sum
	// part is, for 資産評価差額, 無償所管換等 and その他, the movement of the
	// accounts of 固定資産等形成分 in the entries that post to them.
	part     map[string]*yen.Sum
	problems []Problem
}

// The 純資産変動計算書's rows that move 固定資産等形成分 through an account of
// their own rather than as 内部変動.
var valuationRows = []string{"6500", "6600", "6700"}

func newDerivation(l *ledger.Ledger) *derivation {
	return &derivation{l: l, b: books(), chart: Chart(), flows: map[string]*yen.Sum{}, part: map[string]*yen.Sum{}}
}

// problem records a problem of an entry, with the file and line it was
// read from, if any.
func (d *derivation) problem(e journal.Entry, format string, args ...any) {
	_, line := e.Source()
	d.problemAt(e, line, format, args...)
}

// problemAt records a problem of an entry at a line of the file it was
// read from (0 for none).
func (d *derivation) problemAt(e journal.Entry, line int, format string, args ...any) {
	err := fmt.Errorf("%w: "+format, append([]any{ErrBooks}, args...)...)
	switch file, _ := e.Source(); {
	case file != "" && line > 0:
		err = fmt.Errorf("%s: line %d: %w", file, line, err)
	case file != "":
		err = fmt.Errorf("%s: %w", file, err)
	}
	d.problems = append(d.problems, Problem{Entry: e.ID, Err: err})
}

// label returns the label of the account with the given code.
func (d *derivation) label(code string) string { return d.b.names.Label(code) }

// scan reads the journal once: the 内部変動, the movements behind
// 資産評価差額, 無償所管換等 and その他, and the cash booked on 現金預金.
func (d *derivation) scan() {
	for e := range d.l.Journal().All() {
		if e.Stage == journal.Opening {
			for _, line := range e.Lines {
				if d.b.accounts[line.Account].statement != ledger.BalanceSheet {
					d.problemAt(e, line.SourceLine(), "a 開始仕訳 on %s, which carries no balance forward: last year's balances are those of the 貸借対照表", d.label(line.Account))
				}
			}
			continue
		}
		var member [3]yen.Sum
		var valuation []string
		cash := false
		for _, line := range e.Lines {
			info := d.b.accounts[line.Account]
			switch info.use {
			case opening:
				d.problemAt(e, line.SourceLine(), "%s is posted by the 開始仕訳 alone; its movements are derived", d.label(line.Account))
			case derived, unused:
				// Books checked under options other than JournalOptions.
				d.problemAt(e, line.SourceLine(), "%s is derived by the statements of 一般会計等 or not on them; nothing posts to it", d.label(line.Account))
			}
			if info.fixed != notFixed {
				// An asset: a 借方 increases it.
				if line.Side == account.Credit {
					member[info.fixed].Sub(line.Amount)
				} else {
					member[info.fixed].Add(line.Amount)
				}
			}
			if info.valuation && !slices.Contains(valuation, line.Account) {
				valuation = append(valuation, line.Account)
			}
			cash = cash || line.Account == cashCode
		}
		switch {
		case len(valuation) > 1:
			d.problem(e, "posts to both %s and %s: which moved 固定資産等形成分 cannot be told", d.label(valuation[0]), d.label(valuation[1]))
		case len(valuation) == 1:
			d.sum(d.part, valuation[0]).AddSum(member[tangible])
			d.sum(d.part, valuation[0]).AddSum(member[financial])
		default:
			for _, c := range []fixedClass{tangible, financial} {
				switch member[c].Sign() {
				case 1:
					d.inc[c].AddSum(member[c])
				case -1:
					d.dec[c].Sub(member[c].Value())
				}
			}
		}
		if cash {
			d.attribute(e)
		}
	}
}

// sum returns the sum of m under code, made if need be.
func (d *derivation) sum(m map[string]*yen.Sum, code string) *yen.Sum {
	s, ok := m[code]
	if !ok {
		s = new(yen.Sum)
		m[code] = s
	}
	return s
}

// attribute finds the 資金収支計算書 line of the cash that e books on
// 現金預金: each line on the other side is a receipt or payment against its
// account, on the line books.csv names for it.
func (d *derivation) attribute(e journal.Entry) {
	cashSide := account.Side(0)
	for _, line := range e.Lines {
		if line.Account != cashCode {
			continue
		}
		if cashSide != 0 && line.Side != cashSide {
			d.problem(e, "現金預金 on both sides")
			return
		}
		cashSide = line.Side
	}
	receipt := cashSide == account.Debit
	for _, line := range e.Lines {
		if line.Account == cashCode {
			continue
		}
		info := d.b.accounts[line.Account]
		switch {
		case line.Side == cashSide:
			d.problem(e, "%s on the side of 現金預金: the 資金収支計算書 line of the cash cannot be told; book it on the line's account", d.label(line.Account))
			continue
		case info.statement == ledger.CashFlow:
			d.problem(e, "both 現金預金 and %s, an account of the 資金収支計算書: book cash on one or the other", d.label(line.Account))
			continue
		}
		cf, what := info.payment, "payment"
		if receipt {
			cf, what = info.receipt, "receipt"
		}
		if cf == "" {
			d.problem(e, "a %s of cash against %s, which has no line of the 資金収支計算書 for it: book it on the line's account", what, d.label(line.Account))
			continue
		}
		a, _ := d.chart.Lookup(cf)
		if (a.Category == account.Inflow) != receipt {
			d.sum(d.flows, cf).Sub(line.Amount)
		} else {
			d.sum(d.flows, cf).Add(line.Amount)
		}
	}
}

// balance returns the balance of the account with the given code on the
// normal side of its category: 借方 − 貸方 for 資産, 費用 and 支出 (so that a
// contra asset's is negative), 貸方 − 借方 for the others.
func (d *derivation) balance(code string, stages ...journal.Stage) decimal.Decimal {
	a, _ := d.chart.Lookup(code)
	net := d.l.Totals(code, stages...).Net()
	if a.Category.NormalSide() == account.Credit {
		return net.Neg()
	}
	return net
}

func figure(row, column string, v decimal.Decimal) statement.Figure {
	return statement.Figure{Row: row, Column: column, Value: format.CellOf(v)}
}

// items returns the item rows of the form of kind k for 一般会計等.
func items(k Kind) []statement.Row {
	var out []statement.Row
	for _, r := range the().templates[ID(k, General)].Form().Rows {
		if r.Kind == statement.Item {
			out = append(out, r)
		}
	}
	return out
}

// complete returns figures and, for every other item row and input column
// of the form of kind k, a figure without an amount (該当なし), as Build
// takes every item's figure.
func complete(k Kind, figures []statement.Figure) []statement.Figure {
	given := map[[2]string]bool{}
	for _, f := range figures {
		given[[2]string{f.Row, f.Column}] = true
	}
	form := the().templates[ID(k, General)].Form()
	for _, r := range items(k) {
		for _, c := range form.Columns {
			if c.Kind == statement.Input && !given[[2]string{r.Key, c.Name}] {
				figures = append(figures, statement.Figure{Row: r.Key, Column: c.Name})
			}
		}
	}
	return figures
}

// cost returns the figures of the 行政コスト計算書.
func (d *derivation) cost() []statement.Figure {
	var figs []statement.Figure
	for _, r := range items(Cost) {
		if d.l.Posted(r.Account) {
			figs = append(figs, figure(r.Key, amountColumn, d.balance(r.Account)))
		}
	}
	return figs
}

// netAssets returns the figures of the 純資産変動計算書, given the
// 行政コスト計算書's 純行政コスト.
func (d *derivation) netAssets(cost decimal.Decimal) []statement.Figure {
	figs := []statement.Figure{
		figure("6000", fixedColumn, d.balance(fixedCode, journal.Opening)),
		figure("6000", surplusColumn, d.balance(surplusCode, journal.Opening)),
		figure("6100", surplusColumn, cost.Neg()),
	}
	for _, code := range []string{"6210", "6220"} {
		if d.l.Posted(code) {
			figs = append(figs, figure(code, surplusColumn, d.balance(code)))
		}
	}
	for _, m := range []struct {
		row    string
		amount decimal.Decimal
	}{{"6410", d.inc[tangible].Value()}, {"6420", d.dec[tangible].Value().Neg()}, {"6430", d.inc[financial].Value()}, {"6440", d.dec[financial].Value().Neg()}} {
		if !m.amount.IsZero() {
			figs = append(figs, figure(m.row, fixedColumn, m.amount), figure(m.row, surplusColumn, m.amount.Neg()))
		}
	}
	for _, code := range valuationRows {
		if d.l.Posted(code) {
			part := d.sum(d.part, code).Value()
			figs = append(figs, figure(code, fixedColumn, part), figure(code, surplusColumn, d.balance(code).Sub(part)))
		}
	}
	return figs
}

// fixedAccounts returns the codes of the accounts of 固定資産等形成分 posted
// to, in the chart's order.
func (d *derivation) fixedAccounts() []string {
	var out []string
	for _, a := range d.l.Accounts() {
		if d.b.accounts[a.Code].fixed != notFixed {
			out = append(out, a.Code)
		}
	}
	return out
}

// fixedTotal returns the sum of the balances of the accounts of
// 固定資産等形成分 after the entries of the given stages (all when none).
func (d *derivation) fixedTotal(stages ...journal.Stage) decimal.Decimal {
	sum := decimal.Zero
	for _, code := range d.fixedAccounts() {
		sum = sum.Add(d.balance(code, stages...))
	}
	return sum
}

// cashAccounts returns the codes of the accounts whose balances make up
// 現金預金 at the year's end: itself, 前年度末歳計外現金残高 and the accounts
// of the 資金収支計算書, those posted to.
func (d *derivation) cashAccounts() []string {
	var out []string
	for _, a := range d.l.Accounts() {
		if a.Code == cashCode || a.Code == outsideOpening || d.b.accounts[a.Code].statement == ledger.CashFlow {
			out = append(out, a.Code)
		}
	}
	return out
}

// balanceSheet returns the figures of the 貸借対照表, given the
// 純資産変動計算書's closing 余剰分（不足分）.
func (d *derivation) balanceSheet(surplus decimal.Decimal) []statement.Figure {
	var figs []statement.Figure
	for _, r := range items(BalanceSheet) {
		switch r.Account {
		case cashCode:
			// 資金 and 歳計外現金: what the accounts hold, and what the
			// 資金仕訳 booked on the 資金収支計算書's accounts in their place.
			cash := decimal.Zero
			for _, code := range d.cashAccounts() {
				cash = cash.Add(d.l.Totals(code).Net())
			}
			figs = append(figs, figure(r.Key, amountColumn, cash))
		case fixedCode:
			figs = append(figs, figure(r.Key, amountColumn, d.fixedTotal()))
		case surplusCode:
			figs = append(figs, figure(r.Key, amountColumn, surplus))
		default:
			if d.l.Posted(r.Account) {
				figs = append(figs, figure(r.Key, amountColumn, d.balance(r.Account)))
			}
		}
	}
	return figs
}

// cashFlow returns the figures of the 資金収支計算書.
func (d *derivation) cashFlow() []statement.Figure {
	var figs []statement.Figure
	for _, r := range items(CashFlow) {
		flow, attributed := decimal.Zero, false
		if s, ok := d.flows[r.Account]; ok {
			flow, attributed = s.Value(), true
		}
		switch r.Account {
		case openingFunds:
			figs = append(figs, figure(r.Key, amountColumn, d.l.Totals(cashCode, journal.Opening).Net()))
		case outsideOpening:
			figs = append(figs, figure(r.Key, amountColumn, d.l.Totals(outsideOpening).Net()))
		default:
			if !d.l.Posted(r.Account) && !attributed && r.Account != outsideMovement {
				continue
			}
			// A receipt is a 借方 on a 収入 account, a payment a 貸方 on a
			// 支出 account: the figure is the balance on the side opposite
			// to the category's.
			figs = append(figs, figure(r.Key, amountColumn, d.balance(r.Account).Neg().Add(flow)))
		}
	}
	return figs
}

// A Tie is one way the books must tie out, and whether they do.
type Tie struct {
	Name   string // what must hold, such as 資産合計 = 負債及び純資産合計
	Holds  bool
	Detail string // the figures compared, or what broke
	// Accounts are, where the tie does not hold, the labels of the
	// accounts behind its figures.
	Accounts []string
}

// VerifyBooks checks that the books tie out with the statements FromBooks
// derived from them: the trial balance's 借方合計 and 貸方合計 agree; every
// pair of the worksheet's columns balances; last year's 固定資産等形成分 is
// the sum of the accounts it is formed of, as at this year's end; 資産合計 =
// 負債及び純資産合計; the 純資産変動計算書's closing 固定資産等形成分 is the
// 貸借対照表's; the 資金収支計算書's 本年度末現金預金残高 (本年度末資金残高 and
// 本年度末歳計外現金残高) is the 貸借対照表's 現金預金; and every identity of
// the statements and link between them holds exactly (Verify). It returns
// every tie, and, if any is broken, an *Error wrapping ErrTie with one
// Problem for each, naming the accounts behind it. A book that lacks one
// of the four statements of 一般会計等 is an *Error wrapping ErrMissing
// naming each it lacks, and no tie is checked.
func VerifyBooks(l *ledger.Ledger, book *statement.Book) ([]Tie, error) {
	if l == nil || book == nil || l.Journal().Chart() != Chart() {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: no books on the standard accounts, or no statements", ErrMissing)}}}
	}
	var missing []Problem
	for _, k := range kinds {
		id := ID(k, General)
		if s, ok := book.Statement(id); !ok || s == nil {
			missing = append(missing, Problem{Statement: id, Err: fmt.Errorf("%w: the book has no statement %s", ErrMissing, id)})
		}
	}
	if len(missing) > 0 {
		return nil, &Error{Problems: missing}
	}
	d := newDerivation(l)
	var ties []Tie
	tie := func(name string, left, right decimal.Decimal, accounts func() []string) {
		t := Tie{Name: name, Holds: left.Equal(right), Detail: formatYen(left) + " = " + formatYen(right)}
		if !t.Holds {
			t.Detail = formatYen(left) + " ≠ " + formatYen(right) + ", a difference of " + formatYen(left.Sub(right))
			if accounts != nil {
				t.Accounts = accounts()
			}
		}
		ties = append(ties, t)
	}
	labels := func(codes ...string) []string {
		out := make([]string, len(codes))
		for i, c := range codes {
			out[i] = d.label(c)
		}
		return out
	}
	cell := func(kind Kind, row, column string) decimal.Decimal {
		s, _ := book.Statement(ID(kind, General))
		c, _ := s.Cell(row, column)
		return c.Amount
	}
	tb := l.TrialBalance().Total()
	tie("合計残高試算表: 借方合計 = 貸方合計", tb.DebitTotal, tb.CreditTotal, nil)
	if ws, err := l.Worksheet(Classify); err != nil {
		ties = append(ties, Tie{Name: "精算表", Detail: err.Error()})
	} else {
		bs := ws.Total().Statements[ledger.BalanceSheet-1]
		tie("精算表: 貸借対照表の借方 = 貸方", bs.Debit, bs.Credit, nil)
	}
	fixed := func() []string { return labels(append([]string{fixedCode}, d.fixedAccounts()...)...) }
	tie("前年度末: 固定資産等形成分 = 固定資産 + 短期貸付金 + 基金", d.balance(fixedCode, journal.Opening), d.fixedTotal(journal.Opening), fixed)
	tie("貸借対照表: 資産合計 = 負債及び純資産合計", cell(BalanceSheet, "1900", amountColumn), cell(BalanceSheet, "3990", amountColumn),
		func() []string { return labels(append([]string{fixedCode, surplusCode}, d.fixedAccounts()...)...) })
	tie("本年度末: 純資産変動計算書の固定資産等形成分 = 貸借対照表の固定資産等形成分", cell(NetAssets, "6900", fixedColumn), cell(BalanceSheet, "3010", amountColumn), fixed)
	tie("本年度末現金預金残高: 資金収支計算書 = 貸借対照表の現金預金", cell(CashFlow, "9900", amountColumn), cell(BalanceSheet, "1510", amountColumn),
		func() []string { return labels(d.cashAccounts()...) })
	v := Verify(book, General)
	for _, f := range v.Findings {
		ties = append(ties, Tie{Name: "財務書類4表: " + f.Rule, Detail: f.String()})
	}
	if len(v.Findings) == 0 {
		ties = append(ties, Tie{Name: "財務書類4表: 各表の計算と相互関係", Holds: true,
			Detail: fmt.Sprintf("%d links and every total hold exactly", len(Links(General)))})
	}
	var ps []Problem
	for _, t := range ties {
		if t.Holds {
			continue
		}
		msg := t.Name + ": " + t.Detail
		if len(t.Accounts) > 0 {
			msg += "; accounts: " + strings.Join(t.Accounts, ", ")
		}
		ps = append(ps, Problem{Err: fmt.Errorf("%w: %s", ErrTie, msg)})
	}
	if len(ps) > 0 {
		return ties, &Error{Problems: ps}
	}
	return ties, nil
}

// formatYen prints an amount as the statements do.
func formatYen(d decimal.Decimal) string { return format.Formatter{}.Format(d) }
