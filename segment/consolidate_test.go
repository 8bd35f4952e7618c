package segment_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

var chart = func() *account.Chart {
	c, err := account.ReadCSV(strings.NewReader(`code,name,category,parent
1120,未収金,資産,
2110,未払金,負債,
2170,他事業勘定,負債,
4105,負担金収入,収益,
5101,事業費,費用,
`), "")
	if err != nil {
		panic(err)
	}
	return c
}()

// form is a small segment form: a balance-sheet part and an income part.
var form = &statement.Form{
	Title:   "事業別財務情報",
	Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
	Rows: []statement.Row{
		{Key: "1120", Kind: statement.Item, Label: "未収金", Account: "1120"},
		{Key: "2110", Kind: statement.Item, Label: "未払金", Account: "2110"},
		{Key: "2170", Kind: statement.Item, Label: "他事業勘定", Account: "2170"},
		{Key: "4105", Kind: statement.Item, Label: "負担金収入", Account: "4105"},
		{Key: "5101", Kind: statement.Item, Label: "事業費", Account: "5101"},
		{Key: "P_OP", Kind: statement.Total, Label: "営業利益", Formula: statement.Formula{{Key: "4105"}, {Key: "5101", Negative: true}}},
	},
}

func seg(name string, figs ...int64) segment.Segment {
	var fs []statement.Figure
	for i, r := range form.Rows[:5] {
		fs = append(fs, statement.Figure{Row: r.Key, Column: "金額", Value: format.CellOf(decimal.NewFromInt(figs[i]))})
	}
	s, err := statement.Build(form, statement.Meta{}, fs)
	if err != nil {
		panic(err)
	}
	return segment.Segment{Name: name, Statement: s}
}

func consolidation() *segment.Consolidation {
	return &segment.Consolidation{
		Form:  form,
		Chart: chart,
		Segments: []segment.Segment{
			// 一般事業 bills 本人確認 845,938 it has not yet paid.
			seg("一般事業", 845938, 0, 93413782, 20548974, 100),
			seg("本人確認情報処理事業", 0, 845938, -93413782, 0, 20548974),
		},
		Entries: []segment.Entry{
			segment.NewEntry("2110", "1120", decimal.NewFromInt(845938), "事業間の未払金と未収金"),
			segment.NewEntry("4105", "5101", decimal.NewFromInt(20548974), "事業間の負担金"),
		},
		InterSegment: []string{"2170"},
	}
}

func TestConsolidate(t *testing.T) {
	s, err := consolidation().Build(statement.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]string]int64{
		{"1120", "相殺等"}: -845938, {"1120", "合計"}: 0,
		{"2110", "相殺等"}: -845938, {"2110", "合計"}: 0,
		{"2170", "相殺等"}: 0, {"2170", "合計"}: 0,
		{"4105", "相殺等"}: -20548974, {"4105", "合計"}: 0,
		{"5101", "相殺等"}: -20548974, {"5101", "合計"}: 100,
		{"P_OP", "相殺等"}: 0, {"P_OP", "合計"}: -100,
		{"P_OP", "一般事業"}: 20548874,
	}
	for at, w := range want {
		c, ok := s.Cell(at[0], at[1])
		if !ok || !c.Equal(format.CellOf(decimal.NewFromInt(w))) {
			t.Errorf("%s %s = %v, want %d", at[0], at[1], c, w)
		}
	}
	if v := s.Verify(); len(v) != 0 {
		t.Errorf("consolidated statement breaks its identities: %v", v)
	}
	cols := statement.FormatColumns(s.Form().Columns)
	if cols != "一般事業|本人確認情報処理事業|相殺等|合計=一般事業+本人確認情報処理事業+相殺等" {
		t.Errorf("columns %s", cols)
	}
}

// problemsOf returns the problems of an *Error, or fails.
func problemsOf(t *testing.T, err error) []segment.Problem {
	t.Helper()
	var e *segment.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v, want a *segment.Error", err)
	}
	return e.Problems
}

