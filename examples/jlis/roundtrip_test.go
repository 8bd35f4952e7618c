package jlis_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
)

// Every J-LIS table survives CSV (both encodings) and JSON unchanged.
func TestRoundTrip(t *testing.T) {
	tables, err := jlis.Build()
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		for _, opt := range []statement.CSVOptions{{}, {Encoding: statement.CP932}, {NoBOM: true, LF: true}} {
			var buf bytes.Buffer
			if err := tb.Built.WriteCSV(&buf, opt); err != nil {
				t.Fatalf("%s: WriteCSV(%+v): %v", tb.ID, opt, err)
			}
			back, err := statement.ReadCSV(&buf, tb.Form, statement.ReadOptions{Meta: tb.Built.Meta()})
			if err != nil {
				t.Fatalf("%s: ReadCSV of WriteCSV(%+v): %v", tb.ID, opt, err)
			}
			if d := statement.Compare(back, tb.Built); len(d) != 0 {
				t.Errorf("%s: CSV %+v round trip: %v", tb.ID, opt, d)
			}
		}
		data, err := json.Marshal(tb.Built)
		if err != nil {
			t.Fatal(err)
		}
		back, err := statement.ReadJSON(bytes.NewReader(data), tb.Form, statement.ReadOptions{Meta: statement.Meta{Style: tb.Meta.Style}})
		if err != nil {
			t.Fatalf("%s: ReadJSON: %v", tb.ID, err)
		}
		if d := statement.Compare(back, tb.Built); len(d) != 0 {
			t.Errorf("%s: JSON round trip: %v", tb.ID, d)
		}
		if m := back.Meta(); m.DateLine() != tb.Meta.DateLine() || m.Unit != tb.Built.Meta().Unit || m.Entity != tb.Meta.Entity {
			t.Errorf("%s: JSON meta %+v", tb.ID, m)
		}
	}
}
