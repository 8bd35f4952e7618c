package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/internal/golden"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"golang.org/x/text/encoding/japanese"
)

var update = flag.Bool("update", false, "rewrite the csv, json and markdown goldens, which the tests check cell by cell against the transcribed text goldens")

func build(t *testing.T) []*jlis.Table {
	t.Helper()
	tables, err := jlis.Build()
	if err != nil {
		t.Fatal(err)
	}
	return tables
}

func program(t *testing.T) *golden.Program {
	return &golden.Program{Name: "jlis2019", Run: run, Tables: build(t), Pinned: jlis.Discrepancies, Update: *update}
}

// Every table prints as the report prints it, in every format, but for
// the pinned discrepancies.
func TestGoldens(t *testing.T) {
	program(t).CheckAll(t)
}

// The JSON is the contract's, field by field.
func TestJSONContract(t *testing.T) {
	var first []struct {
		Form, Title, Entity, Date, Unit string
		Columns                         []string
		Rows                            []struct {
			Label, Code, Kind, Key string
			Values                 []string
		}
	}
	if err := json.Unmarshal(program(t).Output(t, "-form", "bs", "-format", "json"), &first); err != nil || len(first) != 1 {
		t.Fatal(err)
	}
	bs := first[0]
	if bs.Form != "様式第8号" || bs.Title != "貸借対照表" || bs.Entity != "地方公共団体情報システム機構" ||
		bs.Date != "（令和２年３月３１日現在）" || bs.Unit != "円" || len(bs.Columns) != 1 || bs.Columns[0] != "金額" {
		t.Errorf("first statement heading %+v", bs)
	}
	if r := bs.Rows[2]; r.Label != "現金及び預金" || r.Code != "1110" || r.Kind != "item" || len(r.Values) != 1 || r.Values[0] != "32200729071" {
		t.Errorf("first statement row 3 = %+v", r)
	}
}

func TestCP932(t *testing.T) {
	p := program(t)
	utf8 := p.Output(t, "-format", "csv")
	cp932 := p.Output(t, "-format", "csv", "-encoding", "cp932")
	text, err := japanese.ShiftJIS.NewDecoder().Bytes(cp932)
	if err != nil {
		t.Fatal(err)
	}
	if string(text) != strings.TrimPrefix(string(utf8), "\uFEFF") {
		t.Error("CP932 CSV is not the UTF-8 CSV in another encoding")
	}
}

func TestRunFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"-format", "pdf"}, 2},
		{[]string{"-encoding", "sjis"}, 2},
		{[]string{"-encoding", "cp932"}, 2}, // text
		{[]string{"-form", "99"}, 2},
		{[]string{"-nosuchflag"}, 2},
		{[]string{"extra"}, 2},
		{[]string{"-o", filepath.Join(t.TempDir(), "no", "such", "dir", "out.txt")}, 1},
	}
	for _, tt := range tests {
		var out, errs bytes.Buffer
		if code := run(tt.args, &out, &errs); code != tt.code {
			t.Errorf("jlis2019 %v: exit %d, want %d; stderr %s", tt.args, code, tt.code, errs.String())
		}
		if errs.Len() == 0 {
			t.Errorf("jlis2019 %v: nothing on stderr", tt.args)
		}
	}
	p := program(t)
	out := string(p.Output(t, "-form", "8"))
	tablesPart, _, found := strings.Cut(out, "検証結果")
	if !strings.HasPrefix(out, "様式第8号\n貸借対照表\n") || strings.Contains(tablesPart, "様式第9号") || !found {
		t.Errorf("-form 8 prints:\n%s", out)
	}
	if out := string(p.Output(t, "-form", "13", "-format", "json")); strings.Count(out, `"form": "様式第13号"`) != 5 {
		t.Errorf("-form 13 does not print the five 明細書:\n%s", out)
	}
	file := filepath.Join(t.TempDir(), "cash.md")
	if out := p.Output(t, "-form", "note_cash", "-format", "markdown", "-o", file); len(out) != 0 {
		t.Errorf("-o wrote to the standard output too: %s", out)
	}
	if data, err := os.ReadFile(file); err != nil || !strings.Contains(string(data), "31,770,729,071") {
		t.Errorf("-o file: %v\n%s", err, data)
	}
}

// The summary states what was checked and each published inconsistency.
func TestVerificationSummary(t *testing.T) {
	tables := build(t)
	checks, err := jlis.Checks(tables)
	if err != nil {
		t.Fatal(err)
	}
	v := jlis.Verify(tables, jlis.Discrepancies, checks)
	if len(v.Unexpected) > 0 {
		t.Errorf("not reproduced: %q", v.Unexpected)
	}
	if len(v.Pinned) != len(jlis.Discrepancies) || len(v.Broken) != 2 || v.Reproduced+len(v.Pinned) != v.Figures {
		t.Errorf("verification %+v", v)
	}
}
