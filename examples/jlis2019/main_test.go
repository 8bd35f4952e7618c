package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/internal/golden"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
	"golang.org/x/text/encoding/japanese"
)

var update = flag.Bool("update", false, "rewrite the csv, json and markdown goldens, which the tests check cell by cell against the transcribed text goldens")

// checkText compares the text of one table with its transcribed golden.
// Lines may differ only where jlis.Discrepancies pins a figure of the
// table: each such row's line must differ (the program prints the figure
// it computes), and every differing line must be one of those rows'.
func checkText(t *testing.T, id, text string) {
	t.Helper()
	deleted, inserted := golden.Text(t, id+".txt", text)
	pinned := map[string]bool{} // labels, without white space
	for _, d := range jlis.Discrepancies {
		if d.Table == id {
			pinned[golden.Normalize(labelOf(t, id, d.Row))[0]] = false
		}
	}
	for _, l := range append(deleted, inserted...) {
		ok := false
		for label := range pinned {
			if strings.HasPrefix(l, label) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: lines of the report not printed:\n\t%s\nlines printed but not in the report:\n\t%s",
				id, strings.Join(deleted, "\n\t"), strings.Join(inserted, "\n\t"))
			return
		}
	}
	for _, l := range inserted {
		for label := range pinned {
			if strings.HasPrefix(l, label) {
				pinned[label] = true
			}
		}
	}
	for label, seen := range pinned {
		if !seen {
			t.Errorf("%s: the pinned row %s prints as the report does", id, label)
		}
	}
}

// labelOf returns the label of a row of table id.
func labelOf(t *testing.T, id, row string) string {
	t.Helper()
	tables, err := jlis.Tables()
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		for _, r := range tb.Form.Rows {
			if tb.ID == id && r.Key == row {
				return r.Label
			}
		}
	}
	t.Fatalf("no row %s in %s", row, id)
	return ""
}

func build(t *testing.T) []*jlis.Table {
	t.Helper()
	tables, err := jlis.Build()
	if err != nil {
		t.Fatal(err)
	}
	return tables
}

// Every table prints as the report prints it.
func TestTextGolden(t *testing.T) {
	for _, tb := range build(t) {
		var buf bytes.Buffer
		if err := tb.Built.WriteText(&buf, statement.TextOptions{}); err != nil {
			t.Fatal(err)
		}
		checkText(t, tb.ID, buf.String())
	}
}

// runOK runs the program and returns its standard output.
func runOK(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errs bytes.Buffer
	if code := run(args, &out, &errs); code != 0 {
		t.Fatalf("jlis2019 %v: exit %d: %s", args, code, errs.String())
	}
	return out.Bytes()
}

// The JSON golden holds the cells of the transcribed text goldens: read
// back and printed as text, each statement matches its text golden.
func TestJSONGolden(t *testing.T) {
	out := runOK(t, "-format", "json")
	golden.File(t, "jlis2019.json", out, *update)
	var raws []json.RawMessage
	if err := json.Unmarshal(out, &raws); err != nil {
		t.Fatal(err)
	}
	tables := build(t)
	if len(raws) != len(tables) {
		t.Fatalf("%d statements in JSON, want %d", len(raws), len(tables))
	}
	for i, tb := range tables {
		s, err := statement.ReadJSON(bytes.NewReader(raws[i]), tb.Form, statement.Meta{Style: tb.Meta.Style})
		if err != nil {
			t.Fatalf("%s: %v", tb.ID, err)
		}
		var buf bytes.Buffer
		s.WriteText(&buf, statement.TextOptions{})
		checkText(t, tb.ID, buf.String())
	}
	// The contract's example, field by field.
	var first struct {
		Form, Title, Entity, Date, Unit string
		Columns                         []string
		Rows                            []struct {
			Label, Code, Kind, Key string
			Values                 []string
		}
	}
	if err := json.Unmarshal(raws[0], &first); err != nil {
		t.Fatal(err)
	}
	if first.Form != "様式第8号" || first.Title != "貸借対照表" || first.Entity != "地方公共団体情報システム機構" ||
		first.Date != "（令和２年３月３１日現在）" || first.Unit != "円" || len(first.Columns) != 1 || first.Columns[0] != "金額" {
		t.Errorf("first statement heading %+v", first)
	}
	if r := first.Rows[2]; r.Label != "現金及び預金" || r.Code != "1110" || r.Kind != "item" || len(r.Values) != 1 || r.Values[0] != "32200729071" {
		t.Errorf("first statement row 3 = %+v", r)
	}
}

