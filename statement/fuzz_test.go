package statement_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// FuzzReadCSV checks that ReadCSV never panics, and that what it accepts
// writes and reads back unchanged.
func FuzzReadCSV(f *testing.F) {
	var good bytes.Buffer
	if err := mustBuild(smallForm(), statement.Meta{}, smallFigures()).WriteCSV(&good, statement.CSVOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes(), false)
	f.Add([]byte("key,label,決算額,予算額\n,流動資産,,\n1110,現金及び預金,\"△ 1,234\",-\n"), false)
	f.Add([]byte("科目名\t決算額\t予算額\n流動資産\t\t\n現金及び預金\t1\t2\n"), true)
	f.Fuzz(func(t *testing.T, in []byte, anyStub bool) {
		s, err := statement.ReadCSV(bytes.NewReader(in), smallForm(), statement.ReadOptions{AnyStub: anyStub})
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := s.WriteCSV(&out, statement.CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		back, err := statement.ReadCSV(&out, smallForm(), statement.ReadOptions{})
		if err != nil {
			t.Fatalf("ReadCSV of its own output: %v\n%s", err, out.String())
		}
		if d := statement.Compare(back, s); len(d) != 0 {
			t.Fatalf("round trip: %v", d)
		}
	})
}

// FuzzReadJSON checks that ReadJSON never panics, and that what it accepts
// marshals and reads back unchanged.
func FuzzReadJSON(f *testing.F) {
	data, err := json.Marshal(mustBuild(smallForm(), statement.Meta{}, smallFigures()))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add(strings.Replace(string(data), `"円"`, `"百万円"`, 1))
	f.Fuzz(func(t *testing.T, in string) {
		s, err := statement.ReadJSON(strings.NewReader(in), smallForm(), statement.ReadOptions{})
		if err != nil {
			return
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		back, err := statement.ReadJSON(bytes.NewReader(out), smallForm(), statement.ReadOptions{})
		if err != nil {
			t.Fatalf("ReadJSON of its own output: %v\n%s", err, out)
		}
		if d := statement.Compare(back, s); len(d) != 0 {
			t.Fatalf("round trip: %v", d)
		}
	})
}

// FuzzReadRowsCSV checks that ReadRowsCSV never panics and that the forms
// it reads either validate or say why not, without panicking either.
func FuzzReadRowsCSV(f *testing.F) {
	f.Add(smallFormCSV)
	f.Add("key,kind,label,formula\na,total,x,b-c\nb,item,y,\nc,total,z,a\n")
	f.Add("key,kind,label,formula,blank\na,total,x,b+c,金額\nb,item,y,,金額\nc,item,z,,\n")
	f.Add("key,kind,label,blank\nb,item,y,金額|金額\nc,item,z,|\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := statement.ReadRowsCSV(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		form := &statement.Form{Columns: amount, Rows: rows}
		if form.Validate() != nil {
			return
		}
		tpl, err := statement.Compile(form)
		if err != nil {
			t.Fatalf("Compile of a valid form: %v", err)
		}
		var figs []statement.Figure
		for _, r := range rows {
			if r.Kind == statement.Item && !slices.Contains(r.Blank, "金額") {
				figs = append(figs, statement.Figure{Row: r.Key, Column: "金額", Value: yen(1)})
			}
		}
		s, err := tpl.Build(statement.Meta{}, figs)
		if err != nil {
			t.Fatalf("Build of a valid form: %v", err)
		}
		if v := s.Verify(); len(v) != 0 {
			t.Fatalf("built statement breaks its identities: %v", v)
		}
		for _, r := range rows {
			if c, _ := s.Cell(r.Key, "金額"); r.Key != "" && tpl.Blank(r.Key, "金額") && c.Valid {
				t.Fatalf("%s: %v in a cell the form leaves blank", r.Key, c)
			}
		}
	})
}

// FuzzParseFormula checks that an accepted formula prints as text that
// reads back to it.
func FuzzParseFormula(f *testing.F) {
	for _, s := range []string{"1110+1120", "P_OP + 4200 - 5200", "-a+b", "a++b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fm, err := statement.ParseFormula(s)
		if err != nil {
			return
		}
		back, err := statement.ParseFormula(fm.String())
		if err != nil || back.String() != fm.String() {
			t.Fatalf("ParseFormula(%q) = %q, which reads back as %q, %v", s, fm, back, err)
		}
	})
}