func TestConsolidateErrors(t *testing.T) {
	c := consolidation()
	c.Entries = append(c.Entries,
		segment.Entry{Name: "片側", Memo: "片側だけ", Lines: []segment.Line{{Side: account.Debit, Account: "2110", Amount: decimal.NewFromInt(1)}}},
		segment.NewEntry("9999", "1120", decimal.NewFromInt(1), "科目なし"),
		segment.NewEntry("2110", "1120", decimal.NewFromInt(-1), "負の金額"),
		segment.Entry{Memo: "側なし", Lines: []segment.Line{{Account: "2110", Amount: decimal.NewFromInt(1)}}},
	)
	c.Segments[1] = seg("本人確認情報処理事業", 0, 845938, -93413700, 0, 20548974)
	_, err := c.Build(statement.Meta{})
	want := []struct {
		row string
		err error
	}{
		{"片側", segment.ErrUnbalanced},
		{"4", segment.ErrUnknown},
		{"5", segment.ErrRange},
		{"5", segment.ErrRange},
		{"6", segment.ErrUnknown},
		{"2170", segment.ErrUnbalanced},
	}
	problems := problemsOf(t, err)
	if len(problems) != len(want) {
		t.Fatalf("Build: %d problems, want %d: %v", len(problems), len(want), err)
	}
	for i, w := range want {
		if p := problems[i]; p.Row != w.row || !errors.Is(p, w.err) || !errors.Is(err, w.err) {
			t.Errorf("problem %d = %v, want one at %q wrapping %v", i, p, w.row, w.err)
		}
	}
	if got := problems[5].Error(); got != `"2170": unbalanced: 他事業勘定 nets to 82 across segments, not 0: 一般事業 93,413,782, 本人確認情報処理事業 △93,413,700` {
		t.Errorf("inter-segment problem: %s", got)
	}

	other := *form
	other.Rows = form.Rows[:5]
	tests := []struct {
		name   string
		change func(c *segment.Consolidation)
		row    string
		err    error
	}{
		{"duplicate segment", func(c *segment.Consolidation) { c.Segments = append(c.Segments, c.Segments[0]) }, "一般事業", segment.ErrDuplicate},
		{"segment named as the 合計 column", func(c *segment.Consolidation) { c.Segments[0].Name = "合計" }, "合計", segment.ErrDuplicate},
		{"segment without a name", func(c *segment.Consolidation) { c.Segments[0].Name = "" }, "", segment.ErrMissing},
		{"segment without a statement", func(c *segment.Consolidation) { c.Segments[0].Statement = nil }, "一般事業", segment.ErrMissing},
		{"segment with a zero statement", func(c *segment.Consolidation) { c.Segments[0].Statement = &statement.Statement{} }, "一般事業", segment.ErrForm},
		{"different rows", func(c *segment.Consolidation) {
			c.Segments[0].Statement, _ = statement.Build(&other, statement.Meta{}, c.Segments[0].Statement.Figures())
		}, "一般事業", segment.ErrForm},
		{"no segments", func(c *segment.Consolidation) { c.Segments = nil }, "", segment.ErrMissing},
		{"an inter-segment row the form has not", func(c *segment.Consolidation) { c.InterSegment = []string{"2171"} }, "2171", segment.ErrUnknown},
	}
	for _, tt := range tests {
		c := consolidation()
		tt.change(c)
		_, err := c.Build(statement.Meta{})
		if problems := problemsOf(t, err); len(problems) != 1 || problems[0].Row != tt.row || !errors.Is(err, tt.err) {
			t.Errorf("%s: error %v, want one problem at %q wrapping %v", tt.name, err, tt.row, tt.err)
		}
	}
}

// A segment whose statement names its column differently, or a Column that
// the form does not have, is an error: before, its figures were dropped and
// 合計 was wrong.
func TestConsolidateColumns(t *testing.T) {
	renamed := func(name string) *statement.Form {
		f := *form
		f.Columns = []statement.Column{{Name: name, Kind: statement.Input}}
		return &f
	}
	rebuild := func(c *segment.Consolidation, f *statement.Form) {
		var figs []statement.Figure
		for _, fig := range c.Segments[1].Statement.Figures() {
			fig.Column = f.Columns[0].Name
			figs = append(figs, fig)
		}
		s, err := statement.Build(f, statement.Meta{}, figs)
		if err != nil {
			t.Fatal(err)
		}
		c.Segments[1].Statement = s
	}
	tests := []struct {
		name        string
		change      func(c *segment.Consolidation)
		row, column string
		err         error
	}{
		{"決算額 for 金額", func(c *segment.Consolidation) { rebuild(c, renamed("決算額")) }, "本人確認情報処理事業", "決算額", segment.ErrForm},
		{"a typo", func(c *segment.Consolidation) { rebuild(c, renamed("金頟")) }, "本人確認情報処理事業", "金頟", segment.ErrForm},
		{"another column after it", func(c *segment.Consolidation) {
			f := *form
			f.Columns = append(f.Columns[:1:1], statement.Column{Name: "備考", Kind: statement.Text})
			rebuild(c, &f)
		}, "本人確認情報処理事業", "備考", segment.ErrForm},
		{"a Column the form has not", func(c *segment.Consolidation) { c.Column = "決算額" }, "", "決算額", segment.ErrUnknown},
	}
	for _, tt := range tests {
		c := consolidation()
		tt.change(c)
		_, err := c.Build(statement.Meta{})
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if problems := problemsOf(t, err); len(problems) != 1 || problems[0].Row != tt.row || problems[0].Column != tt.column || !errors.Is(err, tt.err) {
			t.Errorf("%s: error %v, want one problem at %q, column %q, wrapping %v", tt.name, err, tt.row, tt.column, tt.err)
		}
	}
}

