package statementtest_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/statementtest"
)

// printer stands in for the *testing.T of a user's test.
type printer struct{}

func (printer) Helper()                           {}
func (printer) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

// Consistent checks a published statement's own arithmetic: here a
// 固定資産除却損 note whose 計 was mistyped.
func ExampleConsistent() {
	form := &statement.Form{Title: "固定資産除却損の内訳",
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "building", Kind: statement.Item, Label: "建物"},
			{Key: "equipment", Kind: statement.Item, Label: "備品"},
			{Key: "lease", Kind: statement.Item, Label: "リース資産"},
			{Key: "total", Kind: statement.Total, Label: "計",
				Formula: statement.Formula{{Key: "building"}, {Key: "equipment"}, {Key: "lease"}}},
		},
	}
	published, err := statement.ReadCSV(strings.NewReader(`key,label,金額
building,建物,"983,324"
equipment,備品,"52,807"
lease,リース資産,"324,032,611"
total,計,"325,068,724"
`), form, statement.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var t printer // in a test: t *testing.T
	statementtest.Consistent(t, published)
	// Output:
	// 固定資産除却損の内訳: 計 金額: building+equipment+lease: got 325,068,742円, want 325,068,724円
}
