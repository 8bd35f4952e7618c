// Package unified holds the forms of the 統一的な基準 (the standard that
// 総務省 set for the financial statements of local bodies): 様式第1号
// 貸借対照表 to 様式第4号 資金収支計算書, each for 一般会計等, 全体 and 連結,
// as embedded data (forms.csv and forms/*.csv, in the row format of
// statement.ReadRowsCSV).
//
// It does not yet give the links between the four statements or the
// standard chart of accounts as Go values, nor consolidate.
package unified

import (
	"bytes"
	"embed"
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/statement"
)

//go:embed forms.csv forms/*.csv
var data embed.FS

// FormInfo describes one form of the standard.
type FormInfo struct {
	ID     string // short and stable, such as pl-general
	Number string // as printed, such as 様式第2号
	Title  string // such as 行政コスト計算書
	Scope  string // 一般会計等, 全体 or 連結
	Form   *statement.Form
}

// Forms returns the forms of the standard in the order of forms.csv:
// by statement, then by scope. Each call returns new Forms that the caller
// may change.
func Forms() []FormInfo {
	forms, err := readForms()
	if err != nil {
		// The embedded data is tested; this is a build that broke it.
		panic(err)
	}
	return forms
}

func readForms() ([]FormInfo, error) {
	index, err := data.ReadFile("forms.csv")
	if err != nil {
		return nil, err
	}
	recs, err := csvio.ReadAll(bytes.NewReader(index), 0)
	if err != nil {
		return nil, fmt.Errorf("unified: forms.csv: %w", err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("unified: forms.csv is empty")
	}
	cols, err := csvio.Header(recs[0], []string{"id", "file", "number", "title", "scope", "columns"}, nil)
	if err != nil {
		return nil, fmt.Errorf("unified: forms.csv: %w", err)
	}
	var out []FormInfo
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(recs[0].Fields) {
			return nil, fmt.Errorf("unified: forms.csv: line %d: %d fields", rec.Line, len(rec.Fields))
		}
		field := func(name string) string { return strings.TrimSpace(rec.Fields[cols[name]]) }
		columns, err := statement.ParseColumns(field("columns"))
		if err != nil {
			return nil, fmt.Errorf("unified: forms.csv: line %d: %w", rec.Line, err)
		}
		file := field("file")
		text, err := data.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("unified: forms.csv: line %d: %w", rec.Line, err)
		}
		rows, err := statement.ReadRowsCSV(bytes.NewReader(text), file)
		if err != nil {
			return nil, err
		}
		out = append(out, FormInfo{ID: field("id"), Number: field("number"), Title: field("title"), Scope: field("scope"),
			Form: &statement.Form{Number: field("number"), Title: field("title"), Columns: columns, Rows: rows}})
	}
	return out, nil
}
