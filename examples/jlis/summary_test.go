package jlis_test

import (
	"testing"

	"github.com/koukaikei/koukaikei/examples/internal/verify"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
)

// The summary states what was checked and each published inconsistency;
// every count is the report's: 50 tables printing 1,689 figures, of which
// 22 are within rounding (the 差引 of the 事業別決算の状況, rounded from yen
// budgets the report does not print) and the 5 pins explain the others not
// reproduced, and 345 links, 2 of which the report breaks and 129 of which
// tie a 百万円 figure to the yen it rounds.
func TestVerificationSummary(t *testing.T) {
	report, err := jlis.FY2019()
	if err != nil {
		t.Fatal(err)
	}
	s, err := verify.Summarize(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range s.Verification.Unexpected() {
		t.Error(f)
	}
	pinned := s.Verification.Pinned()
	broken := 0
	for _, f := range pinned {
		if f.Kind == statement.LinkBroken {
			broken++
		}
	}
	if s.Tables != 50 || s.Figures != 1689 || s.Reproduced != 1662 || s.Within != 22 || len(pinned)-broken != 5 ||
		s.Links != 345 || s.LinksWithin != 129 || broken != 2 {
		t.Errorf("summary %+v, %d pinned, %d broken", s, len(pinned)-broken, broken)
	}
}
