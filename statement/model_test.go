package statement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// Every method works on the zero Statement and the zero Template.
func TestZeroValues(t *testing.T) {
	var s statement.Statement
	var buf bytes.Buffer
	if err := s.WriteText(&buf, statement.TextOptions{}); err != nil || buf.String() != "（単位：円）\n科目\n" {
		t.Errorf("WriteText of the zero Statement = %q, %v", buf.String(), err)
	}
	for name, write := range map[string]func() error{
		"WriteCSV":      func() error { return s.WriteCSV(&buf, statement.CSVOptions{}) },
		"WriteMarkdown": func() error { return s.WriteMarkdown(&buf) },
		"MarshalJSON":   func() error { _, err := json.Marshal(&s); return err },
	} {
		if err := write(); err != nil {
			t.Errorf("%s of the zero Statement: %v", name, err)
		}
	}
	if _, ok := s.Cell("a", "b"); ok {
		t.Error("the zero Statement has a cell")
	}
	if v := s.Verify(); len(v) != 0 || len(s.Figures()) != 0 || len(s.Form().Rows) != 0 {
		t.Errorf("zero Statement: Verify %v, Figures %v", v, s.Figures())
	}
	if d := statement.Compare(&s, s.Scale(statement.Scaling{Unit: format.Thousand})); len(d) != 0 {
		t.Errorf("Compare of zero Statements = %v", d)
	}
	var tm statement.Template
	if st, err := tm.Build(statement.Meta{}, nil); err != nil || len(st.Figures()) != 0 {
		t.Errorf("Build on the zero Template = %v, %v", st, err)
	}
	var b statement.Book
	if r := b.Verify(statement.VerifyOptions{Links: []statement.Link{{Left: []statement.Ref{{Row: "a"}}}}}); r.OK() {
		t.Error("a link to a statement the zero Book lacks holds")
	}
}

// A statement keeps its own copy of the form: changing the form after
// Build, or the copy Form returns, changes nothing.
func TestStatementOwnsItsForm(t *testing.T) {
	f := smallForm()
	s := mustBuild(f, statement.Meta{Notes: []string{"注"}}, smallFigures())
	f.Rows = f.Rows[:1]
	f.Columns[0].Name = "x"
	got := s.Form()
	got.Rows[1].Label = "changed"
	got.Rows = nil
	s.Meta().Notes[0] = "changed"
	var buf bytes.Buffer
	if err := s.WriteText(&buf, statement.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "現金及び預金") || !strings.Contains(out, "予算額") || !strings.Contains(out, "注") || strings.Contains(out, "changed") {
		t.Errorf("WriteText after the form changed:\n%s", out)
	}
}

