package journal

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/internal/yen"
)

// A Stage says when in the year's books an entry is made. The zero value
// is Regular, the common case.
type Stage int

// Stages, as the 財務書類作成要領 names them.
const (
	// Regular is a 期中仕訳: an entry of the year's transactions, made
	// when they happen (日々仕訳) or from the year's 歳入歳出データ at its end
	// (期末一括仕訳).
	Regular Stage = iota
	// Opening is a 開始仕訳: last year's closing balances brought forward.
	Opening
	// Adjusting is a 整理仕訳 (決算整理仕訳): an entry made at the year's
	// end that no receipt or payment gives, such as 減価償却, 引当金 or
	// 未収金 and 未払金; the 精算表 shows these in a column of their own.
	Adjusting
)

var stageNames = [...]string{"期中仕訳", "開始仕訳", "整理仕訳"}
var stageIDs = [...]string{"regular", "opening", "adjusting"}

// String returns 期中仕訳, 開始仕訳 or 整理仕訳; an unknown stage prints as
// %!Stage(n).
func (s Stage) String() string {
	if !s.valid() {
		return fmt.Sprintf("%%!Stage(%d)", int(s))
	}
	return stageNames[s]
}

func (s Stage) valid() bool { return s >= Regular && s <= Adjusting }

// ParseStage reads a stage by its name (期中仕訳, 開始仕訳, 整理仕訳), the name
// without 仕訳 (期中, 開始, 整理) or in English (regular, opening,
// adjusting). Empty text is Regular. Any other text is an error wrapping
// ErrSyntax.
func ParseStage(s string) (Stage, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Regular, nil
	}
	for i, name := range stageNames {
		if s == name || s == strings.TrimSuffix(name, "仕訳") || strings.EqualFold(s, stageIDs[i]) {
			return Stage(i), nil
		}
	}
	return 0, fmt.Errorf("%w: stage %s: neither 開始仕訳, 期中仕訳 nor 整理仕訳", ErrSyntax, quote.Bounded(s))
}

// A Kind says whether an entry moves 資金: a 資金仕訳 or a 非資金仕訳. The
// zero value is neither.
type Kind int

// Kinds.
const (
	Cash    Kind = iota + 1 // 資金仕訳: the entry touches a 資金 account
	NonCash                 // 非資金仕訳: it does not (減価償却, 引当金, 無償所管換)
)

// String returns 資金仕訳 or 非資金仕訳; an unknown kind prints as
// %!Kind(n).
func (k Kind) String() string {
	switch k {
	case Cash:
		return "資金仕訳"
	case NonCash:
		return "非資金仕訳"
	}
	return fmt.Sprintf("%%!Kind(%d)", int(k))
}

// A Line is one line of an entry: an amount in whole yen on one side of
// one account.
type Line struct {
	Account string          // the code of a posting account of the chart
	Side    account.Side    // account.Debit (借方) or account.Credit (貸方)
	Amount  decimal.Decimal // positive, whole yen
	// Memo is the line's own 摘要, where it has one besides the entry's.
	Memo string

	line int // the line of the file it was read from; 0 when made in code
}

// SourceLine returns the line of the file the line was read from; 0 for a
// line made in code.
func (l Line) SourceLine() int { return l.line }

// Debit returns a 借方 line of amount on the account with the given code.
func Debit(code string, amount decimal.Decimal) Line {
	return Line{Account: code, Side: account.Debit, Amount: amount}
}

// Credit returns a 貸方 line of amount on the account with the given code.
func Credit(code string, amount decimal.Decimal) Line {
	return Line{Account: code, Side: account.Credit, Amount: amount}
}

// An Entry is one journal entry (仕訳): lines whose debits equal their
// credits, made on one day.
//
// Other packages make entries with NewEntry, Debit and Credit, or with a
// composite literal of the exported fields; New and ReadCSV check them.
type Entry struct {
	ID    string   // unique in a journal, such as 1, R5-0001 or D-1
	Date  era.Date // the day it is made; see the package doc for the 出納整理期間
	Stage Stage    // 期中仕訳 (the zero value), 開始仕訳 or 整理仕訳
	Memo  string   // 摘要
	Lines []Line

	source string // the file it was read from, if any
	line   int    // the line of its first line in source
}

// NewEntry returns an entry of the given lines.
func NewEntry(id string, date era.Date, stage Stage, memo string, lines ...Line) Entry {
	return Entry{ID: id, Date: date, Stage: stage, Memo: memo, Lines: lines}
}

// At returns a copy of e, with lines of its own, marked as read from the
// given file and line, so that the problems New finds in it name them: for
// entries that a reader of another format makes, such as the 資金仕訳 made
// from one line of 歳入歳出データ.
func (e Entry) At(file string, line int) Entry {
	e.source, e.line = file, line
	e.Lines = append([]Line(nil), e.Lines...)
	for i := range e.Lines {
		e.Lines[i].line = line
	}
	return e
}

