package unified

import (
	_ "embed"
	"slices"
)

//go:embed links.csv
var linksCSV []byte

// LinksCSV returns links.csv, the identities between the four statements
// of each scope (BS 資産合計 = 負債及び純資産合計, BS 現金預金 = CF
// 本年度末現金預金残高, …), as statement.ReadLinksCSV reads it; statement
// ids are those of Forms. Each call returns a new slice that the caller
// may change.
func LinksCSV() []byte { return slices.Clone(linksCSV) }
