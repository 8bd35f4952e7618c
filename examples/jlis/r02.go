package jlis

import (
	"fmt"

	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/shopspring/decimal"
)

// A Municipality is one line of the 令和２年度交付金見込額一覧: a body, its
// population on 平成31年1月1日, and the amount printed for it.
type Municipality struct {
	Code       segment.LocalCode
	Prefecture string
	Name       string
	Population decimal.Decimal
	Amount     decimal.Decimal // 交付金見込額, in 円, as printed
}

// KoufukinTotal is the 負担金総額 that 議案第３号 prints:
// ７６，４７６，９４０，０００円.
var KoufukinTotal = decimal.NewFromInt(76476940000)

// Koufukin returns the 1,741 lines of the 令和２年度交付金見込額一覧 (r02/koufukin.csv),
// in printed order. Every code's check digit is verified.
func Koufukin() ([]Municipality, error) {
	recs, err := readCSV("r02/koufukin.csv", "code", "prefecture", "municipality", "population", "amount")
	if err != nil {
		return nil, err
	}
	out := make([]Municipality, 0, len(recs))
	for _, r := range recs {
		code, err := segment.ParseLocalCode(r.field("code"))
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", r.file, r.line, err)
		}
		pop, err1 := decimal.NewFromString(r.field("population"))
		amount, err2 := decimal.NewFromString(r.field("amount"))
		if err1 != nil || err2 != nil {
			return nil, r.errorf("population %q or amount %q is not a number", r.field("population"), r.field("amount"))
		}
		out = append(out, Municipality{Code: code, Prefecture: r.field("prefecture"), Name: r.field("municipality"), Population: pop, Amount: amount})
	}
	return out, nil
}

// A Contribution is one line of the 総合行政ネットワークに係る令和２年度負担金一覧
// （都道府県別）: a prefecture's 負担金 before and after the change, and
// the change, in 円, as printed.
type Contribution struct {
	Prefecture            string
	Before, After, Change decimal.Decimal
}

// LGWAN returns the 47 lines of the LGWAN 負担金 table (r02/lgwan.csv), in
// printed order, and its printed 合計 line, which the file holds last.
func LGWAN() ([]Contribution, Contribution, error) {
	recs, err := readCSV("r02/lgwan.csv", "prefecture", "before", "after", "change")
	if err != nil {
		return nil, Contribution{}, err
	}
	out := make([]Contribution, 0, len(recs))
	for _, r := range recs {
		c := Contribution{Prefecture: r.field("prefecture")}
		for _, f := range []struct {
			name string
			to   *decimal.Decimal
		}{{"before", &c.Before}, {"after", &c.After}, {"change", &c.Change}} {
			if *f.to, err = decimal.NewFromString(r.field(f.name)); err != nil {
				return nil, Contribution{}, r.errorf("%s %q is not a number", f.name, r.field(f.name))
			}
		}
		out = append(out, c)
	}
	if len(out) == 0 || out[len(out)-1].Prefecture != "合計" {
		return nil, Contribution{}, fmt.Errorf("r02/lgwan.csv: no 合計 line at the end")
	}
	return out[:len(out)-1], out[len(out)-1], nil
}

// A record is a line of a data file, its fields by column name.
type record struct {
	file   string
	line   int
	fields map[string]string
}

func (r record) field(name string) string { return r.fields[name] }

func (r record) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: line %d: %s", r.file, r.line, fmt.Sprintf(format, args...))
}

// readCSV reads a data file whose header names the given columns.
func readCSV(name string, columns ...string) ([]record, error) {
	f, err := files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csvio.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	cols, err := csvio.Header(recs[0], columns...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]record, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(recs[0].Fields) {
			return nil, fmt.Errorf("%s: line %d: %d fields, the header has %d", name, rec.Line, len(rec.Fields), len(recs[0].Fields))
		}
		r := record{file: name, line: rec.Line, fields: map[string]string{}}
		for c, i := range cols {
			r.fields[c] = rec.Fields[i]
		}
		out = append(out, r)
	}
	return out, nil
}
