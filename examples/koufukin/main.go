// Command koufukin prints two tables of the J-LIS report that allocate a
// total over local public bodies, computed by the library: the
// 令和２年度交付金見込額一覧 of 議案第３号, which divides the 負担金総額
// 76,476,940,000 円 over the populations of 1,741 municipalities in units of
// 1,000 円 by Webster's method, and the LGWAN 負担金 table of 議案第４号
// (47 prefectures, 変更前, 変更後 and 増減). It ends with a verification
// summary.
//
// Usage:
//
//	go run ./examples/koufukin [-form koufukin|lgwan] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]
//
// The flags are those of examples/jlis2019, and the JSON is the same
// contract (see the README); -form names one of the two tables.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/koukaikei/koukaikei/examples/internal/output"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("koufukin", flag.ContinueOnError)
	form := fs.String("form", "", "print only the `table` koufukin or lgwan")
	return output.Run(fs, args, stdout, stderr,
		"koufukin [-form koufukin|lgwan] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]",
		func() (*output.Report, error) { return report(*form) })
}

const entity = "地方公共団体情報システム機構"

// report builds both tables and verifies them against the printed figures.
func report(form string) (*output.Report, error) {
	if form != "" && form != "koufukin" && form != "lgwan" {
		return nil, fmt.Errorf("%w: no table %q: koufukin or lgwan", output.ErrUsage, form)
	}
	ms, err := jlis.Koufukin()
	if err != nil {
		return nil, err
	}
	k, err := koufukin(ms)
	if err != nil {
		return nil, err
	}
	lg, printed, err := lgwan(ms)
	if err != nil {
		return nil, err
	}
	v := verify(ms, k, lg, printed)
	r := &output.Report{Summary: v.write}
	if form != "lgwan" {
		r.Statements = append(r.Statements, k)
	}
	if form != "koufukin" {
		r.Statements = append(r.Statements, lg)
	}
	if len(v.problems) > 0 {
		r.Failure = errors.New(v.problems[0])
	}
	return r, nil
}

var thousand = decimal.NewFromInt(1000)

// koufukin apportions the 負担金総額 over the municipalities' populations.
func koufukin(ms []jlis.Municipality) (*statement.Statement, error) {
	pops := make([]decimal.Decimal, len(ms))
	for i, m := range ms {
		pops[i] = m.Population
	}
	shares, err := segment.Apportion(jlis.KoufukinTotal, pops, thousand, segment.Webster)
	if err != nil {
		return nil, err
	}
	f := &statement.Form{
		Title: "【別表】令和２年度交付金見込額一覧",
		Stub:  "団体コード",
		Columns: []statement.Column{
			{Name: "都道府県名", Kind: statement.Text},
			{Name: "市町村名", Kind: statement.Text},
			{Name: "人口(H31.1.1)", Kind: statement.Input},
			{Name: "交付金見込額", Kind: statement.Input},
		},
	}
	var figs []statement.Figure
	for i, m := range ms {
		key := string(m.Code)
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Item, Label: key})
		figs = append(figs,
			statement.Figure{Row: key, Column: "都道府県名", Text: m.Prefecture},
			statement.Figure{Row: key, Column: "市町村名", Text: m.Name},
			statement.Figure{Row: key, Column: "人口(H31.1.1)", Value: format.CellOf(m.Population)},
			statement.Figure{Row: key, Column: "交付金見込額", Value: format.CellOf(shares[i])})
	}
	// The table prints no total; its total is the 負担金総額 of 議案第３号,
	// which the apportionment divides.
	f.Rows = append(f.Rows, statement.Row{Key: "total", Kind: statement.Item, Label: "合計"})
	figs = append(figs,
		statement.Figure{Row: "total", Column: "人口(H31.1.1)"},
		statement.Figure{Row: "total", Column: "交付金見込額", Value: format.CellOf(jlis.KoufukinTotal)})
	return statement.Build(f, statement.Meta{Entity: entity, Style: format.Formatter{Nil: format.NilBlank}}, figs)
}

