package consolidate

import (
	"strings"

	"github.com/koukaikei/koukaikei/internal/quote"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// The rows of the 貸借対照表 that the column 固定資産等形成分 is defined by.
const (
	fixedRow        = "3010" // 固定資産等形成分
	fixedAssetsRow  = "1000" // 固定資産
	shortLoansRow   = "1530" // 短期貸付金
	currentFundsRow = "1540" // 基金 (流動資産)
)

// fixedLinkName names the identity of 固定資産等形成分 in scope s.
func fixedLinkName(s unified.Scope) string {
	return s.String() + " BS固定資産等形成分=固定資産+短期貸付金+基金"
}

// scopeLinks returns the links of scope s that a consolidation keeps:
// those of unified.Links, and the identity that defines 固定資産等形成分
// under the 統一的な基準, the 純資産 held as 固定資産, 短期貸付金 and
// 流動資産の基金 (the tie unified.VerifyBooks checks of the books of
// 一般会計等).
// Consolidating adds up those assets and eliminates some of them (出資金),
// so it must move 固定資産等形成分 with them; with the link BS
// 固定資産等形成分 = NW 本年度末, the 純資産変動計算書's 本年度末 keeps it too.
func scopeLinks(s unified.Scope) []statement.Link {
	bs := unified.ID(unified.BalanceSheet, s)
	ref := func(row string) statement.Ref { return statement.Ref{Statement: bs, Row: row, Column: "金額"} }
	return append(unified.Links(s), statement.Link{
		Name:  fixedLinkName(s),
		Left:  []statement.Ref{ref(fixedRow)},
		Right: []statement.Ref{ref(fixedAssetsRow), ref(shortLoansRow), ref(currentFundsRow)},
		Note:  "統一的な基準: 固定資産等形成分 is the 純資産 held as 固定資産, 短期貸付金 and 流動資産の基金",
	})
}

// findings returns what is wrong with the statements of book, held under
// their form ids, and with the links of scope s between them
// (scopeLinks). A 固定資産等形成分 of 0 against no figure on the other
// side, or the other way round, keeps the identity: a body with no assets
// of the kind may print either.
func findings(book *statement.Book, s unified.Scope) []statement.Finding {
	name := fixedLinkName(s)
	var out []statement.Finding
	for _, f := range book.Verify(statement.VerifyOptions{Links: scopeLinks(s)}).Findings {
		if f.Rule != name || f.GotText != "" || f.Got.Valid == f.Want.Valid ||
			f.Got.Valid && !f.Got.Amount.IsZero() || f.Want.Valid && !f.Want.Amount.IsZero() {
			out = append(out, f)
		}
	}
	return out
}

// explain returns what finding f of book b says, and for a break of the
// identity of 固定資産等形成分 in scope s, the accounts behind it:
// 固定資産等形成分, and the label paths of the assets it is formed of that
// have a figure other than 0.
func explain(b *statement.Book, s unified.Scope, f statement.Finding) string {
	text := quote.Bounded(f.Rule) + ": " + f.String()
	if f.Rule != fixedLinkName(s) || f.GotText != "" {
		return text
	}
	id := unified.ID(unified.BalanceSheet, s)
	st, ok := b.Statement(id)
	if !ok {
		return text
	}
	t, _ := unified.Template(id)
	accounts := []string{labelPath(t, fixedRow)}
	var walk func(row string)
	walk = func(row string) {
		if fm := t.Formula(row); fm != nil {
			for _, term := range fm {
				walk(term.Key)
			}
			return
		}
		if v, _ := st.Cell(row, "金額"); v.Valid && !v.Amount.IsZero() {
			accounts = append(accounts, labelPath(t, row))
		}
	}
	for _, row := range []string{fixedAssetsRow, shortLoansRow, currentFundsRow} {
		walk(row)
	}
	return text + "; accounts: " + strings.Join(accounts, ", ")
}
