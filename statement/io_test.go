package statement_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"golang.org/x/text/encoding/japanese"
)

// Every J-LIS table survives CSV (both encodings) and JSON unchanged.
func TestRoundTripJLIS(t *testing.T) {
	tables, err := jlis.Build()
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		for _, opt := range []statement.CSVOptions{{}, {Encoding: statement.CP932}, {NoBOM: true, LF: true}} {
			var buf bytes.Buffer
			if err := tb.Built.WriteCSV(&buf, opt); err != nil {
				t.Fatalf("%s: WriteCSV(%+v): %v", tb.ID, opt, err)
			}
			back, err := statement.ReadCSV(&buf, tb.Form, tb.Built.Meta)
			if err != nil {
				t.Fatalf("%s: ReadCSV of WriteCSV(%+v): %v", tb.ID, opt, err)
			}
			if d := statement.Compare(back, tb.Built); len(d) != 0 {
				t.Errorf("%s: CSV %+v round trip: %v", tb.ID, opt, d)
			}
		}
		data, err := json.Marshal(tb.Built)
		if err != nil {
			t.Fatal(err)
		}
		back, err := statement.ReadJSON(bytes.NewReader(data), tb.Form, statement.Meta{Style: tb.Meta.Style})
		if err != nil {
			t.Fatalf("%s: ReadJSON: %v", tb.ID, err)
		}
		if d := statement.Compare(back, tb.Built); len(d) != 0 {
			t.Errorf("%s: JSON round trip: %v", tb.ID, d)
		}
		if back.Meta.Date != tb.Meta.Date || back.Meta.Unit != tb.Built.Meta.Unit || back.Meta.Entity != tb.Meta.Entity {
			t.Errorf("%s: JSON meta %+v", tb.ID, back.Meta)
		}
	}
}

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
	var ee *statement.EncodeError
	if !errors.As(err, &ee) || ee.Row != "1110" || ee.Column != "備考" || ee.Rune != '𠮷' {
		t.Errorf("WriteCSV with 𠮷 = %v, want an *EncodeError at 1110 備考", err)
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
		{"label on the wrong line", head + strings.Replace(good, "未収金", "前払金", 1), 4, "1120", "", statement.ErrLabelMismatch},
		{"unknown column", "key,label,金額\n", 1, "", "金額", statement.ErrUnknownColumn},
		{"row out of order", head + ",流動資産,,,,\n1120,未収金,1,2,1,\n", 3, "1120", "", statement.ErrUnknownRow},
		{"missing rows", head + ",流動資産,,,,\n1110,現金及び預金,1,2,1,\n", 0, "1120", "", statement.ErrMissingRow},
		{"figure on a header", head + strings.Replace(good, ",流動資産,,,,", ",流動資産,5,,,", 1), 2, "流動資産", "予算額", statement.ErrHeaderFigure},
		{"field count", head + strings.Replace(good, "2110,未払金,1,1,0,", "2110,未払金,1,1,0", 1), 6, "", "", statement.ErrFieldCount},
	}
	for _, tt := range tests {
		_, err := statement.ReadCSV(strings.NewReader(tt.in), smallForm(), statement.Meta{})
		var re *statement.ReadError
		if !errors.As(err, &re) || !errors.Is(err, tt.err) {
			t.Errorf("%s: ReadCSV error = %v, want a *ReadError wrapping %v", tt.name, err, tt.err)
			continue
		}
		if re.Line != tt.line || re.Row != tt.row || re.Column != tt.col {
			t.Errorf("%s: error at line %d row %q column %q, want %d %q %q (%v)", tt.name, re.Line, re.Row, re.Column, tt.line, tt.row, tt.col, err)
		}
	}
	if _, err := statement.ReadCSV(strings.NewReader(head+good), smallForm(), statement.Meta{}); err != nil {
		t.Errorf("ReadCSV of good input: %v", err)
	}
	for name, in := range map[string]string{
		"empty":          "",
		"no label":       "key,予算額\n",
		"unclosed quote": head + "\"1110,現金及び預金\n",
		"bad encoding":   head + "1110,\xff\xfe,1,2,1,\n",
	} {
		var re *statement.ReadError
		if _, err := statement.ReadCSV(strings.NewReader(in), smallForm(), statement.Meta{}); !errors.As(err, &re) {
			t.Errorf("%s: ReadCSV error = %v, want a *ReadError", name, err)
		}
	}
}

func TestMarshalJSON(t *testing.T) {
	s := mustBuild(smallForm(), statement.Meta{Entity: "地方公共団体情報システム機構", Date: "（令和２年３月３１日現在）"}, smallFigures())
	s.Form.Number = "様式第8号"
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
		"not JSON":      "{",
		"unknown field": strings.Replace(good, `"form"`, `"様式"`, 1),
		"unit":          strings.Replace(good, `"unit":"円"`, `"unit":"ドル"`, 1),
		"title":         strings.Replace(good, `"貸借対照表"`, `"損益計算書"`, 1),
		"columns":       strings.Replace(good, `"差額",`, ``, 1),
		"grouped value": strings.Replace(good, `"32200729071"`, `"32,200,729,071"`, 1),
		"exponent":      strings.Replace(good, `"32200729071"`, `"3.2e10"`, 1),
		"kind":          strings.Replace(good, `"kind":"item"`, `"kind":"total"`, 1),
		"values":        strings.Replace(good, `"28049275000",`, ``, 1),
		"header figure": strings.Replace(good, `"values":["","","",""]`, `"values":["1","","",""]`, 1),
		"wrong row":     strings.Replace(good, `"key":"1120","label":"未収金"`, `"key":"1130","label":"前払金"`, 1),
		"missing row":   strings.Replace(good, `,{"key":"2110"`, `]}{"key":"2110"`, 1),
	} {
		_, err := statement.ReadJSON(strings.NewReader(in), smallForm(), statement.Meta{})
		var re *statement.ReadError
		if !errors.As(err, &re) {
			t.Errorf("%s: ReadJSON error = %v, want a *ReadError", name, err)
		}
	}
}
