package consolidate

import (
	"fmt"
	"slices"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// result makes the 精算表 and the consolidated statements of the members
// and the eliminations as they apply.
func (c *Consolidation) result(ms []*member, es []applied) (*Result, error) {
	// The columns of the eliminations: one for each kind that has one, in
	// the order of the kinds, or one for each elimination.
	var elimCols []string
	slices.SortStableFunc(es, func(a, b applied) int { return int(a.kind) - int(b.kind) })
	colOf := make([]string, len(es))
	for i, a := range es {
		colOf[i] = a.kind.String()
		if c.ByElimination {
			colOf[i] = a.name
		}
	}
	if c.ByElimination {
		elimCols = colOf
	} else {
		for _, k := range []segment.EliminationKind{segment.Internal, segment.Investment, segment.Adjustment} {
			if slices.Contains(colOf, k.String()) {
				elimCols = append(elimCols, k.String())
			}
		}
	}
	seen := map[string]bool{SumColumn: true, c.Scope.String(): true}
	for _, m := range ms {
		seen[m.Name], seen[m.column] = true, true
	}
	var ps []Problem
	for _, col := range elimCols {
		if seen[col] {
			ps = append(ps, Problem{Elimination: col, Err: fmt.Errorf("%w: the elimination is named as a member or another column of the 精算表", ErrDuplicate)})
		}
		seen[col] = true
	}
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}

	r := &Result{Book: &statement.Book{}, scope: c.Scope}
	for _, m := range ms {
		r.Notes = append(r.Notes, m.notes...)
	}
	for _, a := range es {
		if a.note != "" {
			r.Notes = append(r.Notes, a.note)
		}
	}
	for _, k := range unified.Kinds() {
		id := unified.ID(k, c.Scope)
		t, _ := unified.Template(id)
		form := forms()[id].Form
		meta := c.meta(ms, k)
		var figs []statement.Figure
		for _, col := range form.Columns {
			if col.Kind != statement.Input {
				continue
			}
			ws, err := c.worksheet(k, form, col.Name, ms, es, colOf, elimCols, meta)
			if err != nil {
				return nil, err
			}
			w := Worksheet{Kind: k, Statement: ws}
			if k == unified.NetAssets {
				w.Column = col.Name
			}
			r.Worksheets = append(r.Worksheets, w)
			for _, row := range form.Rows {
				if row.Kind == statement.Item {
					v, _ := ws.Cell(row.Key, c.Scope.String())
					figs = append(figs, statement.Figure{Row: row.Key, Column: col.Name, Value: v})
				}
			}
		}
		s, err := t.Build(meta, figs)
		if err != nil {
			return nil, err
		}
		if err := r.Book.Add(id, s); err != nil {
			return nil, err
		}
	}
	if len(r.Notes) > 0 {
		first := r.Worksheets[0].Statement
		meta := first.Meta()
		meta.Notes = append(meta.Notes, r.Notes...)
		s, err := statement.Build(first.Form(), meta, first.Figures())
		if err != nil {
			return nil, err
		}
		r.Worksheets[0].Statement = s
	}
	if ps := linkProblems(r.Book, c.Scope, Problem{Statement: c.Scope.String()}, ErrLink); len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	return r, nil
}

// meta returns the description of the consolidated statement of kind k:
// that of the first member's, with the consolidation's Entity.
func (c *Consolidation) meta(ms []*member, k unified.Kind) statement.Meta {
	m := ms[0].own[k].Meta()
	m.Notes = nil
	if c.Entity != "" {
		m.Entity = c.Entity
	}
	return m
}

// worksheet returns the table of the 精算表 that consolidates column col
// of the statements of kind k: each member at 100 % and, at a ratio, at
// it; 単純合算; the eliminations in elimCols, each of es in its column
// colOf; and the consolidated column.
func (c *Consolidation) worksheet(k unified.Kind, form *statement.Form, col string, ms []*member, es []applied, colOf, elimCols []string, meta statement.Meta) (*statement.Statement, error) {
	f := *form
	f.Number, f.Split = "", ""
	f.Title = c.Scope.String() + "精算表（" + form.Title + "）"
	if k == unified.NetAssets {
		f.Title = c.Scope.String() + "精算表（" + form.Title + " " + col + "）"
	}
	f.Columns = nil
	var sum, total statement.Formula
	for _, m := range ms {
		f.Columns = append(f.Columns, statement.Column{Name: m.Name, Kind: statement.Input})
		if m.column == "" {
			sum = append(sum, statement.Term{Key: m.Name})
			continue
		}
		f.Columns = append(f.Columns, statement.Column{Name: m.column, Kind: statement.Input})
		sum = append(sum, statement.Term{Key: m.column})
	}
	f.Columns = append(f.Columns, statement.Column{Name: SumColumn, Kind: statement.Computed, Formula: sum})
	total = statement.Formula{{Key: SumColumn}}
	for _, e := range elimCols {
		f.Columns = append(f.Columns, statement.Column{Name: e, Kind: statement.Input})
		total = append(total, statement.Term{Key: e})
	}
	f.Columns = append(f.Columns, statement.Column{Name: c.Scope.String(), Kind: statement.Computed, Formula: total})
	f.Rows = statement.SpreadBlank(form.Rows, col, f.Columns)

	moved := map[string]map[string]decimal.Decimal{} // column → row → 相殺消去
	for i, a := range es {
		for row, v := range a.effects[k][col] {
			if moved[colOf[i]] == nil {
				moved[colOf[i]] = map[string]decimal.Decimal{}
			}
			moved[colOf[i]][row] = moved[colOf[i]][row].Add(v)
		}
	}
	// One figure for each item in each input column: made at its size,
	// since with hundreds of members the slice is the 精算表's bulk.
	inputs := len(f.Columns) - 2 // all but 単純合算 and the scope's column
	figs := make([]statement.Figure, 0, len(form.Rows)*inputs)
	for _, row := range form.Rows {
		if row.Kind != statement.Item {
			continue
		}
		for _, m := range ms {
			v, _ := m.own[k].Cell(row.Key, col)
			figs = append(figs, statement.Figure{Row: row.Key, Column: m.Name, Value: v})
			if m.column != "" {
				v, _ := m.at[k].Cell(row.Key, col)
				figs = append(figs, statement.Figure{Row: row.Key, Column: m.column, Value: v})
			}
		}
		for _, e := range elimCols {
			fig := statement.Figure{Row: row.Key, Column: e}
			if v, ok := moved[e][row.Key]; ok {
				fig.Value = format.CellOf(v)
			}
			figs = append(figs, fig)
		}
	}
	ws, err := statement.Build(&f, meta, figs)
	if err != nil || !c.Compact {
		return ws, err
	}
	return compact(ws)
}

