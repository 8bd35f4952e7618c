package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment/apportion"
	"github.com/koukaikei/koukaikei/segment/localcode"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// municipalities holds the number of 市区町村 of each prefecture, 北海道 to
// 沖縄県 (1,741 in all, the 23 特別区 counted in 東京都): the weights by which
// a nation of any size spreads its municipalities.
var municipalities = [47]int64{
	179, 40, 33, 35, 25, 35, 59, 44, 25, 35, 63, 54, 62, 33, 30, 15,
	19, 17, 27, 77, 42, 35, 54, 29, 19, 26, 43, 41, 39, 30, 19, 19,
	27, 23, 19, 24, 17, 20, 34, 60, 20, 21, 45, 18, 26, 43, 41,
}

// perPrefecture is how many municipalities one prefecture can number:
// codes PP100 to PP999, PP000 being the prefecture itself.
const perPrefecture = 900

// DefaultBodies is the number of local bodies that publish the statements:
// 47 prefectures and 1,741 municipalities.
const DefaultBodies = 1788

// A Body is one local body of the nation.
type Body struct {
	Code       localcode.Code
	Prefecture int // 1 (北海道) to 47 (沖縄県)
}

// IsPrefecture reports whether b is a prefecture rather than a
// municipality: its code ends in 000 before the check digit.
func (b Body) IsPrefecture() bool { return strings.HasSuffix(string(b.Code[:5]), "000") }

// scopes are the three scopes of the standard, as the form ids name them.
var scopes = []string{"general", "whole", "consolidated"}

// statements are the four statements of a scope, as the form ids name them.
var statementIDs = []string{"bs", "pl", "nw", "cf"}

// A Kit is the forms of the standard, compiled once and shared by every
// body, and the links between the statements of each scope.
type Kit struct {
	Forms     []unified.FormInfo
	Templates []*statement.Template
	byID      map[string]int
	Links     []statement.Link
	LinksCSV  []byte
}

// NewKit compiles the forms of the standard.
func NewKit() (*Kit, error) {
	k := &Kit{Forms: unified.Forms(), byID: map[string]int{}, LinksCSV: unified.LinksCSV()}
	for i, f := range k.Forms {
		t, err := statement.Compile(f.Form)
		if err != nil {
			return nil, err
		}
		k.Templates = append(k.Templates, t)
		k.byID[f.ID] = i
	}
	for _, s := range []unified.Scope{unified.General, unified.Whole, unified.Consolidated} {
		k.Links = append(k.Links, unified.Links(s)...)
	}
	return k, nil
}

// form returns the index of the form with the given id.
func (k *Kit) form(id string) int {
	i, ok := k.byID[id]
	if !ok {
		panic("no form " + id)
	}
	return i
}

// Bodies returns n bodies: the 47 prefectures (or the first n of them), and
// n−47 municipalities apportioned over the prefectures by Webster's method
// in proportion to the real numbers of municipalities, at most 900 in one
// prefecture, numbered evenly from PP100 to PP999.
func Bodies(n int) ([]Body, error) {
	if n < 1 || n > 47*(perPrefecture+1) {
		return nil, fmt.Errorf("nationwide: %d bodies: from 1 to %d", n, 47*(perPrefecture+1))
	}
	counts := make([]int64, 47)
	if rest := n - 47; rest > 0 {
		var err error
		if counts, err = spread(int64(rest)); err != nil {
			return nil, err
		}
	}
	var out []Body
	for p := 1; p <= 47 && len(out) < n; p++ {
		c, err := localcode.Parse(fmt.Sprintf("%02d000", p))
		if err != nil {
			return nil, err
		}
		out = append(out, Body{Code: c, Prefecture: p})
		for k := int64(0); k < counts[p-1]; k++ {
			c, err := localcode.Parse(fmt.Sprintf("%02d%03d", p, 100+k*perPrefecture/counts[p-1]))
			if err != nil {
				return nil, err
			}
			out = append(out, Body{Code: c, Prefecture: p})
		}
	}
	return out, nil
}

// spread apportions total municipalities over the prefectures, capping
// each at perPrefecture and apportioning the rest over the others.
func spread(total int64) ([]int64, error) {
	counts := make([]int64, 47)
	capped := make([]bool, 47)
	for {
		var weights []decimal.Decimal
		var idx []int
		left := total
		for p := range counts {
			if capped[p] {
				left -= perPrefecture
				continue
			}
			weights = append(weights, decimal.NewFromInt(municipalities[p]))
			idx = append(idx, p)
		}
		shares, err := apportion.Divide(decimal.NewFromInt(left), weights, decimal.NewFromInt(1), apportion.Webster)
		if err != nil {
			return nil, err
		}
		again := false
		for k, p := range idx {
			counts[p] = shares[k].IntPart()
			if counts[p] > perPrefecture {
				capped[p], again = true, true
			}
		}
		if !again {
			for p := range counts {
				if capped[p] {
					counts[p] = perPrefecture
				}
			}
			return counts, nil
		}
	}
}

