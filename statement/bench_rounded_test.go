package statement_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// tableStatement returns a statement of n rows and a 合計 row printed in
// 千円, correctly rounded from exact yen, whose rows and columns both add
// up: C = A + B on every row, 合計 the sum of the rows in every column;
// and the same table in 円, as a book prints the figures a summary
// rounds.
func tableStatement(b testing.TB, n int) (thousands, yen *statement.Statement) {
	t, err := statement.Compile(tableForm(n))
	if err != nil {
		b.Fatal(err)
	}
	return tableStatementOf(b, t, n, uint64(n))
}

// tableForm returns the form of tableStatement.
func tableForm(n int) *statement.Form {
	form := &statement.Form{Title: "表", Columns: []statement.Column{
		{Name: "A", Kind: statement.Input}, {Name: "B", Kind: statement.Input},
		{Name: "C", Kind: statement.Computed, Formula: statement.Formula{{Key: "A"}, {Key: "B"}}}}}
	var total statement.Formula
	for i := range n {
		key := fmt.Sprintf("r%d", i)
		form.Rows = append(form.Rows, statement.Row{Key: key, Kind: statement.Item, Label: key})
		total = append(total, statement.Term{Key: key})
	}
	form.Rows = append(form.Rows, statement.Row{Key: "total", Kind: statement.Total, Label: "合計", Formula: total})
	return form
}

// tableStatementOf returns a statement of t, of a tableForm of n rows, as
// tableStatement does, with figures drawn from seed.
func tableStatementOf(b testing.TB, t *statement.Template, n int, seed uint64) (thousands, yen *statement.Statement) {
	rng := rand.New(rand.NewPCG(seed, 1))
	var figs []statement.Figure
	for i := range n {
		key := fmt.Sprintf("r%d", i)
		for _, col := range []string{"A", "B"} {
			figs = append(figs, statement.Figure{Row: key, Column: col, Value: format.CellOf(decimal.NewFromInt(rng.Int64N(1e9)))})
		}
	}
	yen, err := t.Build(statement.Meta{}, figs)
	if err != nil {
		b.Fatal(err)
	}
	return yen.Scale(statement.Scaling{Unit: format.Thousand}), yen
}

// blocksStatement returns a statement of k blocks printed in 千円, each
// s = x + y and t = s + z with x = y = 1, s = 3, z = 0 and t = 4: each
// identity holds on its own (x + y may be 3 千円, 3 + 0 may be 4), but not
// both (x + y is at most 2,998 yen, t − z at least 3,001); and a 合計 of
// the ts, which holds. Every block is a violation found jointly.
func blocksStatement(b testing.TB, k int) *statement.Statement {
	form := &statement.Form{Title: "ブロック", Columns: amount}
	var csv strings.Builder
	csv.WriteString("key,label,金額\n")
	var total statement.Formula
	for i := range k {
		x, y, s, z, t := fmt.Sprintf("x%d", i), fmt.Sprintf("y%d", i), fmt.Sprintf("s%d", i), fmt.Sprintf("z%d", i), fmt.Sprintf("t%d", i)
		// Labels of their own, as the keys: the cost measured is the
		// verification's, not that of naming rows whose labels repeat.
		form.Rows = append(form.Rows,
			statement.Row{Key: x, Kind: statement.Item, Label: x},
			statement.Row{Key: y, Kind: statement.Item, Label: y},
			statement.Row{Key: s, Kind: statement.Total, Label: s, Formula: statement.Formula{{Key: x}, {Key: y}}},
			statement.Row{Key: z, Kind: statement.Item, Label: z},
			statement.Row{Key: t, Kind: statement.Total, Label: t, Formula: statement.Formula{{Key: s}, {Key: z}}})
		fmt.Fprintf(&csv, "%s,%s,1\n%s,%s,1\n%s,%s,3\n%s,%s,0\n%s,%s,4\n", x, x, y, y, s, s, z, z, t, t)
		total = append(total, statement.Term{Key: t})
	}
	form.Rows = append(form.Rows, statement.Row{Key: "total", Kind: statement.Total, Label: "合計", Formula: total})
	fmt.Fprintf(&csv, "total,合計,%d\n", 4*k)
	s, err := statement.ReadCSV(strings.NewReader(csv.String()), form, statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand}})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// sharedStatement returns a statement of groups groups of three rows,
