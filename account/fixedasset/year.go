package fixedasset

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
)

// A Method is the rule for the years in which an asset is acquired and
// disposed of. Both are 定額法 at 別表第八's rate; they differ only there.
type Method int

// Methods. The zero value is FromNextYear. Which of the two the 手引き
// makes its 原則 has not been confirmed against its text (see
// testdata/NOTES.md), so a body should say which rule it follows.
const (
	// FromNextYear depreciates an asset from the fiscal year after the
	// one it was acquired in, a full year's amount each year, and not in
	// the year it is disposed of: the year's depreciation is made at the
	// year's end (年度末) on the assets then held.
	FromNextYear Method = iota
	// Monthly depreciates the year of acquisition by months (月割), from
	// the month of acquisition to March, and the year of disposal from
	// April to the month of disposal, a month begun counting as a month.
	Monthly
)

// String returns 翌年度から or 月割.
func (m Method) String() string {
	return enumName([]string{"翌年度から", "月割"}, int(m), "Method")
}

// Options are the choices the rules leave to the body. The zero value
// depreciates from the year after acquisition ([FromNextYear]).
type Options struct {
	// Method is the rule for the years of acquisition and disposal.
	// Defaults to FromNextYear.
	Method Method
}

// A Movement is the year's figures of a set of assets, at cost (取得価額等),
// the columns of the 有形固定資産の明細. Amounts are whole yen.
type Movement struct {
	Opening  int64 // 前年度末残高: the cost of the assets held at the start of the year
	Increase int64 // 本年度増加額: the cost of the assets acquired in the year
	Decrease int64 // 本年度減少額: the cost of the assets disposed of in the year
	Closing  int64 // 本年度末残高 = Opening + Increase − Decrease

	OpeningAccumulated int64 // 前年度末減価償却累計額
	Depreciation       int64 // 本年度償却額
	// DisposedAccumulated is the 減価償却累計額 of the assets disposed of in
	// the year, on the day they left.
	DisposedAccumulated int64
	// Accumulated is the 本年度末減価償却累計額 =
	// OpeningAccumulated + Depreciation − DisposedAccumulated.
	Accumulated int64
	// Depreciable is the cost of the assets held at the end of the year
	// that are depreciated: the denominator of the 有形固定資産減価償却率.
	Depreciable int64
}

// Net returns the 差引本年度末残高: the book value at the end of the year,
// Closing − Accumulated.
func (m Movement) Net() int64 { return m.Closing - m.Accumulated }

// add adds n to m and reports whether every sum fits in 64 bits. The
// figures are never negative.
func (m *Movement) add(n Movement) bool {
	old := *m
	m.Opening += n.Opening
	m.Increase += n.Increase
	m.Decrease += n.Decrease
	m.Closing += n.Closing
	m.OpeningAccumulated += n.OpeningAccumulated
	m.Depreciation += n.Depreciation
	m.DisposedAccumulated += n.DisposedAccumulated
	m.Accumulated += n.Accumulated
	m.Depreciable += n.Depreciable
	return m.Opening >= old.Opening && m.Increase >= old.Increase && m.Decrease >= old.Decrease &&
		m.Closing >= old.Closing && m.OpeningAccumulated >= old.OpeningAccumulated &&
		m.Depreciation >= old.Depreciation && m.DisposedAccumulated >= old.DisposedAccumulated &&
		m.Accumulated >= old.Accumulated && m.Depreciable >= old.Depreciable
}

// AgingRatio returns the 有形固定資産減価償却率 (資産老朽化比率) of m as a
// percentage rounded half up (四捨五入) to places decimals: the
// 減価償却累計額 over the cost of the assets depreciated,
//
//	Accumulated ÷ Depreciable × 100,
//
// the indicator of 総務省's 財政状況資料集, whose denominator it writes
// 有形固定資産合計 − 土地等の非償却資産 + 減価償却累計額. It returns false
// when m holds no asset that is depreciated.
func (m Movement) AgingRatio(places int32) (decimal.Decimal, bool) {
	r, err := format.Ratio(decimal.NewFromInt(m.Accumulated), decimal.NewFromInt(m.Depreciable), places, format.HalfUp)
	return r, err == nil
}

