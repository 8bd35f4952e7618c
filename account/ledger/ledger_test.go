package ledger_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/era"
)

// The books of the tests: a building and cash brought forward, taxes
// received, supplies paid, depreciation at the year's end.
const chartCSV = `code,name,category,parent,contra
1113,建物,asset,,
1114,建物減価償却累計額,asset,,true
1510,現金預金,asset,,
3010,固定資産等形成分,net_assets,,
3020,余剰分（不足分）,net_assets,,
4121,物件費,expense,,
4123,減価償却費,expense,,
6210,税収等,revenue,,
7112,物件費等支出,outflow,,
7210,税収等収入,inflow,,
`

const openingCSV = `account,debit,credit
建物,1000,
建物減価償却累計額,,200
現金預金,300,
固定資産等形成分,,800
余剰分（不足分）,,300
`

const journalCSV = `entry,date,account,debit,credit,memo,stage
1,2023-05-10,税収等収入,500,,住民税,
1,,税収等,,500,,
2,2023-06-01,物件費,120,,消耗品,
2,,物件費等支出,,120,,
3,2024-05-31,物件費,30,,出納整理期間の支払,
3,,物件費等支出,,30,,
4,2024-03-31,減価償却費,20,,減価償却,整理仕訳
4,,建物減価償却累計額,,20,,
`

// classify carries the accounts of the tests' books to their statements:
// 税収等 to the 純資産変動計算書, costs to the 行政コスト計算書, receipts and
// payments to the 資金収支計算書, the rest to the 貸借対照表.
func classify(a account.Account) ledger.Statement {
	switch {
	case a.Code == "6210":
		return ledger.NetAssets
	case a.Category == account.Expense:
		return ledger.Cost
	case a.Category == account.Inflow || a.Category == account.Outflow:
		return ledger.CashFlow
	}
	return ledger.BalanceSheet
}

// books returns the ledger of the tests' books; it panics on an error,
// so that examples may call it too.
func books() *ledger.Ledger {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	chart, err := account.ReadCSV(strings.NewReader(chartCSV), "chart.csv")
	must(err)
	j, err := journal.ReadCSV(strings.NewReader(journalCSV), "j.csv", chart, journal.Options{})
	must(err)
	open, err := journal.ReadOpeningCSV(strings.NewReader(openingCSV), "o.csv", chart, j.Options())
	must(err)
	j, err = j.With(open)
	must(err)
	return ledger.Post(j)
}

