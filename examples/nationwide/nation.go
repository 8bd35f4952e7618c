package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing/fstest"

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

// prefectureNames are the names of the prefectures, by number.
var prefectureNames = [47]string{
	"北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
	"埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
	"岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
	"鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
	"佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
}

// A Body is one local body of the nation.
type Body struct {
	Code       localcode.Code
	Prefecture int    // 1 (北海道) to 47 (沖縄県)
	Name       string // the prefecture's name, or a made-up municipality's
	Population int64  // 住民基本台帳人口; 0 when not known
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
		out = append(out, Body{Code: c, Prefecture: p, Name: prefectureNames[p-1]})
		for k := int64(0); k < counts[p-1]; k++ {
			c, err := localcode.Parse(fmt.Sprintf("%02d%03d", p, 100+k*perPrefecture/counts[p-1]))
			if err != nil {
				return nil, err
			}
			// Made-up names: the code's digits, as no real body has them.
			out = append(out, Body{Code: c, Prefecture: p, Name: prefectureNames[p-1] + "第" + string(c[2:5]) + "団体"})
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
// twelve statements it publishes: exact in 円 and as published in Unit.
type Nation struct {
	Kit    *Kit
	Bodies []Body
	Unit   format.Unit // 千円 or 百万円
	// Exact and Published hold, for each body, its statements in the
	// order of Kit.Forms.
	Exact, Published [][]*statement.Statement
}

// Generate makes a nation of n bodies publishing in unit, deterministically
// from seed: each
// body's figures come from its own generator, seeded by seed and the
// body's place, so bodies can be made in parallel.
func Generate(k *Kit, n int, seed uint64, unit format.Unit) (*Nation, error) {
	bodies, err := Bodies(n)
	if err != nil {
		return nil, err
	}
	nat := &Nation{Kit: k, Bodies: bodies, Unit: unit,
		Exact: make([][]*statement.Statement, n), Published: make([][]*statement.Statement, n)}
	err = parallel(n, func(i int) error {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		nat.Bodies[i].Population = population(rng, bodies[i].IsPrefecture())
		figs := k.figures(rng, bodies[i].IsPrefecture(), nat.Bodies[i].Population)
		exact := make([]*statement.Statement, len(k.Forms))
		pub := make([]*statement.Statement, len(k.Forms))
		for f, t := range k.Templates {
			s, err := t.Build(statement.Meta{Entity: string(bodies[i].Code)}, figs[f])
			if err != nil {
				return fmt.Errorf("%s %s: %w", bodies[i].Code, k.Forms[f].ID, err)
			}
			exact[f] = s
			pub[f] = s.Scale(statement.Scaling{Unit: unit, Policy: statement.RoundEach})
		}
		nat.Exact[i], nat.Published[i] = exact, pub
		return nil
	})
	if err != nil {
		return nil, err
	}
	return nat, nil
}

// population draws a body's 住民基本台帳人口, log-normal (NOTES.md): a
// municipality's median 24,000, from 170 to 3,800,000; a prefecture's
// median 1,600,000, from 550,000 to 14,000,000.
func population(rng *rand.Rand, prefecture bool) int64 {
	d := draw{rng: rng}
	if prefecture {
		return int64(min(max(d.logNormal(1.6e6, 0.65), 550e3), 14e6))
	}
	return int64(min(max(d.logNormal(24e3, 1.25), 170), 3.8e6))
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

// A line says how one item line of the forms is drawn: its usual share of
// the body's scale (資産合計 for the 貸借対照表, 経常費用 for the 行政コスト
// and 資金収支計算書) and how often a body has a figure there at all; the
// other lines print 該当なし (-). See NOTES.md for where the shares and
// rates come from.
type line struct {
	share   float64
	present float64
}

// lines holds the drawn lines of the 貸借対照表, 行政コスト計算書 and
// 資金収支計算書 by key. A line not listed has a share of 0.5 % and a figure
// in 60 % of the bodies.
var lines = map[string]line{
	// 貸借対照表, shares of 資産合計. 減価償却累計額 lines are drawn from
	// the asset above them.
	"1111": {0.22, 1}, "1112": {0.002, 0.4}, "1113": {0.45, 1}, "1115": {0.12, 0.95},
	"1117": {0.01, 0.05}, "1119": {0.002, 0.03}, "1121": {0.005, 0.03}, "1123": {0.01, 0.3},
	"1125": {0.01, 0.5}, "1131": {0.12, 0.9}, "1132": {0.02, 0.5}, "1134": {0.45, 0.9},
	"1136": {0.01, 0.2}, "1138": {0.01, 0.5}, "1140": {0.03, 1}, "1210": {0.002, 0.9},
	"1220": {0.002, 0.5}, "1311": {0.003, 0.4}, "1312": {0.01, 0.8}, "1313": {0.002, 0.3},
	"1320": {0.001, 0.1}, "1330": {0.001, 0.6}, "1340": {0.005, 0.6}, "1351": {0.01, 0.5},
	"1352": {0.03, 0.9}, "1360": {0.002, 0.3}, "1370": {0.0005, 0.6}, "1520": {0.002, 0.8},
	"1530": {0.001, 0.3}, "1541": {0.015, 1}, "1542": {0.003, 0.6}, "1550": {0.001, 0.2},
	"1560": {0.001, 0.4}, "1570": {0.0002, 0.6}, "1700": {0.001, 0.05},
	"2010": {0.2, 1}, "2020": {0.002, 0.3}, "2030": {0.03, 1}, "2040": {0.001, 0.05},
	"2050": {0.003, 0.4}, "2110": {0.02, 1}, "2120": {0.002, 0.6}, "2130": {0.0005, 0.2},
	"2140": {0.0005, 0.2}, "2150": {0.0003, 0.1}, "2160": {0.003, 1}, "2170": {0.002, 0.8},
	"2180": {0.001, 0.3},
	// 行政コスト計算書, shares of 経常費用.
	"4111": {0.17, 1}, "4112": {0.015, 1}, "4113": {0.015, 1}, "4114": {0.02, 0.8},
	"4121": {0.17, 1}, "4122": {0.015, 1}, "4123": {0.1, 1}, "4124": {0.005, 0.3},
	"4131": {0.008, 1}, "4132": {0.0005, 0.5}, "4133": {0.01, 0.8}, "4210": {0.15, 1},
	"4220": {0.2, 1}, "4230": {0.1, 0.9}, "4240": {0.01, 0.6}, "4510": {0.03, 1},
	"4520": {0.02, 1}, "4710": {0.003, 0.3}, "4720": {0.002, 0.6}, "4730": {0.001, 0.05},
	"4740": {0.001, 0.05}, "4750": {0.001, 0.2}, "4810": {0.001, 0.5}, "4820": {0.001, 0.2},
	// 資金収支計算書, shares of 経常費用.
	"7111": {0.2, 1}, "7112": {0.18, 1}, "7113": {0.008, 1}, "7114": {0.01, 0.8},
	"7121": {0.15, 1}, "7122": {0.2, 1}, "7123": {0.1, 0.9}, "7124": {0.01, 0.6},
	"7210": {0.6, 1}, "7220": {0.3, 1}, "7230": {0.03, 1}, "7240": {0.02, 1},
	"7310": {0.003, 0.3}, "7320": {0.001, 0.2}, "7400": {0.001, 0.3}, "7610": {0.1, 1},
	"7620": {0.02, 0.9}, "7630": {0.002, 0.3}, "7640": {0.003, 0.4}, "7650": {0.001, 0.3},
	"7710": {0.03, 0.9}, "7720": {0.02, 0.8}, "7730": {0.003, 0.5}, "7740": {0.002, 0.6},
	"7750": {0.001, 0.4}, "8110": {0.08, 1}, "8120": {0.003, 0.4}, "8210": {0.08, 1},
	"8220": {0.001, 0.2}, "9100": {0.03, 1}, "9300": {0.002, 1}, "9400": {0.0005, 0.9},
}

// A draw makes the random amounts of one body.
type draw struct {
	rng *rand.Rand
}

// has reports whether a body has a figure on the line with the given key.
func (d draw) has(key string) bool {
	l, ok := lines[key]
	if !ok {
		l = line{0.005, 0.6}
	}
	return d.rng.Float64() < l.present
}

// amount returns the line's usual share of scale, spread by a log-normal
// factor (σ 0.6): about two thirds of the bodies within a factor of 1.8 of
// the usual share. Now and then it is below 500 円 (one in fifty), which
// prints as 0 千円.
func (d draw) amount(key string, scale int64) int64 {
	if d.rng.IntN(50) == 0 {
		return d.rng.Int64N(500)
	}
	l, ok := lines[key]
	if !ok {
		l = line{0.005, 0.6}
	}
	return int64(float64(scale) * l.share * math.Exp(0.6*d.rng.NormFloat64()))
}

// logNormal returns median·e^(σ·N(0,1)).
func (d draw) logNormal(median, sigma float64) float64 {
	return median * math.Exp(sigma*d.rng.NormFloat64())
}

// figures returns the input figures of one body's twelve statements, in the
// order of k.Forms, for a body of the given population. The PL and CF are
// drawn; the NW takes the PL's 純行政コスト and draws its other movements;
// the BS draws its assets and liabilities but takes 現金預金 from the CF
// and 純資産 from the balance; the NW's 前年度末純資産残高 is what makes its
// 本年度末 the BS's 純資産. So every link holds to the yen.
func (k *Kit) figures(rng *rand.Rand, prefecture bool, population int64) [][]statement.Figure {
	d := draw{rng: rng}
	// 一般会計等's 資産合計 and 経常費用 per resident (NOTES.md): a
	// municipality about 1.7 百万円 and 0.45 百万円, more for a small one;
	// a prefecture about 1.3 百万円 and 0.4 百万円.
	assetsPer, costPer := d.logNormal(1.7e6, 0.35)*math.Pow(float64(population)/24000, -0.12), d.logNormal(0.45e6, 0.25)
	if prefecture {
		assetsPer, costPer = d.logNormal(1.3e6, 0.25), d.logNormal(0.4e6, 0.2)
	}
	out := make([][]statement.Figure, len(k.Forms))
	for si, scope := range scopes {
		// 全体 and 連結 add enterprises and affiliated bodies.
		grow := float64(10+3*si) / 10
		assets := int64(assetsPer * float64(population) * grow)
		cost := int64(costPer * float64(population) * grow)
		pl, cf, nw, bs := sheet{}, sheet{}, sheet{}, sheet{}
		ipl, icf, inw, ibs := k.form("pl-"+scope), k.form("cf-"+scope), k.form("nw-"+scope), k.form("bs-"+scope)
		const amt = "金額"

		for _, r := range k.Forms[ipl].Form.Rows {
			if r.Kind == statement.Item && d.has(r.Key) {
				pl.set(r.Key, amt, d.amount(r.Key, cost))
			}
		}
		netCost := total(k.Templates[ipl], pl, "4900", amt)

		for _, r := range k.Forms[icf].Form.Rows {
			if r.Kind != statement.Item {
				continue
			}
			switch {
			case r.Key == "9400":
				if d.has(r.Key) {
					v := d.amount(r.Key, cost)
					if rng.IntN(2) == 0 {
						v = -v
					}
					cf.set(r.Key, amt, v)
				}
			case d.has(r.Key):
				cf.set(r.Key, amt, d.amount(r.Key, cost))
			}
		}
		if end := total(k.Templates[icf], cf, "9900", amt); end < 0 {
			cf.set("9100", amt, cf["9100"][amt].yen-end+d.amount("9100", cost))
		}
		cash := total(k.Templates[icf], cf, "9900", amt)

		nwf := k.Forms[inw].Form
		fixed, surplus, other := nwf.Columns[1].Name, nwf.Columns[2].Name, ""
		if len(nwf.Columns) > 3 {
			other = nwf.Columns[3].Name
		}
		small := func() int64 { return int64(d.logNormal(0.005, 1) * float64(cost)) }
		for _, r := range nwf.Rows {
			switch r.Key {
			case "6100":
				nw.set(r.Key, surplus, -netCost)
			case "6210":
				nw.set(r.Key, surplus, int64(float64(netCost)*d.logNormal(0.65, 0.1)))
			case "6220":
				nw.set(r.Key, surplus, int64(float64(netCost)*d.logNormal(0.33, 0.15)))
			case "6410", "6430":
				v := small() * 4
				nw.set(r.Key, fixed, v)
				nw.set(r.Key, surplus, -v)
			case "6420", "6440":
				v := small() * 4
				nw.set(r.Key, fixed, -v)
				nw.set(r.Key, surplus, v)
			case "6500", "6600":
				if d.has(r.Key) {
					v := small()
					if rng.IntN(2) == 0 {
						v = -v
					}
					nw.set(r.Key, fixed, v)
				}
			case "6610":
				nw.set(r.Key, other, small())
			case "6620":
				nw.set(r.Key, other, -small())
			case "6650":
				if d.has(r.Key) {
					nw.set(r.Key, fixed, -small())
					nw.set(r.Key, surplus, small())
				}
			case "6700":
				if d.has(r.Key) {
					// Either sign: two draws, one taken from the other.
					up, down := small(), small()
					nw.set(r.Key, surplus, up-down)
				}
			}
		}

		bsf := k.Forms[ibs].Form
		var prev int64
		var prevValid bool
		for _, r := range bsf.Rows {
			if r.Kind != statement.Item {
				continue
			}
			switch {
			case r.Key == "1510":
				bs.set(r.Key, amt, cash)
			case r.Key >= "3000":
				// 純資産: from the balance, below.
			case strings.Contains(r.Label, "減価償却累計額"):
				// Of the asset above, 20 % to 80 % depreciated.
				if prevValid {
					bs.set(r.Key, amt, -prev/100*int64(20+rng.IntN(60)))
				}
			case d.has(r.Key):
				v := d.amount(r.Key, assets)
				if strings.Contains(r.Label, "引当金") && r.Key < "2000" {
					v = -v
				}
				prev, prevValid = v, true
				bs.set(r.Key, amt, v)
			default:
				prevValid = false
			}
		}
		bt := k.Templates[ibs]
		totalAssets := total(bt, bs, "1900", amt)
		liabilities := total(bt, bs, "2900", amt)
		// 固定資産等形成分: 固定資産, 短期貸付金 and 基金 (流動資産).
		netFixed := total(bt, bs, "1000", amt) + total(bt, bs, "1530", amt) + total(bt, bs, "1540", amt)
		var netOther int64
		if other != "" {
			netOther = small()
		}
		bs.set("3010", amt, netFixed)
		bs.set("3020", amt, totalAssets-liabilities-netFixed-netOther)
		if other != "" {
			bs.set("3030", amt, netOther)
		}
		nt := k.Templates[inw]
		nw.set("6000", fixed, netFixed-total(nt, nw, "6800", fixed))
		nw.set("6000", surplus, totalAssets-liabilities-netFixed-netOther-total(nt, nw, "6800", surplus))
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

// A Layout is how a nation's statements are laid out in files.
type Layout int

// Layouts.
const (
	// ByBody is one file per body and statement,
	// statements/CODE/ID.csv: key,label and the form's columns, as
	// Statement.WriteCSV writes them but with the figures as printed.
	ByBody Layout = iota
	// ByPrefecture is one file per prefecture and statement,
	// prefectures/PP/ID.csv: the labels down the side and one column
	// per body and amount column, headed by the body's 団体コード, its
	// name and the column's name, as 総務省's 都道府県 workbooks print
	// the bodies side by side.
	ByPrefecture
)

// String returns body or prefecture, as the -layout flag names them.
func (l Layout) String() string {
	if l == ByPrefecture {
		return "prefecture"
	}
	return "body"
}

// statementFile is where a body's statement is written in the ByBody
// layout, relative to the directory of a nation.
func statementFile(code localcode.Code, form string) string {
	return "statements/" + string(code) + "/" + form + ".csv"
}

// prefectureFile is where a prefecture's bodies' statements of one form
// are written in the ByPrefecture layout.
func prefectureFile(prefecture int, form string) string {
	return fmt.Sprintf("prefectures/%02d/%s.csv", prefecture, form)
}

// Files returns the files of the published nation in layout l, by their
// slash-separated names relative to its directory:
//
//	nation.csv                    the layout and the unit of the statements
//	bodies.csv                    code, name, prefecture, kind and population of every body
//	forms.csv, forms/ID.csv       the forms, in the format of statement.ReadRowsCSV
//	identities.csv                every identity of every form, term by term
//	links.csv                     the links between the statements of a scope
//	statements/CODE/ID.csv        each statement as published (ByBody)
//	prefectures/PP/ID.csv         each prefecture's bodies' statements (ByPrefecture)
//
// The statements print their figures as published statements do, in the
// nation's Unit: grouped by thousands (quoted in CSV), △ before a
// negative, - for 該当なし, under a line （単位：千円） or （単位：百万円）.
func (n *Nation) Files(l Layout) (fstest.MapFS, error) {
	files := fstest.MapFS{}
	var mu sync.Mutex
	add := func(name string, data []byte) {
		mu.Lock()
		files[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		mu.Unlock()
	}
	unitLine := "（単位：" + n.Unit.String() + "）\r\n"
	pr := format.Formatter{Unit: n.Unit}
	switch l {
	case ByBody:
		parallel(len(n.Bodies), func(i int) error {
			for f, st := range n.Published[i] {
				form := n.Kit.Forms[f].Form
				b := []byte(unitLine)
				b = appendRecord(b, append([]string{"key", "label"}, columnNames(form)...))
				rec := make([]string, 0, 2+len(form.Columns))
				for _, r := range form.Rows {
					if r.Hidden {
						continue
					}
					rec = append(rec[:0], r.Key, r.Label)
					for _, c := range form.Columns {
						rec = append(rec, printed(pr, st, r, c))
					}
					b = appendRecord(b, rec)
				}
				add(statementFile(n.Bodies[i].Code, n.Kit.Forms[f].ID), b)
			}
			return nil
		})
	case ByPrefecture:
		members := make([][]int, 48)
		for i, b := range n.Bodies {
			members[b.Prefecture] = append(members[b.Prefecture], i)
		}
		parallel(47, func(p int) error {
			ids := members[p+1]
			if len(ids) == 0 {
				return nil
			}
			for f, info := range n.Kit.Forms {
				form := info.Form
				cols := columnNames(form)
				head := [3][]string{{"団体コード"}, {"団体名"}, {"科目"}}
				for _, i := range ids {
					for _, c := range cols {
						head[0] = append(head[0], string(n.Bodies[i].Code))
						head[1] = append(head[1], n.Bodies[i].Name)
						head[2] = append(head[2], c)
					}
				}
				b := []byte(unitLine)
				for _, h := range head {
					b = appendRecord(b, h)
				}
				rec := make([]string, 0, 1+len(ids)*len(cols))
				for _, r := range form.Rows {
					if r.Hidden {
						continue
					}
					rec = append(rec[:0], r.Label)
					for _, i := range ids {
						for _, c := range form.Columns {
							rec = append(rec, printed(pr, n.Published[i][f], r, c))
						}
					}
					b = appendRecord(b, rec)
				}
				add(prefectureFile(p+1, info.ID), b)
			}
			return nil
		})
	}
	add("nation.csv", csvBytes([][]string{{"layout", "unit"}, {l.String(), n.Unit.String()}}))
	bodies := [][]string{{"code", "name", "prefecture", "kind", "population"}}
	for _, b := range n.Bodies {
		kind := "municipality"
		if b.IsPrefecture() {
			kind = "prefecture"
		}
		bodies = append(bodies, []string{string(b.Code), b.Name, fmt.Sprintf("%02d", b.Prefecture), kind, strconv.FormatInt(b.Population, 10)})
	}
	add("bodies.csv", csvBytes(bodies))
	index := [][]string{{"id", "file", "number", "title", "scope", "columns"}}
	ids := [][]string{{"form", "kind", "target", "term", "sign"}}
	for i, f := range n.Kit.Forms {
		file := "forms/" + f.ID + ".csv"
		index = append(index, []string{f.ID, file, f.Number, f.Title, f.Scope.String(), statement.FormatColumns(f.Form.Columns)})
		rows := [][]string{{"key", "kind", "label", "account", "formula", "indent", "note", "hidden", "remark", "blank"}}
		for _, r := range f.Form.Rows {
			formula := ""
			if r.Kind == statement.Total {
				formula = r.Formula.String()
			}
			rows = append(rows, []string{r.Key, r.Kind.String(), r.Label, r.Account, formula,
				strconv.Itoa(r.Indent), r.Note, strconv.FormatBool(r.Hidden), r.Remark, strings.Join(r.Blank, "|")})
			for _, term := range n.Kit.Templates[i].Formula(r.Key) {
				ids = append(ids, []string{f.ID, "row", r.Key, term.Key, sign(term)})
			}
		}
		add(file, csvBytes(rows))
		for _, c := range f.Form.Columns {
			for _, term := range c.Formula {
				ids = append(ids, []string{f.ID, "column", c.Name, term.Key, sign(term)})
			}
		}
	}
	add("forms.csv", csvBytes(index))
	add("identities.csv", csvBytes(ids))
	add("links.csv", n.Kit.LinksCSV)
	return files, nil
}

// columnNames returns the names of the form's columns.
func columnNames(f *statement.Form) []string {
	var out []string
	for _, c := range f.Columns {
		out = append(out, c.Name)
	}
	return out
}

// printed returns the figure of a row and column as published: empty on
// a heading, - for 該当なし.
func printed(pr format.Formatter, s *statement.Statement, r statement.Row, c statement.Column) string {
	if r.Kind == statement.Header {
		return ""
	}
	cell, _ := s.Cell(r.Key, c.Name)
	return pr.FormatCell(cell)
}

// appendRecord appends one CSV record, fields quoted where they must be,
// and CRLF.
func appendRecord(b []byte, rec []string) []byte {
	for k, f := range rec {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, quoteCSV(f)...)
	}
	return append(b, "\r\n"...)
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
func WriteFiles(dir string, files fstest.MapFS) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	return parallel(len(names), func(i int) error {
		p := filepath.Join(dir, filepath.FromSlash(names[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, files[names[i]].Data, 0o644)
	})
}
