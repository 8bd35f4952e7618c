package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment/localcode"
	"github.com/koukaikei/koukaikei/statement"
)

// small is a nation small enough for every test run: prefectures and
// municipalities in several prefectures.
const small = 60

func nation(tb testing.TB, n int) (*Kit, *Nation, fstest.MapFS) {
	return nationIn(tb, n, ByBody, format.Thousand)
}

func nationIn(tb testing.TB, n int, l Layout, unit format.Unit) (*Kit, *Nation, fstest.MapFS) {
	tb.Helper()
	k, err := NewKit()
	if err != nil {
		tb.Fatal(err)
	}
	nat, err := Generate(k, n, 7, unit)
	if err != nil {
		tb.Fatal(err)
	}
	files, err := nat.Files(l)
	if err != nil {
		tb.Fatal(err)
	}
	return k, nat, files
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
	w, err := Run(k, files, Outputs{Aggregate: &out})
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
	if strings.Join(recs[0], ",") != strings.Join(aggregateHeader, ",")+",千円" {
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

// perturb returns the file with the figure of the line with the given
// label (the first) and column changed by delta 千円, printed as
// published.
func perturb(t *testing.T, file []byte, label string, column int, delta int64) []byte {
	t.Helper()
	var out bytes.Buffer
	changed := false
	for _, line := range strings.SplitAfter(string(file), "\r\n") {
		if !changed && (strings.HasPrefix(line, label+",") || strings.Contains(line, ","+label+",")) {
			rec, err := csv.NewReader(strings.NewReader(line)).Read()
			if err != nil {
				t.Fatal(err)
			}
			at := column
			if !strings.HasPrefix(line, label+",") {
				at++ // key,label,…
			}
			c, err := format.ParseCell(rec[at])
			if err != nil || !c.Valid {
				t.Fatalf("%s: %q: %v", label, rec[at], err)
			}
			rec[at] = format.Formatter{}.Format(c.Amount.Add(decimal.NewFromInt(delta)))
			line = string(appendRecord(nil, rec))
			changed = true
		}
		out.WriteString(line)
	}
	if !changed {
		t.Fatalf("no line %s", label)
	}
	return out.Bytes()
}

// TestPerturbed changes one printed figure by 5 千円, 使用料及び手数料 of a
// 行政コスト計算書: 経常収益, of two items, then no longer adds up within
// rounding, and the work says so, in either layout.
func TestPerturbed(t *testing.T) {
	for _, l := range []Layout{ByBody, ByPrefecture} {
		k, nat, files := nationIn(t, small, l, format.Thousand)
		body := nat.Bodies[small/2]
		name, column := statementFile(body.Code, "pl-whole"), 1
		if l == ByPrefecture {
			name = prefectureFile(body.Prefecture, "pl-whole")
			// The body's place among its prefecture's bodies.
			for _, b := range nat.Bodies {
				if b.Code == body.Code {
					break
				}
				if b.Prefecture == body.Prefecture {
					column++
				}
			}
		}
		files[name].Data = perturb(t, files[name].Data, "使用料及び手数料", column, 5)
		w, err := Run(k, files, Outputs{})
		if err != nil {
			t.Fatal(err)
		}
		r := &w.Report
		if r.Violations == 0 {
			t.Fatalf("%s: a figure 5 千円 off passes", l)
		}
		for _, f := range r.Violated {
			if !strings.HasPrefix(f.Statement, string(body.Code)+" pl-whole") {
				t.Errorf("%s: violation elsewhere: %s", l, f)
			}
		}
		t.Logf("%s: %d violations: %v", l, r.Violations, r.Violated)
	}
}

// TestLayouts: the same nation in either layout, in 千円 or 百万円, gives
// the same verdicts, aggregate and indicators as the files per body in
// 千円 give for their unit.
func TestLayouts(t *testing.T) {
	type result struct {
		report             Report
		agg, inds, summary string
	}
	run := func(l Layout, unit format.Unit) result {
		k, _, files := nationIn(t, small, l, unit)
		var agg, inds, summary bytes.Buffer
		w, err := Run(k, files, Outputs{Aggregate: &agg, Indicators: &inds, Summary: &summary})
		if err != nil {
			t.Fatalf("%s %s: %v", l, unit, err)
		}
		if w.Report.Violations > 0 {
			t.Errorf("%s %s: %d violations: %v", l, unit, w.Report.Violations, w.Report.Violated)
		}
		return result{w.Report, agg.String(), inds.String(), summary.String()}
	}
	for _, unit := range []format.Unit{format.Thousand, format.Million} {
		a, b := run(ByBody, unit), run(ByPrefecture, unit)
		if a.report.Identities != b.report.Identities || a.report.Exact != b.report.Exact || a.report.WithinRounding != b.report.WithinRounding ||
			a.report.Cells != b.report.Cells {
			t.Errorf("%s: by body %+v, by prefecture %+v", unit, a.report, b.report)
		}
		if a.agg != b.agg || a.inds != b.inds || a.summary != b.summary {
			t.Errorf("%s: the layouts give different results", unit)
		}
		if !strings.HasPrefix(a.agg, "group,bodies,form,key,label,column,"+unit.String()+"\n") {
			t.Errorf("%s: aggregate header %q", unit, a.agg[:60])
		}
	}
}

// TestRealistic checks the published files as the issue describes real
// ones: figures grouped by thousands and quoted, △ before negatives, -
// for 該当なし, on a good share of the lines.
func TestRealistic(t *testing.T) {
	_, nat, files := nation(t, small)
	var dashes, lines, grouped, negative int
	for i := range nat.Bodies {
		data := string(files[statementFile(nat.Bodies[i].Code, "bs-general")].Data)
		if !strings.HasPrefix(data, "（単位：千円）\r\nkey,label,金額\r\n") {
			t.Fatalf("%s: heading %q", nat.Bodies[i].Code, data[:40])
		}
		recs, err := csv.NewReader(strings.NewReader(data[strings.Index(data, "\n")+1:])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs[1:] {
			if rec[0][0] == 'H' {
				continue
			}
			lines++
			switch v := rec[2]; {
			case v == "-":
				dashes++
			case strings.HasPrefix(v, "△"):
				negative++
			case strings.Contains(v, ","):
				grouped++
			}
		}
	}
	t.Logf("bs-general: %d lines: %d -, %d △, %d grouped", lines, dashes, negative, grouped)
	if dashes*10 < lines || negative == 0 || grouped*3 < lines {
		t.Errorf("bs-general: %d lines: %d -, %d △, %d grouped", lines, dashes, negative, grouped)
	}
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
		w, err := Run(k, files, Outputs{Aggregate: &bytes.Buffer{}})
		if err != nil {
			b.Fatal(err)
		}
		r = w.Report
	}
	b.ReportMetric(float64(r.Cells), "cells")
	b.ReportMetric(float64(r.Read.Milliseconds()), "read-ms")
	b.ReportMetric(float64(r.Indicators.Milliseconds()), "indicators-ms")
	b.ReportMetric(float64(r.Verify.Milliseconds()), "verify-ms")
	b.ReportMetric(float64(r.Aggregate.Milliseconds()), "aggregate-ms")
	b.ReportMetric(float64(r.PeakHeap>>20), "peak-MB")
}

// The floor parses every printed figure of either layout: as many as the
// published statements have cells with a figure on their printed rows.
func TestFloor(t *testing.T) {
	for _, l := range []Layout{ByBody, ByPrefecture} {
		k, nat, files := nationIn(t, small, l, format.Thousand)
		want := 0
		for i := range nat.Bodies {
			for f, s := range nat.Published[i] {
				for _, r := range k.Forms[f].Form.Rows {
					for _, c := range k.Forms[f].Form.Columns {
						if cell, _ := s.Cell(r.Key, c.Name); cell.Valid && r.Kind != statement.Header {
							want++
						}
					}
				}
			}
		}
		got, err := MeasureFloor(files)
		if err != nil {
			t.Fatal(err)
		}
		if got.Figures != want {
			t.Errorf("%s: the floor parses %d figures, the statements have %d", l, got.Figures, want)
		}
	}
}

// exactYen returns d as int64 yen, and whether it is whole yen that fits.
func exactYen(d decimal.Decimal) (int64, bool) {
	if !d.IsInteger() || d.NumDigits() > 18 {
		return 0, false
	}
	return d.IntPart(), true
}

// TestCommand runs the program as a user does: a nation written per
// prefecture in 百万円, read back, then its files checked again with -in;
// and bad flags.
func TestCommand(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	if code := run([]string{"-bodies", "60", "-layout", "prefecture", "-unit", "百万円", "-o", dir, "-floor"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errs.String())
	}
	first := out.String()
	for _, name := range []string{"nation.csv", "bodies.csv", "prefectures/13/bs-general.csv", "aggregate.csv", "indicators.csv", "indicators-prefecture.csv"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Error(err)
		}
	}
	out.Reset()
	if code := run([]string{"-in", dir}, &out, &errs); code != 0 {
		t.Fatalf("-in: exit %d: %s%s", code, out.String(), errs.String())
	}
	// The verify line without its time.
	verdicts := func(s string) string {
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "verify: ") {
				return l[:strings.LastIndex(l, " in ")]
			}
		}
		return ""
	}
	if verdicts(first) != verdicts(out.String()) || !strings.Contains(first, "floor: ") || !strings.Contains(out.String(), "in 百万円, layout prefecture") {
		t.Errorf("first run:\n%s\nagain with -in:\n%s", first, out.String())
	}
	for _, args := range [][]string{{"-unit", "円"}, {"-layout", "wide"}, {"-in", dir, "-o", dir}, {"extra"}} {
		if code := run(args, &out, &errs); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code := run([]string{"-in", filepath.Join(dir, "none")}, &out, &errs); code != 2 {
		t.Errorf("-in a directory without a nation: exit %d, want 2", code)
	}
}

