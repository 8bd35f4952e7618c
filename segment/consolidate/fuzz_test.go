package consolidate_test

import (
	"errors"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/statement/unified"
)

var sentinels = []error{consolidate.ErrSyntax, consolidate.ErrEncoding, consolidate.ErrUnknown, consolidate.ErrMissing, consolidate.ErrDuplicate,
	consolidate.ErrRange, consolidate.ErrScope, consolidate.ErrForm, consolidate.ErrUnbalanced, consolidate.ErrLink,
	consolidate.ErrTotal, consolidate.ErrRounding}

// FuzzReadDir reads members.csv as fuzzed beside the statements of
// こだま町, and builds what it reads. It checks that neither panics, that
// ReadDir reports bad input as a *consolidate.Error each of whose problems
// wraps a sentinel (its own, or that of the file of a member it names),
// and that every member it returns has a name, a type and a book.
func FuzzReadDir(f *testing.F) {
	members, err := os.ReadFile("testdata/kodama/members.csv")
	if err != nil {
		f.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, d := range []string{"一般会計等", "こだま衛生組合", "こだま観光開発株式会社"} {
		for _, name := range []string{"bs.csv", "pl.csv", "nw.csv", "cf.csv"} {
			data, err := os.ReadFile("testdata/kodama/" + d + "/" + name)
			if err != nil {
				f.Fatal(err)
			}
			files[d+"/"+name] = &fstest.MapFile{Data: data}
		}
	}
	f.Add(string(members))
	f.Add("name,type,method,ratio,prior_ratio,share,control,investment,investor,override,forms,unit,entity\n" +
		"一般会計等,一般会計等,全部連結,,,,,,,,一般会計等,円,町\nこだま衛生組合,一部事務組合・広域連合,比例連結,0.237,0.25,,false,,,,,,\n")
	f.Add("name,type\n一般会計等,一般会計等\n一般会計等,公営事業会計\n../x,第三セクター等\n")
	f.Add("name,type,ratio\nこだま衛生組合,一部事務組合・広域連合,23.7％\n")
	f.Fuzz(func(t *testing.T, in string) {
		fsys := fstest.MapFS{"members.csv": &fstest.MapFile{Data: []byte(in)}}
		for name, file := range files {
			fsys[name] = file
		}
		c, err := consolidate.ReadDir(fsys, 0)
		if err != nil {
			var ce *consolidate.Error
			if !errors.As(err, &ce) || len(ce.Problems) == 0 {
				t.Fatalf("error %v, want a *consolidate.Error with problems", err)
			}
			for _, p := range ce.Problems {
				if p.Member == "" && !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(p, s) }) {
					t.Fatalf("problem %v wraps none of the sentinels", p)
				}
			}
			return
		}
		for _, m := range c.Members {
			if m.Name == "" || m.Type == 0 || m.Book == nil {
				t.Fatalf("member %+v without a name, a type or a book", m)
			}
		}
		c.Scope = unified.Consolidated
		c.Build() // any error, but no panic
	})
}
