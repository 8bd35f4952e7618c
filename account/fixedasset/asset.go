package fixedasset

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// An Asset is one line of the 固定資産台帳: one asset, or one lot recorded
// together, from its acquisition to its disposal. Amounts are whole yen.
//
// Depreciation is not recorded: the register computes it from the cost,
// the useful life and the dates (see Register.Year), so that the books
// and the schedules agree with the rules by construction.
type Asset struct {
	ID      string  // 番号: unique in the register
	Name    string  // 件名: the asset as staff know it, such as 本庁舎
	Account Account // 勘定科目

	// Class is the 耐用年数分類 (構造・用途), a Class's Name or Path, or ""
	// when the asset has none: land, or a useful life given on its own.
	Class string
	// Life is the 耐用年数 in years. 0 takes the Class's life; an asset
	// that is not depreciated has none. A life other than its Class's,
	// or over 100 years, needs a LifeReason.
	Life       int
	LifeReason string // 耐用年数の理由: why Life differs from the 省令's

	Acquired  era.Date        // 取得年月日
	Cost      int64           // 取得価額等, at least 1 and at most MaxCost
	Quantity  decimal.Decimal // 数量: 面積 for land, number for goods; zero when not recorded
	Unit      string          // 単位 of Quantity, such as ㎡ or 台
	Location  string          // 所在地
	Purpose   Purpose         // 行政目的
	Valuation Valuation       // 評価方法
	Funding   Funding         // 財源
	Lease     bool            // リース区分: a lease recorded as an asset

	// Acquisition is how the asset came (取得事由). An asset named as the
	// TransferTo of a 建設仮勘定 came by its 振替 in any case.
	Acquisition Acquisition

	// TransferTo is, for a 建設仮勘定, the ID of the asset it became on
	// completion (振替先); Disposed is then the day of the 振替 and the
	// completed asset's Acquired.
	TransferTo string

	Disposed era.Date // 除売却日; the zero Date while the asset is held
	Disposal Disposal // 除売却事由; set when Disposed is
	Proceeds int64    // 売却価額 of an asset Sold
	Note     string   // 備考
}

// MaxCost is the largest cost the register accepts, 1,000兆円: a bound
// that keeps every product of the arithmetic exact in 64 bits.
const MaxCost int64 = 1_000_000_000_000_000

// A Purpose is the 行政目的 an asset serves, the columns of the
// 附属明細書's 有形固定資産の行政目的別明細. The zero value is none.
type Purpose int

// Purposes, in the order the schedule prints them.
const (
	Infrastructure Purpose = iota + 1 // 生活インフラ・国土保全
	Education                         // 教育
	Welfare                           // 福祉
	Environment                       // 環境衛生
	Industry                          // 産業振興
	FireService                       // 消防
	Administration                    // 総務
	numPurposes                       // one past the last purpose
)

var purposeNames = [numPurposes]string{"", "生活インフラ・国土保全", "教育", "福祉", "環境衛生", "産業振興", "消防", "総務"}

// Purposes returns the purposes in the order of the schedule.
func Purposes() []Purpose {
	out := make([]Purpose, 0, numPurposes-1)
	for p := Infrastructure; p < numPurposes; p++ {
		out = append(out, p)
	}
	return out
}

// Valid reports whether p is one of the defined purposes.
func (p Purpose) Valid() bool { return p >= Infrastructure && p < numPurposes }

// String returns the purpose as the schedule prints it, such as 教育; an
// unknown purpose prints as %!Purpose(n).
func (p Purpose) String() string {
	if !p.Valid() {
		return fmt.Sprintf("%%!Purpose(%d)", int(p))
	}
	return purposeNames[p]
}

// ParsePurpose returns the purpose named s, as String prints it. Any
// other text is an error wrapping ErrUnknown.
func ParsePurpose(s string) (Purpose, error) {
	for p := Infrastructure; p < numPurposes; p++ {
		if purposeNames[p] == s {
			return p, nil
		}
	}
	return 0, fmt.Errorf("%w 行政目的 %s", ErrUnknown, quote.Bounded(s))
}

// A Valuation is the 評価方法 of an asset's cost. The zero value is
// AtCost, the rule for assets acquired since the register was opened.
type Valuation int

// Valuations.
const (
	AtCost        Valuation = iota // 取得原価
	Replacement                    // 再調達原価: assets whose cost is unknown when the register is opened
	Memorandum                     // 備忘価額: 1 yen, as for the land under roads taken over without charge
	numValuations                  // one past the last valuation
)

var valuationNames = [numValuations]string{"取得原価", "再調達原価", "備忘価額"}

// String returns 取得原価, 再調達原価 or 備忘価額.
func (v Valuation) String() string { return enumName(valuationNames[:], int(v), "Valuation") }

// ParseValuation returns the valuation named s; "" is AtCost.
func ParseValuation(s string) (Valuation, error) {
	v, err := parseEnum(valuationNames[:], s, "評価方法")
	return Valuation(v), err
}

// An Acquisition is how an asset came to the body (取得事由). The zero
// value is Purchase.
type Acquisition int

// Acquisitions.
const (
	Purchase        Acquisition = iota // 有償取得: paid for, a 資金仕訳 of the books
	FreeTransfer                       // 無償所管換等: received without charge, by transfer or gift
	numAcquisitions                    // one past the last acquisition
)

var acquisitionNames = [numAcquisitions]string{"有償取得", "無償所管換等"}

// String returns 有償取得 or 無償所管換等.
func (a Acquisition) String() string { return enumName(acquisitionNames[:], int(a), "Acquisition") }

// ParseAcquisition returns the acquisition named s; "" is Purchase.
func ParseAcquisition(s string) (Acquisition, error) {
	v, err := parseEnum(acquisitionNames[:], s, "取得事由")
	return Acquisition(v), err
}

// A Disposal is how an asset left the register (除売却事由). The zero value
// is none: the asset is held.
type Disposal int

// Disposals.
const (
	Sold           Disposal = iota + 1 // 売却
	Retired                            // 除却: scrapped or demolished
	TransferredOut                     // 無償所管換等: given away without charge
	Transferred                        // 振替: a 建設仮勘定 become its completed asset
	numDisposals                       // one past the last disposal
)

var disposalNames = [numDisposals]string{"", "売却", "除却", "無償所管換等", "振替"}

// String returns 売却, 除却, 無償所管換等 or 振替; "" for none.
func (d Disposal) String() string { return enumName(disposalNames[:], int(d), "Disposal") }

// ParseDisposal returns the disposal named s; "" is none.
func ParseDisposal(s string) (Disposal, error) {
	v, err := parseEnum(disposalNames[:], s, "除売却事由")
	return Disposal(v), err
}

// Funding is how an asset's cost was paid for (財源): amounts that, when
// any is given, add up to the cost. The zero value is not recorded.
type Funding struct {
	Subsidy int64 // 国県等補助金
	Bonds   int64 // 地方債
	General int64 // 一般財源等
}

// enumName returns names[i], or %!T(i) when i is out of range.
func enumName(names []string, i int, typ string) string {
	if i < 0 || i >= len(names) {
		return fmt.Sprintf("%%!%s(%d)", typ, i)
	}
	return names[i]
}

// parseEnum returns the index of s in names, "" being index 0 when
// names[0] is not itself "": the zero value is the default.
func parseEnum(names []string, s, what string) (int, error) {
	if s == "" {
		return 0, nil
	}
	for i, n := range names {
		if n == s {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%w %s %s", ErrUnknown, what, quote.Bounded(s))
}