// compact returns ws with the rows that have no figure in any column
// hidden, and the headings all of whose rows are.
func compact(ws *statement.Statement) (*statement.Statement, error) {
	f := ws.Form()
	empty := func(r statement.Row) bool {
		for _, col := range f.Columns {
			if v, _ := ws.Cell(r.Key, col.Name); v.Valid {
				return false
			}
		}
		return true
	}
	for i, r := range f.Rows {
		if r.Kind != statement.Header {
			f.Rows[i].Hidden = empty(r)
		}
	}
	for i, r := range f.Rows {
		if r.Kind != statement.Header {
			continue
		}
		hide := true
		for j := i + 1; j < len(f.Rows) && (f.Rows[j].Kind != statement.Header || f.Rows[j].Indent > r.Indent); j++ {
			hide = hide && f.Rows[j].Hidden
		}
		f.Rows[i].Hidden = hide
	}
	return statement.Build(f, ws.Meta(), ws.Figures())
}

// Verify checks the 精算表: the identities of every worksheet, in every
// column, and the links of the scope in each column across the
// worksheets, as each member's own statements, the figures of a 比例連結
// member at its ratio, 単純合算, each column of eliminations and the
// consolidated statements keep them. A link holds where one side is
// 該当なし and the other 0, as in a column of eliminations that moves the
// rows of one side only through a total. Findings name the worksheets by
// the ids ws-bs, ws-pl, ws-nw-<column> and ws-cf, and each link by its
// column and name.
func (r *Result) Verify() *statement.Verification {
	b := &statement.Book{}
	ids := map[string]string{} // form id or form id:column → worksheet id
	var columns []statement.Column
	for _, w := range r.Worksheets {
		form := unified.ID(w.Kind, r.scope)
		id := "ws-" + form[:2]
		key := form
		if w.Column != "" {
			id += "-" + w.Column
			key += ":" + w.Column
		}
		ids[key] = id
		b.Add(id, w.Statement)
		columns = w.Statement.Form().Columns
	}
	var links []statement.Link
	for _, col := range columns {
		for _, l := range scopeLinks(r.scope) {
			link := statement.Link{Name: col.Name + " " + l.Name}
			for _, side := range []struct {
				from []statement.Ref
				to   *[]statement.Ref
			}{{l.Left, &link.Left}, {l.Right, &link.Right}} {
				for _, ref := range side.from {
					*side.to = append(*side.to, r.refs(ids, ref, col.Name)...)
				}
			}
			links = append(links, link)
		}
	}
	v := b.Verify(statement.VerifyOptions{Links: links})
	// A column of eliminations leaves 該当なし the rows it does not move,
	// where the link's other side may sum to 0; the figures agree.
	v.Findings = slices.DeleteFunc(v.Findings, func(f statement.Finding) bool {
		return f.Kind == statement.LinkBroken && f.GotText == "" && (!f.Got.Valid && f.Want.Valid && f.Want.Amount.IsZero() || !f.Want.Valid && f.Got.Valid && f.Got.Amount.IsZero())
	})
	return v
}

// refs returns the cells of the worksheets that a link's ref to the
// consolidated statements stands for in column col: the one worksheet of
// a statement of one column, or for the 純資産変動計算書 that of the ref's
// column, or of each column its 合計 sums.
func (r *Result) refs(ids map[string]string, ref statement.Ref, col string) []statement.Ref {
	if id, ok := ids[ref.Statement]; ok {
		return []statement.Ref{{Statement: id, Row: ref.Row, Column: col, Negative: ref.Negative}}
	}
	if id, ok := ids[ref.Statement+":"+ref.Column]; ok {
		return []statement.Ref{{Statement: id, Row: ref.Row, Column: col, Negative: ref.Negative}}
	}
	var out []statement.Ref
	for _, c := range forms()[ref.Statement].Columns {
		if c.Name != ref.Column || c.Kind != statement.Computed {
			continue
		}
		for _, term := range c.Formula {
			out = append(out, r.refs(ids, statement.Ref{Statement: ref.Statement, Row: ref.Row, Column: term.Key, Negative: ref.Negative != term.Negative}, col)...)
		}
	}
	return out
}
