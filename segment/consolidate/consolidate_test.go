package consolidate_test

import (
	"errors"
	"strings"
	"testing"

	kacc "github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

func yen(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

func line(side kacc.Side, row, column string, n int64) segment.Line {
	return segment.Line{Side: side, Row: row, Column: column, Amount: yen(n)}
}

// two returns a consolidation of two bodies that hold only cash.
func two(t *testing.T) *consolidate.Consolidation {
	return &consolidate.Consolidation{Scope: unified.Consolidated, Members: []consolidate.Member{
		{Name: "一般会計等", Type: consolidate.GeneralAccounts, Book: cash(t, unified.Consolidated, 100, 80)},
		{Name: "組合", Type: consolidate.Association, Ratio: decimal.RequireFromString("0.25"), Book: cash(t, unified.Consolidated, 40, 40)},
	}}
}

func TestConsolidate(t *testing.T) {
	r, err := two(t).Build()
	if err != nil {
		t.Fatal(err)
	}
	bs, _ := r.Book.Statement("bs-consolidated")
	// 100 + 40 × 0.25.
	if c, _ := bs.Cell("1510", "金額"); c.Amount.IntPart() != 110 {
		t.Errorf("現金預金 %v, want 110", c)
	}
	if len(r.Worksheets) != 6 || r.Worksheets[2].Column != "固定資産等形成分" || r.Worksheets[4].Column != "他団体出資等分" {
		t.Errorf("worksheets: %d", len(r.Worksheets))
	}
	ws := r.Worksheets[0].Statement
	var names []string
	for _, c := range ws.Form().Columns {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, "|"); got != "一般会計等|組合|組合（25%）|単純合算|連結" {
		t.Errorf("worksheet columns %s", got)
	}
	// 組合 at 100 % and at its 25 %.
	if c, _ := ws.Cell("1510", "組合"); c.Amount.IntPart() != 40 {
		t.Errorf("組合 at 100 %%: %v", c)
	}
	if c, _ := ws.Cell("1510", "組合（25%）"); c.Amount.IntPart() != 10 {
		t.Errorf("組合 at 25 %%: %v", c)
	}
}

// TestConsolidateErrors: every defect is a typed error naming where it is.
func TestConsolidateErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *consolidate.Consolidation)
		err    error
		names  []string
	}{
		{"general scope", func(c *consolidate.Consolidation) { c.Scope = unified.General }, consolidate.ErrScope, nil},
		{"no members", func(c *consolidate.Consolidation) { c.Members = nil }, consolidate.ErrMissing, nil},
		{"whole takes no 組合", func(c *consolidate.Consolidation) {
			c.Scope = unified.Whole
			c.Members[1].Book = cash(t, unified.Whole, 40, 40)
		}, consolidate.ErrScope, []string{"組合"}},
		{"ratio 1.5", func(c *consolidate.Consolidation) { c.Members[1].Ratio = decimal.RequireFromString("1.5") }, consolidate.ErrRange, []string{"組合"}},
		{"全部連結 at 30 %", func(c *consolidate.Consolidation) { c.Members[0].Ratio = decimal.RequireFromString("0.3") }, consolidate.ErrRange, []string{"一般会計等"}},
		{"no method", func(c *consolidate.Consolidation) { c.Members[0].Method = 3 }, consolidate.ErrRange, []string{"一般会計等"}},
		{"same name", func(c *consolidate.Consolidation) { c.Members[1].Name = "一般会計等" }, consolidate.ErrDuplicate, []string{"一般会計等"}},
		{"named as a column", func(c *consolidate.Consolidation) { c.Members[1].Name = "内部取引" }, consolidate.ErrDuplicate, []string{"内部取引"}},
		{"no book", func(c *consolidate.Consolidation) { c.Members[1].Book = nil }, consolidate.ErrMissing, []string{"組合"}},
		{"a wider form", func(c *consolidate.Consolidation) {
			c.Scope = unified.Whole
			c.Members = c.Members[:1]
			c.Members[0].Book = cash(t, unified.Consolidated, 40, 40)
		}, consolidate.ErrMissing, []string{"一般会計等", "bs-whole"}},
		{"a statement on another form", func(c *consolidate.Consolidation) {
			b := &statement.Book{}
			g := cash(t, unified.General, 40, 40)
			w := cash(t, unified.Consolidated, 40, 40)
			for _, id := range w.IDs() {
				s, _ := w.Statement(id)
				if id == "nw-consolidated" {
					s, _ = g.Statement("nw-general")
				}
				b.Add(id, s)
			}
			c.Members[1].Book = b
		}, consolidate.ErrForm, []string{"組合", "nw-consolidated"}},
		{"member breaks a link", func(c *consolidate.Consolidation) {
			c.Members[1].Book = perturbed(t, cash(t, unified.Consolidated, 40, 40), "bs-consolidated", func(figs []statement.Figure) {
				set(figs, "1510", 41)
			})
		}, consolidate.ErrLink, []string{"組合", "連結 BS資産合計=負債及び純資産合計"}},
		{"a positive contra figure", func(c *consolidate.Consolidation) {
			// A statement built without unified.Build's check, as one read
			// from a file is: 建物減価償却累計額 +5 is a lost sign.
			c.Members[1].Book = perturbed(t, cash(t, unified.Consolidated, 40, 40), "bs-consolidated", func(figs []statement.Figure) {
				set(figs, "1114", 5)
			})
		}, unified.ErrContra, []string{"組合", "bs-consolidated", "1114", "建物減価償却累計額"}},
		{"unbalanced", func(c *consolidate.Consolidation) {
			c.Eliminations = []segment.Elimination{{Name: "出資", Lines: []segment.Line{line(kacc.Debit, "3020", "", 70), line(kacc.Credit, "1312", "", 60)}}}
		}, consolidate.ErrUnbalanced, []string{"出資", "BS資産合計"}},
		{"NW not carried", func(c *consolidate.Consolidation) {
			c.Eliminations = []segment.Elimination{{Lines: []segment.Line{line(kacc.Debit, "3020", "", 60), line(kacc.Credit, "1312", "", 60)}}}
		}, consolidate.ErrUnbalanced, []string{`elimination "1"`, "BS余剰分（不足分）=NW本年度末"}},
		{"the investee's 固定資産等形成分 eliminated", func(c *consolidate.Consolidation) {
			// The 出資金 60 against the investee's classes at 前年度末 as
			// they stand (固定資産等形成分 70, 余剰分 30, 40 to the other
			// investors): it balances, but 固定資産 falls by 60 and
			// 固定資産等形成分 by 70.
			c.Eliminations = []segment.Elimination{{Name: "出資", Lines: []segment.Line{
				line(kacc.Debit, "3010", "", 70), line(kacc.Debit, "3020", "", 30), line(kacc.Credit, "1312", "", 60), line(kacc.Credit, "3030", "", 40),
				line(kacc.Debit, "6000", "固定資産等形成分", 70), line(kacc.Debit, "6000", "余剰分（不足分）", 30), line(kacc.Credit, "6000", "他団体出資等分", 40),
			}}}
		}, consolidate.ErrUnbalanced, []string{"出資", "BS固定資産等形成分=固定資産+短期貸付金+基金", "got △70円, want △60円", "accounts: 固定資産等形成分, 出資金"}},
		{"member's 固定資産等形成分 not its 固定資産", func(c *consolidate.Consolidation) {
			c.Members[1].Book = sparseBook(t, map[unified.Kind]map[string]int64{
				unified.BalanceSheet: {"1111": 2000, "3010": 1000, "3020": 1000},
				unified.NetAssets:    {"6000:固定資産等形成分": 1000, "6000:余剰分（不足分）": 1000},
			})
		}, consolidate.ErrLink, []string{`member "組合"`, "連結 BS固定資産等形成分=固定資産+短期貸付金+基金", "got 1,000円, want 2,000円", "accounts: 固定資産等形成分, 事業用資産/土地"}},
		{"NW line without a column", func(c *consolidate.Consolidation) {
			c.Eliminations = []segment.Elimination{{Name: "x", Lines: []segment.Line{line(kacc.Debit, "6000", "", 60)}}}
		}, consolidate.ErrMissing, []string{"x", "6000"}},
		{"unknown account", func(c *consolidate.Consolidation) {
			c.Eliminations = []segment.Elimination{{Name: "x", Lines: []segment.Line{line(kacc.Debit, "9999", "", 60), line(kacc.Credit, "1000", "", 60)}}}
		}, consolidate.ErrUnknown, []string{"9999", "1000"}},
		{"negative amount", func(c *consolidate.Consolidation) {
			c.Eliminations = []segment.Elimination{{Name: "x", Lines: []segment.Line{line(kacc.Debit, "4520", "", -6), line(kacc.Credit, "4230", "", -6)}}}
		}, consolidate.ErrRange, []string{"x"}},
	}
	for _, tt := range tests {
		c := two(t)
		tt.change(c)
		_, err := c.Build()
		var ue *consolidate.Error
		if !errors.Is(err, tt.err) || !errors.As(err, &ue) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.err)
			continue
		}
		for _, n := range tt.names {
			if !strings.Contains(err.Error(), n) {
				t.Errorf("%s: %v does not name %s", tt.name, err, n)
			}
		}
	}
}

