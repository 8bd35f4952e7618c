package segment_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// The 相殺等 column comes from eliminations: a 借方 on a liability and a
// 貸方 on an asset both reduce them.
func ExampleTable_Build() {
	chart, _ := account.ReadCSV(strings.NewReader("code,name,category,parent\n1120,未収金,資産,\n2110,未払金,負債,\n"), "")
	form := &statement.Form{Title: "事業別財務情報",
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "1120", Kind: statement.Item, Label: "未収金", Account: "1120"},
			{Key: "2110", Kind: statement.Item, Label: "未払金", Account: "2110"},
		},
	}
	seg := func(name string, receivable, payable int64) segment.Segment {
		s, _ := statement.Build(form, statement.Meta{}, []statement.Figure{
			{Row: "1120", Column: "金額", Value: format.CellOf(decimal.NewFromInt(receivable))},
			{Row: "2110", Column: "金額", Value: format.CellOf(decimal.NewFromInt(payable))},
		})
		return segment.Segment{Name: name, Statement: s}
	}
	c := &segment.Table{Form: form, Chart: chart,
		Segments:     []segment.Segment{seg("一般事業", 632013154, 2745293264), seg("本人確認情報処理事業", 1642032110, 3213594404)},
		Eliminations: []segment.Elimination{segment.NewElimination("未払金", "未収金", decimal.NewFromInt(845938), "事業間の未収金と未払金")},
	}
	s, err := c.Build(statement.Meta{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range []string{"1120", "2110"} {
		adj, _ := s.Cell(row, "相殺等")
		total, _ := s.Cell(row, "合計")
		fmt.Println(row, adj, total)
	}
	// Output:
	// 1120 △845,938 2,273,199,326
	// 2110 △845,938 5,958,041,730
}

// ReadEliminationsCSV reads eliminations line by line; every problem is
// reported with its line.
func ExampleReadEliminationsCSV() {
	es, err := segment.ReadEliminationsCSV(strings.NewReader(`elimination,memo,side,row,amount
1,事業間の未収金と未払金,借方,未払金,"845,938"
1,,貸方,未収金,"845,938"
`), "eliminations.csv")
	fmt.Println(len(es), es[0].Memo, es[0].Kind, len(es[0].Lines), err)

	_, err = segment.ReadEliminationsCSV(strings.NewReader("elimination,side,row,amount\n1,左,2110,1\n1,貸方\n"), "eliminations.csv")
	fmt.Println(err)
	// Output:
	// 1 事業間の未収金と未払金 内部取引 2 <nil>
	// segment: eliminations.csv: line 2: "1": column "side": invalid syntax: "左" is none of 借方, 貸方 and 差額; line 3: invalid syntax: 2 fields, the header has 4
}

// An elimination against a segment at 30 % is entered at 100 % and
// applied at the ratio: 5 × 0.3 = 1.5 rounds to 2 twice, 4 against the
// credit's 10 × 0.3 = 3, so one debit gives a yen back.
func ExampleElimination_Settle() {
	e := segment.Elimination{Lines: []segment.Line{
		{Side: account.Debit, Row: "負担金収入", Amount: decimal.NewFromInt(5)},
		{Side: account.Debit, Row: "事業収入", Amount: decimal.NewFromInt(5)},
		{Side: account.Credit, Row: "事業費", Amount: decimal.NewFromInt(10)},
	}}
	for _, l := range e.Settle(decimal.RequireFromString("0.3"), format.HalfUp) {
		fmt.Println(l.Side, l.Row, l.Amount)
	}
	// Output:
	// 借方 負担金収入 1
	// 借方 事業収入 2
	// 貸方 事業費 3
}
