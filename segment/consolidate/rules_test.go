package consolidate_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	kacc "github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

func ratio(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestRule(t *testing.T) {
	tests := []struct {
		t       consolidate.MemberType
		s       unified.Scope
		share   string
		control bool
		want    consolidate.Method
		ok      bool
	}{
		{consolidate.GeneralAccounts, unified.Whole, "0", false, consolidate.Full, true},
		{consolidate.PublicEnterprise, unified.Whole, "0", false, consolidate.Full, true},
		{consolidate.Association, unified.Whole, "0", false, 0, false},
		{consolidate.ThirdSector, unified.Whole, "0.6", false, 0, false},
		{consolidate.GeneralAccounts, unified.Consolidated, "0", false, consolidate.Full, true},
		{consolidate.Association, unified.Consolidated, "0", false, consolidate.Proportional, true},
		{consolidate.IndependentAgency, unified.Consolidated, "0", false, consolidate.Full, true},
		{consolidate.PublicCorporation, unified.Consolidated, "0", false, consolidate.Full, true},
		{consolidate.ThirdSector, unified.Consolidated, "0", false, consolidate.Full, true},
		{consolidate.ThirdSector, unified.Consolidated, "0.51", false, consolidate.Full, true},
		{consolidate.ThirdSector, unified.Consolidated, "0.5", false, consolidate.Proportional, true},
		{consolidate.ThirdSector, unified.Consolidated, "0.5", true, consolidate.Full, true},
		{consolidate.ThirdSector, unified.Consolidated, "0.25", false, consolidate.Proportional, true},
		{consolidate.ThirdSector, unified.Consolidated, "0.2499", false, 0, false},
		{consolidate.ThirdSector, unified.Consolidated, "0.1", true, consolidate.Full, true},
		{consolidate.GeneralAccounts, unified.General, "0", false, 0, false},
		{0, unified.Consolidated, "0", false, 0, false},
	}
	for _, tt := range tests {
		got, ok := consolidate.Rule(tt.t, tt.s, ratio(tt.share), tt.control)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Rule(%v, %v, %s, %t) = %v, %t; want %v, %t", tt.t, tt.s, tt.share, tt.control, got, ok, tt.want, tt.ok)
		}
	}
}

// A member the 手引き consolidates otherwise needs an Override, which the
// notes print; its own method, ratio and share are checked.
func TestMethods(t *testing.T) {
	tests := []struct {
		name   string
		change func(m *consolidate.Member)
		err    error
		says   string
	}{
		{"組合 at 全部連結", func(m *consolidate.Member) { m.Method, m.Ratio = consolidate.Full, decimal.Zero }, consolidate.ErrScope, "比例連結"},
		{"三セク at 10 %", func(m *consolidate.Member) {
			m.Type, m.Ratio, m.Share = consolidate.ThirdSector, decimal.Zero, ratio("0.1")
		}, consolidate.ErrScope, "Override"},
		{"ratio 1", func(m *consolidate.Member) { m.Ratio = ratio("1") }, consolidate.ErrRange, "below 1"},
		{"prior ratio 1.5", func(m *consolidate.Member) { m.PriorRatio = ratio("1.5") }, consolidate.ErrRange, "prior ratio"},
		{"share 2", func(m *consolidate.Member) { m.Share = ratio("2") }, consolidate.ErrRange, "share"},
		{"negative investment", func(m *consolidate.Member) { m.Investment = decimal.NewFromInt(-1) }, consolidate.ErrRange, "negative"},
		{"an investor that is none", func(m *consolidate.Member) { m.Investor = "町" }, consolidate.ErrUnknown, "町"},
		{"no type", func(m *consolidate.Member) { m.Type = 0 }, consolidate.ErrScope, "type"},
	}
	for _, tt := range tests {
		c := two(t)
		tt.change(&c.Members[1])
		_, err := c.Build()
		if !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), "組合") {
			t.Errorf("%s: %v, want %v saying %s", tt.name, err, tt.err, tt.says)
		}
	}

	c := two(t)
	c.Members[1].Method, c.Members[1].Ratio, c.Members[1].Override = consolidate.Full, decimal.Zero, "解散が決まり、町が資産と負債を承継する"
	r, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	if want := "組合: 一部事務組合・広域連合, 全部連結; 解散が決まり、町が資産と負債を承継する"; !slices.Contains(r.Notes, want) || !slices.Contains(r.Worksheets[0].Statement.Meta().Notes, want) {
		t.Errorf("notes %q, want %q", r.Notes, want)
	}
	c = two(t)
	c.Scope = unified.Whole
	c.Members = c.Members[:1]
	c.Members[0].Book = cash(t, unified.Whole, 100, 80)
	c.Members[0].Share = ratio("0.9")
	if _, err := c.Build(); !errors.Is(err, consolidate.ErrScope) || !strings.Contains(err.Error(), "他団体出資等分") {
		t.Errorf("a member of 全体 held 90 %%: %v", err)
	}
}

