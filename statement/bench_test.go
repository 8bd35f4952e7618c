package statement_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
)

// BenchmarkBuild builds, compares and prints the small 決算報告書.
func BenchmarkBuild(b *testing.B) {
	published := mustBuild(smallForm(), statement.Meta{}, smallFigures())
	figures := published.Figures()
	t, err := statement.Compile(smallForm())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := t.Build(statement.Meta{}, figures)
		if err != nil {
			b.Fatal(err)
		}
		statement.Compare(s, published)
		if err := s.WriteText(io.Discard, statement.TextOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBookVerify verifies a book of 50 statements against itself as
// built, with 4 links from each statement to the next.
func BenchmarkBookVerify(b *testing.B) {
	var book statement.Book
	var links []statement.Link
	for i := range 50 {
		id := fmt.Sprintf("s%d", i)
		if err := book.Add(id, mustBuild(smallForm(), statement.Meta{}, smallFigures())); err != nil {
			b.Fatal(err)
		}
		for _, row := range []string{"1110", "1120", "1100", "2110"} {
			links = append(links, statement.Link{Name: id + " " + row,
				Left:  []statement.Ref{{Statement: id, Row: row, Column: "決算額"}},
				Right: []statement.Ref{{Statement: fmt.Sprintf("s%d", (i+1)%50), Row: row, Column: "決算額"}}})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if !book.Verify(statement.VerifyOptions{Built: &book, Links: links}).OK() {
			b.Fatal("the book does not verify")
		}
	}
}
