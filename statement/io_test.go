package statement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"golang.org/x/text/encoding/japanese"
)

func TestWriteCSV(t *testing.T) {
	s := mustBuild(smallForm(), statement.Meta{Unit: format.Thousand}, smallFigures())
	var buf bytes.Buffer
	if err := s.WriteCSV(&buf, statement.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFkey,label,予算額,決算額,差額,備考\r\n" +
		",流動資産,,,,\r\n" +
		"1110,現金及び預金,28049275,32200729.071,4151454.071,(注1、2)\r\n" +
		"1120,未収金,28841292,15268792.065,-13572499.935,\r\n" +
		"1100,流動資産合計,56890567,47469521.136,-9421045.864,\r\n" +
		"2110,未払金,44770610,31502477.862,-13268132.138,\r\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteCSV =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteCSVCP932(t *testing.T) {
	figs := smallFigures()
	figs[2].Text = "令和３年〜令和８年 −"
	s := mustBuild(smallForm(), statement.Meta{}, figs)
	var buf bytes.Buffer
	if err := s.WriteCSV(&buf, statement.CSVOptions{Encoding: statement.CP932}); err != nil {
		t.Fatal(err)
	}
	text, err := japanese.ShiftJIS.NewDecoder().Bytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "1110,現金及び預金,28049275000,32200729071,4151454071,令和３年～令和８年 －\r\n") {
		t.Errorf("CP932 CSV does not map 〜 and −:\n%s", text)
	}
	figs[2].Text = "𠮷野家"
	s = mustBuild(smallForm(), statement.Meta{}, figs)
	buf.Reset()
	err = s.WriteCSV(&buf, statement.CSVOptions{Encoding: statement.CP932})
	if p, ok := firstProblem(err); !ok || !errors.Is(err, statement.ErrEncoding) || p.Row != "1110" || p.Column != "備考" || !strings.Contains(err.Error(), "𠮷") {
		t.Errorf("WriteCSV with 𠮷 = %v, want an encoding problem at 1110 備考", err)
	}
	if buf.Len() != 0 {
		t.Errorf("WriteCSV wrote %d bytes before failing", buf.Len())
	}
}

func TestReadCSVErrors(t *testing.T) {
	head := "key,label,予算額,決算額,差額,備考\n"
	good := ",流動資産,,,,\n1110,現金及び預金,1,2,1,\n1120,未収金,1,2,1,\n1100,流動資産合計,2,4,2,\n2110,未払金,1,1,0,\n"
	tests := []struct {
		name string
		in   string
		line int
		row  string
		col  string
		err  error
	}{
		{"bad amount", head + strings.Replace(good, "1110,現金及び預金,1,2", "1110,現金及び預金,1,2x", 1), 3, "1110", "決算額", format.ErrSyntax},
		{"label on the wrong line", head + strings.Replace(good, "未収金", "前払金", 1), 4, "1120", "", statement.ErrMismatch},
		{"unknown column", "key,label,金額\n", 1, "", "金額", statement.ErrUnknown},
		{"column twice", "key,label,予算額,予算額\n", 1, "", "予算額", statement.ErrDuplicate},
		{"row out of order", head + ",流動資産,,,,\n1120,未収金,1,2,1,\n", 3, "未収金", "", statement.ErrUnknown},
		{"missing rows", head + ",流動資産,,,,\n1110,現金及び預金,1,2,1,\n", 0, "1120", "", statement.ErrMissing},
		{"figure on a header", head + strings.Replace(good, ",流動資産,,,,", ",流動資産,5,,,", 1), 2, "1 流動資産", "予算額", statement.ErrMismatch},
		{"field count", head + strings.Replace(good, "2110,未払金,1,1,0,", "2110,未払金,1,1,0", 1), 6, "", "", statement.ErrSyntax},
		{"unit line", "（単位：千円）\n" + head + good, 1, "", "", statement.ErrMismatch},
		{"unit in a column name", strings.Replace(head, "決算額", "決算額（千円）", 1) + good, 1, "", "決算額（千円）", statement.ErrMismatch},
		{"unknown unit", strings.Replace(head, "決算額", "決算額（ドル円）", 1) + good, 1, "", "決算額（ドル円）", statement.ErrSyntax},
		{"second label column", "key,label,科目,予算額\n", 1, "", "科目", statement.ErrDuplicate},
		{"heading of its own, without AnyStub", strings.Replace(head, "label", "科目名", 1) + good, 1, "", "科目名", statement.ErrUnknown},
	}
	for _, tt := range tests {
		_, err := statement.ReadCSV(strings.NewReader(tt.in), smallForm(), statement.ReadOptions{})
		p, ok := firstProblem(err)
		if !ok || !errors.Is(err, tt.err) {
			t.Errorf("%s: ReadCSV error = %v, want an *Error wrapping %v", tt.name, err, tt.err)
			continue
		}
		if p.Line != tt.line || p.Row != tt.row || p.Column != tt.col {
			t.Errorf("%s: error at line %d row %q column %q, want %d %q %q (%v)", tt.name, p.Line, p.Row, p.Column, tt.line, tt.row, tt.col, err)
		}
	}
	if _, err := statement.ReadCSV(strings.NewReader(head+good), smallForm(), statement.ReadOptions{}); err != nil {
		t.Errorf("ReadCSV of good input: %v", err)
	}
	for name, in := range map[string]string{
		"empty":          "",
		"no label":       "key,予算額\n",
		"unclosed quote": head + "\"1110,現金及び預金\n",
		"bad encoding":   head + "1110,\xff\xfe,1,2,1,\n",
	} {
		if _, err := statement.ReadCSV(strings.NewReader(in), smallForm(), statement.ReadOptions{}); !isError(err) {
			t.Errorf("%s: ReadCSV error = %v, want an *Error", name, err)
		}
	}
}

