package journal_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/journal"
)

const goodCSV = `entry,date,account,debit,credit,memo,stage
1,2023-06-01,物件費,55000,,消耗品の購入,
1,,物件費等支出,,55000,,
2,令和6年3月31日,減価償却費,"1,200",,減価償却,整理仕訳
2,令和6年3月31日,事業用資産/建物減価償却累計額,,1200,庁舎,整理
3,2024-05-31,税収等収入,300,,出納整理期間の納付,
3,2024-05-31,税収等,,300,,
`

func TestReadCSV(t *testing.T) {
	c := testChart(t)
	j, err := journal.ReadCSV(strings.NewReader(goodCSV), "j.csv", c, journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if j.Year() != 2023 || j.Len() != 3 {
		t.Fatalf("year %v, %d entries", j.Year(), j.Len())
	}
	e, k := j.Entry(1)
	if e.ID != "2" || e.Stage != journal.Adjusting || k != journal.NonCash || e.Memo != "減価償却" ||
		e.Lines[1].Account != "1114" || e.Lines[1].Memo != "庁舎" || e.Lines[1].Side != account.Credit || !e.Lines[0].Amount.Equal(yen(1200)) {
		t.Errorf("entry 2: %+v %v", e, k)
	}
	// What WriteCSV writes, ReadCSV reads back to the same journal.
	var buf bytes.Buffer
	if err := j.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := journal.ReadCSV(&buf, "back.csv", c, journal.Options{})
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for i := range j.Len() {
		a, _ := j.Entry(i)
		b, _ := back.Entry(i)
		if a.ID != b.ID || a.Date != b.Date || a.Stage != b.Stage || a.Memo != b.Memo || len(a.Lines) != len(b.Lines) {
			t.Errorf("entry %d: %+v, read back %+v", i, a, b)
			continue
		}
		for k := range a.Lines {
			x, y := a.Lines[k], b.Lines[k]
			if x.Account != y.Account || x.Side != y.Side || !x.Amount.Equal(y.Amount) || x.Memo != y.Memo {
				t.Errorf("entry %d line %d: %+v, read back %+v", i, k, x, y)
			}
		}
	}
}

// TestReadCSVProblems names the file, the line and the column of each
// kind of bad input the issue lists, in the package's one error shape.
func TestReadCSVProblems(t *testing.T) {
	c := testChart(t)
	head := "entry,date,account,debit,credit,memo\n"
	for _, tt := range []struct {
		name, body string
		want       error
		text       string
	}{
		{"unbalanced", "1,2023-06-01,物件費,100,,\n1,2023-06-01,物件費等支出,,90,\n",
			journal.ErrUnbalanced, `j.csv: line 2: entry "1": unbalanced: 借方 100, 貸方 90`},
		{"unknown account", "1,2023-06-01,物品費,100,,\n1,2023-06-01,物件費等支出,,100,\n",
			journal.ErrUnknown, `line 2: entry "1": column "account": unknown account "物品費"`},
		{"ambiguous name", "1,2023-06-01,建物,100,,\n1,2023-06-01,物件費等支出,,100,\n",
			journal.ErrAmbiguous, `ambiguous account "建物": 事業用資産/建物 (1113), インフラ資産/建物 (1132)`},
		{"group account", "1,2023-06-01,事業用資産,100,,\n1,2023-06-01,物件費等支出,,100,\n",
			journal.ErrNotPosting, `line 2: entry "1": column "account": not a posting account: 1110 事業用資産`},
		{"date outside the year", "1,2023-06-01,物件費,100,,\n1,,物件費等支出,,100,\n2,2024-06-01,物件費,1,,\n2,,物件費等支出,,1,\n",
			journal.ErrRange, `line 4: entry "2": column "date": value out of range: 2024-06-01 is outside 令和5年度`},
		{"negative amount", "1,2023-06-01,物件費,△100,,\n1,2023-06-01,物件費等支出,,△100,\n",
			journal.ErrRange, `line 2: entry "1": column "debit": value out of range: amount -100: not positive`},
		{"fractional amount", "1,2023-06-01,物件費,100.5,,\n1,2023-06-01,物件費等支出,,100.5,\n",
			journal.ErrSyntax, `line 3: entry "1": column "credit": invalid syntax: amount 100.5: not whole yen`},
		{"not a number", "1,2023-06-01,物件費,百円,,\n1,2023-06-01,物件費等支出,,100,\n",
			journal.ErrSyntax, `line 2: entry "1": column "debit": invalid syntax: amount`},
		{"duplicate entry id", "1,2023-06-01,物件費,100,,\n1,,物件費等支出,,100,\n2,2023-06-02,物件費,1,,\n2,,物件費等支出,,1,\n1,2023-06-03,物件費,1,,\n1,,物件費等支出,,1,\n",
			journal.ErrDuplicate, `line 6: entry "1": column "entry": duplicate entry id (first on line 2)`},
		{"both sides", "1,2023-06-01,物件費,100,100,\n",
			journal.ErrSyntax, `column "credit": invalid syntax: an amount in both debit and credit`},
		{"another date", "1,2023-06-01,物件費,100,,\n1,2023-06-02,物件費等支出,,100,\n",
			journal.ErrSyntax, `line 3: entry "1": column "date": invalid syntax: date "2023-06-02": the entry's first line gives 2023-06-01`},
		{"bad date", "1,2023-13-01,物件費,100,,\n1,,物件費等支出,,100,\n",
			journal.ErrSyntax, `line 2: entry "1": column "date": invalid syntax: date "2023-13-01"`},
		{"no entry id", "1,2023-06-01,物件費,100,,\n,,物件費等支出,,100,\n",
			journal.ErrMissing, `line 3: column "entry": missing entry id`},
		{"fields", "1,2023-06-01,物件費,100,\n",
			journal.ErrSyntax, `line 2: invalid syntax: number of fields: 5, where the header has 6`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := journal.ReadCSV(strings.NewReader(head+tt.body), "j.csv", c, journal.Options{})
			var je *journal.Error
			if !errors.Is(err, tt.want) || !errors.As(err, &je) || je.Source != "j.csv" || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("got %v\nwant %v containing %q", err, tt.want, tt.text)
			}
		})
	}
}

