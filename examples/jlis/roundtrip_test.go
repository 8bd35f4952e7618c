package jlis_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
)

// Every J-LIS table survives CSV (both encodings), JSON and, where its
// layout is the usual one, its text unchanged.
func TestRoundTrip(t *testing.T) {
	r := fy2019(t)
	for _, id := range r.Tables {
		built := table(t, r.Built, id)
		form, meta := built.Form(), built.Meta()
		for _, opt := range []statement.CSVOptions{{}, {Encoding: statement.CP932}, {NoBOM: true, LF: true}} {
			var buf bytes.Buffer
			if err := built.WriteCSV(&buf, opt); err != nil {
				t.Fatalf("%s: WriteCSV(%+v): %v", id, opt, err)
			}
			back, err := statement.ReadCSV(&buf, form, statement.ReadOptions{Meta: meta})
			if err != nil {
				t.Fatalf("%s: ReadCSV of WriteCSV(%+v): %v", id, opt, err)
			}
			if d := statement.Compare(back, built); len(d) != 0 {
				t.Errorf("%s: CSV %+v round trip: %v", id, opt, d)
			}
		}
		if !form.Vertical && form.Split == "" {
			var buf bytes.Buffer
			if err := built.WriteText(&buf, statement.TextOptions{}); err != nil {
				t.Fatal(err)
			}
			back, err := statement.ReadText(&buf, form, statement.ReadOptions{Meta: meta}, statement.TextOptions{})
			if err != nil {
				t.Fatalf("%s: ReadText of WriteText: %v", id, err)
			}
			if d := statement.Compare(back, built); len(d) != 0 {
				t.Errorf("%s: text round trip: %v", id, d)
			}
		}
		data, err := json.Marshal(built)
		if err != nil {
			t.Fatal(err)
		}
		back, err := statement.ReadJSON(bytes.NewReader(data), form, statement.ReadOptions{Meta: statement.Meta{Style: meta.Style}})
		if err != nil {
			t.Fatalf("%s: ReadJSON: %v", id, err)
		}
		if d := statement.Compare(back, built); len(d) != 0 {
			t.Errorf("%s: JSON round trip: %v", id, d)
		}
		if m := back.Meta(); m.DateLine() != meta.DateLine() || m.Unit != meta.Unit || m.Entity != meta.Entity {
			t.Errorf("%s: JSON meta %+v", id, m)
		}
	}
}

// The 純資産変動計算書 (様式第11号), which the report prints vertically, a
// block for each component, reads from its transcription in
// examples/jlis2019/testdata, as a sheet of two columns (label, figure),
// to the table as published.
func TestReadVertical(t *testing.T) {
	r := fy2019(t)
	want := table(t, r.Published, "changes")
	if !want.Form().Vertical {
		t.Fatal("様式第11号 is not vertical")
	}
	text, err := os.ReadFile("../jlis2019/testdata/changes.txt")
	if err != nil {
		t.Fatal(err)
	}
	var g statement.Grid
	for _, line := range strings.Split(strings.TrimSpace(string(text)), "\n") {
		cells := []string{line}
		if k := strings.LastIndex(line, " "); k > 0 {
			cells = []string{line[:k], line[k+1:]}
		}
		g.Rows = append(g.Rows, cells)
	}
	got, err := want.Template().ReadGrid(g, statement.ReadOptions{Source: "changes.txt", Meta: want.Meta()})
	if err != nil {
		t.Fatal(err)
	}
	if d := statement.Compare(got, want); len(d) != 0 {
		t.Errorf("様式第11号 as transcribed: %v", d)
	}
	if got.Meta().Entity != want.Meta().Entity || got.Meta().DateLine() != want.Meta().DateLine() {
		t.Errorf("meta %q %q", got.Meta().Entity, got.Meta().DateLine())
	}
}
