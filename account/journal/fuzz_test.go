package journal_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account/journal"
)

// FuzzReadCSV reads any text without panicking: a journal, whose CSV reads
// back to as many entries and lines, or an *Error.
func FuzzReadCSV(f *testing.F) {
	f.Add(goodCSV)
	f.Add("entry,date,account,debit,credit\n1,R05.06.01,物件費,1,\n1,,7112,,1\n")
	f.Add("entry,date,account,debit,credit,stage\n1,2023-04-01,インフラ資産/建物,\"1,000\",,開始\n1,,未払金,,1000,開始\n")
	c := testChart(f)
	f.Fuzz(func(t *testing.T, text string) {
		j, err := journal.ReadCSV(strings.NewReader(text), "f.csv", c, journal.Options{})
		if err != nil {
			var je *journal.Error
			if !errors.As(err, &je) || len(je.Problems) == 0 {
				t.Fatalf("not an *Error with problems: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := j.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := journal.ReadCSV(&buf, "back.csv", c, journal.Options{Year: j.Year()})
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		if back.Len() != j.Len() || back.NumLines() != j.NumLines() {
			t.Fatalf("%d entries and %d lines, read back as %d and %d", j.Len(), j.NumLines(), back.Len(), back.NumLines())
		}
	})
}

// FuzzReadOpeningCSV reads any text without panicking.
func FuzzReadOpeningCSV(f *testing.F) {
	f.Add("account,debit,credit\n事業用資産/建物,1000,\n未払金,,1000\n")
	c := testChart(f)
	f.Fuzz(func(t *testing.T, text string) {
		e, err := journal.ReadOpeningCSV(strings.NewReader(text), "o.csv", c, journal.Options{Year: 2023})
		if err != nil {
			var je *journal.Error
			if !errors.As(err, &je) || len(je.Problems) == 0 {
				t.Fatalf("not an *Error with problems: %v", err)
			}
			return
		}
		if e.Stage != journal.Opening {
			t.Fatalf("stage %v", e.Stage)
		}
	})
}
