package golden

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
)

// A Program is an example program whose output, in every format, is
// checked against the text of its tables as transcribed from the report,
// in testdata/<table id>.txt.
type Program struct {
	Name   string // the program's name, which prefixes its CSV, JSON and Markdown goldens
	Run    func(args []string, stdout, stderr io.Writer) int
	Report *jlis.Report // the report whose tables it prints, built, in order
	Update bool         // rewrite the CSV, JSON and Markdown goldens

	explained map[string][]string // per table, the rows whose printed figure is pinned or within rounding
}

// table returns the built statement of table id.
func (p *Program) table(id string) *statement.Statement {
	s, _ := p.Report.Built.Statement(id)
	return s
}

// Output runs the program with args and returns its standard output.
func (p *Program) Output(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errs bytes.Buffer
	if code := p.Run(args, &out, &errs); code != 0 {
		t.Fatalf("%s %v: exit %d: %s", p.Name, args, code, errs.String())
	}
	return out.Bytes()
}

// CheckText compares the text of table id with its transcription. Lines
// may differ only where the report pins a figure of the table (outside
// links), or where the report's verification finds a printed figure that
// the program does not give within rounding (a 差引 rounded from a yen
// 予算 the report does not print): each such row's line must differ (the
// program prints the figure it computes), and every differing line must be
// one of those rows'.
func (p *Program) CheckText(t *testing.T, id, text string) {
	t.Helper()
	deleted, inserted := Text(t, id+".txt", text)
	pinned := map[string]bool{} // labels, without white space
	for _, row := range p.explainedRows(t)[id] {
		pinned[Normalize(p.label(t, id, row))[0]] = false
	}
	pinnedLine := func(l string) (string, bool) {
		for label := range pinned {
			if strings.HasPrefix(l, label) {
				return label, true
			}
		}
		return "", false
	}
	for _, l := range append(deleted, inserted...) {
		if _, ok := pinnedLine(l); !ok {
			t.Errorf("%s: lines of the report not printed:\n\t%s\nlines printed but not in the report:\n\t%s",
				id, strings.Join(deleted, "\n\t"), strings.Join(inserted, "\n\t"))
			return
		}
	}
	for _, l := range inserted {
		if label, ok := pinnedLine(l); ok {
			pinned[label] = true
		}
	}
	for label, seen := range pinned {
		if !seen {
			t.Errorf("%s: the pinned row %s prints as the report does", id, label)
		}
	}
}

// explainedRows returns, per table, the rows of the figures that may print
// otherwise than the report prints them: pinned outside links, or within
// rounding.
func (p *Program) explainedRows(t *testing.T) map[string][]string {
	t.Helper()
	if p.explained != nil {
		return p.explained
	}
	p.explained = map[string][]string{}
	v, err := p.Report.Verify()
	if err != nil {
		t.Fatal(err)
	}
	for _, pin := range p.Report.Pins {
		if pin.Link == "" {
			p.explained[pin.Statement] = append(p.explained[pin.Statement], pin.Row)
		}
	}
	for _, f := range v.WithinRounding() {
		if f.Kind != statement.LinkBroken {
			p.explained[f.Statement] = append(p.explained[f.Statement], f.Row)
		}
	}
	return p.explained
}

func (p *Program) label(t *testing.T, id, row string) string {
	t.Helper()
	for _, r := range p.table(id).Form().Rows {
		if r.Key == row {
			return r.Label
		}
	}
	t.Fatalf("no row %s in %s", row, id)
	return ""
}

// textOf prints s as text.
func textOf(s *statement.Statement) string {
	var buf bytes.Buffer
	s.WriteText(&buf, statement.TextOptions{})
	return buf.String()
}

// CheckAll checks the text of every table, then the CSV, JSON and
// Markdown output of the whole program: each is compared byte for byte
// with its golden (rewritten under Update), and read back, cell by cell,
// against the text transcriptions.
func (p *Program) CheckAll(t *testing.T) {
	for _, id := range p.Report.Tables {
		p.CheckText(t, id, textOf(p.table(id)))
	}
	p.checkJSON(t)
	p.checkCSV(t)
	p.checkMarkdown(t)
}

func (p *Program) checkJSON(t *testing.T) {
	out := p.Output(t, "-format", "json")
	File(t, p.Name+".json", out, p.Update)
	var raws []json.RawMessage
	if err := json.Unmarshal(out, &raws); err != nil || len(raws) != len(p.Report.Tables) {
		t.Fatalf("JSON: %d statements, want %d: %v", len(raws), len(p.Report.Tables), err)
	}
	for i, id := range p.Report.Tables {
		tb := p.table(id)
		s, err := statement.ReadJSON(bytes.NewReader(raws[i]), tb.Form(), statement.ReadOptions{Meta: statement.Meta{Style: tb.Meta().Style}})
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		p.CheckText(t, id, textOf(s))
	}
}

func (p *Program) checkCSV(t *testing.T) {
	out := p.Output(t, "-format", "csv")
	File(t, p.Name+".csv", out, p.Update)
	blocks := strings.Split(strings.TrimPrefix(string(out), "\uFEFF"), "\r\n\r\n")
	if len(blocks) != len(p.Report.Tables) {
		t.Fatalf("CSV: %d tables, want %d", len(blocks), len(p.Report.Tables))
	}
	for i, id := range p.Report.Tables {
		tb := p.table(id)
		s, err := statement.ReadCSV(strings.NewReader(blocks[i]), tb.Form(), statement.ReadOptions{Meta: tb.Meta()})
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		p.CheckText(t, id, textOf(s))
	}
}

var markdownRow = regexp.MustCompile(`^\| (.*) \|$`)

// checkMarkdown requires each table's Markdown rows to hold the cells of
// its text golden; vertical tables print as their matrix and are left to
// the JSON and CSV checks.
func (p *Program) checkMarkdown(t *testing.T) {
	out := p.Output(t, "-format", "markdown")
	File(t, p.Name+".md", out, p.Update)
	sections := strings.Split(string(out), "### ")[1:]
	if len(sections) != len(p.Report.Tables) {
		t.Fatalf("Markdown: %d sections, want %d", len(sections), len(p.Report.Tables))
	}
	for i, id := range p.Report.Tables {
		tb := p.table(id)
		if tb.Form().Vertical {
			continue
		}
		// The heading lines come from the text layout; the table rows and
		// notes from the Markdown.
		text := textOf(tb)
		head := strings.Split(text, "\n")[:headingLines(tb)]
		var rows []string
		for _, l := range strings.Split(sections[i], "\n") {
			if m := markdownRow.FindStringSubmatch(l); m != nil && !strings.HasPrefix(l, "| :---") && !strings.HasPrefix(l, "| ---") {
				rows = append(rows, strings.ReplaceAll(m[1], " | ", " "))
			}
		}
		p.CheckText(t, id, strings.Join(append(append(head, rows...), tb.Meta().Notes...), "\n"))
	}
}

// headingLines counts the lines WriteText prints before the table.
func headingLines(tb *statement.Statement) int {
	n := 1 // the unit line
	f, m := tb.Form(), tb.Meta()
	for _, s := range []string{f.Number, f.Title, m.DateLine(), m.Entity} {
		if s != "" {
			n++
		}
	}
	return n
}
