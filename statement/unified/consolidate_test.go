package unified_test

import (
	"errors"
	"strings"
	"testing"

	kacc "github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

func yen(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

func line(side kacc.Side, code, column string, n int64) unified.Line {
	return unified.Line{Side: side, Account: code, Column: column, Amount: yen(n)}
}

// two returns a consolidation of two bodies that hold only cash.
func two(t *testing.T) *unified.Consolidation {
	return &unified.Consolidation{Scope: unified.Consolidated, Members: []unified.Member{
		{Name: "一般会計等", Type: unified.GeneralAccounts, Method: unified.Full, Book: cash(t, unified.Consolidated, 100, 80)},
		{Name: "組合", Type: unified.Association, Method: unified.Proportional, Ratio: decimal.RequireFromString("0.25"), Book: cash(t, unified.Consolidated, 40, 40)},
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
	if got := strings.Join(names, "|"); got != "一般会計等|組合|単純合算|相殺消去|連結" {
		t.Errorf("worksheet columns %s", got)
	}
	if c, _ := ws.Cell("1510", "相殺消去"); c.Valid {
		t.Errorf("相殺消去 of a row no elimination moves: %v", c)
	}
}

// TestConsolidateErrors: every defect is a typed error naming where it is.
func TestConsolidateErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *unified.Consolidation)
		err    error
		names  []string
	}{
		{"general scope", func(c *unified.Consolidation) { c.Scope = unified.General }, unified.ErrScope, nil},
		{"no members", func(c *unified.Consolidation) { c.Members = nil }, unified.ErrMissing, nil},
		{"whole takes no 組合", func(c *unified.Consolidation) {
			c.Scope = unified.Whole
			c.Members[1].Book = cash(t, unified.Whole, 40, 40)
		}, unified.ErrScope, []string{"組合"}},
		{"ratio 1.5", func(c *unified.Consolidation) { c.Members[1].Ratio = decimal.RequireFromString("1.5") }, unified.ErrRange, []string{"組合"}},
		{"全部連結 at 30 %", func(c *unified.Consolidation) { c.Members[0].Ratio = decimal.RequireFromString("0.3") }, unified.ErrRange, []string{"一般会計等"}},
		{"no method", func(c *unified.Consolidation) { c.Members[0].Method = 0 }, unified.ErrRange, []string{"一般会計等"}},
		{"same name", func(c *unified.Consolidation) { c.Members[1].Name = "一般会計等" }, unified.ErrDuplicate, []string{"一般会計等"}},
		{"named as a column", func(c *unified.Consolidation) { c.Members[1].Name = "相殺消去" }, unified.ErrDuplicate, []string{"相殺消去"}},
		{"no book", func(c *unified.Consolidation) { c.Members[1].Book = nil }, unified.ErrMissing, []string{"組合"}},
		{"another form", func(c *unified.Consolidation) { c.Members[1].Book = cash(t, unified.General, 40, 40) }, unified.ErrMissing, []string{"組合", "bs-consolidated"}},
		{"a statement on another form", func(c *unified.Consolidation) {
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
		}, unified.ErrForm, []string{"組合", "nw-consolidated"}},
		{"member breaks a link", func(c *unified.Consolidation) {
			b := cash(t, unified.Consolidated, 40, 40)
			bs, _ := b.Statement("bs-consolidated")
			figs := bs.Figures()
			for i := range figs {
				if figs[i].Row == "1510" {
					figs[i].Value = format.CellOf(yen(41))
				}
			}
			bad, _ := unified.Build("bs-consolidated", statement.Meta{}, figs)
			nb := &statement.Book{}
			for _, id := range b.IDs() {
				s, _ := b.Statement(id)
				if id == "bs-consolidated" {
					s = bad
				}
				nb.Add(id, s)
			}
			c.Members[1].Book = nb
		}, unified.ErrLink, []string{"組合", "連結 BS資産合計=負債及び純資産合計"}},
		{"unbalanced", func(c *unified.Consolidation) {
			c.Eliminations = []unified.Elimination{{Name: "出資", Lines: []unified.Line{line(kacc.Debit, "3020", "", 70), line(kacc.Credit, "1312", "", 60)}}}
		}, unified.ErrUnbalanced, []string{"出資", "BS資産合計"}},
		{"NW not carried", func(c *unified.Consolidation) {
			c.Eliminations = []unified.Elimination{{Lines: []unified.Line{line(kacc.Debit, "3020", "", 60), line(kacc.Credit, "1312", "", 60)}}}
		}, unified.ErrUnbalanced, []string{`elimination "1"`, "BS余剰分（不足分）=NW本年度末"}},
		{"NW line without a column", func(c *unified.Consolidation) {
			c.Eliminations = []unified.Elimination{{Name: "x", Lines: []unified.Line{line(kacc.Debit, "6000", "", 60)}}}
		}, unified.ErrMissing, []string{"x", "6000"}},
		{"unknown account", func(c *unified.Consolidation) {
			c.Eliminations = []unified.Elimination{{Name: "x", Lines: []unified.Line{line(kacc.Debit, "9999", "", 60), line(kacc.Credit, "1000", "", 60)}}}
		}, unified.ErrUnknown, []string{"9999", "1000"}},
		{"negative amount", func(c *unified.Consolidation) {
			c.Eliminations = []unified.Elimination{{Name: "x", Lines: []unified.Line{line(kacc.Debit, "4520", "", -6), line(kacc.Credit, "4230", "", -6)}}}
		}, unified.ErrRange, []string{"x"}},
		{"a rounding that breaks a link", func(c *unified.Consolidation) {
			// 1,005 × 0.3 = 301.5 → 302 and 995 × 0.3 = 298.5 → 299:
			// 資産合計 601 against 純資産 2,000 × 0.3 = 600.
			b := &statement.Book{}
			w := cash(t, unified.Consolidated, 0, 0)
			for _, id := range w.IDs() {
				s, _ := w.Statement(id)
				if id == "bs-consolidated" {
					s, _ = unified.Build(id, statement.Meta{}, amounts(t, id, map[string]int64{"1111": 1005, "1140": 995, "1510": 0, "3010": 2000, "3020": -2000}))
				}
				if id == "nw-consolidated" {
					s, _ = unified.Build(id, statement.Meta{}, amounts(t, id, map[string]int64{
						"6000:固定資産等形成分": 2000, "6000:余剰分（不足分）": -2000, "6100:余剰分（不足分）": 0}))
				}
				b.Add(id, s)
			}
			c.Members[1].Book, c.Members[1].Ratio = b, decimal.RequireFromString("0.3")
		}, unified.ErrLink, []string{"連結 BS資産合計=負債及び純資産合計"}},
	}
	for _, tt := range tests {
		c := two(t)
		tt.change(c)
		_, err := c.Build()
		var ue *unified.Error
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
	c.Eliminations = []unified.Elimination{{Name: "繰出金", Lines: []unified.Line{
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
	if !errors.Is(err, unified.ErrUnbalanced) || !strings.Contains(err.Error(), "NW純行政コスト（△）=−PL純行政コスト") {
		t.Errorf("without the 純行政コスト（△） line: %v", err)
	}
}

// Nil inputs are errors, never panics.
func TestNil(t *testing.T) {
	if _, err := (*unified.Consolidation)(nil).Build(); !errors.Is(err, unified.ErrMissing) {
		t.Errorf("nil consolidation: %v", err)
	}
	if err := unified.CheckContra(nil); !errors.Is(err, unified.ErrMissing) {
		t.Errorf("CheckContra(nil): %v", err)
	}
	if _, err := unified.Widen(nil, "bs-whole"); !errors.Is(err, unified.ErrMissing) {
		t.Errorf("Widen(nil): %v", err)
	}
	if v := unified.Verify(nil, unified.General); v.OK() {
		t.Error("an empty book keeps the links")
	}
}

// TestWiden puts a 一般会計等 statement on the 連結 form: the rows and
// columns the form adds have no figure.
func TestWiden(t *testing.T) {
	b := cash(t, unified.General, 100, 80)
	nw, _ := b.Statement("nw-general")
	w, err := unified.Widen(nw, "nw-consolidated")
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := w.Cell("6900", "他団体出資等分"); !ok || c.Valid {
		t.Errorf("他団体出資等分 %v %v", c, ok)
	}
	if c, _ := w.Cell("6900", "合計"); c.Amount.IntPart() != 100 {
		t.Errorf("合計 %v", c)
	}
	wide, _ := cash(t, unified.Consolidated, 1, 1).Statement("nw-consolidated")
	if _, err := unified.Widen(wide, "nw-general"); !errors.Is(err, unified.ErrForm) || !strings.Contains(err.Error(), "他団体出資等分") {
		t.Errorf("narrowing: %v", err)
	}
	if _, err := unified.Widen(nw, "nw"); !errors.Is(err, unified.ErrUnknown) {
		t.Errorf("unknown form: %v", err)
	}
}
