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
		benchRows(b, len(f.Rows), func() error {
			_, err := statement.Compile(f)
			return err
		})
	}
}

// benchRows runs fn as the benchmark of a form of the given rows, named
// by them, and reports the time per row beside the time per call.
func benchRows(b *testing.B, rows int, fn func() error) {
	b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := fn(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
	})
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

// repeatedForm returns a form of n groups whose labels repeat, as その他
// repeats under many parents in published statements, one group for every
// 区分 under the heading 【歳出】:
//
//	区分g (a heading that prints its amount)
//	  人件費
//	  物件費 (委託料, 修繕料)
//	  その他
//	その他
//
// so that 人件費 is told apart by one parent, 委託料 by two, and the その他
// directly under 【歳出】 by none: 7n+2 rows, with a grand total. Its
// figures name each row by the label path RowKey reads (区分g/物件費/委託料)
// or, for the rows no path names, by key.
func repeatedForm(n int) (*statement.Form, []statement.Figure) {
	f := &statement.Form{Title: "歳出決算書", Columns: []statement.Column{{Name: "決算額", Kind: statement.Input}},
		Rows: []statement.Row{{Kind: statement.Header, Label: "【歳出】"}}}
	var figs []statement.Figure
	var total statement.Formula
	item := func(key, label, ref string, indent int) {
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Item, Label: label, Indent: indent})
		figs = append(figs, statement.Figure{Row: ref, Column: "決算額", Value: yen(int64(len(f.Rows)) * 1_000_003)})
	}
	for g := range n {
		group := fmt.Sprintf("区分%d", g)
		key := fmt.Sprint(g)
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Subtotal, Label: group, Indent: 1})
		item(key+"-1", "人件費", group+"/人件費", 2)
		f.Rows = append(f.Rows, statement.Row{Key: key + "-2", Kind: statement.Subtotal, Label: "物件費", Indent: 2})
		item(key+"-21", "委託料", group+"/物件費/委託料", 3)
		item(key+"-22", "修繕料", group+"/物件費/修繕料", 3)
		item(key+"-3", "その他", group+"/その他", 2)
		item(key+"-9", "その他", key+"-9", 1)
		total = append(total, statement.Term{Key: key}, statement.Term{Key: key + "-9"})
	}
	f.Rows = append(f.Rows, statement.Row{Key: "total", Kind: statement.Total, Label: "歳出合計", Formula: total})
	return f, figs
}

// BenchmarkCompileRepeated compiles forms whose labels repeat (see
// repeatedForm) of 1×, 10× and 100× the rows: the time per row stays the
// same, however far back a row's parents are.
func BenchmarkCompileRepeated(b *testing.B) {
	for _, n := range []int{20, 200, 2000} {
		f, _ := repeatedForm(n)
		benchRows(b, len(f.Rows), func() error {
			_, err := statement.Compile(f)
			return err
		})
	}
}

// BenchmarkBuildByLabel builds statements of 1×, 10× and 100× the rows
// from figures that name their rows by label path (see repeatedForm): the
// time per row stays the same, however often the last label repeats.
func BenchmarkBuildByLabel(b *testing.B) {
	for _, n := range []int{20, 200, 2000} {
		f, figs := repeatedForm(n)
		t, err := statement.Compile(f)
		if err != nil {
			b.Fatal(err)
		}
		benchRows(b, len(f.Rows), func() error {
			_, err := t.Build(statement.Meta{}, figs)
			return err
		})
	}
}

// BenchmarkValidate validates forms of 1×, 10× and 100× the rows (see
// repeatedForm): the time per row stays the same.
func BenchmarkValidate(b *testing.B) {
	for _, n := range []int{20, 200, 2000} {
		f, _ := repeatedForm(n)
		benchRows(b, len(f.Rows), f.Validate)
	}
}

// BenchmarkReadSideBySide reads 4, 40 and 400 statements of a form of 56
// rows printed side by side in one file, as a prefecture's table of its
// bodies prints them: the time per statement stays the same. Beside it,
// the same statements read one file each with ReadCSV.
func BenchmarkReadSideBySide(b *testing.B) {
	f, figs := growthForm(5)
	t, err := statement.Compile(f)
	if err != nil {
		b.Fatal(err)
	}
	meta := statement.Meta{Unit: format.Thousand}
	s := mustBuild(f, meta, figs).Scale(statement.Scaling{Unit: format.Thousand})
	one := strings.Split(strings.TrimSuffix(string(publishedCSV(s)), "\n"), "\n")
	opt := statement.ReadOptions{Meta: meta}
	for _, n := range []int{4, 40, 400} {
		// Every line: the label, then each statement's fields.
		var side strings.Builder
		side.WriteString("（単位：千円）\n団体コード")
		for k := range n {
			side.WriteString(strings.Repeat(fmt.Sprintf(",%06d", k), len(f.Columns)))
		}
		side.WriteString("\n")
		for _, line := range one {
			label, figures, _ := strings.Cut(line, ",")
			side.WriteString(label + strings.Repeat(","+figures, n) + "\n")
		}
		data := []byte(side.String())
		b.Run(fmt.Sprintf("side-by-side/statements=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				read, err := t.ReadCSVSideBySide(bytes.NewReader(data), opt)
				if err != nil || len(read.Statements) != n {
					b.Fatal(err, len(read.Statements))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/statement")
		})
		file := []byte("（単位：千円）\n" + strings.Join(one, "\n") + "\n")
		b.Run(fmt.Sprintf("each/statements=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(file) * n))
			for b.Loop() {
				for range n {
					if _, err := t.ReadCSV(bytes.NewReader(file), opt); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/statement")
		})
	}
}
