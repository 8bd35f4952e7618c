package consolidate_test

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// A table is one table of WORKED.md §4: its heading, its columns and its
// rows, each a label path and its figures as printed.
type table struct {
	heading string
	columns []string
	rows    [][]string
}

// worked reads the tables of §4 and the notes of §5 of WORKED.md, worked
// out by hand.
func worked(t *testing.T) ([]table, []string) {
	t.Helper()
	f, err := os.Open("testdata/WORKED.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tables []table
	var notes []string
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			section = line
		case strings.HasPrefix(section, "## 4.") && strings.HasPrefix(line, "### "):
			tables = append(tables, table{heading: strings.TrimPrefix(line, "### ")})
		case strings.HasPrefix(section, "## 4.") && strings.HasPrefix(line, "| ") && len(tables) > 0:
			cells := strings.Split(strings.Trim(line, "| "), " | ")
			tb := &tables[len(tables)-1]
			if tb.columns == nil {
				tb.columns = cells[1:]
			} else {
				tb.rows = append(tb.rows, cells)
			}
		case strings.HasPrefix(section, "## 5.") && strings.HasPrefix(line, "- "):
			notes = append(notes, strings.TrimPrefix(line, "- "))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return tables, notes
}

// kodama consolidates the files of testdata/kodama into 連結.
func kodama(t testing.TB) *consolidate.Consolidation {
	t.Helper()
	c, err := consolidate.ReadDir(os.DirFS("testdata/kodama"), era.FiscalYear(2024))
	if err != nil {
		t.Fatal(err)
	}
	c.Scope, c.Compact = unified.Consolidated, true
	return c
}

// TestWorked compares every cell of the 精算表 of こだま町 with the tables
// of WORKED.md, worked out by hand, and its notes; every row the 精算表
// prints is in the tables, and the 精算表 verifies.
func TestWorked(t *testing.T) {
	tables, notes := worked(t)
	r, err := kodama(t).Build()
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != len(r.Worksheets) {
		t.Fatalf("%d tables in WORKED.md, %d worksheets", len(tables), len(r.Worksheets))
	}
	cells := 0
	for i, tb := range tables {
		ws := r.Worksheets[i].Statement
		want := strings.TrimSpace(r.Worksheets[i].Kind.String() + " " + r.Worksheets[i].Column)
		if tb.heading != want {
			t.Errorf("table %d is %s, worksheet %s", i, tb.heading, want)
		}
		var cols []string
		for _, c := range ws.Form().Columns {
			cols = append(cols, c.Name)
		}
		if !slices.Equal(cols, tb.columns) {
			t.Errorf("%s: columns %q, want %q", tb.heading, cols, tb.columns)
			continue
		}
		seen := map[string]bool{}
		for _, row := range tb.rows {
			key, err := ws.Template().RowKey(row[0])
			if err != nil {
				t.Errorf("%s: %v", tb.heading, err)
				continue
			}
			seen[key] = true
			for j, col := range tb.columns {
				want, err := format.ParseCell(row[j+1])
				if err != nil {
					t.Fatalf("%s %s %s: %v", tb.heading, row[0], col, err)
				}
				if got, _ := ws.Cell(key, col); !got.Equal(want) {
					t.Errorf("%s %s %s = %v, WORKED.md %v", tb.heading, row[0], col, got, want)
				}
				cells++
			}
		}
		for _, row := range ws.Form().Rows {
			if row.Kind != statement.Header && !row.Hidden && !seen[row.Key] {
				t.Errorf("%s: row %s (%s) printed, not in WORKED.md", tb.heading, row.Key, row.Label)
			}
		}
	}
	if cells < 500 {
		t.Errorf("only %d cells compared", cells)
	}
	if !slices.Equal(r.Notes, notes) {
		t.Errorf("notes\n%s\nWORKED.md\n%s", strings.Join(r.Notes, "\n"), strings.Join(notes, "\n"))
	}
	if v := r.Verify(); len(v.Findings) > 0 {
		t.Errorf("the 精算表 does not verify: %v", v.Findings)
	}
	for _, k := range unified.Kinds() {
		s, _ := r.Book.Statement(unified.ID(k, unified.Consolidated))
		if fs := s.Verify(); len(fs) > 0 {
			t.Errorf("%v: %v", k, fs)
		}
	}
}
