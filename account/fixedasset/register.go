package fixedasset

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// A Register is a 固定資産台帳: assets in the order given, each checked
// against the rules of the 手引き, with its useful life and 定額法 rate
// resolved. A Register is immutable and safe for concurrent use; the zero
// value is an empty register.
type Register struct {
	assets []Asset
	plans  []plan
	index  map[string]int // ID → position
}

// A plan is what Year needs of an asset, packed in 40 bytes so that a
// year of a million assets reads 40 megabytes rather than the assets'
// hundreds.
type plan struct {
	cost       int64
	annual     int64 // a full year's depreciation
	firstYear  int64 // the depreciation of the year of acquisition by months
	acquired   int32 // the day of acquisition as yyyymmdd
	disposed   int32 // the day of disposal as yyyymmdd; math.MaxInt32 while held
	life       int16 // years, at most MaxLife; 0 for an asset not depreciated
	rate       int16 // 別表第八's rate in thousandths; 0 for a life over 100 years
	acqMonths  int8  // months of the year of acquisition from its month to March
	dispMonths int8  // months of the year of disposal from April to its month
	account    uint8 // an Account
	purpose    uint8 // a Purpose
}

// acquiredFY returns the fiscal year of acquisition: the year of
// acquired, or the year before for a day before April.
func (p *plan) acquiredFY() int32 {
	fy := p.acquired / 10000
	if p.acquired%10000 < 401 {
		fy--
	}
	return fy
}

// day returns d as yyyymmdd.
func day(d era.Date) int32 {
	y, m, dd := d.Gregorian()
	return int32(y*10000 + int(m)*100 + dd)
}

// newPlan returns the plan of a, a valid asset depreciated over life
// years at rate thousandths.
func newPlan(a *Asset, life, rate int) plan {
	p := plan{cost: a.Cost, acquired: day(a.Acquired), disposed: math.MaxInt32,
		life: int16(life), rate: int16(rate), acqMonths: int8(acquisitionMonths(a.Acquired)), account: uint8(a.Account), purpose: uint8(a.Purpose)}
	if !held(a) {
		p.disposed = day(a.Disposed)
		p.dispMonths = int8(disposalMonths(a.Disposed))
	}
	if life > 0 {
		p.annual = p.depreciation(12)
		p.firstYear = p.depreciation(int(p.acqMonths))
	}
	return p
}

// NewRegister checks assets and makes a register of them, in the order
// given. It returns an *Error listing every problem of every asset; see
// Asset for the rules.
func NewRegister(assets []Asset) (*Register, error) {
	return newRegister("", assets, nil, nil)
}

// newRegister is NewRegister for assets read from the source named name,
// the asset i from line lines[i] when lines is not nil; problems are those
// found while reading.
func newRegister(name string, assets []Asset, lines []int, problems []Problem) (*Register, error) {
	r := &Register{
		assets: slices.Clone(assets),
		plans:  make([]plan, len(assets)),
		index:  make(map[string]int, len(assets)),
	}
	line := func(i int) int {
		if lines == nil {
			return 0
		}
		return lines[i]
	}
	// A field that could not be read is reported once, as it was read.
	type place struct {
		line   int
		column string
	}
	unread := make(map[place]bool, len(problems))
	for _, p := range problems {
		unread[place{p.Line, p.Column}] = true
	}
	for i := range r.assets {
		a := &r.assets[i]
		report := func(column string, err error) {
			if !unread[place{line(i), column}] {
				problems = append(problems, Problem{Line: line(i), Asset: a.ID, Column: column, Err: err})
			}
		}
		if a.ID == "" {
			report(colID, fmt.Errorf("%w 番号", ErrMissing))
		} else if j, dup := r.index[a.ID]; dup {
			where := ""
			if lines != nil {
				where = fmt.Sprintf(" (first on line %d)", line(j))
			}
			report(colID, fmt.Errorf("%w 番号%s", ErrDuplicate, where))
		} else {
			r.index[a.ID] = i
		}
		life := check(a, report)
		if len(problems) == 0 {
			r.plans[i] = newPlan(a, life, rate(life))
		}
	}
	problems = append(problems, r.transfers(line)...)
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b Problem) int { return a.Line - b.Line })
		return nil, &Error{Source: name, Problems: problems}
	}
	return r, nil
}

