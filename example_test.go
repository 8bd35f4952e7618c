package koukaikei_test

import (
	"fmt"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// Figures are exact yen amounts; a Formatter shows them as a document does.
// Here the 決算の概要 of J-LIS prints the yen 資産合計 of its 決算報告書 in
// 百万円, and the cash-flow statement prints a payment with a spaced △.
func Example() {
	assets, err := format.ParseAmount("53,429,604,577")
	if err != nil {
		fmt.Println(err)
		return
	}
	summary := format.Formatter{Unit: format.Million, Suffix: true}
	fmt.Println(summary.Format(assets))

	cashFlow := format.Formatter{SignSpace: true}
	fmt.Println(cashFlow.Format(decimal.NewFromInt(-2286666903)))
	// Output:
	// 53,430百万円
	// △ 2,286,666,903
}
