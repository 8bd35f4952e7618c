package csvio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/koukaikei/koukaikei/internal/errs"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		line int // of the *Error, when err is not nil
		err  error
	}{
		{"UTF-8", "科目,金額", "科目,金額", 0, nil},
		{"UTF-8 with BOM", "\uFEFF科目,金額", "科目,金額", 0, nil},
		{"CP932", "\x89\xc8\x96\xda,\x8b\xe0\x8a\x7a", "科目,金額", 0, nil},
		{"CP932 with a byte that is no character", "\x89\xc8\x96\xda\n,\xff", "", 2, errs.ErrEncoding},
		{"BOM before CP932", "\uFEFF\x89\xc8\x96\xda", "", 1, errs.ErrEncoding},
		// 現金 in UTF-8 followed by a stray byte is also CP932 (迴ｾ驥続).
		{"UTF-8 with a stray byte", "code,name\n1000,現金\xb1\n", "", 2, errs.ErrEncoding},
		{"UTF-8 with a stray byte after many lines", "a\n現金\n預金\n未収金\xff\n", "", 4, errs.ErrEncoding},
	}
	for _, tt := range tests {
		got, err := Decode([]byte(tt.in))
		if string(got) != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("%s: Decode = %q, %v; want %q, %v", tt.name, got, err, tt.want, tt.err)
		}
		var e *Error
		if tt.err != nil && (!errors.As(err, &e) || e.Line != tt.line) {
			t.Errorf("%s: Decode error %v, want an *Error at line %d", tt.name, err, tt.line)
		}
	}
}

func TestReadAll(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		comma rune
	}{
		{"comma", "\uFEFFa,b\r\n\"x\ny\",2\n3\n", 0},
		{"tab", "\uFEFFa\tb\r\n\"x\ny\"\t2\n3\n", '\t'},
		{"sniffed comma", "\uFEFFa,b\r\n\"x\ny\",2\n3\n", Sniff},
		{"sniffed tab", "a\tb\r\n\"x\ny\"\t2\n3\n", Sniff},
		{"sniffed tab before a comma", "a\tb,c\r\n\"x\ny\"\t2\n3\n", Sniff},
	}
	for _, tt := range tests {
		recs, err := ReadAll(strings.NewReader(tt.in), tt.comma)
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 3 || recs[0].Fields[0] != "a" || recs[1].Fields[0] != "x\ny" || recs[1].Line != 2 || recs[2].Line != 4 || len(recs[2].Fields) != 1 {
			t.Errorf("%s: ReadAll = %+v", tt.name, recs)
		}
	}
	var pe *csv.ParseError
	var e *Error
	if _, err := ReadAll(strings.NewReader("a\nb,\"c\n"), 0); !errors.As(err, &pe) || !errors.As(err, &e) || e.Line != 2 {
		t.Errorf("unterminated quote: error %v, want an *Error at line 2 wrapping a *csv.ParseError", err)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want rune
	}{
		{"", ','},
		{"貸借対照表\n（単位：円）\n", ','},
		{"貸借対照表\n科目\t金額\n現金,預金\t1\n", '\t'},
		{"貸借対照表\r\n科目,金額\r\n現金\t1\r\n", ','},
		{"科目\t\"金額,千円\"", '\t'},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("sniff(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeader(t *testing.T) {
	cols, problems := Header(Record{Line: 1, Fields: []string{"key", "label"}}, []string{"key"}, []string{"label", "note"})
	if len(problems) != 0 || cols["label"] != 1 {
		t.Errorf("Header = %v, %v", cols, problems)
	}
	tests := []struct {
		name    string
		fields  []string
		columns []string // of each problem, in order
		err     []error
	}{
		{"missing", []string{"label"}, []string{"key"}, []error{errs.ErrMissing}},
		{"repeated", []string{"key", "key"}, []string{"key"}, []error{errs.ErrDuplicate}},
		{"unknown", []string{"key", "indnet"}, []string{"indnet"}, []error{errs.ErrUnknown}},
		{"every problem", []string{"label", "label", "x"}, []string{"label", "x", "key"}, []error{errs.ErrDuplicate, errs.ErrUnknown, errs.ErrMissing}},
	}
	for _, tt := range tests {
		_, problems := Header(Record{Line: 3, Fields: tt.fields}, []string{"key"}, []string{"label"})
		if len(problems) != len(tt.err) {
			t.Errorf("%s: Header problems %v, want %d", tt.name, problems, len(tt.err))
			continue
		}
		for i, p := range problems {
			if !errors.Is(p, tt.err[i]) || p.Column != tt.columns[i] || p.Line != 3 {
				t.Errorf("%s: Header problem %d: %v, want %v at column %q", tt.name, i, p, tt.err[i], tt.columns[i])
			}
		}
	}
}

func TestPlace(t *testing.T) {
	_, encErr := ReadAll(strings.NewReader("a\n現金\xb1,あいう\n"), 0)
	_, syntaxErr := ReadAll(strings.NewReader("a\n\"b\n"), 0)
	other := errors.New("disk")
	tests := []struct {
		in   error
		line int
		want error
	}{
		{encErr, 2, errs.ErrEncoding},
		{syntaxErr, 2, errs.ErrSyntax},
		{other, 0, other},
	}
	for _, tt := range tests {
		line, column, cause := Place(tt.in)
		if line != tt.line || column != "" || !errors.Is(cause, tt.want) {
			t.Errorf("Place(%v) = %d, %q, %v; want %d, \"\", %v", tt.in, line, column, cause, tt.line, tt.want)
		}
	}
}

// ReadText reads what Read reads, from readers that know their length and
// readers that do not, and passes on a reader's error.
func TestReadText(t *testing.T) {
	text := strings.Repeat("科目,\"2,074,265\"\n", 1000)
	broken := errors.New("broken")
	for _, tt := range []struct {
		name string
		r    io.Reader
		want string
		err  error
	}{
		{"a reader of known length", bytes.NewReader([]byte(text)), text, nil},
		{"one byte at a time", iotest.OneByteReader(strings.NewReader(text)), text, nil},
		{"empty", strings.NewReader(""), "", nil},
		{"an error", iotest.ErrReader(broken), "", broken},
	} {
		got, err := ReadText(tt.r)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("%s: ReadText = %d bytes, %v; want %d bytes, %v", tt.name, len(got), err, len(tt.want), tt.err)
		}
	}
}
