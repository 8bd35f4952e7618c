package jlis

import (
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/examples/internal/output"
	"github.com/koukaikei/koukaikei/statement"
)

// Report returns what an example program prints of built tables: those
// that its -form flag names (see Select), and the verification of them
// all, which fails the program if anything is unexpected.
func Report(tables []*Table, form string, pinned []Discrepancy, checks []Check) (*output.Report, error) {
	sel := Select(tables, form)
	if len(sel) == 0 {
		return nil, fmt.Errorf("%w: no table 様式第%s号 and no table with id %q", output.ErrUsage, form, form)
	}
	v := Verify(tables, pinned, checks)
	r := &output.Report{Summary: v.Write}
	for _, t := range sel {
		r.Statements = append(r.Statements, t.Built)
	}
	if n := len(v.Unexpected); n > 0 {
		r.Failure = fmt.Errorf("%d published figures not reproduced, first %s", n, v.Unexpected[0])
	}
	return r, nil
}

// A Verification is what comparing built tables with the report found.
type Verification struct {
	Tables     int      // tables compared
	Figures    int      // amounts the report prints in them
	Inputs     int      // item figures the tables were built from
	Reproduced int      // printed amounts the library gave as printed
	Identities int      // totals and computed cells, each a formula over other cells
	Links      int      // identities between tables checked
	Pinned     []string // printed figures not reproduced, as pinned, with the reason
	Broken     []string // links the report breaks, as pinned, with the reason
	Unexpected []string // anything else: figures not reproduced, links broken, stale pins
}

// Verify compares every built table with its published figures, allowing
// only the differences pinned, and checks the links between tables.
func Verify(tables []*Table, pinned []Discrepancy, checks []Check) *Verification {
	v := &Verification{Tables: len(tables)}
	pins := map[[3]string]string{}
	for _, d := range pinned {
		pins[[3]string{d.Table, d.Row, d.Column}] = d.Reason
	}
	seen := map[[3]string]bool{}
	for _, t := range tables {
		for _, f := range t.Built.Figures() {
			if f.Value.Valid {
				v.Inputs++
			}
		}
		for _, row := range t.Form.Rows {
			for _, col := range t.Form.Columns {
				c, ok := t.Published.Cell(row.Key, col.Name)
				if ok && c.Valid && row.Kind != statement.Header && !row.Hidden {
					v.Figures++
				}
				if ok && (row.Kind == statement.Total || col.Kind == statement.Computed && row.Kind != statement.Header) {
					v.Identities++
				}
			}
		}
		for _, d := range statement.Compare(t.Built, t.Published) {
			at := [3]string{t.ID, d.Row, d.Column}
			line := fmt.Sprintf("%s: %s", title(t), d)
			if reason, ok := pins[at]; ok {
				v.Pinned = append(v.Pinned, line+": "+reason)
				seen[at] = true
			} else {
				v.Unexpected = append(v.Unexpected, line)
			}
		}
	}
	for _, d := range pinned {
		if !seen[[3]string{d.Table, d.Row, d.Column}] {
			v.Unexpected = append(v.Unexpected, fmt.Sprintf("pinned %s %s %s is reproduced after all", d.Table, d.Row, d.Column))
		}
	}
	v.Reproduced = v.Figures - len(v.Pinned) - len(v.Unexpected)
	for _, c := range checks {
		v.Links++
		err := c.Check()
		switch {
		case err != nil && c.Broken != "":
			v.Broken = append(v.Broken, fmt.Sprintf("%v: %s", err, c.Broken))
		case err != nil:
			v.Unexpected = append(v.Unexpected, err.Error())
		case c.Broken != "":
			v.Unexpected = append(v.Unexpected, fmt.Sprintf("link %s holds, but is pinned as broken", c.Name))
		}
	}
	return v
}

func title(t *Table) string {
	return strings.TrimSpace(t.Form.Number + " " + t.Form.Title)
}

// Write prints the verification summary that ends the example programs'
// text output.
func (v *Verification) Write(w io.Writer) error {
	fmt.Fprintln(w, "検証結果")
	fmt.Fprintf(w, "%d tables built from %d item figures; of the %d figures the report prints, %d reproduced and %d pinned with their reasons.\n",
		v.Tables, v.Inputs, v.Figures, v.Reproduced, len(v.Pinned))
	fmt.Fprintf(w, "%d identities within tables computed; %d links between tables checked, %d broken by the report as pinned.\n",
		v.Identities, v.Links, len(v.Broken))
	for _, s := range v.Pinned {
		fmt.Fprintln(w, "- "+s)
	}
	for _, s := range v.Broken {
		fmt.Fprintln(w, "- "+s)
	}
	for _, s := range v.Unexpected {
		_, err := fmt.Fprintln(w, "! not reproduced: "+s)
		if err != nil {
			return err
		}
	}
	return nil
}
