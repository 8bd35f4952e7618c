package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment/localcode"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// Groups are the prefectures 01 to 47, then the nation.
const nationGroup = 47

// groupName names group g in the aggregate: the prefecture's number, or
// all for the nation.
func groupName(g int) string {
	if g == nationGroup {
		return "all"
	}
	return fmt.Sprintf("%02d", g+1)
}

// Outputs are where Run writes what it computes; a nil writer is not
// written.
type Outputs struct {
	// Aggregate receives the statements of each prefecture and of the
	// nation, summed from the bodies' printed items (aggregate.csv).
	Aggregate io.Writer
	// Indicators receives each body's 財務指標 and its national rank
	// (indicators.csv).
	Indicators io.Writer
	// Summary receives each prefecture's and the nation's indicators:
	// of the sums, and the quartiles of its bodies
	// (indicators-prefecture.csv).
	Summary io.Writer
}

// A Work is the checking of a published nation, stage by stage.
type Work struct {
	Kit    *Kit
	Bodies []Body
	Layout Layout
	Unit   format.Unit // the unit the statements are published in
	// Aggregate holds, for each prefecture and then the nation, each form
	// built from the sum of the bodies' printed items.
	Aggregate [nationGroup + 1][]*statement.Statement
	// Members counts the bodies of each group.
	Members [nationGroup + 1]int
	// Analyses holds each body's indicators, by body and scope (0
	// 一般会計等, 1 全体, 2 連結).
	Analyses [][3]*unified.Analysis

	Report Report

	// The bodies are checked a batch at a time, each stage on all of a
	// batch's bodies before the next, so that the statements in memory are
	// those of one batch: pub holds them as read, in the order of
	// Kit.Forms, for the bodies whose indexes batch holds.
	batch  []int
	pub    [][]*statement.Statement
	joints []scopeJoint
	// partial holds the sums of each batch's bodies, by prefecture and
	// form.
	partial [nationGroup][][]*statement.Statement
}

// batchSize is about how many bodies are checked at a time; in the
// ByPrefecture layout a batch is whole prefectures.
const batchSize = 128

// A Report is what a Work found, and how long each stage took.
type Report struct {
	Bodies, Statements, Cells                  int
	Read, Verify, Indicators, Aggregate, Total time.Duration
	PeakHeap                                   uint64 // bytes

	// Identities counts the identities judged, within statements and
	// links; Exact, WithinRounding and Violations their verdicts.
	Identities, Exact, WithinRounding, Violations int
	// Proved counts the joints (a body's four statements of one scope
	// and their links) whose every verdict Book.VerifyRounded proved:
	// none undecided.
	Joints, Proved int
	// Unproved names the first joints with an identity undecided: body
	// code and scope.
	Unproved []string
	// Violated lists the first violations found.
	Violated []statement.Finding
}

// Line returns the report's last line.
func (r *Report) Line() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%d ms", d.Milliseconds()) }
	return fmt.Sprintf("nationwide: %d bodies, %d statements, %d cells: read %s, verify %s, indicators %s, aggregate %s, total %s, peak heap %d MB",
		r.Bodies, r.Statements, r.Cells, ms(r.Read), ms(r.Verify), ms(r.Indicators), ms(r.Aggregate), ms(r.Total), r.PeakHeap>>20)
}

