// Package statementtest checks statements in tests: a user's own go test
// compares the statements their program builds with the ones they
// published, cell by cell, as net/http/httptest serves a handler under test.
//
// It uses github.com/google/go-cmp for its reports, which is meant for
// tests only; production code compares statements with statement.Compare.
package statementtest

import (
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/koukaikei/koukaikei/statement"
)

// TB is the part of testing.TB that the package uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Equal reports, through t, every cell in which got differs from want, by
// row label and column (see statement.Compare), followed by the two
// statements' printed rows as a diff. It reports nothing when they agree.
func Equal(t TB, got, want *statement.Statement) bool {
	t.Helper()
	diffs := statement.Compare(got, want)
	if len(diffs) == 0 {
		return true
	}
	for _, d := range diffs {
		t.Errorf("%s", d)
	}
	t.Errorf("%s mismatch (-want +got):\n%s", title(want), Diff(got, want))
	return false
}

// Consistent reports, through t, every printed total of s that its form's
// formulas do not give from the printed figures (see Statement.Verify).
func Consistent(t TB, s *statement.Statement) bool {
	t.Helper()
	vs := s.Verify()
	for _, v := range vs {
		t.Errorf("%s", v)
	}
	return len(vs) == 0
}

// Book reports, through t, every unexpected finding of the published book
// want (see statement.Book.Verify): each statement of got, built from the
// item figures, compared with want's of the same id, then links checked on
// want, allowing only what pins expects; a stale pin is reported too. A
// nil got verifies the identities of want's own statements instead. Book
// reports each finding by its String, and nothing when all is as expected.
func Book(t TB, got, want *statement.Book, links []statement.Link, pins []statement.Pin) bool {
	t.Helper()
	u := want.Verify(statement.VerifyOptions{Built: got, Links: links, Pins: pins}).Unexpected()
	for _, f := range u {
		t.Errorf("%s", f)
	}
	return len(u) == 0
}

// title names s in reports: its form number and title.
func title(s *statement.Statement) string {
	return strings.TrimSpace(s.Form().Number + " " + s.Form().Title)
}

// A line is a printed row, as Diff compares it.
type line struct {
	Label  string
	Values []string
}

// Diff returns the printed rows of want and got as a go-cmp diff, with
// figures as want prints them; "" when they print the same.
func Diff(got, want *statement.Statement) string {
	return cmp.Diff(lines(want), lines(got))
}

func lines(s *statement.Statement) []line {
	var out []line
	f, show := s.Form(), s.Meta().Formatter()
	for _, row := range f.Rows {
		if row.Hidden {
			continue
		}
		l := line{Label: row.Label}
		for _, col := range f.Columns {
			if c, ok := s.Cell(row.Key, col.Name); ok && row.Kind != statement.Header {
				l.Values = append(l.Values, show.FormatCell(c))
			} else if text, ok := s.Text(row.Key, col.Name); ok {
				l.Values = append(l.Values, text)
			} else {
				l.Values = append(l.Values, "")
			}
		}
		out = append(out, l)
	}
	return out
}
