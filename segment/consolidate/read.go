package consolidate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// The files of a consolidation's directory.
const (
	MembersFile      = "members.csv"
	EliminationsFile = "eliminations.csv"
)

// statementFiles are the files of a member's four statements, by kind.
var statementFiles = map[unified.Kind]string{
	unified.BalanceSheet: "bs.csv", unified.Cost: "pl.csv", unified.NetAssets: "nw.csv", unified.CashFlow: "cf.csv",
}

// memberColumns are the columns of members.csv: the required, then the
// optional.
var memberColumns = [2][]string{{"name", "type"},
	{"method", "ratio", "prior_ratio", "share", "control", "investment", "investor", "override", "forms", "unit", "entity"}}

// ReadDir reads the members and eliminations of a consolidation from the
// files of a directory, fsys (os.DirFS, say):
//
//	members.csv          one line for each member, in the order of the 精算表
//	eliminations.csv     the eliminations, as segment.ReadEliminationsCSV reads them; optional
//	<name>/bs.csv        each member's 貸借対照表, in a directory named as the member,
//	<name>/pl.csv        and its 行政コスト計算書, 純資産変動計算書 and
//	<name>/nw.csv        資金収支計算書, each as published, as
//	<name>/cf.csv        statement.Template.ReadCSV reads it (key column optional)
//
// members.csv has a header line naming the columns name and type, and
// optionally method, ratio, prior_ratio, share, control, investment,
// investor, override, forms, unit and entity, and no others:
//
//	name,type,method,ratio,prior_ratio,share,investment
//	一般会計等,一般会計等,,,,,
//	こだま衛生組合,一部事務組合・広域連合,,23.7%,25%,,
//	こだま観光開発株式会社,第三セクター等,,,,51%,510
//
// type is a MemberType's name (一般会計等, 公営事業会計, 一部事務組合・広域連合,
// 地方独立行政法人, 地方三公社 or 第三セクター等); method 全部連結 or 比例連結,
// or empty for Rule's; ratio, prior_ratio and share a fraction (0.237) or
// a percentage (23.7%); control true or false; investment an amount, as
// format.ParseAmount reads it; investor and override as Member says. forms
// is the scope whose forms the member's files are on (一般会計等, 全体 or
// 連結; defaults to the member's own, see Member.Book), unit the unit they
// are printed in (defaults to 円), entity the entity of its statements
// (defaults to its name). The balance sheet stands on the last day of
// year, the others cover its period; the zero year leaves them undated.
//
// The Consolidation returned has the Members and Eliminations; its Scope
// and the rest are the caller's. A file or directory of fsys that is none
// of these, but for notes (*.md), is an error, as is a member without its
// directory. Every problem is reported: those of members.csv and of the
// directory in one *Error whose Source is members.csv, each Problem with
// its line; those of a member's file as a Problem naming the member,
// wrapping the file's own error (a *statement.Error with its lines, or a
// *segment.Error for eliminations.csv).
func ReadDir(fsys fs.FS, year era.FiscalYear) (*Consolidation, error) {
	c := &Consolidation{}
	data, err := fs.ReadFile(fsys, MembersFile)
	if err != nil {
		return nil, &Error{Source: MembersFile, Problems: []Problem{{Err: fmt.Errorf("%w: %w", ErrMissing, err)}}}
	}
	members, ps := readMembers(data)
	if len(ps) > 0 {
		return nil, &Error{Source: MembersFile, Problems: ps}
	}
	ps = checkEntries(fsys, members)
	for i := range members {
		m := &members[i]
		m.member.Book, m.problems = readBook(fsys, m, year)
		ps = append(ps, m.problems...)
		c.Members = append(c.Members, m.member)
	}
	if data, err := fs.ReadFile(fsys, EliminationsFile); err == nil {
		if c.Eliminations, err = segment.ReadEliminationsCSV(bytes.NewReader(data), EliminationsFile); err != nil {
			ps = append(ps, Problem{Err: err})
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		ps = append(ps, Problem{Err: fmt.Errorf("%w: %s: %w", ErrSyntax, EliminationsFile, err)})
	}
	if len(ps) > 0 {
		return nil, &Error{Source: MembersFile, Problems: ps}
	}
	return c, nil
}

// A listed member is a line of members.csv.
type listed struct {
	member   Member
	forms    unified.Scope
	unit     format.Unit
	entity   string
	problems []Problem
}

// readMembers reads members.csv.
func readMembers(data []byte) ([]listed, []Problem) {
	recs, err := csvio.ReadAll(bytes.NewReader(data), 0)
	if err != nil {
		line, column, cause := csvio.Place(err)
		return nil, []Problem{{Line: line, Column: column, Err: cause}}
	}
	if len(recs) == 0 {
		return nil, []Problem{{Line: 1, Err: fmt.Errorf("%w: no header line", ErrMissing)}}
	}
	cols, bad := csvio.Header(recs[0], memberColumns[0], memberColumns[1])
	if len(bad) > 0 {
		ps := make([]Problem, len(bad))
		for i, e := range bad {
			ps[i] = Problem{Line: e.Line, Column: e.Column, Err: e.Err}
		}
		return nil, ps
	}
	var out []listed
	var ps []Problem
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(recs[0].Fields) {
			ps = append(ps, Problem{Line: rec.Line, Err: fmt.Errorf("%w: %d fields, the header has %d", ErrSyntax, len(rec.Fields), len(recs[0].Fields))})
			continue
		}
		field := func(name string) string {
			if i, ok := cols[name]; ok {
				return strings.TrimSpace(rec.Fields[i])
			}
			return ""
		}
		name := field("name")
		fail := func(column string, err error) {
			ps = append(ps, Problem{Line: rec.Line, Member: name, Column: column, Err: err})
		}
		l := listed{member: Member{Name: name, Investor: field("investor"), Override: field("override")}, entity: field("entity")}
		if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
			fail("name", fmt.Errorf("%w: a member's name, which names its directory", ErrMissing))
			continue
		}
		var ok bool
		if l.member.Type, ok = parseMemberType(field("type")); !ok {
			fail("type", fmt.Errorf("%w: type %s: 一般会計等, 公営事業会計, 一部事務組合・広域連合, 地方独立行政法人, 地方三公社 or 第三セクター等", ErrSyntax, quote.Bounded(field("type"))))
		}
		switch method := field("method"); method {
		case "":
		case Full.String(), "full":
			l.member.Method = Full
		case Proportional.String(), "proportional":
			l.member.Method = Proportional
		default:
			fail("method", fmt.Errorf("%w: method %s: 全部連結, 比例連結 or empty", ErrSyntax, quote.Bounded(method)))
		}
		for _, x := range []struct {
			column string
			to     *decimal.Decimal
		}{{"ratio", &l.member.Ratio}, {"prior_ratio", &l.member.PriorRatio}, {"share", &l.member.Share}} {
			var err error
			if *x.to, err = parseFraction(field(x.column)); err != nil {
				fail(x.column, err)
			}
		}
		if s := field("control"); s != "" {
			var err error
			if l.member.Control, err = strconv.ParseBool(s); err != nil {
				fail("control", fmt.Errorf("%w: control %s: true or false", ErrSyntax, quote.Bounded(s)))
			}
		}
		if s := field("investment"); s != "" {
			var err error
			if l.member.Investment, err = format.ParseAmount(s); err != nil {
				fail("investment", fmt.Errorf("%w: investment %s is not an amount", ErrSyntax, quote.Bounded(s)))
			}
		}
		l.forms = l.member.Type.ownScope()
		if s := field("forms"); s != "" {
			l.forms = 0
			for sc := unified.General; sc <= unified.Consolidated; sc++ {
				if s == sc.String() {
					l.forms = sc
				}
			}
			if l.forms == 0 {
				fail("forms", fmt.Errorf("%w: forms %s: 一般会計等, 全体 or 連結", ErrSyntax, quote.Bounded(s)))
			}
		}
		if s := field("unit"); s != "" {
			var err error
			if l.unit, err = format.ParseUnit(s); err != nil {
				fail("unit", fmt.Errorf("%w: unit %s: 円, 千円, 百万円, 万円 or 億円", ErrSyntax, quote.Bounded(s)))
			}
		}
		if slices.ContainsFunc(out, func(o listed) bool { return o.member.Name == name }) {
			fail("name", fmt.Errorf("%w: member named twice", ErrDuplicate))
			continue
		}
		out = append(out, l)
	}
	return out, ps
}

