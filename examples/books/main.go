// Command books keeps a local body's books for one fiscal year and derives
// its four statements from them, as 総務省's 財務書類作成要領 does:
// 歳入歳出データ → 資金仕訳変換表 → 仕訳帳 → 総勘定元帳 → 合計残高試算表 →
// 精算表 → 財務書類4表 (一般会計等).
//
// Usage:
//
//	go run ./examples/books -journal J.csv [-opening O.csv] [-budget B.csv [-map M.csv]] [-assets A.csv [-method 月割]] [-year 令和5年度] [-entity NAME] [-o DIR]
//
// -journal is a journal on the standard accounts (see journal.ReadCSV):
// the entries of the year that are not in the 歳入歳出データ, such as the
// 整理仕訳. -opening is last year's closing balances (account,debit,credit),
// brought forward as the 開始仕訳. -budget is the year's 歳入歳出データ (see
// conversion.ReadRecordsCSV), turned into 資金仕訳 by the 資金仕訳変換表 of
// -map, or by the sample table of statement/unified when -map is not
// given. Either -journal or -budget, or both, must be given.
//
// -assets is the 固定資産台帳 (see fixedasset.ReadCSV): the register's
// 非資金仕訳 of the year — 減価償却, 除売却, 無償所管換等 and the 振替 of
// 建設仮勘定 — are posted with the journal's entries, which must not hold
// them too, and the 附属明細書's 有形固定資産の明細 and 有形固定資産の行政目的別明細
// are printed after the statements and tied to the 貸借対照表. -method is
// how the register depreciates the years of acquisition and disposal:
// 翌年度から (the default) or 月割; which of them the 手引き makes its 原則
// has not been confirmed against its text (see account/fixedasset).
//
// The year is -year, or else the fiscal year of the earliest date in the
// journal (or the budget data, without a journal): every other date must
// fall in that year or in its 出納整理期間 (4月1日 to 5月31日 after it),
// whose entries belong to the year that closes.
//
// It prints the 合計残高試算表, the 精算表, the four statements and whether
// the books tie out; -o DIR writes the statements to DIR as bs.csv,
// pl.csv, nw.csv and cf.csv (and, with -assets, tangible-assets.csv and
// tangible-assets-by-purpose.csv), in the CSV that statement.ReadCSV and
// examples/check read. It exits with 0 when the books tie out, 1 when they
// do not (the ties that break name the accounts behind them), and 2 for
// bad flags or bad input, which the message names by file, line and
// column.
//
// testdata holds a worked year of a small town, さくら町, 令和5年度, with
// every figure computed by hand in testdata/WORKED.md:
//
//	go run ./examples/books -journal examples/books/testdata/journal.csv -opening examples/books/testdata/opening.csv -budget examples/books/testdata/budget.csv -entity さくら町
//
// Its journal.csv holds the register's entries (D-A1 to X-A3, and J-01)
// for the run without -assets; testdata/assets.csv is the register they
// come from, which the tests run with -assets -method 月割 and the journal
// without them.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/koukaikei/koukaikei/account/conversion"
	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks bad flags.
var errUsage = errors.New("usage")

const usage = "books -journal J.csv [-opening O.csv] [-budget B.csv [-map M.csv]] [-assets A.csv [-method 月割]] [-year 令和5年度] [-entity NAME] [-o DIR]"