// A Year is the register's figures for one fiscal year: each asset's, and
// their sums by account and by purpose. It is immutable and safe for
// concurrent use.
type Year struct {
	fy       era.FiscalYear
	method   Method
	reg      *Register
	cells    [numAccounts][numPurposes]Movement
	accounts [numAccounts]Movement
	purposes [numPurposes]Movement // of the tangible assets
	tangible Movement
}

// ErrOverflow is a sum of a year's figures too large for 64 bits; no
// register of real assets comes near it.
var ErrOverflow = fmt.Errorf("%w: a sum over 64 bits", ErrRange)

// Year computes the figures of fiscal year fy: for every asset held in the
// year, its cost at the start and the end, its acquisition or disposal,
// and its depreciation by 定額法:
//
//   - the year's amount is the cost times 別表第八's rate for the useful
//     life (Rate), cut to the yen (切り捨て): 3,600 × 0.167 = 601.2 is
//     601; a life over 100 years, which 別表第八 does not reach, takes the
//     cost divided by the life, cut to the yen;
//   - the months of a year of acquisition or disposal, when opt.Method is
//     Monthly, scale it before the cut: 3,600 × 0.167 × 7 ÷ 12 = 350.7 is
//     350;
//   - no residual value (残存価額 0): a tangible asset is depreciated
//     down to a 備忘価額 of 1 yen and an intangible one to 0, so the year
//     that reaches it takes only what remains.
//
// It returns an error wrapping ErrOverflow if a sum does not fit 64 bits,
// and one wrapping ErrRange for a fiscal year that is not valid.
func (r *Register) Year(fy era.FiscalYear, opt Options) (*Year, error) {
	if !fy.IsValid() {
		return nil, fmt.Errorf("fixedasset: %w: fiscal year %d", ErrRange, int(fy))
	}
	if opt.Method != FromNextYear && opt.Method != Monthly {
		return nil, fmt.Errorf("fixedasset: %w method %d", ErrUnknown, opt.Method)
	}
	y := &Year{fy: fy, method: opt.Method, reg: r}
	first, last := span(fy)
	for i := range r.plans {
		p := &r.plans[i]
		if p.acquired > last || p.disposed < first {
			continue
		}
		if !y.cells[p.account][p.purpose].add(y.line(p, first, last).Movement) {
			return nil, fmt.Errorf("fixedasset: %w", ErrOverflow)
		}
	}
	ok := true
	for a := BusinessLand; a < numAccounts; a++ {
		for p := Infrastructure; p < numPurposes; p++ {
			ok = y.accounts[a].add(y.cells[a][p]) && ok
			if a.Tangible() {
				ok = y.purposes[p].add(y.cells[a][p]) && ok
			}
		}
		if a.Tangible() {
			ok = y.tangible.add(y.accounts[a]) && ok
		}
	}
	if !ok {
		return nil, fmt.Errorf("fixedasset: %w", ErrOverflow)
	}
	return y, nil
}

// held reports whether a has not been disposed of.
func held(a *Asset) bool { return a.Disposed == (era.Date{}) }

// span returns the first and last days of fy as yyyymmdd.
func span(fy era.FiscalYear) (first, last int32) {
	return int32(fy)*10000 + 401, int32(fy+1)*10000 + 331
}

// FiscalYear returns the year's fiscal year.
func (y *Year) FiscalYear() era.FiscalYear { return y.fy }

// Method returns the method the year was computed by.
func (y *Year) Method() Method { return y.method }

// Register returns the register the year was computed from.
func (y *Year) Register() *Register { return y.reg }

// A Line is one asset's figures for a year.
type Line struct {
	Movement
	// BookValue is the asset's book value on the day it left, for an asset
	// disposed of in the year: its cost less the 減価償却累計額 then.
	BookValue int64
}