// Source returns the file the entry was read from and the line of its
// first line there; "" and 0 for an entry made in code.
func (e Entry) Source() (file string, line int) { return e.source, e.line }

// Total returns the sum of the entry's lines on side s.
func (e Entry) Total(s account.Side) decimal.Decimal {
	sum := decimal.Zero
	for _, l := range e.Lines {
		if l.Side == s {
			sum = sum.Add(l.Amount)
		}
	}
	return sum
}

// Options say how New and ReadCSV check a journal. The zero value infers
// the fiscal year from the dates, takes the accounts of the 資金収支計算書 as
// the 資金 accounts and lets entries post to every leaf of the chart.
type Options struct {
	// Year is the fiscal year of the journal. Defaults to the fiscal year
	// of the earliest date of an entry; every other date must then fall in
	// that year or its 出納整理期間.
	Year era.FiscalYear
	// Cash reports whether a is a 資金 account: an entry that touches one
	// is a 資金仕訳. Defaults to the accounts of category account.Inflow or
	// account.Outflow, on which the 財務書類作成要領 books the cash side of
	// an entry.
	Cash func(a account.Account) bool
	// Posting reports whether entries may post to the leaf account a.
	// Defaults to every leaf. An account with children is never a posting
	// account: its balance is its children's.
	Posting func(a account.Account) bool
	// Names is how the readers find accounts by name, and WriteCSV names
	// them. Defaults to NewNames of the chart.
	Names *Names
}

// names returns opt.Names, or the names of chart.
func (opt Options) names(chart *account.Chart) *Names {
	if opt.Names != nil {
		return opt.Names
	}
	return NewNames(chart)
}

// flowAccount is the default of Options.Cash.
func flowAccount(a account.Account) bool {
	return a.Category == account.Inflow || a.Category == account.Outflow
}

// A Journal is a 仕訳帳: the checked entries of one fiscal year on the
// accounts of one chart, in the order given. A Journal is immutable and
// safe for concurrent use.
type Journal struct {
	chart   *account.Chart
	opt     Options // as given, for With
	year    era.FiscalYear
	entries []Entry
	kinds   []Kind
}

// New checks entries against chart (see the package doc) and returns them
// as a journal. Every problem is reported at once in an *Error; nothing
// is dropped or altered. The journal keeps its own copy of the entries.
func New(chart *account.Chart, entries []Entry, opt Options) (*Journal, error) {
	entries = cloneEntries(entries)
	return newJournal(chart, entries, opt, "")
}

// newJournal is New for entries the caller owns, read from source if not
// empty.
func newJournal(chart *account.Chart, entries []Entry, opt Options, source string) (*Journal, error) {
	if chart == nil {
		return nil, &Error{Source: source, Problems: []Problem{{Source: source, Err: fmt.Errorf("%w chart", ErrMissing)}}}
	}
	c := checker{chart: chart, opt: opt, verdicts: map[string]verdict{}}
	if c.opt.Cash == nil {
		c.opt.Cash = flowAccount
	}
	year := opt.Year
	if year == 0 {
		year = inferYear(entries)
	}
	j := &Journal{chart: chart, opt: opt, year: year, entries: entries, kinds: make([]Kind, len(entries))}
	var first map[string]int // entry id → index, for ids that do not rise
	if !rising(entries) {
		first = make(map[string]int, len(entries))
	}
	var problems []Problem
	for i, e := range entries {
		if k, dup := first[e.ID]; dup && e.ID != "" {
			problems = append(problems, e.problem(0, "entry", fmt.Errorf("%w entry id (first %s)", ErrDuplicate, entries[k].where(k))))
		} else if first != nil {
			first[e.ID] = i
		}
		var cash bool
		problems, cash = c.entry(problems, e, year)
		j.kinds[i] = NonCash
		if cash {
			j.kinds[i] = Cash
		}
	}
	if len(problems) > 0 {
		return nil, &Error{Source: commonSource(problems), Problems: problems}
	}
	return j, nil
}

// rising reports whether the ids of entries rise, each after the one
// before it as 伝票番号 are numbered: shorter first, then in byte order
// (9 before 10, R5-0009 before R5-0010). Rising ids are distinct: a
// journal so numbered needs no map of its ids, whose every look-up
// misses the processor's cache once the journal is large.
func rising(entries []Entry) bool {
	for i := 1; i < len(entries); i++ {
		a, b := entries[i-1].ID, entries[i].ID
		if len(a) > len(b) || len(a) == len(b) && a >= b {
			return false
		}
	}
	return true
}

