package xlsx_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/xlsx"
	"github.com/shopspring/decimal"
)

// python is Debian's Python, which has python3-openpyxl.
const python = "/usr/bin/python3"

// openpyxl returns what an independent reader, openpyxl, reads from the
// workbook data (testdata/dump.py): a line for each merged range and each
// cell. It skips the test where openpyxl is not installed.
func openpyxl(t *testing.T, data []byte) []string {
	t.Helper()
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		t.Skipf("skip: %s with openpyxl (Debian's python3-openpyxl) is not installed: %v", python, err)
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "testdata/dump.py", path).Output()
	if err != nil {
		t.Fatalf("dump.py: %v", err)
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// What Write writes, openpyxl reads: the values as numbers in the unit,
// the number format, 該当なし as a dash, the merged heading lines, the
// 貸借対照表 side by side, the indents. The expected lines are the
// figures renketsu.txt prints.
func TestWriteReadByOpenpyxl(t *testing.T) {
	b := readBook(t, "minato-consolidated.xlsx")
	var buf bytes.Buffer
	if err := xlsx.WriteBook(&buf, b, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	got := openpyxl(t, buf.Bytes())
	const num = `#,##0;"△"#,##0`
	want := []string{
		"sheet\t連結貸借対照表",
		"merged\tA2:E2",
		"merged\tA3:E3",
		"merged\tA4:E4",
		"A1\tstr\t様式第1号\tGeneral\t0",
		"A2\tstr\t連結貸借対照表\tGeneral\t0",
		"A3\tstr\t（令和７年３月３１日現在）\tGeneral\t0",
		"A4\tstr\tみなと市\tGeneral\t0",
		"E5\tstr\t（単位：円）\tGeneral\t0",
		"A6\tstr\t科目\tGeneral\t0",
		"B6\tstr\t金額\tGeneral\t0",
		"D6\tstr\t科目\tGeneral\t0",
		"E6\tstr\t金額\tGeneral\t0",
		"A7\tstr\t【資産の部】\tGeneral\t0",
		"D7\tstr\t【負債の部】\tGeneral\t0",
		"A8\tstr\t固定資産\tGeneral\t0",
		"B8\tint\t18950\t" + num + "\t0",
		"D8\tstr\t固定負債\tGeneral\t0",
		"E8\tint\t7050\t" + num + "\t0",
		"A12\tstr\t立木竹\tGeneral\t3",
		"B12\tstr\t-\tGeneral\t0",
		"A14\tstr\t建物減価償却累計額\tGeneral\t3",
		"B14\tint\t-3050\t" + num + "\t0",
		"sheet\t連結行政コスト計算書",
		"B7\tint\t4980\t" + num + "\t0",
		"sheet\t連結純資産変動計算書",
		"E6\tstr\t他団体出資等分\tGeneral\t0",
		"sheet\t連結資金収支計算書",
	}
	have := map[string]bool{}
	for _, l := range got {
		have[l] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("openpyxl does not read %q", w)
		}
	}
	if t.Failed() {
		t.Logf("openpyxl read:\n%s", strings.Join(got[:min(len(got), 80)], "\n"))
	}
}

// item is a row of a table that a test writes, and its figure in yen.
type item struct {
	label  string
	indent int
	yen    int64
}

// written returns what openpyxl reads of the statement of a table of
// items, with meta, written by Write.
func written(t *testing.T, meta statement.Meta, items ...item) string {
	t.Helper()
	f := &statement.Form{Title: "表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}}}
	var figures []statement.Figure
	for k, it := range items {
		key := fmt.Sprint(k)
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Item, Label: it.label, Indent: it.indent})
		figures = append(figures, statement.Figure{Row: key, Column: "金額", Value: format.CellOf(decimal.NewFromInt(it.yen))})
	}
	s, err := statement.Build(f, meta, figures)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, []*statement.Statement{s}, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	return strings.Join(openpyxl(t, buf.Bytes()), "\n") + "\n"
}

func TestWriteLayout(t *testing.T) {
	tests := []struct {
		name  string
		meta  statement.Meta
		items []item
		want  []string
	}{
		// A 千円 statement is written in 千円, each figure rounded by the
		// statement's rounding as WriteText prints it, with the negative
		// mark and space of its style.
		{"rounded", statement.Meta{Unit: format.Thousand, Rounding: format.Down, Style: statement.Style{SignSpace: true}},
			[]item{{"a", 0, 1_999}, {"b", 0, -2_500}},
			[]string{"B4\tint\t1\t#,##0;\"△ \"#,##0\t0\n", "B5\tint\t-2\t#,##0;\"△ \"#,##0\t0\n", "B2\tstr\t（単位：千円）\t"}},
		// Each column is as wide as its widest cell, in the display width
		// of its text as printed, and two more: the label column
		// 18 + 2 + 2 = 22, for 建物減価償却累計額 (9 full-width characters,
		// 18) indented one level (2); the figures' 13 + 2 = 15, for
		// 1,234,567,890 (13), wider than the heading 金額 (4).
		{"widths", statement.Meta{}, []item{{"建物減価償却累計額", 1, 1_234_567_890}, {"土地", 0, -5}},
			[]string{"width\tA\t22\n", "width\tB\t15\n"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := written(t, tc.meta, tc.items...)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("openpyxl does not read %q in\n%s", w, got)
				}
			}
		})
	}
}

// A figure a workbook cannot hold exactly is refused, naming its cell.
func TestWriteErrors(t *testing.T) {
	f := &statement.Form{Title: "表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}}, Rows: []statement.Row{
		{Key: "a", Kind: statement.Item, Label: "a"},
	}}
	s, err := statement.Build(f, statement.Meta{}, []statement.Figure{{Row: "a", Column: "金額", Value: format.CellOf(decimal.RequireFromString("1234567890123456"))}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = xlsx.Write(&buf, []*statement.Statement{s}, xlsx.Options{Source: "big.xlsx"})
	if !errors.Is(err, xlsx.ErrWrite) || !strings.Contains(err.Error(), "xlsx: big.xlsx: 表!B4: ") || buf.Len() != 0 {
		t.Errorf("Write = %v, %d bytes", err, buf.Len())
	}
}

// A cell the form leaves blank, such as 合計 on the 内部変動 rows of
// 様式第3号, is written empty, not as a dash: openpyxl reads no value
// there, and the figures of the other columns beside it.
func TestWriteBlank(t *testing.T) {
	b := readBook(t, "minato-consolidated.xlsx")
	var buf bytes.Buffer
	if err := xlsx.WriteBook(&buf, b, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	cells := map[string]string{} // cell of the 純資産変動計算書 → type and value
	sheet := ""
	for _, l := range openpyxl(t, buf.Bytes()) {
		f := strings.Split(l, "\t")
		switch {
		case f[0] == "sheet":
			sheet = f[1]
		case sheet == "連結純資産変動計算書" && len(f) == 5:
			cells[f[0]] = f[1] + " " + f[2]
		}
	}
	for label, fixed := range map[string]string{"有形固定資産等の増加": "int 700", "有形固定資産等の減少": "int -790", "固定資産等の変動（内部変動）": "int 10"} {
		row := ""
		for cell, v := range cells {
			if v == "str "+label && cell[0] == 'A' {
				row = cell[1:]
			}
		}
		if row == "" {
			t.Fatalf("no line %s", label)
		}
		if v, ok := cells["B"+row]; ok || cells["C"+row] != fixed {
			t.Errorf("%s: 合計 %q (want none), 固定資産等形成分 %q (want %q)", label, v, cells["C"+row], fixed)
		}
	}
}