// check reports every problem of a on its own and returns the useful life
// it is depreciated over, 0 for none.
func check(a *Asset, report func(column string, err error)) int {
	life := 0
	if strings.TrimSpace(a.Name) == "" {
		report(colName, fmt.Errorf("%w 件名", ErrMissing))
	}
	if !a.Account.Valid() {
		report(colAccount, fmt.Errorf("%w 勘定科目", ErrMissing))
	}
	if !a.Purpose.Valid() {
		report(colPurpose, fmt.Errorf("%w 行政目的", ErrMissing))
	}
	if a.Cost < 1 || a.Cost > MaxCost {
		report(colCost, fmt.Errorf("%w: 取得価額等 %d is not from 1 to %d yen", ErrRange, a.Cost, MaxCost))
	}
	if a.Valuation < AtCost || a.Valuation >= numValuations {
		report(colValuation, fmt.Errorf("%w 評価方法 %d", ErrUnknown, a.Valuation))
	} else if a.Valuation == Memorandum && a.Cost != 1 {
		report(colCost, fmt.Errorf("%w: 備忘価額 is 1 yen, not %d", ErrInconsistent, a.Cost))
	}
	if a.Acquisition < Purchase || a.Acquisition >= numAcquisitions {
		report(colAcquisition, fmt.Errorf("%w 取得事由 %d", ErrUnknown, a.Acquisition))
	}
	if a.Quantity.IsNegative() {
		report(colQuantity, fmt.Errorf("%w: 数量 %s is negative", ErrRange, a.Quantity))
	}
	checkFunding(a, report)
	checkDates(a, report)
	if a.Account.Valid() {
		life = checkLife(a, report)
	}
	return life
}

// checkFunding reports 財源 that are negative or do not add up to the cost.
func checkFunding(a *Asset, report func(column string, err error)) {
	f := a.Funding
	for _, c := range []struct {
		col string
		v   int64
	}{{colSubsidy, f.Subsidy}, {colBonds, f.Bonds}, {colGeneral, f.General}} {
		if c.v < 0 || c.v > MaxCost {
			report(c.col, fmt.Errorf("%w: %d is not from 0 to %d yen", ErrRange, c.v, MaxCost))
			return
		}
	}
	if f != (Funding{}) && f.Subsidy+f.Bonds+f.General != a.Cost {
		report(colGeneral, fmt.Errorf("%w: 財源 %d + %d + %d is not the cost %d", ErrInconsistent, f.Subsidy, f.Bonds, f.General, a.Cost))
	}
}

// checkDates reports dates that name no day of the eras, a disposal before
// the acquisition, and disposals that lack their date, reason or price.
func checkDates(a *Asset, report func(column string, err error)) {
	if !a.Acquired.IsValid() {
		report(colAcquired, fmt.Errorf("%w: 取得年月日: not a day of the eras", ErrRange))
	}
	held := a.Disposed == (era.Date{})
	switch {
	case !held && !a.Disposed.IsValid():
		report(colDisposed, fmt.Errorf("%w: 除売却日: not a day of the eras", ErrRange))
	case !held && a.Acquired.IsValid() && a.Disposed.Before(a.Acquired):
		report(colDisposed, fmt.Errorf("%w: 除売却日 %s is before 取得年月日 %s", ErrRange, a.Disposed, a.Acquired))
	}
	if a.Disposal < 0 || a.Disposal >= numDisposals {
		report(colDisposal, fmt.Errorf("%w 除売却事由 %d", ErrUnknown, a.Disposal))
		return
	}
	switch {
	case held && a.Disposal != 0:
		report(colDisposed, fmt.Errorf("%w 除売却日 of an asset %s", ErrMissing, a.Disposal))
	case !held && a.Disposal == 0 && a.TransferTo == "":
		report(colDisposal, fmt.Errorf("%w 除売却事由", ErrMissing))
	}
	if a.Proceeds != 0 && a.Disposal != Sold {
		report(colProceeds, fmt.Errorf("%w: a 売却価額 on an asset not sold", ErrInconsistent))
	} else if a.Proceeds < 0 || a.Proceeds > MaxCost {
		report(colProceeds, fmt.Errorf("%w: 売却価額 %d is not from 0 to %d yen", ErrRange, a.Proceeds, MaxCost))
	}
}

// MaxLife is the longest useful life a register accepts, with a reason.
const MaxLife = 1000

