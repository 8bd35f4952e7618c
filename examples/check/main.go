// Command check verifies the arithmetic of a published statement file, or
// of a whole published report: every total, subtotal and computed column,
// and every link between the statements of the report, is judged exact,
// within the rounding the figures were printed with, or a violation, with
// the amount by which it is off beyond what rounding explains and the
// proof of it. Every verdict is proven; an identity that the verification's
// work budget did not let it prove either way is undecided, which is
// counted and printed (expected 0) and never taken as consistent.
//
// Usage:
//
//	go run ./examples/check [-unit U] [-rounding R] [-format text|json] FILE|DIR|ID=FILE ...
//	go run ./examples/check -form ID|FILE [-columns SPEC] [-title TITLE] [-unit U] [-rounding R] [-format text|json] PUBLISHED.csv|PUBLISHED.xlsx
//	go run ./examples/check -list
//
// Without -form, check reads a whole report: the statements of the
// 統一的な基準 in the files given, in the files of a directory given
// (.csv, .tsv, .txt, .xlsx), each file holding one statement, several one
// after another under their title lines, the scopes side by side, or, for
// a workbook, any of these on each sheet; a .txt file is a text export,
// its columns aligned by spaces (statement.ReadGridText). Each
// statement's form is recognised from its title and lines (see
// unified.ReadGrid); ID=FILE reads FILE on the form ID instead. The unit
// and date of each statement are read from the lines above its table,
// -unit serving those that state none. Every statement and every link between them (unified.Links, for
// each scope whose statements the report has) is verified jointly under
// rounding. It prints, for each statement, its identities counted by
// verdict, and each identity within rounding, violated or undecided, with
// the proof of each violation; for each link, its verdict; then a summary
// line. Exit codes are as below.
//
// -form names a form the library ships (the 統一的な基準 forms; -list prints
// them, one per line: id, title and scope) or a form file in the row format
// of statement.ReadRowsCSV, whose columns -columns gives in the syntax of
// statement.ParseColumns (default 金額) and whose title -title gives
// (default the file's name).
//
// PUBLISHED.csv is the statement as printed: a label column headed label,
// 科目 or any heading of its own in the first column, one column per
// amount column of the form, optionally a key column; - for 該当なし; in
// UTF-8 or CP932; separated by commas or, if its first line with either has
// a tab, by tabs. PUBLISHED.xlsx is a workbook of one sheet that holds
// text (empty sheets are passed over).
//
// -unit U is the unit figures are printed in: 円 (the default), 千円,
// 百万円, 万円 or 億円; -rounding R is how each was rounded on its own from
// exact yen: 四捨五入 (the default), 切り捨て, 切り上げ or 偶数丸め.
//
// It prints one line for each identity that is within rounding, a
// violation or undecided (label and column, the figure printed, the range
// of exact yen its printed terms may sum to), with the proof of each
// violation below it: the identities that, added and subtracted, leave
// printed figures whose sum cannot be zero, and by how much. Then a
// summary line counts the verdicts, the undecided ones too. -format json
// prints one JSON object instead, with each finding's verdict, the range
// of exact yen implied for its cell and the cell's exact yen in a witness
// (figures that satisfy every identity that holds, each rounding to the
// figure printed), and the certificate of a violation. It exits with 0
// when the statement is consistent (exactly or within rounding), 1 when
// any identity is violated or undecided, and 2 for bad flags or a file it
// cannot read.
//
// The program is a module of its own, on the Excel module statement/xlsx,
// so that the library's module does not require excelize; the
// repository's go.work joins them.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/koukaikei/koukaikei/statement/xlsx"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, builtin{}))
}

// A FormSource gives the forms the library ships.
type FormSource interface {
	// Forms lists them in order.
	Forms() []unified.FormInfo
}

// builtin is the FormSource of the 統一的な基準.
type builtin struct{}

// Forms returns the forms of package unified.
func (builtin) Forms() []unified.FormInfo { return unified.Forms() }

const usage = "usage: check [-unit U] [-rounding R] [-format text|json] FILE|DIR|ID=FILE ...\n       check -form ID|FILE [-columns SPEC] [-title TITLE] [-unit U] [-rounding R] [-format text|json] PUBLISHED.csv|PUBLISHED.xlsx\n       check -list\n  U: 円, 千円, 百万円, 万円 or 億円; R: 四捨五入, 切り捨て, 切り上げ or 偶数丸め"

// errUsage marks bad flags and arguments.
var errUsage = errors.New("bad usage")

