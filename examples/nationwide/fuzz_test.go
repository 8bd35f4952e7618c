package main

import (
	"encoding/csv"
	"strings"
	"testing"
)

// FuzzSplitFields checks the reader of files per prefecture: where
// splitFields reads a line, its fields, quotes dropped, are what
// encoding/csv reads.
func FuzzSplitFields(f *testing.F) {
	for _, s := range []string{`職員給与費,"2,074,265",△1,-,0`, `a,"b",c`, `"a""b"`, `a"b`, `"a`, ``, `,`, `"",""`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\r\n") {
			return // lines come without their ends
		}
		fields, err := splitFields(nil, []byte(line))
		if err != nil {
			return
		}
		r := csv.NewReader(strings.NewReader(line))
		r.FieldsPerRecord = -1
		want, err := r.Read()
		if line == "" {
			want, err = []string{""}, nil // encoding/csv skips an empty line; the file has none
		}
		if err != nil {
			t.Fatalf("splitFields(%q) reads it; encoding/csv: %v", line, err)
		}
		if len(fields) != len(want) {
			t.Fatalf("splitFields(%q): %d fields, encoding/csv %q", line, len(fields), want)
		}
		for k, at := range fields {
			got := strings.TrimSuffix(strings.TrimPrefix(line[at[0]:at[1]], `"`), `"`)
			if got != want[k] {
				t.Fatalf("splitFields(%q) field %d = %q, encoding/csv %q", line, k+1, got, want[k])
			}
		}
	})
}

// FuzzBodies checks that any bodies.csv makes an error or a run, never a
// panic.
func FuzzBodies(f *testing.F) {
	k, _, files := nation(f, 3)
	f.Add(string(files["bodies.csv"].Data))
	f.Add("code,name,prefecture,kind,population\n010006,北海道,01,prefecture,-1\n")
	f.Add("code,prefecture,kind\n010006,01,municipality\n")
	f.Fuzz(func(t *testing.T, bodies string) {
		files["bodies.csv"].Data = []byte(bodies)
		Run(k, files, Outputs{})
	})
}
