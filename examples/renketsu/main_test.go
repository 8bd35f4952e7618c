package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/internal/golden"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// TestGolden compares the text the program prints with renketsu.txt,
// transcribed by hand from the arithmetic of WORKED.md, line by line
// without white space.
func TestGolden(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	want, got := golden.Text(t, "renketsu.txt", out.String())
	if len(want) > 0 || len(got) > 0 {
		t.Errorf("lines of renketsu.txt not printed:\n\t%s\nlines printed but not in renketsu.txt:\n\t%s",
			strings.Join(want, "\n\t"), strings.Join(got, "\n\t"))
	}
}

// TestLinks checks the identities of every statement and the links of
// each scope: of each member's own statements, and of the consolidated
// ones of 全体 and 連結.
func TestLinks(t *testing.T) {
	members := []struct {
		name  string
		f     figures
		scope unified.Scope
	}{
		{"一般会計等", general, unified.General},
		{"下水道事業会計", sewer, unified.Whole},
		{"みなと衛生組合", association, unified.Consolidated},
		{"みなと振興株式会社", company, unified.Consolidated},
	}
	for _, m := range members {
		b, err := m.f.book(m.name, m.scope)
		if err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		check(t, m.name, b, m.scope)
	}
	for _, s := range []unified.Scope{unified.Whole, unified.Consolidated} {
		r, err := Consolidate(s)
		if err != nil {
			t.Fatalf("%v: %v", s, err)
		}
		check(t, s.String(), r.Book, s)
		for _, w := range r.Worksheets {
			if fs := w.Statement.Verify(); len(fs) > 0 {
				t.Errorf("%s: %v", w.Statement.Form().Title, fs)
			}
		}
	}
}

// check asserts that every statement of b adds up and that b keeps the
// links of scope s, and that the checks are not vacuous: every link finds
// its cells.
func check(t *testing.T, name string, b *statement.Book, s unified.Scope) {
	t.Helper()
	if b.Len() != 4 {
		t.Errorf("%s: %d statements", name, b.Len())
	}
	for _, id := range b.IDs() {
		st, _ := b.Statement(id)
		if fs := st.Verify(); len(fs) > 0 {
			t.Errorf("%s %s: %v", name, id, fs)
		}
	}
	links := unified.Links(s)
	if len(links) < 7 {
		t.Errorf("%s: %d links", name, len(links))
	}
	if v := unified.Verify(b, s); !v.OK() || len(v.Findings) > 0 {
		t.Errorf("%s: %v", name, v.Findings)
	}
}

// Test全体 checks the figures of 全体 that WORKED.md §5 works out.
func Test全体(t *testing.T) {
	r, err := Consolidate(unified.Whole)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id, row, column string
		yen             int64
	}{
		{"bs-whole", "1900", "金額", 20050},
		{"bs-whole", "2900", "金額", 7390},
		{"bs-whole", "3010", "金額", 18960},
		{"bs-whole", "3020", "金額", -6300},
		{"bs-whole", "3900", "金額", 12660},
		{"bs-whole", "1510", "金額", 900},
		{"pl-whole", "4000", "金額", 4750},
		{"pl-whole", "4500", "金額", 600},
		{"pl-whole", "4600", "金額", 4150},
		{"pl-whole", "4900", "金額", 4160},
		{"nw-whole", "6100", "合計", -4160},
		{"cf-whole", "7100", "金額", 4020},
		{"cf-whole", "7200", "金額", 4840},
		{"cf-whole", "7500", "金額", 820},
		{"cf-whole", "9000", "金額", 100},
		{"cf-whole", "9900", "金額", 900},
	}
	for _, w := range want {
		s, _ := r.Book.Statement(w.id)
		c, ok := s.Cell(w.row, w.column)
		if !ok || !c.Valid || c.Amount.IntPart() != w.yen {
			t.Errorf("%s %s %s = %v, want %d", w.id, w.row, w.column, c, w.yen)
		}
	}
	if len(r.Worksheets) != 5 {
		t.Errorf("%d worksheets of 全体, want BS, PL, two of NW, CF", len(r.Worksheets))
	}
}

// TestFormats runs the other output formats: CSV and JSON hold every
// statement, each read back as the library reads published files.
func TestFormats(t *testing.T) {
	r, err := Consolidate(unified.Consolidated)
	if err != nil {
		t.Fatal(err)
	}
	n := len(r.Worksheets) + 4
	for _, f := range []string{"csv", "json", "markdown"} {
		var out, errs bytes.Buffer
		if code := run([]string{"-format", f}, &out, &errs); code != 0 {
			t.Fatalf("-format %s: exit %d: %s", f, code, errs.String())
		}
		switch f {
		case "csv":
			if blocks := strings.Split(strings.TrimPrefix(out.String(), "\uFEFF"), "\r\n\r\n"); len(blocks) != n {
				t.Errorf("CSV: %d tables, want %d", len(blocks), n)
			}
		case "json":
			var raws []json.RawMessage
			if err := json.Unmarshal(out.Bytes(), &raws); err != nil || len(raws) != n {
				t.Errorf("JSON: %d statements, want %d: %v", len(raws), n, err)
			}
			bs, _ := r.Book.Statement("bs-consolidated")
			back, err := statement.ReadJSON(bytes.NewReader(raws[n-4]), bs.Form(), statement.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if fs := statement.Compare(back, bs); len(fs) > 0 {
				t.Errorf("JSON of the 連結貸借対照表 read back: %v", fs)
			}
		case "markdown":
			if c := strings.Count(out.String(), "### "); c != n {
				t.Errorf("Markdown: %d sections, want %d", c, n)
			}
		}
	}
}

func TestUsage(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-scope", "一般会計等"}, &out, &errs); code != 2 || !strings.Contains(errs.String(), "一般会計等") {
		t.Errorf("-scope 一般会計等: exit %d, stderr %q", code, errs.String())
	}
}

// BenchmarkConsolidate builds the four members' statements and
// consolidates them into 連結, eliminations and link checks included.
func BenchmarkConsolidate(b *testing.B) {
	for b.Loop() {
		if _, err := Consolidate(unified.Consolidated); err != nil {
			b.Fatal(err)
		}
	}
}
