package conversion_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/conversion"
	"github.com/koukaikei/koukaikei/account/journal"
)

const chartCSV = `code,name,category,parent
1110,事業用資産,asset,
1113,建物,asset,1110
1130,インフラ資産,asset,
1132,建物,asset,1130
2110,1年内償還予定地方債,liability,
4111,職員給与費,expense,
4121,物件費,expense,
4122,維持補修費,expense,
4131,支払利息,expense,
6210,税収等,revenue,
7111,人件費支出,outflow,
7112,物件費等支出,outflow,
7113,支払利息支出,outflow,
7210,税収等収入,inflow,
7610,公共施設等整備費支出,outflow,
8110,地方債償還支出,outflow,
`

const tableCSV = `歳入歳出,款,項,目,節,細節,分類,借方,貸方,備考
歳出,,,,給料,,,職員給与費,人件費支出,
歳出,,,,需用費,,,物件費,物件費等支出,
歳出,,,,需用費,修繕料,,維持補修費,物件費等支出,細節が節より優先
歳出,,,,工事請負費,,建物,事業用資産/建物,公共施設等整備費支出,
歳出,,,,工事請負費,,維持補修,維持補修費,物件費等支出,
歳出,公債費,,元金,,,,1年内償還予定地方債,地方債償還支出,
歳出,公債費,,利子,,,,支払利息,支払利息支出,
歳入,地方税,,,,,,税収等収入,税収等,
`

func names(t testing.TB) *journal.Names {
	t.Helper()
	c, err := account.ReadCSV(strings.NewReader(chartCSV), "chart.csv")
	if err != nil {
		t.Fatal(err)
	}
	return journal.NewNames(c)
}

func table(t testing.TB) *conversion.Table {
	t.Helper()
	tb, err := conversion.ReadTableCSV(strings.NewReader(tableCSV), "map.csv", names(t))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestConvert(t *testing.T) {
	n := names(t)
	recs, err := conversion.ReadRecordsCSV(strings.NewReader(`番号,日付,歳入歳出,款,項,目,節,細節,分類,金額,摘要
1,2023-04-25,歳出,総務費,総務管理費,一般管理費,給料,,,"1,000",4月分給料
2,2023-05-10,歳出,総務費,総務管理費,一般管理費,需用費,消耗品費,,200,
3,2023-05-11,歳出,総務費,総務管理費,一般管理費,需用費,修繕料,,300,庁舎修繕
4,2023-10-02,歳出,土木費,道路橋りょう費,道路新設改良費,工事請負費,,建物,5000,倉庫
5,2024-03-25,歳出,公債費,公債費,元金,償還金利子及び割引料,,,700,
6,2024-05-31,歳入,地方税,市民税,個人,現年課税分,,,900,出納整理期間
`), "budget.csv", n)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := table(t).Convert(recs)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ id, debit, credit string }{
		{"1", "4111", "7111"}, {"2", "4121", "7112"}, {"3", "4122", "7112"},
		{"4", "1113", "7610"}, {"5", "2110", "8110"}, {"6", "7210", "6210"},
	}
	for i, e := range entries {
		if e.ID != want[i].id || e.Lines[0].Account != want[i].debit || e.Lines[1].Account != want[i].credit || !e.Lines[0].Amount.Equal(recs[i].Amount) {
			t.Errorf("entry %d: %+v, want %+v", i, e, want[i])
		}
	}
	c, _ := account.ReadCSV(strings.NewReader(chartCSV), "chart.csv")
	j, err := journal.New(c, entries, journal.Options{})
	if err != nil || j.Year() != 2023 {
		t.Fatalf("%v", err)
	}
}

func TestConvertProblems(t *testing.T) {
	n := names(t)
	recs, err := conversion.ReadRecordsCSV(strings.NewReader(`日付,歳入歳出,款,項,目,節,分類,金額
2023-06-01,歳出,総務費,総務管理費,一般管理費,旅費,,10
2023-06-01,歳出,土木費,道路橋りょう費,道路新設改良費,工事請負費,,10
2023-06-01,歳出,土木費,道路橋りょう費,道路新設改良費,工事請負費,工作物,10
`), "budget.csv", n)
	if err != nil {
		t.Fatal(err)
	}
	_, err = table(t).Convert(recs)
	for _, want := range []string{
		`conversion: budget.csv: line 2: unmapped 予算科目 歳出 総務費/総務管理費/一般管理費/旅費: no rule of the 資金仕訳変換表 books it`,
		`line 3: ambiguous 予算科目 歳出 土木費/道路橋りょう費/道路新設改良費/工事請負費: it books more than one account; give the 分類 (建物, 維持補修) or the record's 借方 and 貸方`,
		`line 4: unknown 分類 "工作物" of 予算科目 歳出 土木費/道路橋りょう費/道路新設改良費/工事請負費: its rules have 建物, 維持補修`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%v\nlacks %s", err, want)
		}
	}
	for _, s := range []error{conversion.ErrUnmapped, conversion.ErrAmbiguous, conversion.ErrUnknown} {
		if !errors.Is(err, s) {
			t.Errorf("not %v: %v", s, err)
		}
	}
}