// An elimination across statements balances when it keeps every link:
// 他会計への繰出金 against the receiving 会計's 税収等 (a 財源 of the
// 純資産変動計算書) lowers 純行政コスト, which the 純行政コスト（△） must
// follow.
func TestEliminationAcrossStatements(t *testing.T) {
	c := two(t)
	c.Eliminations = []segment.Elimination{{Name: "繰出金", Lines: []segment.Line{
		line(kacc.Credit, "4230", "", 10),
		line(kacc.Debit, "6210", "余剰分（不足分）", 10),
		line(kacc.Credit, "6100", "余剰分（不足分）", 10),
	}}}
	r, err := c.Build()
	if err != nil {
		t.Fatal(err)
	}
	nw, _ := r.Book.Statement("nw-consolidated")
	if v, _ := nw.Cell("6100", "合計"); v.Amount.IntPart() != 10 {
		t.Errorf("純行政コスト（△） %v", v)
	}
	c.Eliminations[0].Lines = c.Eliminations[0].Lines[:2]
	_, err = c.Build()
	if !errors.Is(err, consolidate.ErrUnbalanced) || !strings.Contains(err.Error(), "NW純行政コスト（△）=−PL純行政コスト") {
		t.Errorf("without the 純行政コスト（△） line: %v", err)
	}
}

