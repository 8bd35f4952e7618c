package csvio

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		err  error
	}{
		{"UTF-8", "科目,金額", "科目,金額", nil},
		{"UTF-8 with BOM", "\uFEFF科目,金額", "科目,金額", nil},
		{"CP932", "\x89\xc8\x96\xda,\x8b\xe0\x8a\x7a", "科目,金額", nil},
		{"CP932 with a byte that is no character", "\x89\xc8\x96\xda,\xff", "", ErrEncoding},
		{"BOM before CP932", "\uFEFF\x89\xc8\x96\xda", "", ErrEncoding},
	}
	for _, tt := range tests {
		got, err := Decode([]byte(tt.in))
		if string(got) != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("%s: Decode = %q, %v; want %q, %v", tt.name, got, err, tt.want, tt.err)
		}
	}
}

func TestReadAll(t *testing.T) {
	recs, err := ReadAll(strings.NewReader("\uFEFFa,b\r\n\"x\ny\",2\n3\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0].Fields[0] != "a" || recs[1].Line != 2 || recs[2].Line != 4 || len(recs[2].Fields) != 1 {
		t.Errorf("ReadAll = %+v", recs)
	}
	var pe *csv.ParseError
	if _, err := ReadAll(strings.NewReader("a,\"b\n"), 0); !errors.As(err, &pe) {
		t.Errorf("unterminated quote: error %v, want *csv.ParseError", err)
	}
}

func TestHeader(t *testing.T) {
	cols, err := Header(Record{Line: 1, Fields: []string{"key", "label"}}, "key")
	if err != nil || cols["label"] != 1 {
		t.Errorf("Header = %v, %v", cols, err)
	}
	if _, err := Header(Record{Line: 1, Fields: []string{"key"}}, "label"); err == nil {
		t.Error("missing column: no error")
	}
	if _, err := Header(Record{Line: 1, Fields: []string{"key", "key"}}); err == nil {
		t.Error("repeated column: no error")
	}
}
