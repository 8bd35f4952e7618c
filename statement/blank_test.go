package statement_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// internalForm is the shape of 様式第3号 (純資産変動計算書) around its
// 固定資産等の変動（内部変動）, on whose rows the 様式 leaves 合計 blank:
// an amount moves from one class to the other there.
func internalForm() *statement.Form {
	cols, err := statement.ParseColumns("合計=固定資産等形成分+余剰分（不足分）|固定資産等形成分|余剰分（不足分）")
	if err != nil {
		panic(err)
	}
	blank := []string{"合計"}
	return &statement.Form{Number: "様式第3号", Title: "純資産変動計算書", Columns: cols, Rows: []statement.Row{
		{Key: "6100", Kind: statement.Item, Label: "純行政コスト（△）", Indent: 1},
		{Key: "6400", Kind: statement.Subtotal, Label: "固定資産等の変動（内部変動）", Indent: 1, Blank: blank},
		{Key: "6410", Kind: statement.Item, Label: "有形固定資産等の増加", Indent: 2, Blank: blank},
		{Key: "6420", Kind: statement.Item, Label: "有形固定資産等の減少", Indent: 2, Blank: blank},
		{Key: "6800", Kind: statement.Total, Label: "本年度純資産変動額", Formula: statement.Formula{{Key: "6100"}, {Key: "6400"}}, Indent: 1},
	}}
}

// internalFigures are the inputs of internalForm: 300 moved into 固定資産等形成分
// and 100 out of it.
func internalFigures() []statement.Figure {
	fig := func(row, col string, v format.Cell) statement.Figure {
		return statement.Figure{Row: row, Column: col, Value: v}
	}
	const fixed, surplus = "固定資産等形成分", "余剰分（不足分）"
	return []statement.Figure{
		fig("6100", fixed, format.Cell{}), fig("6100", surplus, yen(-500)),
		fig("6410", fixed, yen(300)), fig("6410", surplus, yen(-300)),
		fig("6420", fixed, yen(-100)), fig("6420", surplus, yen(100)),
	}
}

// internalCSV is internalForm as a body publishes it, with a printed in
// the 合計 of the three 内部変動 rows (blank, a dash, 0, …) and total as
// its 本年度純資産変動額 合計.
func internalCSV(a, total string) string {
	return "key,label,合計,固定資産等形成分,余剰分（不足分）\n" +
		"6100,純行政コスト（△）,△500,-,△500\n" +
		"6400,固定資産等の変動（内部変動）," + a + ",200,△200\n" +
		"6410,有形固定資産等の増加," + a + ",300,△300\n" +
		"6420,有形固定資産等の減少," + a + ",△100,100\n" +
		"6800,本年度純資産変動額," + total + ",200,△700\n"
}

func TestBlankBuild(t *testing.T) {
	s := mustBuild(internalForm(), statement.Meta{}, internalFigures())
	for _, row := range []string{"6400", "6410", "6420"} {
		if c, ok := s.Cell(row, "合計"); !ok || c.Valid {
			t.Errorf("%s 合計 = %v, %v; want no figure, true", row, c, ok)
		}
		if !s.Template().Blank(row, "合計") {
			t.Errorf("Blank(%s, 合計) = false", row)
		}
	}
	if s.Template().Blank("6800", "合計") || s.Template().Blank("6410", "固定資産等形成分") || s.Template().Blank("nowhere", "合計") {
		t.Error("Blank is true of a cell the form prints")
	}
	if c, _ := s.Cell("6800", "合計"); !c.Equal(yen(-500)) {
		t.Errorf("本年度純資産変動額 合計 = %v, want -500", c)
	}
	if fs := s.Verify(); len(fs) != 0 {
		t.Errorf("Verify of a built statement: %v", fs)
	}
	sparse, err := mustCompile(t, internalForm()).BuildSparse(statement.Meta{}, internalFigures()[1:])
	if err != nil || len(statement.Compare(sparse, s)) != 0 {
		t.Errorf("BuildSparse: %v, %v", err, statement.Compare(sparse, s))
	}
}