func run(args []string, stdout, stderr io.Writer, forms FormSource) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	form := fs.String("form", "", "a built-in form's `ID` (see -list), or a form file")
	columns := fs.String("columns", "金額", "the columns of a form file, as statement.ParseColumns reads them")
	title := fs.String("title", "", "the title of a form file; defaults to the file's name")
	list := fs.Bool("list", false, "list the built-in forms")
	unit := fs.String("unit", "円", "the `unit` the file is printed in: 円, 千円, 百万円, 万円 or 億円")
	rounding := fs.String("rounding", "四捨五入", "how each figure was rounded: 四捨五入, 切り捨て, 切り上げ or 偶数丸め")
	out := fs.String("format", "text", "output `format`: text or json")
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *list {
		for _, f := range forms.Forms() {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", f.ID, f.Title, f.Scope)
		}
		return 0
	}
	if *form == "" {
		return runWhole(fs, stdout, stderr, *unit, *rounding, *out)
	}
	c := &checker{forms: forms}
	err := c.configure(fs.Args(), *form, *columns, *title, *unit, *rounding, *out)
	if err == nil {
		err = c.read()
	}
	if err != nil {
		fmt.Fprintf(stderr, "check: %v\n", err)
		if errors.Is(err, errUsage) {
			fs.Usage()
		}
		return 2
	}
	r, err := c.verify()
	if err != nil {
		fmt.Fprintf(stderr, "check: %s: %v\n", c.file, err)
		return 2
	}
	return finish(r, r.Consistent, c.json, stdout, stderr)
}

// A printable is a report of either mode, printed as text or as JSON.
type printable interface {
	writeText(io.Writer) error
}

// finish prints r as text or JSON and returns the exit code: 0 when the
// report is consistent, 1 when not, 2 when it cannot be printed.
func finish(r printable, consistent, asJSON bool, stdout, stderr io.Writer) int {
	var err error
	if asJSON {
		var b []byte
		if b, err = json.MarshalIndent(r, "", "  "); err == nil {
			_, err = stdout.Write(append(b, '\n'))
		}
	} else {
		err = r.writeText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "check: %v\n", err)
		return 2
	}
	if !consistent {
		return 1
	}
	return 0
}

// runWhole checks the whole report that the arguments name.
func runWhole(fs *flag.FlagSet, stdout, stderr io.Writer, unit, rounding, out string) int {
	w := &whole{}
	err := w.configure(fs.Args(), unit, rounding, out)
	if err == nil {
		err = w.read(fs.Args())
	}
	if err != nil {
		fmt.Fprintf(stderr, "check: %v\n", err)
		if errors.Is(err, errUsage) {
			fs.Usage()
		}
		return 2
	}
	r, err := w.verify()
	if err != nil {
		fmt.Fprintf(stderr, "check: %v\n", err)
		return 2
	}
	return finish(r, r.Consistent, out == "json", stdout, stderr)
}

// configure checks the flags of a whole report's check.
func (w *whole) configure(args []string, unit, rounding, out string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: no -form, and no report's files to recognise the forms of", errUsage)
	}
	var err error
	w.meta, _, err = parseFlags(unit, rounding, out)
	return err
}

// parseFlags reads the flags both checks share: the unit and rounding of
// the figures, and the output format.
func parseFlags(unit, rounding, out string) (meta statement.Meta, json bool, err error) {
	if out != "text" && out != "json" {
		return meta, false, fmt.Errorf("%w: unknown format %q: text or json", errUsage, out)
	}
	if meta.Unit, err = format.ParseUnit(unit); err != nil {
		return meta, false, fmt.Errorf("%w: unknown unit %q: 円, 千円, 百万円, 万円 or 億円", errUsage, unit)
	}
	r, ok := parseRounding(rounding)
	if !ok {
		return meta, false, fmt.Errorf("%w: unknown rounding %q: 四捨五入, 切り捨て, 切り上げ or 偶数丸め", errUsage, rounding)
	}
	meta.Rounding = r
	return meta, out == "json", nil
}

// A checker holds what the flags say.
type checker struct {
	forms    FormSource
	file     string
	form     *statement.Form
	meta     statement.Meta
	json     bool
	verified *statement.Statement
}

func (c *checker) configure(args []string, form, columns, title, unit, rounding, out string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: one published file, got %d arguments", errUsage, len(args))
	}
	c.file = args[0]
	var err error
	if c.meta, c.json, err = parseFlags(unit, rounding, out); err != nil {
		return err
	}
	if form == "" {
		return fmt.Errorf("%w: no -form", errUsage)
	}
	for _, f := range c.forms.Forms() {
		if f.ID == form {
			c.form = f.Form
			return nil
		}
	}
	return c.readForm(form, columns, title)
}

