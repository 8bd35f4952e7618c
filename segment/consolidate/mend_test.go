package consolidate

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// TestMendNoFreeFigure: a link that its rounded figures break, all of whose
// figures a link mended before it holds or are exactly 0, is an
// ErrRounding naming the member, the link, the ratio and the remainder.
//
// No member whose own statements keep the links of 連結 was found to come
// to this (every link of the forms has figures that no smaller link holds),
// so the figures are given as mend receives them: BS 現金預金 3 and
// 余剰分（不足分） 3 keep 資産合計 = 負債及び純資産合計, which is mended
// first, of the links of two figures, and holds 現金預金; the link BS
// 現金預金 = CF 本年度末現金預金残高 then has 3 against a 前年度末資金残高
// of exactly 0, and no figure free to take the remainder.
func TestMendNoFreeFigure(t *testing.T) {
	c := &Consolidation{Scope: unified.Consolidated}
	m := &member{Member: Member{Name: "組合"}, ratio: decimal.RequireFromString("0.3")}
	at := map[[3]string]*leaf{}
	var leaves []*leaf
	for _, l := range []*leaf{
		{kind: unified.BalanceSheet, row: "1510", col: "金額", exact: decimal.NewFromInt(3)},
		{kind: unified.BalanceSheet, row: "3020", col: "金額", exact: decimal.NewFromInt(3)},
		{kind: unified.NetAssets, row: priorNetAssets, col: surplusClass, exact: decimal.NewFromInt(3)},
		{kind: unified.CashFlow, row: priorCash, col: "金額", exact: decimal.Zero},
	} {
		l.yen = l.exact
		at[[3]string{unified.ID(l.kind, c.Scope), l.row, l.col}] = l
		leaves = append(leaves, l)
	}
	ps := c.mend(m, leaves, at)
	if len(ps) != 1 {
		t.Fatalf("problems %v, want one", ps)
	}
	p := ps[0]
	if !errors.Is(p, ErrRounding) || p.Member != "組合" {
		t.Errorf("%v: want ErrRounding of member 組合", p)
	}
	for _, want := range []string{"連結 BS現金預金=CF本年度末現金預金残高", "at 0.3", "break it by 3", "none of them is free"} {
		if !strings.Contains(p.Error(), want) {
			t.Errorf("%v does not say %s", p, want)
		}
	}
}
