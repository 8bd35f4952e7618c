package apportion_test

import (
	"errors"
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

// PerUnit applies a rate per person, rounded to whole units of 1,000 円.
func ExamplePerUnit() {
	populations := []decimal.Decimal{decimal.NewFromInt(1955457), decimal.NewFromInt(258948)}
	shares, err := apportion.PerUnit(populations, decimal.RequireFromString("0.6"), decimal.NewFromInt(1000), format.HalfUp)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range shares {
		fmt.Println(format.Amount(s))
	}
	// Output:
	// 1,173,000
	// 155,000
}

// An *Error names the weight at fault and wraps one of the package's
// sentinels.
func ExampleError() {
	_, err := apportion.Divide(decimal.NewFromInt(10), []decimal.Decimal{decimal.NewFromInt(3), decimal.NewFromInt(-1)}, decimal.NewFromInt(1), apportion.Webster)
	var e *apportion.Error
	fmt.Println(errors.As(err, &e), e.Index, errors.Is(err, apportion.ErrRange))
	fmt.Println(err)
	// Output:
	// true 1 true
	// apportion: weight 1: value out of range: "-1" is negative
}