// commonSource returns the source of every problem if they share one.
func commonSource(problems []Problem) string {
	s := problems[0].Source
	for _, p := range problems[1:] {
		if p.Source != s {
			return ""
		}
	}
	return s
}

// inferYear returns the fiscal year of the earliest valid date of the
// entries; 0 if none has one.
func inferYear(entries []Entry) era.FiscalYear {
	var first era.Date
	for _, e := range entries {
		if e.Date.IsValid() && (!first.IsValid() || e.Date.Before(first)) {
			first = e.Date
		}
	}
	if !first.IsValid() {
		return 0
	}
	return first.FiscalYear()
}

// InYear reports whether d falls in fiscal year fy or in its 出納整理期間
// (4月1日 to 5月31日 after it), the days whose entries are posted to fy.
func InYear(fy era.FiscalYear, d era.Date) bool {
	if !d.IsValid() || !fy.IsValid() {
		return false
	}
	if fy.Contains(d) {
		return true
	}
	return InSettlement(fy, d)
}

// InSettlement reports whether d falls in the 出納整理期間 of fiscal year fy:
// 4月1日 to 5月31日 of the calendar year in which fy ends.
func InSettlement(fy era.FiscalYear, d era.Date) bool {
	y, m, _ := d.Gregorian()
	return y == int(fy)+1 && (m == time.April || m == time.May)
}

// A checker checks entries against a chart.
type checker struct {
	chart    *account.Chart
	opt      Options
	verdicts map[string]verdict // by code, as found
}

// A verdict is what the checker found of an account, once for all the
// lines that post to it.
type verdict struct {
	err  error // why entries may not post to it; nil if they may
	cash bool  // whether it is a 資金 account
}

// entry appends the problems of e to problems, and reports whether e is a
// 資金仕訳.
func (c *checker) entry(problems []Problem, e Entry, year era.FiscalYear) ([]Problem, bool) {
	if strings.TrimSpace(e.ID) == "" {
		problems = append(problems, e.problem(0, "entry", fmt.Errorf("%w entry id", ErrMissing)))
	}
	switch {
	case !e.Date.IsValid():
		problems = append(problems, e.problem(0, "date", fmt.Errorf("%w date", ErrMissing)))
	case year == 0:
	case !InYear(year, e.Date):
		problems = append(problems, e.problem(0, "date", fmt.Errorf("%w: %s is outside %s (%s to %s) and its 出納整理期間 (to %s)",
			ErrRange, isoDate(e.Date), year, isoDate(year.First()), isoDate(year.Last()), isoDate(settlementEnd(year)))))
	}
	if !e.Stage.valid() {
		problems = append(problems, e.problem(0, "stage", fmt.Errorf("%w: stage %d", ErrSyntax, int(e.Stage))))
	}
	if len(e.Lines) == 0 {
		return append(problems, e.problem(0, "", fmt.Errorf("%w lines: an entry has at least one 借方 and one 貸方", ErrMissing))), false
	}
	cash := false
	var debit, credit yen.Sum
	sound := true // every amount read, so that the totals mean something
	for i, l := range e.Lines {
		v := c.account(l.Account)
		if v.err != nil {
			problems = append(problems, e.problem(i+1, "account", v.err))
		}
		cash = cash || v.cash
		switch {
		case l.Amount.Sign() <= 0:
			problems = append(problems, e.problem(i+1, sideColumn(l.Side), fmt.Errorf("%w: amount %s: not positive", ErrRange, l.Amount)))
			sound = false
		case !l.Amount.IsInteger():
			problems = append(problems, e.problem(i+1, sideColumn(l.Side), fmt.Errorf("%w: amount %s: not whole yen", ErrSyntax, l.Amount)))
			sound = false
		}
		switch l.Side {
		case account.Debit:
			debit.Add(l.Amount)
		case account.Credit:
			credit.Add(l.Amount)
		default:
			problems = append(problems, e.problem(i+1, "side", fmt.Errorf("%w: side %d: neither 借方 nor 貸方", ErrSyntax, int(l.Side))))
			sound = false
		}
	}
	if sound && !debit.Equal(credit) {
		problems = append(problems, e.problem(0, "", fmt.Errorf("%w: 借方 %s, 貸方 %s", ErrUnbalanced, formatYen(debit.Value()), formatYen(credit.Value()))))
	}
	return problems, cash
}

// account returns the verdict on the account with the given code: why
// entries may not post to it, if they may not, and whether it is a 資金
// account.
func (c *checker) account(code string) verdict {
	if v, ok := c.verdicts[code]; ok {
		return v
	}
	var v verdict
	a, ok := c.chart.Lookup(code)
	switch {
	case strings.TrimSpace(code) == "":
		v.err = fmt.Errorf("%w account", ErrMissing)
	case !ok:
		v.err = fmt.Errorf("%w account %s", ErrUnknown, quote.Bounded(code))
	case len(c.chart.Children(code)) > 0:
		v.err = fmt.Errorf("%w: %s %s has accounts under it", ErrNotPosting, a.Code, a.Name)
	case c.opt.Posting != nil && !c.opt.Posting(a):
		v.err = fmt.Errorf("%w: %s %s", ErrNotPosting, a.Code, a.Name)
	default:
		v.cash = c.opt.Cash(a)
	}
	c.verdicts[code] = v
	return v
}

