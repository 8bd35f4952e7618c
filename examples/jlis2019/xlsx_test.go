package main

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/koukaikei/koukaikei/examples/internal/verify"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/xlsx"
)

// -format xlsx -o FILE writes the whole report as a workbook, a sheet for
// each table, which reads back figure for figure: every table, the
// 純資産変動計算書 printed vertically too, is read from its sheet and
// compared with the table as printed, itself checked against the
// transcriptions by TestGoldens.
func TestXLSX(t *testing.T) {
	file := filepath.Join(t.TempDir(), "jlis.xlsx")
	var stderr bytes.Buffer
	if code := run([]string{"-format", "xlsx", "-o", file}, io.Discard, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	sheets, err := xlsx.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := verify.Program(fy2019(t), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(sheets) != len(r.Statements) {
		t.Fatalf("%d sheets for %d tables", len(sheets), len(r.Statements))
	}
	read := 0
	for k, want := range r.Statements {
		got, err := want.Template().ReadGrid(sheets[k], statement.ReadOptions{StatedUnit: true})
		if err != nil {
			t.Errorf("sheet %s: %v", sheets[k].Name, err)
			continue
		}
		if fs := statement.Compare(got, want); len(fs) != 0 {
			t.Errorf("sheet %s: %v", sheets[k].Name, fs)
		}
		// A date line that names no day that the era package reads, such
		// as ［令和2年3月31日現在における…］, reads as a line of the entity.
		dated := want.Meta().Date == ""
		if got.Meta().Unit != want.Meta().Unit || dated && got.Meta().DateLine() != want.Meta().DateLine() {
			t.Errorf("sheet %s: %v %s, want %v %s", sheets[k].Name, got.Meta().Unit, got.Meta().DateLine(), want.Meta().Unit, want.Meta().DateLine())
		}
		read++
	}
	t.Logf("%d of %d sheets read back", read, len(sheets))
	if code := run([]string{"-format", "xlsx"}, io.Discard, io.Discard); code != 2 {
		t.Errorf("-format xlsx without -o: exit %d, want 2", code)
	}
}
