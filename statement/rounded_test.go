package statement_test

import (
	"errors"
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
			fs, err := s.VerifyRounded()
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != len(tt.want) {
				t.Fatalf("%d findings, want %d: %v", len(fs), len(tt.want), fs)
			}
			for k, w := range tt.want {
				f := fs[k]
				if f.Row != w.row || f.Verdict != w.verdict || !f.Excess.Equal(dyen(w.excess)) ||
					!f.Range.Lo.Equal(dyen(w.lo)) || !f.Range.Hi.Equal(dyen(w.hi)) || f.Column != "金額" {
					t.Errorf("finding %d: %s %v excess %s range %v; want %s %v %d %d〜%d", k, f.Row, f.Verdict, f.Excess, f.Range,
						w.row, w.verdict, w.excess, w.lo, w.hi)
				}
			}
		})
	}
}

func TestVerifyRoundedExact(t *testing.T) {
	// Figures exact in 千円 are not widened: 1 + 1 is not 3.
	s := readThousands(t, costForm, "label,金額\n人件費,1\n物件費,1\n業務費用,3\n移転費用,5\n経常費用,8\n", statement.Meta{Exact: true})
	fs, err := s.VerifyRounded()
	if err != nil {
		t.Fatal(err)
	}
	if fs[0].Verdict != statement.Violation || !fs[0].Excess.Equal(dyen(1000)) {
		t.Errorf("exact figures: %v, want a violation by 1,000円", fs[0])
	}
	// A statement in yen, built exactly, verifies exactly.
	b, err := statement.Build(costForm, statement.Meta{}, []statement.Figure{
		{Row: "1", Column: "金額", Value: format.CellOf(dyen(1))}, {Row: "2", Column: "金額", Value: format.CellOf(dyen(2))},
		{Row: "20", Column: "金額", Value: format.CellOf(dyen(3))}})
	if err != nil {
		t.Fatal(err)
	}
	fs, err = b.VerifyRounded()
	if err != nil || len(fs) != 2 || fs[0].Verdict != statement.Exact || fs[1].Verdict != statement.Exact {
		t.Errorf("built statement: %v, %v", fs, err)
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

func TestJoint(t *testing.T) {
	summary, err := statement.ReadCSV(strings.NewReader("label,予算,決算,差引\n事業費,\"1,240\",\"1,235\",△5\n"), segmentForm,
		statement.ReadOptions{Meta: statement.Meta{Unit: format.Million}})
	if err != nil {
		t.Fatal(err)
	}
	result, err := statement.ReadCSV(strings.NewReader("label,決算\n事業費,\"1,234,567,890\"\n"), resultForm, statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	j := &statement.Joint{Statements: []*statement.Statement{summary, result}, Names: []string{"segment", "result"},
		Identities: []statement.Identity{{Name: "決算",
			Left: []statement.CellRef{{Statement: 0, Row: "jigyo", Column: "決算"}}, Right: []statement.CellRef{{Statement: 1, Row: "jigyo", Column: "決算"}}}}}
	r, err := j.Verify()
	if err != nil {
		t.Fatal(err)
	}
	// 差引 △5 = 1,235 − 1,240 as printed: exact. The link: 1,235 百万円
	// (1,234,500,000 … 1,235,499,999) holds 1,234,567,890: within
	// rounding.
	if len(r.Findings) != 2 || r.Findings[0].Verdict != statement.Exact || r.Findings[0].Statement != "segment" ||
		r.Findings[1].Verdict != statement.WithinRounding || r.Findings[1].Kind != statement.LinkBroken ||
		r.Findings[1].Rule != "segment:jigyo:決算 = result:jigyo:決算" {
		t.Fatalf("findings %v", r.Findings)
	}
	// 予算 = 決算 − 差引 = 1,234,567,890 + (4,500,000 … 5,499,999) =
	// 1,239,067,890 … 1,240,067,889, within its printed 1,239,500,000 …
	// 1,240,499,999: 1,239,500,000 … 1,240,067,889. The segment's 決算 is
	// narrowed to the yen, so what is left is a tree: a proof.
	b, ok := r.Bounds(0, "jigyo", "予算")
	if !ok || !b.Lo.Equal(dyen(1239500000)) || !b.Hi.Equal(dyen(1240067889)) || !r.Proof {
		t.Errorf("予算 implied %v (%v), proof %v; want 1,239,500,000〜1,240,067,889円", b, ok, r.Proof)
	}
	if got := b.String(); got != "1,239,500,000〜1,240,067,889円" {
		t.Errorf("Range.String() = %s", got)
	}
	if _, ok := r.Bounds(2, "jigyo", "予算"); ok {
		t.Error("Bounds of a statement that is not there")
	}

	j.Identities[0].Right[0].Row = "nothing"
	var e *statement.Error
	if _, err := j.Verify(); !errors.As(err, &e) || !errors.Is(err, statement.ErrUnknown) {
		t.Errorf("an identity naming no cell: %v", err)
	}
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
	if fs, err := new(statement.Statement).VerifyRounded(); err != nil || len(fs) != 0 {
		t.Errorf("zero Statement: %v, %v", fs, err)
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
		ref := func(k int, col string) []statement.CellRef {
			return []statement.CellRef{{Statement: k, Row: "2200", Column: col}}
		}
		r, err := (&statement.Joint{Statements: []*statement.Statement{summary, yenFigures},
			Identities: []statement.Identity{{Name: "予算", Left: ref(0, "予算"), Right: ref(1, "予算")},
				{Name: "決算", Left: ref(0, "決算"), Right: ref(1, "決算")}}}).Verify()
		if err != nil {
			t.Fatal(err)
		}
		f := r.Findings[0]
		if f.Column != "差引" || f.Verdict != tt.verdict || !f.Excess.Equal(dyen(tt.excess)) {
			t.Errorf("%s: %s", tt.name, f)
		}
		for _, l := range r.Findings[1:] {
			if l.Verdict != statement.WithinRounding {
				t.Errorf("%s: link %s", tt.name, l)
			}
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
	fs, err := s.VerifyRounded()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Verdict == statement.Violation {
			t.Errorf("%s", f)
		}
	}
}
