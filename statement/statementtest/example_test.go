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

// Book checks a whole book: its statements against those built, and the
// links between them, allowing only what the pins expect.
func ExampleBook() {
	bs := &statement.Form{Title: "貸借対照表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "2290", Kind: statement.Item, Label: "資産除去債務"}}}
	note := &statement.Form{Title: "資産除去債務の注記", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "closing", Kind: statement.Item, Label: "期末残高"}}}
	var published statement.Book
	for _, s := range []struct {
		id   string
		form *statement.Form
		csv  string
	}{
		{"bs", bs, "key,label,金額\n2290,資産除去債務,\"218,372,166\"\n"},
		{"note_aro", note, "key,label,金額\nclosing,期末残高,\"218,372,661\"\n"},
	} {
		st, err := statement.ReadCSV(strings.NewReader(s.csv), s.form, statement.ReadOptions{Source: s.id})
		if err != nil {
			fmt.Println(err)
			return
		}
		published.Add(s.id, st)
	}
	links, err := statement.ReadLinksCSV(strings.NewReader("name,left,right\n資産除去債務 注記 = 貸借対照表,note_aro:closing:金額,bs:2290:金額\n"), "links.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	var t printer // in a test: t *testing.T
	statementtest.Book(t, nil, &published, links, nil)
	// Output:
	// note_aro: 期末残高 金額: link 資産除去債務 注記 = 貸借対照表: got 218,372,661円, want 218,372,166円
}
