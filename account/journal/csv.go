package journal

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// The columns of a journal file.
var (
	journalColumns  = []string{"entry", "date", "account", "debit", "credit"}
	journalOptional = []string{"memo", "stage"}
)

// ReadCSV reads a journal from CSV and checks it as New does. The header
// line names the columns entry, date, account, debit and credit, and
// optionally memo and stage, in any order and no others; then one line for
// each line of an entry:
//
//	entry,date,account,debit,credit,memo
//	1,2023-06-01,物件費,55000,,消耗品の購入
//	1,2023-06-01,物件費等支出,,55000,
//
// The lines of an entry share its entry id and follow one another; an id
// that comes back after another entry is a duplicate. The date is ISO
// (2023-06-01) or 和暦 (令和5年6月1日, R05.06.01), as era.Parse reads it; a
// line after an entry's first may leave it empty, but may not give another.
// The account is named by its code, its name, or the last parts of its name
// path where the name repeats in the chart (see Names). Each line has its
// amount in debit (借方) or in credit (貸方), never both, as
// format.ParseAmount reads it: positive whole yen, grouped or not. The
// first line's memo is the entry's; a later line's memo, where it differs,
// is that line's own. The stage is 開始仕訳, 期中仕訳 (the default) or
// 整理仕訳 (see ParseStage), given on the entry's first line or on all of
// them alike.
//
// The input may be UTF-8, with or without a byte order mark, or CP932 as
// a whole. Every problem is reported at once in an *Error whose Source is
// source, each with its line, entry and column.
func ReadCSV(r io.Reader, source string, chart *account.Chart, opt Options) (*Journal, error) {
	fail := func(p Problem) error { return &Error{Source: source, Problems: []Problem{p}} }
	if chart == nil {
		return nil, fail(Problem{Source: source, Err: fmt.Errorf("%w chart", ErrMissing)})
	}
	recs, err := csvio.ReadAll(r, 0)
	if err != nil {
		return nil, fail(csvProblem(source, err))
	}
	if len(recs) == 0 {
		return nil, fail(Problem{Source: source, Line: 1, Err: fmt.Errorf("%w header line", ErrMissing)})
	}
	cols, bad := csvio.Header(recs[0], journalColumns, journalOptional)
	if len(bad) > 0 {
		return nil, headerError(source, bad)
	}
	rd := reader{source: source, names: opt.names(chart), cols: columns(cols), width: len(recs[0].Fields),
		seen: map[string]int{}, codes: map[string]string{}}
	entries := rd.entries(recs[1:])
	j, err := newJournal(chart, entries, opt, source)
	if len(rd.problems) == 0 {
		return j, err
	}
	problems := rd.problems
	if je, ok := err.(*Error); ok {
		problems = append(problems, je.Problems...)
	}
	slices.SortStableFunc(problems, func(a, b Problem) int { return a.Line - b.Line })
	return nil, &Error{Source: source, Problems: problems}
}

// A reader reads the records of a journal file into entries.
type reader struct {
	source   string
	names    *Names
	cols     [numColumns]int // field index of each column; -1 for one the file lacks
	width    int
	seen     map[string]int    // entry id → line of its first line
	codes    map[string]string // account as written → code, for files that repeat names
	problems []Problem
}

// The columns the readers know, as indexes of reader.cols.
const (
	colEntry = iota
	colDate
	colAccount
	colDebit
	colCredit
	colMemo
	colStage
	numColumns
)

var columnNames = [numColumns]string{"entry", "date", "account", "debit", "credit", "memo", "stage"}

// columns returns the field index of each known column in a header's map,
// found once rather than for every field of every line.
func columns(header map[string]int) [numColumns]int {
	var cols [numColumns]int
	for c, name := range columnNames {
		cols[c] = -1
		if i, ok := header[name]; ok {
			cols[c] = i
		}
	}
	return cols
}

// field returns the trimmed field of rec in column c, "" if the file has
// no such column.
func (rd *reader) field(rec csvio.Record, c int) string {
	if i := rd.cols[c]; i >= 0 {
		return strings.TrimSpace(rec.Fields[i])
	}
	return ""
}

func (rd *reader) report(line int, entry, column string, err error) {
	rd.problems = append(rd.problems, Problem{Source: rd.source, Line: line, Entry: entry, Column: column, Err: err})
}