// parseMemberType returns the type named s.
func parseMemberType(s string) (MemberType, bool) {
	for t := GeneralAccounts; t <= ThirdSector; t++ {
		if s == t.String() {
			return t, true
		}
	}
	return 0, false
}

// parseFraction reads a ratio written as a fraction (0.237) or a
// percentage (23.7%); empty is zero.
func parseFraction(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Zero, nil
	}
	digits, percent := strings.CutSuffix(strings.TrimSuffix(s, "％"), "%")
	percent = percent || strings.HasSuffix(s, "％")
	d, err := decimal.NewFromString(strings.TrimSpace(digits))
	if err != nil || len(digits) > 32 {
		return decimal.Zero, fmt.Errorf("%w: %s is not a ratio such as 0.237 or 23.7%%", ErrSyntax, quote.Bounded(s))
	}
	if percent {
		d = d.Shift(-2)
	}
	return d, nil
}

// checkEntries returns a problem for each member without its directory,
// and for each file or directory of fsys that is not the consolidation's.
func checkEntries(fsys fs.FS, members []listed) []Problem {
	var ps []Problem
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return []Problem{{Err: fmt.Errorf("%w: %w", ErrSyntax, err)}}
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == MembersFile || name == EliminationsFile || !e.IsDir() && path.Ext(name) == ".md":
		case e.IsDir() && slices.ContainsFunc(members, func(l listed) bool { return l.member.Name == name }):
		default:
			ps = append(ps, Problem{Err: fmt.Errorf("%w: %s is neither a file of the consolidation nor a member's directory", ErrUnknown, quote.Bounded(name))})
		}
	}
	for _, l := range members {
		if !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.IsDir() && e.Name() == l.member.Name }) {
			ps = append(ps, Problem{Member: l.member.Name, Err: fmt.Errorf("%w: no directory of its statements", ErrMissing)})
		}
	}
	return ps
}