// TestMend: a 比例連結 member whose rounded figures break 資産合計 =
// 負債及び純資産合計 is mended by the figure whose rounding went furthest
// the other way, and the notes say so. 土地 1,005 × 0.3 = 301.5 → 302,
// 物品 995 × 0.3 = 298.5 → 299: 601 against 固定資産等形成分 2,000 × 0.3 =
// 600. Both went 0.5 up; of equals the larger, 土地, gives the yen back.
func TestMend(t *testing.T) {
	c := two(t)
	c.Members[1].Ratio = ratio("0.3")
	c.Members[1].Book = sparseBook(t, map[unified.Kind]map[string]int64{
		unified.BalanceSheet: {"1111": 1005, "1140": 995, "3010": 2000},
		unified.NetAssets:    {"6000:固定資産等形成分": 2000},
	})
	r, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	ws := r.Worksheets[0].Statement
	for row, want := range map[string]int64{"事業用資産/土地": 301, "物品": 299, "資産合計": 600, "負債及び純資産合計": 600} {
		if v, _ := ws.Cell(row, "組合（30%）"); v.Amount.IntPart() != want {
			t.Errorf("%s at 30 %% = %v, want %d", row, v, want)
		}
	}
	if want := "組合（30%）: 端数調整 貸借対照表 事業用資産/土地: 301.5 → 301 (-1円)"; !slices.Contains(r.Notes, want) {
		t.Errorf("notes %q, want %q", r.Notes, want)
	}
	if v := r.Verify(); len(v.Findings) > 0 {
		t.Errorf("the 精算表 does not verify: %v", v.Findings)
	}
}

// TestMendFixed: a 比例連結 member whose rounded figures break
// 固定資産等形成分 = 固定資産 + 短期貸付金 + 基金 keeps it too. At 30 %:
// 土地 1,005 → 301.5 → 302 and 物品 995 → 298.5 → 299, 固定資産 601,
// against 固定資産等形成分 2,000 → 600; 現金預金 10 → 3, 地方債 5 → 1.5 → 2,
// 余剰分 5 → 1.5 → 2, so that 資産合計 604 = 2 + 600 + 2 holds as
// rounded. The identity takes a yen from 土地 (of 土地 and 物品, both 0.5
// up, the larger): 固定資産 600. That breaks 資産合計 603 against 604,
// whose one figure free of the links mended before it, 地方債, gives a
// yen back: 1. 固定資産等形成分 and 余剰分 stay 600 and 2, as the
// 純資産変動計算書 has them.
func TestMendFixed(t *testing.T) {
	c := two(t)
	c.Members[1].Ratio = ratio("0.3")
	c.Members[1].Book = sparseBook(t, map[unified.Kind]map[string]int64{
		unified.BalanceSheet: {"1111": 1005, "1140": 995, "1510": 10, "2010": 5, "3010": 2000, "3020": 5},
		unified.NetAssets:    {"6000:固定資産等形成分": 2000, "6000:余剰分（不足分）": 5},
		unified.CashFlow:     {"9100": 10},
	})
	r, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	ws := r.Worksheets[0].Statement
	for row, want := range map[string]int64{"事業用資産/土地": 301, "物品": 299, "固定資産": 600, "固定資産等形成分": 600,
		"現金預金": 3, "資産合計": 603, "固定負債/地方債": 1, "余剰分（不足分）": 2, "負債及び純資産合計": 603} {
		if v, _ := ws.Cell(row, "組合（30%）"); v.Amount.IntPart() != want {
			t.Errorf("%s at 30 %% = %v, want %d", row, v, want)
		}
	}
	for _, want := range []string{"組合（30%）: 端数調整 貸借対照表 事業用資産/土地: 301.5 → 301 (-1円)", "組合（30%）: 端数調整 貸借対照表 地方債: 1.5 → 1 (-1円)"} {
		if !slices.Contains(r.Notes, want) {
			t.Errorf("notes %q, want %q", r.Notes, want)
		}
	}
	if v := r.Verify(); len(v.Findings) > 0 {
		t.Errorf("the 精算表 does not verify: %v", v.Findings)
	}
}

