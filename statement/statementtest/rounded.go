package statementtest

import (
	"github.com/koukaikei/koukaikei/statement"
)

// ConsistentRounded reports, through t, every identity of s that no exact
// figures can satisfy, each printed figure standing for the yen it may
// have been rounded from as s's Meta states (Unit and Rounding, given when
// the statement is read: statement.ReadOptions.Meta): the row by label and
// column, and the excess beyond rounding (see Statement.VerifyRounded),
// with the certificate that proves it when the identity fails only
// together with others; and every identity left undecided.
// Totals that differ from their printed terms only as rounding allows pass.
// A figure it cannot read as whole yen is reported too.
func ConsistentRounded(t TB, s *statement.Statement) bool {
	t.Helper()
	v, err := s.VerifyRounded()
	if err != nil {
		t.Errorf("%v", err)
		return false
	}
	ok := true
	for _, f := range v.Findings {
		switch {
		case f.Verdict == statement.Undecided:
			t.Errorf("%s", f)
			ok = false
		case f.Verdict == statement.Violation && f.Certificate != nil && (len(f.Certificate.Identities) > 1 || f.Certificate.Split != nil):
			t.Errorf("%s\n%s", f, f.Certificate)
			ok = false
		case f.Verdict == statement.Violation:
			t.Errorf("%s", f)
			ok = false
		}
	}
	return ok
}

// BookRounded is Book under rounding (statement.Book.VerifyRounded): the
// statements printed in 千円 or 百万円 are judged with each figure standing
// for the yen it may be rounded from, jointly with the links, so that a
// 百万円 summary linked to the 円 statement it rounds passes, and what only
// rounding explains is not reported. A book that cannot be verified under
// rounding is reported too.
func BookRounded(t TB, got, want *statement.Book, links []statement.Link, pins []statement.Pin) bool {
	t.Helper()
	v, err := want.VerifyRounded(statement.VerifyOptions{Built: got, Links: links, Pins: pins})
	if err != nil {
		t.Errorf("%v", err)
		return false
	}
	ok := true
	for _, f := range v.Unexpected() {
		t.Errorf("%s", f)
		ok = false
	}
	return ok
}
