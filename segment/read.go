package segment

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// ReadEliminationsCSV reads eliminations from CSV: a header line naming
// the columns elimination, side, row and amount, and optionally memo,
// kind, statement, column and member, and no others (a misspelt column is
// an error, not ignored); then one line for each line of an elimination:
//
//	elimination,kind,memo,statement,row,column,member,side,amount
//	E1,内部取引,他会計への繰出金,pl,経常収益/その他,,下水道事業会計,借方,100
//	E1,,,pl,他会計への繰出金,,,貸方,100
//	E4,内部取引,未払金と未収金,bs,未払金,,,借方,100
//	E4,,,bs,未収金,,下水道事業会計,貸方,98
//	E4,,,bs,流動資産/その他,,,差額,
//
// Lines with the same elimination name form one elimination, in the
// order they first appear; its memo and kind are the first given, and a
// kind that another line contradicts is an error. Every line must name its
// elimination: a line without a name is an error, since which one it
// belongs to cannot be told, and an elimination of its own would be one
// line, which never balances. The side is 借方 or 貸方 (debit or credit),
// or 差額 (difference) for the row that takes what the debits and credits
// differ by (Elimination.Reconcile), whose amount is left empty; row is a
// key or a label path (see Line); kind is as ParseEliminationKind reads
// it; amounts are read as format.ParseAmount reads them.
//
// Every problem is reported in one *Error whose Source is source (a file
// name, say), each Problem with its line. Whether rows exist and the
// eliminations balance is checked when they are used. An error reading r
// is returned as it is, wrapped.
func ReadEliminationsCSV(r io.Reader, source string) ([]Elimination, error) {
	recs, err := csvio.ReadAll(r, 0)
	if ce := (*csvio.Error)(nil); errors.As(err, &ce) {
		return nil, errorOf(source, []Problem{{Line: ce.Line, Err: ce.Err}})
	} else if err != nil {
		return nil, fmt.Errorf("segment: %s: %w", source, err)
	}
	if len(recs) == 0 {
		return nil, errorOf(source, []Problem{{Err: fmt.Errorf("%w: no header line", ErrMissing)}})
	}
	cols, bad := csvio.Header(recs[0], []string{"elimination", "side", "row", "amount"}, []string{"memo", "kind", "statement", "column", "member"})
	if len(bad) > 0 {
		problems := make([]Problem, len(bad))
		for i, e := range bad {
			problems[i] = Problem{Line: e.Line, Column: e.Column, Err: e.Err}
		}
		return nil, errorOf(source, problems)
	}
	var problems []Problem
	var (
		eliminations []Elimination
		index        = map[string]int{}
		kinds        = map[string]EliminationKind{} // elimination → the kind first given
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
		name := field("elimination")
		fail := func(column string, err error) {
			problems = append(problems, Problem{Line: rec.Line, Row: name, Column: column, Err: err})
		}
		if name == "" {
			fail("elimination", fmt.Errorf("%w: the name of the elimination the line belongs to", ErrMissing))
			continue
		}
		if k := field("kind"); k != "" {
			kind, err := ParseEliminationKind(k)
			if first, ok := kinds[name]; err == nil && ok && first != kind {
				err = fmt.Errorf("%w: kind %s, where an earlier line of the elimination says %s", ErrSyntax, kind, first)
			}
			if err != nil {
				fail("kind", err)
				continue
			}
			kinds[name] = kind
		}
		l := Line{Row: field("row"), Statement: field("statement"), Column: field("column"), Member: field("member")}
		if l.Row == "" {
			fail("row", fmt.Errorf("%w: the row the line moves", ErrMissing))
			continue
		}
		amount := field("amount")
		var err error
		difference := false
		switch side := field("side"); side {
		case "借方", "debit":
			l.Side = account.Debit
		case "貸方", "credit":
			l.Side = account.Credit
		case "差額", "difference":
			difference = true
		default:
			fail("side", fmt.Errorf("%w: %s is none of 借方, 貸方 and 差額", ErrSyntax, quote.Bounded(side)))
			continue
		}
		switch {
		case difference && amount != "":
			fail("amount", fmt.Errorf("%w: the 差額 line's amount is derived: leave it empty", ErrSyntax))
			continue
		case !difference:
			if l.Amount, err = format.ParseAmount(amount); err != nil {
				// Not err itself: its message would quote all of a huge cell.
				reason := "not an amount"
				if fe := (*format.ParseError)(nil); errors.As(err, &fe) {
					reason = fmt.Sprintf("%s at offset %d", fe.Reason, fe.Offset)
				}
				fail("amount", fmt.Errorf("%w: %s: %s", ErrSyntax, quote.Bounded(amount), reason))
				continue
			}
		}
		i, ok := index[name]
		if !ok {
			i = len(eliminations)
			index[name] = i
			eliminations = append(eliminations, Elimination{Name: name, Memo: field("memo")})
		}
		e := &eliminations[i]
		e.Memo = cmp.Or(e.Memo, field("memo"))
		e.Kind = kinds[name]
		switch {
		case difference && !e.Reconcile.IsZero():
			fail("side", fmt.Errorf("%w: a second 差額 line", ErrDuplicate))
		case difference:
			e.Reconcile = l
		default:
			e.Lines = append(e.Lines, l)
		}
	}
	if err := errorOf(source, problems); err != nil {
		return nil, err
	}
	return eliminations, nil
}
