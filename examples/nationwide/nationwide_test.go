package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment/localcode"
	"github.com/koukaikei/koukaikei/statement"
)

// small is a nation small enough for every test run: prefectures and
// municipalities in several prefectures.
const small = 60

func nation(tb testing.TB, n int) (*Kit, *Nation, Memory) {
	tb.Helper()
	k, err := NewKit()
	if err != nil {
		tb.Fatal(err)
	}
	nat, err := Generate(k, n, 7)
	if err != nil {
		tb.Fatal(err)
	}
	files, err := nat.Files()
	if err != nil {
		tb.Fatal(err)
	}
	return k, nat, Memory(files)
}

func TestBodies(t *testing.T) {
	for _, n := range []int{1, 47, 179, DefaultBodies, 17880} {
		bodies, err := Bodies(n)
		if err != nil {
			t.Fatal(err)
		}
		if len(bodies) != n {
			t.Fatalf("Bodies(%d) gives %d", n, len(bodies))
		}
		seen := map[localcode.Code]bool{}
		prefs := map[int]bool{}
		for _, b := range bodies {
			if _, err := localcode.Parse(string(b.Code)); err != nil {
				t.Errorf("%s: %v", b.Code, err)
			}
			if seen[b.Code] {
				t.Errorf("%s twice", b.Code)
			}
			seen[b.Code] = true
			if b.Code.Prefecture() != fmt.Sprintf("%02d", b.Prefecture) {
				t.Errorf("%s in prefecture %d", b.Code, b.Prefecture)
			}
			prefs[b.Prefecture] = true
		}
		if n >= 47 && len(prefs) != 47 {
			t.Errorf("Bodies(%d) spans %d prefectures", n, len(prefs))
		}
	}
	if _, err := Bodies(47*901 + 1); err == nil {
		t.Error("more bodies than codes")
	}
}

// TestLinksExact checks the generator: every identity of every exact
// statement, and every link, holds to the yen.
func TestLinksExact(t *testing.T) {
	k, nat, _ := nation(t, small)
	joints, err := k.joints()
	if err != nil {
		t.Fatal(err)
	}
	for i, ss := range nat.Exact {
		for _, s := range ss {
			for _, f := range s.Verify() {
				t.Errorf("%s: %s", nat.Bodies[i].Code, f)
			}
		}
		for _, sj := range joints {
			at := map[string]int{}
			for k, id := range sj.ids {
				at[id] = sj.forms[k]
			}
			for _, id := range sj.links {
				side := func(refs []statement.Ref) int64 {
					var sum int64
					for _, r := range refs {
						c, ok := ss[at[r.Statement]].Cell(r.Row, r.Column)
						if !ok || !c.Valid {
							t.Fatalf("%s: %s: no figure at %+v", nat.Bodies[i].Code, id.Name, r)
						}
						v, ok := exactYen(c.Amount)
						if !ok {
							t.Fatalf("%s: %v is not whole yen", id.Name, c.Amount)
						}
						if r.Negative {
							v = -v
						}
						sum += v
					}
					return sum
				}
				if l, r := side(id.Left), side(id.Right); l != r {
					t.Errorf("%s: %s: %d ≠ %d", nat.Bodies[i].Code, id.Name, l, r)
				}
			}
		}
	}
}