// FuzzParseColumns checks that accepted columns print as a spec that
// reads back to them.
func FuzzParseColumns(f *testing.F) {
	for _, s := range []string{"予算額|決算額|差額=決算額-予算額|備考:text", "金額", "a||b", "=a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cols, err := statement.ParseColumns(s)
		if err != nil {
			return
		}
		spec := statement.FormatColumns(cols)
		back, err := statement.ParseColumns(spec)
		if err != nil || statement.FormatColumns(back) != spec {
			t.Fatalf("ParseColumns(%q) prints as %q, which reads back as %v, %v", s, spec, back, err)
		}
	})
}

// FuzzRoundTrip checks that any statement WriteCSV and MarshalJSON accept
// reads back equal, hidden rows included, and still verifies: labels and
// texts of any runes, any amounts, in any unit.
func FuzzRoundTrip(f *testing.F) {
	f.Add("現金及び預金|未収金| その他 ", "a\rb", int64(32200729071), int64(-5), uint8(1))
	f.Add("label|key|※１", " 備考 ", int64(0), int64(999), uint8(2))
	f.Fuzz(func(t *testing.T, labels, text string, a, b int64, unit uint8) {
		rows := []statement.Row{{Kind: statement.Header, Label: "区分"}}
		for i, l := range strings.Split(labels, "|") {
			rows = append(rows, statement.Row{Key: fmt.Sprint("r", i), Kind: statement.Item, Label: l, Indent: 1})
		}
		rows = append(rows,
			statement.Row{Key: "sub", Kind: statement.Subtotal, Label: "合計"},
			statement.Row{Key: "net", Kind: statement.Total, Label: "差引", Hidden: true, Formula: statement.Formula{{Key: "sub"}, {Key: "r0", Negative: true}}})
		// The subtotal sums the rows above it; it prints after them.
		rows[len(rows)-2].Indent = 0
		form := &statement.Form{Title: "表", Rows: rows, Columns: []statement.Column{
			{Name: "前年度", Kind: statement.Input}, {Name: "本年度", Kind: statement.Input},
			{Name: "増減", Kind: statement.Computed, Formula: statement.Formula{{Key: "本年度"}, {Key: "前年度", Negative: true}}},
			{Name: "備考", Kind: statement.Text}}}
		var figs []statement.Figure
		for i, r := range rows {
			if r.Kind != statement.Item {
				continue
			}
			v := yen(a + int64(i)*b)
			if i%3 == 2 {
				v = format.Cell{}
			}
			figs = append(figs, statement.Figure{Row: r.Key, Column: "前年度", Value: v},
				statement.Figure{Row: r.Key, Column: "本年度", Value: yen(b - int64(i))},
				statement.Figure{Row: r.Key, Column: "備考", Text: text})
		}
		meta := statement.Meta{Unit: format.Unit(unit % 3)}
		s, err := statement.Build(form, meta, figs)
		if err != nil {
			t.Fatalf("Build: %v", err)
		}
		var out bytes.Buffer
		if err := s.WriteCSV(&out, statement.CSVOptions{}); err != nil {
			if !errors.Is(err, statement.ErrEncoding) || !strings.ContainsRune(text+labels, '\r') && utf8.ValidString(text) && utf8.ValidString(labels) {
				t.Fatalf("WriteCSV: %v", err)
			}
		} else {
			back, err := statement.ReadCSV(&out, form, statement.ReadOptions{Meta: meta})
			if err != nil {
				t.Fatalf("ReadCSV of WriteCSV: %v\n%s", err, out.String())
			}
			if d := statement.Compare(back, s); len(d) != 0 {
				t.Fatalf("CSV round trip: %v", d)
			}
			if v := back.Verify(); len(v) != 0 {
				t.Fatalf("read back from CSV, the statement breaks its identities: %v", v)
			}
		}
		// The text layout: texts are trimmed and one line each there.
		if !strings.ContainsAny(text+labels, "\r\n") && strings.TrimSpace(text) == text && utf8.ValidString(text+labels) && !strings.Contains(labels, "  ") {
			var buf bytes.Buffer
			if err := s.WriteText(&buf, statement.TextOptions{}); err != nil {
				t.Fatal(err)
			}
			back, err := statement.ReadText(&buf, form, statement.ReadOptions{Meta: meta}, statement.TextOptions{})
			if err != nil {
				t.Fatalf("ReadText of WriteText: %v\n%s", err, buf.String())
			}
			if d := statement.Compare(back, s.Scale(statement.Scaling{Unit: meta.Unit})); len(d) != 0 {
				t.Fatalf("text round trip: %v\n%s", d, buf.String())
			}
		}
		data, err := json.Marshal(s)
		if !utf8.ValidString(labels) || !utf8.ValidString(text) {
			if !errors.Is(err, statement.ErrEncoding) {
				t.Fatalf("MarshalJSON of text that is not UTF-8: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		back, err := statement.ReadJSON(bytes.NewReader(data), form, statement.ReadOptions{})
		if err != nil {
			t.Fatalf("ReadJSON of MarshalJSON: %v\n%s", err, data)
		}
		if d := statement.Compare(back, s); len(d) != 0 {
			t.Fatalf("JSON round trip: %v", d)
		}
		if v := back.Verify(); len(v) != 0 {
			t.Fatalf("read back from JSON, the statement breaks its identities: %v", v)
		}
	})
}

// FuzzReadLinksCSV checks that ReadLinksCSV never panics, and that every
// link it accepts writes back, with String, as the terms it was read from.
func FuzzReadLinksCSV(f *testing.F) {
	f.Add([]byte("name,left,right,note\na,bs-general:1900:金額,bs-general:3990:金額,within BS\n"))
	f.Add([]byte("name,left,right\nb,nw:6100:合計,-pl:4900:金額+-prev:bs:1:x\n"))
	f.Add([]byte("name,left,right\nc,bs::金額,:1:x\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		links, err := statement.ReadLinksCSV(bytes.NewReader(in), "fuzz.csv")
		if err != nil {
			if !isError(err) {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Write([]string{"name", "left", "right"})
		for i, l := range links {
			w.Write([]string{strconv.Itoa(i), sideOf(l.Left), sideOf(l.Right)})
		}
		w.Flush()
		back, err := statement.ReadLinksCSV(&b, "back.csv")
		if err != nil || len(back) != len(links) {
			t.Fatalf("ReadLinksCSV of what it read: %v", err)
		}
		for i := range links {
			if back[i].String() != links[i].String() {
				t.Fatalf("link %d reads back as %s, not %s", i, back[i], links[i])
			}
		}
	})
}

func sideOf(refs []statement.Ref) string {
	terms := make([]string, len(refs))
	for i, r := range refs {
		terms[i] = r.String()
	}
	return strings.Join(terms, "+")
}

// FuzzReadPinsCSV checks that ReadPinsCSV never panics, and that every pin
// it accepts has a reason and names a cell.
func FuzzReadPinsCSV(f *testing.F) {
	f.Add([]byte("statement,row,column,printed,reason\nfa,1222,差引当期末残高,\"156,817,712\",amortisation\n"))
	f.Add([]byte("statement,row,column,printed,reason,link\nc,s,純資産合計,-,none,a link\nc,s,純資産合計,△ 5,x,\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		pins, err := statement.ReadPinsCSV(bytes.NewReader(in), "fuzz.csv")
		if err != nil {
			if !isError(err) {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		for _, p := range pins {
			if p.Statement == "" || p.Row == "" || p.Column == "" || p.Reason == "" {
				t.Fatalf("pin %+v lacks a field", p)
			}
		}
	})
}

// FuzzReadText checks that ReadText never panics, and that what it accepts
// prints and reads back unchanged.
func FuzzReadText(f *testing.F) {
	var good bytes.Buffer
	if err := mustBuild(smallForm(), statement.Meta{Entity: "機構"}, smallFigures()).WriteText(&good, statement.TextOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Add(good.String())
	f.Add("（単位：円）\n科目  予算額  決算額  差額  備考\n流動資産\n現金及び預金  1  2  1  x\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := statement.ReadText(strings.NewReader(in), smallForm(), statement.ReadOptions{}, statement.TextOptions{})
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := s.WriteText(&out, statement.TextOptions{}); err != nil {
			t.Fatal(err)
		}
		back, err := statement.ReadText(&out, smallForm(), statement.ReadOptions{}, statement.TextOptions{})
		if err != nil {
			t.Fatalf("ReadText of its own output: %v\n%s", err, out.String())
		}
		if d := statement.Compare(back, s); len(d) != 0 {
			t.Fatalf("round trip: %v\n%s", d, out.String())
		}
	})
}

// ReadGrid (of a form printed vertically too), ReadGridColumns and
// SplitGrid never panic, whatever the cells:
// a grid is made of the lines of the input, its cells separated by |.
func FuzzReadGrid(f *testing.F) {
	f.Add("貸借対照表\n（単位：千円）\n科目|金額|科目|金額\n固定資産|4|地方債|7\n")
	f.Add("科目|||金額\n|土地||5\n※ 注記\n")
	f.Add("科目|一般会計等|全体\n土地|-|1\n")
	f.Add("区分|金額\n出資金|\n当期首残高|1\n当期変動額|0\n積立金|\n当期首残高|2\n当期変動額|\n積立|3\n※ 注記\n")
	tmpl, err := statement.Compile(&statement.Form{Title: "貸借対照表", Split: "2", Columns: amount, Rows: []statement.Row{
		{Key: "1", Kind: statement.Item, Label: "固定資産"},
		{Key: "2", Kind: statement.Item, Label: "地方債"},
		{Key: "t", Kind: statement.Total, Label: "合計", Formula: statement.Formula{{Key: "1"}, {Key: "2"}}},
	}})
	if err != nil {
		f.Fatal(err)
	}
	vert, err := statement.Compile(&statement.Form{Title: "純資産変動計算書", Vertical: true,
		Columns: []statement.Column{{Name: "出資金", Kind: statement.Input}, {Name: "積立金", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "b", Kind: statement.Item, Label: "当期首残高"},
			{Key: "h", Kind: statement.Header, Label: "当期変動額"},
			{Key: "u", Kind: statement.Item, Label: "積立", Indent: 1},
			{Key: "e", Kind: statement.Total, Label: "当期末残高", Formula: statement.Formula{{Key: "b"}, {Key: "u"}}},
		}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var g statement.Grid
		for _, l := range strings.Split(in, "\n") {
			g.Rows = append(g.Rows, strings.Split(l, "|"))
		}
		for _, part := range statement.SplitGrid(g, []string{"貸借対照表"}) {
			if s, err := tmpl.ReadGrid(part, statement.ReadOptions{StatedUnit: true}); err == nil {
				s.Verify()
			}
		}
		statement.ReadGridColumns(g, []statement.GridColumn{{Name: "一般会計等", Template: tmpl}, {Name: "全体", Template: tmpl}}, statement.ReadOptions{})
		if s, err := vert.ReadGrid(g, statement.ReadOptions{StatedUnit: true}); err == nil {
			s.Verify()
		}
	})
}
