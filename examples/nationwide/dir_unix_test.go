//go:build unix

package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// A dirFS reads files of any size as os.ReadFile does, with the directory
// held open or not, and reports a missing file and a bad name as os.DirFS
// does.
func TestDirFS(t *testing.T) {
	dir := t.TempDir()
	sizes := []int{0, 1, 8<<10 - 1, 8 << 10, 8<<10 + 1, 100_000}
	line := []byte("科目,1\n")
	var names []string
	for _, n := range sizes {
		name := filepath.Join("sub", "f"+string(rune('a'+len(names))))
		if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), bytes.Repeat(line, n/len(line)+1)[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.ToSlash(name))
	}
	held := openDir(dir).(dirFS)
	defer held.Close()
	for _, d := range []dirFS{held, osDir(dir, -1)} {
		if err := fstest.TestFS(d, names...); err != nil {
			t.Errorf("held open %v: %v", d.fd >= 0, err)
		}
		for _, name := range names {
			want, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			for _, buf := range [][]byte{nil, make([]byte, 3)} {
				got, err := d.readInto(name, buf)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("held open %v: readInto(%s) = %d bytes, %v; want %d bytes", d.fd >= 0, name, len(got), err, len(want))
				}
			}
		}
		if _, err := d.ReadFile("sub/none"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("held open %v: a missing file: %v", d.fd >= 0, err)
		}
		if _, err := d.ReadFile("../x"); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("held open %v: a name outside: %v", d.fd >= 0, err)
		}
	}
}