// A subtotal sums its children by the outline, whether it prints above
// them or below them; 該当なし stays 該当なし in rows and computed columns.
func TestSubtotalAndNoFigure(t *testing.T) {
	rows, err := statement.ReadRowsCSV(strings.NewReader(`key,kind,label,indent
fixed,subtotal,固定資産,0
tangible,subtotal,有形固定資産,1
land,item,土地,2
infra,item,インフラ資産,2
intangible,item,無形固定資産,1
,header,流動資産,0
cash,item,現金預金,1
other,item,その他,1
current,subtotal,流動資産合計,0
assets,total,資産合計,0
`), "bs.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows[len(rows)-1].Formula = statement.Formula{{Key: "fixed"}, {Key: "current"}}
	f := &statement.Form{Title: "貸借対照表", Rows: rows, Columns: []statement.Column{
		{Name: "前年度", Kind: statement.Input}, {Name: "本年度", Kind: statement.Input},
		{Name: "増減", Kind: statement.Computed, Formula: statement.Formula{{Key: "本年度"}, {Key: "前年度", Negative: true}}}}}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	none := format.Cell{}
	s := mustBuild(f, statement.Meta{}, []statement.Figure{
		{Row: "land", Column: "前年度", Value: yen(100)}, {Row: "land", Column: "本年度", Value: yen(120)},
		{Row: "infra", Column: "前年度", Value: none}, {Row: "infra", Column: "本年度", Value: none},
		{Row: "intangible", Column: "前年度", Value: yen(5)}, {Row: "intangible", Column: "本年度", Value: yen(-1)},
		{Row: "cash", Column: "前年度", Value: yen(30)}, {Row: "cash", Column: "本年度", Value: yen(40)},
		{Row: "other", Column: "前年度", Value: none}, {Row: "other", Column: "本年度", Value: none},
	})
	tests := []struct {
		row, col string
		want     format.Cell
	}{
		{"tangible", "本年度", yen(120)},
		{"fixed", "本年度", yen(119)},
		{"current", "前年度", yen(30)},
		{"assets", "本年度", yen(159)},
		{"assets", "増減", yen(24)},
		{"infra", "増減", none},
		{"other", "増減", none},
	}
	for _, tt := range tests {
		if got, _ := s.Cell(tt.row, tt.col); !got.Equal(tt.want) {
			t.Errorf("%s %s = %v, want %v", tt.row, tt.col, got, tt.want)
		}
	}
	if got := f.Rows[0].Formula; got != nil {
		t.Errorf("Build wrote the subtotal's formula into the form: %v", got)
	}
	tm, _ := statement.Compile(f)
	if got := tm.Formula("fixed").String(); got != "tangible+intangible" {
		t.Errorf("Formula(fixed) = %q", got)
	}
	if got := tm.Formula("current").String(); got != "cash+other" {
		t.Errorf("Formula(current) = %q", got)
	}
}

// A published file without keys is matched by label, in order, with
// widths folded and note marks dropped; its stated unit is checked, and a
// figure with a unit suffix is converted once.
func TestReadCSVPublished(t *testing.T) {
	f := &statement.Form{Title: "行政コスト計算書", Columns: amount, Rows: []statement.Row{
		{Kind: statement.Header, Label: "経常費用"},
		{Key: "a", Kind: statement.Item, Label: "その他", Indent: 1},
		{Key: "b", Kind: statement.Item, Label: "維持補修費(注1)", Indent: 1},
		{Key: "c", Kind: statement.Item, Label: "その他", Indent: 1},
		{Key: "t", Kind: statement.Subtotal, Label: "経常費用合計"},
		{Key: "h", Kind: statement.Total, Label: "内部", Hidden: true, Formula: statement.Formula{{Key: "t"}, {Key: "a", Negative: true}}},
	}}
	in := "（単位：千円）\nlabel,金額（千円）\n\u3000その他,5\n維持補修費（注1）※１,5千円\nその他,-\n経常費用合計,10\n"
	s, err := statement.ReadCSV(strings.NewReader(in), f, statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand}})
	if err != nil {
		t.Fatal(err)
	}
	for row, want := range map[string]format.Cell{"a": yen(5000), "b": yen(5000), "c": {}, "t": yen(10000), "h": yen(5000)} {
		if got, _ := s.Cell(row, "金額"); !got.Equal(want) {
			t.Errorf("%s = %v, want %v", row, got, want)
		}
	}
	if v := s.Verify(); len(v) != 0 {
		t.Errorf("Verify = %v", v)
	}
	// The same file read as yen is refused, not read as 1/1000 of itself.
	if _, err := statement.ReadCSV(strings.NewReader(in), f, statement.ReadOptions{Source: "pl.csv"}); !errors.Is(err, statement.ErrMismatch) || !strings.Contains(err.Error(), "pl.csv: line 1") {
		t.Errorf("a 千円 file read as 円: %v", err)
	}
	// The 5円 of a 千円 statement is 5 円.
	s, err = statement.ReadCSV(strings.NewReader("label,金額\nその他,5円\n維持補修費,0\nその他,0\n経常費用合計,0.005\n"), f,
		statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Cell("a", "金額"); !got.Equal(yen(5)) {
		t.Errorf("5円 in a 千円 statement = %v", got)
	}
}