// A file as published, copied out of a spreadsheet: tab-separated, its
// labels headed by a heading of their own, read with AnyStub.
func TestReadCSVAsPublished(t *testing.T) {
	want := mustBuild(smallForm(), statement.Meta{}, smallFigures())
	body := "\t流動資産\t\t\t\t\n" +
		"\t現金及び預金\t28,049,275,000\t32,200,729,071\t4,151,454,071\t(注1、2)\n" +
		"\t未収金\t28,841,292,000\t15,268,792,065\t△13,572,499,935\t\n" +
		"\t流動資産合計\t56,890,567,000\t47,469,521,136\t△9,421,045,864\t\n" +
		"\t未払金\t44,770,610,000\t31,502,477,862\t△13,268,132,138\t\n"
	tests := []struct {
		name string
		in   string
	}{
		{"heading of its own", "（単位：円）\n科目名\t予算額\t決算額\t差額\t備考\n" + strings.ReplaceAll(body, "\n\t", "\n")[1:]},
		{"key column first", "key\t区分\t予算額\t決算額\t差額\t備考\n" + strings.NewReplacer("\t現金", "1110\t現金", "\t未収", "1120\t未収", "\t流動資産合計", "1100\t流動資産合計", "\t未払", "2110\t未払").Replace(body)},
		{"a unit in the label heading", "区分（単位：円）\t予算額\t決算額\t差額\t備考\n" + strings.ReplaceAll(body, "\n\t", "\n")[1:]},
	}
	for _, tt := range tests {
		s, err := statement.ReadCSV(strings.NewReader(tt.in), smallForm(), statement.ReadOptions{AnyStub: true})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if d := statement.Compare(s, want); len(d) != 0 {
			t.Errorf("%s: differs from the statement built: %v", tt.name, d)
		}
	}
	// The unit in the label heading is checked.
	if _, err := statement.ReadCSV(strings.NewReader(tests[2].in), smallForm(), statement.ReadOptions{AnyStub: true, Meta: statement.Meta{Unit: format.Thousand}}); !errors.Is(err, statement.ErrMismatch) {
		t.Errorf("a file in 円 read as 千円 with AnyStub: %v, want ErrMismatch", err)
	}
	// A first column that is one of the form's is not taken as the labels.
	if _, err := statement.ReadCSV(strings.NewReader("予算額\t決算額\n1\t2\n"), smallForm(), statement.ReadOptions{AnyStub: true}); !errors.Is(err, statement.ErrMissing) {
		t.Errorf("a file without labels read with AnyStub: %v, want ErrMissing", err)
	}
}

