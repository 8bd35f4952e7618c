package consolidate_test

import (
	"fmt"
	"os"
	"testing"

	kacc "github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// calm runs f and fails the test, naming the variant, if it panics.
func calm(t *testing.T, name string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: panic: %v", name, r)
		}
	}()
	f()
}

// perturbed returns book with statement id rebuilt by change, applied to
// its item figures, and without the check for contra rows that
// unified.Build makes, as a statement read from a file is.
func perturbed(t *testing.T, book *statement.Book, id string, change func([]statement.Figure)) *statement.Book {
	t.Helper()
	out := &statement.Book{}
	for _, sid := range book.IDs() {
		s, _ := book.Statement(sid)
		if sid == id {
			figs := s.Figures()
			change(figs)
			var err error
			if s, err = s.Template().Build(s.Meta(), figs); err != nil {
				t.Fatalf("%s: %v", id, err)
			}
		}
		out.Add(sid, s)
	}
	return out
}

// TestBroken drives every exported entry point of this package, and those
// of statement/unified that take a member's statements, with broken
// variants of the worked example of WORKED.md (こだま町): each figure of
// each member one yen off, each sign flipped, each statement left out or
// empty, each ratio, share and method out of its range, each line of each
// elimination off by 100, on the other side, on an unknown row or of an
// unknown member. Every variant is an error (a finding, for a
// verification), and none panics. The entry points of statement/unified
// that take other input are driven by its own tests: the books
// (TestVerifyBooksPerturbed, TestFromBooksProblems), a published table
// (TestReadGridBroken), the indicators (TestAnalyzeErrors), and the
// 附属明細書 with no year only (TestScheduleNil).
func TestBroken(t *testing.T) {
	variants := 0
	build := func(name string, c *consolidate.Consolidation) {
		t.Helper()
		variants++
		calm(t, name, func() {
			r, err := c.Build()
			if err == nil {
				t.Errorf("%s: no error", name)
			}
			if r != nil {
				t.Errorf("%s: a result with the error", name)
			}
		})
	}
	base := kodama(t)
	if _, err := base.Build(); err != nil {
		t.Fatal(err)
	}

	// Each figure of each member's statements, a yen more and with its
	// sign flipped: a link or a total of the member breaks, or a contra
	// row turns positive.
	for i, m := range base.Members {
		for _, id := range m.Book.IDs() {
			s, _ := m.Book.Statement(id)
			for k, f := range s.Figures() {
				if !f.Value.Valid || f.Value.Amount.IsZero() {
					continue
				}
				for _, change := range []struct {
					name string
					to   func(decimal.Decimal) decimal.Decimal
				}{{"+1", func(d decimal.Decimal) decimal.Decimal { return d.Add(decimal.NewFromInt(1)) }}, {"−", decimal.Decimal.Neg}} {
					c := kodama(t)
					c.Members[i].Book = perturbed(t, m.Book, id, func(figs []statement.Figure) {
						figs[k].Value = format.CellOf(change.to(figs[k].Value.Amount))
					})
					name := fmt.Sprintf("%s %s %s %s %s", m.Name, id, f.Row, f.Column, change.name)
					build(name, c)
					calm(t, name+": unified.Verify and VerifyRounded", func() {
						f, _ := unified.Form(id)
						if v := unified.Verify(c.Members[i].Book, f.Scope); v.OK() {
							t.Errorf("%s: unified.Verify finds nothing", name)
						}
						if v, err := unified.VerifyRounded(c.Members[i].Book, f.Scope); err != nil || v.OK() {
							t.Errorf("%s: unified.VerifyRounded: %v, finds nothing", name, err)
						}
					})
				}
			}
		}
	}

	// Each member's statements, left out of its book or empty in it.
	for i, m := range base.Members {
		for _, id := range m.Book.IDs() {
			for _, change := range []struct {
				name string
				to   *statement.Statement // nil: left out
			}{{"left out", nil}, {"empty", &statement.Statement{}}} {
				b := &statement.Book{}
				for _, other := range m.Book.IDs() {
					s, _ := m.Book.Statement(other)
					if other == id {
						if s = change.to; s == nil {
							continue
						}
					}
					if err := b.Add(other, s); err != nil {
						t.Fatal(err)
					}
				}
				c := kodama(t)
				c.Members[i].Book = b
				build(fmt.Sprintf("%s %s %s", m.Name, id, change.name), c)
			}
		}
	}

	// Ratios, shares, methods and types out of range or of another kind.
	members := []struct {
		name   string
		i      int
		change func(m *consolidate.Member)
	}{
		{"ratio 0", 1, func(m *consolidate.Member) { m.Ratio = decimal.Zero }},
		{"ratio 1", 1, func(m *consolidate.Member) { m.Ratio = decimal.NewFromInt(1) }},
		{"ratio 1.5", 1, func(m *consolidate.Member) { m.Ratio = ratio("1.5") }},
		{"ratio −0.237", 1, func(m *consolidate.Member) { m.Ratio = ratio("-0.237") }},
		{"prior ratio −0.25", 1, func(m *consolidate.Member) { m.PriorRatio = ratio("-0.25") }},
		{"prior ratio 2", 1, func(m *consolidate.Member) { m.PriorRatio = ratio("2") }},
		{"組合 at 全部連結", 1, func(m *consolidate.Member) {
			m.Method, m.Ratio, m.PriorRatio = consolidate.Full, decimal.Zero, decimal.Zero
		}},
		{"method 3", 1, func(m *consolidate.Member) { m.Method = 3 }},
		{"share 1.5", 2, func(m *consolidate.Member) { m.Share = ratio("1.5") }},
		{"share −0.51", 2, func(m *consolidate.Member) { m.Share = ratio("-0.51") }},
		{"share 0.2", 2, func(m *consolidate.Member) { m.Share = ratio("0.2") }},
		{"三セク at 比例連結 while held 51 %", 2, func(m *consolidate.Member) { m.Method = consolidate.Proportional }},
		{"full at a ratio", 2, func(m *consolidate.Member) { m.Ratio = ratio("0.51") }},
		{"investment 511", 2, func(m *consolidate.Member) { m.Investment = decimal.NewFromInt(511) }},
		{"investment −510", 2, func(m *consolidate.Member) { m.Investment = decimal.NewFromInt(-510) }},
		{"investor unknown", 2, func(m *consolidate.Member) { m.Investor = "町" }},
		{"type 0", 0, func(m *consolidate.Member) { m.Type = 0 }},
		{"type 9", 0, func(m *consolidate.Member) { m.Type = 9 }},
		{"no name", 0, func(m *consolidate.Member) { m.Name = "" }},
		{"named as a column", 0, func(m *consolidate.Member) { m.Name = consolidate.SumColumn }},
		{"no book", 2, func(m *consolidate.Member) { m.Book = nil }},
		{"an empty book", 2, func(m *consolidate.Member) { m.Book = &statement.Book{} }},
		{"a book of another member", 2, func(m *consolidate.Member) { m.Book = base.Members[1].Book }},
	}
	for _, v := range members {
		c := kodama(t)
		v.change(&c.Members[v.i])
		build(v.name, c)
	}
	for _, s := range []unified.Scope{0, unified.General, 7} {
		c := kodama(t)
		c.Scope = s
		build(fmt.Sprintf("scope %d", s), c)
	}
	c := kodama(t)
	c.Scope = unified.Whole // takes neither the 組合 nor the 三セク
	build("全体 of 連結 members", c)
	c = kodama(t)
	c.Members = append(c.Members, c.Members[0])
	build("a member twice", c)
	build("no members", &consolidate.Consolidation{Scope: unified.Consolidated})
	build("nil", nil)

	// Each line of each elimination.
	for i, e := range base.Eliminations {
		for k := range e.Lines {
			for _, change := range []struct {
				name string
				to   func(l *segment.Line)
			}{
				{"+100", func(l *segment.Line) { l.Amount = l.Amount.Add(decimal.NewFromInt(100)) }},
				{"other side", func(l *segment.Line) { l.Side = kacc.Debit + kacc.Credit - l.Side }},
				{"no side", func(l *segment.Line) { l.Side = 0 }},
				{"zero", func(l *segment.Line) { l.Amount = decimal.Zero }},
				{"negative", func(l *segment.Line) { l.Amount = l.Amount.Neg() }},
				{"unknown row", func(l *segment.Line) { l.Row = "経常収益/その他の" }},
				{"unknown statement", func(l *segment.Line) { l.Statement = "ps" }},
				{"unknown member", func(l *segment.Line) { l.Member = "町" }},
				{"a column of a one-column statement", func(l *segment.Line) { l.Column = "余剰分（不足分）" }},
			} {
				c := kodama(t)
				c.Eliminations = append([]segment.Elimination(nil), base.Eliminations...)
				c.Eliminations[i].Lines = append([]segment.Line(nil), e.Lines...)
				change.to(&c.Eliminations[i].Lines[k])
				build(fmt.Sprintf("%s line %d %s", e.Name, k+1, change.name), c)
			}
		}
		c := kodama(t)
		c.Eliminations = append([]segment.Elimination(nil), base.Eliminations...)
		c.Eliminations[i].Lines = nil
		build(e.Name+" without lines", c)
		c.Eliminations[i] = e
		c.Eliminations[i].Reconcile = segment.Line{Row: "現金預金", Amount: decimal.NewFromInt(1)}
		build(e.Name+" with a Reconcile amount", c)
		c.Eliminations[i].Kind = 5
		build(e.Name+" of kind 5", c)
	}
	c = kodama(t)
	c.ByElimination = true
	c.Members[0].Name = "E1"
	build("a member named as an elimination's column", c)

	// Result.Verify of a 精算表 whose member column is a yen off.
	r, err := kodama(t).Build()
	if err != nil {
		t.Fatal(err)
	}
	ws := r.Worksheets[0].Statement
	figs := ws.Figures()
	for k := range figs {
		if figs[k].Column == "一般会計等" && figs[k].Row == "1510" {
			figs[k].Value = format.CellOf(decimal.NewFromInt(901))
		}
	}
	if r.Worksheets[0].Statement, err = ws.Template().Build(ws.Meta(), figs); err != nil {
		t.Fatal(err)
	}
	calm(t, "Result.Verify", func() {
		if v := r.Verify(); v.OK() {
			t.Error("Result.Verify of a 精算表 a yen off finds nothing")
		}
	})
	calm(t, "Result.Verify of the zero Result", func() { (&consolidate.Result{}).Verify() })
	calm(t, "Rule", func() {
		for ty := consolidate.MemberType(-1); ty <= 8; ty++ {
			for s := unified.Scope(-1); s <= 4; s++ {
				for _, share := range []string{"-1", "0", "0.25", "0.5", "1", "2"} {
					consolidate.Rule(ty, s, ratio(share), share == "0.5")
				}
			}
		}
		_ = consolidate.Method(9).String() + consolidate.MemberType(9).String()
	})
	calm(t, "ReadDir of nothing", func() {
		if _, err := consolidate.ReadDir(os.DirFS(t.TempDir()), era.FiscalYear(2024)); err == nil {
			t.Error("ReadDir of an empty directory: no error")
		}
	})

	// statement/unified, on the members' statements: each broken one is
	// an error.
	g := base.Members[0].Book
	bs, _ := g.Statement("bs-general")
	contra := bs.Figures()
	for k := range contra {
		if contra[k].Row == "1114" {
			contra[k].Value = format.CellOf(decimal.NewFromInt(5))
		}
	}
	unifiedCalls := []struct {
		name string
		call func() error
	}{
		{"Template of an unknown id", func() error { _, err := unified.Template("bs-town"); return err }},
		{"Build of a positive contra figure", func() error { _, err := unified.Build("bs-general", statement.Meta{}, contra); return err }},
		{"BuildSparse of a positive contra figure", func() error {
			_, err := unified.BuildSparse("bs-general", statement.Meta{}, []statement.Figure{{Row: "事業用資産/建物減価償却累計額", Column: "金額", Value: format.CellOf(decimal.NewFromInt(5))}})
			return err
		}},
		{"Build of a total", func() error {
			_, err := unified.Build("bs-general", statement.Meta{}, []statement.Figure{{Row: "資産合計", Column: "金額"}})
			return err
		}},
		{"Build of an unknown id", func() error { _, err := unified.Build("bs", statement.Meta{}, nil); return err }},
		{"CheckContra of nil", func() error { return unified.CheckContra(nil) }},
		{"CheckContra of a positive contra figure", func() error {
			s, err := bs.Template().Build(statement.Meta{}, contra)
			if err != nil {
				return nil
			}
			return unified.CheckContra(s)
		}},
		{"Widen of nil", func() error { _, err := unified.Widen(nil, "bs-whole"); return err }},
		{"Widen to a narrower form", func() error {
			s, _ := base.Members[2].Book.Statement("bs-consolidated")
			_, err := unified.Widen(s, "bs-general")
			return err
		}},
		{"Widen to an unknown id", func() error { _, err := unified.Widen(bs, "bs-town"); return err }},
		{"Widen to another kind", func() error { _, err := unified.Widen(bs, "pl-whole"); return err }},
		{"Years of nil", func() error { _, err := unified.Years(nil, g); return err }},
		{"VerifyYears of a year that does not follow", func() error {
			v, err := unified.VerifyYears(g, g, unified.General)
			if err == nil && v.OK() {
				return nil
			}
			return fmt.Errorf("broken: %v %v", err, v)
		}},
		{"ParseConfidence of no mark", func() error { _, err := unified.ParseConfidence("K"); return err }},
		{"RowOf an unknown code", func() error {
			if _, _, ok := unified.RowOf(unified.Consolidated, "9999"); ok {
				return nil
			}
			return fmt.Errorf("none")
		}},
		{"Form of an unknown id", func() error {
			if _, ok := unified.Form("bs-town"); ok {
				return nil
			}
			return fmt.Errorf("none")
		}},
		{"Confidence of an unknown row", func() error {
			f, _ := unified.Form("bs-general")
			if _, ok := f.Confidence("9999"); ok {
				return nil
			}
			return fmt.Errorf("none")
		}},
		{"Links of an unknown scope", func() error {
			if len(unified.Links(9))+len(unified.YearlyLinks(9)) > 0 || unified.ID(9, 9) != "" {
				return nil
			}
			return fmt.Errorf("none")
		}},
		{"Verify of nil", func() error {
			if unified.Verify(nil, unified.General).OK() {
				return nil
			}
			return fmt.Errorf("broken")
		}},
	}
	for _, u := range unifiedCalls {
		variants++
		calm(t, u.name, func() {
			if err := u.call(); err == nil {
				t.Errorf("unified: %s: no error", u.name)
			}
		})
	}
	calm(t, "unified's names", func() {
		_ = unified.Scope(9).String() + unified.Kind(9).String() + unified.Confidence(9).String() + string(unified.LinksCSV()[:4])
		_ = unified.Forms()
		_ = unified.Chart()
		_ = unified.Kinds()
	})
	if variants < 200 {
		t.Errorf("only %d variants", variants)
	}
}
