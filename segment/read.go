package segment

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// ReadEntriesCSV reads elimination entries from CSV: a header line naming
// the columns entry, side, account and amount, and optionally memo, and no
// others (a misspelt column is an error, not ignored); then one line for
// each line of an entry. Lines with the same entry name form one entry, in
// the order they first appear; its memo is the first one given. Every line
// must name its entry: a line without a name is an error, since which entry
// it belongs to cannot be told, and an entry of its own would be one line,
// which never balances. The side is 借方 or 貸方 (debit or credit); amounts
// are read as format.ParseAmount reads them.
//
// Every problem is reported in one *Error whose Source is source (a file
// name, say), each Problem with its line. Whether the entries balance is
// checked when they are used. An error reading r is returned as it is,
// wrapped.
func ReadEntriesCSV(r io.Reader, source string) ([]Entry, error) {
	recs, err := csvio.ReadAll(r, 0)
	if ce := (*csvio.Error)(nil); errors.As(err, &ce) {
		return nil, errorOf(source, []Problem{{Line: ce.Line, Err: ce.Err}})
	} else if err != nil {
		return nil, fmt.Errorf("segment: %s: %w", source, err)
	}
	if len(recs) == 0 {
		return nil, errorOf(source, []Problem{{Err: fmt.Errorf("%w: no header line", ErrMissing)}})
	}
	cols, bad := csvio.Header(recs[0], []string{"entry", "side", "account", "amount"}, []string{"memo"})
	if len(bad) > 0 {
		problems := make([]Problem, len(bad))
		for i, e := range bad {
			problems[i] = Problem{Line: e.Line, Column: e.Column, Err: e.Err}
		}
		return nil, errorOf(source, problems)
	}
	var problems []Problem
	var (
		entries []Entry
		index   = map[string]int{}
	)
	for _, rec := range recs[1:] {
		field := func(name string) string {
			if i, ok := cols[name]; ok {
				return strings.TrimSpace(rec.Fields[i])
			}
			return ""
		}
		if len(rec.Fields) != len(recs[0].Fields) {
			problems = append(problems, Problem{Line: rec.Line, Err: fmt.Errorf("%w: %d fields, the header has %d", ErrSyntax, len(rec.Fields), len(recs[0].Fields))})
			continue
		}
		name := field("entry")
		fail := func(column string, err error) {
			problems = append(problems, Problem{Line: rec.Line, Row: name, Column: column, Err: err})
		}
		if name == "" {
			fail("entry", fmt.Errorf("%w: the name of the entry the line belongs to", ErrMissing))
			continue
		}
		var l Line
		switch side := field("side"); side {
		case "借方", "debit":
			l.Side = account.Debit
		case "貸方", "credit":
			l.Side = account.Credit
		default:
			fail("side", fmt.Errorf("%w: %s is neither 借方 nor 貸方", ErrSyntax, quote.Bounded(side)))
			continue
		}
		l.Account = field("account")
		amount := field("amount")
		if l.Amount, err = format.ParseAmount(amount); err != nil {
			// Not err itself: its message would quote all of a huge cell.
			reason := "not an amount"
			if fe := (*format.ParseError)(nil); errors.As(err, &fe) {
				reason = fmt.Sprintf("%s at offset %d", fe.Reason, fe.Offset)
			}
			fail("amount", fmt.Errorf("%w: %s: %s", ErrSyntax, quote.Bounded(amount), reason))
			continue
		}
		i, ok := index[name]
		if !ok {
			i = len(entries)
			index[name] = i
			entries = append(entries, Entry{Name: name, Memo: field("memo")})
		}
		entries[i].Lines = append(entries[i].Lines, l)
	}
	if err := errorOf(source, problems); err != nil {
		return nil, err
	}
	return entries, nil
}
