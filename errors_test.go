package koukaikei_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/conversion"
	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/segment/apportion"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/segment/localcode"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// A condition that several packages report is one sentinel across the
// module: each package's sentinel of a name is the same value.
func TestSentinelsAreShared(t *testing.T) {
	for name, same := range map[string][]error{
		"ErrSyntax": {format.ErrSyntax, era.ErrSyntax, account.ErrSyntax, journal.ErrSyntax, conversion.ErrSyntax,
			fixedasset.ErrSyntax, statement.ErrSyntax, unified.ErrSyntax, segment.ErrSyntax, consolidate.ErrSyntax,
			localcode.ErrSyntax},
		"ErrRange": {format.ErrRange, era.ErrRange, account.ErrRange, journal.ErrRange, conversion.ErrRange,
			fixedasset.ErrRange, statement.ErrRange, segment.ErrRange, consolidate.ErrRange, apportion.ErrRange},
		"ErrUnknown": {account.ErrUnknown, journal.ErrUnknown, conversion.ErrUnknown, fixedasset.ErrUnknown,
			statement.ErrUnknown, unified.ErrUnknown, segment.ErrUnknown, consolidate.ErrUnknown, apportion.ErrUnknown},
		"ErrDuplicate": {account.ErrDuplicate, journal.ErrDuplicate, conversion.ErrDuplicate, fixedasset.ErrDuplicate,
			statement.ErrDuplicate, segment.ErrDuplicate, consolidate.ErrDuplicate},
		"ErrMissing": {account.ErrMissing, journal.ErrMissing, conversion.ErrMissing, fixedasset.ErrMissing,
			statement.ErrMissing, unified.ErrMissing, segment.ErrMissing, consolidate.ErrMissing, apportion.ErrMissing},
		"ErrCycle": {account.ErrCycle, statement.ErrCycle},
		"ErrEncoding": {account.ErrEncoding, journal.ErrEncoding, conversion.ErrEncoding, fixedasset.ErrEncoding,
			statement.ErrEncoding, segment.ErrEncoding, consolidate.ErrEncoding},
		"ErrForm":       {unified.ErrForm, segment.ErrForm, consolidate.ErrForm},
		"ErrUnbalanced": {journal.ErrUnbalanced, ledger.ErrUnbalanced, segment.ErrUnbalanced, consolidate.ErrUnbalanced},
		"ErrAmbiguous":  {journal.ErrAmbiguous, conversion.ErrAmbiguous},
	} {
		for i, err := range same[1:] {
			if err != same[0] {
				t.Errorf("%s: sentinel %d (%v) is not the first (%v)", name, i+1, err, same[0])
			}
		}
	}
}

// errors.Is finds a condition in an error that one package raised and
// another passed on, whichever package's sentinel it is given.
func TestErrorsCrossPackages(t *testing.T) {
	form := &statement.Form{Title: "貸借対照表", Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "1110", Kind: statement.Item, Label: "現金及び預金"}}}
	_, badFigure := statement.ReadCSV(strings.NewReader("科目,金額\n現金及び預金,1,2,3x\n"), form, statement.ReadOptions{})
	_, badFigureQuoted := statement.ReadCSV(strings.NewReader("科目,金額\n現金及び預金,\"1,2,3x\"\n"), form, statement.ReadOptions{})
	_, tooLong := statement.ReadCSV(strings.NewReader("科目,金額\n現金及び預金,"+strings.Repeat("9", format.MaxDigits+1)+"\n"), form, statement.ReadOptions{})
	_, entries := segment.ReadEliminationsCSV(strings.NewReader("elimination,side,row,amount\n1,借方,\xff,1\n"), "eliminations.csv")
	_, weight := apportion.Divide(decimal.NewFromInt(1000), []decimal.Decimal{decimal.NewFromInt(-1)}, decimal.NewFromInt(1), apportion.Webster)
	_, chart := account.ReadCSV(strings.NewReader("code,name,category,parent,parent\n"), "chart.csv")
	tests := []struct {
		name string
		err  error
		is   []error
	}{
		{"a field count", badFigure, []error{statement.ErrSyntax, format.ErrSyntax, segment.ErrSyntax}},
		{"a figure statement cannot read", badFigureQuoted, []error{statement.ErrSyntax, format.ErrSyntax, era.ErrSyntax}},
		{"a figure of too many digits", tooLong, []error{statement.ErrRange, format.ErrRange, apportion.ErrRange}},
		{"entries in neither encoding", entries, []error{segment.ErrEncoding, statement.ErrEncoding, account.ErrEncoding}},
		{"a negative weight", weight, []error{apportion.ErrRange, statement.ErrRange, consolidate.ErrRange}},
		{"a header column twice", chart, []error{account.ErrDuplicate, statement.ErrDuplicate, segment.ErrDuplicate}},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		for _, target := range tt.is {
			if !errors.Is(tt.err, target) {
				t.Errorf("%s: errors.Is(%v, %v) is false", tt.name, tt.err, target)
			}
		}
	}
}
