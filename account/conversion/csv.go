package conversion

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/internal/csvio"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// A sheet is a CSV file read, with its columns.
type sheet struct {
	source   string
	recs     []csvio.Record
	cols     map[string]int
	problems []Problem
}

// readSheet reads r and its header line of the required and optional
// columns; nil and the error if it cannot.
func readSheet(r io.Reader, source string, required, optional []string) (*sheet, error) {
	fail := func(p Problem) error { return &Error{Source: source, Problems: []Problem{p}} }
	recs, err := csvio.ReadAll(r, 0)
	if err != nil {
		line, column, cause := csvio.Place(err)
		return nil, fail(Problem{Line: line, Column: column, Err: cause})
	}
	if len(recs) == 0 {
		return nil, fail(Problem{Line: 1, Err: fmt.Errorf("%w header line", ErrMissing)})
	}
	cols, bad := csvio.Header(recs[0], required, optional)
	if len(bad) > 0 {
		problems := make([]Problem, len(bad))
		for i, e := range bad {
			problems[i] = Problem{Line: e.Line, Column: e.Column, Err: e.Err}
		}
		return nil, &Error{Source: source, Problems: problems}
	}
	return &sheet{source: source, recs: recs, cols: cols}, nil
}

// lines calls read for each record after the header that has as many
// fields as the header, and reports the others.
func (sh *sheet) lines(read func(rec csvio.Record)) {
	for _, rec := range sh.recs[1:] {
		if len(rec.Fields) != len(sh.recs[0].Fields) {
			sh.report(rec.Line, "", "", fmt.Errorf("%w: number of fields: %d, where the header has %d", ErrSyntax, len(rec.Fields), len(sh.recs[0].Fields)))
			continue
		}
		read(rec)
	}
}

func (sh *sheet) field(rec csvio.Record, name string) string {
	if i, ok := sh.cols[name]; ok {
		return strings.TrimSpace(rec.Fields[i])
	}
	return ""
}

func (sh *sheet) report(line int, row, column string, err error) {
	sh.problems = append(sh.problems, Problem{Line: line, Row: row, Column: column, Err: err})
}

func (sh *sheet) err() error {
	if len(sh.problems) == 0 {
		return nil
	}
	return &Error{Source: sh.source, Problems: sh.problems}
}

// subject reads the 予算科目 of a record.
func (sh *sheet) subject(rec csvio.Record) (Subject, bool) {
	s := Subject{Kan: sh.field(rec, "款"), Kou: sh.field(rec, "項"), Moku: sh.field(rec, "目"),
		Setsu: sh.field(rec, "節"), Saisetsu: sh.field(rec, "細節")}
	d, err := parseDivision(sh.field(rec, "歳入歳出"))
	if err != nil {
		sh.report(rec.Line, "", "歳入歳出", err)
		return s, false
	}
	s.Division = d
	return s, true
}

// account finds the account named in column of rec.
func (sh *sheet) account(rec csvio.Record, names *journal.Names, column string) (string, bool) {
	code, err := names.Lookup(sh.field(rec, column))
	if err != nil {
		sh.report(rec.Line, "", column, err)
		return "", false
	}
	return code, true
}

// The columns of a table.
var (
	tableColumns  = []string{"歳入歳出", "款", "項", "目", "節", "借方", "貸方"}
	tableOptional = []string{"細節", "分類", "備考"}
)

// ReadTableCSV reads a 資金仕訳変換表 from CSV. The header line names the
// columns 歳入歳出, 款, 項, 目, 節, 借方 and 貸方, and optionally 細節, 分類
// and 備考, in any order and no others; then one rule a line:
//
//	歳入歳出,款,項,目,節,細節,分類,借方,貸方,備考
//	歳出,,,,給料,,,職員給与費,人件費支出,
//	歳出,,,,需用費,修繕料,,維持補修費,物件費等支出,
//	歳出,,,,工事請負費,,建物,事業用資産/建物,公共施設等整備費支出,
//	歳出,,,,工事請負費,,維持補修,維持補修費,物件費等支出,
//	歳入,地方税,,,,,,税収等収入,税収等,
//
// 歳入歳出 is 歳入 or 歳出; a blank level matches any, and at least one
// level is given. 分類 names the class of a rule where one 予算科目 books
// more than one account. The accounts are named as names reads them (a
// code, a name, or the end of a name path); 備考 is a remark, kept by no
// one. A rule whose pattern and 分類 repeat an earlier one's is an error.
//
// The input may be UTF-8, with or without a byte order mark, or CP932 as
// a whole. Every problem is reported at once in an *Error whose Source is
// source.
func ReadTableCSV(r io.Reader, source string, names *journal.Names) (*Table, error) {
	sh, err := readSheet(r, source, tableColumns, tableOptional)
	if err != nil {
		return nil, err
	}
	t := &Table{}
	first := map[string]int{} // pattern and class → line
	sh.lines(func(rec csvio.Record) {
		s, ok := sh.subject(rec)
		if !ok {
			return
		}
		r := Rule{Subject: s, Class: sh.field(rec, "分類"), line: rec.Line}
		if s.levels() == [5]string{} {
			sh.report(rec.Line, "", "款", fmt.Errorf("%w 予算科目: a rule gives at least one of 款, 項, 目, 節 and 細節", ErrMissing))
			return
		}
		key := s.String() + "\x00" + r.Class
		if line, dup := first[key]; dup {
			sh.report(rec.Line, "", "", fmt.Errorf("%w rule %s (first on line %d)", ErrDuplicate, s, line))
			return
		}
		first[key] = rec.Line
		var okD, okC bool
		r.Debit, okD = sh.account(rec, names, "借方")
		r.Credit, okC = sh.account(rec, names, "貸方")
		if okD && okC {
			t.rules = append(t.rules, r)
		}
	})
	if err := sh.err(); err != nil {
		return nil, err
	}
	return t, nil
}

