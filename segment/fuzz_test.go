package segment_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/segment"
)

// FuzzReadEliminationsCSV checks that ReadEliminationsCSV never panics,
// that it reports bad input as a *segment.Error whose every problem wraps
// a sentinel, and that each elimination it returns has a name, lines or a
// 差額 line, and rows.
func FuzzReadEliminationsCSV(f *testing.F) {
	f.Add("elimination,memo,side,row,amount\n1,相殺,借方,2110,\"845,938\"\n1,,貸方,1120,845938\n")
	f.Add("elimination,side,row,amount\n1,左,2110,1\n,貸方,1120,1\n1,借方\n")
	f.Add("elimination,side,rwo,amount,amount\n")
	f.Add("elimination,kind,memo,statement,row,column,member,side,amount\nE4,連結修正等,x,bs,未払金,,,借方,100\nE4,,,bs,未収金,,W,貸方,98\nE4,,,bs,流動資産/その他,,,差額,\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := segment.ReadEliminationsCSV(strings.NewReader(in), "fuzz.csv")
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
			if e.Name == "" || len(e.Lines) == 0 && e.Reconcile.Row == "" {
				t.Fatalf("elimination %+v without a name or lines", e)
			}
			for _, l := range e.Lines {
				if l.Row == "" {
					t.Fatalf("elimination %+v: a line without a row", e)
				}
			}
		}
	})
}

var sentinels = []error{segment.ErrSyntax, segment.ErrRange, segment.ErrUnknown, segment.ErrDuplicate,
	segment.ErrMissing, segment.ErrEncoding, segment.ErrUnbalanced, segment.ErrForm}