// A nil consolidation is an error, never a panic.
func TestNil(t *testing.T) {
	if _, err := (*consolidate.Consolidation)(nil).Build(); !errors.Is(err, consolidate.ErrMissing) {
		t.Errorf("nil consolidation: %v", err)
	}
}

// amounts fills the item rows of a form with the given yen figures, by
// key (and, for the 純資産変動計算書, column), and no figure elsewhere.
func amounts(t *testing.T, id string, figs map[string]int64) []statement.Figure {
	t.Helper()
	f, ok := unified.Form(id)
	if !ok {
		t.Fatalf("no form %s", id)
	}
	var out []statement.Figure
	for _, r := range f.Form.Rows {
		for _, c := range f.Form.Columns {
			if r.Kind != statement.Item || c.Kind != statement.Input {
				continue
			}
			fig := statement.Figure{Row: r.Key, Column: c.Name}
			v, ok := figs[r.Key+":"+c.Name]
			if !ok && c.Name == "金額" {
				v, ok = figs[r.Key]
			}
			if ok {
				fig.Value = format.CellOf(decimal.NewFromInt(v))
			}
			out = append(out, fig)
		}
	}
	return out
}

// cash returns the book of a body that only holds cash: 現金預金 n, all of
// it 余剰分, carried from last year, which keeps every link.
func cash(t *testing.T, s unified.Scope, n, prev int64) *statement.Book {
	t.Helper()
	b := &statement.Book{}
	for id, figs := range map[unified.Kind]map[string]int64{
		unified.BalanceSheet: {"1510": n, "3020": n},
		unified.Cost:         {"4510": 0},
		unified.NetAssets:    {"6000:余剰分（不足分）": prev, "6100:余剰分（不足分）": 0, "6700:余剰分（不足分）": n - prev},
		unified.CashFlow:     {"9100": prev, "7240": n - prev},
	} {
		st, err := unified.Build(unified.ID(id, s), statement.Meta{}, amounts(t, unified.ID(id, s), figs))
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Add(unified.ID(id, s), st); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// set sets the figure of the row with the given key to n yen.
func set(figs []statement.Figure, key string, n int64) {
	for i := range figs {
		if figs[i].Row == key {
			figs[i].Value = format.CellOf(yen(n))
		}
	}
}
