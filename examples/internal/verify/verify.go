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
	s := Summarize(r)
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
	// Verification is what the report's verification found.
	Verification *statement.Verification
}

// Summarize verifies r and counts what it checked.
func Summarize(r *jlis.Report) *Summary {
	s := &Summary{Tables: len(r.Tables), Links: len(r.Links), Verification: r.Verify()}
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
		if f.Kind != statement.LinkBroken && f.Kind != statement.StalePin {
			s.Reproduced--
		}
	}
	return s
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
	fmt.Fprintf(w, "%d tables built from %d item figures; of the %d figures the report prints, %d reproduced and %d pinned with their reasons.\n",
		s.Tables, s.Inputs, s.Figures, s.Reproduced, len(pinned))
	fmt.Fprintf(w, "%d identities within tables computed; %d links between tables checked, %d broken by the report as pinned.\n",
		s.Identities, s.Links, len(broken))
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
