package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
	"golang.org/x/text/encoding/japanese"
)

var update = flag.Bool("update", false, "rewrite the csv, json and markdown goldens, which the tests check cell by cell against the transcribed text goldens")

// normalize returns the lines of text without white space, and without the
// lines that are then empty: the goldens are transcribed from the report,
// whose spacing the layout does not copy.
func normalize(text string) []string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, l)
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// A lineDiff is a line where the program's text, built from the item
// figures, differs from the report as transcribed, because of a pinned
// discrepancy (jlis.Discrepancies): printed is the report's line, "" for a
// line it does not print; built is the program's line.
type lineDiff struct{ printed, built string }

var pinnedLines = map[string][]lineDiff{
	"appropriation": {{"Ⅰ処分対象利益1,456,735,141", "Ⅰ処分対象利益01,456,735,141"}},
	"changes": {
		{"", "システム開発積立金の積立0"},
		{"", "システム開発積立金の取崩0"},
	},
	"schedule_fixed_assets": {
		{"ソフトウェア187,427,58144,932,52922,913,712209,446,398-52,628,686156,817,712",
			"ソフトウェア187,427,58144,932,52922,913,712209,446,398-52,628,686209,446,398"},
		{"無形固定資産計364,420,133245,397,40948,689,712561,127,83077,820,572107,412,808430,678,572",
			"無形固定資産計364,420,133245,397,40948,689,712561,127,83077,820,572107,412,808483,307,258"},
	},
	"summary_cf": {{"Ⅳ現金及び現金同等物に係る換算差額0", "Ⅳ現金及び現金同等物に係る換算差額-"}},
}

// checkText compares the text of one table with its transcribed golden:
// the lines that differ must be exactly those pinned for the table.
func checkText(t *testing.T, id, text string) {
	t.Helper()
	golden, err := os.ReadFile(filepath.Join("testdata", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	deleted, inserted := diffLines(normalize(string(golden)), normalize(text))
	var wantDeleted, wantInserted []string
	for _, d := range pinnedLines[id] {
		if d.printed != "" {
			wantDeleted = append(wantDeleted, d.printed)
		}
		wantInserted = append(wantInserted, d.built)
	}
	slices.Sort(deleted)
	slices.Sort(inserted)
	slices.Sort(wantDeleted)
	slices.Sort(wantInserted)
	if !slices.Equal(deleted, wantDeleted) || !slices.Equal(inserted, wantInserted) {
		t.Errorf("%s: lines of the report not printed:\n\t%s\nlines printed but not in the report:\n\t%s",
			id, strings.Join(deleted, "\n\t"), strings.Join(inserted, "\n\t"))
	}
}

// diffLines returns the lines of a that a longest common subsequence with
// b leaves out, and those of b.
func diffLines(a, b []string) (onlyA, onlyB []string) {
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			onlyA = append(onlyA, a[i])
			i++
		default:
			onlyB = append(onlyB, b[j])
			j++
		}
	}
	return append(onlyA, a[i:]...), append(onlyB, b[j:]...)
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

// checkGolden compares output with testdata/name, or rewrites it under
// -update.
func checkGolden(t *testing.T, name string, output []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, output, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	golden, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(golden, output) {
		t.Errorf("jlis2019 output differs from %s; run go test -update after checking why", path)
	}
}

// The JSON golden holds the cells of the transcribed text goldens: read
// back and printed as text, each statement matches its text golden.
func TestJSONGolden(t *testing.T) {
	out := runOK(t, "-format", "json")
	checkGolden(t, "jlis2019.json", out)
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
	checkGolden(t, "jlis2019.csv", out)
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
	checkGolden(t, "jlis2019.md", out)
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
	if !strings.HasPrefix(out, "様式第8号\n貸借対照表\n") || strings.Contains(out, "損益計算書") || !strings.Contains(out, "検証結果") {
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
	v, err := verify(build(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.unexpected) > 0 {
		t.Errorf("not reproduced: %q", v.unexpected)
	}
	if len(v.pinned) != len(jlis.Discrepancies) || len(v.broken) != 2 || v.reproduced+len(v.pinned) != v.figures {
		t.Errorf("verification %+v", v)
	}
}
