package statement

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"golang.org/x/text/encoding/japanese"
)

// sideBySide lays out the single files, each a header line and the same
// labels, side by side: heads above the header, then each line's label and
// every file's fields after its label. The files have no key column.
func sideBySide(heads []string, files ...string) string {
	var lines [][]string
	for f, file := range files {
		for l, line := range strings.Split(strings.TrimSuffix(file, "\n"), "\n") {
			fields := strings.Split(line, ",")
			if f == 0 {
				lines = append(lines, fields[:1])
			}
			lines[l] = append(lines[l], fields[1:]...)
		}
	}
	var b strings.Builder
	for _, h := range heads {
		b.WriteString(h + "\n")
	}
	for _, l := range lines {
		b.WriteString(strings.Join(l, ",") + "\n")
	}
	return b.String()
}

// The statements side by side are the statements ReadCSV reads from each
// one's own file, whatever the encoding, separator and quoting, and the
// headings are the texts over their columns.
func TestReadCSVSideBySide(t *testing.T) {
	tpl := plainForm(t)
	one := "label,予算額,決算額,備考\n流動資産,,,\n現金及び預金,\"1,234\",△5,注1\n未収金,-,0,\n流動資産合計,\"1,234\",△5,\n未払金,1,2,\n"
	two := "label,予算額,決算額,備考\n流動資産,,,\n現金及び預金,7,-,\n未収金,8,9,注2\n流動資産合計,15,9,\n未払金,-,-,\n"
	heads := []string{"（単位：千円）", "団体コード,010006,010006,010006,011002,011002,011002", "団体名,北海道,,北海道,札幌市,札幌市,"}
	plain := sideBySide(heads, one, two)
	cp932, err := japanese.ShiftJIS.NewEncoder().String(plain)
	if err != nil {
		t.Fatal(err)
	}
	opt := ReadOptions{Meta: Meta{Unit: format.Thousand}}
	for _, c := range []struct {
		name string
		data string
		opt  ReadOptions
	}{
		{"plain", plain, opt},
		{"with a byte order mark and CRLF", "\uFEFF" + strings.ReplaceAll(plain, "\n", "\r\n"), opt},
		{"CP932", cp932, opt},
		{"tabs", strings.ReplaceAll(strings.ReplaceAll(plain, ",", "\t"), `"1	234"`, "1,234"), opt},
		{"a quote inside a field", strings.Replace(plain, "注1", `"注""1"""`, 1), opt},
		{"any stub", strings.Replace(plain, "label,", "区分,", 1), ReadOptions{Meta: opt.Meta, AnyStub: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := tpl.ReadCSVSideBySide(strings.NewReader(c.data), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			wantOne := one
			if c.name == "a quote inside a field" {
				wantOne = strings.Replace(one, "注1", `"注""1"""`, 1)
			}
			for n, file := range []string{wantOne, two} {
				want, err := tpl.ReadCSV(strings.NewReader(file), opt)
				if err != nil {
					t.Fatal(err)
				}
				if n >= len(got.Statements) || !reflect.DeepEqual(got.Statements[n], want) {
					t.Fatalf("statement %d of %d: got %+v, want %+v", n+1, len(got.Statements), got.Statements, want)
				}
			}
			wantHeads := []Heading{{2, "団体コード", []string{"010006", "011002"}}, {3, "団体名", []string{"北海道", "札幌市"}}}
			if !reflect.DeepEqual(got.Headings, wantHeads) {
				t.Errorf("headings %v, want %v", got.Headings, wantHeads)
			}
			if want := []string{"予算額", "決算額", "備考"}; !reflect.DeepEqual(got.Columns, want) {
				t.Errorf("columns %q, want %q", got.Columns, want)
			}
		})
	}
	// A key column, and a file without heading lines.
	keyed := "key,label,決算額,決算額,決算額\n1110,現金及び預金,1,2,3\n1120,未収金,4,5,6\n1100,流動資産合計,5,7,9\n2110,未払金,-,0,△1\n"
	got, err := tpl.ReadCSVSideBySide(strings.NewReader(keyed), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Statements) != 3 || len(got.Headings) != 0 || !reflect.DeepEqual(got.Columns, []string{"決算額"}) {
		t.Fatalf("%d statements of the columns %q, headings %v, want 3 of 決算額 and none", len(got.Statements), got.Columns, got.Headings)
	}
	for n, s := range got.Statements {
		c, _ := s.Cell("差引", "決算額")
		if want := []string{"5", "7", "10"}[n]; fmt.Sprint(c) != want {
			t.Errorf("statement %d: 差引 %v, want %s", n+1, c, want)
		}
	}
}

// A file that says what the form does not, or whose statements do not
// line up, is an error naming the line and the statement's column by its
// headings.
func TestReadCSVSideBySideErrors(t *testing.T) {
	tpl := plainForm(t)
	good := "（単位：千円）\n団体コード,010006,010006,011002,011002\nlabel,予算額,決算額,予算額,決算額\n" +
		"現金及び預金,1,2,3,4\n未収金,1,2,3,4\n流動資産合計,2,4,6,8\n未払金,1,2,3,4\n"
	opt := ReadOptions{Source: "p.csv", Meta: Meta{Unit: format.Thousand}}
	for _, c := range []struct {
		name, from, to string
		sentinel       error
		want           string // in the message
	}{
		{"no header", "label,", "区分,", ErrMissing, "line 1: missing: no header line"},
		{"unit", "千円", "百万円", ErrMismatch, "line 1: "},
		{"unknown column", "予算額,決算額\n", "予算額,差引額\n", ErrUnknown, `line 3: column "差引額"`},
		{"statements unlike", "label,予算額,決算額,予算額,決算額", "label,予算額,決算額,決算額,予算額", ErrMismatch, "statement 2 has the columns"},
		{"heading over two", "010006,011002,011002", "010007,011002,011002", ErrMismatch, `line 2: column "決算額": does not match the form: statement 1: "010007"`},
		{"heading fields", "団体コード,010006,", "団体コード,010006,,", ErrSyntax, "line 2: invalid syntax: 6 fields"},
		{"line fields", "未収金,1,2,3,4", "未収金,1,2,3", ErrSyntax, "line 5: invalid syntax: 4 fields"},
		{"label", "未収金,", "未払金,", ErrUnknown, "line 5"},
		{"figure", "未払金,1,2,3,4", "未払金,1,2,3,x", format.ErrSyntax, `line 7: row "2110": column "011002 決算額"`},
		{"missing row", "未払金,1,2,3,4\n", "", ErrMissing, "未払金"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(good, c.from) {
				t.Fatalf("no %q in the file", c.from)
			}
			data := strings.Replace(good, c.from, c.to, 1)
			_, err := tpl.ReadCSVSideBySide(strings.NewReader(data), opt)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, c.sentinel) || !strings.Contains(err.Error(), c.want) || e.Source != "p.csv" {
				t.Errorf("%v, want an *Error of p.csv wrapping %v with %q", err, c.sentinel, c.want)
			}
		})
	}
}