// sideColumn names the CSV column of an amount on side s.
func sideColumn(s account.Side) string {
	if s == account.Credit {
		return "credit"
	}
	return "debit"
}

// settlementEnd returns the last day of the 出納整理期間 of fy.
func settlementEnd(fy era.FiscalYear) era.Date {
	d, _ := era.FromGregorian(int(fy)+1, time.May, 31)
	return d
}

// isoDate returns d as 2024-05-31.
func isoDate(d era.Date) string {
	y, m, day := d.Gregorian()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), day)
}

// formatYen returns an amount as 1,234,567.
func formatYen(d decimal.Decimal) string {
	return format.Formatter{}.Format(d)
}

// problem returns a problem of e, at its index-th line (1-based; 0 for
// the entry as a whole) and the given column.
func (e Entry) problem(index int, column string, err error) Problem {
	p := Problem{Source: e.source, Entry: e.ID, Column: column, Err: err}
	switch {
	case index > 0 && index <= len(e.Lines) && e.Lines[index-1].line > 0:
		p.Line = e.Lines[index-1].line
	case e.line > 0:
		p.Line = e.line
	default:
		p.Index = index
	}
	return p
}

// where says where e, the i-th entry (0-based), is, for messages: on
// line 3 (of its file), or entry 4 (of those given in code).
func (e Entry) where(i int) string {
	if e.line > 0 {
		return fmt.Sprintf("on line %d", e.line)
	}
	return fmt.Sprintf("entry %d", i+1)
}

// cloneEntries returns a copy of entries with their own lines, all in one
// slice: two copies in bulk rather than one per entry.
func cloneEntries(entries []Entry) []Entry {
	out := slices.Clone(entries)
	n := 0
	for _, e := range entries {
		n += len(e.Lines)
	}
	lines := make([]Line, 0, n)
	for _, e := range entries {
		lines = append(lines, e.Lines...)
	}
	for i := range out {
		k := len(out[i].Lines)
		out[i].Lines, lines = lines[:k:k], lines[k:]
	}
	return out
}

// Chart returns the chart the journal was checked against.
func (j *Journal) Chart() *account.Chart {
	if j == nil {
		return nil
	}
	return j.chart
}

// Year returns the journal's fiscal year; 0 for a journal without entries
// whose year was not given.
func (j *Journal) Year() era.FiscalYear {
	if j == nil {
		return 0
	}
	return j.year
}

// Len returns the number of entries.
func (j *Journal) Len() int {
	if j == nil {
		return 0
	}
	return len(j.entries)
}

// Entry returns the i-th entry (0-based), with lines of its own, and its
// kind. It panics if i is out of range, as indexing a slice does.
func (j *Journal) Entry(i int) (Entry, Kind) {
	e := j.entries[i]
	e.Lines = append([]Line(nil), e.Lines...)
	return e, j.kinds[i]
}

// All returns the entries in the order given, with their kinds. The
// entries' Lines are the journal's own, not copies, so that a ledger of a
// million lines can be posted without copying them: the caller must not
// modify them (Entry returns a copy).
func (j *Journal) All() iter.Seq2[Entry, Kind] {
	return func(yield func(Entry, Kind) bool) {
		if j == nil {
			return
		}
		for i, e := range j.entries {
			if !yield(e, j.kinds[i]) {
				return
			}
		}
	}
}

// NumLines returns the number of lines of all the entries.
func (j *Journal) NumLines() int {
	n := 0
	for e := range j.All() {
		n += len(e.Lines)
	}
	return n
}

// With returns a journal of j's entries followed by more, checked as New
// checks them, against the same chart, with the same options, for the
// same year: the 整理仕訳 of a fixed-asset register added to the entries
// read from a file, say. j is not changed.
func (j *Journal) With(more ...Entry) (*Journal, error) {
	if j == nil {
		return New(nil, more, Options{})
	}
	entries := append(cloneEntries(j.entries), cloneEntries(more)...)
	opt := j.opt
	if opt.Year == 0 {
		opt.Year = j.year
	}
	return newJournal(j.chart, entries, opt, "")
}

// Options returns the options the journal was checked with, its Year
// set to the journal's year.
func (j *Journal) Options() Options {
	if j == nil {
		return Options{}
	}
	opt := j.opt
	opt.Year = j.year
	return opt
}
