package fixedasset_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account/fixedasset"
)

// FuzzReadCSV checks that ReadCSV never panics, and that a register it
// reads writes back to itself and has years whose figures keep their
// identities.
func FuzzReadCSV(f *testing.F) {
	if b, err := os.ReadFile("testdata/worked.csv"); err == nil {
		f.Add(string(b))
	}
	f.Add(header + "B1,庁舎,事業用資産/建物,,50,,令和元年5月1日,1000,総務,,,,,,,,,\n")
	f.Add(header + "C1,工事,事業用資産/建設仮勘定,,,,令和4年5月1日,100,総務,,,B2,令和5年5月1日,,,,,\n" +
		"B2,庁舎,事業用資産/建物,,120,,令和5年5月1日,150,総務,,,,,,,,,\n")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := fixedasset.ReadCSV(strings.NewReader(in), "")
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := fixedasset.WriteCSV(&b, r); err != nil {
			t.Fatal(err)
		}
		back, err := fixedasset.ReadCSV(&b, "")
		if err != nil {
			t.Fatalf("reading back: %v\n%s", err, b.String())
		}
		for i, a := range r.All() {
			if !sameAsset(a, back.Asset(i)) {
				t.Fatalf("asset %d: %+v, read back %+v", i, a, back.Asset(i))
			}
		}
		for _, fy := range []int{1990, 2023, 2100} {
			for _, m := range []fixedasset.Method{fixedasset.FromNextYear, fixedasset.Monthly} {
				y, err := r.Year(fyOf(fy), fixedasset.Options{Method: m})
				if err != nil {
					t.Fatal(err)
				}
				checkIdentities(t, y)
			}
		}
	})
}

// checkIdentities checks that every line of y keeps the identities of the
// schedule and the limits of depreciation.
func checkIdentities(t *testing.T, y *fixedasset.Year) {
	t.Helper()
	for i, a := range y.Register().All() {
		l := y.Line(i)
		if l.Closing != l.Opening+l.Increase-l.Decrease || l.Accumulated != l.OpeningAccumulated+l.Depreciation-l.DisposedAccumulated {
			t.Fatalf("%s: %+v", a.ID, l)
		}
		if l.Depreciation < 0 || l.Accumulated > max(l.Closing-1, 0) && a.Account.Tangible() || l.Accumulated > l.Closing {
			t.Fatalf("%s: %+v", a.ID, l)
		}
	}
	m := y.Tangible()
	if m.Closing != m.Opening+m.Increase-m.Decrease || m.Accumulated != m.OpeningAccumulated+m.Depreciation-m.DisposedAccumulated {
		t.Fatalf("合計 %+v", m)
	}
}
