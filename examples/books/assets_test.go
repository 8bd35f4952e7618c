package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// registerEntries are the entries of testdata/journal.csv that the
// register of testdata/assets.csv makes: WORKED.md, section 3, and J-01.
var registerEntries = []string{"J-01", "D-A1", "D-A7", "D-A4", "D-A5", "X-A6", "X-A3"}

// postings sums entries by day, account and side, the form in which the
// register's entries (one a 勘定科目) and the hand-written ones (one an
// asset) are the same.
func postings(entries []journal.Entry) []string {
	sums := map[string]int64{}
	for _, e := range entries {
		for _, l := range e.Lines {
			sums[fmt.Sprintf("%s %s %s", e.Date, l.Account, l.Side)] += l.Amount.IntPart()
		}
	}
	var out []string
	for k, v := range sums {
		out = append(out, fmt.Sprintf("%s %d", k, v))
	}
	slices.Sort(out)
	return out
}

// TestRegisterEntries checks that the register's entries of 令和5年度, by
// months as WORKED.md works them, post what the entries computed by hand
// in journal.csv post.
func TestRegisterEntries(t *testing.T) {
	data, err := os.ReadFile("testdata/journal.csv")
	if err != nil {
		t.Fatal(err)
	}
	j, err := journal.ReadCSV(bytes.NewReader(data), "journal.csv", unified.Chart(), unified.JournalOptions())
	if err != nil {
		t.Fatal(err)
	}
	var byHand []journal.Entry
	for e := range j.All() {
		if slices.Contains(registerEntries, e.ID) {
			byHand = append(byHand, e)
		}
	}
	if len(byHand) != len(registerEntries) {
		t.Fatalf("journal.csv has %d of the register's entries, want %d", len(byHand), len(registerEntries))
	}
	year, err := readAssets("testdata/assets.csv", j.Year(), fixedasset.Monthly)
	if err != nil {
		t.Fatal(err)
	}
	got, want := postings(year.Entries(fixedasset.EntryOptions{})), postings(byHand)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the register posts\n%s\nby hand\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// 減価償却費 23,999,999 in all (WORKED.md, section 3).
	if dep := year.Tangible().Depreciation; dep != 23_999_999 {
		t.Errorf("減価償却費 %d", dep)
	}
}