// What WriteCSV cannot carry is refused, and what Markdown would read as
// markup or HTML is escaped.
func TestWriteEscapes(t *testing.T) {
	figs := smallFigures()
	figs[2].Text = "a\rb"
	s := mustBuild(smallForm(), statement.Meta{}, figs)
	var buf bytes.Buffer
	if err := s.WriteCSV(&buf, statement.CSVOptions{}); !errors.Is(err, statement.ErrEncoding) || buf.Len() != 0 {
		t.Errorf("WriteCSV of a text with CR = %v, wrote %d bytes", err, buf.Len())
	}
	figs[2].Text = "<script>x</script>\r\n|"
	s = mustBuild(smallForm(), statement.Meta{}, figs)
	if err := s.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); strings.Contains(out, "<script>") || strings.Contains(out, "\r") || !strings.Contains(out, `&lt;script&gt;x&lt;/script&gt; \|`) {
		t.Errorf("WriteMarkdown does not escape:\n%s", out)
	}
}

// A subtracted cell without a figure counts as zero, and two sides without
// figures are equal.
func TestLinkNoFigure(t *testing.T) {
	f := &statement.Form{Columns: amount, Rows: []statement.Row{
		{Key: "a", Kind: statement.Item}, {Key: "b", Kind: statement.Item}, {Key: "n", Kind: statement.Item}}}
	s := mustBuild(f, statement.Meta{}, []statement.Figure{
		{Row: "a", Column: "金額", Value: yen(5)}, {Row: "b", Column: "金額", Value: yen(5)}, {Row: "n", Column: "金額"}})
	var b statement.Book
	if err := b.Add("s", s); err != nil {
		t.Fatal(err)
	}
	links, err := statement.ReadLinksCSV(strings.NewReader("name,left,right\na − n = b,s:a:金額+-s:n:金額,s:b:金額\nn = −n,s:n:金額,-s:n:金額\n"), "links.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range b.Verify(statement.VerifyOptions{Links: links}).Findings {
		t.Error(f)
	}
}

// Messages quote a bounded part of a huge input.
func TestBoundedMessages(t *testing.T) {
	big := strings.Repeat("あ", 1<<20)
	_, err := statement.ParseFormula(big + "+")
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("ParseFormula of 3 MB: message of %d bytes", len(err.Error()))
	}
}