func TestReadEntriesCSV(t *testing.T) {
	entries, err := segment.ReadEntriesCSV(strings.NewReader(`entry,memo,side,account,amount
1,事業間の取引,借方,4105,"20,548,974"
1,,借方,4106,"904,200"
1,,貸方,5101,"21,453,174"
2,未収金と未払金,debit,2110,845938
2,,credit,1120,845938
`), "entries.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || len(entries[0].Lines) != 3 || entries[0].Name != "1" || entries[0].Memo != "事業間の取引" || entries[1].Lines[1].Side != account.Credit ||
		!entries[0].Lines[2].Amount.Equal(decimal.NewFromInt(21453174)) {
		t.Errorf("ReadEntriesCSV = %+v", entries)
	}
}

func TestReadEntriesCSVErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []segment.Problem // Err holds the sentinel
	}{
		{"empty", "", []segment.Problem{{Err: segment.ErrMissing}}},
		{"no side", "entry,account,amount\n", []segment.Problem{{Line: 1, Column: "side", Err: segment.ErrMissing}}},
		{"column twice", "entry,side,side,account,amount\n", []segment.Problem{{Line: 1, Column: "side", Err: segment.ErrDuplicate}}},
		{"bad side", "entry,side,account,amount\n1,左,2110,1\n", []segment.Problem{{Line: 2, Row: "1", Column: "side", Err: segment.ErrSyntax}}},
		{"bad amount", "entry,side,account,amount\n1,借方,2110,一\n", []segment.Problem{{Line: 2, Row: "1", Column: "amount", Err: segment.ErrSyntax}}},
		{"field count", "entry,side,account,amount\n1,借方,2110\n", []segment.Problem{{Line: 2, Err: segment.ErrSyntax}}},
		{"every problem", "entry,side,account,amount\n1,左,2110,1\n\n2,借方,2110,x\n", []segment.Problem{
			{Line: 2, Row: "1", Column: "side", Err: segment.ErrSyntax},
			{Line: 4, Row: "2", Column: "amount", Err: segment.ErrSyntax},
		}},
		{"quote", "entry,side\n\"1,借方\n", []segment.Problem{{Line: 2, Err: segment.ErrSyntax}}},
		{"unknown columns", "entry,side,acount,amount,memo,indnet\n", []segment.Problem{
			{Line: 1, Column: "acount", Err: segment.ErrUnknown},
			{Line: 1, Column: "indnet", Err: segment.ErrUnknown},
			{Line: 1, Column: "account", Err: segment.ErrMissing},
		}},
		{"empty entry names", "entry,side,account,amount\n1,借方,2110,1\n,貸方,1120,1\n ,借方,2110,1\n", []segment.Problem{
			{Line: 3, Column: "entry", Err: segment.ErrMissing},
			{Line: 4, Column: "entry", Err: segment.ErrMissing},
		}},
		{"encoding", "entry,side,account,amount\n1,\xff,2110,1\n", []segment.Problem{{Line: 2, Err: segment.ErrEncoding}}},
	}
	for _, tt := range tests {
		_, err := segment.ReadEntriesCSV(strings.NewReader(tt.in), "entries.csv")
		var e *segment.Error
		if !errors.As(err, &e) || e.Source != "entries.csv" || len(e.Problems) != len(tt.want) {
			t.Errorf("%s: error %v, want %d problems in entries.csv", tt.name, err, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			p := e.Problems[i]
			if p.Line != w.Line || p.Row != w.Row || p.Column != w.Column || !errors.Is(p, w.Err) {
				t.Errorf("%s: problem %d = %+v (%v), want %+v", tt.name, i, p, p, w)
			}
		}
	}
}

// Messages quote at most 64 bytes of a bad field.
func TestReadEntriesCSVBounded(t *testing.T) {
	_, err := segment.ReadEntriesCSV(strings.NewReader("entry,side,account,amount\n1,借方,2110,"+strings.Repeat("x", 1<<20)+"\n"), "big.csv")
	if err == nil || len(err.Error()) > 300 {
		t.Errorf("error of %d bytes", len(err.Error()))
	}
}

