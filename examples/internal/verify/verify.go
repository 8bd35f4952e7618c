// Package verify is what the J-LIS example programs print besides their
// tables: the tables a -form flag selects, and the summary of the
// verification of a whole report.
package verify

import (
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/examples/internal/output"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"golang.org/x/text/width"
)

// Select returns the built tables of r that a -form flag names: all of
// them for an empty name; those of 様式第N号 for N or 様式第N号 itself
// (full-width digits too); otherwise the one with that id. A name that
// selects nothing is an error wrapping output.ErrUsage that quotes it.
func Select(r *jlis.Report, form string) ([]*statement.Statement, error) {
	number := width.Fold.String(form)
	if !strings.HasPrefix(number, "様式第") {
		number = "様式第" + number + "号"
	}
	var sel []*statement.Statement
	for _, id := range r.Tables {
		s, _ := r.Built.Statement(id)
		if form == "" || id == form || width.Fold.String(s.Form().Number) == number {
			sel = append(sel, s)
		}
	}
	if len(sel) == 0 {
		return nil, fmt.Errorf("%w: -form %q names no table: neither a form number such as 様式第8号 or 8 nor a table id", output.ErrUsage, form)
	}
	return sel, nil
}

// Program returns what a program prints of the report r: the tables form
// selects, and the summary of the verification of all of them, which
// fails the program if anything is unexpected.
func Program(r *jlis.Report, form string) (*output.Report, error) {
	sel, err := Select(r, form)
	if err != nil {
		return nil, err
	}
	s, err := Summarize(r)
	if err != nil {
		return nil, err
	}
	out := &output.Report{Statements: sel, Summary: s.Write}
	if u := s.Verification.Unexpected(); len(u) > 0 {
		out.Failure = fmt.Errorf("%d unexpected findings, first %s", len(u), u[0])
	}
	return out, nil
}

// A Summary counts what the verification of a report checked.
type Summary struct {
	Tables     int // tables compared
	Inputs     int // item figures the tables were built from
	Figures    int // amounts the report prints in them
	Reproduced int // printed amounts the library gave as printed
	Identities int // totals and computed cells, each a formula over other cells
	Links      int // identities between tables checked
	// Within counts the printed amounts that the library does not give as
	// printed, and rounding explains: their identity holds for some exact
	// figures they stand for (statement.WithinRounding).
	Within int
	// LinksWithin counts the links that hold within rounding only: a
	// table in 百万円 against the yen it rounds.
	LinksWithin int
	// Verification is what the report's verification found, under
	// rounding.
	Verification *statement.Verification
	report       *jlis.Report
}

// Summarize verifies r and counts what it checked.
func Summarize(r *jlis.Report) (*Summary, error) {
	v, err := r.Verify()
	if err != nil {
		return nil, err
	}
	s := &Summary{Tables: len(r.Tables), Links: len(r.Links), Verification: v, report: r}
	for _, id := range r.Tables {
		built, _ := r.Built.Statement(id)
		published, _ := r.Published.Statement(id)
		for _, f := range built.Figures() {
			if f.Value.Valid {
				s.Inputs++
			}
		}
		form := published.Form()
		for _, row := range form.Rows {
			for _, col := range form.Columns {
				c, ok := published.Cell(row.Key, col.Name)
				if ok && c.Valid && row.Kind != statement.Header && !row.Hidden {
					s.Figures++
				}
				if ok && (row.Kind == statement.Total || col.Kind == statement.Computed && row.Kind != statement.Header) {
					s.Identities++
				}
			}
		}
	}
	s.Reproduced = s.Figures
	for _, f := range s.Verification.Findings {
		switch {
		case f.Kind == statement.LinkBroken && f.Verdict == statement.WithinRounding:
			s.LinksWithin++
		case f.Kind == statement.LinkBroken || f.Kind == statement.StalePin:
		case f.Verdict == statement.WithinRounding:
			s.Within++
			s.Reproduced--
		default:
			s.Reproduced--
		}
	}
	return s, nil
}

// within describes a figure that rounding explains: its cell, the figure
// as printed, and the exact yen implied for each term of its identity, so
// that a 差引 of a 百万円 table shows the yen 決算 it was rounded from and
// the interval of the yen 予算 that the report does not print.
func (s *Summary) within(f statement.Finding) string {
	where := strings.TrimSpace(f.Label + " " + f.Column)
	show := format.Formatter{Unit: f.Unit, Suffix: true}
	line := fmt.Sprintf("%s: %s %s: within rounding", f.Statement, where, show.FormatCell(f.Want))
	p, ok := s.report.Published.Statement(f.Statement)
	if !ok {
		return line
	}
	var terms []string
	form := p.Form()
	for _, col := range form.Columns {
		if col.Name != f.Column {
			continue
		}
		if col.Kind == statement.Computed && col.Formula.String() == f.Rule {
			for _, t := range col.Formula {
				terms = append(terms, s.bound(f.Statement, f.Row, t.Key, t.Key))
			}
			break
		}
		for _, row := range form.Rows {
			if row.Key == f.Row && row.Formula.String() == f.Rule {
				for _, t := range row.Formula {
					terms = append(terms, s.bound(f.Statement, t.Key, f.Column, rowLabel(form, t.Key)))
				}
			}
		}
	}
	if len(terms) > 0 {
		line += "; " + strings.Join(terms, ", ")
	}
	return line
}

// bound names a cell by name and the exact yen implied for it: a figure,
// or the interval of those the report's figures allow.
func (s *Summary) bound(id, row, column, name string) string {
	b, ok := s.Verification.Bounds(id, row, column)
	switch {
	case !ok:
		return name + " unknown"
	case !b.NoLo && !b.NoHi && b.Lo.Equal(b.Hi):
		return name + " " + format.Formatter{Suffix: true}.Format(b.Lo)
	}
	return name + " " + b.String()
}

func rowLabel(form *statement.Form, key string) string {
	for _, r := range form.Rows {
		if r.Key == key {
			return r.Label
		}
	}
	return key
}

// Write prints the summary that ends the programs' text output: the
// counts, each pinned finding with its reason, and every unexpected one.
func (s *Summary) Write(w io.Writer) error {
	var pinned, broken []statement.Finding
	for _, f := range s.Verification.Pinned() {
		if f.Kind == statement.LinkBroken {
			broken = append(broken, f)
		} else {
			pinned = append(pinned, f)
		}
	}
	fmt.Fprintln(w, "検証結果")
	fmt.Fprintf(w, "%d tables built from %d item figures; of the %d figures the report prints, %d reproduced, %d within rounding and %d pinned with their reasons.\n",
		s.Tables, s.Inputs, s.Figures, s.Reproduced, s.Within, len(pinned))
	fmt.Fprintf(w, "%d identities within tables computed; %d links between tables checked, %d within rounding and %d broken by the report as pinned.\n",
		s.Identities, s.Links, s.LinksWithin, len(broken))
	for _, f := range s.Verification.WithinRounding() {
		if f.Kind != statement.LinkBroken {
			fmt.Fprintln(w, "- "+s.within(f))
		}
	}
	for _, f := range append(pinned, broken...) {
		fmt.Fprintln(w, "- "+f.String())
	}
	for _, f := range s.Verification.Unexpected() {
		if _, err := fmt.Fprintln(w, "! "+f.String()); err != nil {
			return err
		}
	}
	return nil
}
