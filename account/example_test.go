package account_test

import (
	"errors"
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
`), "chart.csv")
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

func ExampleError() {
	_, err := account.ReadCSV(strings.NewReader(`code,name,category,parent
2110,未払金,負債,2100
2110,未払金,負債,2100
`), "chart.csv")
	fmt.Println(err)
	fmt.Println(errors.Is(err, account.ErrDuplicate))
	// Output:
	// account: chart.csv: line 2: account "2110": unknown parent "2100"; line 3: account "2110": duplicate code (first on line 2)
	// true
}

func ExampleAccount_NormalSide() {
	chart, err := account.ReadCSV(strings.NewReader(`code,name,category,parent,contra
1210,建物,資産,,
1290,減価償却累計額,資産,,true
`), "chart.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for a := range chart.All() {
		fmt.Println(a.Name, a.Category, a.NormalSide())
	}
	// Output:
	// 建物 資産 借方
	// 減価償却累計額 資産 貸方
}

func ExampleReadJSON() {
	_, err := account.ReadJSON(strings.NewReader(`[
  {"code": "1100", "name": "流動資産", "category": "資産"},
  {"code": "1110", "name": "現金及び預金", "category": "資産", "parnet": "1100"}
]`), "chart.json")
	fmt.Println(err)
	// Output:
	// account: chart.json: line 3: column "parnet": unknown member
}

func ExampleSide_Sign() {
	// An elimination entry 未払金 845,938 / 未収金 845,938 reduces both.
	fmt.Println(account.Debit.Sign(account.Liability), account.Credit.Sign(account.Asset))
	// Output: -1 -1
}
