package statement_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// costForm is a small 行政コスト計算書: 業務費用 sums 人件費 and 物件費 by
// the outline, 経常費用 = 業務費用 + 移転費用 by formula.
var costForm = &statement.Form{Title: "行政コスト計算書",
	Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
	Rows: []statement.Row{
		{Key: "1", Kind: statement.Item, Label: "人件費", Indent: 1},
		{Key: "2", Kind: statement.Item, Label: "物件費", Indent: 1},
		{Key: "10", Kind: statement.Subtotal, Label: "業務費用"},
		{Key: "20", Kind: statement.Item, Label: "移転費用"},
		{Key: "30", Kind: statement.Total, Label: "経常費用", Formula: statement.Formula{{Key: "10"}, {Key: "20"}}},
	},
}

func readThousands(t *testing.T, f *statement.Form, csv string, meta statement.Meta) *statement.Statement {
	t.Helper()
	meta.Unit = format.Thousand
	s, err := statement.ReadCSV(strings.NewReader(csv), f, statement.ReadOptions{Meta: meta})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func dyen(v int64) decimal.Decimal { return decimal.NewFromInt(v) }

func TestVerifyRounded(t *testing.T) {
	type want struct {
		row     string
		verdict statement.Verdict
		excess  int64
		lo, hi  int64 // Range
	}
	tests := []struct {
		name     string
		csv      string
		rounding format.Rounding
		want     []want
		reason   string
	}{{
		name: "within rounding",
		// 四捨五入: 1 千円 stands for 500 … 1,499 yen. 業務費用 3 (2,500 …
		// 3,499) against 1 + 1 (1,000 … 2,998): they meet. 経常費用 8
		// against 3 + 5 (7,000 … 8,998): as printed 3 + 5 = 8.
		csv:  "label,金額\n人件費,1\n物件費,1\n業務費用,3\n移転費用,5\n経常費用,8\n",
		want: []want{{"10", statement.WithinRounding, 0, 1000, 2998}, {"30", statement.Exact, 0, 7000, 8998}},
	}, {
		name: "a figure off by 6 千円",
		// 業務費用 9 (8,500 … 9,499) against 1 + 1 (1,000 … 2,998):
		// 8,500 − 2,998 = 5,502 yen beyond rounding. 経常費用 8 (7,500 …
		// 8,499) against 9 + 5 (13,000 … 14,998): 13,000 − 8,499 = 4,501.
		csv:  "label,金額\n人件費,1\n物件費,1\n業務費用,9\n移転費用,5\n経常費用,8\n",
		want: []want{{"10", statement.Violation, 5502, 1000, 2998}, {"30", statement.Violation, 4501, 13000, 14998}},
	}, {
		name: "切り捨て",
		// 切り捨て: 1 千円 stands for 1,000 … 1,999. 業務費用 3 (3,000 …
		// 3,999) against 1 + 1 (2,000 … 3,998): they meet. 経常費用 8
		// (8,000 … 8,999) against 3 + 5 (8,000 … 9,998).
		csv: "label,金額\n人件費,1\n物件費,1\n業務費用,3\n移転費用,5\n経常費用,8\n", rounding: format.Down,
		want: []want{{"10", statement.WithinRounding, 0, 2000, 3998}, {"30", statement.Exact, 0, 8000, 9998}},
	}, {
		name: "切り上げ catches what 四捨五入 allows",
		// 切り上げ: 1 千円 stands for 1 … 1,000. 業務費用 3 (2,001 …
		// 3,000) against 1 + 1 (2 … 2,000): 2,001 − 2,000 = 1 yen off.
		csv: "label,金額\n人件費,1\n物件費,1\n業務費用,3\n移転費用,5\n経常費用,8\n", rounding: format.Up,
		want: []want{{"10", statement.Violation, 1, 2, 2000}, {"30", statement.Exact, 0, 6002, 8000}},
	}, {
		name: "該当なし against a figure",
		// 業務費用 printed - while 人件費 has a figure: no rounding explains
		// it. 該当なし is exactly nothing, and 1 千円 is at least 500 yen.
		csv:  "label,金額\n人件費,1\n物件費,-\n業務費用,-\n移転費用,5\n経常費用,5\n",
		want: []want{{"10", statement.Violation, 500, 500, 1499}, {"30", statement.Exact, 0, 4500, 5499}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := readThousands(t, costForm, tt.csv, statement.Meta{Rounding: tt.rounding})
			v, err := s.VerifyRounded()
			if err != nil {
				t.Fatal(err)
			}
			// Exact identities are counted, not findings.
			var findings []want
			counts := map[statement.Verdict]int{}
			for _, w := range tt.want {
				counts[w.verdict]++
				if w.verdict != statement.Exact {
					findings = append(findings, w)
				}
			}
			for _, verdict := range []statement.Verdict{statement.Exact, statement.WithinRounding, statement.Violation, statement.Undecided} {
				if v.Count(verdict) != counts[verdict] {
					t.Errorf("%d %v, want %d", v.Count(verdict), verdict, counts[verdict])
				}
			}
			if len(v.Findings) != len(findings) {
				t.Fatalf("%d findings, want %d: %v", len(v.Findings), len(findings), v.Findings)
			}
			for k, w := range findings {
				f := v.Findings[k]
				if f.Row != w.row || f.Verdict != w.verdict || !f.Excess.Equal(dyen(w.excess)) ||
					!f.Range.Lo.Equal(dyen(w.lo)) || !f.Range.Hi.Equal(dyen(w.hi)) || f.Column != "金額" {
					t.Errorf("finding %d: %s %v excess %s range %v; want %s %v %d %d〜%d", k, f.Row, f.Verdict, f.Excess, f.Range,
						w.row, w.verdict, w.excess, w.lo, w.hi)
				}
				if (f.Verdict == statement.Violation) != (f.Certificate != nil) && !(f.Verdict == statement.Violation && f.Excess.IsZero()) {
					t.Errorf("finding %d: %v with certificate %v", k, f.Verdict, f.Certificate)
				}
			}
			checkProofs(t, []*statement.Statement{s}, nil, v)
			sameAsBook(t, s, v)
		})
	}
}

func TestVerifyRoundedExact(t *testing.T) {
	// Figures exact in 千円 are not widened: 1 + 1 is not 3.
	s := readThousands(t, costForm, "label,金額\n人件費,1\n物件費,1\n業務費用,3\n移転費用,5\n経常費用,8\n", statement.Meta{Exact: true})
	v, err := s.VerifyRounded()
	if err != nil {
		t.Fatal(err)
	}
	if fs := v.Findings; len(fs) == 0 || fs[0].Verdict != statement.Violation || !fs[0].Excess.Equal(dyen(1000)) {
		t.Errorf("exact figures: %v, want a violation by 1,000円", fs)
	}
	// A statement in yen, built exactly, verifies exactly.
	b, err := statement.Build(costForm, statement.Meta{}, []statement.Figure{
		{Row: "1", Column: "金額", Value: format.CellOf(dyen(1))}, {Row: "2", Column: "金額", Value: format.CellOf(dyen(2))},
		{Row: "20", Column: "金額", Value: format.CellOf(dyen(3))}})
	if err != nil {
		t.Fatal(err)
	}
	v, err = b.VerifyRounded()
	if err != nil || len(v.Findings) != 0 || v.Count(statement.Exact) != 2 {
		t.Errorf("built statement: %v, %v", v, err)
	}
}

// segmentForm is a 事業別決算の状況 in 百万円: 差引 = 決算 − 予算.
var segmentForm = &statement.Form{Title: "事業別決算の状況",
	Columns: []statement.Column{{Name: "予算", Kind: statement.Input}, {Name: "決算", Kind: statement.Input},
		{Name: "差引", Kind: statement.Computed, Formula: statement.Formula{{Key: "決算"}, {Key: "予算", Negative: true}}}},
	Rows: []statement.Row{{Key: "jigyo", Kind: statement.Item, Label: "事業費"}},
}

// resultForm is the statement that knows the 決算 to the yen.
var resultForm = &statement.Form{Title: "決算書",
	Columns: []statement.Column{{Name: "決算", Kind: statement.Input}},
	Rows:    []statement.Row{{Key: "jigyo", Kind: statement.Item, Label: "事業費"}},
}

func TestVerifyRoundedErrors(t *testing.T) {
	s, err := statement.Build(costForm, statement.Meta{}, []statement.Figure{
		{Row: "1", Column: "金額", Value: format.CellOf(decimal.RequireFromString("0.5"))},
		{Row: "2", Column: "金額", Value: format.CellOf(dyen(2))}, {Row: "20", Column: "金額", Value: format.CellOf(dyen(3))}})
	if err != nil {
		t.Fatal(err)
	}
	var e *statement.Error
	if _, err := s.VerifyRounded(); !errors.As(err, &e) || !errors.Is(err, statement.ErrRange) || e.Problems[0].Row != "1" {
		t.Errorf("half a yen: %v, want an *Error wrapping ErrRange at row 1", err)
	}
	if v, err := new(statement.Statement).VerifyRounded(); err != nil || len(v.Findings) != 0 || v.Count(statement.Exact) != 0 {
		t.Errorf("zero Statement: %v, %v", v, err)
	}
}

// TestRecomputed: the 決算の概要 prints 差引 as the difference of the
// printed 百万円 figures, while 予算 and 決算 are known to the yen elsewhere.
// 予算 701,600,000 prints 702, 決算 709,400,000 prints 709; the printed 差引
// 7 is 709 − 702, where the exact difference 7,800,000 would round to 8.
func TestRecomputed(t *testing.T) {
	form := &statement.Form{Title: "決算の概要",
		Columns: []statement.Column{{Name: "予算", Kind: statement.Input}, {Name: "決算", Kind: statement.Input},
			{Name: "差引", Kind: statement.Computed, Formula: statement.Formula{{Key: "決算"}, {Key: "予算", Negative: true}}}},
		Rows: []statement.Row{{Key: "2200", Kind: statement.Item, Label: "固定負債"}},
	}
	exact := &statement.Form{Title: "決算書",
		Columns: []statement.Column{{Name: "予算", Kind: statement.Input}, {Name: "決算", Kind: statement.Input}},
		Rows:    []statement.Row{{Key: "2200", Kind: statement.Item, Label: "固定負債"}},
	}
	yenFigures, err := statement.ReadCSV(strings.NewReader("label,予算,決算\n固定負債,701600000,709400000\n"), exact, statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name       string
		recomputed []string
		verdict    statement.Verdict
		excess     int64
	}{
		// 差引 7 stands for at most 7,499,999 yen, the exact difference
		// is 7,800,000: 300,001 beyond rounding.
		{"rounded from exact yen", nil, statement.Violation, 300001},
		// As printed, 709 − 702 = 7.
		{"recomputed from the printed figures", []string{"差引"}, statement.Exact, 0},
	} {
		summary, err := statement.ReadCSV(strings.NewReader("label,予算,決算,差引\n固定負債,702,709,7\n"), form,
			statement.ReadOptions{Meta: statement.Meta{Unit: format.Million, Recomputed: tt.recomputed}})
		if err != nil {
			t.Fatal(err)
		}
		var book statement.Book
		if err := book.Add("summary", summary); err != nil {
			t.Fatal(err)
		}
		if err := book.Add("yen", yenFigures); err != nil {
			t.Fatal(err)
		}
		link := func(col string) statement.Link {
			return statement.Link{Name: col, Left: []statement.Ref{{Statement: "summary", Row: "2200", Column: col}},
				Right: []statement.Ref{{Statement: "yen", Row: "2200", Column: col}}}
		}
		v, err := book.VerifyRounded(statement.VerifyOptions{Links: []statement.Link{link("予算"), link("決算")}})
		if err != nil {
			t.Fatal(err)
		}
		var diff *statement.Finding
		for k, f := range v.Findings {
			switch {
			case f.Kind == statement.LinkBroken && f.Verdict != statement.WithinRounding:
				t.Errorf("%s: link %s", tt.name, f)
			case f.Column == "差引":
				diff = &v.Findings[k]
			}
		}
		switch {
		case tt.verdict == statement.Exact && (diff != nil || v.Count(statement.Exact) != 1):
			t.Errorf("%s: %v, %d exact", tt.name, diff, v.Count(statement.Exact))
		case tt.verdict != statement.Exact && (diff == nil || diff.Verdict != tt.verdict || !diff.Excess.Equal(dyen(tt.excess))):
			t.Errorf("%s: %v", tt.name, diff)
		}
	}
}

// A total whose terms are all hidden rows, which a summary does not print,
// is judged by its interval alone: that the hidden rows print no figure
// does not make it 該当なし.
func TestVerifyRoundedHiddenTerms(t *testing.T) {
	form := &statement.Form{Title: "キャッシュ・フロー計算書",
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "a", Kind: statement.Item, Label: "補助金等収入", Hidden: true},
			{Key: "b", Kind: statement.Item, Label: "その他の収入", Hidden: true},
			{Key: "in", Kind: statement.Total, Label: "その他収入", Formula: statement.Formula{{Key: "a"}, {Key: "b"}}},
		},
	}
	s, err := statement.ReadCSV(strings.NewReader("label,金額\nその他収入,388\n"), form, statement.ReadOptions{Meta: statement.Meta{Unit: format.Million}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.VerifyRounded()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range v.Findings {
		if f.Verdict == statement.Violation || f.Verdict == statement.Undecided {
			t.Errorf("%s", f)
		}
	}
}

// A total printed blank, neither a figure nor a dash, while its terms
// have figures, is a figure lost in printing: one finding, and the
// identities that sum it are judged with it unknown, not as 0; printed
// as a dash it is 該当なし, and every identity that sums it fails.
func TestBlankTotal(t *testing.T) {
	form := &statement.Form{Title: "資金収支計算書", Columns: amount,
		Rows: []statement.Row{
			{Key: "a", Kind: statement.Item, Label: "業務収入", Indent: 1},
			{Key: "b", Kind: statement.Item, Label: "業務支出", Indent: 1},
			{Key: "s", Kind: statement.Total, Label: "業務活動収支", Formula: statement.Formula{{Key: "a"}, {Key: "b", Negative: true}}},
			{Key: "c", Kind: statement.Item, Label: "投資活動収支"},
			{Key: "t", Kind: statement.Total, Label: "本年度資金収支額", Formula: statement.Formula{{Key: "s"}, {Key: "c"}}},
			{Key: "d", Kind: statement.Item, Label: "前年度末資金残高"},
			{Key: "u", Kind: statement.Total, Label: "本年度末資金残高", Formula: statement.Formula{{Key: "t"}, {Key: "d"}}},
			{Key: "n", Kind: statement.Item, Label: "その他"},
			{Key: "m", Kind: statement.Total, Label: "その他計", Formula: statement.Formula{{Key: "n"}}},
		}}
	read := func(s string, unit format.Unit) *statement.Statement {
		t.Helper()
		st, err := statement.ReadCSV(strings.NewReader(s), form, statement.ReadOptions{Meta: statement.Meta{Unit: unit}})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	// 業務活動収支 = 50 − 20 = 30 is printed blank; 本年度資金収支額 30 + 5 = 35
	// and 本年度末資金残高 35 + 100 = 135 are printed. その他計 is blank over
	// a blank その他: 該当なし, as the form expects.
	const body = "label,金額\n業務収入,50\n業務支出,20\n業務活動収支,%s\n投資活動収支,5\n本年度資金収支額,35\n前年度末資金残高,100\n本年度末資金残高,135\nその他,\nその他計,\n"
	blank := read(fmt.Sprintf(body, ""), format.Yen)
	fs := blank.Verify()
	if len(fs) != 1 || fs[0].Kind != statement.BlankFigure || fs[0].Row != "s" || !fs[0].Got.Equal(yen(30)) ||
		fs[0].String() != "資金収支計算書: 業務活動収支 金額: printed blank, where its terms a-b give 30円" {
		t.Errorf("exactly: %v, want the blank 業務活動収支 alone", fs)
	}
	dash := read(fmt.Sprintf(body, "-"), format.Yen)
	if fs := dash.Verify(); len(fs) != 2 || fs[0].Kind != statement.IdentityBroken || fs[1].Row != "t" {
		t.Errorf("a dash: %v, want 業務活動収支 and 本年度資金収支額 broken", fs)
	}
	// Under rounding, in 億円: one finding, and 本年度資金収支額 holds with
	// the lost figure anywhere it needs to be.
	rounded := read(fmt.Sprintf(body, ""), format.HundredMillion)
	v, err := rounded.VerifyRounded()
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Findings) != 1 || v.Findings[0].Kind != statement.BlankFigure || v.Count(statement.Violation) != 0 {
		t.Errorf("under rounding: %v, %d violations, want the blank alone", v.Findings, v.Count(statement.Violation))
	}
	if w, ok := v.Witness("資金収支計算書", "s", "金額"); !ok || w.LessThan(decimal.New(29, 8)) || w.GreaterThan(decimal.New(31, 8)) {
		t.Errorf("witness of the lost figure %v, %v, want about 30億", w, ok)
	}
	checkProofs(t, []*statement.Statement{rounded}, nil, v)
	sameAsBook(t, rounded, v)
}

// Two totals of the same terms, t1 = x + y and t2 = x + y, which Validate
// accepts, printed in 千円 as x = y = t1 = 1 and t2 = 2. Each holds on its
// own: x + y stands for 1,000 … 2,998 yen (each of x and y for 500 …
// 1,499), which meets t1's 500 … 1,499 and t2's 1,500 … 2,499. Together
// they say t1 = t2, and t2 − t1 lies in 1,500 − 1,499 … 2,499 − 500 =
// 1 … 1,999 yen: never zero, one yen beyond rounding. One sum cannot round
// to both 1 and 2.
func TestVerifyRoundedSharedTerms(t *testing.T) {
	form := &statement.Form{Title: "共有", Columns: amount,
		Rows: []statement.Row{
			{Key: "x", Kind: statement.Item, Label: "x"},
			{Key: "y", Kind: statement.Item, Label: "y"},
			{Key: "t1", Kind: statement.Total, Label: "t1", Formula: statement.Formula{{Key: "x"}, {Key: "y"}}},
			{Key: "t2", Kind: statement.Total, Label: "t2", Formula: statement.Formula{{Key: "x"}, {Key: "y"}}},
		}}
	if err := form.Validate(); err != nil {
		t.Fatal(err)
	}
	s := readThousands(t, form, "label,金額\nx,1\ny,1\nt1,1\nt2,2\n", statement.Meta{})
	one, err := s.VerifyRounded()
	if err != nil {
		t.Fatal(err)
	}
	// The same statement as the only one of a book: the same verdicts.
	var book statement.Book
	if err := book.Add("s", s); err != nil {
		t.Fatal(err)
	}
	inBook, err := book.VerifyRounded(statement.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]*statement.Verification{"Statement.VerifyRounded": one, "Book.VerifyRounded": inBook} {
		if v.Count(statement.Violation) != 1 || v.Count(statement.Undecided) != 0 || v.Count(statement.WithinRounding)+v.Count(statement.Exact) != 1 {
			t.Errorf("%s: %d violations, %d undecided, %d within rounding, %d exact; want one violation and one that holds", name,
				v.Count(statement.Violation), v.Count(statement.Undecided), v.Count(statement.WithinRounding), v.Count(statement.Exact))
			continue
		}
		var bad *statement.Finding
		for k, f := range v.Findings {
			if f.Verdict == statement.Violation {
				bad = &v.Findings[k]
			}
		}
		if bad == nil || bad.Certificate == nil || !bad.Excess.Equal(dyen(1)) {
			t.Errorf("%s: %v, want a violation by 1 yen with its certificate", name, v.Findings)
			continue
		}
		// Its message says that the conflict is joint: t2's printed terms
		// give what it prints.
		if got, want := bad.String(), "t2 金額: x+y: got 2,000円, want 2,000円 (off by 1円 beyond rounding, jointly with 1 other identity)"; !strings.HasSuffix(got, want) {
			t.Errorf("%s: %s, want …%s", name, got, want)
		}
		// The certificate combines both identities, so that x and y
		// cancel, and leaves t1 and t2.
		c := bad.Certificate
		rows := map[string]int64{}
		for _, id := range c.Identities {
			rows[id.Row] += id.Times
		}
		figures := map[string]int64{}
		for _, f := range c.Figures {
			figures[f.Row] += f.Times
		}
		if len(rows) != 2 || rows["t1"]+rows["t2"] != 0 || rows["t1"] == 0 ||
			len(figures) != 2 || figures["t1"]+figures["t2"] != 0 || figures["t1"] == 0 {
			t.Errorf("%s: certificate\n%v\nwant t1 and t2 against each other", name, c)
		}
		if lo, hi := c.Sum.Lo.Abs(), c.Sum.Hi.Abs(); !lo.Add(hi).Equal(dyen(2000)) || !lo.Equal(dyen(1)) && !hi.Equal(dyen(1)) {
			t.Errorf("%s: certificate's sum %v, want ±(1 … 1,999)", name, c.Sum)
		}
	}
	checkProofs(t, []*statement.Statement{s}, nil, one)
	checkProofs(t, []*statement.Statement{s}, []string{"s"}, inBook)
}

// Blocks s = x + y, t = s + z printed in 千円 as x = y = 1, s = 3, z = 0,
// t = 4 (blocksStatement), each followed by the next: each identity holds
// on its own (x + y in 1,000 … 2,998 yen meets s's 2,500 … 3,499; s + z
// in 2,001 … 3,998 meets t's 3,500 … 4,499), but together s = t − z is at
// least 3,500 − 499 = 3,001 yen and x + y at most 2,998: 3 yen beyond
// rounding in each block, one violation each, and the 合計 of the ts holds.
func TestVerifyRoundedBlocks(t *testing.T) {
	const k = 3
	s := blocksStatement(t, k)
	v, err := s.VerifyRounded()
	if err != nil {
		t.Fatal(err)
	}
	if v.Count(statement.Violation) != k || v.Count(statement.Undecided) != 0 || v.Count(statement.Violation)+v.Count(statement.WithinRounding)+v.Count(statement.Exact) != 2*k+1 {
		t.Errorf("%d violations, %d undecided, %d within rounding, %d exact; want %d violations of %d identities", v.Count(statement.Violation),
			v.Count(statement.Undecided), v.Count(statement.WithinRounding), v.Count(statement.Exact), k, 2*k+1)
	}
	for _, f := range v.Findings {
		if f.Verdict == statement.Violation && (!f.Excess.Equal(dyen(3)) || f.Certificate == nil || len(f.Certificate.Identities) != 2) {
			t.Errorf("%s: want 3 yen beyond rounding, certified by the block's two identities: %v", f, f.Certificate)
		}
	}
	checkProofs(t, []*statement.Statement{s}, nil, v)
	sameAsBook(t, s, v)
}