// A member with no 固定資産, 短期貸付金 or 基金 may print its
// 固定資産等形成分 as 0: the identity holds.
func TestFixedZero(t *testing.T) {
	c := two(t)
	c.Members[1].Book = sparseBook(t, map[unified.Kind]map[string]int64{
		unified.BalanceSheet: {"1510": 40, "3010": 0, "3020": 40},
		unified.NetAssets:    {"6000:固定資産等形成分": 0, "6000:余剰分（不足分）": 40},
		unified.CashFlow:     {"9100": 40},
	})
	r, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	if v := r.Verify(); len(v.Findings) > 0 {
		t.Errorf("the 精算表 does not verify: %v", v.Findings)
	}
}

// sparseBook returns the book of the four statements on the forms of
// 連結 with the figures given by kind and key (key:column for the
// 純資産変動計算書), and no other.
func sparseBook(t *testing.T, figs map[unified.Kind]map[string]int64) *statement.Book {
	t.Helper()
	b := &statement.Book{}
	for _, k := range unified.Kinds() {
		var out []statement.Figure
		for key, v := range figs[k] {
			row, col, ok := strings.Cut(key, ":")
			if !ok {
				col = "金額"
			}
			out = append(out, statement.Figure{Row: row, Column: col, Value: format.CellOf(yen(v))})
		}
		id := unified.ID(k, unified.Consolidated)
		s, err := unified.BuildSparse(id, statement.Meta{}, out)
		if err != nil {
			t.Fatal(err)
		}
		b.Add(id, s)
	}
	return b
}