// flags are the program's flags.
type flags struct {
	journal, opening, assets, method, budget, table, year, entity, out string
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("books", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f flags
	fs.StringVar(&f.journal, "journal", "", "the journal, a CSV `file` of entry,date,account,debit,credit[,memo,stage]")
	fs.StringVar(&f.opening, "opening", "", "last year's closing balances, a CSV `file` of account,debit,credit")
	fs.StringVar(&f.assets, "assets", "", "the 固定資産台帳, a CSV `file`")
	fs.StringVar(&f.method, "method", "", "how the register depreciates the years of acquisition and disposal: 翌年度から (the default) or 月割")
	fs.StringVar(&f.budget, "budget", "", "the year's 歳入歳出データ, a CSV `file`")
	fs.StringVar(&f.table, "map", "", "the 資金仕訳変換表, a CSV `file`; the sample table of statement/unified if not given")
	fs.StringVar(&f.year, "year", "", "the fiscal `year`, such as 令和5年度; inferred from the dates if not given")
	fs.StringVar(&f.entity, "entity", "", "the `name` of the body, printed on the statements")
	fs.StringVar(&f.out, "o", "", "write bs.csv, pl.csv, nw.csv and cf.csv to `DIR`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: "+usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	tie, err := books(f, fs.Args(), stdout)
	switch {
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "books: %v\n", err)
		fs.Usage()
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "books: %v\n", err)
		return 2
	case tie != nil:
		fmt.Fprintf(stderr, "books: %v\n", tie)
		return 1
	}
	return 0
}

// books keeps the books of f and prints them; it returns the error of the
// ties that do not hold, or of anything that stopped it.
func books(f flags, rest []string, stdout io.Writer) (tie error, err error) {
	switch {
	case len(rest) > 0:
		return nil, fmt.Errorf("%w: unexpected arguments %q", errUsage, rest)
	case f.journal == "" && f.budget == "":
		return nil, fmt.Errorf("%w: give -journal, -budget or both", errUsage)
	case f.table != "" && f.budget == "":
		return nil, fmt.Errorf("%w: -map without -budget", errUsage)
	case f.method != "" && f.assets == "":
		return nil, fmt.Errorf("%w: -method without -assets", errUsage)
	}
	method := fixedasset.FromNextYear
	switch f.method {
	case "", method.String():
	case fixedasset.Monthly.String():
		method = fixedasset.Monthly
	default:
		return nil, fmt.Errorf("%w: -method %q: neither %s nor %s", errUsage, f.method, fixedasset.FromNextYear, fixedasset.Monthly)
	}
	opt := unified.JournalOptions()
	if f.year != "" {
		fy, err := era.ParseFiscalYear(f.year)
		if err != nil {
			return nil, fmt.Errorf("%w: -year: %v", errUsage, err)
		}
		opt.Year = fy
	}
	j, err := readJournal(f, opt)
	if err != nil {
		return nil, err
	}
	var year *fixedasset.Year
	if f.assets != "" {
		if year, err = readAssets(f.assets, j.Year(), method); err != nil {
			return nil, err
		}
		if j, err = j.With(year.Entries(fixedasset.EntryOptions{})...); err != nil {
			return nil, err
		}
	}
	l := ledger.Post(j)
	book, err := unified.FromBooks(l, unified.BooksOptions{Entity: f.entity})
	if err != nil {
		return nil, err
	}
	ties, tie := unified.VerifyBooks(l, book)
	if year != nil {
		t, err := schedules(book, year, f.entity)
		if err != nil {
			return nil, err
		}
		ties = append(ties, t)
		if !t.Holds && tie == nil {
			tie = fmt.Errorf("%s: %s", t.Name, t.Detail)
		}
	}
	if err := print(stdout, l, book, ties, f.entity); err != nil {
		return nil, err
	}
	if f.out != "" {
		if err := write(f.out, book); err != nil {
			return nil, err
		}
	}
	return tie, nil
}

// readJournal reads the journal, the 歳入歳出データ and the opening
// balances of f into one journal.
func readJournal(f flags, opt journal.Options) (*journal.Journal, error) {
	chart := unified.Chart()
	var entries []journal.Entry
	if f.budget != "" {
		table := unified.ConversionTable()
		if f.table != "" {
			data, err := os.ReadFile(f.table)
			if err != nil {
				return nil, err
			}
			if table, err = conversion.ReadTableCSV(bytes.NewReader(data), f.table, unified.Names()); err != nil {
				return nil, err
			}
		}
		data, err := os.ReadFile(f.budget)
		if err != nil {
			return nil, err
		}
		records, err := conversion.ReadRecordsCSV(bytes.NewReader(data), f.budget, unified.Names())
		if err != nil {
			return nil, err
		}
		if entries, err = table.Convert(records); err != nil {
			return nil, err
		}
	}
	var j *journal.Journal
	if f.journal != "" {
		data, err := os.ReadFile(f.journal)
		if err != nil {
			return nil, err
		}
		if j, err = journal.ReadCSV(bytes.NewReader(data), f.journal, chart, opt); err != nil {
			return nil, err
		}
		if j, err = j.With(entries...); err != nil {
			return nil, err
		}
	} else {
		var err error
		if j, err = journal.New(chart, entries, opt); err != nil {
			return nil, err
		}
	}
	if f.opening == "" {
		return j, nil
	}
	data, err := os.ReadFile(f.opening)
	if err != nil {
		return nil, err
	}
	open, err := journal.ReadOpeningCSV(bytes.NewReader(data), f.opening, chart, j.Options())
	if err != nil {
		return nil, err
	}
	return j.With(open)
}

