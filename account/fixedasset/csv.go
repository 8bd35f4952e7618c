package fixedasset

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// The columns of a register in CSV, named as the 手引き names the items
// of the 固定資産台帳.
const (
	colID          = "番号"
	colName        = "件名"
	colAccount     = "勘定科目"
	colClass       = "耐用年数分類"
	colLife        = "耐用年数"
	colLifeReason  = "耐用年数の理由"
	colAcquired    = "取得年月日"
	colCost        = "取得価額等"
	colQuantity    = "数量"
	colUnit        = "単位"
	colLocation    = "所在地"
	colPurpose     = "行政目的"
	colValuation   = "評価方法"
	colAcquisition = "取得事由"
	colSubsidy     = "国県等補助金"
	colBonds       = "地方債"
	colGeneral     = "一般財源等"
	colLease       = "リース区分"
	colTransferTo  = "振替先"
	colDisposed    = "除売却日"
	colDisposal    = "除売却事由"
	colProceeds    = "売却価額"
	colNote        = "備考"
)

// columns lists every column in the order WriteCSV writes them; the first
// six are required.
var columns = []string{colID, colName, colAccount, colAcquired, colCost, colPurpose,
	colClass, colLife, colLifeReason, colQuantity, colUnit, colLocation, colValuation, colAcquisition,
	colSubsidy, colBonds, colGeneral, colLease, colTransferTo, colDisposed, colDisposal, colProceeds, colNote}

const required = 6

// leaseMark is the リース区分 of a lease.
const leaseMark = "リース"

// ReadCSV reads a register from CSV: a header line naming the columns,
// in any order, then one asset a line. The columns are
//
//	番号, 件名, 勘定科目, 取得年月日, 取得価額等, 行政目的   (required)
//	耐用年数分類, 耐用年数, 耐用年数の理由, 数量, 単位, 所在地, 評価方法,
//	取得事由, 国県等補助金, 地方債, 一般財源等, リース区分, 振替先,
//	除売却日, 除売却事由, 売却価額, 備考                     (optional)
//
// holding the fields of Asset: 勘定科目 as ParseAccount reads it
// (事業用資産/建物), 行政目的 as ParsePurpose does (教育); dates in any form
// era.Parse reads (令和5年4月1日, R05.04.01, 2023-04-01), strictly within
// their era; amounts in whole yen, with or without commas; 耐用年数 in
// years; リース区分 empty or リース. An empty optional field is the zero
// value: 評価方法 取得原価, 取得事由 有償取得. A column of any other name is
// an error. The input may be UTF-8, with or without a byte order mark, or
// CP932 as a whole.
//
// Every problem is reported at once, with its line and column, in an
// *Error naming source (the file read; it may be empty); nothing is
// dropped.
func ReadCSV(r io.Reader, source string) (*Register, error) {
	fail := func(p Problem) error { return &Error{Source: source, Problems: []Problem{p}} }
	recs, err := csvio.ReadAll(r, 0)
	if err != nil {
		return nil, fail(csvProblem(err))
	}
	if len(recs) == 0 {
		return nil, fail(Problem{Line: 1, Err: fmt.Errorf("%w header line", ErrMissing)})
	}
	head := recs[0]
	cols, bad := csvio.Header(head, columns[:required], columns[required:])
	if len(bad) > 0 {
		problems := make([]Problem, len(bad))
		for i, e := range bad {
			problems[i] = csvProblem(e)
		}
		return nil, &Error{Source: source, Problems: problems}
	}
	var (
		assets   = make([]Asset, 0, len(recs)-1)
		lines    = make([]int, 0, len(recs)-1)
		problems []Problem
	)
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(head.Fields) {
			problems = append(problems, Problem{Line: rec.Line,
				Err: fmt.Errorf("%w: number of fields: %d, where the header has %d", ErrSyntax, len(rec.Fields), len(head.Fields))})
			continue
		}
		rd := fieldReader{rec: rec, cols: cols}
		a := rd.asset()
		for _, p := range rd.problems {
			p.Asset = a.ID
			problems = append(problems, p)
		}
		assets = append(assets, a)
		lines = append(lines, rec.Line)
	}
	return newRegister(source, assets, lines, problems)
}

// csvProblem returns the problem that an error of csvio reports.
func csvProblem(err error) Problem {
	line, column, cause := csvio.Place(err)
	return Problem{Line: line, Column: column, Err: cause}
}

// A fieldReader reads the fields of one record, noting every problem.
type fieldReader struct {
	rec      csvio.Record
	cols     map[string]int
	problems []Problem
}

func (rd *fieldReader) field(col string) string {
	if i, ok := rd.cols[col]; ok {
		return strings.TrimSpace(rd.rec.Fields[i])
	}
	return ""
}

func (rd *fieldReader) fail(col string, err error) {
	rd.problems = append(rd.problems, Problem{Line: rd.rec.Line, Column: col, Err: err})
}

