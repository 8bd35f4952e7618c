package unified_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/account/conversion"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// The sample 資金仕訳変換表 turns 歳入歳出データ into 資金仕訳 on the standard
// accounts: each line its 借方 and 貸方, named as the forms print them.
func ExampleConversionTable() {
	names := unified.Names()
	records, err := conversion.ReadRecordsCSV(strings.NewReader(`番号,日付,歳入歳出,款,項,目,節,分類,金額,摘要
R-1,令和5年5月31日,歳入,地方税,町民税,個人,現年課税分,,"150,000,000",
E-1,令和5年9月20日,歳出,総務費,総務管理費,一般管理費,給料,,"120,000,000",
E-2,令和5年10月1日,歳出,教育費,社会教育費,公民館費,工事請負費,建物,"300,000,000",公民館新築
`), "budget.csv", names)
	if err != nil {
		fmt.Println(err)
		return
	}
	entries, err := unified.ConversionTable().Convert(records)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range entries {
		fmt.Printf("%s %s %s / %s %s", e.ID, e.Date, names.Label(e.Lines[0].Account), names.Label(e.Lines[1].Account), e.Lines[0].Amount)
		if e.Memo != "" {
			fmt.Print(" ", e.Memo)
		}
		fmt.Println()
	}
	// Output:
	// R-1 令和5年5月31日 税収等収入 / 税収等 150000000
	// E-1 令和5年9月20日 職員給与費 / 人件費支出 120000000
	// E-2 令和5年10月1日 事業用資産/建物 / 公共施設等整備費支出 300000000 公民館新築
}
