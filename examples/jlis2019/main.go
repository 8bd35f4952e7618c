// Command jlis2019 prints the FY2019 (令和元年度) financial statements of
// 地方公共団体情報システム機構 (J-LIS) as its report publishes them, built by
// the library from the report's item figures, and ends with a verification
// summary: how many published figures were reproduced, how many identities
// and cross-statement links were checked, and each published inconsistency.
//
// Usage:
//
//	go run ./examples/jlis2019 [-form N] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]
//
// The flags are:
//
//	-form N
//		print only the tables of 様式第N号 (N from 8 to 16), or the one table
//		whose id (see examples/jlis/forms.csv) is N, such as note_cash.
//	-format text|csv|json|markdown
//		text (the default) prints each table in its published layout;
//		csv prints each table as CSV (key, label, then its columns), the
//		tables separated by an empty line; json prints one JSON array of
//		statement objects in report order (the contract is in the README);
//		markdown prints a section for each table.
//	-encoding utf8|cp932
//		the character encoding of CSV output: UTF-8 with a byte order mark
//		(the default) or CP932.
//	-o FILE
//		write to FILE instead of the standard output.
//
// Text and Markdown output end with the verification summary. A bad flag
// prints the usage and exits with status 2; any other error prints one
// line and exits with status 1, as does a published figure that is not
// reproduced and not among the pinned discrepancies.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/koukaikei/koukaikei/examples/internal/output"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("jlis2019", flag.ContinueOnError)
	form := fs.String("form", "", "print only the tables of 様式第`N`号, or the table with id N")
	return output.Run(fs, args, stdout, stderr,
		"jlis2019 [-form N] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]",
		func() (*output.Report, error) { return report(*form) })
}

// report builds the report, verifies it, and selects the tables -form
// names.
func report(form string) (*output.Report, error) {
	tables, err := jlis.Build()
	if err != nil {
		return nil, err
	}
	sel, err := choose(tables, form)
	if err != nil {
		return nil, err
	}
	v, err := verify(tables)
	if err != nil {
		return nil, err
	}
	r := &output.Report{Summary: v.write}
	for _, t := range sel {
		r.Statements = append(r.Statements, t.Built)
	}
	if n := len(v.unexpected); n > 0 {
		r.Failure = fmt.Errorf("%d published figures not reproduced, first %s", n, v.unexpected[0])
	}
	return r, nil
}

// choose returns the tables that -form names: those of 様式第N号 for a
// number, the one with that id otherwise, every table when it is empty.
func choose(tables []*jlis.Table, form string) ([]*jlis.Table, error) {
	if form == "" {
		return tables, nil
	}
	var sel []*jlis.Table
	for _, t := range tables {
		if t.Form.Number == "様式第"+form+"号" || t.ID == form {
			sel = append(sel, t)
		}
	}
	if len(sel) == 0 {
		return nil, fmt.Errorf("%w: no table 様式第%s号 and no table with id %q", output.ErrUsage, form, form)
	}
	return sel, nil
}

// A verification is what the summary reports.
type verification struct {
	tables     int
	figures    int      // amounts the report prints
	inputs     int      // item figures the statements were built from
	reproduced int      // printed amounts the library computed or took as they are
	identities int      // totals and computed cells, each a formula over other cells
	pinned     []string // published figures not reproduced, with the reason
	unexpected []string // published figures not reproduced and not pinned
	links      int
	broken     []string // links the report breaks, with the reason
}

// verify compares every built table with the report and checks the links
// between tables.
func verify(tables []*jlis.Table) (*verification, error) {
	v := &verification{tables: len(tables)}
	pins := map[[3]string]string{}
	for _, d := range jlis.Discrepancies {
		pins[[3]string{d.Table, d.Row, d.Column}] = d.Reason
	}
	for _, t := range tables {
		for _, f := range t.Built.Figures() {
			if f.Value.Valid {
				v.inputs++
			}
		}
		for _, row := range t.Form.Rows {
			for _, col := range t.Form.Columns {
				c, ok := t.Published.Cell(row.Key, col.Name)
				if ok && c.Valid && row.Kind != statement.Header && !row.Hidden {
					v.figures++
				}
				if ok && (row.Kind == statement.Total || col.Kind == statement.Computed && row.Kind != statement.Header) {
					v.identities++
				}
			}
		}
		diffs := statement.Compare(t.Built, t.Published)
		for _, d := range diffs {
			line := fmt.Sprintf("%s: %s", title(t), d)
			if reason, ok := pins[[3]string{t.ID, d.Row, d.Column}]; ok {
				v.pinned = append(v.pinned, line+": "+reason)
			} else {
				v.unexpected = append(v.unexpected, line)
			}
		}
	}
	v.reproduced = v.figures - len(v.pinned) - len(v.unexpected)
	checks, err := jlis.Checks(tables)
	if err != nil {
		return nil, err
	}
	for _, c := range checks {
		v.links++
		err := c.Check()
		switch {
		case err != nil && c.Broken != "":
			v.broken = append(v.broken, fmt.Sprintf("%v: %s", err, c.Broken))
		case err != nil:
			v.unexpected = append(v.unexpected, err.Error())
		case c.Broken != "":
			v.unexpected = append(v.unexpected, fmt.Sprintf("link %s holds, but is pinned as broken", c.Name))
		}
	}
	return v, nil
}

func title(t *jlis.Table) string {
	return strings.TrimSpace(t.Form.Number + " " + t.Form.Title)
}

func (v *verification) write(w io.Writer) error {
	fmt.Fprintln(w, "検証結果")
	fmt.Fprintf(w, "%d tables built from %d item figures; of the %d figures the report prints, %d reproduced and %d pinned with their reasons.\n",
		v.tables, v.inputs, v.figures, v.reproduced, len(v.pinned))
	fmt.Fprintf(w, "%d identities within tables computed; %d links between tables checked, %d broken by the report as pinned.\n",
		v.identities, v.links, len(v.broken))
	for _, s := range v.pinned {
		fmt.Fprintln(w, "- "+s)
	}
	for _, s := range v.broken {
		fmt.Fprintln(w, "- "+s)
	}
	for _, s := range v.unexpected {
		fmt.Fprintln(w, "! not reproduced: "+s)
	}
	return nil
}
