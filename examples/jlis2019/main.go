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
//		print only the tables of 様式第N号 (N from 8 to 13), or the one table
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
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks errors in the flags, which exit with status 2.
var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("jlis2019", flag.ContinueOnError)
	fs.SetOutput(stderr)
	form := fs.String("form", "", "print only the tables of 様式第`N`号, or the table with id N")
	outFormat := fs.String("format", "text", "output `format`: text, csv, json or markdown")
	encoding := fs.String("encoding", "utf8", "CSV `encoding`: utf8 or cp932")
	outFile := fs.String("o", "", "write to `FILE` instead of the standard output")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: jlis2019 [-form N] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	err := print(options{form: *form, format: *outFormat, encoding: *encoding, file: *outFile, extra: fs.Args()}, stdout)
	switch {
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "jlis2019:", err)
		fs.Usage()
		return 2
	case err != nil:
		fmt.Fprintln(stderr, "jlis2019:", err)
		return 1
	}
	return 0
}

type options struct {
	form, format, encoding, file string
	extra                        []string
}

// print builds the report and writes what opt asks for.
func print(opt options, stdout io.Writer) error {
	if len(opt.extra) > 0 {
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, opt.extra)
	}
	if !slices.Contains([]string{"text", "csv", "json", "markdown"}, opt.format) {
		return fmt.Errorf("%w: unknown format %q", errUsage, opt.format)
	}
	csvOpt := statement.CSVOptions{}
	switch opt.encoding {
	case "utf8":
	case "cp932":
		if opt.format != "csv" {
			return fmt.Errorf("%w: -encoding cp932 applies to CSV only", errUsage)
		}
		csvOpt.Encoding = statement.CP932
	default:
		return fmt.Errorf("%w: unknown encoding %q", errUsage, opt.encoding)
	}
	tables, err := jlis.Build()
	if err != nil {
		return err
	}
	sel, err := choose(tables, opt.form)
	if err != nil {
		return err
	}
	v, err := verify(tables)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	switch opt.format {
	case "text":
		err = writeText(&out, sel, v)
	case "csv":
		err = writeCSV(&out, sel, csvOpt)
	case "json":
		err = writeJSON(&out, sel)
	case "markdown":
		err = writeMarkdown(&out, sel, v)
	}
	if err != nil {
		return err
	}
	if opt.file != "" {
		err = os.WriteFile(opt.file, out.Bytes(), 0o644)
	} else {
		_, err = stdout.Write(out.Bytes())
	}
	if err != nil {
		return err
	}
	if n := len(v.unexpected); n > 0 {
		return fmt.Errorf("%d published figures not reproduced, first %s", n, v.unexpected[0])
	}
	return nil
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
		return nil, fmt.Errorf("%w: no table 様式第%s号 and no table with id %q", errUsage, form, form)
	}
	return sel, nil
}

func writeText(w io.Writer, tables []*jlis.Table, v *verification) error {
	for _, t := range tables {
		if err := t.Built.WriteText(w, statement.TextOptions{}); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return v.write(w)
}

func writeMarkdown(w io.Writer, tables []*jlis.Table, v *verification) error {
	for _, t := range tables {
		if err := t.Built.WriteMarkdown(w); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "```")
	if err := v.write(w); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "```")
	return err
}

func writeCSV(w io.Writer, tables []*jlis.Table, opt statement.CSVOptions) error {
	for i, t := range tables {
		if i > 0 {
			opt.NoBOM = true // one byte order mark, at the start
			io.WriteString(w, "\r\n")
		}
		if err := t.Built.WriteCSV(w, opt); err != nil {
			return fmt.Errorf("%s: %w", t.ID, err)
		}
	}
	return nil
}

func writeJSON(w io.Writer, tables []*jlis.Table) error {
	all := make([]*statement.Statement, len(tables))
	for i, t := range tables {
		all[i] = t.Built
	}
	data, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
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
	fmt.Fprintf(w, "%d tables built from %d item figures; of the %d figures the report prints, %d reproduced and %d pinned as published inconsistencies.\n",
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
