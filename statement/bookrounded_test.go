package statement_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// roundedBook returns a book of a 事業別決算の状況 in 百万円 printing 予算
// 1,240, 決算 1,235 and the given 差引, under the id segment, and the 決算
// to the yen under the id result; and the link between the two 決算.
func roundedBook(t *testing.T, diff string, result int64) (*statement.Book, []statement.Link) {
	t.Helper()
	summary, err := statement.ReadCSV(strings.NewReader("label,予算,決算,差引\n事業費,\"1,240\",\"1,235\","+diff+"\n"), segmentForm,
		statement.ReadOptions{Meta: statement.Meta{Unit: format.Million}})
	if err != nil {
		t.Fatal(err)
	}
	yen := mustBuild(resultForm, statement.Meta{}, []statement.Figure{{Row: "jigyo", Column: "決算", Value: format.CellOf(dyen(result))}})
	var b statement.Book
	if err := b.Add("segment", summary); err != nil {
		t.Fatal(err)
	}
	if err := b.Add("result", yen); err != nil {
		t.Fatal(err)
	}
	links := []statement.Link{{Name: "事業費 決算",
		Left:  []statement.Ref{{Statement: "segment", Row: "jigyo", Column: "決算"}},
		Right: []statement.Ref{{Statement: "result", Row: "jigyo", Column: "決算"}}}}
	return &b, links
}