// Run does the whole work on the nation in fsys (see Nation.Files) and
// writes its results to out, timing each stage and sampling the heap.
// The stages are timed over the batches of bodies; each stage of a batch
// ends before the next begins, so their times add up to the total.
func Run(k *Kit, fsys fs.FS, out Outputs) (*Work, error) {
	w := &Work{Kit: k}
	stop := sampleHeap(&w.Report.PeakHeap)
	defer stop()
	start := time.Now()
	r := &w.Report
	stage := func(d *time.Duration, f func() error) error {
		t := time.Now()
		err := f()
		*d += time.Since(t)
		return err
	}
	if err := stage(&r.Read, func() error { return w.readNation(fsys) }); err != nil {
		return nil, err
	}
	joints, err := k.joints()
	if err != nil {
		return nil, err
	}
	w.joints = joints
	for g := range w.partial {
		w.partial[g] = make([][]*statement.Statement, len(k.Forms))
	}
	w.Analyses = make([][3]*unified.Analysis, len(w.Bodies))
	for _, b := range w.batches() {
		w.batch = b
		if err := stage(&r.Read, func() error { return w.read(fsys) }); err != nil {
			return nil, err
		}
		if err := stage(&r.Verify, w.verify); err != nil {
			return nil, err
		}
		if err := stage(&r.Indicators, w.analyze); err != nil {
			return nil, err
		}
		if err := stage(&r.Aggregate, w.sum); err != nil {
			return nil, err
		}
	}
	w.pub = nil
	if err := stage(&r.Aggregate, func() error { return w.aggregate(out.Aggregate) }); err != nil {
		return nil, err
	}
	if err := stage(&r.Indicators, func() error { return w.writeIndicators(out.Indicators, out.Summary) }); err != nil {
		return nil, err
	}
	r.Total = time.Since(start)
	stop()
	return w, nil
}

// batches returns the indexes of the bodies, batch by batch: about
// batchSize at a time in the order of bodies.csv, or in the ByPrefecture
// layout whole prefectures, a file holding a prefecture's bodies.
func (w *Work) batches() [][]int {
	var out [][]int
	var cur []int
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	if w.Layout == ByPrefecture {
		for _, m := range w.members() {
			cur = append(cur, m...)
			if len(cur) >= batchSize {
				flush()
			}
		}
	} else {
		for i := range w.Bodies {
			cur = append(cur, i)
			if len(cur) == batchSize {
				flush()
			}
		}
	}
	flush()
	return out
}

// members returns the indexes of each prefecture's bodies, in the order
// of bodies.csv.
func (w *Work) members() [47][]int {
	var m [47][]int
	for i, b := range w.Bodies {
		m[b.Prefecture-1] = append(m[b.Prefecture-1], i)
	}
	return m
}

// sampleHeap records the largest heap seen, every millisecond, until the
// function it returns is called.
func sampleHeap(peak *uint64) func() {
	done := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > atomic.LoadUint64(peak) {
			atomic.StoreUint64(peak, v)
		}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
			read()
		})
	}
}

// readTable reads a small CSV file whose header is one of the given
// ones, and returns its records after the header and which header it has.
func readTable(fsys fs.FS, name string, headers ...string) ([][]string, int, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, 0, err
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, 0, fmt.Errorf("%s: no header line", name)
	}
	got := strings.Join(recs[0], ",")
	h := slices.Index(headers, got)
	if h < 0 {
		return nil, 0, fmt.Errorf("%s: line 1: header %s, want %s", name, got, strings.Join(headers, " or "))
	}
	return recs[1:], h, nil
}

