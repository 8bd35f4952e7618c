package fixedasset

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/internal/quote"
)

// An Account is the 勘定科目 an asset is recorded under: a line of the
// 貸借対照表 of the 統一的な基準 under 有形固定資産 or 無形固定資産. The zero
// value is no account.
type Account int

// Accounts, in the order of the 貸借対照表 (様式第1号).
const (
	BusinessLand         Account = iota + 1 // 事業用資産/土地
	BusinessTimber                          // 事業用資産/立木竹
	BusinessBuilding                        // 事業用資産/建物
	BusinessStructure                       // 事業用資産/工作物
	BusinessShip                            // 事業用資産/船舶
	BusinessBuoy                            // 事業用資産/浮標等
	BusinessAircraft                        // 事業用資産/航空機
	BusinessOther                           // 事業用資産/その他
	BusinessConstruction                    // 事業用資産/建設仮勘定
	InfraLand                               // インフラ資産/土地
	InfraBuilding                           // インフラ資産/建物
	InfraStructure                          // インフラ資産/工作物
	InfraOther                              // インフラ資産/その他
	InfraConstruction                       // インフラ資産/建設仮勘定
	Goods                                   // 物品
	Software                                // 無形固定資産/ソフトウェア
	IntangibleOther                         // 無形固定資産/その他
	numAccounts                             // one past the last account
)

// How an account's assets are depreciated.
type policy int

const (
	never    policy = iota + 1 // 土地, 立木竹, 建設仮勘定: never
	always                     // 建物, 工作物, 船舶, 浮標等, 航空機, 物品: always, unless the 耐用年数分類 is not depreciated (美術品)
	optional                   // その他: when the asset has a useful life
)

// accountInfo is what the package knows of an account.
type accountInfo struct {
	name        string // the label path printed on the 貸借対照表
	cost        string // the code of its line in the chart of the 統一的な基準
	accumulated string // the code of its 減価償却累計額 line; "" when depreciation is credited to cost
	policy      policy
	kinds       []string // the 種類 of the 耐用年数省令 whose assets it holds; nil for any
}

// accountInfos is indexed by Account. The codes are those of the chart of
// the 統一的な基準 that package statement/unified holds (its chart.csv);
// a test there checks them.
var accountInfos = [numAccounts]accountInfo{
	BusinessLand:         {"事業用資産/土地", "1111", "", never, nil},
	BusinessTimber:       {"事業用資産/立木竹", "1112", "", never, nil},
	BusinessBuilding:     {"事業用資産/建物", "1113", "1114", always, []string{"建物", "建物附属設備"}},
	BusinessStructure:    {"事業用資産/工作物", "1115", "1116", always, []string{"構築物"}},
	BusinessShip:         {"事業用資産/船舶", "1117", "1118", always, nil},
	BusinessBuoy:         {"事業用資産/浮標等", "1119", "1120", always, nil},
	BusinessAircraft:     {"事業用資産/航空機", "1121", "1122", always, nil},
	BusinessOther:        {"事業用資産/その他", "1123", "1124", optional, nil},
	BusinessConstruction: {"事業用資産/建設仮勘定", "1125", "", never, nil},
	InfraLand:            {"インフラ資産/土地", "1131", "", never, nil},
	InfraBuilding:        {"インフラ資産/建物", "1132", "1133", always, []string{"建物", "建物附属設備"}},
	InfraStructure:       {"インフラ資産/工作物", "1134", "1135", always, []string{"構築物"}},
	InfraOther:           {"インフラ資産/その他", "1136", "1137", optional, nil},
	InfraConstruction:    {"インフラ資産/建設仮勘定", "1138", "", never, nil},
	Goods:                {"物品", "1140", "1141", always, []string{"車両及び運搬具", "器具及び備品", "美術品"}},
	Software:             {"無形固定資産/ソフトウェア", "1210", "", always, []string{"ソフトウエア"}},
	IntangibleOther:      {"無形固定資産/その他", "1220", "", optional, nil},
}

// Accounts returns every account in the order of the 貸借対照表.
func Accounts() []Account {
	out := make([]Account, 0, numAccounts-1)
	for a := BusinessLand; a < numAccounts; a++ {
		out = append(out, a)
	}
	return out
}

// Valid reports whether a is one of the defined accounts.
func (a Account) Valid() bool { return a >= BusinessLand && a < numAccounts }

// String returns the account's label path as the 貸借対照表 prints it
// below 有形固定資産 or 無形固定資産, such as 事業用資産/建物 or 物品. An
// unknown account prints as %!Account(n).
func (a Account) String() string {
	if !a.Valid() {
		return fmt.Sprintf("%%!Account(%d)", int(a))
	}
	return accountInfos[a].name
}

// ParseAccount returns the account whose label path is s, such as
// インフラ資産/工作物, 物品 or 無形固定資産/ソフトウェア; the path may start
// with 有形固定資産/ for the tangible accounts. Any other text is an error
// wrapping ErrUnknown.
func ParseAccount(s string) (Account, error) {
	t := strings.TrimPrefix(s, "有形固定資産/")
	for a := BusinessLand; a < numAccounts; a++ {
		if accountInfos[a].name == t && (t == s || a.Tangible()) {
			return a, nil
		}
	}
	return 0, fmt.Errorf("%w account %s", ErrUnknown, quote.Bounded(s))
}

// Tangible reports whether a is a line of 有形固定資産, which the
// 有形固定資産の明細 lists; the others are 無形固定資産.
func (a Account) Tangible() bool { return a.Valid() && a < Software }

// Construction reports whether a is a 建設仮勘定: the cost of assets under
// construction, transferred to their account on completion.
func (a Account) Construction() bool { return a == BusinessConstruction || a == InfraConstruction }

// Depreciated reports whether assets of a may be depreciated: false for
// 土地, 立木竹 and 建設仮勘定.
func (a Account) Depreciated() bool { return a.Valid() && accountInfos[a].policy != never }

// Code returns the code of a's line in the chart of the 統一的な基準 (the
// chart of package statement/unified): 1113 for 事業用資産/建物.
func (a Account) Code() string {
	if !a.Valid() {
		return ""
	}
	return accountInfos[a].cost
}

// AccumulatedCode returns the code of a's 減価償却累計額 line in the chart
// of the 統一的な基準, 1114 for 事業用資産/建物; "" for an account without
// one: those not depreciated, and the 無形固定資産, whose 貸借対照表 shows
// them net of amortisation, so that it is credited to the asset itself.
func (a Account) AccumulatedCode() string {
	if !a.Valid() {
		return ""
	}
	return accountInfos[a].accumulated
}
