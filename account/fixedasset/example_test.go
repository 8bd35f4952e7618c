package fixedasset_test

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/era"
)

func ExampleReadCSV() {
	register, err := fixedasset.ReadCSV(strings.NewReader(`番号,件名,勘定科目,耐用年数分類,取得年月日,取得価額等,行政目的
B-1,本庁舎,事業用資産/建物,鉄筋コンクリート造・事務所用,平成10年4月1日,"820,000,000",総務
L-1,本庁舎用地,事業用資産/土地,,昭和60年4月1日,"150,000,000",総務
`), "register.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, a := range register.All() {
		fmt.Println(a.ID, a.Name, a.Account, register.Life(i))
	}
	// Output:
	// B-1 本庁舎 事業用資産/建物 50
	// L-1 本庁舎用地 事業用資産/土地 0
}

func ExampleReadCSV_errors() {
	_, err := fixedasset.ReadCSV(strings.NewReader(`番号,件名,勘定科目,耐用年数,取得年月日,取得価額等,行政目的
L-1,用地,事業用資産/土地,30,平成31年5月1日,-100,総務
`), "register.csv")
	fmt.Println(err)
	// Output:
	// fixedasset: register.csv: line 2: asset "L-1": column "取得年月日": value out of range: era: parsing "平成31年5月1日": 平成 ended on 2019-04-30; line 2: asset "L-1": column "取得価額等": value out of range: "-100" is negative; line 2: asset "L-1": column "耐用年数": inconsistent: 事業用資産/土地 is not depreciated and has no 耐用年数
}

func ExampleRegister_Year() {
	register, err := fixedasset.ReadCSV(strings.NewReader(`番号,件名,勘定科目,耐用年数,取得年月日,取得価額等,行政目的
G-1,測量機器,物品,6,令和元年6月1日,3600,総務
`), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	for fy := 2019; fy <= 2026; fy++ {
		y, err := register.Year(era.FiscalYear(fy), fixedasset.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		m := y.Account(fixedasset.Goods)
		fmt.Println(y.FiscalYear(), m.Depreciation, m.Accumulated, m.Net())
	}
	// Output:
	// 令和元年度 0 0 3600
	// 令和2年度 601 601 2999
	// 令和3年度 601 1202 2398
	// 令和4年度 601 1803 1797
	// 令和5年度 601 2404 1196
	// 令和6年度 601 3005 595
	// 令和7年度 594 3599 1
	// 令和8年度 0 3599 1
}

func ExampleMovement_AgingRatio() {
	m := fixedasset.Movement{Accumulated: 608_684_889, Depreciable: 1_309_112_238}
	r, ok := m.AgingRatio(1)
	fmt.Println(r, ok)
	// Output: 46.5 true
}

func ExampleYear_Entries() {
	register, err := fixedasset.ReadCSV(strings.NewReader(`番号,件名,勘定科目,耐用年数,取得年月日,取得価額等,行政目的,除売却日,除売却事由,売却価額
B-1,本庁舎,事業用資産/建物,50,平成10年4月1日,820000000,総務,,,
G-1,公用車,物品,6,平成30年7月1日,3600000,総務,令和5年11月20日,売却,700000
`), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	year, err := register.Year(2023, fixedasset.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range year.Entries(fixedasset.EntryOptions{}) {
		fmt.Println(e.Date, e.Memo)
		for _, l := range e.Lines {
			fmt.Println(" ", l.Side, l.Account, l.Amount)
		}
	}
	// The sale's 資金仕訳 credited its 700,000 to 資産売却益 (4810): the
	// entry moves it to the asset with the 減価償却累計額, and books the
	// loss of the book value 1,195,200 over the price.

	// Output:
	// 令和5年11月20日 売却 G-1 公用車
	//   借方 1141 2404800
	//   借方 4810 700000
	//   借方 4720 495200
	//   貸方 1140 3600000
	// 令和6年3月31日 減価償却 事業用資産/建物
	//   借方 4123 16400000
	//   貸方 1114 16400000
}

func ExampleNewRegister() {
	acquired, _ := era.Parse("令和5年7月10日")
	register, err := fixedasset.NewRegister([]fixedasset.Asset{{
		ID: "G-6", Name: "消防ポンプ自動車", Account: fixedasset.Goods, Class: "消防車・救急車等",
		Acquired: acquired, Cost: 28_500_000, Purpose: fixedasset.FireService,
		Funding: fixedasset.Funding{Bonds: 20_000_000, General: 8_500_000},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	year, _ := register.Year(2023, fixedasset.Options{Method: fixedasset.Monthly})
	fmt.Println(register.Life(0), year.Line(0).Depreciation)
	// Output: 5 4275000
}

func ExampleWriteCSV() {
	register, err := fixedasset.ReadCSV(strings.NewReader(`番号,件名,勘定科目,取得年月日,取得価額等,行政目的
L-1,本庁舎用地,事業用資産/土地,S60.04.01,"150,000,000",総務
`), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := fixedasset.WriteCSV(&b, register); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n", strings.SplitAfter(b.String(), "\r\n")[1])
	// Output: "L-1,本庁舎用地,事業用資産/土地,昭和60年4月1日,150000000,総務,,,,,,,,,,,,,,,,,\r\n"
}

func ExampleLookupClass() {
	c, ok := fixedasset.LookupClass("鉄筋コンクリート造・学校用等")
	rate, _ := fixedasset.Rate(c.Life)
	fmt.Println(ok, c.Life, rate)
	fmt.Println(c.Path())
	// Output:
	// true 47 0.022
	// 建物/鉄骨鉄筋コンクリート造又は鉄筋コンクリート造のもの/住宅用、寄宿舎用、宿泊所用、学校用又は体育館用のもの
}