// parseRounding reads a rounding by its name.
func parseRounding(s string) (format.Rounding, bool) {
	for r := format.HalfUp; r <= format.HalfEven; r++ {
		if r.String() == s {
			return r, true
		}
	}
	return 0, false
}

// readForm reads a form file: rows in the format of ReadRowsCSV.
func (c *checker) readForm(path, columns, title string) error {
	cols, err := statement.ParseColumns(columns)
	if err != nil {
		return fmt.Errorf("%w: -columns: %v", errUsage, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("-form %s: not a built-in form (see -list), and %v", path, err)
	}
	defer f.Close()
	rows, err := statement.ReadRowsCSV(f, path)
	if err != nil {
		return err
	}
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	c.form = &statement.Form{Title: title, Columns: cols, Rows: rows}
	if _, err := statement.Compile(c.form); err != nil {
		return err
	}
	return nil
}

// read reads the published file: a workbook, or CSV in UTF-8 or CP932,
// comma- or tab-separated, its labels in its first column whatever their
// heading.
func (c *checker) read() error {
	if strings.EqualFold(filepath.Ext(c.file), ".xlsx") {
		return c.readXLSX()
	}
	f, err := os.Open(c.file)
	if err != nil {
		return err
	}
	defer f.Close()
	c.verified, err = statement.ReadCSV(f, c.form, statement.ReadOptions{Source: c.file, Meta: c.meta, AnyStub: true})
	return err
}

// A report is the result of a check, as -format json prints it.
type report struct {
	File           string    `json:"file"`
	Form           string    `json:"form"`
	Unit           string    `json:"unit"`
	Rounding       string    `json:"rounding"`
	Identities     int       `json:"identities"`
	Exact          int       `json:"exact"`
	WithinRounding int       `json:"within_rounding"`
	Violations     int       `json:"violations"`
	Undecided      int       `json:"undecided"`
	Consistent     bool      `json:"consistent"`
	Findings       []finding `json:"findings"`

	unit     format.Unit
	findings []statement.Finding
}

// A finding is one identity that is not exact. Amounts are in yen, as
// decimal strings; null for 該当なし or an unbounded end.
type finding struct {
	Row     string  `json:"row"`
	Label   string  `json:"label"`
	Column  string  `json:"column"`
	Rule    string  `json:"rule"`
	Verdict string  `json:"verdict"`
	Printed *string `json:"printed"`
	// Computed is the range the printed terms may sum to.
	Computed interval `json:"computed"`
	// Bounds is the range of exact yen implied for the printed cell by
	// every identity that is not violated; Witness is its exact yen in
	// the witness, null when undecided.
	Bounds      interval     `json:"bounds"`
	Witness     *string      `json:"witness"`
	Excess      string       `json:"excess"`
	Certificate *certificate `json:"certificate,omitempty"`
}

// An interval is a statement.Range; null for an end without a bound.
type interval struct {
	Lo *string `json:"lo"`
	Hi *string `json:"hi"`
}

func intervalOf(r statement.Range) interval {
	var iv interval
	if !r.NoLo {
		iv.Lo = ptr(r.Lo.String())
	}
	if !r.NoHi {
		iv.Hi = ptr(r.Hi.String())
	}
	return iv
}

// A certificate is a statement.Certificate: the identities combined, each
// with its multiplier, the printed figures they leave, with theirs and the
// exact yen each stands for, and the interval of their sum, which excludes
// zero; or a split into two cases.
type certificate struct {
	Identities []certified `json:"identities,omitempty"`
	Figures    []certified `json:"figures,omitempty"`
	Sum        *interval   `json:"sum,omitempty"`
	Excess     string      `json:"excess,omitempty"`
	Split      *split      `json:"split,omitempty"`
}

type certified struct {
	Row     string    `json:"row"`
	Label   string    `json:"label"`
	Column  string    `json:"column"`
	Rule    string    `json:"rule,omitempty"`
	Times   int64     `json:"times"`
	Printed *string   `json:"printed,omitempty"`
	Range   *interval `json:"range,omitempty"`
}

type split struct {
	Figure certified    `json:"figure"`
	At     string       `json:"at"`
	Below  *certificate `json:"below"`
	Above  *certificate `json:"above"`
}

func certificateOf(c *statement.Certificate) *certificate {
	if c == nil {
		return nil
	}
	if c.Split != nil {
		return &certificate{Split: &split{Figure: figureOf(c.Split.Figure), At: c.Split.At.String(),
			Below: certificateOf(c.Split.Below), Above: certificateOf(c.Split.Above)}}
	}
	sum := intervalOf(c.Sum)
	out := &certificate{Sum: &sum, Excess: c.Excess.String()}
	for _, id := range c.Identities {
		out.Identities = append(out.Identities, certified{Row: id.Row, Label: id.Label, Column: id.Column, Rule: id.Rule, Times: id.Times})
	}
	for _, f := range c.Figures {
		out.Figures = append(out.Figures, figureOf(f))
	}
	return out
}

func figureOf(f statement.CertifiedFigure) certified {
	r := intervalOf(f.Range)
	x := certified{Row: f.Row, Label: f.Label, Column: f.Column, Times: f.Times, Range: &r}
	if f.Printed.Valid {
		x.Printed = ptr(f.Printed.Amount.String())
	}
	return x
}

// findingOf returns f, found by v, as the JSON output has it.
func findingOf(v *statement.Verification, f statement.Finding) finding {
	x := finding{Row: f.Row, Label: f.Label, Column: f.Column, Rule: f.Rule, Verdict: f.Verdict.String(),
		Computed: intervalOf(f.Range), Excess: f.Excess.String(), Certificate: certificateOf(f.Certificate)}
	if f.Want.Valid {
		x.Printed = ptr(f.Want.Amount.String())
	}
	if b, ok := v.Bounds(f.Statement, f.Row, f.Column); ok {
		x.Bounds = intervalOf(b)
	}
	if w, ok := v.Witness(f.Statement, f.Row, f.Column); ok {
		x.Witness = ptr(w.String())
	}
	return x
}

func (c *checker) verify() (*report, error) {
	s := c.verified
	v, err := s.VerifyRounded()
	if err != nil {
		return nil, err
	}
	r := &report{File: c.file, Form: strings.TrimSpace(c.form.Number + " " + c.form.Title), Unit: c.meta.Unit.String(),
		Rounding: c.meta.Rounding.String(), Findings: []finding{}, unit: c.meta.Unit,
		Exact: v.Count(statement.Exact), WithinRounding: v.Count(statement.WithinRounding),
		Violations: v.Count(statement.Violation), Undecided: v.Count(statement.Undecided)}
	r.Identities = r.Exact + r.WithinRounding + r.Violations + r.Undecided
	for _, f := range v.Findings {
		r.findings = append(r.findings, f)
		r.Findings = append(r.Findings, findingOf(v, f))
	}
	r.Consistent = r.Violations == 0 && r.Undecided == 0
	return r, nil
}

func ptr(s string) *string { return &s }

func (r *report) writeText(w io.Writer) error {
	show := format.Formatter{Unit: r.unit, Suffix: true}
	for _, f := range r.findings {
		fmt.Fprintf(w, "%s %s: printed %s, computed %s: %s%s\n", f.Label, f.Column, show.FormatCell(f.Want), f.Range, f.Verdict, excess(f))
		writeProof(w, "  ", f)
	}
	_, err := fmt.Fprintf(w, "%s: %s: %s\n", r.File, counts(r.Identities, r.Exact, r.WithinRounding, r.Violations, r.Undecided), verdict(r.Violations, r.Undecided))
	return err
}

// writeProof prints the certificate of a violation, if it has one,
// indented.
func writeProof(w io.Writer, indent string, f statement.Finding) {
	if f.Certificate == nil {
		return
	}
	fmt.Fprintln(w, indent+"proof:")
	for _, line := range strings.Split(f.Certificate.String(), "\n") {
		fmt.Fprintln(w, indent+"  "+line)
	}
}

// verdict says what the counts of violations and undecided identities
// make of a statement or report.
func verdict(violations, undecided int) string {
	switch {
	case violations > 0:
		return "not consistent"
	case undecided > 0:
		return "undecided: the work budget ran out"
	}
	return "consistent"
}

// readXLSX reads the one sheet of a workbook that holds text, whose unit,
// if it states one, must be -unit's. A workbook of more is an error
// rather than sheets passed over: without -form, check reads them all.
func (c *checker) readXLSX() error {
	sheets, err := xlsx.ReadFile(c.file)
	if err != nil {
		return err
	}
	var filled []statement.Grid
	for _, g := range sheets {
		if slices.ContainsFunc(g.Rows, func(row []string) bool {
			return slices.ContainsFunc(row, func(c string) bool { return strings.TrimSpace(c) != "" })
		}) {
			filled = append(filled, g)
		}
	}
	if len(filled) != 1 {
		return fmt.Errorf("%w: %s: -form reads a workbook of one sheet, not %d; without -form, check reads every sheet", errUsage, c.file, len(filled))
	}
	t, err := statement.Compile(c.form)
	if err != nil {
		return err
	}
	s, err := t.ReadGrid(filled[0], statement.ReadOptions{Source: c.file, Meta: c.meta})
	if err != nil {
		return err
	}
	c.verified = s
	return nil
}
