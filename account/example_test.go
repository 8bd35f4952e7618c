package account_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/account"
)

func ExampleReadCSV() {
	chart, err := account.ReadCSV(strings.NewReader(`code,name,category,parent
1200,固定資産,資産,
1210,有形固定資産,資産,1200
1214,リース資産,資産,1210
1220,無形固定資産,資産,1200
1223,リース資産,資産,1220
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range chart.Path("1223") {
		fmt.Println(a.Code, a.Name, a.Category, a.Category.NormalSide())
	}
	// Output:
	// 1200 固定資産 資産 借方
	// 1220 無形固定資産 資産 借方
	// 1223 リース資産 資産 借方
}

func ExampleChartError() {
	_, err := account.ReadCSV(strings.NewReader(`code,name,category,parent
2110,未払金,負債,2100
2110,未払金,負債,2100
`))
	fmt.Println(err)
	// Output:
	// account: line 2: account "2110": unknown parent "2100"; line 3: account "2110": duplicate code (first on line 2)
}

func ExampleSide_Sign() {
	// An elimination entry 未払金 845,938 / 未収金 845,938 reduces both.
	fmt.Println(account.Debit.Sign(account.Liability), account.Credit.Sign(account.Asset))
	// Output: -1 -1
}
