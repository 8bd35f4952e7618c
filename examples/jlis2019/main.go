// Command jlis2019 prints the FY2019 (令和元年度) financial statements of
// 地方公共団体情報システム機構 (J-LIS) as its report publishes them, built by
// the library from the report's item figures, and ends with a verification
// summary: how many published figures were reproduced, how many identities
// and cross-statement links were checked, and each published inconsistency.
//
// Usage:
//
//	go run ./examples/jlis2019 [-form N] [-format text|csv|json|markdown|xlsx] [-encoding utf8|cp932] [-o FILE]
//
// The flags are:
//
//	-form N
//		print only the tables of 様式第N号 (N from 8 to 16, given as N or
//		as 様式第N号), or the one table whose id (see
//		examples/jlis/forms.csv) is N, such as note_cash.
//	-format text|csv|json|markdown|xlsx
//		text (the default) prints each table in its published layout;
//		csv prints each table as CSV (key, label, then its columns), the
//		tables separated by an empty line; json prints one JSON array of
//		statement objects in report order (the contract is in the README);
//		markdown prints a section for each table; xlsx writes an Excel
//		workbook, a sheet for each table, to the file -o names.
//	-encoding utf8|cp932
//		the character encoding of CSV output: UTF-8 with a byte order mark
//		(the default) or CP932.
//	-o FILE
//		write to FILE instead of the standard output.
//
// Text and Markdown output end with the verification summary. A bad flag
// prints the usage and exits with status 2; any other error prints one
// line and exits with status 1, as does an unexpected finding: a published
// figure not reproduced, or a link broken, that examples/jlis/r01/pins.csv
// does not pin, or a pin that is stale.
//
// The program is a module of its own, on the Excel module statement/xlsx,
// so that the library's module does not require excelize; the
// repository's go.work joins them.
package main

import (
	"flag"
	"io"
	"os"

	"github.com/koukaikei/koukaikei/examples/internal/output"
	"github.com/koukaikei/koukaikei/examples/internal/verify"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement/xlsx"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("jlis2019", flag.ContinueOnError)
	form := fs.String("form", "", "print only the tables of 様式第`N`号, or the table with id N")
	return output.Run(fs, args, stdout, stderr,
		"jlis2019 [-form N] [-format text|csv|json|markdown|xlsx] [-encoding utf8|cp932] [-o FILE]",
		func() (*output.Report, error) { return report(*form) }, workbook)
}

// workbook writes the tables as an Excel workbook, a sheet each; the
// summary is not a table and is left out.
var workbook = output.Format{Name: "xlsx", File: true, Write: func(w io.Writer, r *output.Report) error {
	return xlsx.Write(w, r.Statements, xlsx.Options{})
}}

// report builds the report, verifies it, and selects the tables -form
// names.
func report(form string) (*output.Report, error) {
	r, err := jlis.FY2019()
	if err != nil {
		return nil, err
	}
	return verify.Program(r, form)
}