func TestCombineErrors(t *testing.T) {
	s := mustBuild(smallForm(), statement.Meta{}, smallFigures())
	other := smallForm()
	other.Rows[2].Label = "前払金"
	o := mustBuild(other, statement.Meta{}, smallFigures())
	// The same keys and labels, another row: a part built on it would
	// make identities that neither part has.
	variant := func(change func(f *statement.Form)) *statement.Statement {
		f := smallForm()
		change(f)
		return mustBuild(f, statement.Meta{}, smallFigures())
	}
	minus := variant(func(f *statement.Form) { f.Rows[3].Formula[1].Negative = true })
	indented := variant(func(f *statement.Form) { f.Rows[4].Indent = 2 })
	shown := variant(func(f *statement.Form) { f.Rows[5].Hidden = false })
	// A subtotal in the place of a total: another kind of row (which,
	// followed by a deeper row, sums the rows after it).
	subtotal := variant(func(f *statement.Form) { f.Rows[3].Kind, f.Rows[3].Formula = statement.Subtotal, nil })
	tests := []struct {
		name  string
		parts []statement.Part
		err   error
		msg   string
	}{
		{"none", nil, statement.ErrMissing, "no parts"},
		{"another formula", []statement.Part{{Name: "前年度", Statement: s}, {Name: "本年度", Statement: minus}}, statement.ErrMismatch,
			`column "part 2 (本年度)": does not match the form: differs from the first part's row in its formula: here "1100" (流動資産合計), a total of indent 0 summing 1110-1120; there "1100" (流動資産合計), a total of indent 0 summing 1110+1120`},
		{"another indent", []statement.Part{{Name: "a", Statement: s}, {Name: "b", Statement: indented}}, statement.ErrMismatch, `row "2110": column "part 2 (b)": does not match the form: differs from the first part's row in its indent`},
		{"another kind", []statement.Part{{Name: "a", Statement: s}, {Name: "b", Statement: subtotal}}, statement.ErrMismatch,
			`row "1100": column "part 2 (b)": does not match the form: differs from the first part's row in its kind: here "1100" (流動資産合計), a subtotal of indent 0 summing 2110; there "1100" (流動資産合計), a total of indent 0 summing 1110+1120`},
		{"not hidden", []statement.Part{{Name: "a", Statement: s}, {Name: "b", Statement: shown}}, statement.ErrMismatch, `in its hidden flag: here "net" (差引), a total of indent 0 summing 1100-2110; there "net" (差引), a total of indent 0 summing 1100-2110, hidden`},
		{"nil statement", []statement.Part{{Name: "前年度"}}, statement.ErrMissing, "no statement"},
		{"other rows", []statement.Part{{Name: "a", Statement: s}, {Name: "b", Statement: o}}, statement.ErrMismatch, `row "1120"`},
		{"text column", []statement.Part{{Name: "a", Statement: s, Column: "備考"}}, statement.ErrUnknown, "備考"},
		{"name twice", []statement.Part{{Name: "a", Statement: s}, {Name: "a", Statement: s}}, statement.ErrDuplicate, `"a"`},
	}
	for _, tt := range tests {
		_, err := statement.Combine(statement.Meta{}, tt.parts)
		if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: Combine = %v, want %v saying %q", tt.name, err, tt.err, tt.msg)
		}
	}
	// A part's totals are taken as published, not recomputed.
	pub, err := statement.ReadCSV(strings.NewReader("key,label,予算額,決算額,差額\n,流動資産,,,\n1110,現金及び預金,1,1,0\n1120,未収金,1,1,0\n1100,流動資産合計,3,2,0\n2110,未払金,1,1,0\n"),
		smallForm(), statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := statement.Combine(statement.Meta{}, []statement.Part{{Name: "x", Statement: pub}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Cell("1100", "x"); !got.Equal(yen(3)) {
		t.Errorf("combined 1100 = %v, want the published 3", got)
	}
}

// A statement knows its date as era values and prints its date line from
// them; the JSON carries ISO dates beside the line, and reads them back.
func TestDates(t *testing.T) {
	r0331 := era.Date{Era: era.Reiwa, Year: 2, Month: 3, Day: 31}
	fy2020 := era.FiscalYear(2020).Period()
	tests := []struct {
		meta statement.Meta
		line string
		iso  string
	}{
		{statement.Meta{AsOf: r0331}, "（令和２年３月３１日現在）", `"asOf":"2020-03-31"`},
		{statement.Meta{Period: era.FiscalYear(2019).Period()}, "（平成３１年４月１日から令和２年３月３１日まで）", `"period":{"start":"2019-04-01","end":"2020-03-31"}`},
		{statement.Meta{Period: fy2020, Date: era.Caption{HalfWidth: true, Bare: true, Connective: era.JiItaru}.FormatPeriod(fy2020)}, "自 令和2年4月1日 至 令和3年3月31日", `"period":{"start":"2020-04-01","end":"2021-03-31"}`},
		{statement.Meta{Period: fy2020, Date: era.Caption{HalfWidth: true, Bare: true, Connective: era.JiItaru, TwoLines: true}.FormatPeriod(fy2020)}, "自 令和2年4月1日\n至 令和3年3月31日", `"start":"2020-04-01"`},
		{statement.Meta{AsOf: r0331, Date: "令和２年３月末日"}, "令和２年３月末日", `"asOf":"2020-03-31"`},
	}
	for _, tt := range tests {
		if got := tt.meta.DateLine(); got != tt.line {
			t.Errorf("DateLine() = %q, want %q", got, tt.line)
		}
		s := mustBuild(smallForm(), tt.meta, smallFigures())
		data, err := json.Marshal(s)
		if err != nil || !strings.Contains(string(data), tt.iso) || !strings.Contains(string(data), fmt.Sprintf("%q", tt.line)[1:]) {
			t.Errorf("MarshalJSON of %q = %s, %v; want %s", tt.line, data, err, tt.iso)
			continue
		}
		back, err := statement.ReadJSON(bytes.NewReader(data), smallForm(), statement.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if m := back.Meta(); m.AsOf != tt.meta.AsOf || m.Period != tt.meta.Period || m.Date != tt.meta.Date || m.DateLine() != tt.line {
			t.Errorf("read back: AsOf %v, Period %v, Date %q, line %q", m.AsOf, m.Period, m.Date, m.DateLine())
		}
		if tt.meta.Date == "令和２年３月末日" {
			continue // era reads no 末日: only the JSON's ISO date gives it
		}
		// The line alone gives the dates back, and keeps the line only
		// where the dates do not print as it by default.
		m, err := statement.Meta{}.WithDateLine(tt.line)
		if err != nil || m.AsOf != tt.meta.AsOf || m.Period != tt.meta.Period || m.Date != tt.meta.Date {
			t.Errorf("WithDateLine(%q) = %+v, %v", tt.line, m, err)
		}
	}
	if _, err := (statement.Meta{}).WithDateLine("単位：円"); !errors.Is(err, statement.ErrSyntax) {
		t.Errorf("WithDateLine of a line without a date: %v", err)
	}
}

// What WriteText prints, ReadText reads back: figures, texts, dates,
// entity and notes, with hidden rows computed.
func TestReadText(t *testing.T) {
	figs := smallFigures()
	figs = append(figs, statement.Figure{Row: "1120", Column: "備考", Text: "注 あり"})
	meta := statement.Meta{Entity: "地方公共団体情報システム機構", AsOf: era.FiscalYear(2019).Last(), Unit: format.Thousand,
		Notes: []string{"（注1）現金及び預金には…", "（注2）"}, Style: statement.Style{SignSpace: true}}
	s := mustBuild(smallForm(), meta, figs)
	for _, opt := range []statement.TextOptions{{}, {Display: format.Display{AmbiguousWide: true}}} {
		var buf bytes.Buffer
		if err := s.WriteText(&buf, opt); err != nil {
			t.Fatal(err)
		}
		back, err := statement.ReadText(bytes.NewReader(buf.Bytes()), smallForm(), statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand}}, opt)
		if err != nil {
			t.Fatalf("ReadText of\n%s: %v", buf.String(), err)
		}
		// 千円 figures are read as printed: compare with the statement scaled.
		want := s.Scale(statement.Scaling{Unit: format.Thousand})
		if d := statement.Compare(back, want); len(d) != 0 {
			t.Errorf("text round trip: %v\n%s", d, buf.String())
		}
		m := back.Meta()
		if m.AsOf != meta.AsOf || m.Entity != meta.Entity || strings.Join(m.Notes, "|") != strings.Join(meta.Notes, "|") {
			t.Errorf("meta read back: %+v", m)
		}
	}
	var buf bytes.Buffer
	s.WriteText(&buf, statement.TextOptions{})
	if _, err := statement.ReadText(&buf, smallForm(), statement.ReadOptions{}, statement.TextOptions{}); !errors.Is(err, statement.ErrMismatch) {
		t.Errorf("a 千円 text read as 円: %v", err)
	}
	vertical := smallForm()
	vertical.Vertical = true
	if _, err := statement.ReadText(strings.NewReader(""), vertical, statement.ReadOptions{}, statement.TextOptions{}); !errors.Is(err, statement.ErrMismatch) {
		t.Errorf("ReadText of a vertical form: %v", err)
	}
}
