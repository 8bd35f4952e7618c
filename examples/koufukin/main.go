// Command koufukin prints two tables of the J-LIS report that allocate a
// total over local public bodies, computed by the library: the
// 令和２年度交付金見込額一覧 of 議案第３号, which divides the 負担金総額
// 76,476,940,000 円 over the populations of 1,741 municipalities in units of
// 1,000 円 by Webster's method, and the LGWAN 負担金 table of 議案第４号
// (47 prefectures, 変更前, 変更後 and 増減). It ends with a verification
// summary: every printed figure compared with the computed one, and the
// printed amounts' sum with the 負担金総額.
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
	"github.com/koukaikei/koukaikei/examples/internal/verify"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
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
	r, err := jlis.Allocations()
	if err != nil {
		return nil, err
	}
	sel, err := verify.Select(r, form)
	if err != nil {
		return nil, err
	}
	v, err := r.Verify()
	if err != nil {
		return nil, err
	}
	out := &output.Report{Statements: sel, Summary: func(w io.Writer) error { return summary(w, r, v) }}
	if u := v.Unexpected(); len(u) > 0 {
		out.Failure = errors.New(u[0].String())
	}
	return out, nil
}

// summary prints what the verification v of r found: how many of the
// printed amounts Webster's apportionment gives, and every unexpected
// finding.
func summary(w io.Writer, r *jlis.Report, v *statement.Verification) error {
	k, _ := r.Published.Statement("koufukin")
	lgwan, _ := r.Published.Statement("lgwan")
	municipalities := len(k.Form().Rows) - 1 // and the 負担金総額
	matched := municipalities
	for _, f := range v.Findings {
		if f.Statement == "koufukin" && f.Column == "交付金見込額" && f.Kind == statement.AmountDiffers {
			matched--
		}
	}
	fmt.Fprintln(w, "検証結果")
	fmt.Fprintf(w, "交付金見込額一覧: %d municipalities, every code's check digit valid; Webster in units of 1,000 円 gives %d of the %d printed amounts, summing to the 負担金総額 76,476,940,000.\n",
		municipalities, matched, municipalities)
	fmt.Fprintf(w, "LGWAN 負担金: %d printed figures (変更前, 変更後, 増減 and 合計) compared with those computed from 変更前 and 変更後.\n", 3*len(lgwan.Form().Rows))
	for _, f := range v.Unexpected() {
		if _, err := fmt.Fprintln(w, "! "+f.String()); err != nil {
			return err
		}
	}
	return nil
}