// The columns of 歳入歳出データ.
var (
	recordColumns  = []string{"日付", "歳入歳出", "款", "項", "目", "節", "金額"}
	recordOptional = []string{"番号", "細節", "分類", "摘要", "借方", "貸方"}
)

// ReadRecordsCSV reads 歳入歳出データ from CSV. The header line names the
// columns 日付, 歳入歳出, 款, 項, 目, 節 and 金額, and optionally 番号, 細節,
// 分類, 摘要, 借方 and 貸方, in any order and no others; then one receipt or
// payment a line:
//
//	番号,日付,歳入歳出,款,項,目,節,分類,金額,摘要
//	E-101,2023-10-02,歳出,土木費,道路橋りょう費,道路新設改良費,工事請負費,維持補修,"1,200,000",市道補修
//
// 日付 is ISO or 和暦, as era.Parse reads it; a date in the 出納整理期間 is
// one of the closing year (see package journal). 金額 is positive whole
// yen, as format.ParseAmount reads it: a refund (戻入, 戻出) is no negative
// amount but a record of its own accounts. 番号 is the entry id of the
// record's 資金仕訳; without the column, the id is the line number preceded
// by R (R12). 借方 and 貸方, given together, book the record on those
// accounts instead of the table's.
//
// Every problem is reported at once in an *Error whose Source is source.
func ReadRecordsCSV(r io.Reader, source string, names *journal.Names) ([]Record, error) {
	sh, err := readSheet(r, source, recordColumns, recordOptional)
	if err != nil {
		return nil, err
	}
	_, numbered := sh.cols["番号"]
	var out []Record
	sh.lines(func(rec csvio.Record) {
		s, ok := sh.subject(rec)
		r := Record{Subject: s, Class: sh.field(rec, "分類"), Memo: sh.field(rec, "摘要"), source: source, line: rec.Line}
		r.ID = "R" + strconv.Itoa(rec.Line)
		if numbered {
			if r.ID = sh.field(rec, "番号"); r.ID == "" {
				sh.report(rec.Line, "", "番号", fmt.Errorf("%w 番号", ErrMissing))
				ok = false
			}
		}
		if d, err := era.Parse(sh.field(rec, "日付")); err != nil {
			sh.report(rec.Line, "", "日付", fmt.Errorf("%w: 日付 %s: %w", ErrSyntax, quote.Bounded(sh.field(rec, "日付")), err))
			ok = false
		} else {
			r.Date = d
		}
		switch a, err := format.ParseAmount(sh.field(rec, "金額")); {
		case err != nil:
			sh.report(rec.Line, "", "金額", fmt.Errorf("%w: 金額: %w", ErrSyntax, err))
			ok = false
		case a.Sign() <= 0 || !a.IsInteger():
			sh.report(rec.Line, "", "金額", fmt.Errorf("%w: 金額 %s: not positive whole yen", ErrRange, a))
			ok = false
		default:
			r.Amount = a
		}
		debit, credit := sh.field(rec, "借方"), sh.field(rec, "貸方")
		switch {
		case debit == "" && credit == "":
		case debit == "" || credit == "":
			sh.report(rec.Line, "", "借方", fmt.Errorf("%w: a record gives both 借方 and 貸方, or neither", ErrMissing))
			ok = false
		default:
			var okD, okC bool
			r.Debit, okD = sh.account(rec, names, "借方")
			r.Credit, okC = sh.account(rec, names, "貸方")
			ok = ok && okD && okC
		}
		if ok {
			out = append(out, r)
		}
	})
	if err := sh.err(); err != nil {
		return nil, err
	}
	return out, nil
}
