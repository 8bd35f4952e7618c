package statementtest_test

import (
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/statementtest"
)

// costs is a 千円 statement: 経常費用 = 人件費 + 物件費.
var costs = &statement.Form{Title: "行政コスト計算書",
	Columns: []statement.Column{{Name: "金額", Kind: statement.Input}},
	Rows: []statement.Row{
		{Key: "4110", Kind: statement.Item, Label: "人件費", Indent: 1},
		{Key: "4120", Kind: statement.Item, Label: "物件費", Indent: 1},
		{Key: "4000", Kind: statement.Subtotal, Label: "経常費用"},
	},
}

func TestConsistentRounded(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want []string
	}{
		// 5,646,754 + 14,706,954 = 20,353,708: printed 20,353,709, 1 千円
		// more, which two figures rounded on their own allow.
		{"within rounding", "科目,金額\n人件費,5646754\n物件費,14706954\n経常費用,20353709\n", nil},
		// Printed 20,353,713, 5 千円 more: the terms stand for at most
		// 20,353,708,998 yen, the total for at least 20,353,712,500:
		// 3,502 yen beyond rounding.
		{"off by 5 千円", "科目,金額\n人件費,5646754\n物件費,14706954\n経常費用,20353713\n",
			[]string{"行政コスト計算書: 経常費用 金額: 4110+4120: got 20,353,708千円, want 20,353,713千円 (off by 3,502円 beyond rounding)"}},
	}
	for _, tt := range tests {
		s, err := statement.ReadCSV(strings.NewReader(tt.csv), costs, statement.ReadOptions{
			Meta: statement.Meta{Unit: format.Thousand, Rounding: format.HalfUp}})
		if err != nil {
			t.Fatal(err)
		}
		var r recorder
		ok := statementtest.ConsistentRounded(&r, s)
		if ok != (tt.want == nil) || strings.Join(r.errs, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: ConsistentRounded = %v, reported %q; want %q", tt.name, ok, r.errs, tt.want)
		}
	}
}