// entries reads the records into entries. An entry with a problem of
// reading is left out of the entries returned, since checking it further
// would report the same problem again; its problems are in rd.problems.
func (rd *reader) entries(recs []csvio.Record) []Entry {
	var (
		out  []Entry
		cur  *Entry
		bad  bool // the current entry has a problem of reading
		prev string
	)
	flush := func() {
		if cur != nil && !bad {
			out = append(out, *cur)
		}
		cur, bad = nil, false
	}
	for _, rec := range recs {
		if len(rec.Fields) != rd.width {
			rd.report(rec.Line, "", "", fmt.Errorf("%w: number of fields: %d, where the header has %d", ErrSyntax, len(rec.Fields), rd.width))
			bad = true
			continue
		}
		id := rd.field(rec, colEntry)
		if id == "" {
			rd.report(rec.Line, "", "entry", fmt.Errorf("%w entry id: each line names its entry", ErrMissing))
			bad = true
			continue
		}
		if cur == nil || id != prev {
			flush()
			if first, dup := rd.seen[id]; dup {
				rd.report(rec.Line, id, "entry", fmt.Errorf("%w entry id (first on line %d): the lines of an entry follow one another", ErrDuplicate, first))
				bad = true
			} else {
				rd.seen[id] = rec.Line
			}
			cur = &Entry{ID: id, source: rd.source, line: rec.Line, Memo: rd.field(rec, colMemo)}
			prev = id
			if !rd.head(rec, cur) {
				bad = true
			}
		} else if !rd.continuation(rec, cur) {
			bad = true
		}
		l, ok := rd.line(rec, cur)
		if !ok {
			bad = true
		}
		cur.Lines = append(cur.Lines, l)
	}
	flush()
	return out
}

// head reads the date and stage of an entry's first line into e.
func (rd *reader) head(rec csvio.Record, e *Entry) bool {
	ok := true
	if s := rd.field(rec, colDate); s == "" {
		rd.report(rec.Line, e.ID, "date", fmt.Errorf("%w date", ErrMissing))
		ok = false
	} else if d, err := era.Parse(s); err != nil {
		rd.report(rec.Line, e.ID, "date", fmt.Errorf("%w: date %s: %w", ErrSyntax, quote.Bounded(s), err))
		ok = false
	} else {
		e.Date = d
	}
	st, err := ParseStage(rd.field(rec, colStage))
	if err != nil {
		rd.report(rec.Line, e.ID, "stage", err)
		ok = false
	}
	e.Stage = st
	return ok
}

// continuation checks that a later line of e gives its date and stage
// alike, if at all.
func (rd *reader) continuation(rec csvio.Record, e *Entry) bool {
	ok := true
	if s := rd.field(rec, colDate); s != "" {
		d, err := era.Parse(s)
		switch {
		case err != nil:
			rd.report(rec.Line, e.ID, "date", fmt.Errorf("%w: date %s: %w", ErrSyntax, quote.Bounded(s), err))
			ok = false
		case d.Compare(e.Date) != 0 && e.Date.IsValid():
			rd.report(rec.Line, e.ID, "date", fmt.Errorf("%w: date %s: the entry's first line gives %s", ErrSyntax, quote.Bounded(s), isoDate(e.Date)))
			ok = false
		}
	}
	if s := rd.field(rec, colStage); s != "" {
		st, err := ParseStage(s)
		switch {
		case err != nil:
			rd.report(rec.Line, e.ID, "stage", err)
			ok = false
		case st != e.Stage:
			rd.report(rec.Line, e.ID, "stage", fmt.Errorf("%w: stage %s: the entry's first line gives %s", ErrSyntax, st, e.Stage))
			ok = false
		}
	}
	return ok
}

// line reads the account, side, amount and memo of one line of e.
func (rd *reader) line(rec csvio.Record, e *Entry) (Line, bool) {
	l := Line{line: rec.Line}
	ok := true
	name := rd.field(rec, colAccount)
	if code, found := rd.codes[name]; found {
		l.Account = code
	} else if code, err := rd.names.Lookup(name); err != nil {
		rd.report(rec.Line, e.ID, "account", err)
		ok = false
	} else {
		rd.codes[name] = code
		l.Account = code
	}
	debit, credit := rd.field(rec, colDebit), rd.field(rec, colCredit)
	switch {
	case debit != "" && credit != "":
		rd.report(rec.Line, e.ID, "credit", fmt.Errorf("%w: an amount in both debit and credit; a line is on one side", ErrSyntax))
		return l, false
	case debit == "" && credit == "":
		rd.report(rec.Line, e.ID, "debit", fmt.Errorf("%w amount: neither debit nor credit", ErrMissing))
		return l, false
	case debit != "":
		l.Side = account.Debit
	default:
		l.Side, debit = account.Credit, credit
	}
	amount, err := format.ParseAmount(debit)
	if err != nil {
		rd.report(rec.Line, e.ID, sideColumn(l.Side), fmt.Errorf("%w: amount: %w", ErrSyntax, err))
		return l, false
	}
	l.Amount = amount
	if m := rd.field(rec, colMemo); m != e.Memo && len(e.Lines) > 0 {
		l.Memo = m
	}
	return l, ok
}