// A file per prefecture that does not say what bodies.csv and the form
// say, or whose lines are not plain CSV, is an error naming the file and
// the line.
func TestPrefectureFileErrors(t *testing.T) {
	k, nat, files := nationIn(t, small, ByPrefecture, format.Thousand)
	name := prefectureFile(nat.Bodies[0].Prefecture, "pl-general")
	good := string(files[name].Data)
	for _, c := range []struct {
		name, from, to, want string
	}{
		{"unit", "（単位：千円）", "（単位：百万円）", "line 1"},
		{"code", string(nat.Bodies[0].Code), "019999", "line 2"},
		{"name", "北海道第", "北海道の", "line 3"},
		{"column", "科目,金額", "科目,合計", "line 4"},
		{"quote", "職員給与費,", "職員\"給与費,", "line 8"},
		{"fields", "職員給与費,", "職員給与費,1,", "line 8"},
		{"label", "職員給与費,", "職員給与,", "line 8"},
	} {
		if !strings.Contains(good, c.from) {
			t.Fatalf("%s: no %q in the file", c.name, c.from)
		}
		files[name].Data = []byte(strings.Replace(good, c.from, c.to, 1))
		_, err := Run(k, files, Outputs{})
		if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error naming %s and %s", c.name, err, name, c.want)
		}
	}
}