// The CSV golden likewise: each table read back matches its text golden.
func TestCSVGolden(t *testing.T) {
	out := runOK(t, "-format", "csv")
	golden.File(t, "jlis2019.csv", out, *update)
	tables := build(t)
	blocks := strings.Split(strings.TrimPrefix(string(out), "\uFEFF"), "\r\n\r\n")
	if len(blocks) != len(tables) {
		t.Fatalf("%d CSV tables, want %d", len(blocks), len(tables))
	}
	for i, tb := range tables {
		s, err := statement.ReadCSV(strings.NewReader(blocks[i]), tb.Form, tb.Built.Meta)
		if err != nil {
			t.Fatalf("%s: %v", tb.ID, err)
		}
		var buf bytes.Buffer
		s.WriteText(&buf, statement.TextOptions{})
		checkText(t, tb.ID, buf.String())
	}
	cp932 := runOK(t, "-format", "csv", "-encoding", "cp932")
	text, err := japanese.ShiftJIS.NewDecoder().Bytes(cp932)
	if err != nil {
		t.Fatal(err)
	}
	if string(text) != strings.TrimPrefix(string(out), "\uFEFF") {
		t.Error("CP932 CSV is not the UTF-8 CSV in another encoding")
	}
}

var markdownRow = regexp.MustCompile(`^\| (.*) \|$`)

// The Markdown golden likewise: each table's rows hold the cells of its
// text golden (vertical tables print as their matrix and are left to the
// JSON and CSV checks).
func TestMarkdownGolden(t *testing.T) {
	out := runOK(t, "-format", "markdown")
	golden.File(t, "jlis2019.md", out, *update)
	sections := strings.Split(string(out), "### ")[1:]
	tables := build(t)
	if len(sections) != len(tables) {
		t.Fatalf("%d Markdown sections, want %d", len(sections), len(tables))
	}
	for i, tb := range tables {
		if tb.Form.Vertical {
			continue
		}
		var text strings.Builder
		for _, l := range strings.Split(sections[i], "\n") {
			if m := markdownRow.FindStringSubmatch(l); m != nil && !strings.HasPrefix(l, "| :---") && !strings.HasPrefix(l, "| ---") {
				text.WriteString(strings.ReplaceAll(m[1], " | ", " ") + "\n")
			}
		}
		var heading bytes.Buffer
		tb.Built.WriteText(&heading, statement.TextOptions{})
		// The heading lines come from the text layout; the table rows and
		// notes from the Markdown.
		lines := strings.Split(heading.String(), "\n")
		head := strings.Join(lines[:headingLines(tb)], "\n")
		notes := strings.Join(tb.Meta.Notes, "\n")
		checkText(t, tb.ID, head+"\n"+text.String()+notes)
	}
}

// headingLines counts the lines WriteText prints before the table.
func headingLines(tb *jlis.Table) int {
	n := 1 // the unit line
	for _, s := range []string{tb.Form.Number, tb.Form.Title, tb.Meta.Date, tb.Meta.Entity} {
		if s != "" {
			n++
		}
	}
	return n
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
	out := string(runOK(t, "-form", "8"))
	tablesPart, _, found := strings.Cut(out, "検証結果")
	if !strings.HasPrefix(out, "様式第8号\n貸借対照表\n") || strings.Contains(tablesPart, "様式第9号") || !found {
		t.Errorf("-form 8 prints:\n%s", out)
	}
	if out := string(runOK(t, "-form", "13", "-format", "json")); strings.Count(out, `"form": "様式第13号"`) != 5 {
		t.Errorf("-form 13 does not print the five 明細書:\n%s", out)
	}
	file := filepath.Join(t.TempDir(), "cash.md")
	if out := runOK(t, "-form", "note_cash", "-format", "markdown", "-o", file); len(out) != 0 {
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