// TestRun runs the work on a small nation: no violation, every joint
// proved, and an aggregate equal to the sums computed here from the
// published files.
func TestRun(t *testing.T) {
	k, nat, files := nation(t, small)
	var out bytes.Buffer
	w, err := Run(k, files, &out)
	if err != nil {
		t.Fatal(err)
	}
	r := &w.Report
	if r.Violations > 0 {
		t.Errorf("%d violations: %v", r.Violations, r.Violated)
	}
	if r.Bodies != small || r.Statements != small*12 || r.Joints != small*3 {
		t.Errorf("report %+v", r)
	}
	if r.WithinRounding == 0 {
		t.Error("no identity within rounding: the rounding is not exercised")
	}
	t.Log(r.Line())

	// Independently: the nation's and each prefecture's 資産合計 in 円,
	// summed over the bodies' printed items: each rounded from the exact
	// figure the generator drew.
	bs := k.form("bs-general")
	assets := map[string]int64{}
	for i, b := range nat.Bodies {
		var sum int64
		for _, fig := range nat.Exact[i][bs].Figures() {
			if fig.Row >= "2000" || !fig.Value.Valid {
				continue
			}
			v, _ := exactYen(fig.Value.Amount)
			sum += roundThousand(v)
		}
		assets["all"] += sum
		assets[groupName(b.Prefecture-1)] += sum
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(aggregateHeader, ",") {
		t.Fatalf("header %v", recs[0])
	}
	checked := 0
	for _, rec := range recs[1:] {
		if rec[2] != "bs-general" || rec[3] != "1900" {
			continue
		}
		got, err := strconv.ParseInt(rec[6], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		if got*1000 != assets[rec[0]] {
			t.Errorf("%s 資産合計 %d 千円, want %d 円", rec[0], got, assets[rec[0]])
		}
		checked++
	}
	if checked != len(assets) {
		t.Errorf("%d groups in the aggregate, want %d", checked, len(assets))
	}
	// The same through the library: every cell of the nation's
	// statements is the sum of that cell of the bodies' statements, each
	// built here from its published items.
	for f, info := range k.Forms {
		built := make([]*statement.Statement, len(nat.Bodies))
		for i := range nat.Bodies {
			s, err := statement.Build(info.Form, statement.Meta{Unit: format.Thousand}, nat.Published[i][f].Figures())
			if err != nil {
				t.Fatal(err)
			}
			built[i] = s
		}
		for _, row := range info.Form.Rows {
			for _, col := range info.Form.Columns {
				if row.Kind == statement.Header {
					continue
				}
				got, _ := w.Aggregate[nationGroup][f].Cell(row.Key, col.Name)
				var want format.Cell
				for _, s := range built {
					if c, _ := s.Cell(row.Key, col.Name); c.Valid {
						want = format.CellOf(want.Amount.Add(c.Amount))
					}
				}
				if !got.Equal(want) {
					t.Errorf("%s %s %s: nation %v, sum of bodies %v", info.ID, row.Key, col.Name, got, want)
				}
			}
		}
	}
}

// roundThousand rounds yen to whole 千円, half away from zero, in yen.
func roundThousand(v int64) int64 {
	q, r := v/1000, v%1000
	switch {
	case r >= 500:
		q++
	case r <= -500:
		q--
	}
	return q * 1000
}

// TestPerturbed changes one printed figure by 5 千円, 使用料及び手数料 of a
// 行政コスト計算書: 経常収益, of two items, then no longer adds up within
// rounding, and the work says so.
func TestPerturbed(t *testing.T) {
	k, nat, files := nation(t, small)
	body := nat.Bodies[small/2]
	name := statementFile(body.Code, "pl-whole")
	var changed []byte
	for _, line := range strings.SplitAfter(string(files[name]), "\n") {
		if strings.HasPrefix(line, "4510,") {
			f := strings.Split(strings.TrimRight(line, "\r\n"), ",")
			v, err := strconv.ParseInt(f[2], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			line = fmt.Sprintf("%s,%s,%d\r\n", f[0], f[1], v+5)
		}
		changed = append(changed, line...)
	}
	if bytes.Equal(changed, files[name]) {
		t.Fatal("no line 4510")
	}
	files[name] = changed
	w, err := Run(k, files, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	r := &w.Report
	if r.Violations == 0 {
		t.Fatal("a figure 5 千円 off passes")
	}
	for _, f := range r.Violated {
		if !strings.HasPrefix(f.Statement, string(body.Code)+" pl-whole") {
			t.Errorf("violation elsewhere: %s", f)
		}
	}
	t.Logf("%d violations: %v", r.Violations, r.Violated)
}

// BenchmarkNationwide does the whole work on the default nation, its files
// held in memory, with the GOGC of the program unless the environment sets
// one.
func BenchmarkNationwide(b *testing.B) {
	k, _, files := nation(b, DefaultBodies)
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	runtime.GC()
	var r Report
	for b.Loop() {
		w, err := Run(k, files, &bytes.Buffer{})
		if err != nil {
			b.Fatal(err)
		}
		r = w.Report
	}
	b.ReportMetric(float64(r.Cells), "cells")
	b.ReportMetric(float64(r.Read.Milliseconds()), "read-ms")
	b.ReportMetric(float64(r.Build.Milliseconds()), "build-ms")
	b.ReportMetric(float64(r.Verify.Milliseconds()), "verify-ms")
	b.ReportMetric(float64(r.Aggregate.Milliseconds()), "aggregate-ms")
	b.ReportMetric(float64(r.PeakHeap>>20), "peak-MB")
}