func TestReadRecordsCSV(t *testing.T) {
	n := names(t)
	recs, err := conversion.ReadRecordsCSV(strings.NewReader(`日付,歳入歳出,款,項,目,節,金額,借方,貸方
令和5年6月1日,歳出,総務費,総務管理費,一般管理費,旅費,10,物件費,物件費等支出
`), "budget.csv", n)
	if err != nil || len(recs) != 1 || recs[0].ID != "R2" || recs[0].Debit != "4121" || recs[0].Credit != "7112" {
		t.Fatalf("%+v, %v", recs, err)
	}
	entries, err := table(t).Convert(recs)
	if err != nil || entries[0].Lines[0].Account != "4121" {
		t.Errorf("a record's own accounts: %+v, %v", entries, err)
	}
	for _, tt := range []struct {
		body string
		want error
		text string
	}{
		{"2023-06-01,歳出,a,b,c,d,△10,,", conversion.ErrRange, `line 2: column "金額": value out of range: 金額 -10: not positive whole yen`},
		{"2023-06-01,歳出,a,b,c,d,10.5,,", conversion.ErrRange, `not positive whole yen`},
		{"2023-06-01,歳出,a,b,c,d,0,,", conversion.ErrRange, `not positive whole yen`},
		{"2023-06-01,歳出,a,b,c,d,十,,", conversion.ErrSyntax, `column "金額": invalid syntax: 金額`},
		{"2023-02-30,歳出,a,b,c,d,1,,", conversion.ErrSyntax, `column "日付": invalid syntax: 日付 "2023-02-30"`},
		{"2023-06-01,歳計,a,b,c,d,1,,", conversion.ErrSyntax, `column "歳入歳出": invalid syntax: 歳入歳出 "歳計": neither 歳入 nor 歳出`},
		{"2023-06-01,歳出,a,b,c,d,1,物件費,", conversion.ErrMissing, `a record gives both 借方 and 貸方, or neither`},
		{"2023-06-01,歳出,a,b,c,d,1,建物,物件費等支出", conversion.ErrAmbiguous, `ambiguous account "建物"`},
		{"2023-06-01,歳出,a,b,c,d,1,物品費,物件費等支出", conversion.ErrUnknown, `unknown account "物品費"`},
		{"2023-06-01,歳出,a,b,c,d,1,", conversion.ErrSyntax, `number of fields: 8, where the header has 9`},
	} {
		_, err := conversion.ReadRecordsCSV(strings.NewReader("日付,歳入歳出,款,項,目,節,金額,借方,貸方\n"+tt.body+"\n"), "budget.csv", n)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
			t.Errorf("%s: %v\nwant %v containing %q", tt.body, err, tt.want, tt.text)
		}
	}
	if _, err := conversion.ReadRecordsCSV(strings.NewReader("日付,歳入歳出,款,項,目,節,金額,勘定\n"), "b.csv", n); !errors.Is(err, conversion.ErrUnknown) {
		t.Errorf("unknown column: %v", err)
	}
}

func TestReadTableCSV(t *testing.T) {
	n := names(t)
	for _, tt := range []struct {
		body string
		want error
		text string
	}{
		{"歳出,,,,給料,職員給与費,人件費支出\n歳出,,,,給料,職員給与費,人件費支出", conversion.ErrDuplicate, `line 3: duplicate rule 歳出 */*/*/給料 (first on line 2)`},
		{"歳出,,,,,職員給与費,人件費支出", conversion.ErrMissing, `a rule gives at least one of 款, 項, 目, 節 and 細節`},
		{"歳出,,,,給料,給与,人件費支出", conversion.ErrUnknown, `column "借方": unknown account "給与"`},
		{"歳出,,,,給料,建物,人件費支出", conversion.ErrAmbiguous, `ambiguous account "建物"`},
		{"歳入出,,,,給料,職員給与費,人件費支出", conversion.ErrSyntax, `neither 歳入 nor 歳出`},
	} {
		_, err := conversion.ReadTableCSV(strings.NewReader("歳入歳出,款,項,目,節,借方,貸方\n"+tt.body+"\n"), "map.csv", n)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
			t.Errorf("%s: %v\nwant %v containing %q", tt.body, err, tt.want, tt.text)
		}
	}
	if got := len(table(t).Rules()); got != 8 {
		t.Errorf("%d rules", got)
	}
}