func TestReadCSVHeader(t *testing.T) {
	c := testChart(t)
	for _, tt := range []struct {
		head string
		want error
	}{
		{"entry,date,account,debit,credit,remarks", journal.ErrUnknown},
		{"entry,date,account,debit", journal.ErrMissing},
		{"entry,date,account,debit,credit,credit", journal.ErrDuplicate},
	} {
		_, err := journal.ReadCSV(strings.NewReader(tt.head+"\n"), "j.csv", c, journal.Options{})
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.head, err, tt.want)
		}
	}
	if _, err := journal.ReadCSV(strings.NewReader(""), "j.csv", c, journal.Options{}); !errors.Is(err, journal.ErrMissing) {
		t.Errorf("empty file: %v", err)
	}
	if _, err := journal.ReadCSV(strings.NewReader("entry,date,account,debit,credit\n1,2023-06-01,\xff,1,\n"), "j.csv", c, journal.Options{}); !errors.Is(err, journal.ErrEncoding) {
		t.Errorf("bad bytes: %v", err)
	}
}

func TestNames(t *testing.T) {
	n := journal.NewNames(testChart(t))
	for in, want := range map[string]string{
		"1113": "1113", "事業用資産/建物": "1113", "インフラ資産/建物": "1132", " 有形固定資産 / 事業用資産 / 建物 ": "1113",
		"物件費": "4121", "ｲﾝﾌﾗ資産/建物": "1132",
	} {
		if got, err := n.Lookup(in); err != nil || got != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for code, want := range map[string]string{"1113": "事業用資産/建物", "4121": "物件費", "9999": ""} {
		if got := n.Label(code); got != want {
			t.Errorf("Label(%s) = %q, want %q", code, got, want)
		}
	}
	if _, err := n.Lookup("資産/建物"); !errors.Is(err, journal.ErrUnknown) {
		t.Errorf("a path that is not a whole name: %v", err)
	}
}

func TestReadOpeningCSV(t *testing.T) {
	c := testChart(t)
	e, err := journal.ReadOpeningCSV(strings.NewReader("account,debit,credit\n事業用資産/建物,1000,\n建物減価償却累計額,,400\n現金預金,0,\n未払金,,600\n"), "o.csv", c, journal.Options{Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	if e.ID != journal.OpeningID || e.Stage != journal.Opening || len(e.Lines) != 3 || e.Date.String() != "令和5年4月1日" {
		t.Errorf("%+v", e)
	}
	j, err := journal.New(c, []journal.Entry{e}, journal.Options{})
	if err != nil || j.Year() != 2023 {
		t.Errorf("New: %v", err)
	}
	e, _ = journal.ReadOpeningCSV(strings.NewReader("account,debit,credit\n事業用資産/建物,1000,\n未払金,,600\n"), "o.csv", c, journal.Options{Year: 2023})
	if _, err := journal.New(c, []journal.Entry{e}, journal.Options{}); !errors.Is(err, journal.ErrUnbalanced) || !strings.Contains(err.Error(), `o.csv: entry "開始": unbalanced`) {
		t.Errorf("unbalanced opening: %v", err)
	}
	for body, want := range map[string]error{
		"建物,1,\n":          journal.ErrAmbiguous,
		"未払金,,1\n未払金,,2\n": journal.ErrDuplicate,
		"未払金,1,2\n":        journal.ErrSyntax,
		"未払金,x,\n":         journal.ErrSyntax,
	} {
		if _, err := journal.ReadOpeningCSV(strings.NewReader("account,debit,credit\n"+body), "o.csv", c, journal.Options{Year: 2023}); !errors.Is(err, want) {
			t.Errorf("%q: %v, want %v", body, err, want)
		}
	}
}

func TestNamesUnder(t *testing.T) {
	c, err := account.ReadCSV(strings.NewReader(`code,name,category,parent
4133,その他,expense,
6700,その他,net_assets,
6210,税収等,revenue,
`), "chart.csv")
	if err != nil {
		t.Fatal(err)
	}
	n := journal.NewNamesUnder(c, func(a account.Account) string {
		if a.Category == account.Expense {
			return "行政コスト計算書"
		}
		return "純資産変動計算書"
	})
	if got := n.Label("6700"); got != "純資産変動計算書/その他" {
		t.Errorf("Label(6700) = %q", got)
	}
	if got := n.Label("6210"); got != "税収等" {
		t.Errorf("Label(6210) = %q", got)
	}
	if code, err := n.Lookup("純資産変動計算書/その他"); err != nil || code != "6700" {
		t.Errorf("Lookup: %q, %v", code, err)
	}
	if got := journal.NewNames(c).Label("6700"); got != "6700" {
		t.Errorf("without tops, Label(6700) = %q, want the code", got)
	}
}
