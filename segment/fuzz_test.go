package segment_test

import (
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/segment"
)

// FuzzReadEntriesCSV checks that ReadEntriesCSV never panics and that each
// entry it returns has lines.
func FuzzReadEntriesCSV(f *testing.F) {
	f.Add("entry,memo,side,account,amount\n1,相殺,借方,2110,\"845,938\"\n1,,貸方,1120,845938\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := segment.ReadEntriesCSV(strings.NewReader(in), "fuzz.csv")
		if err != nil {
			return
		}
		for _, e := range entries {
			if len(e.Lines) == 0 {
				t.Fatal("an entry without lines")
			}
		}
	})
}
