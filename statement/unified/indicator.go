package unified

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// An Indicator is one of the 財務指標 that 総務省's 統一的な基準による
// 財務書類等活用の手引き (Ⅳ 財務書類分析の視点) computes from the four
// statements: of 資産形成度, 世代間公平性, 持続可能性（健全性）, 効率性 and
// 自律性. The zero value is not an indicator.
type Indicator int

// The indicators, in the order of the 手引き. Each comment gives the
// 手引き's definition and the lines of the forms it is read from.
const (
	// 住民一人当たり資産額 (資産形成度) = 資産合計 ÷ 住民基本台帳人口:
	// BS 資産合計 over AnalysisInput.Population. Printed in 万円.
	AssetsPerCapita Indicator = iota + 1
	// 歳入額対資産比率 (資産形成度) = 資産合計 ÷ 歳入総額, 歳入総額 being
	// the 資金収支計算書's 業務収入 + 臨時収入 + 投資活動収入 + 財務活動収入
	// + 前年度末資金残高: how many years of revenue the assets are worth.
	// Printed in 年.
	AssetsToRevenue
	// 有形固定資産減価償却率 (資産形成度; 資産老朽化比率) = 減価償却累計額 ÷
	// (有形固定資産合計 − 土地等の非償却資産 + 減価償却累計額): the
	// accumulated depreciation of the 償却資産 over their 取得価額等, the
	// definition package account/fixedasset's Movement.AgingRatio computes
	// from a 固定資産台帳. Here from BS 有形固定資産, its 減価償却累計額 lines
	// (printed negative, △) and its non-depreciable lines 土地, 立木竹 and
	// 建設仮勘定. Printed in %.
	AgingRatio
	// 純資産比率 (世代間公平性) = 純資産合計 ÷ 資産合計. Printed in %.
	NetAssetsRatio
	// 将来世代負担比率 (世代間公平性) = 地方債残高（特例地方債の残高を除く）
	// ÷ 有形・無形固定資産合計: BS 地方債 + 1年内償還予定地方債 −
	// AnalysisInput.SpecialBonds over 有形固定資産 + 無形固定資産. Printed in %.
	FutureBurdenRatio
	// 住民一人当たり負債額 (持続可能性) = 負債合計 ÷ 住民基本台帳人口.
	// Printed in 万円.
	LiabilitiesPerCapita
	// 基礎的財政収支 (持続可能性; プライマリーバランス) = 業務活動収支
	// （支払利息支出を除く） + 投資活動収支（基金積立金支出及び基金取崩収入を
	// 除く）: CF 業務活動収支 + 支払利息支出 + 投資活動収支 + 基金積立金支出
	// − 基金取崩収入. An amount, not a ratio: printed in 千円.
	PrimaryBalance
	// 住民一人当たり行政コスト (効率性) = 純行政コスト ÷ 住民基本台帳人口.
	// Printed in 万円.
	CostPerCapita
	// 受益者負担比率 (自律性) = 経常収益 ÷ 経常費用. Printed in %.
	BeneficiaryRatio
)

// indicators lists every Indicator, in order.
var indicators = []Indicator{AssetsPerCapita, AssetsToRevenue, AgingRatio, NetAssetsRatio,
	FutureBurdenRatio, LiabilitiesPerCapita, PrimaryBalance, CostPerCapita, BeneficiaryRatio}

// Indicators returns every Indicator, in the order of the 手引き.
func Indicators() []Indicator { return append([]Indicator(nil), indicators...) }

// An indicatorInfo is how an indicator is named and printed.
type indicatorInfo struct {
	name string
	unit string // the printed unit: 万円, 年, % or 千円
	// shift is the power of ten the quotient is multiplied by for its
	// unit (2 for %, −4 for 万円), places the digits printed after the
	// point.
	shift, places int32
}

