package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/segment/localcode"
	"github.com/koukaikei/koukaikei/statement"
)

// A Source gives the files of a published nation by their slash-separated
// names (see Nation.Files).
type Source interface {
	ReadFile(name string) ([]byte, error)
}

// Dir is a Source on a directory.
type Dir string

// ReadFile reads the named file under d.
func (d Dir) ReadFile(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(string(d), filepath.FromSlash(name)))
}

// Memory is a Source on files held in memory.
type Memory map[string][]byte

// ReadFile returns the named file.
func (m Memory) ReadFile(name string) ([]byte, error) {
	b, ok := m[name]
	if !ok {
		return nil, fmt.Errorf("%s: %w", name, os.ErrNotExist)
	}
	return b, nil
}

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

// A Work is the checking of a published nation, stage by stage.
type Work struct {
	Kit    *Kit
	Bodies []Body
	// Aggregate holds, for each prefecture and then the nation, each form
	// built from the sum of the bodies' printed items.
	Aggregate [nationGroup + 1][]*statement.Statement
	// Members counts the bodies of each group.
	Members [nationGroup + 1]int

	Report Report

	// The bodies are checked a batch at a time, each stage on all of a
	// batch's bodies before the next, so that the statements in memory are
	// those of one batch: pub holds them as read, built as built from
	// their printed items, in the order of Kit.Forms.
	lo, hi     int
	pub, built [][]*statement.Statement
	joints     []scopeJoint
	parts      []*sums // one per worker
}

// batch is how many bodies are checked at a time.
const batch = 128

// A Report is what a Work found, and how long each stage took.
type Report struct {
	Bodies, Statements, Cells             int
	Read, Build, Verify, Aggregate, Total time.Duration
	PeakHeap                              uint64 // bytes

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
	return fmt.Sprintf("nationwide: %d bodies, %d statements, %d cells: read %s, build %s, verify %s, aggregate %s, total %s, peak heap %d MB",
		r.Bodies, r.Statements, r.Cells, ms(r.Read), ms(r.Build), ms(r.Verify), ms(r.Aggregate), ms(r.Total), r.PeakHeap>>20)
}

