package unified

import (
	"fmt"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/statement"
	"golang.org/x/text/width"
)

// ReadGrid reads the statements of the standard that a published table
// holds, as a report prints them, into a book under their form ids (see
// ID), ready for Verify: one statement, or several one after another,
// each under its title line (statement.SplitGrid), or a table of the
// scopes side by side (一般会計等 | 全体 | 連結, statement.ReadGridColumns).
//
// Each statement's form is recognised from its title: its kind from the
// name of the statement (貸借対照表, 行政コスト計算書, 純資産変動計算書,
// 資金収支計算書), its scope from the title (全体貸借対照表, 連結…,
// 一般会計等…) or else from the lines above its table (会計:全体); a
// statement whose scope neither names is read on the form of each scope
// in turn, 一般会計等 first, and takes the first whose lines it has. A
// table without a title is tried on every form so. Each statement is read
// by statement.Template.ReadGrid, with the unit it states (opt.Meta's
// where it states none) and the date line above it.
//
// Errors are the *statement.Error of the reader, naming the file and the
// line or cell; a table that is no statement of the standard (the 3表形式
// 行政コスト及び純資産変動計算書 among them: the library has no form for it),
// and two statements of one form, are a *statement.Error wrapping
// statement.ErrMismatch and statement.ErrDuplicate. A grid without text
// in any cell gives an empty book.
func ReadGrid(g statement.Grid, opt statement.ReadOptions) (*statement.Book, error) {
	var b statement.Book
	if err := AddGrid(&b, g, opt); err != nil {
		return nil, err
	}
	return &b, nil
}

// AddGrid reads the statements of g as ReadGrid does and adds them to b,
// so that the sheets of a workbook, or several files, make one book. A
// grid without text in any cell, such as the empty sheet an office
// program leaves in a new workbook, holds no statement and adds none. A
// nil b is a *statement.Error wrapping statement.ErrMissing.
func AddGrid(b *statement.Book, g statement.Grid, opt statement.ReadOptions) error {
	opt.StatedUnit = true
	if opt.Source == "" {
		opt.Source = g.Source
	}
	if b == nil {
		return gridError(g, opt, statement.ErrMissing, "no book to add the statements to")
	}
	if blank(g) {
		return nil
	}
	titles := make([]string, 0, len(the().forms)+len(kinds))
	for _, fi := range the().forms {
		titles = append(titles, fi.Title)
	}
	for _, k := range kinds {
		titles = append(titles, kindNames[k])
	}
	for _, part := range statement.SplitGrid(g, titles) {
		ss, ids, err := readPart(part, opt)
		if err != nil {
			return err
		}
		for k, s := range ss {
			if _, dup := b.Statement(ids[k]); dup {
				return gridError(part, opt, statement.ErrDuplicate, "a second statement of form %s", ids[k])
			}
			if err := b.Add(ids[k], s); err != nil {
				return err
			}
		}
	}
	return nil
}

// blank reports whether no cell of g holds text.
func blank(g statement.Grid) bool {
	for _, row := range g.Rows {
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				return false
			}
		}
	}
	return true
}

// gridError returns an *statement.Error at the sheet or file of g.
func gridError(g statement.Grid, opt statement.ReadOptions, sentinel error, format string, args ...any) error {
	return &statement.Error{Source: opt.Source, Problems: []statement.Problem{{Cell: g.Name, Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)}}}
}

// readPart reads the statements of one part of a table: one, or the
// scopes side by side.
func readPart(g statement.Grid, opt statement.ReadOptions) ([]*statement.Statement, []string, error) {
	kind, scope, heading, joined := recognise(g)
	if joined {
		return nil, nil, gridError(g, opt, statement.ErrMismatch, "%s joins two statements in one (the 3表形式 of the 統一的な基準), which is no form of the library: it reads 行政コスト計算書 and 純資産変動計算書 each on its own form", heading)
	}
	if cols, ids := scopeColumns(g, kind); cols != nil {
		ss, err := statement.ReadGridColumns(g, cols, opt)
		return ss, ids, err
	}
	var candidates []FormInfo
	for _, fi := range the().forms {
		if (kind == 0 || fi.Kind == kind) && (scope == 0 || fi.Scope == scope) {
			candidates = append(candidates, fi)
		}
	}
	if len(candidates) == 0 {
		return nil, nil, gridError(g, opt, statement.ErrMismatch, "%s is no statement of the 統一的な基準", heading)
	}
	var first error
	for _, fi := range candidates {
		s, err := the().templates[fi.ID].ReadGrid(g, opt)
		if err == nil {
			return []*statement.Statement{s}, []string{fi.ID}, nil
		}
		if first == nil {
			first = err
		}
	}
	if kind == 0 {
		return nil, nil, gridError(g, opt, statement.ErrMismatch, "no title of a statement of the 統一的な基準, and no form of it has these lines")
	}
	return nil, nil, first
}