// A Nation is the bodies of a synthetic nation and, for each body, the
// twelve statements it publishes: exact in 円 and as published in 千円.
type Nation struct {
	Kit    *Kit
	Bodies []Body
	// Exact and Published hold, for each body, its statements in the
	// order of Kit.Forms.
	Exact, Published [][]*statement.Statement
}

// Generate makes a nation of n bodies, deterministically from seed: each
// body's figures come from its own generator, seeded by seed and the
// body's place, so bodies can be made in parallel.
func Generate(k *Kit, n int, seed uint64) (*Nation, error) {
	bodies, err := Bodies(n)
	if err != nil {
		return nil, err
	}
	nat := &Nation{Kit: k, Bodies: bodies,
		Exact: make([][]*statement.Statement, n), Published: make([][]*statement.Statement, n)}
	err = parallel(n, func(i int) error {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		figs := k.figures(rng, bodies[i].IsPrefecture())
		exact := make([]*statement.Statement, len(k.Forms))
		pub := make([]*statement.Statement, len(k.Forms))
		for f, t := range k.Templates {
			s, err := t.Build(statement.Meta{Entity: string(bodies[i].Code)}, figs[f])
			if err != nil {
				return fmt.Errorf("%s %s: %w", bodies[i].Code, k.Forms[f].ID, err)
			}
			exact[f] = s
			pub[f] = s.Scale(statement.Scaling{Unit: format.Thousand, Policy: statement.RoundEach})
		}
		nat.Exact[i], nat.Published[i] = exact, pub
		return nil
	})
	if err != nil {
		return nil, err
	}
	return nat, nil
}