// TestWorkedAssets keeps the worked books with the register in place of
// its entries in journal.csv, and compares the statements with the
// expected ones: the same, figure for figure. It checks that the
// schedules of fixed assets are written and tie to the 貸借対照表.
func TestWorkedAssets(t *testing.T) {
	dir := t.TempDir()
	// journal.csv without the register's entries.
	var kept []string
	for i, line := range strings.SplitAfter(readFile(t, "testdata/journal.csv"), "\n") {
		id, _, _ := strings.Cut(line, ",")
		if i == 0 || !slices.Contains(registerEntries, id) {
			kept = append(kept, line)
		}
	}
	journalFile := filepath.Join(dir, "journal.csv")
	if err := os.WriteFile(journalFile, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-journal", journalFile, "-opening", "testdata/opening.csv", "-budget", "testdata/budget.csv",
		"-assets", "testdata/assets.csv", "-method", "月割", "-entity", "さくら町", "-o", dir}
	var out, errs bytes.Buffer
	if code := run(args, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, k := range unified.Kinds() {
		id := unified.ID(k, unified.General)
		info, _ := unified.Form(id)
		got, want := readStatement(t, filepath.Join(dir, id[:2]+".csv"), info.Form), readStatement(t, filepath.Join("testdata", "expected", id[:2]+".csv"), info.Form)
		for _, f := range statement.Compare(got, want) {
			t.Errorf("%s: %v", id, f)
		}
	}
	for _, id := range []string{unified.TangibleAssets, unified.TangibleAssetsByPurpose} {
		tmpl, err := unified.Template(id)
		if err != nil {
			t.Fatal(err)
		}
		s := readStatement(t, filepath.Join(dir, id+".csv"), tmpl.Form())
		for _, c := range workedSchedules[id] {
			v, ok := s.Cell(c.row, c.column)
			got := ""
			if v.Valid {
				got = v.Amount.String()
			}
			if !ok || got != c.want {
				t.Errorf("%s: %s %s = %q, want %q", id, c.row, c.column, got, c.want)
			}
		}
	}
	for _, line := range []string{
		"○ 附属明細書: 有形固定資産の明細と行政目的別明細 = 貸借対照表: 42 links hold",
		"○ 貸借対照表: 資産合計 = 負債及び純資産合計: 1,580,800,001 = 1,580,800,001",
	} {
		if !strings.Contains(out.String(), "\n"+line) {
			t.Errorf("the output lacks %q", line)
		}
	}
	if strings.Contains(out.String(), "\n× ") {
		t.Errorf("a tie does not hold:\n%s", out.String())
	}
}

// workedSchedules are the schedules of the worked register, transcribed
// from WORKED.md, section 3a: every figure of both, blanks as "".
var workedSchedules = map[string][]struct{ row, column, want string }{
	unified.TangibleAssets: {
		{"事業用資産/土地", "前年度末残高", "170000000"}, {"事業用資産/土地", "本年度増加額", "10000000"},
		{"事業用資産/土地", "本年度減少額", "20000000"}, {"事業用資産/土地", "本年度末残高", "160000000"},
		{"事業用資産/土地", "本年度末減価償却累計額", ""}, {"事業用資産/土地", "本年度償却額", ""},
		{"事業用資産/土地", "差引本年度末残高", "160000000"},
		{"事業用資産/建物", "前年度末残高", "600000000"}, {"事業用資産/建物", "本年度増加額", "300000000"},
		{"事業用資産/建物", "本年度減少額", "0"}, {"事業用資産/建物", "本年度末残高", "900000000"},
		{"事業用資産/建物", "本年度末減価償却累計額", "255000000"}, {"事業用資産/建物", "本年度償却額", "15000000"},
		{"事業用資産/建物", "差引本年度末残高", "645000000"},
		{"インフラ資産/工作物", "前年度末残高", "400000000"}, {"インフラ資産/工作物", "本年度増加額", "0"},
		{"インフラ資産/工作物", "本年度減少額", "0"}, {"インフラ資産/工作物", "本年度末残高", "400000000"},
		{"インフラ資産/工作物", "本年度末減価償却累計額", "88000000"}, {"インフラ資産/工作物", "本年度償却額", "8000000"},
		{"インフラ資産/工作物", "差引本年度末残高", "312000000"},
		{"物品", "前年度末残高", "6200000"}, {"物品", "本年度増加額", "0"}, {"物品", "本年度減少額", "1200000"},
		{"物品", "本年度末残高", "5000000"}, {"物品", "本年度末減価償却累計額", "4999999"},
		{"物品", "本年度償却額", "999999"}, {"物品", "差引本年度末残高", "1"},
		{"事業用資産", "前年度末残高", "770000000"}, {"事業用資産", "本年度増加額", "310000000"},
		{"事業用資産", "本年度減少額", "20000000"}, {"事業用資産", "本年度末残高", "1060000000"},
		{"事業用資産", "本年度末減価償却累計額", "255000000"}, {"事業用資産", "本年度償却額", "15000000"},
		{"事業用資産", "差引本年度末残高", "805000000"},
		{"インフラ資産", "差引本年度末残高", "312000000"},
		{"合計", "前年度末残高", "1176200000"}, {"合計", "本年度増加額", "310000000"},
		{"合計", "本年度減少額", "21200000"}, {"合計", "本年度末残高", "1465000000"},
		{"合計", "本年度末減価償却累計額", "347999999"}, {"合計", "本年度償却額", "23999999"},
		{"合計", "差引本年度末残高", "1117000001"},
	},
	unified.TangibleAssetsByPurpose: {
		{"事業用資産/土地", "生活インフラ・国土保全", "10000000"}, {"事業用資産/土地", "教育", ""},
		{"事業用資産/土地", "総務", "150000000"}, {"事業用資産/土地", "合計", "160000000"},
		{"事業用資産/建物", "教育", "297000000"}, {"事業用資産/建物", "総務", "348000000"},
		{"事業用資産/建物", "合計", "645000000"},
		{"インフラ資産/工作物", "生活インフラ・国土保全", "312000000"}, {"インフラ資産/工作物", "合計", "312000000"},
		{"物品", "総務", "1"}, {"物品", "合計", "1"},
		{"事業用資産", "生活インフラ・国土保全", "10000000"}, {"事業用資産", "教育", "297000000"},
		{"事業用資産", "総務", "498000000"}, {"事業用資産", "合計", "805000000"},
		{"合計", "生活インフラ・国土保全", "322000000"}, {"合計", "教育", "297000000"},
		{"合計", "総務", "498000001"}, {"合計", "合計", "1117000001"},
	},
}

// TestWorkedAgingRatio checks the 有形固定資産減価償却率 of the worked
// register, in total, by account and by 行政目的, against WORKED.md,
// section 3a.
func TestWorkedAgingRatio(t *testing.T) {
	year, err := readAssets("testdata/assets.csv", 2023, fixedasset.Monthly)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		m    fixedasset.Movement
		want string
	}{
		{"合計", year.Tangible(), "26.7"},
		{"事業用資産/建物", year.Account(fixedasset.BusinessBuilding), "28.3"},
		{"インフラ資産/工作物", year.Account(fixedasset.InfraStructure), "22.0"},
		{"物品", year.Account(fixedasset.Goods), "100.0"},
		{"総務", year.Purpose(fixedasset.Administration), "42.5"},
		{"教育", year.Purpose(fixedasset.Education), "1.0"},
		{"生活インフラ・国土保全", year.Purpose(fixedasset.Infrastructure), "22.0"},
	} {
		if r, ok := c.m.AgingRatio(1); !ok || !r.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("%s: %s, %v, want %s", c.name, r, ok, c.want)
		}
	}
}

func readStatement(t *testing.T, name string, form *statement.Form) *statement.Statement {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := statement.ReadCSV(f, form, statement.ReadOptions{Source: name})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestAssetsTwice posts the register's entries twice — journal.csv holds
// them already — and finds the schedules no longer tie to the 貸借対照表.
func TestAssetsTwice(t *testing.T) {
	args := []string{"-journal", "testdata/journal.csv", "-opening", "testdata/opening.csv", "-budget", "testdata/budget.csv",
		"-assets", "testdata/assets.csv", "-method", "月割"}
	var out, errs bytes.Buffer
	code := run(args, &out, &errs)
	if code != 1 || !strings.Contains(errs.String(), "附属明細書: 有形固定資産の明細と行政目的別明細 = 貸借対照表: ") ||
		!strings.Contains(errs.String(), "事業用資産 建物 減価償却累計額") {
		t.Errorf("exit %d: %s", code, errs.String())
	}
}
