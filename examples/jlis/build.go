package jlis

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
)

// A derivation says how a summary table is made from another table: which
// of its columns each input column takes, and the unit it is scaled to.
// Every figure is rounded from its exact yen value but in the columns that
// the table's Meta.Recomputed names, which are computed from the rounded
// figures (statement.Recompute): in 令和元年度決算の概要, 負債 46,760 is not
// 流動負債 33,442 + 固定負債 13,317, but 差引 is the difference of the
// rounded 予算 and 決算, so 固定負債 prints 1,898, where the exact
// difference, 1,898,891,869 円, would round to 1,899. The same Meta has the
// verification under rounding judge that 差引 as printed.
type derivation struct {
	source  string            // the id of the table it summarises
	columns map[string]string // input column → the source's column
	scaling statement.Scaling
}

// readDerivations reads dir/derivations.csv, by table id.
func readDerivations(dir string) (map[string]derivation, error) {
	recs, err := readCSV(dir+"/derivations.csv", "id", "source", "columns", "unit")
	if err != nil {
		return nil, err
	}
	ds := map[string]derivation{}
	for _, r := range recs {
		unit, err := format.ParseUnit(r.field("unit"))
		if err != nil {
			return nil, r.errorf("%w", err)
		}
		d := derivation{source: r.field("source"), columns: map[string]string{}, scaling: statement.Scaling{Unit: unit}}
		for _, pair := range strings.Split(r.field("columns"), "|") {
			to, from, ok := strings.Cut(pair, "=")
			if !ok {
				return nil, r.errorf("column %q is not target=source", pair)
			}
			d.columns[to] = from
		}
		if _, dup := ds[r.field("id")]; dup {
			return nil, r.errorf("table %s derived twice", r.field("id"))
		}
		ds[r.field("id")] = d
	}
	return ds, nil
}

// A consolidation names the segments of a segment statement and its rows
// between segments.
type consolidation struct {
	segments, interSegment []string
}

// readConsolidations reads dir/consolidations.csv, by table id; a report
// without the file has none.
func readConsolidations(dir string) (map[string]consolidation, error) {
	cs := map[string]consolidation{}
	if _, err := fs.Stat(files, dir+"/consolidations.csv"); errors.Is(err, fs.ErrNotExist) {
		return cs, nil
	}
	recs, err := readCSV(dir+"/consolidations.csv", "id", "segments", "intersegment")
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		c := consolidation{segments: strings.Split(r.field("segments"), "|")}
		if s := r.field("intersegment"); s != "" {
			c.interSegment = strings.Split(s, "|")
		}
		cs[r.field("id")] = c
	}
	return cs, nil
}

// build returns the book of every table of published built: the segment
// statements by consolidation, the derived tables from their sources,
// scaled as the report scales them, the others from their own item
// figures.
func build(published *statement.Book, chart *account.Chart, dir string) (*statement.Book, error) {
	ds, err := readDerivations(dir)
	if err != nil {
		return nil, err
	}
	cs, err := readConsolidations(dir)
	if err != nil {
		return nil, err
	}
	built := map[string]*statement.Statement{}
	// Sources first: a summary may be printed before what it summarises.
	for _, derived := range []bool{false, true} {
		for _, id := range published.IDs() {
			d, ok := ds[id]
			if ok != derived {
				continue
			}
			s, _ := published.Statement(id)
			b, err := buildTable(dir, id, s, chart, d, cs, built)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", id, err)
			}
			built[id] = b
		}
	}
	for id := range ds {
		if _, ok := built[id]; !ok {
			return nil, fmt.Errorf("%s/derivations.csv: no table %s", dir, id)
		}
	}
	book := &statement.Book{}
	for _, id := range published.IDs() {
		if err := book.Add(id, built[id]); err != nil {
			return nil, err
		}
	}
	return book, nil
}

// buildTable builds the table id of dir, published as p, from the
// statements built so far.
func buildTable(dir, id string, p *statement.Statement, chart *account.Chart, d derivation, cs map[string]consolidation, built map[string]*statement.Statement) (*statement.Statement, error) {
	if c, ok := cs[id]; ok {
		sc, err := consolidate(dir, id, p, chart, c)
		if err != nil {
			return nil, err
		}
		return sc.Build(p.Meta())
	}
	figures := p.Figures()
	if d.source != "" {
		src := built[d.source]
		if src == nil {
			return nil, fmt.Errorf("its source %s is not built", d.source)
		}
		figures = derive(figures, src, d.columns)
	}
	s, err := p.Template().Build(p.Meta(), figures)
	if err != nil {
		return nil, err
	}
	if d.source != "" {
		sc := d.scaling
		for _, c := range p.Meta().Recomputed {
			if sc.Columns == nil {
				sc.Columns = map[string]statement.Policy{}
			}
			sc.Columns[c] = statement.Recompute
		}
		s = s.Scale(sc)
	}
	return s, nil
}

// derive returns the figures of a summary: for each input cell, hidden rows
// included, the exact figure of the same row of src in the mapped column;
// and the summary's own texts, from published.
func derive(published []statement.Figure, src *statement.Statement, columns map[string]string) []statement.Figure {
	var figs []statement.Figure
	for _, fig := range published {
		if srcCol, ok := columns[fig.Column]; ok {
			fig.Value, _ = src.Cell(fig.Row, srcCol)
		}
		figs = append(figs, fig)
	}
	return figs
}

// consolidate returns the table that builds the segment statement p
// (様式第14号 or 第15号): each segment's statement built from its published
// item figures, and the table's eliminations in dir/<id>.eliminations.csv.
func consolidate(dir, id string, p *statement.Statement, chart *account.Chart, c consolidation) (*segment.Table, error) {
	f := p.Form()
	base := &statement.Form{Number: f.Number, Title: f.Title, Stub: f.Stub, Rows: f.Rows,
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}}}
	sc := &segment.Table{Form: base, Chart: chart, InterSegment: c.interSegment}
	for _, name := range c.segments {
		var figs []statement.Figure
		for _, fig := range p.Figures() {
			if fig.Column == name {
				fig.Column = "金額"
				figs = append(figs, fig)
			}
		}
		s, err := statement.Build(base, p.Meta(), figs)
		if err != nil {
			return nil, fmt.Errorf("segment %s: %w", name, err)
		}
		sc.Segments = append(sc.Segments, segment.Segment{Name: name, Statement: s})
	}
	name := dir + "/" + id + ".eliminations.csv"
	f2, err := files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f2.Close()
	if sc.Eliminations, err = segment.ReadEliminationsCSV(f2, name); err != nil {
		return nil, err
	}
	return sc, nil
}