// checkLife reports a useful life that the account, the class and the
// rules do not allow, and returns the life the asset is depreciated over.
func checkLife(a *Asset, report func(column string, err error)) int {
	info := accountInfos[a.Account]
	var class Class
	if a.Class != "" {
		c, ok := LookupClass(a.Class)
		switch {
		case !ok:
			report(colClass, fmt.Errorf("%w 耐用年数分類 %s", ErrUnknown, quote.Bounded(a.Class)))
			return 0
		case info.policy == never:
			report(colClass, fmt.Errorf("%w: %s is not depreciated and has no 耐用年数分類", ErrInconsistent, a.Account))
			return 0
		case info.kinds != nil && !slices.Contains(info.kinds, c.Kind):
			report(colClass, fmt.Errorf("%w: a %s under %s", ErrInconsistent, c.Kind, a.Account))
			return 0
		}
		class = c
	}
	life := a.Life
	switch {
	case life == 0:
		life = class.Life
	case info.policy == never:
		report(colLife, fmt.Errorf("%w: %s is not depreciated and has no 耐用年数", ErrInconsistent, a.Account))
		return 0
	case a.Class != "" && class.Life == 0:
		report(colLife, fmt.Errorf("%w: %s is not depreciated and has no 耐用年数", ErrInconsistent, class.Name))
		return 0
	case life < 2 || life > MaxLife:
		report(colLife, fmt.Errorf("%w: 耐用年数 %d is not from 2 to %d years", ErrRange, life, MaxLife))
		return 0
	case life > 100 && a.LifeReason == "":
		report(colLife, fmt.Errorf("%w: 耐用年数 %d over 100 years without a 耐用年数の理由", ErrRange, life))
		return 0
	case class.Life != 0 && life != class.Life && a.LifeReason == "":
		report(colLife, fmt.Errorf("%w: 耐用年数 %d, where %s has %d, without a 耐用年数の理由", ErrInconsistent, life, class.Name, class.Life))
		return 0
	}
	if life == 0 && info.policy == always && a.Class == "" {
		report(colLife, fmt.Errorf("%w 耐用年数 of %s", ErrMissing, a.Account))
	}
	return life
}

// transfers reports 建設仮勘定 whose 振替 does not name a completed asset
// of the register, on its day, at a cost it covers; and marks each one
// transferred with the Disposal Transferred.
func (r *Register) transfers(line func(int) int) []Problem {
	var problems []Problem
	into := map[int]int64{} // completed asset → cost transferred to it
	for i := range r.assets {
		a := &r.assets[i]
		report := func(column string, err error) {
			problems = append(problems, Problem{Line: line(i), Asset: a.ID, Column: column, Err: err})
		}
		if a.TransferTo == "" {
			if a.Disposal == Transferred {
				report(colTransferTo, fmt.Errorf("%w 振替先 of a 振替", ErrMissing))
			}
			continue
		}
		if !a.Account.Construction() {
			report(colTransferTo, fmt.Errorf("%w: a 振替先 on %s, which is no 建設仮勘定", ErrInconsistent, a.Account))
			continue
		}
		if a.Disposal != 0 && a.Disposal != Transferred {
			report(colDisposal, fmt.Errorf("%w: a 振替先 on an asset %s", ErrInconsistent, a.Disposal))
			continue
		}
		if a.Disposed == (era.Date{}) {
			report(colDisposed, fmt.Errorf("%w 除売却日 of a 振替", ErrMissing))
			continue
		}
		j, ok := r.index[a.TransferTo]
		if !ok {
			report(colTransferTo, fmt.Errorf("%w 振替先 %s", ErrUnknown, quote.Bounded(a.TransferTo)))
			continue
		}
		t := &r.assets[j]
		switch {
		case t.Account.Construction() || !t.Account.Valid():
			report(colTransferTo, fmt.Errorf("%w: 振替先 %s is no completed asset", ErrInconsistent, quote.Bounded(t.ID)))
			continue
		case a.Disposed.Compare(t.Acquired) != 0:
			report(colDisposed, fmt.Errorf("%w: 振替 on %s, where 振替先 %s was acquired on %s", ErrInconsistent, a.Disposed, quote.Bounded(t.ID), t.Acquired))
			continue
		}
		a.Disposal = Transferred
		into[j] += a.Cost
	}
	for j, c := range into {
		if c > r.assets[j].Cost {
			t := &r.assets[j]
			problems = append(problems, Problem{Line: line(j), Asset: t.ID, Column: colCost,
				Err: fmt.Errorf("%w: 取得価額等 %d is less than the %d of the 建設仮勘定 transferred to it", ErrInconsistent, t.Cost, c)})
		}
	}
	return problems
}

// Len returns the number of assets in r.
func (r *Register) Len() int {
	if r == nil {
		return 0
	}
	return len(r.assets)
}

// Asset returns the i'th asset, 0 ≤ i < Len. A 建設仮勘定 transferred to its
// completed asset has Disposal Transferred.
func (r *Register) Asset(i int) Asset { return r.assets[i] }

// Lookup returns the asset with the given ID and its position.
func (r *Register) Lookup(id string) (Asset, int, bool) {
	if r == nil {
		return Asset{}, -1, false
	}
	i, ok := r.index[id]
	if !ok {
		return Asset{}, -1, false
	}
	return r.assets[i], i, true
}

// All returns the assets in the order given.
func (r *Register) All() iter.Seq2[int, Asset] {
	return func(yield func(int, Asset) bool) {
		if r == nil {
			return
		}
		for i, a := range r.assets {
			if !yield(i, a) {
				return
			}
		}
	}
}

// Life returns the useful life the i'th asset is depreciated over, from
// its Life or its Class; 0 for an asset that is not depreciated.
func (r *Register) Life(i int) int { return int(r.plans[i].life) }
