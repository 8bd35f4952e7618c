package statement

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestNameRows checks the names findings give rows whose labels repeat,
// worked by hand: 人件費 is told apart by its parent, 委託料 by two, the
// その他 under 物件費 by two and the その他 directly under 【歳出】 by
// none, since both have the same whole path.
func TestNameRows(t *testing.T) {
	rows := []Row{
		{Label: "【歳出】"},
		{Label: "区分0", Indent: 1},
		{Label: "人件費", Indent: 2},
		{Label: "物件費", Indent: 2},
		{Label: "委託料", Indent: 3},
		{Label: "その他", Indent: 3},
		{Label: "その他", Indent: 2},
		{Label: "その他", Indent: 1},
		{Label: "区分1", Indent: 1},
		{Label: "人件費", Indent: 2},
		{Label: "物件費", Indent: 2},
		{Label: "委託料", Indent: 3},
		{Label: "その他", Indent: 3},
		{Label: "その他", Indent: 2},
		{Label: "その他", Indent: 1},
		{Label: "歳出合計"},
	}
	want := []string{
		"【歳出】",
		"区分0",
		"区分0 / 人件費",
		"区分0 / 物件費",
		"区分0 / 物件費 / 委託料",
		"区分0 / 物件費 / その他",
		"区分0 / その他",
		"【歳出】 / その他",
		"区分1",
		"区分1 / 人件費",
		"区分1 / 物件費",
		"区分1 / 物件費 / 委託料",
		"区分1 / 物件費 / その他",
		"区分1 / その他",
		"【歳出】 / その他",
		"歳出合計",
	}
	parents, _ := outline(rows)
	if got := nameRows(rows, parents); !slices.Equal(got, want) {
		t.Errorf("nameRows:\n got %q\nwant %q", got, want)
	}
}

// TestOutline checks parents and ends on an outline worked by hand, with
// a row that goes back more than one level and indents out of range (a
// form that does not compile still names its rows in the errors).
func TestOutline(t *testing.T) {
	indents := []int{0, 1, 2, 2, 1, 3, 0, -1, 1}
	rows := make([]Row, len(indents))
	for i, n := range indents {
		rows[i].Indent = n
	}
	parents, ends := outline(rows)
	if want := []int{-1, 0, 1, 1, 0, 4, -1, -1, 7}; !slices.Equal(parents, want) {
		t.Errorf("parents = %v, want %v", parents, want)
	}
	if want := []int{6, 4, 3, 4, 6, 6, 7, 9, 9}; !slices.Equal(ends, want) {
		t.Errorf("ends = %v, want %v", ends, want)
	}
}

// TestLabelsScan holds the names of rows, their paths and the rows a label
// path names to those found by scanning the rows before each, on random
// forms.
func TestLabelsScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 400 {
		b := make([]byte, rng.IntN(120))
		for k := range b {
			b[k] = byte(rng.Uint32())
		}
		checkLabelsScan(t, b)
	}
}

// FuzzLabelsScan is TestLabelsScan on forms made of the fuzzer's bytes.
func FuzzLabelsScan(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 1, 1, 2, 1, 8, 2, 3, 1, 9, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		checkLabelsScan(t, b)
	})
}

// scanLabels are the labels of the random forms: some that repeat, some
// equal once normalised, one empty and some holding a slash or what names
// join parents with.
var scanLabels = []string{"その他", "土地", "区分", "その他※１", "Ａ", "A", "", "土地/建物", "区分 / その他", "建物"}