// The lines of an elimination name their rows by label, their statements
// by id, short id or title; a line against a member takes no more than
// the member's figure, and an elimination names one ratio.
func TestEliminationLines(t *testing.T) {
	line := func(side kacc.Side, stmt, row, member string, n int64) segment.Line {
		return segment.Line{Side: side, Statement: stmt, Row: row, Member: member, Amount: yen(n)}
	}
	tests := []struct {
		name  string
		lines []segment.Line
		err   error
		says  string
	}{
		{"by label and short id", []segment.Line{line(kacc.Debit, "bs", "固定資産等形成分", "", 10), line(kacc.Credit, "貸借対照表", "投資及び出資金/出資金", "", 10)}, consolidate.ErrUnbalanced, "BS固定資産等形成分=NW本年度末"},
		{"an ambiguous label", []segment.Line{line(kacc.Debit, "", "その他", "", 10), line(kacc.Credit, "", "現金預金", "", 10)}, consolidate.ErrUnknown, "name its statement"},
		{"a label of no form", []segment.Line{line(kacc.Debit, "pl", "経常収益/その他の", "", 10), line(kacc.Credit, "", "現金預金", "", 10)}, consolidate.ErrUnknown, "nearest labels"},
		{"an unknown statement", []segment.Line{line(kacc.Debit, "ps", "現金預金", "", 10)}, consolidate.ErrUnknown, `"ps"`},
		{"a total", []segment.Line{line(kacc.Debit, "", "資産合計", "", 10)}, consolidate.ErrUnknown, "not an item row"},
		{"more than the member has", []segment.Line{line(kacc.Credit, "", "現金預金", "組合", 41), line(kacc.Debit, "", "余剰分（不足分）", "", 41)}, consolidate.ErrRange, "from the member's figure 40"},
		{"a figure the member has not", []segment.Line{line(kacc.Debit, "pl", "経常収益/その他", "組合", 1), line(kacc.Credit, "pl", "補助金等", "", 1)}, consolidate.ErrRange, "figure -"},
		{"an unknown member", []segment.Line{line(kacc.Credit, "", "現金預金", "町", 1), line(kacc.Debit, "", "余剰分（不足分）", "", 1)}, consolidate.ErrUnknown, `"町"`},
		{"no column of the 純資産変動計算書", []segment.Line{line(kacc.Debit, "nw", "前年度末純資産残高", "", 1)}, consolidate.ErrMissing, "column of net assets"},
	}
	for _, tt := range tests {
		c := two(t)
		c.Eliminations = []segment.Elimination{{Name: "E", Lines: tt.lines}}
		_, err := c.Build()
		var ce *consolidate.Error
		if !errors.Is(err, tt.err) || !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: %v, want %v saying %s", tt.name, err, tt.err, tt.says)
		}
	}

	// Two 比例連結 members at different ratios.
	c := two(t)
	c.Members = append(c.Members, consolidate.Member{Name: "組合2", Type: consolidate.Association, Ratio: ratio("0.4"), Book: cash(t, unified.Consolidated, 40, 40)})
	c.Eliminations = []segment.Elimination{{Name: "E", Lines: []segment.Line{line(kacc.Debit, "", "現金預金", "組合", 4), line(kacc.Credit, "", "現金預金", "組合2", 4)}}}
	if _, err := c.Build(); !errors.Is(err, consolidate.ErrRange) || !strings.Contains(err.Error(), "different ratios") {
		t.Errorf("members at different ratios: %v", err)
	}
}

// An elimination against a 比例連結 member is entered at 100 % and applies
// at the member's ratio where a line names the member. E1 of こだま町, the
// 負担金 to the 組合 at 23.7 %, with no line naming it, would apply in full
// to the 組合's figures at the ratio: its lines on rows where only the
// 組合 has a figure are refused, naming the elimination, the row and the
// member. Naming the 組合, as kodama/eliminations.csv does, it applies at
// 23.7 % (TestWorked).
func TestEliminationInFull(t *testing.T) {
	c := kodama(t)
	e := &c.Eliminations[0]
	for i := range e.Lines {
		e.Lines[i].Member = ""
	}
	_, err := c.Build()
	var ce *consolidate.Error
	if !errors.Is(err, consolidate.ErrMissing) || !errors.As(err, &ce) || len(ce.Problems) != 2 {
		t.Fatalf("E1 in full: %v, want two problems wrapping ErrMissing", err)
	}
	for i, want := range [][2]string{{"pl-consolidated", "経常収益/その他"}, {"cf-consolidated", "業務収入/その他の収入"}} {
		p := ce.Problems[i]
		if p.Elimination != "E1" || p.Statement != want[0] || p.Row != want[1] || !strings.Contains(p.Error(), "only こだま衛生組合（23.7%） have a figure") {
			t.Errorf("problem %d: %v, want E1 on %s %s naming the 組合", i, p, want[0], want[1])
		}
	}
}

// Eliminations that take a figure of the 単純合算 past 0 are refused:
// 未収金 and 未払金 of 50 each, less 60.
func TestOverdrawn(t *testing.T) {
	c := two(t)
	c.Members[0].Book = sparseBook(t, map[unified.Kind]map[string]int64{
		unified.BalanceSheet: {"1510": 100, "1520": 50, "2120": 50, "3020": 100},
		unified.NetAssets:    {"6000:余剰分（不足分）": 100},
		unified.CashFlow:     {"9100": 100},
	})
	c.Eliminations = []segment.Elimination{{Name: "E", Lines: []segment.Line{line(kacc.Debit, "未払金", "", 60), line(kacc.Credit, "未収金", "", 60)}}}
	_, err := c.Build()
	var ce *consolidate.Error
	if !errors.Is(err, consolidate.ErrRange) || !errors.As(err, &ce) || len(ce.Problems) != 2 {
		t.Fatalf("60 of 50: %v, want two problems wrapping ErrRange", err)
	}
	for i, row := range []string{"未収金", "未払金"} {
		if p := ce.Problems[i]; p.Elimination != "E" || p.Statement != "bs-consolidated" || p.Row != row || !strings.Contains(p.Error(), "take 60 from the 単純合算 50") {
			t.Errorf("%v, want E on %s saying 60 of 50", p, row)
		}
	}
	c.Eliminations[0].Lines[0].Amount, c.Eliminations[0].Lines[1].Amount = yen(50), yen(50)
	if _, err := c.Build(); err != nil {
		t.Errorf("50 of 50: %v", err)
	}
}

