package conversion_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/conversion"
	"github.com/koukaikei/koukaikei/account/journal"
)

func ExampleTable_Convert() {
	chart, _ := account.ReadCSV(strings.NewReader(`code,name,category,parent
1113,建物,asset,
4122,維持補修費,expense,
7112,物件費等支出,outflow,
7610,公共施設等整備費支出,outflow,
`), "chart.csv")
	names := journal.NewNames(chart)
	table, err := conversion.ReadTableCSV(strings.NewReader(`歳入歳出,款,項,目,節,分類,借方,貸方
歳出,,,,工事請負費,建物,建物,公共施設等整備費支出
歳出,,,,工事請負費,維持補修,維持補修費,物件費等支出
`), "map.csv", names)
	if err != nil {
		fmt.Println(err)
		return
	}
	records, err := conversion.ReadRecordsCSV(strings.NewReader(`番号,日付,歳入歳出,款,項,目,節,分類,金額,摘要
E-1,令和5年10月2日,歳出,土木費,道路橋りょう費,道路維持費,工事請負費,維持補修,"1,200,000",市道補修
E-2,令和5年12月1日,歳出,総務費,総務管理費,財産管理費,工事請負費,建物,"30,000,000",倉庫新築
E-3,令和6年1月15日,歳出,総務費,総務管理費,財産管理費,工事請負費,,"500,000",
`), "budget.csv", names)
	if err != nil {
		fmt.Println(err)
		return
	}
	entries, err := table.Convert(records[:2])
	for _, e := range entries {
		fmt.Println(e.ID, e.Date, e.Lines[0].Account, "/", e.Lines[1].Account, e.Lines[0].Amount, e.Memo)
	}
	_, err = table.Convert(records)
	fmt.Println(err)
	// Output:
	// E-1 令和5年10月2日 4122 / 7112 1200000 市道補修
	// E-2 令和5年12月1日 1113 / 7610 30000000 倉庫新築
	// conversion: budget.csv: line 4: ambiguous 予算科目 歳出 総務費/総務管理費/財産管理費/工事請負費: it books more than one account; give the 分類 (建物, 維持補修) or the record's 借方 and 貸方
}
