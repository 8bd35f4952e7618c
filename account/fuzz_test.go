package account_test

import (
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account"
)

// checkChart verifies what every chart that reads without error promises:
// each account is found by its code, and its path runs from a root to it.
func checkChart(t *testing.T, c *account.Chart) {
	t.Helper()
	n := 0
	for a := range c.All() {
		n++
		if got, ok := c.Lookup(a.Code); !ok || got != a {
			t.Fatalf("Lookup(%q) = %+v, %v", a.Code, got, ok)
		}
		p := c.Path(a.Code)
		if len(p) == 0 || p[len(p)-1] != a || p[0].Parent != "" || len(p) > c.Len() {
			t.Fatalf("Path(%q) = %+v", a.Code, p)
		}
		if !a.Category.Valid() || a.Name == "" {
			t.Fatalf("account %+v accepted", a)
		}
	}
	if n != c.Len() {
		t.Fatalf("All yields %d accounts, Len is %d", n, c.Len())
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(smallChart)
	f.Add("code,name,category,parent\n1,a,資産,2\n2,b,資産,1\n")
	f.Add("\uFEFFname,code,parent,category\n資産,1000,,asset\n")
	f.Fuzz(func(t *testing.T, in string) {
		c, err := account.ReadCSV(strings.NewReader(in), "")
		if err != nil {
			return
		}
		checkChart(t, c)
	})
}

func FuzzReadJSON(f *testing.F) {
	f.Add(`[{"code": "1000", "name": "資産", "category": "資産"}, {"code": "1100", "name": "流動資産", "category": "asset", "parent": "1000"}]`)
	f.Add(`[{"code": "A", "name": "a", "category": "費用", "parent": "B"}, {"code": "B", "name": "b", "category": "費用", "parent": "A"}]`)
	f.Fuzz(func(t *testing.T, in string) {
		c, err := account.ReadJSON(strings.NewReader(in), "")
		if err != nil {
			return
		}
		checkChart(t, c)
	})
}
