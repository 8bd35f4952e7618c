package consolidate_test

import (
	"fmt"
	"testing"

	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/shopspring/decimal"
)

// many returns a consolidation of こだま町's 一般会計等 and n other
// members: by turns copies of its 組合 at 23.7 % (25 % last year), each
// with an elimination of E1's lines against its own figures, applied at
// its ratio (the 一般会計等's 補助金等 could not pay every copy's
// 負担金), and of its 三セク held 51 %.
func many(b *testing.B, n int) *consolidate.Consolidation {
	b.Helper()
	k := kodama(b)
	c := &consolidate.Consolidation{Scope: k.Scope, Members: k.Members[:1]}
	for i := range n {
		m := k.Members[1+i%2]
		m.Name = fmt.Sprintf("%s%d", m.Name, i)
		m.Investment = decimal.Zero
		c.Members = append(c.Members, m)
		if i%2 == 0 {
			e := k.Eliminations[0]
			e.Name = fmt.Sprintf("E1-%d", i)
			e.Lines = append([]segment.Line(nil), e.Lines...)
			against := map[string]string{"補助金等": "物件費", "補助金等支出": "物件費等支出"}
			for j := range e.Lines {
				e.Lines[j].Member = m.Name
				if row, ok := against[e.Lines[j].Row]; ok {
					e.Lines[j].Row = row
				}
			}
			c.Eliminations = append(c.Eliminations, e)
		}
	}
	return c
}

// BenchmarkBuild consolidates 5, 50 and 500 members of four statements
// each: the 50 of a large body, and ten times fewer and more, whose times
// should grow as the members do.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{5, 50, 500} {
		b.Run(fmt.Sprintf("members=%d", n), func(b *testing.B) {
			c := many(b, n)
			if _, err := c.Build(); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := c.Build(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
