package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/internal/golden"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
)

var update = flag.Bool("update", false, "rewrite the csv, json and markdown goldens, which the tests check against the transcribed text goldens")

func runOK(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errs bytes.Buffer
	if code := run(args, &out, &errs); code != 0 {
		t.Fatalf("koufukin %v: exit %d: %s", args, code, errs.String())
	}
	return out.Bytes()
}

// checkText requires text to be the transcription testdata/name.
func checkText(t *testing.T, name, text string) {
	t.Helper()
	printed, got := golden.Text(t, name, text)
	if len(printed) > 0 || len(got) > 0 {
		t.Errorf("%s: lines of the report not printed:\n\t%s\nlines printed but not in the report:\n\t%s",
			name, strings.Join(printed, "\n\t"), strings.Join(got, "\n\t"))
	}
}

func statements(t *testing.T) (k, lg *statement.Statement) {
	t.Helper()
	ms, err := jlis.Koufukin()
	if err != nil {
		t.Fatal(err)
	}
	if k, err = jlis.KoufukinStatement(ms); err != nil {
		t.Fatal(err)
	}
	if lg, _, err = jlis.LGWANStatements(ms); err != nil {
		t.Fatal(err)
	}
	return k, lg
}

// Both tables print, figure for figure, as transcribed from the report.
func TestTextGolden(t *testing.T) {
	k, lg := statements(t)
	for name, s := range map[string]*statement.Statement{"koufukin.txt": k, "lgwan.txt": lg} {
		var buf bytes.Buffer
		if err := s.WriteText(&buf, statement.TextOptions{}); err != nil {
			t.Fatal(err)
		}
		checkText(t, name, buf.String())
	}
}

// The CSV and JSON goldens, read back and printed as text, match the
// transcriptions too.
func TestMachineGoldens(t *testing.T) {
	k, lg := statements(t)
	forms := []*statement.Statement{k, lg}
	names := []string{"koufukin.txt", "lgwan.txt"}

	out := runOK(t, "-format", "json")
	golden.File(t, "koufukin.json", out, *update)
	var raws []json.RawMessage
	if err := json.Unmarshal(out, &raws); err != nil || len(raws) != 2 {
		t.Fatalf("JSON: %d statements, %v", len(raws), err)
	}
	for i, s := range forms {
		back, err := statement.ReadJSON(bytes.NewReader(raws[i]), s.Form(), statement.ReadOptions{Meta: statement.Meta{Style: s.Meta().Style}})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		back.WriteText(&buf, statement.TextOptions{})
		checkText(t, names[i], buf.String())
	}

	out = runOK(t, "-format", "csv")
	golden.File(t, "koufukin.csv", out, *update)
	blocks := strings.Split(strings.TrimPrefix(string(out), "\uFEFF"), "\r\n\r\n")
	if len(blocks) != 2 {
		t.Fatalf("CSV: %d tables", len(blocks))
	}
	for i, s := range forms {
		back, err := statement.ReadCSV(strings.NewReader(blocks[i]), s.Form(), statement.ReadOptions{Meta: s.Meta()})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		back.WriteText(&buf, statement.TextOptions{})
		checkText(t, names[i], buf.String())
	}

	md := runOK(t, "-format", "markdown")
	golden.File(t, "koufukin.md", md, *update)
	if !strings.Contains(string(md), "| 473821 | 沖縄県 | 八重山郡与那国町 |") {
		t.Error("Markdown lacks 与那国町")
	}
}

func TestRun(t *testing.T) {
	out := string(runOK(t, "-form", "lgwan"))
	if !strings.HasPrefix(out, "総合行政ネットワークに係る令和２年度負担金一覧（都道府県別）\n") || strings.Contains(out, "札幌市") ||
		!strings.Contains(out, "Webster in units of 1,000 円 gives 1741 of the 1741 printed amounts") {
		t.Errorf("-form lgwan prints:\n%s", out)
	}
	for _, args := range [][]string{{"-form", "koufukin2"}, {"-format", "xml"}, {"x"}} {
		var o, e bytes.Buffer
		if code := run(args, &o, &e); code != 2 {
			t.Errorf("koufukin %v: exit %d, want 2", args, code)
		}
	}
}