func TestMarshalJSON(t *testing.T) {
	f := smallForm()
	f.Number = "様式第8号"
	s := mustBuild(f, statement.Meta{Entity: "地方公共団体情報システム機構", Date: "（令和２年３月３１日現在）"}, smallFigures())
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"form":"様式第8号","title":"貸借対照表","entity":"地方公共団体情報システム機構","date":"（令和２年３月３１日現在）","unit":"円",` +
		`"columns":["予算額","決算額","差額","備考"],"rows":[` +
		`{"key":"","label":"流動資産","code":"","kind":"header","values":["","","",""]},` +
		`{"key":"1110","label":"現金及び預金","code":"1110","kind":"item","values":["28049275000","32200729071","4151454071","(注1、2)"]},` +
		`{"key":"1120","label":"未収金","code":"1120","kind":"item","values":["28841292000","15268792065","-13572499935",""]},` +
		`{"key":"1100","label":"流動資産合計","code":"1100","kind":"total","values":["56890567000","47469521136","-9421045864",""]},` +
		`{"key":"2110","label":"未払金","code":"2110","kind":"item","values":["44770610000","31502477862","-13268132138",""]}]}`
	if string(data) != want {
		t.Errorf("MarshalJSON =\n%s\nwant\n%s", data, want)
	}
}

func TestReadJSONErrors(t *testing.T) {
	s := mustBuild(smallForm(), statement.Meta{}, smallFigures())
	data, _ := json.Marshal(s)
	good := string(data)
	for name, in := range map[string]string{
		"not JSON":       "{",
		"unknown field":  strings.Replace(good, `"form"`, `"様式"`, 1),
		"unit":           strings.Replace(good, `"unit":"円"`, `"unit":"ドル"`, 1),
		"title":          strings.Replace(good, `"貸借対照表"`, `"損益計算書"`, 1),
		"columns":        strings.Replace(good, `"差額",`, ``, 1),
		"grouped value":  strings.Replace(good, `"32200729071"`, `"32,200,729,071"`, 1),
		"exponent":       strings.Replace(good, `"32200729071"`, `"3.2e10"`, 1),
		"kind":           strings.Replace(good, `"kind":"item"`, `"kind":"total"`, 1),
		"values":         strings.Replace(good, `"28049275000",`, ``, 1),
		"header figure":  strings.Replace(good, `"values":["","","",""]`, `"values":["1","","",""]`, 1),
		"wrong row":      strings.Replace(good, `"key":"1120","label":"未収金"`, `"key":"1130","label":"前払金"`, 1),
		"missing row":    strings.Replace(good, `,{"key":"2110"`, `]}{"key":"2110"`, 1),
		"trailing data":  good + "{}",
		"plus sign":      strings.Replace(good, `"32200729071"`, `"+32200729071"`, 1),
		"leading point":  strings.Replace(good, `"32200729071"`, `".5"`, 1),
		"trailing point": strings.Replace(good, `"32200729071"`, `"5."`, 1),
		"unicode minus":  strings.Replace(good, `"32200729071"`, `"−5"`, 1),
	} {
		_, err := statement.ReadJSON(strings.NewReader(in), smallForm(), statement.ReadOptions{})
		if !isError(err) {
			t.Errorf("%s: ReadJSON error = %v, want an *Error", name, err)
		}
	}
	if _, err := statement.ReadJSON(strings.NewReader("\uFEFF"+good), smallForm(), statement.ReadOptions{}); err != nil {
		t.Errorf("ReadJSON after a byte order mark: %v", err)
	}
}

// TestReadCSVWholeNumbers checks that figures read as plain whole numbers
// are what ParseCell and the unit make of them, near int64's limits too.
func TestReadCSVWholeNumbers(t *testing.T) {
	for _, unit := range []format.Unit{format.Yen, format.Thousand, format.Million} {
		for _, text := range []string{"0", "-0", "007", "1,234", "-1,234,567", "999999999999999999",
			"9,223,372,036,854,775", "-9,223,372,036,854,776", "9223372036854775", "9,223,372,036,854",
			"-9223372036854", "9223372036855", "1,23", "１,２３４", "△1,234"} {
			in := "key,label,予算額,決算額\n1110,現金及び預金,\"" + text + "\",1\n1120,未収金,,\n1100,流動資産合計,,\n2110,未払金,,\n"
			s, err := statement.ReadCSV(strings.NewReader(in), smallForm(), statement.ReadOptions{Meta: statement.Meta{Unit: unit}})
			c, perr := format.ParseCell(text)
			if perr != nil {
				if err == nil {
					t.Errorf("%v %q: read, where ParseCell fails: %v", unit, text, perr)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%v %q: %v", unit, text, err)
			}
			want := format.CellOf(unit.ToYen(c.Amount))
			got, _ := s.Cell("1110", "予算額")
			if !got.Equal(want) || got.Amount.String() != want.Amount.String() {
				t.Errorf("%v %q: read as %v, want %v", unit, text, got, want)
			}
		}
	}
}

// A figure in parentheses is negative only where the statement's style
// prints negatives so; on a memo row (うち…) it is the memo's figure; any
// other is an error naming the cell, never a guess.
func TestReadParentheses(t *testing.T) {
	form := &statement.Form{Title: "資金収支計算書", Columns: amount,
		Rows: []statement.Row{
			{Key: "9900", Kind: statement.Item, Label: "本年度末現金預金残高"},
			{Key: "9910", Kind: statement.Item, Label: "（うち歳計現金）", Indent: 1},
		}}
	tests := []struct {
		name      string
		csv       string
		style     statement.Style
		end, memo int64
		err       error
	}{
		{"a memo", "label,金額\n本年度末現金預金残高,\"1,234\"\n（うち歳計現金）,(567)\n", statement.Style{}, 1234, 567, nil},
		{"a memo, full width", "label,金額\n本年度末現金預金残高,\"1,234\"\n（うち歳計現金）,（５６７）\n", statement.Style{}, 1234, 567, nil},
		{"negatives in parentheses", "label,金額\n本年度末現金預金残高,\"(1,234)\"\n（うち歳計現金）,△567\n", statement.Style{Negative: format.Parens}, -1234, -567, nil},
		{"not told", "label,金額\n本年度末現金預金残高,\"(1,234)\"\n（うち歳計現金）,567\n", statement.Style{}, 0, 0, format.ErrParens},
	}
	for _, tt := range tests {
		s, err := statement.ReadCSV(strings.NewReader(tt.csv), form, statement.ReadOptions{Source: "cf.csv", Meta: statement.Meta{Style: tt.style}})
		if tt.err != nil {
			var e *statement.Error
			if !errors.Is(err, tt.err) || !errors.As(err, &e) || e.Problems[0].Row != "9900" || e.Problems[0].Column != "金額" || e.Problems[0].Line != 2 {
				t.Errorf("%s: %v, want %v at line 2, row 9900, column 金額", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		end, _ := s.Cell("9900", "金額")
		memo, _ := s.Cell("9910", "金額")
		if !end.Equal(yen(tt.end)) || !memo.Equal(yen(tt.memo)) {
			t.Errorf("%s: %v and %v, want %d and %d", tt.name, end, memo, tt.end, tt.memo)
		}
		// Printed and read back as text, in the same style.
		var b strings.Builder
		if err := s.WriteText(&b, statement.TextOptions{}); err != nil {
			t.Fatal(err)
		}
		back, err := statement.ReadText(strings.NewReader(b.String()), form, statement.ReadOptions{Meta: s.Meta()}, statement.TextOptions{})
		if err != nil {
			t.Errorf("%s: ReadText of\n%s: %v", tt.name, b.String(), err)
			continue
		}
		if got, _ := back.Cell("9900", "金額"); !got.Equal(end) {
			t.Errorf("%s: read back as %v, want %v", tt.name, got, end)
		}
	}
}

// A label printed after a number of its own (１．, (1), ①) is its row's,
// in the file's order, and a heading is its row's in other brackets or in
// none; a number does not make a label another row's, brackets do not
// make an item a heading, and 1年内償還予定地方債 keeps its 1.
func TestReadNumberedLabels(t *testing.T) {
	form := &statement.Form{Title: "貸借対照表", Columns: amount,
		Rows: []statement.Row{
			{Key: "H100", Kind: statement.Header, Label: "【資産の部】"},
			{Key: "1000", Kind: statement.Subtotal, Label: "固定資産"},
			{Key: "1100", Kind: statement.Item, Label: "有形固定資産", Indent: 1},
			{Key: "1200", Kind: statement.Item, Label: "投資その他の資産", Indent: 1},
			{Key: "2000", Kind: statement.Item, Label: "1年内償還予定地方債"},
		}}
	tests := []struct {
		name, csv string
		row       string // the row of the problem, if any
	}{
		{"numbered", "label,金額\n１．固定資産,30\n(1)有形固定資産,10\n（２）投資その他の資産,20\n1年内償還予定地方債,5\n", ""},
		{"circled and spaced", "label,金額\n1 固定資産,30\n①有形固定資産,10\n② 投資その他の資産,20\n1年内償還予定地方債,5\n", ""},
		{"as the form", "label,金額\n固定資産,30\n有形固定資産,10\n投資その他の資産,20\n1年内償還予定地方債,5\n", ""},
		{"a heading", "label,金額\n【資産の部】,\n固定資産,30\n有形固定資産,10\n投資その他の資産,20\n1年内償還予定地方債,5\n", ""},
		{"a heading in other brackets", "label,金額\n［資産の部］,\n固定資産,30\n有形固定資産,10\n投資その他の資産,20\n1年内償還予定地方債,5\n", ""},
		{"a heading without brackets", "label,金額\n資産の部,\n固定資産,30\n有形固定資産,10\n投資その他の資産,20\n1年内償還予定地方債,5\n", ""},
		{"a heading numbered", "label,金額\nⅠ　資産の部,\n１．固定資産,30\n有形固定資産,10\n投資その他の資産,20\n1年内償還予定地方債,5\n", ""},
		{"an item is no heading", "label,金額\n【固定資産】,30\n有形固定資産,10\n投資その他の資産,20\n1年内償還予定地方債,5\n", "【固定資産】"},
		{"out of order", "label,金額\n１．固定資産,30\n(1)投資その他の資産,20\n(2)有形固定資産,10\n1年内償還予定地方債,5\n", "(1)投資その他の資産"},
		{"a number is not a separator", "label,金額\n固定資産,30\n有形固定資産,10\n投資その他の資産,20\n年内償還予定地方債,5\n", "年内償還予定地方債"},
	}
	for _, tt := range tests {
		s, err := statement.ReadCSV(strings.NewReader(tt.csv), form, statement.ReadOptions{Source: "bs.csv"})
		if tt.row != "" {
			var e *statement.Error
			if !errors.Is(err, statement.ErrUnknown) || !errors.As(err, &e) || e.Problems[0].Row != tt.row {
				t.Errorf("%s: %v, want ErrUnknown at row %q", tt.name, err, tt.row)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		for key, want := range map[string]int64{"1000": 30, "1100": 10, "1200": 20, "2000": 5} {
			if v, _ := s.Cell(key, "金額"); !v.Equal(yen(want)) {
				t.Errorf("%s: row %s %v, want %d", tt.name, key, v, want)
			}
		}
		if fs := s.Verify(); len(fs) != 0 {
			t.Errorf("%s: %v", tt.name, fs)
		}
	}
}
