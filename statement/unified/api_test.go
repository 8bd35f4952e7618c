package unified_test

import (
	"errors"
	"strings"
	"sync"
	"testing"

	kacc "github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

func TestKindsAndScopes(t *testing.T) {
	for _, f := range unified.Forms() {
		if got := unified.ID(f.Kind, f.Scope); got != f.ID {
			t.Errorf("%s: ID(%v, %v) = %s", f.ID, f.Kind, f.Scope, got)
		}
		if !strings.Contains(f.Title, f.Kind.String()) {
			t.Errorf("%s: title %s does not name %v", f.ID, f.Title, f.Kind)
		}
	}
	if unified.ID(0, unified.General) != "" || unified.ID(unified.Cost, 9) != "" {
		t.Error("ID of an unknown kind or scope")
	}
	if s := unified.Scope(0).String(); s != "%!Scope(0)" {
		t.Errorf("Scope(0) = %s", s)
	}
	if s := unified.Kind(7).String(); s != "%!Kind(7)" {
		t.Errorf("Kind(7) = %s", s)
	}
}

// Templates are compiled once and shared; concurrent use is safe.
func TestTemplate(t *testing.T) {
	a, err := unified.Template("bs-general")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, _ := unified.Template("bs-general")
			if b != a {
				t.Error("a second Template")
			}
			f, _ := unified.Form("bs-general")
			f.Form.Rows[0].Label = "changed"
		}()
	}
	wg.Wait()
	if f, _ := unified.Form("bs-general"); f.Form.Rows[0].Label != "【資産の部】" || f.Form.Split != "H200" {
		t.Errorf("the shared form changed: %q, split %q", f.Form.Rows[0].Label, f.Form.Split)
	}
	if _, err := unified.Template("bs-nowhere"); !errors.Is(err, unified.ErrUnknown) || !strings.Contains(err.Error(), "bs-nowhere") {
		t.Errorf("unknown id: %v", err)
	}
	if _, ok := unified.Form("bs-nowhere"); ok {
		t.Error("Form of an unknown id")
	}
}

// TestChart binds every item row of every form to one standard account,
// under the row's key, and marks exactly the 減価償却累計額, 投資損失引当金
// and 徴収不能引当金 rows as contra accounts.
func TestChart(t *testing.T) {
	chart := unified.Chart()
	if chart.Len() != 165 {
		t.Errorf("%d accounts, want 165", chart.Len())
	}
	for _, f := range unified.Forms() {
		if err := f.Form.CheckAccounts(chart); err != nil {
			t.Error(err)
		}
		for _, r := range f.Form.Rows {
			if r.Kind != statement.Item {
				if r.Account != "" {
					t.Errorf("%s %s: a %v bound to an account", f.ID, r.Key, r.Kind)
				}
				continue
			}
			a, ok := chart.Lookup(r.Account)
			if !ok || r.Account != r.Key {
				t.Errorf("%s %s: bound to %q", f.ID, r.Key, r.Account)
				continue
			}
			contra := strings.HasSuffix(r.Label, "減価償却累計額") || r.Label == "投資損失引当金" || r.Label == "徴収不能引当金"
			if a.Contra != contra || contra && (a.Category != kacc.Asset || a.NormalSide() != kacc.Credit) {
				t.Errorf("%s %s %s: contra %v, category %v", f.ID, r.Key, r.Label, a.Contra, a.Category)
			}
		}
	}
}

