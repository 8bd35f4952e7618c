package segment

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
)

// ReadEntriesCSV reads elimination entries from CSV: a header line naming
// the columns entry, side, account and amount, and optionally memo; then
// one line for each line of an entry. Lines with the same entry name form
// one entry, in the order they first appear; its memo is the first one
// given. The side is 借方 or 貸方 (debit or credit); amounts are read as
// format.ParseAmount reads them.
//
// Errors name the line; they are joined when there are several. Whether
// the entries balance is checked when they are used.
func ReadEntriesCSV(r io.Reader) ([]Entry, error) {
	recs, err := csvio.ReadAll(r, 0)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	if len(recs) == 0 {
		return nil, errors.New("segment: entries: no header line")
	}
	cols, err := csvio.Header(recs[0], "entry", "side", "account", "amount")
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	var (
		entries []Entry
		index   = map[string]int{}
		errs    []error
	)
	for _, rec := range recs[1:] {
		fail := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("segment: line %d: %s", rec.Line, fmt.Sprintf(format, args...)))
		}
		if len(rec.Fields) != len(recs[0].Fields) {
			fail("%d fields, the header has %d", len(rec.Fields), len(recs[0].Fields))
			continue
		}
		field := func(name string) string {
			if i, ok := cols[name]; ok {
				return strings.TrimSpace(rec.Fields[i])
			}
			return ""
		}
		var l Line
		switch field("side") {
		case "借方", "debit":
			l.Side = account.Debit
		case "貸方", "credit":
			l.Side = account.Credit
		default:
			fail("side %q is neither 借方 nor 貸方", field("side"))
			continue
		}
		l.Account = field("account")
		if l.Amount, err = format.ParseAmount(field("amount")); err != nil {
			fail("%v", err)
			continue
		}
		name := field("entry")
		i, ok := index[name]
		if !ok {
			i = len(entries)
			index[name] = i
			entries = append(entries, Entry{Memo: field("memo")})
		}
		entries[i].Lines = append(entries[i].Lines, l)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return entries, nil
}
