package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/internal/golden"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"golang.org/x/text/encoding/japanese"
)

var update = flag.Bool("update", false, "rewrite the csv, json and markdown goldens, which the tests check cell by cell against the transcribed text goldens")

func fy2019(t *testing.T) *jlis.Report {
	t.Helper()
	r, err := jlis.FY2019()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func program(t *testing.T) *golden.Program {
	return &golden.Program{Name: "jlis2019", Run: run, Report: fy2019(t), Update: *update}
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
		AsOf                            string
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
		bs.Date != "（令和２年３月３１日現在）" || bs.AsOf != "2020-03-31" || bs.Unit != "円" || len(bs.Columns) != 1 || bs.Columns[0] != "金額" {
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
		{[]string{"-form", "様式第99号"}, 2},
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
	for _, form := range []string{"13", "様式第13号", "様式第１３号"} {
		if out := string(p.Output(t, "-form", form, "-format", "json")); strings.Count(out, `"form": "様式第13号"`) != 5 {
			t.Errorf("-form %s does not print the five 明細書:\n%s", form, out)
		}
	}
	var errs bytes.Buffer
	if run([]string{"-form", "様式第11号x"}, io.Discard, &errs); !strings.Contains(errs.String(), `-form "様式第11号x" names no table`) {
		t.Errorf("a bad -form says: %s", errs.String())
	}
	file := filepath.Join(t.TempDir(), "cash.md")
	if out := p.Output(t, "-form", "note_cash", "-format", "markdown", "-o", file); len(out) != 0 {
		t.Errorf("-o wrote to the standard output too: %s", out)
	}
	if data, err := os.ReadFile(file); err != nil || !strings.Contains(string(data), "31,770,729,071") {
		t.Errorf("-o file: %v\n%s", err, data)
	}
}
