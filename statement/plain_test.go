package statement

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
)

// plainForm has what readPlain meets: a header row, items, a total, a
// hidden total, an input, a computed and a text column.
func plainForm(t testing.TB) *Template {
	tpl, err := Compile(&Form{Title: "試算", Columns: []Column{
		{Name: "予算額", Kind: Input}, {Name: "決算額", Kind: Input},
		{Name: "差額", Kind: Computed, Formula: Formula{{Key: "決算額"}, {Key: "予算額", Negative: true}}},
		{Name: "備考", Kind: Text}},
		Rows: []Row{
			{Kind: Header, Label: "流動資産"},
			{Key: "1110", Kind: Item, Label: "現金及び預金"},
			{Key: "1120", Kind: Item, Label: "未収金"},
			{Key: "1100", Kind: Total, Label: "流動資産合計", Formula: Formula{{Key: "1110"}, {Key: "1120"}}},
			{Key: "2110", Kind: Item, Label: "未払金"},
			{Key: "net", Kind: Total, Label: "差引", Hidden: true, Formula: Formula{{Key: "1100"}, {Key: "2110", Negative: true}}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

// samePlain reads data with readPlain and the general reader, and fails
// unless they agree wherever readPlain reads it; it reports whether it
// did.
func samePlain(t *testing.T, tpl *Template, data string, opt ReadOptions) bool {
	t.Helper()
	plain, ok := tpl.readPlain(data, opt)
	general, err := tpl.readCSV([]byte(data), opt)
	if !ok {
		return false
	}
	if err != nil {
		t.Fatalf("%q: read in one pass, yet the general reader says %v", data, err)
	}
	if !reflect.DeepEqual(plain, general) {
		t.Fatalf("%q: in one pass %+v, the general reader %+v", data, plain, general)
	}
	return true
}

// readPlain reads the plain files as the general reader does, and leaves
// every other file to it.
func TestReadPlain(t *testing.T) {
	tpl := plainForm(t)
	thousand := ReadOptions{Meta: Meta{Unit: format.Thousand}}
	dash := ReadOptions{Meta: Meta{Unit: format.Thousand, Style: Style{Zero: format.ZeroDash}}}
	tests := []struct {
		data  string
		opt   ReadOptions
		plain bool
	}{
		{"key,label,予算額,決算額,差額,備考\n,流動資産,,,,\n1110,現金及び預金,\"1,234\",△5,,注1\n1120,未収金,-,0,,\n1100,流動資産合計,\"1,234\",△5,\"△1,239\",\n2110,未払金,1,2,1,\n", thousand, true},
		{"\uFEFF（単位：千円）\r\nkey,label,予算額,決算額\r\n1110,現金及び預金,1,2\r\n\r\n1120,未収金,-,-\r\n1100,流動資産合計,1,2\r\n2110,未払金,,\r\n", thousand, true},
		{"label,決算額,予算額\n現金及び預金,1,2\n未収金,3,4\n流動資産合計,4,6\n未払金,-,-", dash, true},
		{"科目,決算額\n現金及び預金,1\n未収金,3\n流動資産合計,4\n未払金,-\n", thousand, true},
		// A label trimmed to the form's, full-width digits that format
		// reads, a unit line to fold: in one pass too.
		{"label,決算額\n現金及び預金 ,1\n未収金,3\n流動資産合計,4\n未払金,-\n", thousand, true},
		{"label,決算額\n現金及び預金,１２\n未収金,3\n流動資産合計,4\n未払金,-\n", thousand, true},
		{"(単位:千円)\nlabel,決算額\n現金及び預金,1\n未収金,3\n流動資産合計,4\n未払金,-\n", thousand, true},
		// For the general reader: a label printed otherwise, a tab, a
		// quote inside a field, problems, bytes that are not UTF-8, a
		// comma that is not one.
		{"label,決算額\n現金及び預金※1,1\n未収金,3\n流動資産合計,4\n未払金,-\n", thousand, false},
		{"label\t決算額\n現金及び預金\t1\n未収金\t3\n流動資産合計\t4\n未払金\t-\n", thousand, false},
		{"label,決算額\n現金及び預金,\"1\"\"2\"\n未収金,3\n流動資産合計,4\n未払金,-\n", thousand, false},
		{"（単位：円）\nlabel,決算額\n現金及び預金,1\n未収金,3\n流動資産合計,4\n未払金,-\n", thousand, false},
		{"label,決算額\n現金及び預金,1\n流動資産合計,4\n未払金,-\n", thousand, false},
		{"label,決算額\n現金及び預金,1\n未収金,3\n流動資産合計,4\n未払金,-\n差引,5\n", thousand, false},
		{"label,決算額\n流動資産,1\n", thousand, false},
		{"label,決算額\n現金及び預金,\xff\n", thousand, false},
		{"label,決算額\n現金及び預金,1\n未収金,3\n流動資産合計,4\n未払金,-\n", ReadOptions{Comma: '\t'}, false},
	}
	for _, tt := range tests {
		if got := samePlain(t, tpl, tt.data, tt.opt); got != tt.plain {
			t.Errorf("%q: read in one pass %v, want %v", tt.data, got, tt.plain)
		}
	}
}

// FuzzReadPlain holds readPlain to the general reader on any data: where
// readPlain reads a statement, the general reader reads the same one.
func FuzzReadPlain(f *testing.F) {
	f.Add([]byte("（単位：千円）\nkey,label,予算額,決算額,差額,備考\n1110,現金及び預金,\"1,234\",△5,,注1\n1120,未収金,-,0,,\n1100,流動資産合計,\"1,234\",△5,\"△1,239\",\n2110,未払金,1,2,1,\n"), uint8(1), false)
	f.Add([]byte("\uFEFFlabel,決算額,予算額\n現金及び預金,1,2\n未収金,3,4\n流動資産合計,4,6\n未払金,-,-"), uint8(0), true)
	f.Fuzz(func(t *testing.T, data []byte, unit uint8, zeroDash bool) {
		opt := ReadOptions{Meta: Meta{Unit: format.Unit(unit % 3)}}
		if zeroDash {
			opt.Meta.Style.Zero = format.ZeroDash
		}
		samePlain(t, plainForm(t), string(data), opt)
		opt.AnyStub = true
		if strings.HasPrefix(string(data), "科") {
			samePlain(t, plainForm(t), string(data), opt)
		}
	})
}

// The header a template keeps from the last plain file is the header of
// that file read alike: a file of another header, or the same header read
// in another unit or with AnyStub, is read as it would be first.
func TestPlainHeaderKept(t *testing.T) {
	tpl := plainForm(t)
	rows := "現金及び預金,1\n未収金,3\n流動資産合計,4\n未払金,-\n"
	thousand := ReadOptions{Meta: Meta{Unit: format.Thousand}}
	for i, c := range []struct {
		data string
		opt  ReadOptions
		ok   bool
	}{
		{"label,決算額（千円）\n" + rows, thousand, true},
		{"label,決算額（千円）\n" + rows, thousand, true},
		{"label,決算額（千円）\n" + rows, ReadOptions{}, false}, // the column states 千円, the statement is in 円
		{"label,決算額（千円）\n" + rows, thousand, true},
		{"区分,決算額\n" + rows, thousand, false},
		{"区分,決算額\n" + rows, ReadOptions{Meta: thousand.Meta, AnyStub: true}, true},
		{"区分,決算額\n" + rows, thousand, false},
		{"label,予算額\n" + rows, thousand, true},
	} {
		s, err := tpl.ReadCSV(strings.NewReader(c.data), c.opt)
		if (err == nil) != c.ok {
			t.Fatalf("%d: %q: %v, want an error %v", i, c.data, err, !c.ok)
		}
		if err != nil {
			continue
		}
		col := "決算額"
		if strings.Contains(c.data, "予算額") {
			col = "予算額"
		}
		if cell, _ := s.Cell("1120", col); cell.Amount.IntPart() != 3000 {
			t.Errorf("%d: %q: 未収金 %s %v, want 3,000 yen", i, c.data, col, cell)
		}
	}
}

// ReadCSV reads each file into a buffer it reuses for the next: a
// statement read keeps nothing of it, so reading other files, here of
// the same length with other texts and figures, changes nothing of a
// statement read before.
func TestReadCSVBufferReused(t *testing.T) {
	tpl := plainForm(t)
	opt := ReadOptions{Meta: Meta{Unit: format.Thousand}}
	file := func(note string, n int) string {
		return fmt.Sprintf("key,label,予算額,決算額,差額,備考\n1110,現金及び預金,%d,1,,%s\n1120,未収金,-,0,,\n1100,流動資産合計,%d,1,,\n2110,未払金,1,2,1,\n", n, note, n)
	}
	first, err := tpl.ReadCSV(strings.NewReader(file("注1", 5)), opt)
	if err != nil {
		t.Fatal(err)
	}
	want, err := tpl.readCSV([]byte(file("注1", 5)), opt) // a copy of its own
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := tpl.ReadCSV(strings.NewReader(file(fmt.Sprintf("注%d", 7+i), 7+i)), opt); err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(first, want) {
		t.Errorf("read after others: %+v, want %+v", first, want)
	}
	if note, _ := first.Text("1110", "備考"); note != "注1" {
		t.Errorf("備考 %q, want 注1", note)
	}
}