func d(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

func TestTotals(t *testing.T) {
	l := books()
	for _, tt := range []struct {
		code          string
		stages        []journal.Stage
		debit, credit int64
	}{
		{"1114", nil, 0, 220},
		{"1114", []journal.Stage{journal.Opening}, 0, 200},
		{"1114", []journal.Stage{journal.Adjusting}, 0, 20},
		{"4121", []journal.Stage{journal.Regular, journal.Regular}, 150, 0},
		{"9999", nil, 0, 0},
	} {
		got := l.Totals(tt.code, tt.stages...)
		if !got.Debit.Equal(d(tt.debit)) || !got.Credit.Equal(d(tt.credit)) {
			t.Errorf("Totals(%s, %v) = %v / %v, want %d / %d", tt.code, tt.stages, got.Debit, got.Credit, tt.debit, tt.credit)
		}
	}
	var codes []string
	for _, a := range l.Accounts() {
		codes = append(codes, a.Code)
	}
	if got := strings.Join(codes, " "); got != "1113 1114 1510 3010 3020 4121 4123 6210 7112 7210" {
		t.Errorf("accounts %s", got)
	}
}

// TestTrialBalance checks the 合計残高試算表 against totals summed by hand:
// 借方合計 1000 + 300 (開始) + 500 + 120 + 30 + 20 = 1,970 = 貸方合計
// 200 + 800 + 300 + 500 + 120 + 30 + 20; 借方残高 1000 + 300 + 150 + 20 +
// 500 = 1,970 = 貸方残高 220 + 800 + 300 + 500 + 150.
func TestTrialBalance(t *testing.T) {
	tb := books().TrialBalance()
	if err := tb.Check(); err != nil {
		t.Fatal(err)
	}
	tot := tb.Total()
	for _, x := range []decimal.Decimal{tot.DebitTotal, tot.CreditTotal, tot.DebitBalance, tot.CreditBalance} {
		if !x.Equal(d(1970)) {
			t.Errorf("totals %v %v %v %v, want 1,970 each", tot.DebitTotal, tot.CreditTotal, tot.DebitBalance, tot.CreditBalance)
			break
		}
	}
	r := tb.Rows()[1]
	if r.Label != "建物減価償却累計額" || !r.CreditTotal.Equal(d(220)) || !r.CreditBalance.Equal(d(220)) || !r.DebitBalance.IsZero() {
		t.Errorf("row 1: %+v", r)
	}
	var text bytes.Buffer
	if err := tb.WriteText(&text, ledger.PrintOptions{Entity: "みなと市"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"合計残高試算表\n（令和６年３月３１日現在）\nみなと市\n（単位：円）\n", "           0  建物減価償却累計額       220       220\n", "   1,970     1,970  合計                   1,970     1,970\n"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, text.String())
		}
	}
	var csv bytes.Buffer
	if err := tb.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), "1114,建物減価償却累計額,0,220,0,220\r\n") || !strings.HasSuffix(csv.String(), ",合計,1970,1970,1970,1970\r\n") {
		t.Errorf("csv:\n%s", csv.String())
	}
	b, err := json.Marshal(tb)
	if err != nil || !strings.Contains(string(b), `"asOf":"2024-03-31"`) || !strings.Contains(string(b), `{"code":"1114","account":"建物減価償却累計額","debitTotal":"0","creditTotal":"220","debitBalance":"0","creditBalance":"220"}`) {
		t.Errorf("json %s, %v", b, err)
	}
}

// TestPage follows 物件費: nothing brought forward, 120 on 2023-06-01, 30
// in the 出納整理期間 (2024-05-31), after the 整理仕訳 of 2024-03-31 on
// other accounts, in date order.
func TestPage(t *testing.T) {
	l := books()
	p, ok := l.Page("4121")
	if !ok || !p.Opening.IsZero() || len(p.Postings) != 2 || !p.Closing.Equal(d(150)) {
		t.Fatalf("%+v", p)
	}
	if x := p.Postings[1]; x.Entry != "3" || x.Counter != "物件費等支出" || !x.Balance.Equal(d(150)) || x.Memo != "出納整理期間の支払" {
		t.Errorf("%+v", x)
	}
	p, _ = l.Page("1114")
	if !p.Opening.Equal(d(-200)) || !p.Closing.Equal(d(-220)) || p.Postings[0].Stage != journal.Adjusting {
		t.Errorf("%+v", p)
	}
	var text bytes.Buffer
	if err := p.WriteText(&text, l.Journal().Year(), ledger.PrintOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "前期繰越") || !strings.Contains(text.String(), "減価償却費  減価償却") || !strings.Contains(text.String(), "次期繰越              貸      220\n") {
		t.Errorf("%s", text.String())
	}
	if _, ok := l.Page("9999"); ok {
		t.Error("a page of an account not posted to")
	}
}

