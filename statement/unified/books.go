package unified

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/account/conversion"
	"github.com/koukaikei/koukaikei/account/journal"
	"github.com/koukaikei/koukaikei/account/ledger"
	"github.com/koukaikei/koukaikei/internal/csvio"
)

// Errors of the books, for errors.Is.
var (
	// ErrBooks means books the statements cannot be derived from as the
	// 要領 derives them: an entry that posts to an account the 開始仕訳
	// alone posts to, a 開始仕訳 on an account that carries no balance
	// forward, a cash line whose 資金収支計算書 line cannot be told, books
	// on another chart.
	ErrBooks = errors.New("not derivable from the books")
	// ErrTie means books that do not tie out (see VerifyBooks).
	ErrTie = errors.New("the books do not tie out")
)

// Codes of the standard accounts the derivation treats apart.
const (
	cashCode        = "1510" // 現金預金
	fixedCode       = "3010" // 固定資産等形成分
	surplusCode     = "3020" // 余剰分（不足分）
	outsideOpening  = "9300" // 前年度末歳計外現金残高
	outsideMovement = "9400" // 本年度歳計外現金増減額
	openingFunds    = "9100" // 前年度末資金残高
)

// A use says how the books use a standard account (books.csv, column books).
type use int

const (
	posted  use = iota + 1 // entries post to it
	opening                // only the 開始仕訳 posts to it
	derived                // the derivation computes its row; nothing posts to it
	unused                 // not on the forms of 一般会計等
)

// A fixedClass is how an account counts in 固定資産等形成分 (books.csv,
// column fixed): the 内部変動 rows its movements fall on.
type fixedClass int

const (
	notFixed  fixedClass = iota
	tangible             // 有形固定資産等: 有形固定資産 and 無形固定資産
	financial            // 貸付金・基金等: 投資その他の資産, 短期貸付金, 流動資産の基金
)

// A bookAccount is what books.csv says of one standard account.
type bookAccount struct {
	statement ledger.Statement
	use       use
	receipt   string // the CF account of a receipt of cash against it, if any
	payment   string // the CF account of a payment of cash against it, if any
	fixed     fixedClass
	// valuation marks 資産評価差額, 無償所管換等 and その他 of the
	// 純資産変動計算書, which move 固定資産等形成分 through rows of their own.
	valuation bool
}

// booksData is books.csv, read once.
type booksData struct {
	names    *journal.Names
	accounts map[string]bookAccount // by code
}

var loadBooks = sync.OnceValues(func() (*booksData, error) {
	b := &booksData{names: standardNames(), accounts: map[string]bookAccount{}}
	text, err := data.ReadFile("books.csv")
	if err != nil {
		return nil, err
	}
	recs, err := csvio.ReadAll(bytes.NewReader(text), 0)
	if err != nil {
		return nil, fmt.Errorf("unified: books.csv: %w", err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("unified: books.csv is empty")
	}
	cols, bad := csvio.Header(recs[0], []string{"account", "statement", "books", "receipt", "payment", "fixed"}, nil)
	if len(bad) > 0 {
		return nil, fmt.Errorf("unified: books.csv: %w", bad[0])
	}
	statements := map[string]ledger.Statement{"bs": ledger.BalanceSheet, "pl": ledger.Cost, "nw": ledger.NetAssets, "cf": ledger.CashFlow}
	uses := map[string]use{"posted": posted, "opening": opening, "derived": derived, "unused": unused}
	classes := map[string]fixedClass{"": notFixed, "有形固定資産等": tangible, "貸付金・基金等": financial}
	for _, rec := range recs[1:] {
		if len(rec.Fields) != len(recs[0].Fields) {
			return nil, fmt.Errorf("unified: books.csv: line %d: %d fields", rec.Line, len(rec.Fields))
		}
		field := func(name string) string { return strings.TrimSpace(rec.Fields[cols[name]]) }
		code, err := b.names.Lookup(field("account"))
		if err != nil {
			return nil, fmt.Errorf("unified: books.csv: line %d: %w", rec.Line, err)
		}
		if _, dup := b.accounts[code]; dup {
			return nil, fmt.Errorf("unified: books.csv: line %d: account %s given twice", rec.Line, code)
		}
		var a bookAccount
		var ok1, ok2, ok3 bool
		a.statement, ok1 = statements[field("statement")]
		a.use, ok2 = uses[field("books")]
		a.fixed, ok3 = classes[field("fixed")]
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("unified: books.csv: line %d: statement %q, books %q or fixed %q unknown", rec.Line, field("statement"), field("books"), field("fixed"))
		}
		for _, f := range []struct {
			column string
			to     *string
		}{{"receipt", &a.receipt}, {"payment", &a.payment}} {
			if s := field(f.column); s != "" {
				if *f.to, err = b.names.Lookup(s); err != nil {
					return nil, fmt.Errorf("unified: books.csv: line %d: %s: %w", rec.Line, f.column, err)
				}
			}
		}
		a.valuation = slices.Contains(valuationRows, code)
		b.accounts[code] = a
	}
	return b, nil
})