// rounded verifies b under rounding, failing the test on an error.
func rounded(t *testing.T, b *statement.Book, opt statement.VerifyOptions) *statement.Verification {
	t.Helper()
	v, err := b.VerifyRounded(opt)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBookVerifyRounded(t *testing.T) {
	b, links := roundedBook(t, "△5", 1234567890)
	// Exactly, 1,235 百万円 is not 1,234,567,890 円.
	if u := b.Verify(statement.VerifyOptions{Links: links}).Unexpected(); len(u) != 1 || u[0].Kind != statement.LinkBroken {
		t.Errorf("exact: %v, want the link broken", u)
	}
	// Under rounding, 1,235 百万円 (1,234,500,000 … 1,235,499,999) holds
	// 1,234,567,890: within rounding; 差引 △5 = 1,235 − 1,240 as printed.
	v := rounded(t, b, statement.VerifyOptions{Links: links})
	if !v.OK() || len(v.Findings) != 1 || v.Count(statement.Exact) != 1 || v.Count(statement.WithinRounding) != 1 {
		t.Fatalf("rounded: %v", v.Findings)
	}
	summary, _ := b.Statement("segment")
	result, _ := b.Statement("result")
	checkProofs(t, []*statement.Statement{summary, result}, []string{"segment", "result"}, v, links...)
	f := v.Findings[0]
	if f.Kind != statement.LinkBroken || f.Verdict != statement.WithinRounding || f.Rule != "事業費 決算" ||
		f.Statement != "segment" || f.Row != "jigyo" || f.Column != "決算" || f.Label != "事業費" || f.Unit != format.Million {
		t.Errorf("link finding %+v", f)
	}
	if w := v.WithinRounding(); len(w) != 1 {
		t.Errorf("WithinRounding() = %v", w)
	}
	// 予算 = 決算 − 差引 = 1,234,567,890 + 4,500,000 … 5,499,999 =
	// 1,239,067,890 … 1,240,067,889, within 1,240's 1,239,500,000 …
	// 1,240,499,999: 1,239,500,000 … 1,240,067,889.
	if r, ok := v.Bounds("segment", "jigyo", "予算"); !ok || !r.Lo.Equal(dyen(1239500000)) || !r.Hi.Equal(dyen(1240067889)) {
		t.Errorf("Bounds(予算) = %v, %v", r, ok)
	}
	// The 円 statement's figure is exact.
	if r, ok := v.Bounds("result", "jigyo", "決算"); !ok || !r.Lo.Equal(dyen(1234567890)) || !r.Hi.Equal(r.Lo) {
		t.Errorf("Bounds(result 決算) = %v, %v", r, ok)
	}
	if r, _ := v.Bounds("segment", "jigyo", "予算"); r.String() != "1,239,500,000〜1,240,067,889円" {
		t.Errorf("Range.String() = %s", r)
	}
	if _, ok := v.Bounds("nothing", "jigyo", "予算"); ok {
		t.Error("Bounds of a statement the book lacks")
	}
	if w, ok := v.Witness("result", "jigyo", "決算"); !ok || !w.Equal(dyen(1234567890)) {
		t.Errorf("Witness(result 決算) = %v, %v", w, ok)
	}
	if _, ok := b.Verify(statement.VerifyOptions{Links: links}).Bounds("segment", "jigyo", "予算"); ok {
		t.Error("Bounds of an exact verification")
	}

	// 決算 1,236,600,000 円 is 1,100,001 円 above what 1,235 百万円 stands for.
	b, links = roundedBook(t, "△5", 1236600000)
	v = rounded(t, b, statement.VerifyOptions{Links: links})
	if u := v.Unexpected(); len(u) != 1 || u[0].Verdict != statement.Violation || !u[0].Excess.Equal(dyen(1100001)) ||
		u[0].Certificate == nil || len(u[0].Certificate.Identities) != 1 {
		t.Errorf("violation: %v", u)
	}
	pin := statement.Pin{Statement: "segment", Row: "jigyo", Column: "決算", Link: "事業費 決算", Printed: format.CellOf(dyen(1235)), Reason: "known"}
	if v := rounded(t, b, statement.VerifyOptions{Links: links, Pins: []statement.Pin{pin}}); !v.OK() || len(v.Pinned()) != 1 {
		t.Errorf("a pinned violation: %v", v.Findings)
	}

	// A pin that rounding explains is stale.
	b, links = roundedBook(t, "△5", 1234567890)
	v = rounded(t, b, statement.VerifyOptions{Links: links, Pins: []statement.Pin{pin}})
	if u := v.Unexpected(); len(u) != 1 || u[0].Kind != statement.StalePin || u[0].GotText != "the figure is within rounding" {
		t.Errorf("a pin within rounding: %v", u)
	}
}

// Of a rounded statement, what Built does not reproduce is judged under
// rounding: built from the printed 予算 and 決算, 差引 is △5, but the
// report prints △6, rounded from a yen 予算 it does not print.
func TestBookVerifyRoundedBuilt(t *testing.T) {
	published, links := roundedBook(t, "△6", 1234567890)
	var built statement.Book
	for _, id := range published.IDs() {
		s, _ := published.Statement(id)
		if err := built.Add(id, mustBuild(s.Form(), s.Meta(), s.Figures())); err != nil {
			t.Fatal(err)
		}
	}
	if u := published.Verify(statement.VerifyOptions{Built: &built, Links: links}).Unexpected(); len(u) != 2 {
		t.Errorf("exact: %v, want 差引 and the link", u)
	}
	v := rounded(t, published, statement.VerifyOptions{Built: &built, Links: links})
	if !v.OK() || len(v.Findings) != 2 {
		t.Fatalf("rounded: %v", v.Findings)
	}
	f := v.Findings[0]
	if f.Kind != statement.IdentityBroken || f.Verdict != statement.WithinRounding || f.Statement != "segment" || f.Column != "差引" {
		t.Errorf("差引 finding %+v", f)
	}
	// 予算 = 1,234,567,890 + 5,500,000 … 6,499,999 = 1,240,067,890 …
	// 1,241,067,889, within 1,240's: 1,240,067,890 … 1,240,499,999.
	if r, ok := v.Bounds("segment", "jigyo", "予算"); !ok || !r.Lo.Equal(dyen(1240067890)) || !r.Hi.Equal(dyen(1240499999)) {
		t.Errorf("Bounds(予算) = %v, %v", r, ok)
	}
	// △8 is beyond what rounding explains, even before the link: 1,235 −
	// 1,240 stands for at least 1,234,500,000 − 1,240,499,999 = −5,999,999,
	// and △8 for at most −7,500,000: 1,500,001 apart.
	published, links = roundedBook(t, "△8", 1234567890)
	if u := rounded(t, published, statement.VerifyOptions{Built: &built, Links: links}).Unexpected(); len(u) != 1 ||
		u[0].Column != "差引" || u[0].Verdict != statement.Violation || !u[0].Excess.Equal(dyen(1500001)) {
		t.Errorf("△8: %v", u)
	}
}

func TestBookVerifyRoundedMissing(t *testing.T) {
	b, links := roundedBook(t, "△5", 1234567890)
	links = append(links, statement.Link{Name: "nothing",
		Left:  []statement.Ref{{Statement: "segment", Row: "nothing", Column: "決算"}},
		Right: []statement.Ref{{Statement: "elsewhere", Row: "jigyo", Column: "決算"}}})
	v := rounded(t, b, statement.VerifyOptions{Links: links})
	u := v.Unexpected()
	if len(u) != 2 || !strings.HasPrefix(u[0].GotText, "no such row") || u[1].GotText != "no such statement" {
		t.Errorf("missing cells: %v", u)
	}
}

// A figure that is not whole yen, linked to a rounded one, cannot be read
// under rounding: VerifyRounded says why, and verifies nothing.
func TestBookVerifyRoundedErr(t *testing.T) {
	b, links := roundedBook(t, "△5", 1234567890)
	half := mustBuild(resultForm, statement.Meta{}, []statement.Figure{{Row: "jigyo", Column: "決算", Value: format.CellOf(dyen(1).Div(dyen(2)))}})
	if err := b.Add("half", half); err != nil {
		t.Fatal(err)
	}
	links = append(links, statement.Link{Name: "half",
		Left:  []statement.Ref{{Statement: "segment", Row: "jigyo", Column: "予算"}},
		Right: []statement.Ref{{Statement: "half", Row: "jigyo", Column: "決算"}}})
	v, err := b.VerifyRounded(statement.VerifyOptions{Links: links})
	var e *statement.Error
	if !errors.As(err, &e) || !errors.Is(err, statement.ErrRange) || v != nil {
		t.Errorf("half a yen: %v, %v", v, err)
	}
}

// The statements printed exactly that no link to a rounded one names are
// verified exactly, outside the Joint; Bounds gives their figures.
func TestBookVerifyRoundedExactStatements(t *testing.T) {
	b, links := roundedBook(t, "△5", 1234567890)
	other := &statement.Form{Title: "注記", Columns: amount,
		Rows: []statement.Row{{Key: "a", Kind: statement.Item, Label: "甲"}, {Key: "b", Kind: statement.Item, Label: "乙"},
			{Key: "t", Kind: statement.Total, Label: "計", Formula: statement.Formula{{Key: "a"}, {Key: "b"}}}}}
	note, err := statement.ReadCSV(strings.NewReader("label,金額\n甲,1\n乙,2\n計,4\n"), other, statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Add("note", note); err != nil {
		t.Fatal(err)
	}
	v := rounded(t, b, statement.VerifyOptions{Links: links})
	u := v.Unexpected()
	if len(u) != 1 || u[0].Statement != "note" || u[0].Row != "t" || u[0].Kind != statement.IdentityBroken {
		t.Errorf("unexpected %v, want the note's 計", u)
	}
	if r, ok := v.Bounds("note", "t", "金額"); !ok || !r.Lo.Equal(dyen(4)) || !r.Hi.Equal(dyen(4)) {
		t.Errorf("Bounds(note 計) = %v, %v", r, ok)
	}
}

// Books of one shape share the plan of their verification: each is judged
// on its own figures, concurrently too, exactly as a book of freshly
// compiled templates is; a change of the links, even in place, or of how
// a statement prints, is a shape of its own.
func TestBookVerifyRoundedShapes(t *testing.T) {
	compile := func() (seg, res *statement.Template) {
		var err1, err2 error
		seg, err1 = statement.Compile(segmentForm)
		res, err2 = statement.Compile(resultForm)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		return seg, res
	}
	book := func(seg, res *statement.Template, diff string, result int64, meta statement.Meta) *statement.Book {
		meta.Unit = format.Million
		summary, err := seg.ReadCSV(strings.NewReader("label,予算,決算,差引\n事業費,\"1,240\",\"1,235\","+diff+"\n"), statement.ReadOptions{Meta: meta})
		if err != nil {
			t.Fatal(err)
		}
		yen, err := res.Build(statement.Meta{}, []statement.Figure{{Row: "jigyo", Column: "決算", Value: format.CellOf(dyen(result))}})
		if err != nil {
			t.Fatal(err)
		}
		var b statement.Book
		if b.Add("segment", summary) != nil || b.Add("result", yen) != nil {
			t.Fatal("Add")
		}
		return &b
	}
	links := func(column string) []statement.Link {
		return []statement.Link{{Name: "事業費",
			Left:  []statement.Ref{{Statement: "segment", Row: "jigyo", Column: column}},
			Right: []statement.Ref{{Statement: "result", Row: "jigyo", Column: "決算"}}}}
	}
	type variant struct {
		diff   string
		result int64
		meta   statement.Meta
		column string
	}
	variants := []variant{
		{"△5", 1234567890, statement.Meta{}, "決算"},
		{"△5", 1300000000, statement.Meta{}, "決算"}, // the link broken
		{"△7", 1234567890, statement.Meta{}, "決算"}, // 差引 broken
		{"△5", 1240000000, statement.Meta{}, "予算"}, // another link
		{"△6", 1234567890, statement.Meta{Recomputed: []string{"差引"}}, "決算"},
		{"-", 1234567890, statement.Meta{}, "決算"}, // 差引 該当なし
	}
	describe := func(v *statement.Verification, err error) string {
		if err != nil {
			return err.Error()
		}
		var b strings.Builder
		for _, verdict := range []statement.Verdict{statement.Exact, statement.WithinRounding, statement.Violation, statement.Undecided} {
			fmt.Fprintf(&b, "%d ", v.Count(verdict))
		}
		for _, f := range v.Findings {
			fmt.Fprintf(&b, "\n%s %v", f, f.Range)
			if f.Certificate != nil {
				b.WriteString("\n" + f.Certificate.String())
			}
		}
		r, ok := v.Bounds("segment", "jigyo", "予算")
		w, _ := v.Witness("segment", "jigyo", "予算")
		fmt.Fprintf(&b, "\n%v %v %v", r, ok, w)
		return b.String()
	}
	want := make([]string, len(variants))
	for k, x := range variants {
		seg, res := compile() // a plan of its own
		want[k] = describe(book(seg, res, x.diff, x.result, x.meta).VerifyRounded(statement.VerifyOptions{Links: links(x.column)}))
	}
	seg, res := compile()
	shared := links("決算")
	for round := range 3 {
		got := make([]string, len(variants))
		var wg sync.WaitGroup
		for k, x := range variants {
			run := func() {
				l := links(x.column)
				if x.column == "決算" && round == 0 {
					l = shared
				}
				got[k] = describe(book(seg, res, x.diff, x.result, x.meta).VerifyRounded(statement.VerifyOptions{Links: l}))
			}
			if round == 2 {
				wg.Add(1)
				go func() { defer wg.Done(); run() }()
			} else {
				run()
			}
		}
		wg.Wait()
		for k := range variants {
			if got[k] != want[k] {
				t.Errorf("round %d, %+v:\n%s\nwant\n%s", round, variants[k], got[k], want[k])
			}
		}
	}
	// The links changed in place after a verification: the next one
	// follows them.
	b := book(seg, res, "△5", 1240000000, statement.Meta{})
	rounded(t, b, statement.VerifyOptions{Links: shared})
	shared[0].Left[0].Column = "予算"
	if got := describe(b.VerifyRounded(statement.VerifyOptions{Links: shared})); got != want[3] {
		t.Errorf("links changed in place:\n%s\nwant\n%s", got, want[3])
	}
}

// A book of a 千円 table whose rows and columns both add up and the same
// table in 円, each row's A linked to the yen it rounds (the book that
// BenchmarkBookVerifyRounded verifies at size): consistent, every verdict
// proven. With one row's A in 円 moved by 2,000 yen, which no rounding to
// the 千円 printed explains, the link breaks.
func TestBookVerifyRoundedTable(t *testing.T) {
	const n = 12
	thousands, yen := tableStatement(t, n)
	links := tableLinks(n)
	for _, move := range []int64{0, 2000} {
		moved := yen
		if move != 0 {
			figs := yen.Figures()
			for k, f := range figs {
				if f.Row == "r5" && f.Column == "A" {
					figs[k].Value = format.CellOf(f.Value.Amount.Add(dyen(move)))
				}
			}
			var err error
			if moved, err = yen.Template().Build(yen.Meta(), figs); err != nil {
				t.Fatal(err)
			}
		}
		book := bookOf(t, []string{"summary", "yen"}, thousands, moved)
		v, err := book.VerifyRounded(statement.VerifyOptions{Links: links})
		if err != nil {
			t.Fatal(err)
		}
		if v.Count(statement.Undecided) != 0 || (v.Count(statement.Violation) == 0) != (move == 0) {
			t.Errorf("A of r5 moved by %d yen: %d violations, %d undecided: %v", move, v.Count(statement.Violation), v.Count(statement.Undecided), v.Findings)
		}
		checkProofs(t, []*statement.Statement{thousands, moved}, []string{"summary", "yen"}, v, links...)
	}
}
