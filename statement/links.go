package statement

import (
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// ReadLinksCSV reads links from CSV. The header line names the columns
// name, left and right, and optionally note; each following line is a
// link:
//
//	name,left,right,note
//	BS資産合計=負債及び純資産合計,bs:1900:金額,bs:3990:金額,
//	NW純行政コスト=−PL純行政コスト,nw:6100:合計,-pl:4900:金額,
//	CF期末残高=現金預金−定期預金,cf:9900:金額,bs:1510:金額+-bs:1520:金額,
//
// Each side is one or more terms joined by +; a term is
// statementID:rowKey:column, preceded by - to subtract it. A statement id
// may itself hold - (bs-general) and : (prev:bs-general): a - is a sign
// only as a term's first character, and the row key and column are what
// follows the term's last two colons, so neither may hold : or +. Names
// are unique and not empty. Errors are an *Error of source listing every
// problem with its line.
func ReadLinksCSV(r io.Reader, source string) ([]Link, error) {
	ps := problems{source: source}
	recs, ok := readTable(&ps, r, []string{"name", "left", "right"}, []string{"note"})
	if !ok {
		return nil, ps.err()
	}
	var links []Link
	names := map[string]bool{}
	for _, rec := range recs {
		l := Link{Name: rec.field("name"), Note: rec.field("note")}
		switch {
		case l.Name == "":
			ps.addf(rec.line, "", "name", ErrMissing, "a link without a name")
		case names[l.Name]:
			ps.addf(rec.line, "", "name", ErrDuplicate, "link %s named twice", quote.Bounded(l.Name))
		}
		names[l.Name] = true
		l.Left = parseSide(&ps, rec.line, "left", rec.field("left"))
		l.Right = parseSide(&ps, rec.line, "right", rec.field("right"))
		links = append(links, l)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return links, nil
}

// parseSide reads one side of a link, adding a problem for each bad term.
func parseSide(ps *problems, line int, column, s string) []Ref {
	if s == "" {
		ps.addf(line, "", column, ErrMissing, "a side without terms")
		return nil
	}
	var refs []Ref
	for _, term := range strings.Split(s, "+") {
		term = strings.TrimSpace(term)
		r := Ref{}
		term, r.Negative = strings.CutPrefix(term, "-")
		col := strings.LastIndexByte(term, ':')
		row := -1
		if col > 0 {
			row = strings.LastIndexByte(term[:col], ':')
		}
		if row <= 0 || col == len(term)-1 || col == row+1 {
			ps.addf(line, "", column, ErrSyntax, "term %s is not statementID:rowKey:column", quote.Bounded(term))
			continue
		}
		r.Statement, r.Row, r.Column = term[:row], term[row+1:col], term[col+1:]
		refs = append(refs, r)
	}
	return refs
}

// ReadPinsCSV reads pins from CSV. The header line names the columns
// statement, row, column, printed and reason, and optionally link; each
// following line is a pin:
//
//	statement,row,column,printed,reason
//	fixed_assets,1222,差引当期末残高,"156,817,712",the column subtracts the year's amortisation
//	changes,transfer,純資産合計,-,the block prints no line for a transfer within 利益剰余金
//
// statement is the statement's id, row its key, column its name; printed
// is the figure as printed, in the statement's unit, or - for none; reason
// is required. link, when given, names the link that the pin expects
// broken (see Pin). A cell is pinned once for each link, and once outside
// links. Errors are an *Error of source listing every problem with its
// line.
func ReadPinsCSV(r io.Reader, source string) ([]Pin, error) {
	ps := problems{source: source}
	recs, ok := readTable(&ps, r, []string{"statement", "row", "column", "printed", "reason"}, []string{"link"})
	if !ok {
		return nil, ps.err()
	}
	var pins []Pin
	seen := map[Pin]bool{}
	for _, rec := range recs {
		p := Pin{Statement: rec.field("statement"), Row: rec.field("row"), Column: rec.field("column"),
			Link: rec.field("link"), Reason: rec.field("reason")}
		for _, f := range []struct{ name, value string }{{"statement", p.Statement}, {"row", p.Row}, {"column", p.Column}, {"reason", p.Reason}} {
			if f.value == "" {
				ps.addf(rec.line, p.Row, f.name, ErrMissing, "a pin without a %s", f.name)
			}
		}
		printed := rec.field("printed")
		c, err := format.ParseCell(printed)
		switch {
		case printed == "":
			ps.addf(rec.line, p.Row, "printed", ErrMissing, "no figure: write - for none")
		case strings.ContainsAny(printed, "円万億"):
			ps.addf(rec.line, p.Row, "printed", ErrSyntax, "figure %s names a unit: it is in the statement's", quote.Bounded(printed))
		case err != nil:
			ps.add(rec.line, p.Row, "printed", err)
		}
		p.Printed = c
		key := Pin{Statement: p.Statement, Row: p.Row, Column: p.Column, Link: p.Link}
		if seen[key] {
			ps.addf(rec.line, p.Row, p.Column, ErrDuplicate, "cell pinned twice")
		}
		seen[key] = true
		pins = append(pins, p)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return pins, nil
}

// A line is a record of a CSV table, its fields by column name.
type line struct {
	line   int
	fields map[string]string
}

func (l line) field(name string) string { return l.fields[name] }

// readTable reads a CSV table whose header has the required columns and
// may have the optional ones, adding every problem to ps. Fields are
// trimmed of spaces.
func readTable(ps *problems, r io.Reader, required, optional []string) ([]line, bool) {
	recs, err := csvio.ReadAll(r, 0)
	if err != nil {
		ps.list = append(ps.list, csvProblem(err))
		return nil, false
	}
	if len(recs) == 0 {
		ps.addf(1, "", "", ErrMissing, "no header line")
		return nil, false
	}
	cols, err := csvio.Header(recs[0], required, optional)
	if err != nil {
		ps.list = append(ps.list, csvProblem(err))
		return nil, false
	}
	out := make([]line, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(recs[0].Fields) {
			ps.addf(rec.Line, "", "", ErrSyntax, "%d fields, where the header has %d", len(rec.Fields), len(recs[0].Fields))
			continue
		}
		l := line{line: rec.Line, fields: make(map[string]string, len(cols))}
		for name, i := range cols {
			l.fields[name] = strings.TrimSpace(rec.Fields[i])
		}
		out = append(out, l)
	}
	return out, true
}
