package xlsx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/koukaikei/koukaikei/statement/xlsx"
)

// Read never panics, whatever the bytes: it returns sheets or an *Error,
// and what it returns, the statement readers take without panicking.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xlsx")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		grids, err := xlsx.Read(bytes.NewReader(data), "fuzz.xlsx")
		if err != nil {
			if _, ok := err.(*xlsx.Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, g := range grids {
			if g.Source != "fuzz.xlsx" || g.Name == "" {
				t.Fatalf("grid %q of %q", g.Name, g.Source)
			}
			unified.ReadGrid(g, statement.ReadOptions{})
		}
	})
}
