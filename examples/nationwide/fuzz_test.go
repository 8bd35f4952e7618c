package main

import (
	"testing"

	"github.com/koukaikei/koukaikei/format"
)

// FuzzPrefectureFile checks the reader of files per prefecture: any file
// makes an error or a statement for each of the prefecture's bodies,
// never a panic.
func FuzzPrefectureFile(f *testing.F) {
	k, nat, files := nationIn(f, 3, ByPrefecture, format.Thousand)
	w := &Work{Kit: k}
	if err := w.readNation(files); err != nil {
		f.Fatal(err)
	}
	p := nat.Bodies[0].Prefecture
	ids := w.members()[p-1]
	form := k.form("nw-general")
	name := prefectureFile(p, "nw-general")
	f.Add(files[name].Data)
	f.Add([]byte("（単位：千円）\n団体コード,010006\n団体名,北海道\n科目,合計\n前年度末純資産残高,\"1,234\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ss, err := w.readPrefectureData(name, data, form, ids)
		if err == nil && len(ss) != len(ids) {
			t.Fatalf("%d statements of %d bodies", len(ss), len(ids))
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