var indicatorInfos = [...]indicatorInfo{
	AssetsPerCapita:      {"住民一人当たり資産額", "万円", -4, 1},
	AssetsToRevenue:      {"歳入額対資産比率", "年", 0, 2},
	AgingRatio:           {"有形固定資産減価償却率", "%", 2, 1},
	NetAssetsRatio:       {"純資産比率", "%", 2, 1},
	FutureBurdenRatio:    {"将来世代負担比率", "%", 2, 1},
	LiabilitiesPerCapita: {"住民一人当たり負債額", "万円", -4, 1},
	PrimaryBalance:       {"基礎的財政収支", "千円", -3, 0},
	CostPerCapita:        {"住民一人当たり行政コスト", "万円", -4, 1},
	BeneficiaryRatio:     {"受益者負担比率", "%", 2, 1},
}

func (i Indicator) info() (indicatorInfo, bool) {
	if i < AssetsPerCapita || i > BeneficiaryRatio {
		return indicatorInfo{}, false
	}
	return indicatorInfos[i], true
}

// String returns the indicator's name as the 手引き prints it, such as
// 純資産比率; an unknown indicator prints as %!Indicator(n).
func (i Indicator) String() string {
	if in, ok := i.info(); ok {
		return in.name
	}
	return fmt.Sprintf("%%!Indicator(%d)", int(i))
}

// Unit returns the unit the indicator prints in: 万円 (per resident), 年,
// % or 千円; "" for an unknown indicator.
func (i Indicator) Unit() string {
	in, _ := i.info()
	return in.unit
}

// Places returns the digits the indicator prints after the decimal point:
// 1 for 万円 and %, 2 for 年, 0 for 千円.
func (i Indicator) Places() int32 {
	in, _ := i.info()
	return in.places
}

// Printed returns the value of r in the indicator's unit, rounded half
// away from zero (四捨五入) to its places from the exact quotient: the
// figure a report prints, such as 65.3 for a 有形固定資産減価償却率 of
// 0.65328… An unknown indicator or a Ratio with no denominator gives 0.
func (i Indicator) Printed(r Ratio) decimal.Decimal {
	in, ok := i.info()
	if !ok || r.Den.Sign() == 0 {
		return decimal.Decimal{}
	}
	if q, ok := roundWhole(r, in.shift+in.places); ok {
		return decimal.New(q, -in.places)
	}
	// format.Ratio rounds part/whole·100 to places; shifting its places
	// by the unit's power of ten rounds part/whole·10^shift.
	v, err := format.Ratio(r.Num, r.Den, in.places+in.shift-2, format.HalfUp)
	if err != nil {
		return decimal.Decimal{}
	}
	return v.Shift(in.shift - 2)
}

// roundWhole returns Num·10^e ÷ Den rounded half away from zero, in 128-bit
// integers, when Num and Den are whole numbers of at most 18 digits, Den
// positive, and the quotient fits an int64; it reports false otherwise.
func roundWhole(r Ratio, e int32) (int64, bool) {
	n, okn := whole(r.Num)
	d, okd := whole(r.Den)
	if !okn || !okd || d <= 0 || e < -18 || e > 18 {
		return 0, false
	}
	p := uint64(1)
	for range max(e, -e) {
		p *= 10
	}
	// |n|·10^e ÷ d, or |n| ÷ (d·10^−e), as hi:lo ÷ den, doubled for the
	// half: q = (2·num + den) ÷ (2·den).
	hi, lo := bits.Mul64(abs(n), p)
	den := uint64(d)
	if e < 0 {
		var dh uint64
		if dh, den = bits.Mul64(uint64(d), p); dh != 0 {
			return 0, false
		}
		hi, lo = 0, abs(n)
	}
	if den >= 1<<62 || hi >= 1<<62 {
		return 0, false
	}
	hi, lo = hi<<1|lo>>63, lo<<1 // 2·num
	var c uint64
	lo, c = bits.Add64(lo, den, 0)
	hi += c
	if hi >= 2*den {
		return 0, false // the quotient does not fit 64 bits
	}
	q, _ := bits.Div64(hi, lo, 2*den)
	if q > 1<<63-1 {
		return 0, false
	}
	if n < 0 {
		return -int64(q), true
	}
	return int64(q), true
}

