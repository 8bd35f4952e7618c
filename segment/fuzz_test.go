package segment_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/segment"
)

// FuzzReadEntriesCSV checks that ReadEntriesCSV never panics, that it
// reports bad input as a *segment.Error whose every problem wraps a
// sentinel, and that each entry it returns has a name and lines.
func FuzzReadEntriesCSV(f *testing.F) {
	f.Add("entry,memo,side,account,amount\n1,相殺,借方,2110,\"845,938\"\n1,,貸方,1120,845938\n")
	f.Add("entry,side,account,amount\n1,左,2110,1\n,貸方,1120,1\n1,借方\n")
	f.Add("entry,side,acount,amount,amount\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := segment.ReadEntriesCSV(strings.NewReader(in), "fuzz.csv")
		if err != nil {
			var e *segment.Error
			if !errors.As(err, &e) || len(e.Problems) == 0 {
				t.Fatalf("error %v, want a *segment.Error with problems", err)
			}
			for _, p := range e.Problems {
				if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(p, s) }) {
					t.Fatalf("problem %v wraps none of the sentinels", p)
				}
			}
			return
		}
		for _, e := range entries {
			if e.Name == "" || len(e.Lines) == 0 {
				t.Fatalf("entry %+v without a name or lines", e)
			}
		}
	})
}

var sentinels = []error{segment.ErrSyntax, segment.ErrRange, segment.ErrUnknown, segment.ErrDuplicate,
	segment.ErrMissing, segment.ErrEncoding, segment.ErrUnbalanced, segment.ErrForm}