// checkLabelsScan makes a form of b, two bytes a row (its kind, key and
// indent; its label), and compares what label.go gives with the scans.
func checkLabelsScan(t *testing.T, b []byte) {
	t.Helper()
	var f Form
	for k := 0; k+1 < len(b) && len(f.Rows) < 60; k += 2 {
		r := Row{Kind: Item, Key: string(rune('a' + len(f.Rows))), Indent: int(b[k]%8) - 1, Label: scanLabels[int(b[k+1])%len(scanLabels)]}
		if b[k]/8%4 == 0 {
			r.Kind, r.Key = Header, ""
		}
		f.Rows = append(f.Rows, r)
	}
	var ps problems
	tm := compile(&f, &ps)
	if got, want := tm.labels, nameRowsScan(f.Rows); !slices.Equal(got, want) {
		t.Fatalf("nameRows of %v:\n got %q\nwant %q", f.Rows, got, want)
	}
	var refs []string
	for i := range f.Rows {
		if got, want := tm.path(i), pathScan(f.Rows, i); got != want {
			t.Fatalf("path(%d) of %v = %q, want %q", i, f.Rows, got, want)
		}
	}
	for _, a := range scanLabels {
		refs = append(refs, a)
		for _, b := range scanLabels {
			refs = append(refs, a+"/"+b)
			for _, c := range scanLabels[:4] {
				refs = append(refs, a+"/"+b+"／"+c)
			}
		}
	}
	for _, ref := range refs {
		want := labelledScan(tm, ref)
		if got := tm.labelled(ref, len(f.Rows)); !slices.Equal(got, want) {
			t.Fatalf("labelled(%q) of %v = %v, want %v", ref, f.Rows, got, want)
		}
		if got := tm.labelled(ref, 2); !slices.Equal(got, want[:min(2, len(want))]) {
			t.Fatalf("labelled(%q, 2) of %v = %v, want %v", ref, f.Rows, got, want)
		}
	}
}

// parentScan returns the parent of row i, scanning the rows before it.
func parentScan(rows []Row, i int) int {
	for k := i - 1; k >= 0; k-- {
		if rows[k].Indent < rows[i].Indent {
			return k
		}
	}
	return -1
}

// pathScan is Template.path by parentScan.
func pathScan(rows []Row, i int) string {
	labels := []string{rows[i].Label}
	for p := parentScan(rows, i); p >= 0; p = parentScan(rows, p) {
		labels = append([]string{rows[p].Label}, labels...)
	}
	return strings.Join(labels, "/")
}

// nameRowsScan is nameRows by the definition: every row of a label that
// others have takes one more parent at a time, by parentScan, while its
// name is another's.
func nameRowsScan(rows []Row) []string {
	labels := make([]string, len(rows))
	groups := map[string][]int{}
	for i, r := range rows {
		labels[i] = r.Label
		groups[r.Label] = append(groups[r.Label], i)
	}
	for _, g := range groups {
		for depth := 1; len(g) > 1 && depth <= MaxIndent; depth++ {
			seen := map[string]int{}
			for _, i := range g {
				l, p := rows[i].Label, parentScan(rows, i)
				for d := 0; d < depth && p >= 0; d, p = d+1, parentScan(rows, p) {
					l = rows[p].Label + " / " + l
				}
				labels[i] = l
				seen[l]++
			}
			var still []int
			for _, i := range g {
				if seen[labels[i]] > 1 {
					still = append(still, i)
				}
			}
			g = still
		}
	}
	return labels
}

// labelledScan is Template.labelled by the definition: every row with a
// key whose label is ref, or else whose label is the last of the path and
// whose parents, by parentScan, hold the others in order.
func labelledScan(t *Template, ref string) []int {
	rows := t.form.Rows
	var out []int
	whole := normalLabel(ref)
	for i, r := range rows {
		if whole != "" && r.Key != "" && t.normals[i] == whole {
			out = append(out, i)
		}
	}
	segs := strings.FieldsFunc(ref, isSlash)
	if whole == "" || len(out) > 0 || len(segs) < 2 {
		return out
	}
	for k := range segs {
		segs[k] = normalLabel(segs[k])
	}
	for i, r := range rows {
		if r.Key == "" || t.normals[i] != segs[len(segs)-1] {
			continue
		}
		k := len(segs) - 2
		for p := parentScan(rows, i); p >= 0 && k >= 0; p = parentScan(rows, p) {
			if t.normals[p] == segs[k] {
				k--
			}
		}
		if k < 0 {
			out = append(out, i)
		}
	}
	return out
}
