package statementtest_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/format"
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

// ConsistentRounded passes a 千円 statement whose total differs from its
// printed items only by rounding, and names the row and the excess when
// a figure is wrong by more: here 経常費用 was printed 5 千円 above the sum
// of its items, 34,782,989. The items stand for at most 20,937,847,499 +
// 13,845,142,499 = 34,782,989,998 yen, the total 34,782,994 for at least
// 34,782,993,500: 3,502 yen more than rounding explains.
func ExampleConsistentRounded() {
	form := &statement.Form{Title: "行政コスト計算書",
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "4100", Kind: statement.Item, Label: "業務費用", Indent: 1},
			{Key: "4200", Kind: statement.Item, Label: "移転費用", Indent: 1},
			{Key: "4000", Kind: statement.Subtotal, Label: "経常費用"},
		},
	}
	var t printer // in a test: t *testing.T
	for _, total := range []string{"34782988", "34782994"} {
		published, err := statement.ReadCSV(strings.NewReader("科目,金額\n業務費用,20937847\n移転費用,13845142\n経常費用,"+total+"\n"),
			form, statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand, Rounding: format.HalfUp}})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(total, statementtest.ConsistentRounded(t, published))
	}
	// Output:
	// 34782988 true
	// 行政コスト計算書: 経常費用 金額: 4100+4200: got 34,782,989千円, want 34,782,994千円 (off by 3,502円 beyond rounding)
	// 34782994 false
}