// readNation reads nation.csv, if there is one, and bodies.csv. A nation
// without nation.csv is in the ByBody layout in 千円, and its bodies.csv
// may lack names and populations (code,prefecture,kind): then the
// indicators per resident have no value.
func (w *Work) readNation(fsys fs.FS) error {
	w.Layout, w.Unit = ByBody, format.Thousand
	recs, _, err := readTable(fsys, "nation.csv", "layout,unit")
	switch {
	case err == nil:
		if len(recs) != 1 || len(recs[0]) != 2 {
			return fmt.Errorf("nation.csv: line 2: want one line layout,unit")
		}
		switch recs[0][0] {
		case "body":
		case "prefecture":
			w.Layout = ByPrefecture
		default:
			return fmt.Errorf("nation.csv: line 2: layout %q: body or prefecture", recs[0][0])
		}
		if w.Unit, err = format.ParseUnit(recs[0][1]); err != nil || w.Unit == format.Yen {
			return fmt.Errorf("nation.csv: line 2: unit %q: 千円 or 百万円", recs[0][1])
		}
	case !isNotExist(err):
		return err
	}
	recs, h, err := readTable(fsys, "bodies.csv", "code,name,prefecture,kind,population", "code,prefecture,kind")
	if err != nil {
		return err
	}
	seen := map[localcode.Code]int{}
	for n, rec := range recs {
		line := n + 2
		var b Body
		var code, pref, kind, pop string
		if h == 0 {
			code, b.Name, pref, kind, pop = rec[0], rec[1], rec[2], rec[3], rec[4]
		} else {
			code, pref, kind = rec[0], rec[1], rec[2]
		}
		c, err := localcode.Parse(code)
		if err != nil {
			return fmt.Errorf("bodies.csv: line %d: code: %w", line, err)
		}
		if first, ok := seen[c]; ok {
			return fmt.Errorf("bodies.csv: line %d: %s again, first on line %d", line, c, first)
		}
		seen[c] = line
		b.Code = c
		p, err := strconv.Atoi(pref)
		if err != nil || p < 1 || p > 47 || fmt.Sprintf("%02d", p) != c.Prefecture() {
			return fmt.Errorf("bodies.csv: line %d: prefecture %q of %s", line, pref, c)
		}
		b.Prefecture = p
		if want := map[bool]string{true: "prefecture", false: "municipality"}[b.IsPrefecture()]; kind != want {
			return fmt.Errorf("bodies.csv: line %d: kind %q of %s, want %s", line, kind, c, want)
		}
		if h == 0 {
			if b.Population, err = strconv.ParseInt(pop, 10, 64); err != nil || b.Population < 0 {
				return fmt.Errorf("bodies.csv: line %d: population %q of %s", line, pop, c)
			}
		}
		w.Bodies = append(w.Bodies, b)
	}
	w.Report.Bodies = len(w.Bodies)
	w.Report.Statements = len(w.Bodies) * len(w.Kit.Forms)
	for i := range w.Bodies {
		w.Members[w.Bodies[i].Prefecture-1]++
	}
	w.Members[nationGroup] = len(w.Bodies)
	return nil
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// buffers holds buffers that statement files are read into: a file is
// read, then read as a statement, which keeps its own copy of what it
// needs, so one buffer serves for many files.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

// readStatement reads the statement file name into a buffer of buffers
// and calls read with its bytes, which it must not keep.
func readStatement(fsys fs.FS, name string, read func(data []byte) error) error {
	r, ok := fsys.(interface {
		readInto(name string, b []byte) ([]byte, error)
	})
	if !ok {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		return read(data)
	}
	buf := buffers.Get().(*[]byte)
	defer buffers.Put(buf)
	data, err := r.readInto(name, *buf)
	if err != nil {
		return err
	}
	*buf = data
	return read(data)
}

// read reads the statements of the batch.
func (w *Work) read(fsys fs.FS) error {
	k := w.Kit
	w.pub = make([][]*statement.Statement, len(w.batch))
	for i := range w.pub {
		w.pub[i] = make([]*statement.Statement, len(k.Forms))
	}
	var cells atomic.Int64
	meta := func(b Body) statement.Meta { return statement.Meta{Entity: string(b.Code), Unit: w.Unit} }
	var err error
	switch w.Layout {
	case ByBody:
		err = parallel(len(w.batch), func(i int) error {
			b := w.Bodies[w.batch[i]]
			n := 0
			for f, t := range k.Templates {
				name := statementFile(b.Code, k.Forms[f].ID)
				err := readStatement(fsys, name, func(data []byte) error {
					s, err := t.ReadCSV(bytes.NewReader(data), statement.ReadOptions{Source: name, Meta: meta(b)})
					w.pub[i][f] = s
					return err
				})
				if err != nil {
					return err
				}
				n += printedCells(k.Forms[f].Form)
			}
			cells.Add(int64(n))
			return nil
		})
	case ByPrefecture:
		// One task per file: a prefecture's bodies' statements of one form.
		type task struct{ prefecture, form int }
		var tasks []task
		at := map[int]int{} // body → place in the batch
		for pos, i := range w.batch {
			at[i] = pos
			if p := w.Bodies[i].Prefecture; pos == 0 || w.Bodies[w.batch[pos-1]].Prefecture != p {
				for f := range k.Forms {
					tasks = append(tasks, task{p, f})
				}
			}
		}
		members := w.members()
		err = parallel(len(tasks), func(x int) error {
			tk := tasks[x]
			ids := members[tk.prefecture-1]
			ss, err := w.readPrefecture(fsys, tk.prefecture, tk.form, ids)
			if err != nil {
				return err
			}
			for j, i := range ids {
				w.pub[at[i]][tk.form] = ss[j]
			}
			cells.Add(int64(len(ids) * printedCells(k.Forms[tk.form].Form)))
			return nil
		})
	}
	w.Report.Cells += int(cells.Load())
	return err
}

// readPrefecture reads the file of one prefecture and form in the
// ByPrefecture layout with Template.ReadCSVSideBySide: one statement for
// each of the bodies ids, in order, under the heading lines 団体コード and
// 団体名 that name them as bodies.csv does, each with the form's columns.
// The statements carry the nation's unit, and no entity: the file names
// the bodies.
func (w *Work) readPrefecture(fsys fs.FS, prefecture, form int, ids []int) ([]*statement.Statement, error) {
	name := prefectureFile(prefecture, w.Kit.Forms[form].ID)
	var out []*statement.Statement
	err := readStatement(fsys, name, func(data []byte) error {
		var err error
		out, err = w.readPrefectureData(name, data, form, ids)
		return err
	})
	return out, err
}

// readPrefectureData reads data, the file name of readPrefecture.
func (w *Work) readPrefectureData(name string, data []byte, form int, ids []int) ([]*statement.Statement, error) {
	t := w.Kit.Templates[form]
	read, err := t.ReadCSVSideBySide(bytes.NewReader(data), statement.ReadOptions{Source: name, Meta: statement.Meta{Unit: w.Unit}})
	if err != nil {
		return nil, err
	}
	if cols := columnNames(w.Kit.Forms[form].Form); len(read.Statements) != len(ids) || !slices.Equal(read.Columns, cols) {
		return nil, fmt.Errorf("%s: %d statements of the columns %s, want the %d bodies of bodies.csv, each of the columns %s",
			name, len(read.Statements), strings.Join(read.Columns, ","), len(ids), strings.Join(cols, ","))
	}
	titles := []string{"団体コード", "団体名"}
	if len(read.Headings) != len(titles) {
		return nil, fmt.Errorf("%s: %d heading lines, want %s", name, len(read.Headings), strings.Join(titles, " and "))
	}
	for l, h := range read.Headings {
		if h.Title != titles[l] {
			return nil, fmt.Errorf("%s: line %d: %q, want %s", name, h.Line, h.Title, titles[l])
		}
		for n, i := range ids {
			if want := [...]string{string(w.Bodies[i].Code), w.Bodies[i].Name}[l]; h.Texts[n] != want {
				return nil, fmt.Errorf("%s: line %d: %s of statement %d: %q, want %q (bodies.csv)", name, h.Line, titles[l], n+1, h.Texts[n], want)
			}
		}
	}
	return read.Statements, nil
}

// printedCells counts the amount cells of the printed rows of f.
func printedCells(f *statement.Form) int {
	rows, cols := 0, 0
	for _, r := range f.Rows {
		if r.Kind != statement.Header && !r.Hidden {
			rows++
		}
	}
	for _, c := range f.Columns {
		if c.Kind != statement.Text {
			cols++
		}
	}
	return rows * cols
}

// A scopeJoint is the four statements of one scope and the links between
// them, verified together as a book.
type scopeJoint struct {
	scope unified.Scope
	forms []int    // indexes in Kit.Forms: bs, pl, nw, cf
	ids   []string // their ids in the book: the form ids
	links []statement.Link
}

// joints returns the joint of each scope.
func (k *Kit) joints() ([]scopeJoint, error) {
	var out []scopeJoint
	for si, scope := range scopes {
		j := scopeJoint{scope: unified.Scope(si + 1)}
		in := map[string]bool{}
		for _, id := range statementIDs {
			j.forms = append(j.forms, k.form(id+"-"+scope))
			j.ids = append(j.ids, id+"-"+scope)
			in[id+"-"+scope] = true
		}
		for _, l := range k.Links {
			names := 0
			refs := append(append([]statement.Ref(nil), l.Left...), l.Right...)
			for _, r := range refs {
				if in[r.Statement] {
					names++
				}
			}
			switch names {
			case len(refs):
				j.links = append(j.links, l)
			case 0:
			default:
				return nil, fmt.Errorf("link %s spans scopes", l.Name)
			}
		}
		out = append(out, j)
	}
	return out, nil
}

// verify judges, for each body and scope, every identity of the four
// statements and the links between them at once, under the rounding to
// the unit they were printed in: Book.VerifyRounded, counting the verdicts
// and keeping the findings of violations only.
func (w *Work) verify() error {
	var mu sync.Mutex
	r := &w.Report
	return parallel(len(w.batch), func(i int) error {
		var ids, exact, within, violations, proved int
		var violated []statement.Finding
		var unproved []string
		code := w.Bodies[w.batch[i]].Code
		for s, sj := range w.joints {
			var book statement.Book
			for k, f := range sj.forms {
				if err := book.Add(sj.ids[k], w.pub[i][f]); err != nil {
					return err
				}
			}
			v, err := book.VerifyRounded(statement.VerifyOptions{Links: sj.links, OmitWithinRounding: true})
			if err != nil {
				return fmt.Errorf("%s: %w", code, err)
			}
			if v.Count(statement.Undecided) == 0 {
				proved++
			} else {
				unproved = append(unproved, string(code)+" "+scopes[s])
			}
			exact += v.Count(statement.Exact)
			within += v.Count(statement.WithinRounding)
			violations += v.Count(statement.Violation)
			ids += v.Count(statement.Exact) + v.Count(statement.WithinRounding) + v.Count(statement.Violation) + v.Count(statement.Undecided)
			for _, f := range v.Findings {
				if f.Verdict == statement.Violation && len(violated) < 20 {
					f.Statement = string(code) + " " + f.Statement
					violated = append(violated, f)
				}
			}
		}
		mu.Lock()
		r.Identities += ids
		r.Exact += exact
		r.WithinRounding += within
		r.Violations += violations
		r.Joints += len(w.joints)
		r.Proved += proved
		if room := 20 - len(r.Unproved); room > 0 {
			r.Unproved = append(r.Unproved, unproved[:min(room, len(unproved))]...)
		}
		if room := 20 - len(r.Violated); room > 0 {
			r.Violated = append(r.Violated, violated[:min(room, len(violated))]...)
		}
		mu.Unlock()
		return nil
	})
}

// analyze computes the indicators of each body of the batch, for each
// scope, from its statements as published.
func (w *Work) analyze() error {
	return parallel(len(w.batch), func(i int) error {
		b := w.Bodies[w.batch[i]]
		for s, sj := range w.joints {
			var book statement.Book
			for x, f := range sj.forms {
				if err := book.Add(sj.ids[x], w.pub[i][f]); err != nil {
					return err
				}
			}
			a, err := unified.Analyze(&book, sj.scope, unified.AnalysisInput{Population: b.Population})
			if err != nil {
				return fmt.Errorf("%s: %w", b.Code, err)
			}
			w.Analyses[w.batch[i]][s] = a
		}
		return nil
	})
}

// sum adds up the statements of the batch's bodies by prefecture and
// form (Template.Sum), keeping the partial sums for aggregate.
func (w *Work) sum() error {
	k := w.Kit
	var groups [47][]int // places in the batch, by prefecture
	for pos, i := range w.batch {
		g := w.Bodies[i].Prefecture - 1
		groups[g] = append(groups[g], pos)
	}
	type task struct{ group, form int }
	var tasks []task
	for g := range groups {
		if len(groups[g]) > 0 {
			for f := range k.Forms {
				tasks = append(tasks, task{g, f})
			}
		}
	}
	out := make([]*statement.Statement, len(tasks))
	err := parallel(len(tasks), func(x int) error {
		tk := tasks[x]
		ss := make([]*statement.Statement, len(groups[tk.group]))
		for n, pos := range groups[tk.group] {
			ss[n] = w.pub[pos][tk.form]
		}
		s, err := k.Templates[tk.form].Sum(statement.Meta{}, ss...)
		out[x] = s
		return err
	})
	for x, tk := range tasks {
		w.partial[tk.group][tk.form] = append(w.partial[tk.group][tk.form], out[x])
	}
	return err
}

// aggregate adds up the partial sums by prefecture and the prefectures'
// for the nation, and writes them as CSV to out, if not nil.
func (w *Work) aggregate(out io.Writer) error {
	k := w.Kit
	for g := range w.Aggregate {
		w.Aggregate[g] = make([]*statement.Statement, len(k.Forms))
	}
	err := parallel(len(k.Forms), func(f int) error {
		t := k.Templates[f]
		meta := func(g int) statement.Meta { return statement.Meta{Entity: groupName(g), Unit: w.Unit} }
		var prefectures []*statement.Statement
		for g := range nationGroup {
			s, err := t.Sum(meta(g), w.partial[g][f]...)
			if err != nil {
				return err
			}
			w.Aggregate[g][f] = s
			prefectures = append(prefectures, s)
		}
		s, err := t.Sum(meta(nationGroup), prefectures...)
		w.Aggregate[nationGroup][f] = s
		return err
	})
	if err != nil || out == nil {
		return err
	}
	return w.writeAggregate(out)
}

// aggregateHeader is the header line of the aggregate CSV: one line for
// each group (a prefecture by its number, or all), form, printed row and
// amount column, with the amount in the nation's unit (blank for
// 該当なし), which heads the last column.
var aggregateHeader = []string{"group", "bodies", "form", "key", "label", "column"}

// writeAggregate writes the aggregate as CSV: each group's lines made on
// all processors, then written in order.
func (w *Work) writeAggregate(out io.Writer) error {
	lines := make([][]byte, len(w.Aggregate))
	parallel(len(w.Aggregate), func(g int) error {
		var b []byte
		for f, s := range w.Aggregate[g] {
			form := w.Kit.Forms[f].Form
			head := fmt.Sprintf("%s,%d,%s,", groupName(g), w.Members[g], w.Kit.Forms[f].ID)
			for _, r := range form.Rows {
				if r.Kind == statement.Header || r.Hidden {
					continue
				}
				for _, c := range form.Columns {
					if c.Kind == statement.Text {
						continue
					}
					b = append(b, head...)
					b = append(b, r.Key...)
					b = append(b, ',')
					b = append(b, quoteCSV(r.Label)...)
					b = append(b, ',')
					b = append(b, quoteCSV(c.Name)...)
					b = append(b, ',')
					if cell, _ := s.Cell(r.Key, c.Name); cell.Valid {
						b = appendDecimal(b, cell.Amount.Shift(-w.Unit.Exp()))
					}
					b = append(b, '\n')
				}
			}
		}
		lines[g] = b
		return nil
	})
	b := bufio.NewWriterSize(out, 1<<16)
	b.WriteString(strings.Join(aggregateHeader, ",") + "," + w.Unit.String() + "\n")
	for _, l := range lines {
		b.Write(l)
	}
	return b.Flush()
}

// appendDecimal appends d as d.String() writes it: a whole number of at
// most 18 digits from its digits, any other through String.
func appendDecimal(b []byte, d decimal.Decimal) []byte {
	if d.NumDigits() <= 18 {
		c, e := d.CoefficientInt64(), d.Exponent()
		for ; e < 0 && c%10 == 0; e++ {
			c /= 10
		}
		for ; e > 0 && c > -1e17 && c < 1e17; e-- {
			c *= 10
		}
		if e == 0 {
			return strconv.AppendInt(b, c, 10)
		}
	}
	return append(b, d.String()...)
}

// quoteCSV quotes a field if CSV needs it.
func quoteCSV(s string) string {
	if !strings.ContainsAny(s, ",\"\n\r") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
