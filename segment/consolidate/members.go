package consolidate

import (
	"errors"
	"fmt"
	"slices"

	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

var (
	one  = decimal.NewFromInt(1)
	half = decimal.RequireFromString("0.5")
	// quarter is the 出資割合 from which a 第三セクター等 not held in full is
	// consolidated at 比例連結.
	quarter = decimal.RequireFromString("0.25")
)

// Rule returns the method the 手引き prescribes for a member of type t in
// scope s, where the body holds share of it (zero: the whole) and, for a
// 第三セクター等, control says whether it holds 業務運営に実質的に主導的な立場;
// and false for a member the scope does not take.
//
// 全体 takes 一般会計等 and 公営事業会計 at 全部連結. 連結 takes them, and
// 地方独立行政法人 and 地方三公社, at 全部連結; 一部事務組合・広域連合 at
// 比例連結 (by 経費負担割合); and a 第三セクター等 at 全部連結 where share is
// above 50 % or control holds, else at 比例連結 (by its 出資割合) where share
// is 25 % or more.
func Rule(t MemberType, s unified.Scope, share decimal.Decimal, control bool) (Method, bool) {
	if share.IsZero() {
		share = one
	}
	switch {
	case s != unified.Whole && s != unified.Consolidated:
		return 0, false
	case t == GeneralAccounts || t == PublicEnterprise:
		return Full, true
	case s == unified.Whole:
		return 0, false
	case t == IndependentAgency || t == PublicCorporation:
		return Full, true
	case t == Association:
		return Proportional, true
	case t == ThirdSector && (share.GreaterThan(half) || control):
		return Full, true
	case t == ThirdSector && !share.LessThan(quarter):
		return Proportional, true
	}
	return 0, false
}

// ownScope returns the scope of the forms a member of type t publishes its
// own statements on.
func (t MemberType) ownScope() unified.Scope {
	switch t {
	case GeneralAccounts, Association:
		return unified.General
	case PublicEnterprise:
		return unified.Whole
	}
	return unified.Consolidated
}

// A member is a Member as the consolidation takes it.
type member struct {
	Member
	method Method
	// ratio and prior are the ratios of this year and last: 1 for Full.
	ratio, prior decimal.Decimal
	share        decimal.Decimal // 1 for the whole
	// own holds its statements at 100 %, on the forms of the scope, and
	// at those as consolidated: own, or at its ratio.
	own, at map[unified.Kind]*statement.Statement
	// column heads the 精算表's column of its figures at its ratio; empty
	// for a Full member.
	column string
	// notes say how it is consolidated, and each yen its rounding
	// remainder was allotted.
	notes []string
}

// members returns the members as the consolidation takes them, their
// statements checked, and what is wrong with them.
func (c *Consolidation) members() ([]*member, []Problem) {
	var ps []Problem
	ms := make([]*member, len(c.Members))
	names := map[string]bool{SumColumn: true, c.Scope.String(): true}
	for _, k := range []segment.EliminationKind{segment.Internal, segment.Investment, segment.Adjustment} {
		names[k.String()] = true
	}
	for i, m := range c.Members {
		fail := func(p Problem) { p.Member = m.Name; ps = append(ps, p) }
		mm := &member{Member: m}
		ms[i] = mm
		c.method(mm, fail)
		if mm.method == Proportional {
			mm.column = fmt.Sprintf("%s（%s%%）", m.Name, mm.ratio.Shift(2).String())
		}
		switch {
		case m.Name == "":
			fail(Problem{Err: fmt.Errorf("%w: a member without a name", ErrMissing)})
		case names[m.Name] || mm.column != "" && names[mm.column]:
			fail(Problem{Err: fmt.Errorf("%w: member name, or the name of a column of the 精算表 (%s, %s, %s)", ErrDuplicate, SumColumn, "the kinds of elimination", c.Scope)})
		}
		names[m.Name], names[mm.column] = true, true
		if m.Investor != "" && (m.Investor == m.Name || !slices.ContainsFunc(c.Members, func(o Member) bool { return o.Name == m.Investor })) {
			fail(Problem{Err: fmt.Errorf("%w: investor %s is not another member", ErrUnknown, quote.Bounded(m.Investor))})
		}
		if m.Book == nil {
			fail(Problem{Err: fmt.Errorf("%w: no book", ErrMissing)})
			continue
		}
		for _, p := range c.statements(mm) {
			fail(p)
		}
	}
	return ms, ps
}

// method sets the method, ratios and share of m, and fails for what is
// wrong with them.
func (c *Consolidation) method(m *member, fail func(Problem)) {
	m.share = m.Share
	switch {
	case m.Share.IsZero():
		m.share = one
	case !m.Share.IsPositive() || m.Share.GreaterThan(one):
		fail(Problem{Err: fmt.Errorf("%w: share %s: above 0 and at most 1", ErrRange, quote.Bounded(m.Share.String()))})
	}
	if m.Type < GeneralAccounts || m.Type > ThirdSector {
		fail(Problem{Err: fmt.Errorf("%w: member type %v", ErrScope, m.Type)})
		return
	}
	rule, ok := Rule(m.Type, c.Scope, m.share, m.Control)
	m.method = m.Method
	if m.method == 0 {
		m.method = rule
	}
	switch {
	case c.Scope == unified.Whole && (!ok || m.method != Full):
		fail(Problem{Err: fmt.Errorf("%w: 全体 takes 一般会計等 and 公営事業会計 at 全部連結, not %v at %v", ErrScope, m.Type, m.method)})
		return
	case c.Scope == unified.Whole && m.share.LessThan(one):
		fail(Problem{Err: fmt.Errorf("%w: 全体 has no 他団体出資等分: its members are the body's whole, not %s", ErrScope, quote.Bounded(m.Share.String()))})
	case m.Override != "":
	case !ok:
		fail(Problem{Err: fmt.Errorf("%w: 連結 takes a %v held %s%% without control in no way; an Override says why it is taken", ErrScope, m.Type, m.share.Shift(2))})
		return
	case m.method != rule:
		fail(Problem{Err: fmt.Errorf("%w: the 手引き consolidates a %v at %v; an Override says why it is at %v", ErrScope, m.Type, rule, m.method)})
	}
	m.ratio, m.prior = one, one
	switch m.method {
	case Full:
		if !m.Ratio.IsZero() && !m.Ratio.Equal(one) || !m.PriorRatio.IsZero() {
			fail(Problem{Err: fmt.Errorf("%w: 全部連結 at ratio %s, prior ratio %s: zero or 1, and zero", ErrRange, quote.Bounded(m.Ratio.String()), quote.Bounded(m.PriorRatio.String()))})
		}
	case Proportional:
		m.ratio = m.Ratio
		if m.ratio.IsZero() && m.Type == ThirdSector {
			m.ratio = m.share
		}
		m.prior = m.PriorRatio
		if m.prior.IsZero() {
			m.prior = m.ratio
		}
		if !m.ratio.IsPositive() || !m.ratio.LessThan(one) {
			fail(Problem{Err: fmt.Errorf("%w: 比例連結 at ratio %s: above 0 and below 1", ErrRange, quote.Bounded(m.ratio.String()))})
		}
		if !m.prior.IsPositive() || m.prior.GreaterThan(one) {
			fail(Problem{Err: fmt.Errorf("%w: prior ratio %s: above 0 and at most 1", ErrRange, quote.Bounded(m.prior.String()))})
		}
	default:
		fail(Problem{Err: fmt.Errorf("%w: method %v: 全部連結 or 比例連結", ErrRange, m.method)})
	}
	if m.Investment.IsNegative() {
		fail(Problem{Err: fmt.Errorf("%w: investment %s is negative", ErrRange, quote.Bounded(m.Investment.String()))})
	}
	m.notes = append(m.notes, c.describe(m))
}

// describe returns the note that says how m is consolidated.
func (c *Consolidation) describe(m *member) string {
	s := fmt.Sprintf("%s: %v, %v", m.Name, m.Type, m.method)
	switch {
	case m.method == Proportional && !m.prior.Equal(m.ratio):
		s += fmt.Sprintf(" %s%% (前年度 %s%%: 前年度末残高 at %s%%, the difference on 比例連結割合変更に伴う差額)", m.ratio.Shift(2), m.prior.Shift(2), m.prior.Shift(2))
	case m.method == Proportional:
		s += fmt.Sprintf(" %s%%", m.ratio.Shift(2))
	}
	if m.share.LessThan(one) {
		s += fmt.Sprintf(", 出資割合 %s%%", m.share.Shift(2))
		if m.method == Full && c.Scope == unified.Consolidated {
			s += fmt.Sprintf(" (他団体出資等分 %s%%)", one.Sub(m.share).Shift(2))
		}
	}
	if m.Control {
		s += ", 業務運営に実質的に主導的な立場"
	}
	if m.Override != "" {
		s += "; " + m.Override
	}
	return s
}

// statements sets the statements of m, on the forms of the scope, and
// returns what is wrong with them: one missing or on another form, a
// positive figure on a contra row, a printed total its items do not give,
// a link of the scope broken.
func (c *Consolidation) statements(m *member) []Problem {
	var ps []Problem
	m.own = map[unified.Kind]*statement.Statement{}
	book := &statement.Book{}
	order := []unified.Scope{m.Type.ownScope(), unified.General, unified.Whole, unified.Consolidated}
	for _, k := range unified.Kinds() {
		id := unified.ID(k, c.Scope)
		var s *statement.Statement
		from := ""
		for _, sc := range order {
			if sc > c.Scope {
				continue
			}
			if st, ok := m.Book.Statement(unified.ID(k, sc)); ok {
				s, from = st, unified.ID(k, sc)
				break
			}
		}
		if s == nil {
			ps = append(ps, Problem{Statement: id, Err: fmt.Errorf("%w: no statement under %s, or the id of a narrower scope", ErrMissing, id)})
			continue
		}
		if col, err := sameForm(from, s.Template()); err != nil {
			ps = append(ps, Problem{Statement: from, Column: col, Err: err})
			continue
		}
		if from != id {
			w, err := unified.Widen(s, id)
			if err != nil {
				ps = append(ps, unifiedProblems(err)...)
				continue
			}
			s = w
		}
		for _, p := range unifiedProblems(unified.CheckContra(s)) {
			p.Statement = from
			ps = append(ps, p)
		}
		m.own[k] = s
		book.Add(id, s)
	}
	if len(ps) > 0 {
		return ps
	}
	m.at = m.own
	for _, f := range findings(book, c.Scope) {
		err := ErrTotal
		if f.Kind == statement.LinkBroken {
			err = ErrLink
		}
		ps = append(ps, Problem{Statement: f.Statement, Row: f.Row, Column: f.Column,
			Err: fmt.Errorf("%w: %s", err, explain(book, c.Scope, f))})
	}
	return ps
}

// sameForm returns nil if the statements of t have the rows and columns
// of the standard's form id, and otherwise an error wrapping ErrForm and
// the column they differ in, if any.
func sameForm(id string, t *statement.Template) (string, error) {
	if st, _ := unified.Template(id); st == t {
		return "", nil // built on the standard's own template
	}
	f, g := forms()[id].Form, t.Form()
	if !slices.EqualFunc(f.Rows, g.Rows, func(a, b statement.Row) bool {
		return a.Key == b.Key && a.Kind == b.Kind && a.Account == b.Account && a.Formula.String() == b.Formula.String()
	}) {
		return "", fmt.Errorf("%w: the statement has other rows than %s", ErrForm, f.Title)
	}
	if statement.FormatColumns(f.Columns) != statement.FormatColumns(g.Columns) {
		return statement.FormatColumns(g.Columns), fmt.Errorf("%w: the statement has other columns than %s: %s", ErrForm, f.Title, statement.FormatColumns(f.Columns))
	}
	return "", nil
}

// unifiedProblems returns the problems of an error of package unified as
// the package's own, each keeping its sentinel (unified.ErrContra, say) for
// errors.Is; any other error is one problem as it is.
func unifiedProblems(err error) []Problem {
	var ue *unified.Error
	switch {
	case err == nil:
		return nil
	case !errors.As(err, &ue):
		return []Problem{{Err: err}}
	}
	ps := make([]Problem, len(ue.Problems))
	for i, p := range ue.Problems {
		ps[i] = Problem{Statement: p.Statement, Row: p.Row, Column: p.Column, Err: p.Err}
	}
	return ps
}

// linkProblems returns a problem wrapping sentinel for each link of
// scope s that book b breaks, at the place of at.
func linkProblems(b *statement.Book, s unified.Scope, at Problem, sentinel error) []Problem {
	var ps []Problem
	for _, f := range findings(b, s) {
		if f.Kind != statement.LinkBroken {
			continue
		}
		p := at
		p.Err = fmt.Errorf("%w: %s", sentinel, explain(b, s, f))
		ps = append(ps, p)
	}
	return ps
}