// An internal balance booked at different amounts on its two sides is
// reconciled on the row the elimination names, and the notes say by how
// much. 一般会計等 owes 12 that 組合 books as 10 (at 100 %): 借方 未払金 12,
// 貸方 未収金 10, and 貸方 2 on 流動資産/その他. At 組合's 25 %: 借方 12 × 0.25 =
// 3; 貸方 10 × 0.25 = 2.5 → 3 and 2 × 0.25 = 0.5 → 1, four against the
// side's 3: the yen goes back from the first of the two that rounded 0.5
// up, 未収金, to 2.
func TestReconcile(t *testing.T) {
	c := two(t)
	c.Members[0].Book = sparseBook(t, map[unified.Kind]map[string]int64{
		unified.BalanceSheet: {"1510": 100, "2120": 12, "3020": 88},
		unified.NetAssets:    {"6000:余剰分（不足分）": 80, "6700:余剰分（不足分）": 8},
		unified.CashFlow:     {"9100": 80, "7240": 20},
	})
	c.Members[1].Book = sparseBook(t, map[unified.Kind]map[string]int64{
		unified.BalanceSheet: {"1510": 30, "1520": 10, "3020": 40},
		unified.NetAssets:    {"6000:余剰分（不足分）": 40},
		unified.CashFlow:     {"9100": 30},
	})
	c.Eliminations = []segment.Elimination{{Name: "E4", Kind: segment.Adjustment, Lines: []segment.Line{
		{Side: kacc.Debit, Row: "未払金", Member: "一般会計等", Amount: yen(12)},
		{Side: kacc.Credit, Row: "未収金", Member: "組合", Amount: yen(10)},
	}, Reconcile: segment.Line{Row: "流動資産/その他"}}}
	r, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	ws := r.Worksheets[0].Statement
	for row, want := range map[string]int64{"未払金": -3, "未収金": -2, "流動資産/その他": -1} {
		if v, _ := ws.Cell(row, "連結修正等"); v.Amount.IntPart() != want {
			t.Errorf("%s 連結修正等 %v, want %d", row, v, want)
		}
	}
	if want := "E4: 借方 and 貸方 differ by 2 (at 100 %), reconciled on 貸借対照表 流動資産/その他"; !slices.Contains(r.Notes, want) {
		t.Errorf("notes %q, want %q", r.Notes, want)
	}
}

// An investment beyond the investor's 出資金 is an error naming both.
func TestInvestment(t *testing.T) {
	c := kodama(t)
	c.Members[2].Investment = decimal.NewFromInt(511)
	if _, err := c.Build(); !errors.Is(err, consolidate.ErrRange) || !strings.Contains(err.Error(), "一般会計等") || !strings.Contains(err.Error(), "511") {
		t.Errorf("investment beyond the 出資金: %v", err)
	}
	c = kodama(t)
	c.Members[0].Investment = decimal.NewFromInt(1)
	if _, err := c.Build(); !errors.Is(err, consolidate.ErrUnknown) || !strings.Contains(err.Error(), "invests in itself") {
		t.Errorf("the first member investing in itself: %v", err)
	}
}

