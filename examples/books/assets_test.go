package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

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
		readStatement(t, filepath.Join(dir, id+".csv"), tmpl.Form())
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
