package unified_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// TestReadGridBroken reads 島田市's 令和2年度 行政コスト計算書 under its
// title, then broken variants of it: each figure not a number, each line
// left out, the statement given twice, no book to add it to. Each variant
// is an error naming what is wrong, and none panics.
func TestReadGridBroken(t *testing.T) {
	f, err := os.Open("testdata/published/shimada-r02-pl-general.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := statement.ReadGridCSV(f, statement.ReadOptions{Source: "pl.csv"})
	if err != nil {
		t.Fatal(err)
	}
	g.Rows = append([][]string{{"一般会計等行政コスト計算書"}}, g.Rows...)
	book, err := unified.ReadGrid(g, statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := book.Statement("pl-general")
	if !ok || len(book.IDs()) != 1 {
		t.Fatalf("ReadGrid = %v, want pl-general alone", book.IDs())
	}
	// 純行政コスト as the file prints it.
	if c, _ := s.Cell("純行政コスト", "金額"); !c.Amount.Equal(decimal.NewFromInt(45_784_825_520)) {
		t.Errorf("純行政コスト %v, want 45,784,825,520", c)
	}

	calm := func(name string, f func() error, want error) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: panic: %v", name, r)
			}
		}()
		err := f()
		var e *statement.Error
		if !errors.As(err, &e) || want != nil && !errors.Is(err, want) {
			t.Errorf("%s: %v, want a *statement.Error wrapping %v", name, err, want)
		}
	}
	calm("the statement twice", func() error { return unified.AddGrid(book, g, statement.ReadOptions{}) }, statement.ErrDuplicate)
	calm("no book", func() error { return unified.AddGrid(nil, g, statement.ReadOptions{}) }, statement.ErrMissing)
	for i := 2; i < len(g.Rows); i++ {
		bad := g
		bad.Rows = slices.Clone(g.Rows)
		bad.Rows[i] = slices.Clone(g.Rows[i])
		bad.Rows[i][2] = "1x"
		calm(g.Rows[i][1]+" not a number", func() error {
			_, err := unified.ReadGrid(bad, statement.ReadOptions{})
			var e *statement.Error
			if errors.As(err, &e) && (e.Problems[0].Row != g.Rows[i][0] || e.Problems[0].Column != "金額") {
				t.Errorf("%s not a number: %v, want row %s, column 金額", g.Rows[i][1], err, g.Rows[i][0])
			}
			return err
		}, statement.ErrSyntax)
	}
	for i := 1; i < len(g.Rows); i++ {
		calm(g.Rows[i][1]+" left out", func() error {
			cut := g
			cut.Rows = slices.Delete(slices.Clone(g.Rows), i, i+1)
			_, err := unified.ReadGrid(cut, statement.ReadOptions{})
			return err
		}, nil)
	}
}

// A grid without text, such as an empty sheet, holds no statement; a grid
// with text that is no statement is an error.
func TestReadGridBlank(t *testing.T) {
	b, err := unified.ReadGrid(statement.Grid{Name: "Sheet2", Rows: [][]string{{"", " "}, nil}}, statement.ReadOptions{})
	if err != nil || len(b.IDs()) != 0 {
		t.Errorf("a blank grid: %v, %v", b, err)
	}
	_, err = unified.ReadGrid(statement.Grid{Name: "memo", Rows: [][]string{{"メモ"}}}, statement.ReadOptions{})
	var e *statement.Error
	if !errors.As(err, &e) || !errors.Is(err, statement.ErrMismatch) {
		t.Errorf("a grid of text: %v", err)
	}
}

// The 3表形式 (行政コスト及び純資産変動計算書), which the 作成要領 allows in
// place of a 行政コスト計算書 and a 純資産変動計算書, is no form of the
// library: its title is named in an error saying so, however the title is
// written, and is not taken for the 純資産変動計算書 whose name ends it.
func TestReadGridJoinedStatements(t *testing.T) {
	lines := [][]string{{"科目", "金額"}, {"経常費用", "100"}, {"純行政コスト", "100"}}
	for _, title := range []string{
		"行政コスト及び純資産変動計算書",
		"連結行政コスト及び純資産変動計算書",
		"全体　行政コスト及び 純資産変動計算書",
		"【一般会計等】行政コスト及び純資産変動計算書",
		"行政コスト計算書及び純資産変動計算書",
		"行政コスト計算書・純資産変動計算書",
		"行政コスト計算書並びに純資産変動計算書",
	} {
		t.Run(title, func(t *testing.T) {
			g := statement.Grid{Name: "PL・NW", Rows: append([][]string{{title}}, lines...)}
			_, err := unified.ReadGrid(g, statement.ReadOptions{Source: "report.xlsx"})
			var e *statement.Error
			if !errors.As(err, &e) || !errors.Is(err, statement.ErrMismatch) || !strings.Contains(err.Error(), "joins two statements") {
				t.Fatalf("ReadGrid: %v, want a *statement.Error wrapping ErrMismatch naming the joined title", err)
			}
			if e.Source != "report.xlsx" || e.Problems[0].Cell != "PL・NW" {
				t.Errorf("error at %q %q, want report.xlsx, sheet PL・NW", e.Source, e.Problems[0].Cell)
			}
		})
	}
}