// each with a subtotal, and a 合計 of the subtotals, whose computed
// columns share a term, C = A − B and D = C + B, printed in 千円 by
// 偶数丸め, correctly rounded from exact yen.
func sharedStatement(b testing.TB, groups int) *statement.Statement {
	form := &statement.Form{Title: "差引", Columns: []statement.Column{
		{Name: "A", Kind: statement.Input}, {Name: "B", Kind: statement.Input},
		{Name: "C", Kind: statement.Computed, Formula: statement.Formula{{Key: "A"}, {Key: "B", Negative: true}}},
		{Name: "D", Kind: statement.Computed, Formula: statement.Formula{{Key: "C"}, {Key: "B"}}},
	}}
	rng := rand.New(rand.NewPCG(uint64(groups), 3))
	var figs []statement.Figure
	var total statement.Formula
	for g := range groups {
		var sub statement.Formula
		for i := range 3 {
			key := fmt.Sprintf("r%d_%d", g, i)
			form.Rows = append(form.Rows, statement.Row{Key: key, Kind: statement.Item, Label: key})
			sub = append(sub, statement.Term{Key: key})
			for _, col := range []string{"A", "B"} {
				v := decimal.NewFromInt(rng.Int64N(2e10) - 1e10)
				figs = append(figs, statement.Figure{Row: key, Column: col, Value: format.CellOf(v)})
			}
		}
		key := fmt.Sprintf("s%d", g)
		form.Rows = append(form.Rows, statement.Row{Key: key, Kind: statement.Total, Label: key, Formula: sub})
		total = append(total, statement.Term{Key: key, Negative: g%3 == 0})
	}
	form.Rows = append(form.Rows, statement.Row{Key: "total", Kind: statement.Total, Label: "合計", Formula: total})
	exact, err := statement.Build(form, statement.Meta{}, figs)
	if err != nil {
		b.Fatal(err)
	}
	return exact.Scale(statement.Scaling{Unit: format.Thousand, Rounding: format.HalfEven})
}