// Run does the whole work on the nation in src and writes the aggregate to
// out, timing each stage and sampling the heap. The stages are timed over
// the batches of bodies; each stage of a batch ends before the next
// begins, so their times add up to the total.
func Run(k *Kit, src Source, out io.Writer) (*Work, error) {
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
	if err := stage(&r.Read, func() error { return w.readBodies(src) }); err != nil {
		return nil, err
	}
	joints, err := k.joints()
	if err != nil {
		return nil, err
	}
	w.joints = joints
	w.parts = make([]*sums, runtime.GOMAXPROCS(0))
	for w.lo = 0; w.lo < len(w.Bodies); w.lo = w.hi {
		w.hi = min(w.lo+batch, len(w.Bodies))
		if err := stage(&r.Read, func() error { return w.read(src) }); err != nil {
			return nil, err
		}
		if err := stage(&r.Build, w.build); err != nil {
			return nil, err
		}
		if err := stage(&r.Verify, w.verify); err != nil {
			return nil, err
		}
		if err := stage(&r.Aggregate, w.sum); err != nil {
			return nil, err
		}
	}
	w.pub, w.built = nil, nil
	if err := stage(&r.Aggregate, func() error { return w.aggregate(out) }); err != nil {
		return nil, err
	}
	r.Total = time.Since(start)
	stop()
	return w, nil
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

// readBodies reads bodies.csv.
func (w *Work) readBodies(src Source) error {
	data, err := src.ReadFile("bodies.csv")
	if err != nil {
		return err
	}
	recs, err := csvio.ReadAll(bytes.NewReader(data), ',')
	if err != nil {
		return fmt.Errorf("bodies.csv: %w", err)
	}
	if len(recs) == 0 || strings.Join(recs[0].Fields, ",") != "code,prefecture,kind" {
		return fmt.Errorf("bodies.csv: no header line code,prefecture,kind")
	}
	for _, rec := range recs[1:] {
		if len(rec.Fields) != 3 {
			return fmt.Errorf("bodies.csv: line %d: %d fields", rec.Line, len(rec.Fields))
		}
		c, err := localcode.Parse(rec.Fields[0])
		if err != nil {
			return fmt.Errorf("bodies.csv: line %d: %w", rec.Line, err)
		}
		var p int
		if _, err := fmt.Sscanf(rec.Fields[1], "%d", &p); err != nil || p < 1 || p > 47 || fmt.Sprintf("%02d", p) != c.Prefecture() {
			return fmt.Errorf("bodies.csv: line %d: prefecture %q of %s", rec.Line, rec.Fields[1], c)
		}
		w.Bodies = append(w.Bodies, Body{Code: c, Prefecture: p})
	}
	w.Report.Bodies = len(w.Bodies)
	w.Report.Statements = len(w.Bodies) * len(w.Kit.Forms)
	for i := range w.Bodies {
		w.Members[w.Bodies[i].Prefecture-1]++
	}
	w.Members[nationGroup] = len(w.Bodies)
	return nil
}

// read reads the statements of the batch.
func (w *Work) read(src Source) error {
	k := w.Kit
	w.pub = make([][]*statement.Statement, w.hi-w.lo)
	var cells atomic.Int64
	err := parallel(w.hi-w.lo, func(i int) error {
		code := w.Bodies[w.lo+i].Code
		ss := make([]*statement.Statement, len(k.Forms))
		n := 0
		for f, t := range k.Templates {
			name := statementFile(code, k.Forms[f].ID)
			data, err := src.ReadFile(name)
			if err != nil {
				return err
			}
			s, err := t.ReadCSV(bytes.NewReader(data), statement.ReadOptions{Source: name,
				Meta: statement.Meta{Entity: string(code), Unit: format.Thousand}})
			if err != nil {
				return err
			}
			ss[f] = s
			n += printedCells(k.Forms[f].Form)
		}
		w.pub[i] = ss
		cells.Add(int64(n))
		return nil
	})
	w.Report.Cells += int(cells.Load())
	return err
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

// build builds every statement of the batch from its printed items.
func (w *Work) build() error {
	w.built = make([][]*statement.Statement, w.hi-w.lo)
	return parallel(w.hi-w.lo, func(i int) error {
		ss := make([]*statement.Statement, len(w.Kit.Forms))
		for f, t := range w.Kit.Templates {
			s, err := t.Build(statement.Meta{Entity: string(w.Bodies[w.lo+i].Code), Unit: format.Thousand}, w.pub[i][f].Figures())
			if err != nil {
				return err
			}
			ss[f] = s
		}
		w.built[i] = ss
		return nil
	})
}

// A scopeJoint is the four statements of one scope and the links between
// them, verified together as a book.
type scopeJoint struct {
	forms []int    // indexes in Kit.Forms: bs, pl, nw, cf
	ids   []string // their ids in the book: the form ids
	links []statement.Link
}

// joints returns the joint of each scope.
func (k *Kit) joints() ([]scopeJoint, error) {
	var out []scopeJoint
	for _, scope := range scopes {
		var j scopeJoint
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
// 千円 they were printed with.
func (w *Work) verify() error {
	var mu sync.Mutex
	r := &w.Report
	return parallel(w.hi-w.lo, func(i int) error {
		var ids, exact, within, violations, proved int
		var violated []statement.Finding
		var unproved []string
		code := w.Bodies[w.lo+i].Code
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

// sums holds the sums of the printed items: [prefecture][form][figure].
type sums [nationGroup][][]sum

// sum adds the printed items of the batch's bodies to the sums of their
// prefectures: each worker to its own sums, which aggregate adds up.
func (w *Work) sum() error {
	k := w.Kit
	chunk := (w.hi - w.lo + len(w.parts) - 1) / len(w.parts)
	return parallel(len(w.parts), func(p int) error {
		s := w.parts[p]
		if s == nil {
			s = new(sums)
			for g := range s {
				s[g] = make([][]sum, len(k.Forms))
			}
			w.parts[p] = s
		}
		for i := p * chunk; i < min((p+1)*chunk, w.hi-w.lo); i++ {
			g := w.Bodies[w.lo+i].Prefecture - 1
			for f, st := range w.built[i] {
				figs := st.Figures()
				if len(s[g][f]) < len(figs) {
					s[g][f] = make([]sum, len(figs))
				}
				for x, fig := range figs {
					s[g][f][x].add(fig.Value)
				}
			}
		}
		return nil
	})
}

// aggregate adds up the sums by prefecture and for the nation, builds each
// form from them, and writes them as CSV.
func (w *Work) aggregate(out io.Writer) error {
	k := w.Kit
	var total [nationGroup + 1][][]sum
	for g := range total {
		total[g] = make([][]sum, len(k.Forms))
	}
	merge := func(acc *[]sum, part []sum) {
		if len(*acc) < len(part) {
			*acc = make([]sum, len(part))
		}
		for x := range part {
			(*acc)[x].merge(part[x])
		}
	}
	for _, s := range w.parts {
		if s == nil {
			continue
		}
		for g := range s {
			for f := range s[g] {
				merge(&total[g][f], s[g][f])
				merge(&total[nationGroup][f], s[g][f])
			}
		}
	}
	for g := range total {
		w.Aggregate[g] = make([]*statement.Statement, len(k.Forms))
		for f, t := range k.Templates {
			figs := w.figureList(f)
			for x := range figs {
				if x < len(total[g][f]) {
					figs[x].Value = total[g][f][x].cell()
				}
			}
			s, err := t.Build(statement.Meta{Entity: groupName(g), Unit: format.Thousand}, figs)
			if err != nil {
				return err
			}
			w.Aggregate[g][f] = s
		}
	}
	return w.writeAggregate(out)
}

// figureList returns the figures of form f without values, in the order of
// Statement.Figures.
func (w *Work) figureList(f int) []statement.Figure {
	var out []statement.Figure
	form := w.Kit.Forms[f].Form
	for _, r := range form.Rows {
		if r.Kind != statement.Item {
			continue
		}
		for _, c := range form.Columns {
			if c.Kind == statement.Input {
				out = append(out, statement.Figure{Row: r.Key, Column: c.Name})
			}
		}
	}
	return out
}

// A sum adds cells exactly: in int64 yen while the figures and their sum
// fit, in decimal from the first that does not. A sum none of whose cells
// has a figure has none (該当なし), as a total of the form has none.
type sum struct {
	yen   int64
	valid bool // some cell had a figure
	wide  bool // the sum is in big
	big   decimal.Decimal
}

func (a *sum) add(c format.Cell) {
	if !c.Valid {
		return
	}
	a.valid = true
	if !a.wide {
		if v, ok := exactYen(c.Amount); ok {
			if s := a.yen + v; (s > a.yen) == (v > 0) || v == 0 {
				a.yen = s
				return
			}
		}
		a.wide, a.big = true, decimal.NewFromInt(a.yen)
	}
	a.big = a.big.Add(c.Amount)
}

func (a *sum) merge(b sum) {
	if b.valid {
		a.add(b.cell())
	}
}

func (a *sum) cell() format.Cell {
	switch {
	case !a.valid:
		return format.Cell{}
	case a.wide:
		return format.CellOf(a.big)
	}
	return format.CellOf(decimal.NewFromInt(a.yen))
}

// aggregateHeader is the header line of the aggregate CSV: one line for
// each group (a prefecture by its number, or all), form, printed row and
// amount column, with the amount in 千円 (blank for 該当なし).
var aggregateHeader = []string{"group", "bodies", "form", "key", "label", "column", "千円"}

// writeAggregate writes the aggregate as CSV.
func (w *Work) writeAggregate(out io.Writer) error {
	b := bufio.NewWriterSize(out, 1<<16)
	b.WriteString(strings.Join(aggregateHeader, ",") + "\n")
	for g, ss := range w.Aggregate {
		for f, s := range ss {
			form := w.Kit.Forms[f].Form
			for _, r := range form.Rows {
				if r.Kind == statement.Header || r.Hidden {
					continue
				}
				for _, c := range form.Columns {
					if c.Kind == statement.Text {
						continue
					}
					cell, _ := s.Cell(r.Key, c.Name)
					amount := ""
					if cell.Valid {
						amount = cell.Amount.Shift(-format.Thousand.Exp()).String()
					}
					fmt.Fprintf(b, "%s,%d,%s,%s,%s,%s,%s\n", groupName(g), w.Members[g], w.Kit.Forms[f].ID, r.Key, quoteCSV(r.Label), quoteCSV(c.Name), amount)
				}
			}
		}
	}
	return b.Flush()
}

// quoteCSV quotes a field if CSV needs it.
func quoteCSV(s string) string {
	if !strings.ContainsAny(s, ",\"\n\r") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// exactYen returns d as int64 yen, and whether it is whole yen that fits.
func exactYen(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	c := d.CoefficientInt64()
	for e := d.Exponent(); e != 0; {
		switch {
		case e > 0:
			if c > math.MaxInt64/10 || c < math.MinInt64/10 {
				return 0, false
			}
			c *= 10
			e--
		default:
			if c%10 != 0 {
				return 0, false
			}
			c /= 10
			e++
		}
	}
	return c, true
}
