// Package conversion turns 歳入歳出データ — the receipts and payments of a
// body's cash-basis accounts, by 予算科目 — into 資金仕訳, through a
// 資金仕訳変換表 (conversion table) that says which 借方 and 貸方 accounts each
// 予算科目 books, as 総務省's 財務書類作成要領 makes the journal of a body that
// keeps its books by 期末一括仕訳 (要領 第56項, 第63項; 図9 歳入歳出データの
// 複式簿記への変換).
//
// A [Table] is data: rules read from CSV ([ReadTableCSV]), each a pattern of
// 予算科目 (歳入 or 歳出, and any of 款, 項, 目, 節 and 細節, blank for any)
// with its accounts. A [Record] of 歳入歳出データ ([ReadRecordsCSV]) is
// booked by the most specific rule that matches it. A 予算科目 that books
// more than one account, such as 工事請負費 (a 建物, or 維持補修費), has one
// rule for each 分類 (class), and each record of it says its class, or
// gives its accounts itself: the data decides, never the table's order or
// a guess. A record no rule matches is an error naming its 予算科目 and
// line; nothing is skipped.
package conversion

import (
	"errors"
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/internal/errs"
	"github.com/koukaikei/koukaikei/internal/problem"
	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/shopspring/decimal"
)

// Errors that a Problem wraps, for errors.Is. All but ErrUnmapped are the
// module's own: every package's sentinel of the same name is the same
// value, ErrAmbiguous that of package journal, whose names conversion
// looks accounts up by. ErrUnmapped, a 予算科目 that no rule books, is
// the one for a program to act on, by adding a rule.
var (
	// ErrSyntax means text that cannot be read: CSV that is not well
	// formed, a line with the wrong number of fields, a division, a date
	// or an amount.
	ErrSyntax = errs.ErrSyntax
	// ErrRange means an amount that is not positive whole yen.
	ErrRange = errs.ErrRange
	// ErrUnknown means a name that is not known: an account, a header
	// column, a 分類 that no rule of the 予算科目 has.
	ErrUnknown = errs.ErrUnknown
	// ErrUnmapped means a 予算科目 that no rule of the table books.
	ErrUnmapped = errors.New("unmapped")
	// ErrAmbiguous means an account name several accounts bear, or a
	// record whose 予算科目 books more than one account and that does not
	// say which.
	ErrAmbiguous = journal.ErrAmbiguous
	// ErrDuplicate means a rule given twice, or a header column.
	ErrDuplicate = errs.ErrDuplicate
	// ErrMissing means something required that is not there: a header or
	// one of its columns, a rule's accounts or 予算科目, a record's date,
	// amount or id.
	ErrMissing = errs.ErrMissing
	// ErrEncoding means input that is neither UTF-8 nor CP932.
	ErrEncoding = errs.ErrEncoding
)

// An Error lists every problem found in one source.
type Error struct {
	Source   string // the file read, if known
	Problems []Problem
}

// Error returns the source and every problem, separated by semicolons: the
// first ten, and how many more there are.
func (e *Error) Error() string {
	return problem.List("conversion", e.Source, len(e.Problems), func(i int) string { return e.Problems[i].Error() })
}

// Unwrap returns each Problem, so that errors.Is finds each sentinel.
func (e *Error) Unwrap() []error { return problem.Errors(e.Problems) }

// A Problem is one thing wrong, at one place.
type Problem struct {
	Line   int    // 1-based line in the source; 0 when not read from text
	Row    string // the 予算科目 or record it concerns, if any
	Column string // the CSV column, if any
	Err    error  // wraps one of the package's sentinels
}

// Error returns the problem with its place, as in
// line 12: unmapped 予算科目 歳出 土木費/道路橋りょう費/道路新設改良費/工事請負費: ….
func (p Problem) Error() string { return problem.Message(p.Line, "", p.Row, p.Column, p.Err) }

// Unwrap returns the problem's error.
func (p Problem) Unwrap() error { return p.Err }

// A Division is 歳入 (receipts) or 歳出 (payments). The zero value is
// neither.
type Division int

// Divisions.
const (
	Revenue     Division = iota + 1 // 歳入
	Expenditure                     // 歳出
)

// String returns 歳入 or 歳出; an unknown division prints as
// %!Division(n).
func (d Division) String() string {
	switch d {
	case Revenue:
		return "歳入"
	case Expenditure:
		return "歳出"
	}
	return fmt.Sprintf("%%!Division(%d)", int(d))
}

// parseDivision reads 歳入 or 歳出.
func parseDivision(s string) (Division, error) {
	switch s {
	case "歳入":
		return Revenue, nil
	case "歳出":
		return Expenditure, nil
	}
	return 0, fmt.Errorf("%w: 歳入歳出 %s: neither 歳入 nor 歳出", ErrSyntax, quote.Bounded(s))
}

// A Subject is a 予算科目: a division and the levels of the budget's
// classification, 款, 項, 目, 節 and, where the body uses it, 細節.
type Subject struct {
	Division Division
	Kan      string // 款
	Kou      string // 項
	Moku     string // 目
	Setsu    string // 節
	Saisetsu string // 細節
}

// levels returns the subject's levels, 款 first.
func (s Subject) levels() [5]string { return [5]string{s.Kan, s.Kou, s.Moku, s.Setsu, s.Saisetsu} }

