package unified_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

func ExampleBuildTangibleAssets() {
	register, err := fixedasset.ReadCSV(strings.NewReader(`番号,件名,勘定科目,耐用年数分類,取得年月日,取得価額等,行政目的,除売却日,除売却事由
L-1,本庁舎用地,事業用資産/土地,,昭和60年4月1日,150000000,総務,,
B-1,本庁舎,事業用資産/建物,鉄筋コンクリート造・事務所用,平成10年4月1日,820000000,総務,,
B-2,旧保育所,事業用資産/建物,木造・学校用等,平成5年4月1日,60000000,福祉,令和5年9月30日,除却
G-1,公用車,物品,自動車,平成30年7月1日,3600000,総務,,
`), "register.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	year, err := register.Year(2023, fixedasset.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := unified.BuildTangibleAssets(year, statement.Meta{Entity: "例示市", AsOf: era.FiscalYear(2023).Last()})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := s.WriteText(os.Stdout, statement.TextOptions{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 有形固定資産の明細
	// （令和６年３月３１日現在）
	// 例示市
	// （単位：円）
	// 科目           前年度末残高  本年度増加額  本年度減少額  本年度末残高  本年度末減価償却累計額  本年度償却額  差引本年度末残高
	// 事業用資産    1,030,000,000             0    60,000,000   970,000,000             410,000,000    16,400,000       560,000,000
	// 　土地          150,000,000             0             0   150,000,000                       -             -       150,000,000
	// 　立木竹                  -             -             -             -                       -             -                 -
	// 　建物          880,000,000             0    60,000,000   820,000,000             410,000,000    16,400,000       410,000,000
	// 　工作物                  -             -             -             -                       -             -                 -
	// 　船舶                    -             -             -             -                       -             -                 -
	// 　浮標等                  -             -             -             -                       -             -                 -
	// 　航空機                  -             -             -             -                       -             -                 -
	// 　その他                  -             -             -             -                       -             -                 -
	// 　建設仮勘定              -             -             -             -                       -             -                 -
	// インフラ資産              -             -             -             -                       -             -                 -
	// 　土地                    -             -             -             -                       -             -                 -
	// 　建物                    -             -             -             -                       -             -                 -
	// 　工作物                  -             -             -             -                       -             -                 -
	// 　その他                  -             -             -             -                       -             -                 -
	// 　建設仮勘定              -             -             -             -                       -             -                 -
	// 物品              3,600,000             0             0     3,600,000               3,006,000       601,200           594,000
	// 合計          1,033,600,000             0    60,000,000   973,600,000             413,006,000    17,001,200       560,594,000
}
