package statement

import (
	"fmt"
	"slices"

	"github.com/koukaikei/koukaikei/internal/quote"
)

// A Part is one column of a combined statement: a column of a statement
// as it was published, such as last year's 金額 shown as 前年度.
type Part struct {
	Name      string     // the column it becomes, such as 前年度, or a body's name
	Statement *Statement // the statement it is taken from
	Column    string     // its column; defaults to the statement's first amount column
}

// Combine puts the parts side by side as the columns of one statement,
// followed by the given computed columns, such as
//
//	{Name: "増減", Kind: Computed, Formula: Formula{{Key: "本年度"}, {Key: "前年度", Negative: true}}}
//
// Every cell of a part is taken as its statement holds it, totals
// included: a year is shown as it was published, never rebuilt from its
// rounded items. The rows are those of the first part's form, and every
// other part must have the same rows in the same order, each of the same
// key, label, kind, formula (a total's, or a subtotal's children), indent
// and hidden: which is how the years of one body, or several bodies of one
// 様式, are printed, and what makes the identities of the combined
// statement those of every part. The result has meta's entity, date and
// unit; a computed cell none of whose terms has a figure has none (増減 of
// two dashes is a dash). A part's cell that its form leaves blank
// (Row.Blank) is blank in the combined statement, and so is a computed
// cell all of whose terms are.
//
// Combine returns an *Error naming each part whose rows differ (the part,
// the first row that differs and how), whose column does not exist or is
// a text column, and each column named twice.
func Combine(meta Meta, parts []Part, computed ...Column) (*Statement, error) {
	ps := problems{source: "combined statement"}
	if len(parts) == 0 {
		ps.addf(0, "", "", ErrMissing, "no parts")
	}
	for k, p := range parts {
		if p.Statement == nil {
			ps.addf(0, "", fmt.Sprintf("part %d (%s)", k+1, p.Name), ErrMissing, "no statement")
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	first := parts[0].Statement.ready().t
	f := Form{Number: first.form.Number, Title: first.form.Title, Stub: first.form.Stub, ZeroSums: first.form.ZeroSums}
	f.Rows = first.Form().Rows
	cols := make([]int, len(parts)) // the column of each part's statement
	for k, p := range parts {
		t := p.Statement.ready().t
		at := fmt.Sprintf("part %d (%s)", k+1, p.Name)
		cols[k] = -1
		for j, c := range t.form.Columns {
			if c.Kind != Text && (p.Column == "" || c.Name == p.Column) {
				cols[k] = j
				break
			}
		}
		if cols[k] < 0 {
			ps.addf(0, "", at, ErrUnknown, "no amount column %q in %s", p.Column, t.form.name())
		}
		if len(t.form.Rows) != len(f.Rows) {
			ps.addf(0, "", at, ErrMismatch, "%d rows, the first part has %d", len(t.form.Rows), len(f.Rows))
			continue
		}
		for i, r := range t.form.Rows {
			if what := rowDiffers(t, first, i); what != "" {
				ps.addf(0, rowRef(i, r), at, ErrMismatch, "differs from the first part's row in its %s: here %s; there %s", what,
					describeRow(t, i), describeRow(first, i))
				break
			}
		}
		f.Columns = append(f.Columns, Column{Name: p.Name, Kind: Input})
	}
	f.Columns = append(f.Columns, computed...)
	if err := ps.err(); err != nil {
		return nil, err
	}
	f.Rows = combinedBlanks(f.Rows, parts, cols, computed)
	t, err := Compile(&f)
	if err != nil {
		return nil, err
	}
	s := newStatement(t, meta)
	ncol := len(f.Columns)
	for i := range f.Rows {
		for k, p := range parts {
			s.cells[i*ncol+k] = p.Statement.at(i, cols[k])
		}
	}
	s.computeColumns(t.colOrder)
	return s, nil
}

// combinedBlanks returns rows with the columns a combined statement
// leaves blank: a part's where its own form leaves its column blank, and
// a computed column where every column it refers to is blank.
func combinedBlanks(rows []Row, parts []Part, cols []int, computed []Column) []Row {
	for i := range rows {
		rows[i].Blank = nil
		for k, p := range parts {
			t := p.Statement.ready().t
			if t.blank(i*len(t.form.Columns) + cols[k]) {
				rows[i].Blank = append(rows[i].Blank, p.Name)
			}
		}
		if len(rows[i].Blank) == 0 {
			continue
		}
		for _, c := range computed {
			if len(c.Formula) > 0 && !slices.ContainsFunc(c.Formula, func(term Term) bool { return !slices.Contains(rows[i].Blank, term.Key) }) {
				rows[i].Blank = append(rows[i].Blank, c.Name)
			}
		}
	}
	return rows
}

// rowDiffers says what of row i of t differs from row i of first: its
// key, label, kind, formula, indent or hidden; "" when nothing does.
func rowDiffers(t, first *Template, i int) string {
	r, w := t.form.Rows[i], first.form.Rows[i]
	switch {
	case r.Key != w.Key:
		return "key"
	case normalLabel(r.Label) != normalLabel(w.Label):
		return "label"
	case r.Kind != w.Kind:
		return "kind"
	case t.rowRules[i] != first.rowRules[i]:
		return "formula"
	case r.Indent != w.Indent:
		return "indent"
	case r.Hidden != w.Hidden:
		return "hidden flag"
	}
	return ""
}

// describeRow says what row i of t is: its key, label, kind, indent,
// formula and whether it is hidden.
func describeRow(t *Template, i int) string {
	r := t.form.Rows[i]
	s := fmt.Sprintf("%s (%s), a %v of indent %d", quote.Bounded(r.Key), r.Label, r.Kind, r.Indent)
	if rule := t.rowRules[i]; rule != "" {
		s += " summing " + rule
	}
	if r.Hidden {
		s += ", hidden"
	}
	return s
}