// parallel calls f for 0 to n−1 on as many goroutines as there are
// processors, and returns the first error.
func parallel(n int, f func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		next int
		fail error
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				stop := fail != nil
				mu.Unlock()
				if i >= n || stop {
					return
				}
				if err := f(i); err != nil {
					mu.Lock()
					if fail == nil {
						fail = err
					}
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	return fail
}

// A leaf is one input cell of a statement being generated: yen, or no
// figure (該当なし).
type leaf struct {
	yen   int64
	valid bool
}

// sheet is the input cells of one statement being generated, by row key and
// input column.
type sheet map[string]map[string]leaf

func (s sheet) set(row, col string, yen int64) {
	if s[row] == nil {
		s[row] = map[string]leaf{}
	}
	s[row][col] = leaf{yen: yen, valid: true}
}

// total returns the exact value of a row in a column, totals computed by
// the template's formulas; no figure counts as zero.
func total(t *statement.Template, s sheet, row, col string) int64 {
	f := t.Formula(row)
	if f == nil {
		return s[row][col].yen
	}
	var sum int64
	for _, term := range f {
		v := total(t, s, term.Key, col)
		if term.Negative {
			v = -v
		}
		sum += v
	}
	return sum
}

// A draw makes the random amounts of one body.
type draw struct {
	rng  *rand.Rand
	size int64 // the body's scale in yen: about its total assets
}

// amount returns a non-negative amount up to size/div, spread over several
// orders of magnitude; now and then zero, and now and then below 500 円,
// which prints as 0 千円.
func (d draw) amount(div int64) int64 {
	switch d.rng.IntN(20) {
	case 0:
		return 0
	case 1:
		return d.rng.Int64N(1000)
	}
	top := max(d.size/div>>d.rng.IntN(10), 1)
	return d.rng.Int64N(top) + 1
}

// signed returns an amount of either sign.
func (d draw) signed(div int64) int64 {
	v := d.amount(div)
	if d.rng.IntN(2) == 0 {
		return -v
	}
	return v
}

// figures returns the input figures of one body's twelve statements, in the
// order of k.Forms. The PL and CF are drawn; the NW takes the PL's 純行政コスト
// and draws its other movements; the BS draws its assets and liabilities
// but takes 現金預金 from the CF and 純資産 from the balance; the NW's
// 前年度末純資産残高 is what makes its 本年度末 the BS's 純資産. So every
// link holds to the yen.
func (k *Kit) figures(rng *rand.Rand, prefecture bool) [][]statement.Figure {
	// A municipality holds from 10億円 to 10兆円 of assets, a prefecture
	// from 1兆円 to 100兆円.
	e := 9 + rng.IntN(4)
	if prefecture {
		e = 12 + rng.IntN(2)
	}
	size := int64(1 + rng.IntN(9))
	for range e {
		size *= 10
	}
	out := make([][]statement.Figure, len(k.Forms))
	for si, scope := range scopes {
		// 全体 and 連結 add enterprises and affiliated bodies.
		d := draw{rng: rng, size: size * int64(10+5*si) / 10}
		pl, cf, nw, bs := sheet{}, sheet{}, sheet{}, sheet{}
		ipl, icf, inw, ibs := k.form("pl-"+scope), k.form("cf-"+scope), k.form("nw-"+scope), k.form("bs-"+scope)
		const amt = "金額"

		for _, r := range k.Forms[ipl].Form.Rows {
			if r.Kind == statement.Item {
				pl.set(r.Key, amt, d.amount(40))
			}
		}
		cost := total(k.Templates[ipl], pl, "4900", amt)

		for _, r := range k.Forms[icf].Form.Rows {
			if r.Kind != statement.Item {
				continue
			}
			switch r.Key {
			case "9100", "9300":
				cf.set(r.Key, amt, d.amount(50))
			case "9400":
				cf.set(r.Key, amt, d.signed(2000))
			default:
				cf.set(r.Key, amt, d.amount(60))
			}
		}
		if end := total(k.Templates[icf], cf, "9900", amt); end < 0 {
			cf.set("9100", amt, cf["9100"][amt].yen-end+d.amount(100))
		}
		cash := total(k.Templates[icf], cf, "9900", amt)

		nwf := k.Forms[inw].Form
		fixed, surplus, other := nwf.Columns[1].Name, nwf.Columns[2].Name, ""
		if len(nwf.Columns) > 3 {
			other = nwf.Columns[3].Name
		}
		for _, r := range nwf.Rows {
			switch r.Key {
			case "6100":
				nw.set(r.Key, surplus, -cost)
			case "6210":
				nw.set(r.Key, surplus, cost/10*6+d.signed(1000))
			case "6220":
				nw.set(r.Key, surplus, cost/10*3+d.amount(1000))
			case "6410", "6430":
				v := d.amount(100)
				nw.set(r.Key, fixed, v)
				nw.set(r.Key, surplus, -v)
			case "6420", "6440":
				v := d.amount(100)
				nw.set(r.Key, fixed, -v)
				nw.set(r.Key, surplus, v)
			case "6500", "6600":
				nw.set(r.Key, fixed, d.signed(1000))
			case "6610":
				nw.set(r.Key, other, d.amount(2000))
			case "6620":
				nw.set(r.Key, other, -d.amount(2000))
			case "6650":
				nw.set(r.Key, fixed, d.signed(5000))
				nw.set(r.Key, surplus, d.signed(5000))
			case "6700":
				nw.set(r.Key, surplus, d.signed(1000))
			}
		}

		bsf := k.Forms[ibs].Form
		var prev int64
		for _, r := range bsf.Rows {
			if r.Kind != statement.Item {
				continue
			}
			switch {
			case r.Key == "1510":
				bs.set(r.Key, amt, cash)
			case r.Key == "1700":
				bs.set(r.Key, amt, d.amount(100000))
			case r.Key >= "3000":
				// 純資産: from the balance, below.
			case strings.Contains(r.Label, "減価償却累計額"):
				bs.set(r.Key, amt, -prev/100*int64(20+rng.IntN(60)))
			case strings.Contains(r.Label, "引当金") && r.Key < "2000":
				bs.set(r.Key, amt, -d.amount(2000))
			case r.Key < "2000":
				prev = d.amount(8)
				bs.set(r.Key, amt, prev)
			default:
				bs.set(r.Key, amt, d.amount(30))
			}
		}
		bt := k.Templates[ibs]
		assets := total(bt, bs, "1900", amt)
		liabilities := total(bt, bs, "2900", amt)
		// 固定資産等形成分: 固定資産, 短期貸付金 and 基金 (流動資産).
		netFixed := total(bt, bs, "1000", amt) + total(bt, bs, "1530", amt) + total(bt, bs, "1540", amt)
		var netOther int64
		if other != "" {
			netOther = d.amount(200)
		}
		bs.set("3010", amt, netFixed)
		bs.set("3020", amt, assets-liabilities-netFixed-netOther)
		if other != "" {
			bs.set("3030", amt, netOther)
		}
		nt := k.Templates[inw]
		nw.set("6000", fixed, netFixed-total(nt, nw, "6800", fixed))
		nw.set("6000", surplus, assets-liabilities-netFixed-netOther-total(nt, nw, "6800", surplus))
		if other != "" {
			nw.set("6000", other, netOther-total(nt, nw, "6800", other))
		}

		for f, sh := range map[int]sheet{ipl: pl, icf: cf, inw: nw, ibs: bs} {
			out[f] = sh.figures(k.Forms[f].Form)
		}
	}
	return out
}

// figures returns the sheet as the figures of every item row in every
// input column of form f; a cell the sheet does not hold has no figure.
func (s sheet) figures(f *statement.Form) []statement.Figure {
	var out []statement.Figure
	for _, r := range f.Rows {
		if r.Kind != statement.Item {
			continue
		}
		for _, c := range f.Columns {
			if c.Kind != statement.Input {
				continue
			}
			fig := statement.Figure{Row: r.Key, Column: c.Name}
			if l := s[r.Key][c.Name]; l.valid {
				fig.Value = format.CellOf(decimal.NewFromInt(l.yen))
			}
			out = append(out, fig)
		}
	}
	return out
}

// statementFile is where a body's statement is written, relative to the
// directory of a nation.
func statementFile(code localcode.Code, form string) string {
	return "statements/" + string(code) + "/" + form + ".csv"
}

// Files returns the files of the published nation, by their slash-separated
// names relative to its directory:
//
//	bodies.csv                    code, prefecture and kind of every body
//	forms.csv, forms/ID.csv       the forms, in the format of statement.ReadRowsCSV
//	identities.csv                every identity of every form, term by term
//	links.csv                     the links between the statements of a scope
//	statements/CODE/ID.csv        each statement as published, in 千円
//
// The statements are in the format of Statement.WriteCSV, which
// statement.ReadCSV and examples/check read (with -unit 千円).
func (n *Nation) Files() (map[string][]byte, error) {
	files := map[string][]byte{}
	var mu sync.Mutex
	err := parallel(len(n.Bodies), func(i int) error {
		local := map[string][]byte{}
		for f, s := range n.Published[i] {
			var b bytes.Buffer
			if err := s.WriteCSV(&b, statement.CSVOptions{}); err != nil {
				return err
			}
			local[statementFile(n.Bodies[i].Code, n.Kit.Forms[f].ID)] = b.Bytes()
		}
		mu.Lock()
		for k, v := range local {
			files[k] = v
		}
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	bodies := [][]string{{"code", "prefecture", "kind"}}
	for _, b := range n.Bodies {
		kind := "municipality"
		if b.IsPrefecture() {
			kind = "prefecture"
		}
		bodies = append(bodies, []string{string(b.Code), fmt.Sprintf("%02d", b.Prefecture), kind})
	}
	files["bodies.csv"] = csvBytes(bodies)
	index := [][]string{{"id", "file", "number", "title", "scope", "columns"}}
	ids := [][]string{{"form", "kind", "target", "term", "sign"}}
	for i, f := range n.Kit.Forms {
		file := "forms/" + f.ID + ".csv"
		index = append(index, []string{f.ID, file, f.Number, f.Title, f.Scope.String(), statement.FormatColumns(f.Form.Columns)})
		rows := [][]string{{"key", "kind", "label", "account", "formula", "indent", "note", "hidden", "remark"}}
		for _, r := range f.Form.Rows {
			formula := ""
			if r.Kind == statement.Total {
				formula = r.Formula.String()
			}
			rows = append(rows, []string{r.Key, r.Kind.String(), r.Label, r.Account, formula,
				strconv.Itoa(r.Indent), r.Note, strconv.FormatBool(r.Hidden), r.Remark})
			for _, term := range n.Kit.Templates[i].Formula(r.Key) {
				ids = append(ids, []string{f.ID, "row", r.Key, term.Key, sign(term)})
			}
		}
		files[file] = csvBytes(rows)
		for _, c := range f.Form.Columns {
			for _, term := range c.Formula {
				ids = append(ids, []string{f.ID, "column", c.Name, term.Key, sign(term)})
			}
		}
	}
	files["forms.csv"] = csvBytes(index)
	files["identities.csv"] = csvBytes(ids)
	files["links.csv"] = n.Kit.LinksCSV
	return files, nil
}

func sign(t statement.Term) string {
	if t.Negative {
		return "-1"
	}
	return "1"
}

func csvBytes(recs [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(recs) // a bytes.Buffer does not fail
	return b.Bytes()
}

// WriteFiles writes files under dir.
func WriteFiles(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	return parallel(len(names), func(i int) error {
		p := filepath.Join(dir, filepath.FromSlash(names[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, files[names[i]], 0o644)
	})
}