func TestConfidence(t *testing.T) {
	for _, f := range unified.Forms() {
		for _, r := range f.Form.Rows {
			c, ok := f.Confidence(r.Key)
			if !ok || c == 0 {
				t.Errorf("%s %s: no confidence in %q", f.ID, r.Key, r.Remark)
			}
			if f.Scope != unified.General && c == unified.Verified {
				t.Errorf("%s %s: [V] outside 一般会計等", f.ID, r.Key)
			}
		}
	}
	pl, _ := unified.Form("pl-general")
	bs, _ := unified.Form("bs-consolidated")
	for _, tt := range []struct {
		f    unified.FormInfo
		key  string
		want unified.Confidence
	}{
		{pl, "4900", unified.Verified},
		{bs, "3030", unified.Uncertain},
		{bs, "1370", unified.Knowledge},
		{bs, "1000", unified.Secondary},
	} {
		if c, _ := tt.f.Confidence(tt.key); c != tt.want {
			t.Errorf("%s %s: %v, want %v", tt.f.ID, tt.key, c, tt.want)
		}
	}
	if _, ok := pl.Confidence("nosuch"); ok {
		t.Error("confidence of a row the form lacks")
	}
	if _, err := unified.ParseConfidence("S1 only"); !errors.Is(err, unified.ErrSyntax) {
		t.Errorf("a remark without a mark: %v", err)
	}
	if c, _ := unified.ParseConfidence(" [K?] 連結 only"); c != unified.Uncertain || c.String() != "[K?]" {
		t.Errorf("[K?]: %v", c)
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

// Contra rows take negative figures; a positive one is rejected, naming
// the row.
func TestContra(t *testing.T) {
	figs := map[string]int64{"1113": 1000, "1114": -400, "1510": 600, "3010": 600, "3020": 600}
	s, err := unified.Build("bs-general", statement.Meta{}, amounts(t, "bs-general", figs))
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Cell("1110", "金額"); c.Amount.IntPart() != 600 {
		t.Errorf("事業用資産 %v, want 1,000 − 400", c)
	}
	figs["1114"] = 400
	_, err = unified.Build("bs-general", statement.Meta{}, amounts(t, "bs-general", figs))
	if !errors.Is(err, unified.ErrContra) || !strings.Contains(err.Error(), `"1114"`) {
		t.Errorf("positive 建物減価償却累計額: %v", err)
	}
	if _, err := unified.Build("bs-general", statement.Meta{}, nil); err == nil {
		t.Error("no figures")
	}
}

func TestLinksOfScope(t *testing.T) {
	for _, tt := range []struct {
		scope          unified.Scope
		links, yearly  int
		suffix, prefix string
	}{
		{unified.General, 7, 8, "-general", "一般会計等"},
		{unified.Whole, 7, 8, "-whole", "全体"},
		{unified.Consolidated, 8, 9, "-consolidated", "連結"},
	} {
		links, yearly := unified.Links(tt.scope), unified.YearlyLinks(tt.scope)
		if len(links) != tt.links || len(yearly) != tt.yearly {
			t.Errorf("%v: %d links, %d yearly; want %d, %d", tt.scope, len(links), len(yearly), tt.links, tt.yearly)
		}
		for _, l := range append(links, yearly...) {
			if !strings.HasPrefix(l.Name, tt.prefix) || !strings.Contains(l.String(), tt.suffix) {
				t.Errorf("%v: link %s %s", tt.scope, l.Name, l)
			}
		}
		links[0].Left[0].Row = "changed"
		if unified.Links(tt.scope)[0].Left[0].Row == "changed" {
			t.Error("Links shares its terms")
		}
	}
	if unified.Links(0) != nil {
		t.Error("links of no scope")
	}
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

func TestVerifyYears(t *testing.T) {
	prev, cur := cash(t, unified.General, 80, 50), cash(t, unified.General, 100, 80)
	if v := unified.Verify(cur, unified.General); len(v.Findings) > 0 {
		t.Errorf("Verify: %v", v.Findings)
	}
	v, err := unified.VerifyYears(prev, cur, unified.General)
	if err != nil || len(v.Findings) > 0 {
		t.Errorf("VerifyYears: %v %v", v, err)
	}
	other := cash(t, unified.General, 100, 70)
	v, _ = unified.VerifyYears(prev, other, unified.General)
	if v.OK() {
		t.Error("an opening balance of 70 after a closing one of 80")
	}
	// The links' findings only: it counts no verdict.
	for verdict := statement.Violation; verdict <= statement.Undecided; verdict++ {
		if v.Count(verdict) != 0 {
			t.Errorf("VerifyYears counts %d %v", v.Count(verdict), verdict)
		}
	}
	for _, f := range v.Findings {
		if f.Kind != statement.LinkBroken || !strings.HasPrefix(f.Statement, "cur:") && !strings.HasPrefix(f.Statement, "prev:") {
			t.Errorf("finding %v", f)
		}
	}
	if _, err := unified.VerifyYears(nil, cur, unified.General); !errors.Is(err, unified.ErrMissing) {
		t.Errorf("no book: %v", err)
	}
}

// Nil inputs are errors, never panics.
func TestNil(t *testing.T) {
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

// VerifyRounded judges the four statements of a year of books, printed in
// 千円 (each figure rounded on its own from the yen the books give), and
// the links between them, under rounding: where Verify finds a printed
// total that its printed terms do not give, rounding explains it, each
// verdict proven. A figure moved by 5 千円 is a violation with its
// certificate, and a statement the book lacks breaks the links that name
// it.
func TestVerifyRounded(t *testing.T) {
	l := smallLedger(t, smallJournal)
	yen, err := unified.FromBooks(l, unified.BooksOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// thousands returns the book in 千円, the 現金預金 moved by move 千円,
	// without the statement leave.
	thousands := func(move int64, leave string) *statement.Book {
		var b statement.Book
		for _, id := range yen.IDs() {
			s, _ := yen.Statement(id)
			s = s.Scale(statement.Scaling{Unit: format.Thousand})
			if id == leave {
				continue
			}
			if id == "bs-general" && move != 0 {
				figs := s.Figures()
				for k, f := range figs {
					if f.Row == "1510" {
						figs[k].Value = format.CellOf(f.Value.Amount.Add(decimal.NewFromInt(move * 1000)))
					}
				}
				if s, err = s.Template().Build(s.Meta(), figs); err != nil {
					t.Fatal(err)
				}
			}
			if err := b.Add(id, s); err != nil {
				t.Fatal(err)
			}
		}
		return &b
	}
	book := thousands(0, "")
	exact := unified.Verify(book, unified.General)
	v, err := unified.VerifyRounded(book, unified.General)
	if err != nil {
		t.Fatal(err)
	}
	judged := func(v *statement.Verification) int {
		return v.Count(statement.Exact) + v.Count(statement.WithinRounding) + v.Count(statement.Violation) + v.Count(statement.Undecided)
	}
	if len(exact.Findings) == 0 || v.Count(statement.Violation)+v.Count(statement.Undecided) != 0 ||
		v.Count(statement.WithinRounding) != len(exact.Findings) || judged(v) != judged(exact) {
		t.Errorf("exactly %v; under rounding %v, %d exact, %d within rounding, of %d", exact.Findings, v.Findings,
			v.Count(statement.Exact), v.Count(statement.WithinRounding), judged(exact))
	}
	t.Logf("%d identities and links; exactly, %d findings; under rounding %d exact, %d within rounding", judged(exact), len(exact.Findings),
		v.Count(statement.Exact), v.Count(statement.WithinRounding))
	for _, f := range v.Findings {
		if f.Verdict != statement.WithinRounding {
			t.Errorf("%s", f)
		}
		if _, ok := v.Witness(f.Statement, f.Row, f.Column); !ok {
			t.Errorf("%s: no witness", f)
		}
	}

	moved, err := unified.VerifyRounded(thousands(5, ""), unified.General)
	if err != nil {
		t.Fatal(err)
	}
	violations := 0
	for _, f := range moved.Findings {
		if f.Verdict == statement.Violation {
			violations++
			if f.Certificate == nil {
				t.Errorf("%s: no certificate", f)
			}
		}
	}
	if violations == 0 {
		t.Errorf("現金預金 moved by 5 千円: %v", moved.Findings)
	}

	partial, err := unified.VerifyRounded(thousands(0, "cf-general"), unified.General)
	if err != nil || partial.OK() {
		t.Errorf("without the 資金収支計算書: %v, %v", partial, err)
	}
	for _, f := range partial.Findings {
		if f.Kind != statement.LinkBroken && f.Verdict != statement.WithinRounding {
			t.Errorf("without the 資金収支計算書: %s", f)
		}
	}
	if v, err := unified.VerifyRounded(nil, unified.General); err != nil || v.OK() {
		t.Errorf("no book: %v, %v", v, err)
	}
}