// A bodies.csv that repeats a body, or whose fields are not what they
// say, is an error naming its line.
func TestBodiesErrors(t *testing.T) {
	k, nat, files := nation(t, small)
	good := string(files["bodies.csv"].Data)
	line2 := strings.SplitAfter(good, "\n")[1]
	code := string(nat.Bodies[0].Code)
	for _, c := range []struct{ name, text, want string }{
		{"twice", good + line2, "again, first on line 2"},
		{"header", strings.Replace(good, "population", "people", 1), "line 1: header"},
		{"check digit", strings.Replace(good, code, code[:5]+"9", 1), "line 2: code"},
		{"prefecture", strings.Replace(good, code+",北海道,01,", code+",北海道,02,", 1), "line 2: prefecture"},
		{"kind", strings.Replace(good, ",01,prefecture,", ",01,municipality,", 1), "line 2: kind"},
		{"population", strings.Replace(line2, "\n", "", 1) + "x", "population"},
	} {
		text := c.text
		if c.name == "population" {
			text = strings.Replace(good, line2, c.text+"\n", 1)
		}
		files["bodies.csv"].Data = []byte(text)
		_, err := Run(k, files, Outputs{})
		if err == nil || !strings.Contains(err.Error(), "bodies.csv") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error of bodies.csv with %q", c.name, err, c.want)
		}
	}
}