// BenchmarkVerifyRounded verifies, under rounding, tables of 400, 4,000
// and 40,000 rows whose rows and columns both add up, statements of 400,
// 4,000 and 40,000 blocks that each fail jointly, and statements of 20,
// 200 and 2,000 groups whose computed columns share a term: the time per
// row, block or group should stay flat.
func BenchmarkVerifyRounded(b *testing.B) {
	for _, n := range []int{400, 4000, 40000} {
		s, _ := tableStatement(b, n)
		b.Run(fmt.Sprintf("table/rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := s.VerifyRounded()
				if err != nil || v.Count(statement.Violation) > 0 || v.Count(statement.Undecided) > 0 {
					b.Fatalf("%v: %d violations, %d undecided", err, v.Count(statement.Violation), v.Count(statement.Undecided))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
		})
	}
	for _, n := range []int{20, 200, 2000} {
		s := sharedStatement(b, n)
		b.Run(fmt.Sprintf("shared/groups=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := s.VerifyRounded()
				if err != nil || v.Count(statement.Violation) > 0 || v.Count(statement.Undecided) > 0 {
					b.Fatalf("%v: %d violations, %d undecided", err, v.Count(statement.Violation), v.Count(statement.Undecided))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/group")
		})
	}
	for _, k := range []int{400, 4000, 40000} {
		s := blocksStatement(b, k)
		b.Run(fmt.Sprintf("blocks=%d", k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := s.VerifyRounded()
				if err != nil || v.Count(statement.Violation) != k {
					b.Fatalf("%v: %d violations, want %d", err, v.Count(statement.Violation), k)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(k), "ns/block")
		})
	}
}

// BenchmarkBookVerifyRounded verifies books of a 千円 table of 400,
// 4,000 and 40,000 rows and the same table in 円, a link tying each row's
// A to the yen it rounds: a cycle across two statements, decided jointly;
// and books of one statement of the shapes BenchmarkVerifyRounded
// verifies alone, 400, 4,000 and 40,000 blocks that each fail jointly and
// 20, 200 and 2,000 groups whose computed columns share a term. The time
// per row, block or group should stay flat.
func BenchmarkBookVerifyRounded(b *testing.B) {
	for _, n := range []int{400, 4000, 40000} {
		thousands, yen := tableStatement(b, n)
		book := bookOf(b, []string{"summary", "yen"}, thousands, yen)
		links := tableLinks(n)
		b.Run(fmt.Sprintf("table/rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := book.VerifyRounded(statement.VerifyOptions{Links: links, OmitWithinRounding: true})
				if err != nil || !v.OK() {
					b.Fatalf("%v: %v", err, v.Unexpected())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
		})
	}
	for _, n := range []int{20, 200, 2000} {
		book := bookOf(b, []string{"shared"}, sharedStatement(b, n))
		b.Run(fmt.Sprintf("shared/groups=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := book.VerifyRounded(statement.VerifyOptions{OmitWithinRounding: true})
				if err != nil || !v.OK() {
					b.Fatalf("%v: %v", err, v.Unexpected())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/group")
		})
	}
	for _, k := range []int{400, 4000, 40000} {
		book := bookOf(b, []string{"blocks"}, blocksStatement(b, k))
		b.Run(fmt.Sprintf("blocks=%d", k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := book.VerifyRounded(statement.VerifyOptions{OmitWithinRounding: true})
				if err != nil || v.Count(statement.Violation) != k || v.Count(statement.Undecided) != 0 {
					b.Fatalf("%v: %d violations, %d undecided, want %d and 0", err, v.Count(statement.Violation), v.Count(statement.Undecided), k)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(k), "ns/block")
		})
	}
}

// bookOf returns a book of stmts, under ids.
func bookOf(b testing.TB, ids []string, stmts ...*statement.Statement) *statement.Book {
	var book statement.Book
	for k, s := range stmts {
		if err := book.Add(ids[k], s); err != nil {
			b.Fatal(err)
		}
	}
	return &book
}

// tableLinks returns the links of a book of the tables of tableStatement,
// summary and yen, of n rows: each row's A in 千円 is its A in 円.
func tableLinks(n int) []statement.Link {
	var links []statement.Link
	for i := range n {
		key := fmt.Sprintf("r%d", i)
		links = append(links, statement.Link{Name: key,
			Left:  []statement.Ref{{Statement: "summary", Row: key, Column: "A"}},
			Right: []statement.Ref{{Statement: "yen", Row: key, Column: "A"}}})
	}
	return links
}

// BenchmarkBooksVerifyRounded verifies 100, 1,000 and 10,000 books of one
// shape, as a nation's bodies publish them: a 千円 table of 20 rows whose
// rows and columns both add up, the same table in 円, and a link from each
// row's A to the yen it rounds, each book with figures of its own. The
// books share the system of their identities, which the first builds: the
// time per book should stay flat.
func BenchmarkBooksVerifyRounded(b *testing.B) {
	const rows = 20
	t, err := statement.Compile(tableForm(rows))
	if err != nil {
		b.Fatal(err)
	}
	links := tableLinks(rows)
	for _, n := range []int{100, 1000, 10000} {
		books := make([]*statement.Book, n)
		for k := range books {
			thousands, yen := tableStatementOf(b, t, rows, uint64(k))
			books[k] = &statement.Book{}
			if err := books[k].Add("summary", thousands); err != nil {
				b.Fatal(err)
			}
			if err := books[k].Add("yen", yen); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("books=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, book := range books {
					v, err := book.VerifyRounded(statement.VerifyOptions{Links: links, OmitWithinRounding: true})
					if err != nil || !v.OK() {
						b.Fatalf("%v: %v", err, v.Unexpected())
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/book")
		})
	}
}