// ReadDir reports every problem of a directory with its file and line.
func TestReadDirErrors(t *testing.T) {
	base := os.DirFS("testdata/kodama")
	read := func(name string) []byte {
		b, err := os.ReadFile("testdata/kodama/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	copyOf := func(change func(m fstest.MapFS)) fstest.MapFS {
		m := fstest.MapFS{}
		for _, n := range []string{"members.csv", "eliminations.csv"} {
			m[n] = &fstest.MapFile{Data: read(n)}
		}
		for _, d := range []string{"一般会計等", "こだま衛生組合", "こだま観光開発株式会社"} {
			for _, f := range []string{"bs.csv", "pl.csv", "nw.csv", "cf.csv"} {
				m[d+"/"+f] = &fstest.MapFile{Data: read(d + "/" + f)}
			}
		}
		change(m)
		return m
	}
	if _, err := consolidate.ReadDir(copyOf(func(fstest.MapFS) {}), era.FiscalYear(2024)); err != nil {
		t.Fatalf("a copy of kodama: %v", err)
	}
	members := string(read("members.csv"))
	tests := []struct {
		name   string
		change func(m fstest.MapFS)
		err    error
		says   []string
	}{
		{"no members.csv", func(m fstest.MapFS) { delete(m, "members.csv") }, consolidate.ErrMissing, []string{"members.csv"}},
		{"an unknown column", func(m fstest.MapFS) {
			m["members.csv"].Data = []byte(strings.Replace(members, "prior_ratio", "prior", 1))
		}, consolidate.ErrUnknown, []string{"line 1", `"prior"`}},
		{"a bad type", func(m fstest.MapFS) {
			m["members.csv"].Data = []byte(strings.Replace(members, "一部事務組合・広域連合", "一部事務組合", 1))
		}, consolidate.ErrSyntax, []string{"line 3", `column "type"`}},
		{"a bad ratio", func(m fstest.MapFS) {
			m["members.csv"].Data = []byte(strings.Replace(members, "23.7%", "23.7 percent", 1))
		}, consolidate.ErrSyntax, []string{"line 3", `column "ratio"`}},
		{"a member twice", func(m fstest.MapFS) {
			m["members.csv"].Data = []byte(members + "一般会計等,一般会計等,,,,,\n")
		}, consolidate.ErrDuplicate, []string{"line 5"}},
		{"no directory", func(m fstest.MapFS) {
			for _, f := range []string{"bs.csv", "pl.csv", "nw.csv", "cf.csv"} {
				delete(m, "こだま衛生組合/"+f)
			}
		}, consolidate.ErrMissing, []string{"こだま衛生組合", "no directory"}},
		{"a stray file", func(m fstest.MapFS) { m["notes.txt"] = &fstest.MapFile{} }, consolidate.ErrUnknown, []string{"notes.txt"}},
		{"a stray file of a member", func(m fstest.MapFS) { m["一般会計等/bs2.csv"] = &fstest.MapFile{} }, consolidate.ErrUnknown, []string{"一般会計等/bs2.csv"}},
		{"a missing statement", func(m fstest.MapFS) { delete(m, "一般会計等/cf.csv") }, consolidate.ErrMissing, []string{"一般会計等/cf.csv"}},
		{"a bad figure", func(m fstest.MapFS) {
			m["一般会計等/pl.csv"].Data = []byte(strings.Replace(string(m["一般会計等/pl.csv"].Data), "職員給与費,\"1,000\"", "職員給与費,千", 1))
		}, format.ErrSyntax, []string{"一般会計等/pl.csv", "line 5", `column "金額"`}},
		{"a bad elimination", func(m fstest.MapFS) {
			m["eliminations.csv"].Data = []byte(strings.Replace(string(m["eliminations.csv"].Data), "借方", "左", 1))
		}, segment.ErrSyntax, []string{"eliminations.csv", "line 2"}},
	}
	for _, tt := range tests {
		_, err := consolidate.ReadDir(copyOf(tt.change), 0)
		var ce *consolidate.Error
		if !errors.Is(err, tt.err) || !errors.As(err, &ce) {
			t.Errorf("%s: %v, want a *consolidate.Error wrapping %v", tt.name, err, tt.err)
			continue
		}
		for _, s := range tt.says {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: %v does not say %s", tt.name, err, s)
			}
		}
	}
	if _, err := consolidate.ReadDir(base, 0); err != nil {
		t.Errorf("kodama: %v", err)
	}
}
