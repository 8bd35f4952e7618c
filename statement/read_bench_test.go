package statement_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// BenchmarkCompile compiles forms of 1×, 10× and 100× the rows: the time
// per row stays the same.
func BenchmarkCompile(b *testing.B) {
	for _, n := range []int{5, 50, 500} {
		f, _ := growthForm(n)
		b.Run(fmt.Sprintf("rows=%d", len(f.Rows)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := statement.Compile(f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(f.Rows)), "ns/row")
		})
	}
}

// BenchmarkRead reads statements of 1×, 10× and 100× the rows in 千円: as
// CSV matched by key (what WriteCSV writes), as CSV matched by label (a
// file as published, with △ figures) and as text (what WriteText
// prints).
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{5, 50, 500} {
		f, figs := growthForm(n)
		t, err := statement.Compile(f)
		if err != nil {
			b.Fatal(err)
		}
		meta := statement.Meta{Unit: format.Thousand}
		s := mustBuild(f, meta, figs).Scale(statement.Scaling{Unit: format.Thousand})
		var keyed, text bytes.Buffer
		if err := s.WriteCSV(&keyed, statement.CSVOptions{}); err != nil {
			b.Fatal(err)
		}
		if err := s.WriteText(&text, statement.TextOptions{}); err != nil {
			b.Fatal(err)
		}
		published := publishedCSV(s)
		opt := statement.ReadOptions{Meta: meta}
		for _, c := range []struct {
			name string
			data []byte
			read func(*bytes.Reader) (*statement.Statement, error)
		}{
			{"csv-key", keyed.Bytes(), func(r *bytes.Reader) (*statement.Statement, error) { return t.ReadCSV(r, opt) }},
			{"csv-label", published, func(r *bytes.Reader) (*statement.Statement, error) { return t.ReadCSV(r, opt) }},
			{"text", text.Bytes(), func(r *bytes.Reader) (*statement.Statement, error) {
				return t.ReadText(r, opt, statement.TextOptions{})
			}},
		} {
			b.Run(fmt.Sprintf("%s/rows=%d", c.name, len(f.Rows)), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(c.data)))
				for b.Loop() {
					if _, err := c.read(bytes.NewReader(c.data)); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(f.Rows)), "ns/row")
			})
		}
	}
}

// publishedCSV returns s as a published file prints it: the stub and the
// column names, then each row's label and its figures as WriteText
// formats them (△1,234).
func publishedCSV(s *statement.Statement) []byte {
	f := s.Form()
	var b strings.Builder
	b.WriteString("科目")
	for _, c := range f.Columns {
		b.WriteString("," + c.Name)
	}
	b.WriteString("\n")
	show := format.Formatter{Unit: s.Meta().Unit}
	for _, row := range f.Rows {
		b.WriteString(row.Label)
		for _, c := range f.Columns {
			cell, _ := s.Cell(row.Key, c.Name)
			b.WriteString(",")
			if row.Kind != statement.Header {
				b.WriteString(`"` + show.FormatCell(cell) + `"`)
			}
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}