// whole returns d as an int64 when it is a whole number of at most 18
// digits written without a fractional exponent.
func whole(d decimal.Decimal) (int64, bool) {
	if d.Exponent() != 0 || d.NumDigits() > 18 {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// Format returns r as the indicator prints: its Printed value with its
// places, △ before a negative, and the unit, such as 65.3% or
// 123.4万円.
func (i Indicator) Format(r Ratio) string {
	f := format.Formatter{Places: i.Places()}
	return f.Format(i.Printed(r)) + i.Unit()
}

// A Ratio is an indicator's exact value: Num ÷ Den, with Den positive. An
// amount (基礎的財政収支) has Den 1. The zero Ratio has no value.
type Ratio struct {
	Num, Den decimal.Decimal
}

// Cmp compares r and o as numbers: −1, 0 or +1. Both must have a
// positive Den.
func (r Ratio) Cmp(o Ratio) int {
	if c, ok := cmpWhole(r, o); ok {
		return c
	}
	return r.Num.Mul(o.Den).Cmp(o.Num.Mul(r.Den))
}

// cmpWhole compares r and o as Cmp does when all four are whole numbers
// of at most 18 digits, as yen and populations are, in 128-bit integers
// rather than decimals; it reports false otherwise.
func cmpWhole(r, o Ratio) (int, bool) {
	var v [4]int64
	for i, d := range [4]decimal.Decimal{r.Num, r.Den, o.Num, o.Den} {
		var ok bool
		if v[i], ok = whole(d); !ok {
			return 0, false
		}
	}
	// r.Num·o.Den against o.Num·r.Den, the dens positive: by sign first,
	// then by magnitude.
	sr, so := sign(v[0]), sign(v[2])
	if sr != so || sr == 0 {
		return cmpInt(sr, so), true
	}
	hi1, lo1 := bits.Mul64(abs(v[0]), uint64(v[3]))
	hi2, lo2 := bits.Mul64(abs(v[2]), uint64(v[1]))
	c := cmpInt(hi1, hi2)
	if c == 0 {
		c = cmpInt(lo1, lo2)
	}
	return c * sr, true
}

func sign(x int64) int { return cmpInt(x, 0) }

func abs(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

func cmpInt[T int | int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// AnalysisInput is what the 手引き's indicators need beyond the statements.
type AnalysisInput struct {
	// Population is the 住民基本台帳人口 the per-resident indicators divide
	// by. Zero or less: those indicators have no value.
	Population int64
	// SpecialBonds is the outstanding 特例地方債 (臨時財政対策債 and the
	// like), which 将来世代負担比率 leaves out of 地方債 and which the
	// statements do not show. Defaults to 0: no bond left out.
	SpecialBonds decimal.Decimal
}

// An Analysis holds the indicators of one scope of one body.
type Analysis struct {
	Scope  Scope
	values [len(indicatorInfos)]Ratio
	valid  [len(indicatorInfos)]bool
}

// Ratio returns the exact value of indicator i, and whether it has one: an
// indicator whose denominator is zero, 該当なし or not positive (a
// population of 0) has none.
func (a *Analysis) Ratio(i Indicator) (Ratio, bool) {
	if _, ok := i.info(); !ok || a == nil || !a.valid[i] {
		return Ratio{}, false
	}
	return a.values[i], true
}

// The lines of the forms the indicators read, by statement and key. The
// keys are those of every scope's form (forms/*.csv).
var (
	bsAssets, bsLiabilities, bsNetAssets = "1900", "2900", "3900"
	bsTangible, bsIntangible             = "1100", "1200"
	bsBonds                              = []string{"2010", "2110"}                                 // 地方債, 1年内償還予定地方債
	bsNonDepreciable                     = []string{"1111", "1112", "1125", "1131", "1138"}         // 土地, 立木竹, 建設仮勘定, 土地, 建設仮勘定
	bsDepreciation                       = []string{"1114", "1116", "1118", "1120", "1122", "1124", // 減価償却累計額 of 事業用資産
		"1133", "1135", "1137", "1141"} // of インフラ資産, 物品
	plCost, plRevenue, plNetCost = "4000", "4500", "4900" // 経常費用, 経常収益, 純行政コスト
	// 業務収入, 臨時収入, 投資活動収入, 財務活動収入, 前年度末資金残高
	cfRevenue = []string{"7200", "7400", "7700", "8200", "9100"}
	// 業務活動収支 + 支払利息支出 + 投資活動収支 + 基金積立金支出 − 基金取崩収入
	cfPrimary      = []string{"7500", "7113", "7800", "7620"}
	cfFundsDrawn   = "7720"
	indicatorKinds = []Kind{BalanceSheet, Cost, CashFlow}
)

// Analyze computes the 手引き's indicators of scope s from book, which
// holds the scope's 貸借対照表, 行政コスト計算書 and 資金収支計算書 under
// their form ids (see ID), such as bs-general. Every figure is taken
// exact, in yen, as the statements hold it: a statement read in 千円
// gives the indicators of its printed figures. A line with no figure
// (該当なし) counts as 0 in a sum; an indicator whose denominator is 0 or
// 該当なし, or whose population is not positive, has no value.
//
// A missing statement is an *Error wrapping ErrMissing; a statement
// without one of the lines the indicators read, one wrapping ErrForm.
func Analyze(book *statement.Book, s Scope, in AnalysisInput) (*Analysis, error) {
	if s < General || s > Consolidated {
		return nil, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: scope %d", ErrUnknown, int(s))}}}
	}
	var ss [CashFlow + 1]*statement.Statement
	var ps []Problem
	for _, k := range indicatorKinds {
		id := ID(k, s)
		st, ok := (*statement.Statement)(nil), false
		if book != nil {
			st, ok = book.Statement(id)
		}
		if !ok || st == nil {
			ps = append(ps, Problem{Statement: id, Err: fmt.Errorf("%w: the book has no statement %s", ErrMissing, id)})
		}
		ss[k] = st
	}
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	r := reader{ss: ss, scope: s}
	a := &Analysis{Scope: s}
	set := func(i Indicator, num, den amount, ok bool) {
		if ok && den.sign() > 0 {
			a.values[i], a.valid[i] = Ratio{Num: num.decimal(), Den: den.decimal()}, true
		}
	}
	assets, hasAssets := r.cell(BalanceSheet, bsAssets)
	liabilities, _ := r.cell(BalanceSheet, bsLiabilities)
	netAssets, _ := r.cell(BalanceSheet, bsNetAssets)
	pop := amount{n: in.Population}

	set(AssetsPerCapita, assets, pop, true)
	revenue, hasRevenue := r.sum(CashFlow, cfRevenue)
	set(AssetsToRevenue, assets, revenue, hasRevenue)

	// The 減価償却累計額 lines are negative: their sum, negated, is the
	// accumulated depreciation.
	dep, _ := r.sum(BalanceSheet, bsDepreciation)
	dep = dep.neg()
	tangible, hasTangible := r.cell(BalanceSheet, bsTangible)
	nonDep, _ := r.sum(BalanceSheet, bsNonDepreciable)
	set(AgingRatio, dep, tangible.sub(nonDep).add(dep), hasTangible)

	set(NetAssetsRatio, netAssets, assets, hasAssets)
	bonds, _ := r.sum(BalanceSheet, bsBonds)
	intangible, hasIntangible := r.cell(BalanceSheet, bsIntangible)
	set(FutureBurdenRatio, bonds.sub(decimalAmount(in.SpecialBonds)), tangible.add(intangible), hasTangible || hasIntangible)
	set(LiabilitiesPerCapita, liabilities, pop, true)

	primary, _ := r.sum(CashFlow, cfPrimary)
	drawn, _ := r.cell(CashFlow, cfFundsDrawn)
	set(PrimaryBalance, primary.sub(drawn), amount{n: 1}, true)

	netCost, _ := r.cell(Cost, plNetCost)
	set(CostPerCapita, netCost, pop, true)
	cost, hasCost := r.cell(Cost, plCost)
	income, _ := r.cell(Cost, plRevenue)
	set(BeneficiaryRatio, income, cost, hasCost)

	if len(r.problems) > 0 {
		return nil, &Error{Problems: r.problems}
	}
	return a, nil
}

// An amount is a figure in yen: an int64 while it fits one, else a
// decimal. A nation's statements are read and summed in int64, without
// the big.Int each decimal holds; the sums of figures too large for one
// are exact all the same. The zero amount is 0.
type amount struct {
	n int64
	d *decimal.Decimal // the figure, when n cannot hold it
}

// decimalAmount returns d as an amount.
func decimalAmount(d decimal.Decimal) amount {
	if n, ok := whole(d); ok {
		return amount{n: n}
	}
	return amount{d: &d}
}

func (a amount) decimal() decimal.Decimal {
	if a.d != nil {
		return *a.d
	}
	return decimal.NewFromInt(a.n)
}

func (a amount) sign() int {
	if a.d != nil {
		return a.d.Sign()
	}
	return sign(a.n)
}

func (a amount) neg() amount {
	if a.d == nil && a.n != math.MinInt64 {
		return amount{n: -a.n}
	}
	return decimalAmount(a.decimal().Neg())
}

// add returns a + b, in int64 unless the sum overflows it.
func (a amount) add(b amount) amount {
	if a.d == nil && b.d == nil {
		if s := a.n + b.n; (s > a.n) == (b.n > 0) {
			return amount{n: s}
		}
	}
	return decimalAmount(a.decimal().Add(b.decimal()))
}

func (a amount) sub(b amount) amount { return a.add(b.neg()) }

// A reader reads the 金額 of lines of a scope's statements, noting the
// lines the statements do not have.
type reader struct {
	ss       [CashFlow + 1]*statement.Statement
	scope    Scope
	problems []Problem
}

// cell returns the figure of the line with the given key (0 for 該当なし)
// and whether it has one.
func (r *reader) cell(k Kind, key string) (amount, bool) {
	if n, valid, ok := r.ss[k].CellInt64(key, amountColumn); ok {
		return amount{n: n}, valid
	}
	c, ok := r.ss[k].Cell(key, amountColumn)
	if !ok {
		r.problems = append(r.problems, Problem{Statement: ID(k, r.scope), Row: key, Column: amountColumn,
			Err: fmt.Errorf("%w: no line %s, which the indicators read", ErrForm, standardLabel(k, r.scope, key))})
		return amount{}, false
	}
	if !c.Valid {
		return amount{}, false
	}
	return decimalAmount(c.Amount), true
}

// sum returns the sum of the lines' figures, and whether any has one.
func (r *reader) sum(k Kind, keys []string) (amount, bool) {
	var total amount
	has := false
	for _, key := range keys {
		v, ok := r.cell(k, key)
		total, has = total.add(v), has || ok
	}
	return total, has
}

// standardLabel returns the printed label of the row with the given key in
// the standard's form of kind k and scope s.
func standardLabel(k Kind, s Scope, key string) string {
	if t, ok := the().templates[ID(k, s)]; ok {
		for _, r := range t.Form().Rows {
			if r.Key == key {
				return r.Label
			}
		}
	}
	return key
}
