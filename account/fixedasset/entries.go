package fixedasset

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/era"
)

// EntryOptions say how Year.Entries makes its entries. The zero value
// posts to the accounts of the 統一的な基準's chart (that of package
// statement/unified) and numbers the entries 固定資産台帳-1, -2, ….
type EntryOptions struct {
	// The codes of the accounts the entries post to besides each asset's
	// own (Account.Code and Account.AccumulatedCode). Each defaults to
	// the standard chart's: 減価償却費 4123, 資産除売却損 4720, 資産売却益
	// 4810 and 無償所管換等 6600.
	Depreciation, Loss, Gain, FreeTransfer string
	// Proceeds is the code of the account that the books' 資金仕訳 of a
	// sale credited with its price, against 資産売却収入: the entry of the
	// sale debits it with the price and books the rest. Defaults to the
	// Gain account, as the 資金仕訳変換表 of package statement/unified
	// books 財産売払収入 (借方 資産売却収入 / 貸方 資産売却益), leaving the
	// book value to move from 資産売却益 to the asset here.
	Proceeds string
	// IDPrefix starts the id of every entry, followed by its number.
	// Defaults to 固定資産台帳-.
	IDPrefix string
}

// Entries returns the year's 非資金仕訳 that the register gives the books, as
// entries of the journal (整理仕訳), balanced and in whole yen:
//
//   - for each asset received without charge (無償所管換等) in the year, on
//     its day: 借方 the asset / 貸方 無償所管換等, at its cost;
//   - for each 建設仮勘定 transferred (振替) in the year, on its day:
//     借方 the completed asset's account / 貸方 建設仮勘定;
//   - for each asset disposed of in the year, on its day: 借方 its
//     減価償却累計額 then, 貸方 its cost, and the book value to 資産除売却損
//     (除却, and a sale below it), 資産売却益 (a sale above it) or
//     無償所管換等 (given away); a sale also debits the price to the
//     account that the 資金仕訳 credited it to (EntryOptions.Proceeds,
//     資産売却益 unless said), so that the year's 資産売却益 or 資産除売却損
//     is the price less the book value;
//   - for each account, on the last day of the year: 借方 減価償却費 /
//     貸方 its 減価償却累計額 (or, for 無形固定資産, the account itself), the
//     year's depreciation.
//
// Lines on the same account are netted, and an entry whose lines net to
// nothing is left out. The events come in the order of their days, then of
// the register; the depreciation last, by account. Acquisitions paid for
// are not among them: they are 資金仕訳 of the books.
func (y *Year) Entries(opt EntryOptions) []journal.Entry {
	var (
		out    []journal.Entry
		events []event
		r      = y.reg
		last   = y.fy.Last()
	)
	prefix := cmp.Or(opt.IDPrefix, "固定資産台帳-")
	for i := range r.Len() {
		a := &r.assets[i]
		if a.Acquisition == FreeTransfer && y.fy.Contains(a.Acquired) {
			events = append(events, event{a.Acquired, func(e *entry) {
				e.memo = "無償所管換等 " + a.ID + " " + a.Name
				e.add(a.Account.Code(), a.Cost)
				e.add(cmp.Or(opt.FreeTransfer, "6600"), -a.Cost)
			}})
		}
		if held(a) || !y.fy.Contains(a.Disposed) {
			continue
		}
		l := y.Line(i)
		events = append(events, event{a.Disposed, func(e *entry) { y.disposal(e, a, l, opt) }})
	}
	slices.SortStableFunc(events, func(a, b event) int { return a.day.Compare(b.day) })
	for _, ev := range events {
		e := entry{}
		ev.make(&e)
		out = e.append(out, prefix, ev.day)
	}
	for _, a := range Accounts() {
		dep := y.Account(a).Depreciation
		if dep == 0 {
			continue
		}
		e := entry{memo: "減価償却 " + a.String()}
		e.add(cmp.Or(opt.Depreciation, "4123"), dep)
		e.add(cmp.Or(a.AccumulatedCode(), a.Code()), -dep)
		out = e.append(out, prefix, last)
	}
	return out
}

// disposal makes the entry of asset a disposed of in the year, whose
// figures are l.
func (y *Year) disposal(e *entry, a *Asset, l Line, opt EntryOptions) {
	e.memo = a.Disposal.String() + " " + a.ID + " " + a.Name
	if a.Disposal == Transferred {
		t := &y.reg.assets[y.reg.index[a.TransferTo]]
		e.memo += " → " + t.ID + " " + t.Name
		e.add(t.Account.Code(), a.Cost)
		e.add(a.Account.Code(), -a.Cost)
		return
	}
	// The accumulated depreciation leaves with the asset; on an account
	// without a 減価償却累計額 line it was credited to the asset itself.
	e.add(cmp.Or(a.Account.AccumulatedCode(), a.Account.Code()), l.DisposedAccumulated)
	e.add(a.Account.Code(), -a.Cost)
	switch a.Disposal {
	case Retired:
		e.add(cmp.Or(opt.Loss, "4720"), l.BookValue)
	case TransferredOut:
		e.add(cmp.Or(opt.FreeTransfer, "6600"), l.BookValue)
	case Sold:
		e.add(cmp.Or(opt.Proceeds, opt.Gain, "4810"), a.Proceeds)
		if a.Proceeds < l.BookValue {
			e.add(cmp.Or(opt.Loss, "4720"), l.BookValue-a.Proceeds)
		} else {
			e.add(cmp.Or(opt.Gain, "4810"), l.BookValue-a.Proceeds)
		}
	}
}

// An event is the entry of one asset on one day.
type event struct {
	day  era.Date
	make func(*entry)
}

// An entry gathers the net amount of each account, debits positive, in
// the order the accounts first appear.
type entry struct {
	memo  string
	codes []string
	net   map[string]int64
}

func (e *entry) add(code string, amount int64) {
	if e.net == nil {
		e.net = map[string]int64{}
	}
	if _, ok := e.net[code]; !ok {
		e.codes = append(e.codes, code)
	}
	e.net[code] += amount
}

// append appends the entry, dated day, to out, its debits first; an entry
// that nets to nothing is left out.
func (e *entry) append(out []journal.Entry, prefix string, day era.Date) []journal.Entry {
	var lines []journal.Line
	for _, side := range []account.Side{account.Debit, account.Credit} {
		for _, c := range e.codes {
			v := e.net[c]
			switch {
			case v > 0 && side == account.Debit:
				lines = append(lines, journal.Debit(c, decimal.NewFromInt(v)))
			case v < 0 && side == account.Credit:
				lines = append(lines, journal.Credit(c, decimal.NewFromInt(-v)))
			}
		}
	}
	if len(lines) == 0 {
		return out
	}
	id := prefix + strconv.Itoa(len(out)+1)
	return append(out, journal.NewEntry(id, day, journal.Adjusting, e.memo, lines...))
}
