package jlis

import (
	"fmt"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// BudgetChecks returns the identities of the 令和２年度６月補正予算: between
// 議案第２号 and its 参考資料, the statements and their segment tables,
// the budget and the 交付金見込額一覧 and LGWAN 負担金 table it finances, and
// the budget's opening balances and the FY2019 budget (fy2019, as Build
// returns it).
func BudgetChecks(budget, fy2019 []*Table) ([]Check, error) {
	c := newCells(budget, "")
	c.add(fy2019, "r01:")
	ref, byID := c.ref, c.byID
	ms, err := Koufukin()
	if err != nil {
		return nil, err
	}
	koufukin, err := KoufukinStatement(ms)
	if err != nil {
		return nil, err
	}
	lgwan, _, err := LGWANStatements(ms)
	if err != nil {
		return nil, err
	}
	byID["koufukin"] = koufukin
	// The 補正額 of the LGWAN budget is the change of the 負担金 rounded to
	// 千円: 1,662,876 − 1,659,999 = 2,877, where the exact change,
	// 2,876,192 円, would round to 2,876.
	byID["lgwan"] = lgwan.Scale(statement.Scaling{Unit: format.Thousand, Columns: map[string]statement.Policy{"増減": statement.Recompute}})

	const card = "個人番号カード発行等事業"
	const lg = "総合行政ネットワーク運営事業"
	checks := []Check{
		link("予定貸借対照表 資産合計 = 負債純資産合計", one(ref("h_bs", "1000", "金額")), ref("h_bs", "T_LNA", "金額")),
		link("資金計画 当期末現金及び預金 = 予定貸借対照表 現金及び預金", one(ref("h_cp", "cp_cash_close", "金額")), ref("h_bs", "1110", "金額")),
		link("交付金見込額一覧 負担金総額 = 個人番号カード等関連交付金 + 個人番号カード発行等事業 長期前受収益",
			one(ref("koufukin", "total", "交付金見込額")), ref("h_pl", "4102", "金額"), ref("h_seg_bs", "2215", card)),
		{Link: statement.Link{Name: "個人番号カード発行等事業 長期前受収益: 様式第4号 = 様式第6号",
			Left: one(ref("h_seg_bs", "2215", card)), Right: one(ref("h_seg_cp", "cp_deferred_rev", card))},
			Broken: "様式第4号 prints 1,492,916 and 様式第6号 1,492,616; each agrees with its own totals, and 1,492,916 is the one " +
				"the 交付金見込額一覧 gives (76,476,940 − 個人番号カード等関連交付金 74,984,024)"},
		link("LGWAN 負担金 増減 (千円) = 総合行政ネットワーク運営事業 地方公共団体負担金収入 補正額",
			one(ref("lgwan", "total", "増減")), ref("ref_seg_pl", "4104", lg+"／補正額")),
		link("LGWAN 負担金 増減 (千円) = 予定貸借対照表 現金及び預金 補正額", one(ref("lgwan", "total", "増減")), ref("ref_bs", "1110", "補正額")),
		link("資金計画 前期末未収金 = 令和元年度 予算 未収金", one(ref("h_cp", "cp_recv_open", "金額")), ref("r01:kessan_bs", "1120", "予算額")),
		link("資金計画 前期末未払金 = 令和元年度 予算 未払金 + 未払法人住民税等", one(ref("h_cp", "cp_pay_open", "金額")),
			ref("r01:kessan_bs", "2110", "予算額"), ref("r01:kessan_bs", "2120", "予算額")),
		link("債務負担行為 議案 = 参考資料 (1)", one(ref("h_debt", "debt_1", "限度額")), ref("ref_debt", "debt_1", "限度額")),
		link("債務負担行為 議案 = 参考資料 (2)", one(ref("h_debt", "debt_2", "限度額")), ref("ref_debt", "debt_2", "限度額")),
		link("予定前受金 累積前受金 合計 = 予定貸借対照表 長期前受金", one(ref("ref_deferred", "deferred_total", "累積前受金")), ref("h_bs", "2210", "金額")),
		link("予定前受金 合計 = 資金計画 長期前受金", one(ref("ref_deferred", "deferred_total", "予定前受金")), ref("h_cp", "cp_deferred", "金額")),
	}
	// 議案第２号 = 参考資料２-２ 6月補正後予定額, and 合計 of the segment
	// tables = the statements, line by line.
	for _, part := range []string{"bs", "pl", "cp"} {
		h := byID["h_"+part]
		if h == nil {
			continue
		}
		for _, row := range h.Form().Rows {
			if row.Kind == statement.Header {
				continue
			}
			checks = append(checks,
				link(fmt.Sprintf("%s %s: 議案 = 参考資料 6月補正後予定額", h.Form().Number, row.Label),
					one(ref("h_"+part, row.Key, "金額")), ref("ref_"+part, row.Key, "6月補正後予定額")),
				link(fmt.Sprintf("%s %s: 事業別 合計 = %s", h.Form().Number, row.Label, h.Form().Title),
					one(ref("h_seg_"+part, row.Key, "合計")), ref("h_"+part, row.Key, "金額")))
		}
		hs := byID["h_seg_"+part]
		if hs == nil {
			continue
		}
		for _, n := range []int{1, 3, 6} {
			seg := segments[n-1]
			for _, row := range hs.Form().Rows {
				if row.Kind == statement.Header {
					continue
				}
				c := link(fmt.Sprintf("%s %s %s: 議案 = 参考資料 6月補正後予定額", hs.Form().Number, seg, row.Label),
					one(ref("h_seg_"+part, row.Key, seg)), ref("ref_seg_"+part, row.Key, seg+"／6月補正後予定額"))
				if part == "pl" && row.Key == "5302" {
					c.Broken = "参考資料 様式第5号 labels this row 符号生成運用経費積立金繰入額 where 議案 様式第5号 and both 様式第2号 print " +
						"住基ネット再構築平準化等積立金繰入額; its figures are 0 for the three segments it prints"
				}
				checks = append(checks, c)
			}
		}
	}
	return checks, c.err()
}