// asset reads the record's asset.
func (rd *fieldReader) asset() Asset {
	a := Asset{
		ID:         rd.field(colID),
		Name:       rd.field(colName),
		Class:      rd.field(colClass),
		LifeReason: rd.field(colLifeReason),
		Unit:       rd.field(colUnit),
		Location:   rd.field(colLocation),
		TransferTo: rd.field(colTransferTo),
		Note:       rd.field(colNote),
	}
	if rd.field(colAccount) != "" {
		a.Account = parse(rd, colAccount, ParseAccount)
	}
	if rd.field(colPurpose) != "" {
		a.Purpose = parse(rd, colPurpose, ParsePurpose)
	}
	a.Valuation = parse(rd, colValuation, ParseValuation)
	a.Acquisition = parse(rd, colAcquisition, ParseAcquisition)
	a.Disposal = parse(rd, colDisposal, ParseDisposal)
	a.Acquired = rd.date(colAcquired)
	a.Disposed = rd.date(colDisposed)
	a.Cost = rd.yen(colCost)
	a.Proceeds = rd.yen(colProceeds)
	a.Funding = Funding{Subsidy: rd.yen(colSubsidy), Bonds: rd.yen(colBonds), General: rd.yen(colGeneral)}
	if s := rd.field(colLife); s != "" {
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			rd.fail(colLife, fmt.Errorf("%w: 耐用年数 %s: not a number of years", ErrSyntax, quote.Bounded(s)))
		case n < 2 || n > MaxLife:
			rd.fail(colLife, fmt.Errorf("%w: 耐用年数 %d is not from 2 to %d years", ErrRange, n, MaxLife))
		default:
			a.Life = n
		}
	}
	if s := rd.field(colQuantity); s != "" {
		q, err := format.ParseAmount(s)
		if err != nil {
			rd.fail(colQuantity, fmt.Errorf("%w: 数量: %w", ErrSyntax, err))
		}
		a.Quantity = q
	}
	switch s := rd.field(colLease); s {
	case "":
	case leaseMark:
		a.Lease = true
	default:
		rd.fail(colLease, fmt.Errorf("%w: リース区分 %s: neither empty nor %s", ErrSyntax, quote.Bounded(s), leaseMark))
	}
	return a
}

// parse reads the field of col with fn, noting its error.
func parse[T any](rd *fieldReader, col string, fn func(string) (T, error)) T {
	v, err := fn(rd.field(col))
	if err != nil {
		rd.fail(col, err)
	}
	return v
}

// date reads a date in any form era.Parse reads, or the zero Date for an
// empty field.
func (rd *fieldReader) date(col string) era.Date {
	s := rd.field(col)
	if s == "" {
		return era.Date{}
	}
	d, err := era.Parse(s)
	if err != nil {
		kind := ErrSyntax
		if errors.Is(err, era.ErrRange) || errors.Is(err, era.ErrOutsideEra) {
			kind = ErrRange
		}
		rd.fail(col, fmt.Errorf("%w: %w", kind, err))
	}
	return d
}

// yen reads an amount in whole yen, from 0 to MaxCost; 0 for an empty
// field.
func (rd *fieldReader) yen(col string) int64 {
	s := rd.field(col)
	if s == "" {
		return 0
	}
	d, err := format.ParseAmount(s)
	switch {
	case err != nil:
		rd.fail(col, fmt.Errorf("%w: %w", ErrSyntax, err))
	case !d.IsInteger():
		rd.fail(col, fmt.Errorf("%w: %s is not whole yen", ErrRange, quote.Bounded(s)))
	case d.IsNegative():
		rd.fail(col, fmt.Errorf("%w: %s is negative", ErrRange, quote.Bounded(s)))
	case d.GreaterThan(decimal.NewFromInt(MaxCost)):
		rd.fail(col, fmt.Errorf("%w: %s is over %d yen", ErrRange, quote.Bounded(s), MaxCost))
	default:
		return d.IntPart()
	}
	return 0
}

// WriteCSV writes r as CSV that ReadCSV reads back to the same register:
// every column, in the order ReadCSV's doc lists them; dates in 和暦
// (令和5年4月1日), amounts in plain digits, empty fields for zero values;
// in UTF-8 with a byte order mark and CRLF line ends, as spreadsheet
// programs in Japan expect.
func WriteCSV(w io.Writer, r *Register) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	cw.Write(columns)
	record := make([]string, len(columns))
	for _, a := range r.All() {
		for i, col := range columns {
			record[i] = a.field(col)
		}
		cw.Write(record)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// field returns a's field in the given column as WriteCSV writes it.
func (a Asset) field(col string) string {
	yen := func(v int64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatInt(v, 10)
	}
	date := func(d era.Date) string {
		if d == (era.Date{}) {
			return ""
		}
		return d.String()
	}
	switch col {
	case colID:
		return a.ID
	case colName:
		return a.Name
	case colAccount:
		if !a.Account.Valid() {
			return ""
		}
		return a.Account.String()
	case colClass:
		return a.Class
	case colLife:
		if a.Life == 0 {
			return ""
		}
		return strconv.Itoa(a.Life)
	case colLifeReason:
		return a.LifeReason
	case colAcquired:
		return date(a.Acquired)
	case colCost:
		return strconv.FormatInt(a.Cost, 10)
	case colQuantity:
		if a.Quantity.IsZero() {
			return ""
		}
		return a.Quantity.String()
	case colUnit:
		return a.Unit
	case colLocation:
		return a.Location
	case colPurpose:
		if !a.Purpose.Valid() {
			return ""
		}
		return a.Purpose.String()
	case colValuation:
		if a.Valuation == AtCost {
			return ""
		}
		return a.Valuation.String()
	case colAcquisition:
		if a.Acquisition == Purchase {
			return ""
		}
		return a.Acquisition.String()
	case colSubsidy:
		return yen(a.Funding.Subsidy)
	case colBonds:
		return yen(a.Funding.Bonds)
	case colGeneral:
		return yen(a.Funding.General)
	case colLease:
		if a.Lease {
			return leaseMark
		}
		return ""
	case colTransferTo:
		return a.TransferTo
	case colDisposed:
		return date(a.Disposed)
	case colDisposal:
		return a.Disposal.String()
	case colProceeds:
		return yen(a.Proceeds)
	case colNote:
		return a.Note
	}
	return ""
}
