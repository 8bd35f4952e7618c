package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// worked are the flags of the worked example.
var worked = []string{"-journal", "testdata/journal.csv", "-opening", "testdata/opening.csv",
	"-budget", "testdata/budget.csv", "-entity", "さくら町"}

// TestWorked derives the statements of さくら町 and compares the CSV the
// program writes with the statements transcribed from WORKED.md into
// testdata/expected: every figure, totals included.
func TestWorked(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	if code := run(append(worked, "-o", dir), &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, k := range unified.Kinds() {
		id := unified.ID(k, unified.General)
		info, _ := unified.Form(id)
		read := func(name string) *statement.Statement {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			s, err := statement.ReadCSV(f, info.Form, statement.ReadOptions{Source: name})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		file := id[:2] + ".csv"
		got, want := read(filepath.Join(dir, file)), read(filepath.Join("testdata", "expected", file))
		for _, f := range statement.Compare(got, want) {
			t.Errorf("%s: %v", file, f)
		}
		if fs := want.Verify(); len(fs) > 0 {
			t.Errorf("expected/%s does not add up: %v", file, fs)
		}
	}
	for _, line := range []string{
		"○ 合計残高試算表: 借方合計 = 貸方合計: 4,288,899,999 = 4,288,899,999",
		"○ 精算表: 貸借対照表の借方 = 貸方: 2,308,700,000 = 2,308,700,000",
		"○ 前年度末: 固定資産等形成分 = 固定資産 + 短期貸付金 + 基金: 1,001,000,001 = 1,001,000,001",
		"○ 貸借対照表: 資産合計 = 負債及び純資産合計: 1,580,800,001 = 1,580,800,001",
		"○ 本年度末: 純資産変動計算書の固定資産等形成分 = 貸借対照表の固定資産等形成分: 1,268,000,001 = 1,268,000,001",
		"○ 本年度末現金預金残高: 資金収支計算書 = 貸借対照表の現金預金: 309,200,000 = 309,200,000",
	} {
		if !strings.Contains(out.String(), line+"\n") {
			t.Errorf("the output lacks %q", line)
		}
	}
}

// TestTrialBalance compares the 合計残高試算表 of the worked books with
// expected/trial.csv, transcribed from section 5 of WORKED.md, and the
// totals of the 精算表 with section 6.
func TestTrialBalance(t *testing.T) {
	opt := unified.JournalOptions()
	f := flags{journal: worked[1], opening: worked[3], budget: worked[5]}
	j, err := readJournal(f, opt)
	if err != nil {
		t.Fatal(err)
	}
	l := ledger.Post(j)
	var got bytes.Buffer
	if err := l.TrialBalance().WriteCSV(&got); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(got.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/expected/trial.csv")
	if err != nil {
		t.Fatal(err)
	}
	want, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(want) {
		t.Fatalf("%d lines, want %d", len(recs), len(want))
	}
	for i := 1; i < len(want); i++ {
		if g := recs[i][1:]; strings.Join(g, ",") != strings.Join(want[i], ",") {
			t.Errorf("line %d: %v, want %v", i+1, g, want[i])
		}
	}
	ws, err := l.Worksheet(unified.Classify)
	if err != nil {
		t.Fatal(err)
	}
	tot := ws.Total()
	for _, c := range []struct {
		name string
		got  ledger.Totals
		want string
	}{
		{"残高試算表", tot.Before, "4068400000"}, {"整理仕訳", tot.Adjust, "127699999"}, {"整理後残高試算表", tot.After, "4113700000"},
		{"貸借対照表", tot.Statements[0], "2308700000"}, {"行政コスト計算書", tot.Statements[1], "738500000"},
		{"純資産変動計算書", tot.Statements[2], "1062500000"}, {"資金収支計算書", tot.Statements[3], "1313700000"},
	} {
		if c.got.Debit.String() != c.want || c.got.Credit.String() != c.want {
			t.Errorf("精算表 %s: %v / %v, want %s", c.name, c.got.Debit, c.got.Credit, c.want)
		}
	}
}

// TestBadInput runs the program on bad input: each is exit status 2 with
// a message naming the file, line and column, or exit 1 for books that do
// not tie out.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	file := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	journalHead := "entry,date,account,debit,credit\n"
	for _, tt := range []struct {
		name string
		args []string
		code int
		text string
	}{
		{"unbalanced", []string{"-journal", file("j1.csv", journalHead+"1,2023-06-01,物件費,100,\n1,,物件費等支出,,90\n")},
			2, `j1.csv: line 2: entry "1": unbalanced: 借方 100, 貸方 90`},
		{"ambiguous", []string{"-journal", file("j2.csv", journalHead+"1,2023-06-01,建物,100,\n1,,公共施設等整備費支出,,100\n")},
			2, `j2.csv: line 2: entry "1": column "account": ambiguous account "建物": 事業用資産/建物 (1113), インフラ資産/建物 (1132)`},
		{"derived row", []string{"-journal", file("j3.csv", journalHead+"1,2023-06-01,有形固定資産等の増加,100,\n1,,公共施設等整備費支出,,100\n")},
			2, `j3.csv: line 2: entry "1": column "account": not a posting account: 6410 有形固定資産等の増加`},
		{"outside the year", []string{"-year", "令和5年度", "-journal", file("j4.csv", journalHead+"1,2024-06-01,物件費,100,\n1,,物件費等支出,,100\n")},
			2, `j4.csv: line 2: entry "1": column "date": value out of range: 2024-06-01 is outside 令和5年度`},
		{"unmapped", []string{"-budget", file("b1.csv", "日付,歳入歳出,款,項,目,節,金額\n2023-06-01,歳出,総務費,総務管理費,一般管理費,報償費,100\n")},
			2, `b1.csv: line 2: unmapped 予算科目 歳出 総務費/総務管理費/一般管理費/報償費`},
		{"opening", []string{"-journal", "testdata/journal.csv", "-opening", file("o1.csv", "account,debit,credit\n物件費,1,\n余剰分（不足分）,,1\n")},
			2, `o1.csv: line 2: not derivable from the books: a 開始仕訳 on 物件費`},
		{"assets", []string{"-journal", "testdata/journal.csv", "-assets", file("a1.csv", "番号,件名,勘定科目,耐用年数,取得年月日,取得価額等,行政目的\nA1,本庁舎,事業用資産/建物,0,平成15年4月1日,600000000,総務\n")},
			2, `a1.csv: line 2: asset "A1": column "耐用年数": value out of range: 耐用年数 0 is not from 2 to 1000 years`},
		{"method", []string{"-journal", "testdata/journal.csv", "-method", "月割"}, 2, "-method without -assets"},
		{"method unknown", []string{"-journal", "testdata/journal.csv", "-assets", "testdata/assets.csv", "-method", "定率法"}, 2, `-method "定率法": neither 翌年度から nor 月割`},
		{"no input", nil, 2, "give -journal, -budget or both"},
		{"does not tie out", []string{"-journal", "testdata/journal.csv", "-budget", "testdata/budget.csv", "-opening",
			file("o2.csv", strings.Replace(strings.Replace(readFile(t, "testdata/opening.csv"), "固定資産等形成分,,1001000001", "固定資産等形成分,,1000000001", 1),
				"余剰分（不足分）,379500000,", "余剰分（不足分）,378500000,", 1))},
			1, "前年度末: 固定資産等形成分 = 固定資産 + 短期貸付金 + 基金: 1,000,000,001 ≠ 1,001,000,001, a difference of △1,000,000; accounts: 固定資産等形成分, 事業用資産/土地"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			code := run(tt.args, &out, &errs)
			if code != tt.code || !strings.Contains(errs.String(), tt.text) {
				t.Errorf("exit %d, want %d\n%s\nwant %q", code, tt.code, errs.String(), tt.text)
			}
		})
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
