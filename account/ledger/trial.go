package ledger

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/era"
)

// A TrialRow is one line of a 合計残高試算表: an account, the totals posted
// to each side of it, and its balance on the side it lies.
type TrialRow struct {
	Account     account.Account // the zero Account on the total line
	Label       string          // the account's label; 合計 on the total line
	DebitTotal  decimal.Decimal // 借方合計
	CreditTotal decimal.Decimal // 貸方合計
	// DebitBalance and CreditBalance are the balance, DebitTotal −
	// CreditTotal, on the side it lies: one of them is zero.
	DebitBalance  decimal.Decimal // 借方残高
	CreditBalance decimal.Decimal // 貸方残高
}

// trialRow returns the row of an account with the given totals.
func trialRow(a account.Account, label string, t Totals) TrialRow {
	r := TrialRow{Account: a, Label: label, DebitTotal: t.Debit, CreditTotal: t.Credit,
		DebitBalance: decimal.Zero, CreditBalance: decimal.Zero}
	if net := t.Net(); net.Sign() >= 0 {
		r.DebitBalance = net
	} else {
		r.CreditBalance = net.Neg()
	}
	return r
}

// A TrialBalance is a 合計残高試算表: for every account posted to, in the
// chart's order, its 借方合計 and 貸方合計 and its balance, and their
// totals, which agree in a journal of balanced entries. It is immutable.
type TrialBalance struct {
	year  era.FiscalYear
	rows  []TrialRow
	total TrialRow
}

// TrialBalance returns the 合計残高試算表 of every entry posted, the
// 開始仕訳 included, as at the end of the journal's year.
func (l *Ledger) TrialBalance() *TrialBalance {
	tb := &TrialBalance{year: l.j.Year()}
	sum := Totals{Debit: decimal.Zero, Credit: decimal.Zero}
	debit, credit := decimal.Zero, decimal.Zero
	for _, a := range l.accounts {
		r := trialRow(a, l.names.Label(a.Code), l.Totals(a.Code))
		tb.rows = append(tb.rows, r)
		sum = sum.add(Totals{Debit: r.DebitTotal, Credit: r.CreditTotal})
		debit, credit = debit.Add(r.DebitBalance), credit.Add(r.CreditBalance)
	}
	tb.total = TrialRow{Label: "合計", DebitTotal: sum.Debit, CreditTotal: sum.Credit, DebitBalance: debit, CreditBalance: credit}
	return tb
}

// Rows returns the accounts' rows, in the chart's order.
func (tb *TrialBalance) Rows() []TrialRow { return slices.Clone(tb.rows) }

// Total returns the line of totals: the sum of each column.
func (tb *TrialBalance) Total() TrialRow { return tb.total }

// Year returns the fiscal year whose books the trial balance sums.
func (tb *TrialBalance) Year() era.FiscalYear { return tb.year }

// Check reports, in an *Error wrapping ErrUnbalanced, totals that do not
// agree: 借方合計 and 貸方合計, 借方残高 and 貸方残高.
func (tb *TrialBalance) Check() error {
	var ps []Problem
	t := tb.total
	if !t.DebitTotal.Equal(t.CreditTotal) {
		ps = append(ps, Problem{Table: "合計残高試算表", Column: "合計",
			Err: fmt.Errorf("%w: 借方合計 %s, 貸方合計 %s", ErrUnbalanced, formatYen(t.DebitTotal), formatYen(t.CreditTotal))})
	}
	if !t.DebitBalance.Equal(t.CreditBalance) {
		ps = append(ps, Problem{Table: "合計残高試算表", Column: "残高",
			Err: fmt.Errorf("%w: 借方残高 %s, 貸方残高 %s", ErrUnbalanced, formatYen(t.DebitBalance), formatYen(t.CreditBalance))})
	}
	if len(ps) > 0 {
		return &Error{Problems: ps}
	}
	return nil
}

// trialHeading is the heading of the printed trial balance: 借方 on the
// left of the account, 貸方 on the right, as the 要領's 合計残高試算表 prints.
var trialHeading = []string{"借方残高", "借方合計", "勘定科目", "貸方合計", "貸方残高"}

// WriteText prints the trial balance as the 要領 lays it out: the title,
// the date line (the last day of the year), the entity and the unit, then
// one line for each account with 借方残高 and 借方合計 to the left of its
// label and 貸方合計 and 貸方残高 to the right, and the line of totals. A
// side without a balance is left blank.
func (tb *TrialBalance) WriteText(w io.Writer, opt PrintOptions) error {
	table := [][]string{trialHeading}
	for _, r := range append(tb.Rows(), tb.total) {
		table = append(table, []string{blankZero(r.DebitBalance), formatYen(r.DebitTotal), r.Label, formatYen(r.CreditTotal), blankZero(r.CreditBalance)})
	}
	return writeTable(w, "合計残高試算表", asOf(tb.year), opt, table, []bool{false, false, true, false, false})
}

// csvHeading is the header line of WriteCSV.
var csvHeading = []string{"code", "account", "debit_total", "credit_total", "debit_balance", "credit_balance"}

// WriteCSV writes the trial balance as CSV: the columns code, account
// (the label), debit_total, credit_total, debit_balance and
// credit_balance, amounts as plain whole yen; one line for each account
// and a last line of totals, whose code is empty and account 合計. It
// writes UTF-8 with a byte order mark and CRLF line ends.
func (tb *TrialBalance) WriteCSV(w io.Writer) error {
	recs := [][]string{csvHeading}
	for _, r := range append(tb.Rows(), tb.total) {
		recs = append(recs, []string{r.Account.Code, r.Label, r.DebitTotal.String(), r.CreditTotal.String(),
			r.DebitBalance.String(), r.CreditBalance.String()})
	}
	return writeCSV(w, recs)
}

type jsonTrialRow struct {
	Code          string `json:"code,omitempty"`
	Account       string `json:"account"`
	DebitTotal    string `json:"debitTotal"`
	CreditTotal   string `json:"creditTotal"`
	DebitBalance  string `json:"debitBalance"`
	CreditBalance string `json:"creditBalance"`
}

func jsonRow(r TrialRow) jsonTrialRow {
	return jsonTrialRow{Code: r.Account.Code, Account: r.Label, DebitTotal: r.DebitTotal.String(), CreditTotal: r.CreditTotal.String(),
		DebitBalance: r.DebitBalance.String(), CreditBalance: r.CreditBalance.String()}
}

// MarshalJSON returns the trial balance as a JSON object:
//
//	{"title": "合計残高試算表", "year": "令和5年度", "asOf": "2024-03-31",
//	 "rows": [{"code": "1111", "account": "事業用資産/土地", "debitTotal": "…", "creditTotal": "0",
//	           "debitBalance": "…", "creditBalance": "0"}, …],
//	 "total": {"account": "合計", …}}
//
// Amounts are strings of exact whole yen, as package statement writes
// them.
func (tb *TrialBalance) MarshalJSON() ([]byte, error) {
	out := struct {
		Title string         `json:"title"`
		Year  string         `json:"year"`
		AsOf  era.Date       `json:"asOf"`
		Rows  []jsonTrialRow `json:"rows"`
		Total jsonTrialRow   `json:"total"`
	}{Title: "合計残高試算表", Year: tb.year.String(), AsOf: tb.year.Last(), Total: jsonRow(tb.total), Rows: []jsonTrialRow{}}
	for _, r := range tb.rows {
		out.Rows = append(out.Rows, jsonRow(r))
	}
	return json.Marshal(out)
}