// Every method is safe on a zero or nil Consolidation, and on one without
// a chart: a typed error, not a panic.
func TestConsolidationZero(t *testing.T) {
	noChart := consolidation()
	noChart.Chart = nil
	tests := []struct {
		name string
		c    *segment.Consolidation
	}{
		{"zero", &segment.Consolidation{}},
		{"nil", nil},
		{"segments but no form", &segment.Consolidation{Segments: consolidation().Segments}},
		{"entries but no chart", noChart},
	}
	for _, tt := range tests {
		if s, err := tt.c.Build(statement.Meta{}); s != nil || !errors.Is(err, segment.ErrMissing) {
			t.Errorf("%s: Build = %v, %v; want an error wrapping ErrMissing", tt.name, s, err)
		}
		if tt.c == nil || tt.c.Form == nil {
			if f, err := tt.c.ConsolidatedForm(); f != nil || !errors.Is(err, segment.ErrMissing) {
				t.Errorf("%s: ConsolidatedForm = %v, %v; want an error wrapping ErrMissing", tt.name, f, err)
			}
		}
	}
}

// TestRatio consolidates a segment at a share (比例連結): each item figure
// times the ratio, rounded to 円 by the stated rounding, totals from those.
func TestRatio(t *testing.T) {
	tests := []struct {
		name     string
		rounding format.Rounding
		// 5101 事業費 1,001 × 0.3 = 300.3; 4105 負担金収入 995 × 0.3 = 298.5
		cost, revenue int64
	}{
		{"四捨五入", format.HalfUp, 300, 299},
		{"切り捨て", format.Down, 300, 298},
		{"切り上げ", format.Up, 301, 299},
		{"偶数丸め", format.HalfEven, 300, 298},
	}
	for _, tt := range tests {
		c := consolidation()
		c.Entries, c.InterSegment = nil, nil
		c.Segments[1] = seg("組合", 0, 0, 0, 995, 1001)
		c.Segments[1].Ratio = decimal.RequireFromString("0.3")
		c.Rounding = tt.rounding
		c.Sum = "単純合算"
		s, err := c.Build(statement.Meta{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		cell := func(row, col string) int64 {
			v, _ := s.Cell(row, col)
			return v.Amount.IntPart()
		}
		if got := cell("5101", "組合"); got != tt.cost {
			t.Errorf("%s: 事業費 %d, want %d", tt.name, got, tt.cost)
		}
		if got := cell("4105", "組合"); got != tt.revenue {
			t.Errorf("%s: 負担金収入 %d, want %d", tt.name, got, tt.revenue)
		}
		if got, want := cell("P_OP", "組合"), tt.revenue-tt.cost; got != want {
			t.Errorf("%s: 営業利益 %d, want %d from the rounded figures", tt.name, got, want)
		}
		if got, want := cell("5101", "単純合算"), 100+tt.cost; got != want {
			t.Errorf("%s: 単純合算 %d, want %d", tt.name, got, want)
		}
		if got, want := cell("5101", "合計"), 100+tt.cost; got != want {
			t.Errorf("%s: 合計 %d, want %d", tt.name, got, want)
		}
	}
	for _, bad := range []string{"-0.1", "1.5"} {
		c := consolidation()
		c.Segments[1].Ratio = decimal.RequireFromString(bad)
		if _, err := c.Build(statement.Meta{}); !errors.Is(err, segment.ErrRange) || !strings.Contains(err.Error(), "本人確認情報処理事業") {
			t.Errorf("ratio %s: %v, want ErrRange naming the segment", bad, err)
		}
	}
}

// TestAdjustments puts amounts into 相殺等 as they are, beside the
// entries; an adjustment of a row that is not an item row is named.
func TestAdjustments(t *testing.T) {
	c := consolidation()
	c.Adjustments = []segment.Adjustment{{Row: "5101", Amount: decimal.NewFromInt(-100)}, {Name: "x", Row: "5101", Amount: decimal.NewFromInt(40)}}
	s, err := c.Build(statement.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Cell("5101", "相殺等"); v.Amount.IntPart() != -20548974-60 {
		t.Errorf("事業費 相殺等 %v", v)
	}
	c.Adjustments = []segment.Adjustment{{Row: "P_OP", Amount: decimal.NewFromInt(1)}, {Name: "x", Row: "nosuch", Amount: decimal.NewFromInt(1)}}
	_, err = c.Build(statement.Meta{})
	if !errors.Is(err, segment.ErrUnknown) || !strings.Contains(err.Error(), `"adjustment 1"`) || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("bad adjustments: %v", err)
	}
}
