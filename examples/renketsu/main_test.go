package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/internal/golden"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// files returns みなと市's files, as the program reads them by default.
func files(t testing.TB) fs.FS {
	t.Helper()
	sub, err := fs.Sub(minato, "testdata/minato")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

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
// each scope: of each member's own statements as read, of the
// consolidated ones of 全体 and 連結, and of every column of the 精算表.
func TestLinks(t *testing.T) {
	c, err := consolidate.ReadDir(files(t), minatoYear)
	if err != nil {
		t.Fatal(err)
	}
	scopes := map[string]unified.Scope{"一般会計等": unified.General, "下水道事業会計": unified.Whole,
		"みなと衛生組合": unified.General, "みなと振興株式会社": unified.Consolidated}
	for _, m := range c.Members {
		check(t, m.Name, m.Book, scopes[m.Name])
	}
	for _, s := range []unified.Scope{unified.Whole, unified.Consolidated} {
		r, err := Consolidate(files(t), minatoYear, s, false)
		if err != nil {
			t.Fatalf("%v: %v", s, err)
		}
		check(t, s.String(), r.Book, s)
		if v := r.Verify(); len(v.Findings) > 0 {
			t.Errorf("%v 精算表: %v", s, v.Findings)
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
	r, err := Consolidate(files(t), minatoYear, unified.Whole, false)
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

// TestDir reads a copy of みなと市's files from a directory, as -dir does,
// with the same result; and a directory with a bad file is an error that
// names the member, the file and the line.
func TestDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, files(t)); err != nil {
		t.Fatal(err)
	}
	var want, got, errs bytes.Buffer
	if code := run(nil, &want, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if code := run([]string{"-dir", dir, "-year", "令和6年度"}, &got, &errs); code != 0 || got.String() != want.String() {
		t.Errorf("-dir of a copy: exit %d, %s; output differs: %t", code, errs.String(), got.String() != want.String())
	}
	bad := filepath.Join(dir, "みなと衛生組合", "pl.csv")
	data, err := os.ReadFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, bytes.Replace(data, []byte("物件費,400"), []byte("物件費,四百"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	errs.Reset()
	code := run([]string{"-dir", dir}, &got, &errs)
	for _, s := range []string{"みなと衛生組合", "みなと衛生組合/pl.csv", "line 10", `column "金額"`, "四百"} {
		if code != 1 || !strings.Contains(errs.String(), s) {
			t.Errorf("a bad figure: exit %d, %q does not name %s", code, errs.String(), s)
		}
	}
	_, err = Consolidate(os.DirFS(dir), 0, unified.Consolidated, false)
	var ce *consolidate.Error
	if !errors.As(err, &ce) {
		t.Errorf("error %v, want a *consolidate.Error", err)
	}
}

// TestByElimination: with -by-elimination the 精算表 has a column for each
// elimination, and the consolidated figures do not change.
func TestByElimination(t *testing.T) {
	r, err := Consolidate(files(t), minatoYear, unified.Consolidated, true)
	if err != nil {
		t.Fatal(err)
	}
	cols := statement.FormatColumns(r.Worksheets[0].Statement.Form().Columns)
	if !strings.Contains(cols, "|E1|E2|投資と資本の相殺消去（みなと振興株式会社）|") {
		t.Errorf("columns %s", cols)
	}
	whole, err := Consolidate(files(t), minatoYear, unified.Consolidated, false)
	if err != nil {
		t.Fatal(err)
	}
	if fs := whole.Book.Compare(r.Book); len(fs) > 0 {
		t.Errorf("by elimination, the statements differ: %v", fs)
	}
}

// TestFormats runs the other output formats: CSV and JSON hold every
// statement, each read back as the library reads published files.
func TestFormats(t *testing.T) {
	r, err := Consolidate(files(t), minatoYear, unified.Consolidated, false)
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
	for _, args := range [][]string{{"-scope", "一般会計等"}, {"-year", "来年度"}} {
		var out, errs bytes.Buffer
		if code := run(args, &out, &errs); code != 2 || !strings.Contains(errs.String(), args[1]) {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs.String())
		}
	}
}

// BenchmarkConsolidate reads the four members' statements and
// consolidates them into 連結, eliminations and link checks included.
func BenchmarkConsolidate(b *testing.B) {
	fsys := files(b)
	for b.Loop() {
		if _, err := Consolidate(fsys, minatoYear, unified.Consolidated, false); err != nil {
			b.Fatal(err)
		}
	}
}