// lgwan builds the LGWAN 負担金 table from its 変更前 and 変更後, keyed by
// prefecture code; it also returns the table as printed.
func lgwan(ms []jlis.Municipality) (built, printed *statement.Statement, err error) {
	rows, total, err := jlis.LGWAN()
	if err != nil {
		return nil, nil, err
	}
	codes := map[string]string{}
	for _, m := range ms {
		codes[m.Prefecture] = m.Code.Prefecture()
	}
	f := &statement.Form{
		Title: "総合行政ネットワークに係る令和２年度負担金一覧（都道府県別）",
		Stub:  "都道府県名",
		Columns: []statement.Column{
			{Name: "変更前", Kind: statement.Input},
			{Name: "変更後", Kind: statement.Input},
			{Name: "増減", Kind: statement.Computed, Formula: statement.Formula{{Key: "変更後"}, {Key: "変更前", Negative: true}}},
		},
	}
	var sum statement.Formula
	var figs, all []statement.Figure
	for _, r := range rows {
		key, ok := codes[r.Prefecture]
		if !ok {
			return nil, nil, fmt.Errorf("lgwan: no municipality of %s in the 交付金見込額一覧", r.Prefecture)
		}
		f.Rows = append(f.Rows, statement.Row{Key: key, Kind: statement.Item, Label: r.Prefecture})
		sum = append(sum, statement.Term{Key: key})
		figs = append(figs,
			statement.Figure{Row: key, Column: "変更前", Value: format.CellOf(r.Before)},
			statement.Figure{Row: key, Column: "変更後", Value: format.CellOf(r.After)})
		all = append(all, statement.Figure{Row: key, Column: "増減", Value: format.CellOf(r.Change)})
	}
	f.Rows = append(f.Rows, statement.Row{Key: "total", Kind: statement.Total, Label: "合計", Formula: sum})
	meta := statement.Meta{Entity: entity}
	if built, err = statement.Build(f, meta, figs); err != nil {
		return nil, nil, err
	}
	// The printed table: every cell as printed, computed ones included,
	// on a form whose 増減 and 合計 are inputs.
	pf := *f
	pf.Columns = []statement.Column{{Name: "変更前", Kind: statement.Input}, {Name: "変更後", Kind: statement.Input}, {Name: "増減", Kind: statement.Input}}
	pf.Rows = append(append([]statement.Row(nil), f.Rows[:len(f.Rows)-1]...), statement.Row{Key: "total", Kind: statement.Item, Label: "合計"})
	all = append(append(all, figs...),
		statement.Figure{Row: "total", Column: "変更前", Value: format.CellOf(total.Before)},
		statement.Figure{Row: "total", Column: "変更後", Value: format.CellOf(total.After)},
		statement.Figure{Row: "total", Column: "増減", Value: format.CellOf(total.Change)})
	printed, err = statement.Build(&pf, meta, all)
	return built, printed, err
}

// A verification is what the summary reports.
type verification struct {
	municipalities, matched int
	total, lgwanCells       int
	problems                []string
}

func verify(ms []jlis.Municipality, k, lg, printed *statement.Statement) *verification {
	v := &verification{municipalities: len(ms)}
	var sum decimal.Decimal
	for _, m := range ms {
		c, _ := k.Cell(string(m.Code), "交付金見込額")
		sum = sum.Add(c.Amount)
		if c.Amount.Equal(m.Amount) {
			v.matched++
		} else {
			v.problems = append(v.problems, fmt.Sprintf("%s %s: Webster gives %s, the table prints %s",
				m.Code, m.Name, format.Amount(c.Amount), format.Amount(m.Amount)))
		}
	}
	if !sum.Equal(jlis.KoufukinTotal) {
		v.problems = append(v.problems, fmt.Sprintf("the amounts sum to %s, not the 負担金総額 %s", format.Amount(sum), format.Amount(jlis.KoufukinTotal)))
	}
	for _, d := range statement.Compare(lg, printed) {
		v.problems = append(v.problems, "LGWAN 負担金: "+d.String())
	}
	v.lgwanCells = 3 * (len(lg.Form.Rows))
	return v
}

func (v *verification) write(w io.Writer) error {
	fmt.Fprintln(w, "検証結果")
	fmt.Fprintf(w, "交付金見込額一覧: %d municipalities, every code's check digit valid; Webster in units of 1,000 円 gives %d of the %d printed amounts, summing to the 負担金総額 76,476,940,000.\n",
		v.municipalities, v.matched, v.municipalities)
	fmt.Fprintf(w, "LGWAN 負担金: %d printed figures (変更前, 変更後, 増減 and 合計) compared with those computed from 変更前 and 変更後.\n", v.lgwanCells)
	for _, p := range v.problems {
		fmt.Fprintln(w, "! "+p)
	}
	_, err := fmt.Fprint(w)
	return err
}
