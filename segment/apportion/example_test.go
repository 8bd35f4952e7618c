package apportion_test

import (
	"fmt"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment/apportion"
	"github.com/shopspring/decimal"
)

// Divide divides a total over weights in whole units.
func ExampleDivide() {
	populations := []decimal.Decimal{decimal.NewFromInt(1955457), decimal.NewFromInt(258948), decimal.NewFromInt(116529)}
	shares, err := apportion.Divide(decimal.NewFromInt(1398758000), populations, decimal.NewFromInt(1000), apportion.Webster)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range shares {
		fmt.Println(format.Amount(s))
	}
	// Output:
	// 1,173,440,000
	// 155,391,000
	// 69,927,000
}