// String returns the subject as 歳出 土木費/道路橋りょう費/道路新設改良費/工事請負費:
// its levels joined by /, a blank level as *, trailing blanks left out.
func (s Subject) String() string {
	lv := s.levels()
	n := len(lv)
	for n > 0 && lv[n-1] == "" {
		n--
	}
	parts := make([]string, n)
	for i := range n {
		parts[i] = lv[i]
		if parts[i] == "" {
			parts[i] = "*"
		}
	}
	return s.Division.String() + " " + strings.Join(parts, "/")
}

// A Rule books the records of a pattern of 予算科目.
type Rule struct {
	// Subject is the pattern: a blank level matches any.
	Subject Subject
	// Class is the 分類 of the records the rule books, for a 予算科目 that
	// books more than one account; empty for the rule of records that
	// give none.
	Class  string
	Debit  string // the code of the 借方 account
	Credit string // the code of the 貸方 account

	line int // the line of the table it was read from
}

// matches reports whether the rule's pattern matches subject s.
func (r Rule) matches(s Subject) bool {
	if r.Subject.Division != s.Division {
		return false
	}
	want, got := r.Subject.levels(), s.levels()
	for i := range want {
		if want[i] != "" && want[i] != got[i] {
			return false
		}
	}
	return true
}

// specificity orders patterns: one that gives a deeper level is more
// specific, whatever it leaves blank above (節 給料 before 款 総務費), and
// among those giving the same deepest level, the one that gives more
// levels above it: each level given counts twice the one above.
func (r Rule) specificity() int {
	n := 0
	for i, l := range r.Subject.levels() {
		if l != "" {
			n |= 1 << i
		}
	}
	return n
}

// A Table is a 資金仕訳変換表. It is immutable and safe for concurrent use.
type Table struct {
	rules []Rule
}

// Rules returns the table's rules in the order read.
func (t *Table) Rules() []Rule { return append([]Rule(nil), t.rules...) }

// A Record is one line of 歳入歳出データ: a receipt or payment on one
// 予算科目.
type Record struct {
	ID      string   // the entry id its 資金仕訳 takes
	Date    era.Date // the day of the receipt or payment
	Subject Subject
	// Class is the 分類 that chooses among the rules of a 予算科目 that
	// books more than one account; empty for none.
	Class  string
	Amount decimal.Decimal // positive whole yen
	Memo   string          // 摘要
	// Debit and Credit, when both are given, are the codes of the accounts
	// the record books, in place of the table's.
	Debit, Credit string

	source string
	line   int
}

// Convert returns the 資金仕訳 of records: for each, an entry of one 借方
// and one 貸方 line of its amount, on the accounts of its own Debit and
// Credit if it gives them, or of the rule that books it: among the rules
// whose pattern matches its 予算科目, those of the most specific pattern,
// and among them the rule of its 分類. The entry has the record's id, date
// and 摘要 and is a 期中仕訳; for records read from a file, the problems a
// journal finds in it name the file and line.
//
// Every record that cannot be booked is reported in an *Error: one that no
// rule matches (ErrUnmapped), one whose 予算科目 books several accounts and
// that gives no 分類 (ErrAmbiguous, listing the classes), one whose 分類
// its 予算科目 lacks (ErrUnknown).
func (t *Table) Convert(records []Record) ([]journal.Entry, error) {
	var (
		entries  []journal.Entry
		problems []Problem
		source   string
	)
	for _, rec := range records {
		source = rec.source
		debit, credit := rec.Debit, rec.Credit
		if debit == "" || credit == "" {
			r, err := t.rule(rec)
			if err != nil {
				problems = append(problems, Problem{Line: rec.line, Err: err})
				continue
			}
			debit, credit = r.Debit, r.Credit
		}
		e := journal.NewEntry(rec.ID, rec.Date, journal.Regular, rec.Memo,
			journal.Debit(debit, rec.Amount), journal.Credit(credit, rec.Amount))
		if rec.line > 0 {
			e = e.At(rec.source, rec.line)
		}
		entries = append(entries, e)
	}
	if len(problems) > 0 {
		return nil, &Error{Source: source, Problems: problems}
	}
	return entries, nil
}

// rule returns the rule that books rec.
func (t *Table) rule(rec Record) (Rule, error) {
	best := -1
	var candidates []Rule
	for _, r := range t.rules {
		if !r.matches(rec.Subject) {
			continue
		}
		switch s := r.specificity(); {
		case s > best:
			best, candidates = s, []Rule{r}
		case s == best:
			candidates = append(candidates, r)
		}
	}
	if len(candidates) == 0 {
		return Rule{}, fmt.Errorf("%w 予算科目 %s: no rule of the 資金仕訳変換表 books it", ErrUnmapped, rec.Subject)
	}
	var classes []string
	for _, r := range candidates {
		if r.Class == rec.Class {
			return r, nil
		}
		if r.Class != "" {
			classes = append(classes, r.Class)
		}
	}
	if rec.Class == "" {
		return Rule{}, fmt.Errorf("%w 予算科目 %s: it books more than one account; give the 分類 (%s) or the record's 借方 and 貸方",
			ErrAmbiguous, rec.Subject, strings.Join(classes, ", "))
	}
	return Rule{}, fmt.Errorf("%w 分類 %s of 予算科目 %s: its rules have %s", ErrUnknown, quote.Bounded(rec.Class), rec.Subject, strings.Join(classes, ", "))
}