// WriteCSV writes the journal as ReadCSV reads it: the columns entry,
// date, stage, account, debit, credit and memo; dates in ISO; accounts by
// their labels (Names.Label); amounts as plain whole yen. It writes UTF-8
// with a byte order mark and CRLF line ends, which spreadsheet programs in
// Japan open correctly.
func (j *Journal) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	names := j.opt.names(j.chart)
	cw.Write([]string{"entry", "date", "stage", "account", "debit", "credit", "memo"})
	for e := range j.All() {
		for i, l := range e.Lines {
			rec := []string{e.ID, isoDate(e.Date), "", names.Label(l.Account), "", "", l.Memo}
			if i == 0 {
				rec[2], rec[6] = e.Stage.String(), e.Memo
			}
			if l.Side == account.Credit {
				rec[5] = l.Amount.String()
			} else {
				rec[4] = l.Amount.String()
			}
			cw.Write(rec)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// The columns of a file of balances.
var balanceColumns = []string{"account", "debit", "credit"}

// OpeningID is the id of the 開始仕訳 that ReadOpeningCSV makes.
const OpeningID = "開始"

// ReadOpeningCSV reads last year's closing balances from CSV and returns
// them as the 開始仕訳 of the fiscal year opt.Year: an entry with the id OpeningID,
// dated the year's first day, with one line for each account whose
// balance is not zero. The header line names the columns account, debit
// and credit, in any order and no others; then one account a line, named
// as ReadCSV names accounts, with its balance in debit (借方残高) or in
// credit (貸方残高), or 0 or nothing in both for a zero balance. An account
// given twice is an error, as is a balance in both columns. Whether the
// balances balance and name posting accounts is checked where the entry is
// added to a journal (New, Journal.With), with the lines of the file; so
// is whether the journal's options take the year's 開始仕訳 as they are.
func ReadOpeningCSV(r io.Reader, source string, chart *account.Chart, opt Options) (Entry, error) {
	fy := opt.Year
	e := Entry{ID: OpeningID, Date: fy.First(), Stage: Opening, Memo: "前年度末残高", source: source}
	fail := func(p Problem) (Entry, error) { return Entry{}, &Error{Source: source, Problems: []Problem{p}} }
	if chart == nil {
		return fail(Problem{Source: source, Err: fmt.Errorf("%w chart", ErrMissing)})
	}
	if !fy.IsValid() {
		return fail(Problem{Source: source, Err: fmt.Errorf("%w: fiscal year %d: the options give no year", ErrRange, int(fy))})
	}
	recs, err := csvio.ReadAll(r, 0)
	if err != nil {
		return fail(csvProblem(source, err))
	}
	if len(recs) == 0 {
		return fail(Problem{Source: source, Line: 1, Err: fmt.Errorf("%w header line", ErrMissing)})
	}
	cols, bad := csvio.Header(recs[0], balanceColumns, nil)
	if len(bad) > 0 {
		return Entry{}, headerError(source, bad)
	}
	rd := reader{source: source, names: opt.names(chart), cols: columns(cols), width: len(recs[0].Fields), codes: map[string]string{}}
	seen := map[string]int{}
	for _, rec := range recs[1:] {
		if len(rec.Fields) != rd.width {
			rd.report(rec.Line, "", "", fmt.Errorf("%w: number of fields: %d, where the header has %d", ErrSyntax, len(rec.Fields), rd.width))
			continue
		}
		code, err := rd.names.Lookup(rd.field(rec, colAccount))
		if err != nil {
			rd.report(rec.Line, "", "account", err)
			continue
		}
		if first, dup := seen[code]; dup {
			rd.report(rec.Line, "", "account", fmt.Errorf("%w account %s (first on line %d)", ErrDuplicate, rd.names.Label(code), first))
			continue
		}
		seen[code] = rec.Line
		var amounts [2]decimal.Decimal
		ok := true
		for i, col := range []int{colDebit, colCredit} {
			s := rd.field(rec, col)
			if s == "" {
				continue
			}
			d, err := format.ParseAmount(s)
			if err != nil {
				rd.report(rec.Line, "", columnNames[col], fmt.Errorf("%w: amount: %w", ErrSyntax, err))
				ok = false
			}
			amounts[i] = d
		}
		switch {
		case !ok:
		case !amounts[0].IsZero() && !amounts[1].IsZero():
			rd.report(rec.Line, "", "credit", fmt.Errorf("%w: a balance in both debit and credit", ErrSyntax))
		case !amounts[0].IsZero():
			e.Lines = append(e.Lines, Line{Account: code, Side: account.Debit, Amount: amounts[0], line: rec.Line})
		case !amounts[1].IsZero():
			e.Lines = append(e.Lines, Line{Account: code, Side: account.Credit, Amount: amounts[1], line: rec.Line})
		}
	}
	if len(rd.problems) > 0 {
		return Entry{}, &Error{Source: source, Problems: rd.problems}
	}
	return e, nil
}
