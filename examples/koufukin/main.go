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

// report builds both tables and verifies them against the printed figures.
func report(form string) (*output.Report, error) {
	if form != "" && form != "koufukin" && form != "lgwan" {
		return nil, fmt.Errorf("%w: no table %q: koufukin or lgwan", output.ErrUsage, form)
	}
	ms, err := jlis.Koufukin()
	if err != nil {
		return nil, err
	}
	k, err := jlis.KoufukinStatement(ms)
	if err != nil {
		return nil, err
	}
	lg, printed, err := jlis.LGWANStatements(ms)
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

// A verification is what the summary reports.
type verification struct {
	municipalities, matched, lgwanCells int
	problems                            []string
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
	v.lgwanCells = 3 * len(lg.Form().Rows)
	return v
}

func (v *verification) write(w io.Writer) error {
	fmt.Fprintln(w, "検証結果")
	fmt.Fprintf(w, "交付金見込額一覧: %d municipalities, every code's check digit valid; Webster in units of 1,000 円 gives %d of the %d printed amounts, summing to the 負担金総額 76,476,940,000.\n",
		v.municipalities, v.matched, v.municipalities)
	fmt.Fprintf(w, "LGWAN 負担金: %d printed figures (変更前, 変更後, 増減 and 合計) compared with those computed from 変更前 and 変更後.\n", v.lgwanCells)
	for _, p := range v.problems {
		if _, err := fmt.Fprintln(w, "! "+p); err != nil {
			return err
		}
	}
	return nil
}
