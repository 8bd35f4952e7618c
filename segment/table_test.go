package segment_test

import (
	"errors"
	"fmt"
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

func table() *segment.Table {
	return &segment.Table{
		Form:  form,
		Chart: chart,
		Segments: []segment.Segment{
			// 一般事業 bills 本人確認 845,938 it has not yet paid.
			seg("一般事業", 845938, 0, 93413782, 20548974, 100),
			seg("本人確認情報処理事業", 0, 845938, -93413782, 0, 20548974),
		},
		Eliminations: []segment.Elimination{
			segment.NewElimination("2110", "1120", decimal.NewFromInt(845938), "事業間の未払金と未収金"),
			segment.NewElimination("4105", "5101", decimal.NewFromInt(20548974), "事業間の負担金"),
		},
		InterSegment: []string{"2170"},
	}
}

func TestConsolidate(t *testing.T) {
	s, err := table().Build(statement.Meta{})
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
	c := table()
	c.Eliminations = append(c.Eliminations,
		segment.Elimination{Name: "片側", Memo: "片側だけ", Lines: []segment.Line{{Side: account.Debit, Row: "2110", Amount: decimal.NewFromInt(1)}}},
		segment.NewElimination("9999", "1120", decimal.NewFromInt(1), "科目なし"),
		segment.NewElimination("2110", "1120", decimal.NewFromInt(-1), "負の金額"),
		segment.Elimination{Memo: "側なし", Lines: []segment.Line{{Row: "2110", Amount: decimal.NewFromInt(1)}}},
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
		change func(c *segment.Table)
		row    string
		err    error
	}{
		{"duplicate segment", func(c *segment.Table) { c.Segments = append(c.Segments, c.Segments[0]) }, "一般事業", segment.ErrDuplicate},
		{"segment named as the 合計 column", func(c *segment.Table) { c.Segments[0].Name = "合計" }, "合計", segment.ErrDuplicate},
		{"segment without a name", func(c *segment.Table) { c.Segments[0].Name = "" }, "", segment.ErrMissing},
		{"segment without a statement", func(c *segment.Table) { c.Segments[0].Statement = nil }, "一般事業", segment.ErrMissing},
		{"segment with a zero statement", func(c *segment.Table) { c.Segments[0].Statement = &statement.Statement{} }, "一般事業", segment.ErrForm},
		{"different rows", func(c *segment.Table) {
			c.Segments[0].Statement, _ = statement.Build(&other, statement.Meta{}, c.Segments[0].Statement.Figures())
		}, "一般事業", segment.ErrForm},
		{"no segments", func(c *segment.Table) { c.Segments = nil }, "", segment.ErrMissing},
		{"an inter-segment row the form has not", func(c *segment.Table) { c.InterSegment = []string{"2171"} }, "2171", segment.ErrUnknown},
	}
	for _, tt := range tests {
		c := table()
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
	rebuild := func(c *segment.Table, f *statement.Form) {
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
		change      func(c *segment.Table)
		row, column string
		err         error
	}{
		{"決算額 for 金額", func(c *segment.Table) { rebuild(c, renamed("決算額")) }, "本人確認情報処理事業", "決算額", segment.ErrForm},
		{"a typo", func(c *segment.Table) { rebuild(c, renamed("金頟")) }, "本人確認情報処理事業", "金頟", segment.ErrForm},
		{"another column after it", func(c *segment.Table) {
			f := *form
			f.Columns = append(f.Columns[:1:1], statement.Column{Name: "備考", Kind: statement.Text})
			rebuild(c, &f)
		}, "本人確認情報処理事業", "備考", segment.ErrForm},
		{"a Column the form has not", func(c *segment.Table) { c.Column = "決算額" }, "", "決算額", segment.ErrUnknown},
	}
	for _, tt := range tests {
		c := table()
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

func TestReadEliminationsCSV(t *testing.T) {
	es, err := segment.ReadEliminationsCSV(strings.NewReader(`elimination,memo,side,row,amount
1,事業間の取引,借方,4105,"20,548,974"
1,,借方,4106,"904,200"
1,,貸方,5101,"21,453,174"
2,未収金と未払金,debit,2110,845938
2,,credit,1120,845938
`), "eliminations.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || len(es[0].Lines) != 3 || es[0].Name != "1" || es[0].Memo != "事業間の取引" || es[1].Lines[1].Side != account.Credit ||
		!es[0].Lines[2].Amount.Equal(decimal.NewFromInt(21453174)) || es[0].Kind != segment.Internal {
		t.Errorf("ReadEliminationsCSV = %+v", es)
	}
	es, err = segment.ReadEliminationsCSV(strings.NewReader(`elimination,kind,memo,statement,row,column,member,side,amount
E4,,未払金と未収金,bs,未払金,,,借方,100
E4,連結修正等,,bs,未収金,,下水道事業会計,貸方,98
E4,,,bs,流動資産/その他,,,差額,
E5,investment,,nw,前年度末純資産残高,余剰分（不足分）,T,借方,30
`), "eliminations.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []segment.Elimination{
		{Name: "E4", Memo: "未払金と未収金", Kind: segment.Adjustment, Lines: []segment.Line{
			{Side: account.Debit, Statement: "bs", Row: "未払金", Amount: decimal.NewFromInt(100)},
			{Side: account.Credit, Statement: "bs", Row: "未収金", Member: "下水道事業会計", Amount: decimal.NewFromInt(98)},
		}, Reconcile: segment.Line{Statement: "bs", Row: "流動資産/その他"}},
		{Name: "E5", Kind: segment.Investment, Lines: []segment.Line{
			{Side: account.Debit, Statement: "nw", Row: "前年度末純資産残高", Column: "余剰分（不足分）", Member: "T", Amount: decimal.NewFromInt(30)},
		}},
	}
	if got, w := fmt.Sprint(es), fmt.Sprint(want); got != w {
		t.Errorf("ReadEliminationsCSV =\n%s\nwant\n%s", got, w)
	}
}

func TestReadEliminationsCSVErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []segment.Problem // Err holds the sentinel
	}{
		{"empty", "", []segment.Problem{{Err: segment.ErrMissing}}},
		{"no side", "elimination,row,amount\n", []segment.Problem{{Line: 1, Column: "side", Err: segment.ErrMissing}}},
		{"column twice", "elimination,side,side,row,amount\n", []segment.Problem{{Line: 1, Column: "side", Err: segment.ErrDuplicate}}},
		{"bad side", "elimination,side,row,amount\n1,左,2110,1\n", []segment.Problem{{Line: 2, Row: "1", Column: "side", Err: segment.ErrSyntax}}},
		{"bad amount", "elimination,side,row,amount\n1,借方,2110,一\n", []segment.Problem{{Line: 2, Row: "1", Column: "amount", Err: segment.ErrSyntax}}},
		{"no row", "elimination,side,row,amount\n1,借方,,1\n", []segment.Problem{{Line: 2, Row: "1", Column: "row", Err: segment.ErrMissing}}},
		{"a 差額 with an amount", "elimination,side,row,amount\n1,差額,2110,1\n", []segment.Problem{{Line: 2, Row: "1", Column: "amount", Err: segment.ErrSyntax}}},
		{"two 差額", "elimination,side,row,amount\n1,差額,2110,\n1,差額,1120,\n", []segment.Problem{{Line: 3, Row: "1", Column: "side", Err: segment.ErrDuplicate}}},
		{"bad kind", "elimination,kind,side,row,amount\n1,相殺,借方,2110,1\n", []segment.Problem{{Line: 2, Row: "1", Column: "kind", Err: segment.ErrSyntax}}},
		{"two kinds", "elimination,kind,side,row,amount\n1,内部取引,借方,2110,1\n1,連結修正等,貸方,1120,1\n", []segment.Problem{{Line: 3, Row: "1", Column: "kind", Err: segment.ErrSyntax}}},
		{"field count", "elimination,side,row,amount\n1,借方,2110\n", []segment.Problem{{Line: 2, Err: segment.ErrSyntax}}},
		{"every problem", "elimination,side,row,amount\n1,左,2110,1\n\n2,借方,2110,x\n", []segment.Problem{
			{Line: 2, Row: "1", Column: "side", Err: segment.ErrSyntax},
			{Line: 4, Row: "2", Column: "amount", Err: segment.ErrSyntax},
		}},
		{"quote", "elimination,side\n\"1,借方\n", []segment.Problem{{Line: 2, Err: segment.ErrSyntax}}},
		{"unknown columns", "elimination,side,rwo,amount,memo,indnet\n", []segment.Problem{
			{Line: 1, Column: "rwo", Err: segment.ErrUnknown},
			{Line: 1, Column: "indnet", Err: segment.ErrUnknown},
			{Line: 1, Column: "row", Err: segment.ErrMissing},
		}},
		{"empty elimination names", "elimination,side,row,amount\n1,借方,2110,1\n,貸方,1120,1\n ,借方,2110,1\n", []segment.Problem{
			{Line: 3, Column: "elimination", Err: segment.ErrMissing},
			{Line: 4, Column: "elimination", Err: segment.ErrMissing},
		}},
		{"encoding", "elimination,side,row,amount\n1,\xff,2110,1\n", []segment.Problem{{Line: 2, Err: segment.ErrEncoding}}},
	}
	for _, tt := range tests {
		_, err := segment.ReadEliminationsCSV(strings.NewReader(tt.in), "eliminations.csv")
		var e *segment.Error
		if !errors.As(err, &e) || e.Source != "eliminations.csv" || len(e.Problems) != len(tt.want) {
			t.Errorf("%s: error %v, want %d problems in eliminations.csv", tt.name, err, len(tt.want))
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
func TestReadEliminationsCSVBounded(t *testing.T) {
	_, err := segment.ReadEliminationsCSV(strings.NewReader("elimination,side,row,amount\n1,借方,2110,"+strings.Repeat("x", 1<<20)+"\n"), "big.csv")
	if err == nil || len(err.Error()) > 300 {
		t.Errorf("error of %d bytes", len(err.Error()))
	}
}

// Every method is safe on a zero or nil Table, and on one without a
// chart: a typed error, not a panic.
func TestTableZero(t *testing.T) {
	noChart := table()
	noChart.Chart = nil
	tests := []struct {
		name string
		c    *segment.Table
	}{
		{"zero", &segment.Table{}},
		{"nil", nil},
		{"segments but no form", &segment.Table{Segments: table().Segments}},
		{"eliminations but no chart", noChart},
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
		c := table()
		c.Eliminations, c.InterSegment = nil, nil
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
		c := table()
		c.Segments[1].Ratio = decimal.RequireFromString(bad)
		if _, err := c.Build(statement.Meta{}); !errors.Is(err, segment.ErrRange) || !strings.Contains(err.Error(), "本人確認情報処理事業") {
			t.Errorf("ratio %s: %v, want ErrRange naming the segment", bad, err)
		}
	}
}

// An elimination against a segment at a ratio is entered at 100 % and
// applied at the ratio; one whose sides differ balances with the row that
// takes the difference.
func TestEliminationAtRatio(t *testing.T) {
	c := table()
	c.Eliminations, c.InterSegment = nil, nil
	c.Segments[1] = seg("組合", 0, 0, 0, 995, 1001)
	c.Segments[1].Ratio = decimal.RequireFromString("0.3")
	// 一般事業 pays 組合 a 負担金 of 95, booked as 負担金収入 by 組合: at 30 %
	// 28.5, rounded to 29 on both sides.
	e := segment.NewElimination("4105", "5101", decimal.NewFromInt(95), "組合への負担金")
	e.Lines[0].Member = "組合"
	c.Eliminations = []segment.Elimination{e}
	s, err := c.Build(statement.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"4105", "5101"} {
		if v, _ := s.Cell(row, "相殺等"); v.Amount.IntPart() != -29 {
			t.Errorf("%s 相殺等 %v, want △29", row, v)
		}
	}
	c.Eliminations[0].Lines[1].Member = "nosuch"
	if _, err := c.Build(statement.Meta{}); !errors.Is(err, segment.ErrUnknown) || !strings.Contains(err.Error(), "nosuch") {
		t.Errorf("a line of no segment: %v", err)
	}

	c = table()
	c.Eliminations = []segment.Elimination{{Name: "E", Lines: []segment.Line{
		{Side: account.Debit, Row: "未払金", Amount: decimal.NewFromInt(845938)},
		{Side: account.Credit, Row: "未収金", Amount: decimal.NewFromInt(845900)},
	}}}
	if _, err := c.Build(statement.Meta{}); !errors.Is(err, segment.ErrUnbalanced) || !strings.Contains(err.Error(), "differ by 38") {
		t.Errorf("sides that differ: %v", err)
	}
	c.Eliminations[0].Reconcile = segment.Line{Row: "他事業勘定"}
	c.InterSegment = nil
	s, err = c.Build(statement.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	for row, want := range map[string]int64{"2110": -845938, "1120": -845900, "2170": 38} {
		if v, _ := s.Cell(row, "相殺等"); v.Amount.IntPart() != want {
			t.Errorf("%s 相殺等 %v, want %d", row, v, want)
		}
	}
	c.Eliminations[0].Reconcile.Amount = decimal.NewFromInt(38)
	if _, err := c.Build(statement.Meta{}); !errors.Is(err, segment.ErrRange) {
		t.Errorf("a Reconcile line with an amount: %v", err)
	}
}

// TestSettle: the lines of an elimination at a ratio, each side's rounding
// remainder allotted so that it still balances.
func TestSettle(t *testing.T) {
	yen := decimal.NewFromInt
	e := segment.Elimination{Lines: []segment.Line{
		{Side: account.Debit, Row: "a", Amount: yen(5)},
		{Side: account.Debit, Row: "b", Amount: yen(5)},
		{Side: account.Credit, Row: "c", Amount: yen(10)},
	}}
	// 5 × 0.3 = 1.5 → 2 twice, 4 against 10 × 0.3 = 3: one of the debits
	// gives a yen back.
	got := e.Settle(decimal.RequireFromString("0.3"), format.HalfUp)
	if len(got) != 3 || got[0].Amount.IntPart()+got[1].Amount.IntPart() != 3 || got[2].Amount.IntPart() != 3 {
		t.Errorf("Settle at 0.3 = %v", got)
	}
	if got := e.Settle(decimal.Zero, format.HalfUp); len(got) != 3 || got[2].Amount.IntPart() != 10 {
		t.Errorf("Settle of the whole = %v", got)
	}
	e.Lines[2].Amount = yen(9)
	e.Reconcile = segment.Line{Row: "d"}
	if d := e.Difference(); d.IntPart() != 1 {
		t.Errorf("Difference %v", d)
	}
	if got := e.Settle(decimal.Zero, format.HalfUp); len(got) != 4 || got[3].Side != account.Credit || got[3].Row != "d" || got[3].Amount.IntPart() != 1 {
		t.Errorf("Settle with a difference = %v", got)
	}
}

func TestEliminationKind(t *testing.T) {
	for _, k := range []segment.EliminationKind{segment.Internal, segment.Investment, segment.Adjustment} {
		if got, err := segment.ParseEliminationKind(k.String()); got != k || err != nil {
			t.Errorf("ParseEliminationKind(%s) = %v, %v", k, got, err)
		}
	}
	if s := segment.EliminationKind(7).String(); s != "%!EliminationKind(7)" {
		t.Errorf("String of an unknown kind: %s", s)
	}
}