// A blank cell of an input column takes no figure: one with a figure is
// an error, one without is accepted, and none is missing.
func TestBlankInput(t *testing.T) {
	f := &statement.Form{Columns: amount, Rows: []statement.Row{
		{Key: "a", Kind: statement.Item, Label: "a"},
		{Key: "b", Kind: statement.Item, Label: "b", Blank: []string{"金額"}},
		{Key: "t", Kind: statement.Total, Label: "t", Formula: statement.Formula{{Key: "a"}, {Key: "b"}}, Blank: []string{"金額"}},
	}}
	for _, c := range []struct {
		name   string
		figs   []statement.Figure
		reason string
	}{
		{"none given", []statement.Figure{{Row: "a", Column: "金額", Value: yen(1)}}, ""},
		{"given without a figure", []statement.Figure{{Row: "a", Column: "金額", Value: yen(1)}, {Row: "b", Column: "金額"}}, ""},
		{"given a figure", []statement.Figure{{Row: "a", Column: "金額", Value: yen(1)}, {Row: "b", Column: "金額", Value: yen(0)}}, "a figure in a cell the form leaves blank"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := statement.Build(f, statement.Meta{}, c.figs)
			if c.reason != "" {
				if !errors.Is(err, statement.ErrMismatch) || !strings.Contains(err.Error(), c.reason) {
					t.Fatalf("Build: %v, want ErrMismatch: %s", err, c.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := s.Cell("t", "金額"); v.Valid {
				t.Errorf("t = %v, a total the form leaves blank", v)
			}
		})
	}
}

func TestBlankCompile(t *testing.T) {
	cols := []statement.Column{{Name: "金額", Kind: statement.Input}, {Name: "備考", Kind: statement.Text}}
	for _, c := range []struct {
		name  string
		row   statement.Row
		err   error
		where string
	}{
		{"unknown column", statement.Row{Key: "a", Kind: statement.Item, Label: "a", Blank: []string{"合計"}}, statement.ErrUnknown, `row "a": column "合計"`},
		{"text column", statement.Row{Key: "a", Kind: statement.Item, Label: "a", Blank: []string{"備考"}}, statement.ErrMismatch, `row "a": column "備考"`},
		{"header", statement.Row{Kind: statement.Header, Label: "見出し", Blank: []string{"金額"}}, statement.ErrMismatch, `column "金額"`},
		{"named twice", statement.Row{Key: "a", Kind: statement.Item, Label: "a", Blank: []string{"金額", "金額"}}, statement.ErrDuplicate, `row "a": column "金額"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := statement.Compile(&statement.Form{Columns: cols, Rows: []statement.Row{c.row}})
			if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.where) {
				t.Errorf("Compile: %v, want %v at %s", err, c.err, c.where)
			}
		})
	}
}

func TestReadRowsCSVBlank(t *testing.T) {
	rows, err := statement.ReadRowsCSV(strings.NewReader("key,kind,label,blank\na,item,x, 合計 | 前年度 \nb,item,y,\n"), "rows.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0].Blank, []string{"合計", "前年度"}) || rows[1].Blank != nil {
		t.Errorf("blank %q and %q, want [合計 前年度] and none", rows[0].Blank, rows[1].Blank)
	}
	_, err = statement.ReadRowsCSV(strings.NewReader("key,kind,label,blank\na,item,x,合計||\n"), "rows.csv")
	var e *statement.Error
	if !errors.As(err, &e) || !errors.Is(err, statement.ErrSyntax) || e.Problems[0].Line != 2 || e.Problems[0].Column != "blank" {
		t.Errorf("an empty name: %v, want ErrSyntax on line 2, column blank", err)
	}
}

// A published 純資産変動計算書 verifies clean whether its 内部変動 rows
// print 合計 blank, as the 様式 does, as a dash or as 0, exactly and
// under rounding, alone and in a book, read from CSV, from a Grid and
// side by side; a figure other than 0 there is one finding naming its row
// and column, and the totals of 合計 are still checked.
func TestBlankVerify(t *testing.T) {
	tpl := mustCompile(t, internalForm())
	for _, c := range []struct {
		name     string
		csv      string
		findings []string // kind, row and column of each
	}{
		{"blank", internalCSV("", "△500"), nil},
		{"dash", internalCSV("-", "△500"), nil},
		{"zero", internalCSV("0", "△500"), nil},
		{"a figure", strings.Replace(internalCSV("", "△500"), "有形固定資産等の増加,", "有形固定資産等の増加,5", 1), []string{"not blank 6410 合計"}},
		// The 合計 of 本年度純資産変動額 is judged as the sum of the rows
		// that print one, and as the sum of its classes.
		{"a wrong total", internalCSV("", "△400"), []string{"identity 6800 合計", "identity 6800 合計"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := tpl.ReadCSV(strings.NewReader(c.csv), statement.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			checkFindings(t, "Verify", s.Verify(), c.findings)
			const notBlank = "様式第3号 純資産変動計算書: 有形固定資産等の増加 合計: 5円 printed in a cell the form leaves blank"
			if fs := s.Verify(); c.name == "a figure" && fs[0].String() != notBlank {
				t.Errorf("the finding prints %q, want %q", fs[0], notBlank)
			}
			v, err := s.VerifyRounded()
			if err != nil {
				t.Fatal(err)
			}
			checkFindings(t, "VerifyRounded", v.Findings, c.findings)
			var b statement.Book
			if err := b.Add("nw", s); err != nil {
				t.Fatal(err)
			}
			if v, err = b.VerifyRounded(statement.VerifyOptions{}); err != nil {
				t.Fatal(err)
			}
			checkFindings(t, "Book.VerifyRounded", v.Findings, c.findings)

			// The same in 千円: the figures stand for intervals.
			k, err := tpl.ReadCSV(strings.NewReader(c.csv), statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand}})
			if err != nil {
				t.Fatal(err)
			}
			if v, err = k.VerifyRounded(); err != nil {
				t.Fatal(err)
			}
			checkFindings(t, "VerifyRounded in 千円", v.Findings, c.findings)
			var kb statement.Book
			if err := kb.Add("nw", k); err != nil {
				t.Fatal(err)
			}
			if v, err = kb.VerifyRounded(statement.VerifyOptions{}); err != nil {
				t.Fatal(err)
			}
			checkFindings(t, "Book.VerifyRounded in 千円", v.Findings, c.findings)

			// Read from other layouts, the statement is the same.
			g, err := statement.ReadGridCSV(strings.NewReader(c.csv), statement.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			gs, err := tpl.ReadGrid(g, statement.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			checkFindings(t, "Grid: Verify", gs.Verify(), c.findings)
			side, err := tpl.ReadCSVSideBySide(strings.NewReader(twice(c.csv)), statement.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range side.Statements {
				checkFindings(t, "side by side: Verify", st.Verify(), c.findings)
			}
		})
	}
}

// twice lays out each line of a keyed CSV file with its figures twice, as
// two statements side by side.
func twice(csv string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(csv, "\n"), "\n") {
		f := strings.Split(line, ",")
		b.WriteString(strings.Join(append(f, f[2:]...), ",") + "\n")
	}
	return b.String()
}

func checkFindings(t *testing.T, what string, fs []statement.Finding, want []string) {
	t.Helper()
	var got []string
	for _, f := range fs {
		got = append(got, f.Kind.String()+" "+f.Row+" "+f.Column)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n%s\nwant\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Compare takes blank, a dash and 0 alike in a cell the form leaves
// blank, and any other figure there as a difference.
func TestBlankCompare(t *testing.T) {
	tpl := mustCompile(t, internalForm())
	built := mustBuild(internalForm(), statement.Meta{}, internalFigures())
	for a, want := range map[string]int{"": 0, "-": 0, "0": 0, "7": 3} {
		s, err := tpl.ReadCSV(strings.NewReader(internalCSV(a, "△500")), statement.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if fs := statement.Compare(built, s); len(fs) != want {
			t.Errorf("合計 printed %q: %v, want %d findings", a, fs, want)
		}
	}
}

// Every writer prints a blank cell blank, not as 該当なし, and its
// reader reads it back.
func TestBlankWrite(t *testing.T) {
	s := mustBuild(internalForm(), statement.Meta{}, internalFigures())
	var text, csv, md bytes.Buffer
	if err := s.WriteText(&text, statement.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteCSV(&csv, statement.CSVOptions{NoBOM: true, LF: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	js, err := s.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, out, want string }{
		{"CSV", csv.String(), "6410,有形固定資産等の増加,,300,-300\n"},
		{"Markdown", md.String(), "| 　　有形固定資産等の増加 |  | 300 | △300 |\n"},
		{"JSON", string(js), `"values":["","300","-300"]`},
		{"CSV, 該当なし", csv.String(), "6100,純行政コスト（△）,-500,,-500\n"},
	} {
		if !strings.Contains(c.out, c.want) {
			t.Errorf("%s: no %q in\n%s", c.name, c.want, c.out)
		}
	}
	for _, line := range strings.Split(text.String(), "\n") {
		if strings.Contains(line, "有形固定資産等の増加") && !slices.Equal(strings.Fields(line), []string{"有形固定資産等の増加", "300", "△300"}) {
			t.Errorf("text: %q, want 合計 blank", line)
		}
	}
	tpl := s.Template()
	back, err := tpl.ReadText(&text, statement.ReadOptions{}, statement.TextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fromCSV, err := tpl.ReadCSV(&csv, statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := tpl.ReadJSON(bytes.NewReader(js), statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*statement.Statement{"text": back, "CSV": fromCSV, "JSON": fromJSON} {
		if fs := append(statement.Compare(r, s), r.Verify()...); len(fs) != 0 {
			t.Errorf("%s read back: %v", name, fs)
		}
	}
}

// Combine keeps the cells a part's form leaves blank blank, and so a
// computed column of them; SpreadBlank gives a table of one column's
// figures the blank cells of that column.
func TestBlankCombine(t *testing.T) {
	s := mustBuild(internalForm(), statement.Meta{}, internalFigures())
	c, err := statement.Combine(statement.Meta{}, []statement.Part{{Name: "本年度", Statement: s, Column: "合計"}, {Name: "前年度", Statement: s, Column: "合計"}},
		statement.Column{Name: "増減", Kind: statement.Computed, Formula: statement.Formula{{Key: "本年度"}, {Key: "前年度", Negative: true}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{"本年度", "前年度", "増減"} {
		if !c.Template().Blank("6410", col) || c.Template().Blank("6800", col) {
			t.Errorf("%s: not blank on 6410, or blank on 6800", col)
		}
	}
	if fs := c.Verify(); len(fs) != 0 {
		t.Errorf("Verify of the combined statement: %v", fs)
	}
	cols := []statement.Column{{Name: "甲", Kind: statement.Input}, {Name: "備考", Kind: statement.Text}}
	rows := statement.SpreadBlank(internalForm().Rows, "合計", cols)
	if !slices.Equal(rows[2].Blank, []string{"甲"}) || rows[0].Blank != nil {
		t.Errorf("SpreadBlank: %q and %q, want [甲] and none", rows[2].Blank, rows[0].Blank)
	}
	if rows = statement.SpreadBlank(internalForm().Rows, "固定資産等形成分", cols); rows[2].Blank != nil {
		t.Errorf("SpreadBlank of a column no row leaves blank: %q", rows[2].Blank)
	}
}

func mustCompile(t *testing.T, f *statement.Form) *statement.Template {
	t.Helper()
	tpl, err := statement.Compile(f)
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}
