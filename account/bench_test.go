package account_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account"
)

// jsonChart returns a JSON chart of n accounts, one object to a line.
func jsonChart(n int) string {
	var b strings.Builder
	b.WriteString("[\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		parent := ""
		if i > 0 {
			parent = fmt.Sprint(1000 + i/2)
		}
		fmt.Fprintf(&b, `{"code": "%d", "name": "科目%d", "category": "資産", "parent": %q}`, 1000+i, i, parent)
	}
	b.WriteString("\n]\n")
	return b.String()
}

// The time per account stays the same from 1× to 100× accounts: lines are
// counted once, not from the start for every account.
func BenchmarkReadJSON(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		in := jsonChart(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := account.ReadJSON(strings.NewReader(in), ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