// joiners are the words by which a title joins a second statement's name
// to the first's: 行政コスト及び純資産変動計算書 is the 3表形式 that the
// 作成要領 allows (§Ⅵ), in which the 行政コスト計算書's rows lead into the
// 純資産変動計算書's under one title. Read as the statement whose name
// ends the title, it would fail on its first line with an error about
// that line; it is named for what it is instead.
var joiners = []string{"及び", "並びに", "・"}

// recognise returns the kind and scope the title of g names, 0 for
// those it does not, what names the table in errors, and whether the
// title joins two statements in one. A scope not in the title may be
// named by a line above the table.
func recognise(g statement.Grid) (kind Kind, scope Scope, name string, joined bool) {
	name = "the table"
	if g.Name != "" {
		name = "sheet " + g.Name
	}
	for i, row := range g.Rows {
		text := lineText(row)
		if text == "" {
			continue
		}
		if kind == 0 {
			for _, k := range kinds {
				prefix, ok := strings.CutSuffix(text, kindNames[k])
				if !ok {
					continue
				}
				// A joined title's prefix is the first statement's name
				// (行政コスト, or 行政コスト計算書) and a joiner, after a scope.
				n := len([]rune(prefix))
				if n <= 16 && slices.ContainsFunc(joiners, func(j string) bool { return strings.HasSuffix(prefix, j) }) {
					return 0, 0, text, true
				}
				if n <= 8 {
					kind, name = k, text
					scope = scopeIn(prefix)
					break
				}
			}
			if kind != 0 {
				continue
			}
		}
		if scope == 0 && isHeading(g, i) {
			scope = scopeIn(text)
		}
		if kind != 0 && scope != 0 {
			break
		}
	}
	return kind, scope, name, false
}

// isHeading reports whether row i of g is above the table: no row before
// or at it has two cells of text.
func isHeading(g statement.Grid, i int) bool {
	for _, row := range g.Rows[:i+1] {
		n := 0
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				n++
			}
		}
		if n > 1 {
			return false
		}
	}
	return true
}

// scopeIn returns the one scope text names: 連結, 全体 or 一般会計等; 0
// for none or more than one.
func scopeIn(text string) Scope {
	found := Scope(0)
	for s := General; s <= Consolidated; s++ {
		if strings.Contains(text, scopeNames[s]) {
			if found != 0 {
				return 0
			}
			found = s
		}
	}
	return found
}

// scopeColumns returns, for a table of the scopes side by side, the
// column of each scope and the id of its form; nil for another table.
func scopeColumns(g statement.Grid, kind Kind) ([]statement.GridColumn, []string) {
	if kind == 0 {
		return nil, nil
	}
	for _, row := range g.Rows {
		var cols []statement.GridColumn
		var ids []string
		for _, c := range row {
			c = width.Fold.String(strings.TrimSpace(c))
			for s := General; s <= Consolidated; s++ {
				if c == scopeNames[s] {
					id := ID(kind, s)
					cols = append(cols, statement.GridColumn{Name: c, Template: the().templates[id]})
					ids = append(ids, id)
				}
			}
		}
		if len(cols) > 1 {
			return cols, ids
		}
	}
	return nil, nil
}

// lineText returns the text of a row of cells, folded, without spaces.
func lineText(row []string) string {
	var b strings.Builder
	for _, c := range row {
		b.WriteString(strings.Join(strings.Fields(width.Fold.String(c)), ""))
	}
	return b.String()
}