// readAssets reads the 固定資産台帳 of file and computes fiscal year fy.
func readAssets(file string, fy era.FiscalYear, method fixedasset.Method) (*fixedasset.Year, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	r, err := fixedasset.ReadCSV(bytes.NewReader(data), file)
	if err != nil {
		return nil, err
	}
	return r.Year(fy, fixedasset.Options{Method: method})
}

// schedules adds the year's schedules of fixed assets to book and returns
// the tie of their links to the 貸借対照表: whether every one holds, and
// those that do not.
func schedules(book *statement.Book, year *fixedasset.Year, entity string) (unified.Tie, error) {
	meta := statement.Meta{Entity: entity, AsOf: year.FiscalYear().Last()}
	for _, b := range []struct {
		id    string
		build func(*fixedasset.Year, statement.Meta) (*statement.Statement, error)
	}{{unified.TangibleAssets, unified.BuildTangibleAssets}, {unified.TangibleAssetsByPurpose, unified.BuildTangibleAssetsByPurpose}} {
		s, err := b.build(year, meta)
		if err != nil {
			return unified.Tie{}, err
		}
		if err := book.Add(b.id, s); err != nil {
			return unified.Tie{}, err
		}
	}
	links := unified.ScheduleLinks()
	tie := unified.Tie{Name: "附属明細書: 有形固定資産の明細と行政目的別明細 = 貸借対照表", Holds: true,
		Detail: fmt.Sprintf("%d links hold", len(links))}
	var broken []string
	for _, f := range book.Verify(statement.VerifyOptions{Links: links}).Findings {
		if f.Kind == statement.LinkBroken {
			broken = append(broken, f.String())
		}
	}
	if len(broken) > 0 {
		tie.Holds, tie.Detail = false, strings.Join(broken, "; ")
	}
	return tie, nil
}

// print prints the trial balance, the worksheet, the four statements, the
// schedules of fixed assets if there are any, and the ties.
func print(w io.Writer, l *ledger.Ledger, book *statement.Book, ties []unified.Tie, entity string) error {
	popt := ledger.PrintOptions{Entity: entity}
	if err := l.TrialBalance().WriteText(w, popt); err != nil {
		return err
	}
	fmt.Fprintln(w)
	ws, err := l.Worksheet(unified.Classify)
	if err != nil {
		return err
	}
	if err := ws.WriteText(w, popt); err != nil {
		return err
	}
	for _, id := range book.IDs() {
		s, _ := book.Statement(id)
		fmt.Fprintln(w)
		if err := s.WriteText(w, statement.TextOptions{}); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)
	for _, t := range ties {
		mark := "○"
		if !t.Holds {
			mark = "×"
		}
		fmt.Fprintf(w, "%s %s: %s\n", mark, t.Name, t.Detail)
	}
	return nil
}

// write writes the statements to dir in the published-file CSV: the four
// as bs.csv, pl.csv, nw.csv and cf.csv, the schedules under their ids.
func write(dir string, book *statement.Book) error {
	for _, id := range book.IDs() {
		s, _ := book.Statement(id)
		var buf bytes.Buffer
		if err := s.WriteCSV(&buf, statement.CSVOptions{}); err != nil {
			return err
		}
		name := strings.TrimSuffix(id, "-general")
		name = filepath.Join(dir, name+".csv")
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
