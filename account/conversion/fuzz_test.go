package conversion_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account/conversion"
)

// FuzzReadTableCSV reads any text without panicking: a table, or an
// *Error with problems.
func FuzzReadTableCSV(f *testing.F) {
	f.Add(tableCSV)
	n := names(f)
	f.Fuzz(func(t *testing.T, text string) {
		tb, err := conversion.ReadTableCSV(strings.NewReader(text), "map.csv", n)
		if err != nil {
			var ce *conversion.Error
			if !errors.As(err, &ce) || len(ce.Problems) == 0 {
				t.Fatalf("not an *Error with problems: %v", err)
			}
			return
		}
		for _, r := range tb.Rules() {
			if r.Debit == "" || r.Credit == "" {
				t.Fatalf("a rule without accounts: %+v", r)
			}
		}
	})
}

// FuzzReadRecordsCSV reads any text without panicking, and converts what
// it reads: entries of positive amounts, or an *Error.
func FuzzReadRecordsCSV(f *testing.F) {
	f.Add("番号,日付,歳入歳出,款,項,目,節,細節,分類,金額,摘要\n1,2023-04-25,歳出,総務費,総務管理費,一般管理費,給料,,,\"1,000\",給料\n")
	f.Add("日付,歳入歳出,款,項,目,節,金額,借方,貸方\nR05.06.01,歳出,a,b,c,d,10,物件費,物件費等支出\n")
	n := names(f)
	tb := table(f)
	f.Fuzz(func(t *testing.T, text string) {
		recs, err := conversion.ReadRecordsCSV(strings.NewReader(text), "budget.csv", n)
		if err != nil {
			var ce *conversion.Error
			if !errors.As(err, &ce) || len(ce.Problems) == 0 {
				t.Fatalf("not an *Error with problems: %v", err)
			}
			return
		}
		entries, err := tb.Convert(recs)
		if err != nil {
			var ce *conversion.Error
			if !errors.As(err, &ce) {
				t.Fatalf("not an *Error: %v", err)
			}
			return
		}
		for _, e := range entries {
			if len(e.Lines) != 2 || !e.Lines[0].Amount.IsPositive() {
				t.Fatalf("%+v", e)
			}
		}
	})
}
