package ledger

import (
	"fmt"
	"io"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// A Statement is one of the four statements whose columns a worksheet
// carries balances to. The zero value is none of them.
type Statement int

// Statements, in the order of the 様式.
const (
	BalanceSheet Statement = iota + 1 // 貸借対照表
	Cost                              // 行政コスト計算書
	NetAssets                         // 純資産変動計算書
	CashFlow                          // 資金収支計算書
)

var statementNames = [...]string{"", "貸借対照表", "行政コスト計算書", "純資産変動計算書", "資金収支計算書"}
var statementIDs = [...]string{"", "bs", "pl", "nw", "cf"}

// String returns the statement's name, such as 貸借対照表; an unknown
// statement prints as %!Statement(n).
func (s Statement) String() string {
	if !s.valid() {
		return fmt.Sprintf("%%!Statement(%d)", int(s))
	}
	return statementNames[s]
}

func (s Statement) valid() bool { return s >= BalanceSheet && s <= CashFlow }

// A WorksheetRow is one line of a 精算表. Each pair of columns holds a
// balance or amounts as Totals, on the side they lie.
type WorksheetRow struct {
	Account account.Account // the zero Account on the lines the worksheet adds
	Label   string
	Before  Totals // 残高試算表: the balance after the 開始仕訳 and 期中仕訳
	Adjust  Totals // 整理仕訳: the amounts of the 整理仕訳 on each side
	After   Totals // 整理後残高試算表: the balance after the 整理仕訳
	// Statements holds, by Statement − 1, what the line carries to the
	// columns of each statement: an account's After in the columns of the
	// statement it belongs to; the amounts that close one statement into
	// another on the lines the worksheet adds.
	Statements [4]Totals
}

// A Worksheet is a 精算表: the trial balance before the 整理仕訳, the
// 整理仕訳, the trial balance after them, and each account's balance
// carried to the columns of its statement, followed by the lines that
// close one statement into the next, as the four statements are linked:
//
//   - 純行政コスト: the balance of the 行政コスト計算書's columns, carried to
//     the 純資産変動計算書's (純行政コスト（△）);
//   - 本年度純資産変動額: the balance of the 純資産変動計算書's columns,
//     carried to the 貸借対照表's 純資産;
//   - 本年度現金預金増減額: the balance of the 資金収支計算書's columns (the
//     本年度資金収支額 and the 本年度歳計外現金増減額), carried to the
//     貸借対照表's 現金預金.
//
// Then each pair of columns balances. A Worksheet is immutable.
type Worksheet struct {
	year  era.FiscalYear
	rows  []WorksheetRow
	total WorksheetRow
}

// Worksheet returns the 精算表 of the ledger, each account carried to the
// statement that classify names for it. An account that classify carries
// to no statement is an *Error.
func (l *Ledger) Worksheet(classify func(account.Account) Statement) (*Worksheet, error) {
	ws := &Worksheet{year: l.j.Year()}
	var ps []Problem
	for _, a := range l.accounts {
		label := l.names.Label(a.Code)
		s := classify(a)
		if !s.valid() {
			ps = append(ps, Problem{Table: "精算表", Err: fmt.Errorf("account %s (%s): carried to no statement", quote.Bounded(label), a.Code)})
			continue
		}
		before := l.Totals(a.Code, journal.Opening, journal.Regular)
		r := WorksheetRow{Account: a, Label: label, Before: balanceOf(before), Adjust: l.Totals(a.Code, journal.Adjusting),
			After: balanceOf(l.Totals(a.Code))}
		for k := range r.Statements {
			r.Statements[k] = zeroTotals()
		}
		r.Statements[s-1] = r.After
		ws.rows = append(ws.rows, r)
	}
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	sum := ws.sum()
	// Close the 行政コスト計算書 into the 純資産変動計算書, that into the
	// 貸借対照表, and the 資金収支計算書 into the 貸借対照表.
	for _, c := range []struct {
		label    string
		from, to Statement
	}{{"純行政コスト", Cost, NetAssets}, {"本年度純資産変動額", NetAssets, BalanceSheet}, {"本年度現金預金増減額", CashFlow, BalanceSheet}} {
		r := WorksheetRow{Label: c.label, Before: zeroTotals(), Adjust: zeroTotals(), After: zeroTotals()}
		for k := range r.Statements {
			r.Statements[k] = zeroTotals()
		}
		net := sum.Statements[c.from-1].Net() // what the statement's columns lack on the 貸方
		if net.Sign() >= 0 {
			r.Statements[c.from-1].Credit, r.Statements[c.to-1].Debit = net, net
		} else {
			r.Statements[c.from-1].Debit, r.Statements[c.to-1].Credit = net.Neg(), net.Neg()
		}
		ws.rows = append(ws.rows, r)
		sum = ws.sum()
	}
	ws.total = sum
	ws.total.Label = "合計"
	return ws, nil
}

func zeroTotals() Totals { return Totals{Debit: decimal.Zero, Credit: decimal.Zero} }

// balanceOf returns the balance of t on the side it lies.
func balanceOf(t Totals) Totals {
	b := zeroTotals()
	if net := t.Net(); net.Sign() >= 0 {
		b.Debit = net
	} else {
		b.Credit = net.Neg()
	}
	return b
}

// sum returns the sum of every column of the rows.
func (ws *Worksheet) sum() WorksheetRow {
	s := WorksheetRow{Before: zeroTotals(), Adjust: zeroTotals(), After: zeroTotals()}
	for k := range s.Statements {
		s.Statements[k] = zeroTotals()
	}
	for _, r := range ws.rows {
		s.Before, s.Adjust, s.After = s.Before.add(r.Before), s.Adjust.add(r.Adjust), s.After.add(r.After)
		for k := range s.Statements {
			s.Statements[k] = s.Statements[k].add(r.Statements[k])
		}
	}
	return s
}

// Rows returns the accounts' lines, in the chart's order, then the lines
// that close one statement into the next.
func (ws *Worksheet) Rows() []WorksheetRow { return slices.Clone(ws.rows) }

// Total returns the line of totals, labelled 合計.
func (ws *Worksheet) Total() WorksheetRow { return ws.total }

// Check reports, in an *Error wrapping ErrUnbalanced, each pair of columns
// whose 借方 and 貸方 totals differ.
func (ws *Worksheet) Check() error {
	var ps []Problem
	check := func(column string, t Totals) {
		if !t.Debit.Equal(t.Credit) {
			ps = append(ps, Problem{Table: "精算表", Column: column,
				Err: fmt.Errorf("%w: 借方 %s, 貸方 %s", ErrUnbalanced, formatYen(t.Debit), formatYen(t.Credit))})
		}
	}
	t := ws.total
	check("残高試算表", t.Before)
	check("整理仕訳", t.Adjust)
	check("整理後残高試算表", t.After)
	for k, st := range t.Statements {
		check(Statement(k+1).String(), st)
	}
	if len(ps) > 0 {
		return &Error{Problems: ps}
	}
	return nil
}

// columnGroups are the pairs of columns of a worksheet, as printed.
var columnGroups = []string{"残高試算表", "整理仕訳", "整理後残高試算表", "貸借対照表", "行政コスト計算書", "純資産変動計算書", "資金収支計算書"}

// pairs returns the row's pairs of columns in the printed order.
func (r WorksheetRow) pairs() []Totals {
	return append([]Totals{r.Before, r.Adjust, r.After}, r.Statements[:]...)
}

// WriteText prints the worksheet: the title 精算表, the date line, the
// entity and the unit, a heading of two lines (each pair of columns, then
// 借方 and 貸方 under it), one line for each account and each closing
// line, and the line of totals. Zero amounts are left blank.
func (ws *Worksheet) WriteText(w io.Writer, opt PrintOptions) error {
	head1, head2 := []string{"勘定科目"}, []string{""}
	for _, g := range columnGroups {
		head1 = append(head1, g, "")
		head2 = append(head2, "借方", "貸方")
	}
	table := [][]string{head1, head2}
	left := []bool{true}
	for range columnGroups {
		left = append(left, false, false)
	}
	for _, r := range append(ws.Rows(), ws.total) {
		rec := []string{r.Label}
		for _, p := range r.pairs() {
			rec = append(rec, blankZero(p.Debit), blankZero(p.Credit))
		}
		table = append(table, rec)
	}
	return writeTable(w, "精算表", asOf(ws.year), opt, table, left)
}

// WriteCSV writes the worksheet as CSV: the columns code and account, then
// a debit and a credit column for each pair (before, adjusting, after, bs,
// pl, nw, cf), as before_debit, before_credit and so on, amounts as plain
// whole yen; one line for each account, then the closing lines and the
// line of totals, whose code is empty. It writes UTF-8 with a byte order
// mark and CRLF line ends.
func (ws *Worksheet) WriteCSV(w io.Writer) error {
	head := []string{"code", "account"}
	for _, g := range append([]string{"before", "adjusting", "after"}, statementIDs[1:]...) {
		head = append(head, g+"_debit", g+"_credit")
	}
	recs := [][]string{head}
	for _, r := range append(ws.Rows(), ws.total) {
		rec := []string{r.Account.Code, r.Label}
		for _, p := range r.pairs() {
			rec = append(rec, p.Debit.String(), p.Credit.String())
		}
		recs = append(recs, rec)
	}
	return writeCSV(w, recs)
}