// TestWorksheet carries 建物, 累計額, 現金預金 and the 純資産 to the
// 貸借対照表, 物件費 and 減価償却費 to the 行政コスト計算書, 税収等 to the
// 純資産変動計算書 and the CF accounts to the 資金収支計算書, and closes them
// by hand: 純行政コスト 150 + 20 = 170; 本年度純資産変動額 500 − 170 = 330;
// 本年度現金預金増減額 500 − 150 = 350. BS: 借方 1000 + 300 + 350 = 1,650;
// 貸方 220 + 800 + 300 + 330 = 1,650.
func TestWorksheet(t *testing.T) {
	l := books()
	ws, err := l.Worksheet(classify)
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.Check(); err != nil {
		t.Fatal(err)
	}
	rows := ws.Rows()
	closing := rows[len(rows)-3:]
	for i, want := range []struct {
		label    string
		from, to ledger.Statement
		amount   int64
	}{{"純行政コスト", ledger.Cost, ledger.NetAssets, 170}, {"本年度純資産変動額", ledger.NetAssets, ledger.BalanceSheet, 330}, {"本年度現金預金増減額", ledger.CashFlow, ledger.BalanceSheet, 350}} {
		r := closing[i]
		from, to := r.Statements[want.from-1], r.Statements[want.to-1]
		// Each closing line moves the amount out of one statement's
		// columns and into the other's, on opposite sides.
		if r.Label != want.label || !from.Debit.Add(from.Credit).Equal(d(want.amount)) || !to.Debit.Add(to.Credit).Equal(d(want.amount)) || !from.Debit.Equal(to.Credit) {
			t.Errorf("%s: %+v", want.label, r)
		}
	}
	bs := ws.Total().Statements[ledger.BalanceSheet-1]
	if !bs.Debit.Equal(d(1650)) || !bs.Credit.Equal(d(1650)) {
		t.Errorf("BS %v / %v, want 1,650", bs.Debit, bs.Credit)
	}
	if r := rows[1]; !r.Before.Credit.Equal(d(200)) || !r.Adjust.Credit.Equal(d(20)) || !r.After.Credit.Equal(d(220)) {
		t.Errorf("累計額: %+v", r)
	}
	var text, csv bytes.Buffer
	if err := ws.WriteText(&text, ledger.PrintOptions{}); err != nil || !strings.Contains(text.String(), "本年度純資産変動額") {
		t.Errorf("%v\n%s", err, text.String())
	}
	if err := ws.WriteCSV(&csv); err != nil || !strings.HasPrefix(csv.String(), "\uFEFFcode,account,before_debit,before_credit,adjusting_debit,adjusting_credit,after_debit,after_credit,bs_debit,bs_credit,pl_debit,pl_credit,nw_debit,nw_credit,cf_debit,cf_credit\r\n") {
		t.Errorf("%v\n%s", err, csv.String())
	}
	if _, err := l.Worksheet(func(account.Account) ledger.Statement { return 0 }); !strings.Contains(fmt.Sprint(err), "carried to no statement") {
		t.Errorf("no statement: %v", err)
	}
}

// TestLargeTotals posts amounts whose sum overflows an int64, so that the
// ledger sums them exactly beyond.
func TestLargeTotals(t *testing.T) {
	chart, _ := account.ReadCSV(strings.NewReader(chartCSV), "chart.csv")
	big := decimal.RequireFromString("900000000000000000") // 9×10^17, 18 digits
	var entries []journal.Entry
	date := l0(t)
	for i := range 12 {
		entries = append(entries, journal.NewEntry(string(rune('a'+i)), date, 0, "", journal.Debit("4121", big), journal.Credit("7112", big)))
	}
	huge := decimal.RequireFromString("123456789012345678901234567890")
	entries = append(entries, journal.NewEntry("z", date, 0, "", journal.Debit("4121", huge), journal.Credit("7112", huge)))
	j, err := journal.New(chart, entries, journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := big.Mul(d(12)).Add(huge)
	if got := ledger.Post(j).Totals("4121"); !got.Debit.Equal(want) {
		t.Errorf("%v, want %v", got.Debit, want)
	}
}

func TestCheckUnbalanced(t *testing.T) {
	err := (&ledger.Error{Problems: []ledger.Problem{{Table: "合計残高試算表", Column: "合計", Err: ledger.ErrUnbalanced}}})
	if !errors.Is(err, ledger.ErrUnbalanced) || err.Error() != `ledger: 合計残高試算表: column "合計": unbalanced` {
		t.Errorf("%v", err)
	}
}

func l0(t testing.TB) era.Date {
	dd, err := era.Parse("2023-06-01")
	if err != nil {
		t.Fatal(err)
	}
	return dd
}
