package xlsx_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/koukaikei/koukaikei/statement/xlsx"
)

// published reads a statement of the 統一的な基準 transcribed in
// statement/unified/testdata/published.
func published(t *testing.T, file, id string, unit format.Unit) *statement.Statement {
	t.Helper()
	fi, ok := unified.Form(id)
	if !ok {
		t.Fatalf("no form %s", id)
	}
	in, err := os.Open("../unified/testdata/published/" + file)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	s, err := statement.ReadCSV(in, fi.Form, statement.ReadOptions{Source: file, Meta: statement.Meta{Unit: unit, Entity: "島田市"}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// What Write writes, Read and ReadGrid read back, figure for figure.
func TestRoundTrip(t *testing.T) {
	ss := []*statement.Statement{
		published(t, "shimada-h29-pl-general.csv", "pl-general", format.Thousand),
		published(t, "shimada-r02-pl-general.csv", "pl-general", format.Yen),
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, ss, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	grids, err := xlsx.Read(bytes.NewReader(buf.Bytes()), "rt.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(grids) != len(ss) {
		t.Fatalf("%d sheets, want %d", len(grids), len(ss))
	}
	for k, g := range grids {
		got, err := ss[k].Template().ReadGrid(g, statement.ReadOptions{StatedUnit: true})
		if err != nil {
			t.Fatal(err)
		}
		if fs := statement.Compare(got, ss[k]); len(fs) != 0 {
			t.Errorf("sheet %s: %v", g.Name, fs)
		}
		if got.Meta().Unit != ss[k].Meta().Unit || got.Meta().Entity != "島田市" {
			t.Errorf("sheet %s: unit %v entity %q", g.Name, got.Meta().Unit, got.Meta().Entity)
		}
	}
}