// readSideBySideGeneral reads data as ReadCSVSideBySide does, the general
// way.
func readSideBySideGeneral(tpl *Template, data []byte, opt ReadOptions) (SideBySide, error) {
	comma := opt.Comma
	if comma == 0 {
		comma = csvio.Sniff
	}
	recs, err := csvio.Records(data, comma)
	if err != nil {
		return SideBySide{}, err
	}
	return tpl.readSideBySide(opt, func() (csvio.Record, bool) {
		if len(recs) == 0 {
			return csvio.Record{}, false
		}
		rec := recs[0]
		recs = recs[1:]
		return rec, true
	})
}

// FuzzReadCSVSideBySide holds the reader of plain files to the general
// one on any data: where it reads the data, the general reader reads the
// same statements and headings. Neither panics.
func FuzzReadCSVSideBySide(f *testing.F) {
	f.Add([]byte("（単位：千円）\n団体コード,1,1,2,2\nlabel,予算額,決算額,予算額,決算額\n流動資産,,,,\n現金及び預金,\"1,234\",△5,1,2\n未収金,-,0,,\n流動資産合計,\"1,234\",△5,1,2\n未払金,1,2,3,4\n"), uint8(1), false)
	f.Add([]byte("key,label,決算額,決算額\n1110,現金及び預金,1,2\n1120,未収金,3,4\n1100,流動資産合計,4,6\n2110,未払金,-,-\n"), uint8(0), true)
	f.Add([]byte("区分,予算額,備考,予算額,備考\n現金及び預金,1,a,2,\"b\"\n"), uint8(2), true)
	f.Fuzz(func(t *testing.T, data []byte, unit uint8, anyStub bool) {
		tpl := plainForm(t)
		opt := ReadOptions{Meta: Meta{Unit: format.Unit(unit % 3)}, AnyStub: anyStub}
		plain, ok := tpl.readSideBySidePlain(string(data), opt)
		general, err := readSideBySideGeneral(tpl, data, opt)
		if !ok {
			return
		}
		if err != nil {
			t.Fatalf("%q: read in one pass, yet the general reader says %v", data, err)
		}
		if !reflect.DeepEqual(plain, general) {
			t.Fatalf("%q: in one pass %+v, the general reader %+v", data, plain, general)
		}
	})
}
