package statement_test

import (
	"errors"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

var amount = []statement.Column{{Name: "金額", Kind: statement.Input}}

// smallFormCSV is the first part of the J-LIS 決算報告書 貸借対照表.
const smallFormCSV = `key,kind,label,account,formula,indent,note,hidden
,header,流動資産,,,0,,
1110,item,現金及び預金,1110,,1,(注1),
1120,item,未収金,1120,,1,,
1100,total,流動資産合計,1100,1110+1120,0,,
2110,item,未払金,2110,,1,,
net,total,差引,,1100-2110,0,,true
`

func smallForm() *statement.Form {
	return &statement.Form{
		Title: "貸借対照表",
		Columns: []statement.Column{
			{Name: "予算額", Kind: statement.Input},
			{Name: "決算額", Kind: statement.Input},
			{Name: "差額", Kind: statement.Computed, Formula: statement.Formula{{Key: "決算額"}, {Key: "予算額", Negative: true}}},
			{Name: "備考", Kind: statement.Text},
		},
		Rows: []statement.Row{
			{Kind: statement.Header, Label: "流動資産"},
			{Key: "1110", Kind: statement.Item, Label: "現金及び預金", Account: "1110", Indent: 1, Note: "(注1)"},
			{Key: "1120", Kind: statement.Item, Label: "未収金", Account: "1120", Indent: 1},
			{Key: "1100", Kind: statement.Total, Label: "流動資産合計", Account: "1100", Indent: 0,
				Formula: statement.Formula{{Key: "1110"}, {Key: "1120"}}},
			{Key: "2110", Kind: statement.Item, Label: "未払金", Account: "2110", Indent: 1},
			{Key: "net", Kind: statement.Total, Label: "差引", Hidden: true,
				Formula: statement.Formula{{Key: "1100"}, {Key: "2110", Negative: true}}},
		},
	}
}

func yen(n int64) format.Cell { return format.CellOf(decimal.NewFromInt(n)) }

// smallFigures are the 決算報告書's figures for smallForm.
func smallFigures() []statement.Figure {
	return []statement.Figure{
		{Row: "1110", Column: "予算額", Value: yen(28049275000)},
		{Row: "1110", Column: "決算額", Value: yen(32200729071)},
		{Row: "1110", Column: "備考", Text: "(注1、2)"},
		{Row: "1120", Column: "予算額", Value: yen(28841292000)},
		{Row: "1120", Column: "決算額", Value: yen(15268792065)},
		{Row: "2110", Column: "予算額", Value: yen(44770610000)},
		{Row: "2110", Column: "決算額", Value: yen(31502477862)},
	}
}

func mustBuild(f *statement.Form, meta statement.Meta, figs []statement.Figure) *statement.Statement {
	s, err := statement.Build(f, meta, figs)
	if err != nil {
		panic(err)
	}
	return s
}

// firstProblem returns the first problem of err, an *Error.
func firstProblem(err error) (statement.Problem, bool) {
	var e *statement.Error
	if !errors.As(err, &e) || len(e.Problems) == 0 {
		return statement.Problem{}, false
	}
	return e.Problems[0], true
}

// isError reports whether err is an *Error with problems.
func isError(err error) bool {
	_, ok := firstProblem(err)
	return ok
}
