package unified_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// FuzzParseConfidence checks that every remark reads as the mark it opens
// with, or as an ErrSyntax error of bounded length, and never panics.
func FuzzParseConfidence(f *testing.F) {
	for _, fi := range unified.Forms() {
		for _, r := range fi.Form.Rows {
			f.Add(r.Remark)
		}
	}
	f.Add("")
	f.Add("[K")
	f.Add(" \t[K?]")
	f.Fuzz(func(t *testing.T, remark string) {
		c, err := unified.ParseConfidence(remark)
		trimmed := strings.TrimLeft(remark, " \t")
		if err != nil {
			if !errors.Is(err, unified.ErrSyntax) || c != 0 || len(err.Error()) > 400 {
				t.Fatalf("%q: %v, %v", remark, c, err)
			}
			for _, m := range []string{"[P]", "[V]", "[S]", "[K]", "[K?]"} {
				if strings.HasPrefix(trimmed, m) {
					t.Fatalf("%q opens with %s, yet %v", remark, m, err)
				}
			}
			return
		}
		if !strings.HasPrefix(trimmed, c.String()) {
			t.Fatalf("%q read as %v", remark, c)
		}
		if c == unified.Knowledge && strings.HasPrefix(trimmed, "[K?]") {
			t.Fatalf("%q read as [K]", remark)
		}
	})
}

// FuzzReadGrid reads any bytes as a published file, by ReadGridCSV and by
// ReadGridText, then by ReadGrid, which recognises the statements it
// holds. None panics, and each returns a *statement.Error or statements
// that verify without panicking.
func FuzzReadGrid(f *testing.F) {
	files, _ := filepath.Glob("testdata/published/*.csv")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("連結行政コスト計算書\n（単位：千円）\n科目,一般会計等,全体,連結\n経常費用,1,2,3\n"))
	f.Add([]byte("貸借対照表\n科目\t金額\t科目\t金額\n固定資産\t1\t固定負債\t2\n行政コスト計算書\n科目\t金額\n"))
	f.Add([]byte("連結貸借対照表\n（単位：円）\n科目      金額    科目  金額\n【資産の部】      【負債の部】\n固定資産     1    固定負債  2\n                  地方債    2\n"))
	text := func(r io.Reader, opt statement.ReadOptions) (statement.Grid, error) {
		return statement.ReadGridText(r, opt, statement.TextOptions{})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, read := range []func(io.Reader, statement.ReadOptions) (statement.Grid, error){statement.ReadGridCSV, text} {
			g, err := read(bytes.NewReader(data), statement.ReadOptions{Source: "fuzz"})
			if err != nil {
				if _, ok := err.(*statement.Error); !ok {
					t.Fatalf("reading the grid: error of type %T: %v", err, err)
				}
				continue
			}
			b, err := unified.ReadGrid(g, statement.ReadOptions{})
			if err != nil {
				if _, ok := err.(*statement.Error); !ok {
					t.Fatalf("ReadGrid: error of type %T: %v", err, err)
				}
				continue
			}
			for _, id := range b.IDs() {
				s, _ := b.Statement(id)
				s.Verify()
			}
		}
	})
}
