// Command jlis2020hosei prints the 令和２年度６月補正予算 of 地方公共団体情報
// システム機構 (J-LIS) as its report publishes it: 議案第２号 (様式第1〜7号
// in 千円), the 百万円 summaries of 参考資料２-１, and the 当初 / 補正 /
// 補正後 tables of 参考資料２-２, each built by the library from the
// report's item figures, the summaries by rounding the 千円 tables. It ends
// with a verification summary, which names the figures the report prints
// inconsistently.
//
// Usage:
//
//	go run ./examples/jlis2020hosei [-form N] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]
//
// The flags and the JSON are those of examples/jlis2019; -form N prints the
// tables of 様式第N号 (1 to 7, given as N or as 様式第N号), or the one table whose id (see
// examples/jlis/hosei.csv) is N, such as sum_pl.
package main

import (
	"flag"
	"io"
	"os"

	"github.com/koukaikei/koukaikei/examples/internal/output"
	"github.com/koukaikei/koukaikei/examples/internal/verify"
	"github.com/koukaikei/koukaikei/examples/jlis"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("jlis2020hosei", flag.ContinueOnError)
	form := fs.String("form", "", "print only the tables of 様式第`N`号, or the table with id N")
	return output.Run(fs, args, stdout, stderr,
		"jlis2020hosei [-form N] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]",
		func() (*output.Report, error) { return report(*form) })
}

// report builds the budget, verifies it, and selects the tables -form
// names.
func report(form string) (*output.Report, error) {
	r, err := jlis.Budget2020()
	if err != nil {
		return nil, err
	}
	return verify.Program(r, form)
}