// books returns books.csv as read. The embedded data is tested, so an
// error is a build that broke it.
func books() *booksData {
	b, err := loadBooks()
	if err != nil {
		panic(err)
	}
	return b
}

// standardNames returns the names of the standard accounts, each root
// under the title of the statement it prints on.
func standardNames() *journal.Names {
	kinds := map[string]Kind{}
	for _, f := range the().forms {
		for _, r := range f.Form.Rows {
			if _, seen := kinds[r.Key]; !seen {
				kinds[r.Key] = f.Kind
			}
		}
	}
	return journal.NewNamesUnder(Chart(), func(root account.Account) string {
		if k, ok := kinds[root.Code]; ok {
			return k.String()
		}
		return ""
	})
}

// Names returns the names of the standard accounts (see journal.Names):
// the printed labels of the forms, and where a label repeats, the end of
// its path of labels (事業用資産/建物, 業務収入/国県等補助金収入), the title
// of the statement above the root (純資産変動計算書/その他). It is immutable
// and shared.
func Names() *journal.Names { return books().names }

// JournalOptions returns the options under which journals of 一般会計等 are
// kept on the standard accounts (Chart): accounts named by Names; entries
// post to the accounts the 要領's books post to, not to the rows the
// statements derive (前年度末純資産残高, 純行政コスト（△）, the 内部変動
// rows, 前年度末資金残高) nor to those of 全体 and 連結 alone; and the 資金
// accounts are those of the 資金収支計算書 save 本年度歳計外現金増減額 (歳計外現金
// is not 資金), and 現金預金, for books that post cash to it. Set Year to
// fix the fiscal year.
func JournalOptions() journal.Options {
	b := books()
	return journal.Options{
		Names: b.names,
		Posting: func(a account.Account) bool {
			u := b.accounts[a.Code].use
			return u == posted || u == opening
		},
		Cash: func(a account.Account) bool {
			if a.Code == cashCode {
				return true
			}
			info := b.accounts[a.Code]
			return info.statement == ledger.CashFlow && info.use == posted && a.Code != outsideMovement
		},
	}
}

// Classify returns the statement whose columns a worksheet (精算表) carries
// the balance of a standard account to (ledger.Ledger.Worksheet): the
// statement its row prints on, and the 貸借対照表 for 前年度末歳計外現金残高,
// which the books hold as part of 現金預金. It returns 0 for an account
// that is not a standard one.
func Classify(a account.Account) ledger.Statement { return books().accounts[a.Code].statement }

// ConversionCSV returns conversion.csv as it is: the sample 資金仕訳変換表 on
// the standard accounts (see package account/conversion), for a body to
// copy and adapt. It books 歳入 by 款 (and 項 where the 款 books several
// accounts) and 歳出 by 節 (and 細節: 需用費/修繕料 on 維持補修費), with the
// 分類 that a record of 工事請負費, 公有財産購入費, 備品購入費, 貸付金,
// 積立金, 国庫支出金 and 都道府県支出金, 基金繰入金 and 貸付金元利収入 must give.
// Each call returns a new slice.
func ConversionCSV() []byte {
	b, err := data.ReadFile("conversion.csv")
	if err != nil {
		panic(err) // the file is embedded
	}
	return b
}

// ConversionTable returns the sample 資金仕訳変換表 of ConversionCSV, read
// with Names. It is immutable and shared.
func ConversionTable() *conversion.Table {
	t, err := loadConversion()
	if err != nil {
		panic(err) // the embedded data is tested
	}
	return t
}

var loadConversion = sync.OnceValues(func() (*conversion.Table, error) {
	return conversion.ReadTableCSV(bytes.NewReader(ConversionCSV()), "conversion.csv", Names())
})