// readBook reads the four statements of member l from its directory.
func readBook(fsys fs.FS, l *listed, year era.FiscalYear) (*statement.Book, []Problem) {
	var ps []Problem
	fail := func(err error) { ps = append(ps, Problem{Member: l.member.Name, Err: err}) }
	entries, err := fs.ReadDir(fsys, l.member.Name)
	if err != nil {
		return nil, nil // checkEntries says so
	}
	for _, e := range entries {
		if !slices.Contains([]string{"bs.csv", "pl.csv", "nw.csv", "cf.csv"}, e.Name()) && (e.IsDir() || path.Ext(e.Name()) != ".md") {
			fail(fmt.Errorf("%w: %s is none of bs.csv, pl.csv, nw.csv and cf.csv", ErrUnknown, quote.Bounded(path.Join(l.member.Name, e.Name()))))
		}
	}
	b := &statement.Book{}
	for _, k := range unified.Kinds() {
		name := path.Join(l.member.Name, statementFiles[k])
		id := unified.ID(k, l.forms)
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			fail(fmt.Errorf("%w: %s: %w", ErrMissing, name, err))
			continue
		}
		meta := statement.Meta{Entity: l.entity, Unit: l.unit}
		if meta.Entity == "" {
			meta.Entity = l.member.Name
		}
		if year != 0 {
			if k == unified.BalanceSheet {
				meta.AsOf = year.Last()
			} else {
				meta.Period = year.Period()
			}
		}
		t, _ := unified.Template(id)
		s, err := t.ReadCSV(bytes.NewReader(data), statement.ReadOptions{Source: name, Meta: meta})
		if err != nil {
			fail(err)
			continue
		}
		b.Add(id, s)
	}
	return b, ps
}
