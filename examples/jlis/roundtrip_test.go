package jlis_test

import (
	"bytes"
	"encoding/json"
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
