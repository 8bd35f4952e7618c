package unified_test

import (
	"errors"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

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