// Line returns the figures of the i'th asset of the register for the
// year; an asset acquired after the year or disposed of before it has
// none: a zero Line.
func (y *Year) Line(i int) Line {
	p := &y.reg.plans[i]
	first, last := span(y.fy)
	if p.acquired > last || p.disposed < first {
		return Line{}
	}
	return y.line(p, first, last)
}

// line computes the figures for the year from first to last of the asset
// of plan p, present in it.
func (y *Year) line(p *plan, first, last int32) Line {
	var l Line
	gone := p.disposed <= last
	if p.acquired < first {
		l.Opening = p.cost
	} else {
		l.Increase = p.cost
	}
	if gone {
		l.Decrease = p.cost
		l.BookValue = p.cost
	} else {
		l.Closing = p.cost
	}
	if p.life == 0 {
		return l
	}
	limit := p.cost - 1 // 備忘価額
	if !Account(p.account).Tangible() {
		limit = p.cost
	}
	l.OpeningAccumulated = min(limit, y.before(p))
	l.Depreciation = min(y.charge(p, gone), limit-l.OpeningAccumulated)
	acc := l.OpeningAccumulated + l.Depreciation
	if gone {
		l.DisposedAccumulated = acc
		l.BookValue = p.cost - acc
	} else {
		l.Accumulated = acc
		l.Depreciable = p.cost
	}
	return l
}

// before returns the depreciation of the years before y's, uncapped: the
// sum of the full years and, by months, the year of acquisition, all of
// which the asset was held in since it is held at the start of y's year.
func (y *Year) before(p *plan) int64 {
	full := int64(int32(y.fy) - p.acquiredFY() - 1) // years strictly between
	if full < 0 {
		return 0
	}
	sum := full * p.annual
	if y.method == Monthly {
		sum += p.firstYear
	}
	return sum
}

// charge returns the year's depreciation before the cap of the 備忘価額.
func (y *Year) charge(p *plan, gone bool) int64 {
	acquiredNow := p.acquiredFY() == int32(y.fy)
	switch {
	case y.method == FromNextYear && (acquiredNow || gone):
		return 0
	case y.method == FromNextYear || !gone && !acquiredNow:
		return p.annual
	case !gone:
		return p.firstYear
	}
	// Disposed of in the year, by months: from April, or from the month
	// of acquisition, to the month of disposal.
	months := int(p.dispMonths)
	if acquiredNow {
		months -= 12 - int(p.acqMonths)
	}
	return p.depreciation(months)
}

// acquisitionMonths returns the months of a fiscal year from the month of
// d to March: 12 for April, 1 for March.
func acquisitionMonths(d era.Date) int { return (int(time.March)-int(d.Month)+12)%12 + 1 }

// disposalMonths returns the months of a fiscal year from April to the
// month of d: 1 for April, 12 for March.
func disposalMonths(d era.Date) int { return (int(d.Month)-int(time.April)+12)%12 + 1 }

// depreciation returns the depreciation of p's cost over months of a
// year, cut to the yen. cost ≤ MaxCost, rate ≤ 500 and months ≤ 12 keep
// the product under 6.1e18.
func (p *plan) depreciation(months int) int64 {
	if p.rate > 0 {
		return p.cost * int64(p.rate) * int64(months) / 12000
	}
	return p.cost * int64(months) / (12 * int64(p.life))
}

// Account returns the year's figures of the assets under account a.
func (y *Year) Account(a Account) Movement {
	if !a.Valid() {
		return Movement{}
	}
	return y.accounts[a]
}

// Purpose returns the year's figures of the tangible assets (有形固定資産)
// that serve purpose p.
func (y *Year) Purpose(p Purpose) Movement {
	if !p.Valid() {
		return Movement{}
	}
	return y.purposes[p]
}

// Cell returns the year's figures of the assets under account a that
// serve purpose p: a cell of the 有形固定資産の行政目的別明細.
func (y *Year) Cell(a Account, p Purpose) Movement {
	if !a.Valid() || !p.Valid() {
		return Movement{}
	}
	return y.cells[a][p]
}

// Tangible returns the year's figures of all tangible assets (有形固定資産).
func (y *Year) Tangible() Movement { return y.tangible }
