package jlis

import (
	"fmt"

	"github.com/koukaikei/koukaikei/statement"
)

// A Discrepancy is a figure that the report prints and the library, built
// from the report's own item figures, does not give, with the reason. The
// tests require Build to reproduce every other printed figure.
type Discrepancy struct {
	Table  string // the table's id
	Row    string // the row's key
	Column string // the column's name
	Reason string
}

// Discrepancies are the report's figures that its own arithmetic does not
// give: inconsistencies of the report, and cells its layout leaves empty
// although the form computes them.
var Discrepancies = []Discrepancy{
	{"changes", "sysdev_reserve", "純資産合計",
		"the 純資産合計 block prints no システム開発積立金の積立 line: the transfer moves within 利益剰余金 and nets to 0, which the 利益剰余金合計 block prints"},
	{"changes", "sysdev_draw", "純資産合計",
		"the 純資産合計 block prints no システム開発積立金の取崩 line: the transfer moves within 利益剰余金 and nets to 0, which the 利益剰余金合計 block prints"},
	{"schedule_fixed_assets", "1222", "差引当期末残高",
		"ソフトウェア prints its 償却累計額 as a dash and 差引当期末残高 156,817,712 = 当期末残高 209,446,398 − 当期償却額 52,628,686: the column subtracts the year's amortisation, not the accumulated one"},
	{"schedule_fixed_assets", "fa_intangible_total", "差引当期末残高",
		"無形固定資産計 430,678,572 = 当期末残高 561,127,830 − 償却累計額 77,820,572 − ソフトウェア 当期償却額 52,628,686, following the ソフトウェア row"},
	{"summary_cf", "cf_fx", "金額",
		"決算の概要 prints 換算差額 as 0, where 様式第12号 prints a dash (no figure)"},
	{"jigyo1_bs", "1000", "差引", budgetOnly}, {"jigyo1_bs", "2100", "差引", budgetOnly},
	{"jigyo2_bs", "1200", "差引", budgetOnly}, {"jigyo2_bs", "2000", "差引", budgetOnly},
	{"jigyo2_pl", "5100", "差引", budgetOnly}, {"jigyo2_pl", "P_NET", "差引", budgetOnly},
	{"jigyo3_bs", "2000", "差引", budgetOnly},
	{"jigyo3_pl", "P_OP", "差引", budgetOnly}, {"jigyo3_pl", "4200", "差引", budgetOnly},
	{"jigyo4_bs", "1000", "差引", budgetOnly}, {"jigyo4_bs", "2200", "差引", budgetOnly}, {"jigyo4_bs", "3000", "差引", budgetOnly},
	{"jigyo5_bs", "3000", "差引", budgetOnly},
	{"jigyo5_pl", "5100", "差引", budgetOnly},
	{"jigyo6_bs", "2000", "差引", budgetOnly}, {"jigyo6_bs", "2100", "差引", budgetOnly},
	{"jigyo6_bs", "2200", "差引", budgetOnly}, {"jigyo6_bs", "3000", "差引", budgetOnly},
	{"jigyo7_bs", "1000", "差引", budgetOnly}, {"jigyo7_bs", "1200", "差引", budgetOnly}, {"jigyo7_bs", "2000", "差引", budgetOnly},
	{"jigyo7_pl", "4200", "差引", budgetOnly},
}

// budgetOnly explains the 差引 of the 事業別決算の状況 that differ by one
// 百万円 from 決算 − 予算.
const budgetOnly = "事業別決算の状況 rounds 差引 from the exact yen 決算 and 予算, but prints the segment's 予算 only in 百万円; " +
	"from the printed 予算 the exact 差引 cannot be had, and 決算 − 予算 differs from it by one"

// A Check is an identity between figures of the report, such as
// 損益計算書 当期純利益 = 純資産変動計算書 当期純利益.
type Check struct {
	statement.Link
	// Broken says why the report breaks the identity; empty for the
	// identities it keeps.
	Broken string
}

// Checks returns the identities between the published figures of tables:
// the links between statements, notes, schedules and the 決算報告書.
func Checks(tables []*Table) ([]Check, error) {
	c := newCells(tables, "")
	ref := c.ref
	neg := func(r statement.Ref) statement.Ref { r.Negative = true; return r }
	bs := func(row string) statement.Ref { return ref("bs", row, "金額") }
	pl := func(row string) statement.Ref { return ref("pl", row, "金額") }
	byID := c.byID
	checks := []Check{
		link("貸借対照表 資産合計 = 負債純資産合計", one(bs("1000")), bs("T_LNA")),
		link("損益計算書 当期純利益 = 純資産変動計算書 当期純利益", one(pl("P_NET")), ref("changes", "P_NET", "純資産合計")),
		link("損益計算書 当期純利益 = 利益処分 当期純利益", one(pl("P_NET")), ref("appropriation", "P_NET", "金額")),
		link("利益処分 処分対象利益 = 利益処分額", one(ref("appropriation", "disposable", "金額")),
			ref("appropriation", "appr_3210", "内訳"), ref("appropriation", "appr_3230", "内訳")),
		link("利益処分 積立金 内訳 = 金額", one(ref("appropriation", "appr_3210", "内訳")), ref("appropriation", "appr_3210", "金額")),
		link("利益処分 システム開発積立金 内訳 = 金額", one(ref("appropriation", "appr_3230", "内訳")), ref("appropriation", "appr_3230", "金額")),
		link("キャッシュ・フロー計算書 期末残高 = 現金及び現金同等物", one(ref("cf", "cf_end", "金額")), ref("note_cash", "cash_equivalents", "金額")),
		link("現金及び現金同等物 注記 現金及び預金 = 貸借対照表", one(ref("note_cash", "1110", "金額")), bs("1110")),
		link("減価償却累計額 注記 = 有形固定資産等明細書", one(ref("note_bs_depreciation", "accum_depr", "金額")),
			ref("schedule_fixed_assets", "1210", "当期末減価償却累計額又は償却累計額")),
		link("固定資産除却損 内訳 計 = 損益計算書", one(ref("note_retirement_loss", "5301", "金額")), pl("5301")),
		link("退職給付引当金 期末 = 貸借対照表", one(ref("note_retirement_benefit", "2220", "金額")), bs("2220")),
		link("退職給付引当金 期首 = 引当金明細書", one(ref("note_retirement_benefit", "opening", "金額")), ref("schedule_provisions", "2220", "当期首残高")),
		link("住基ネット再構築平準化等積立金 期末 = 貸借対照表", one(ref("note_reserve_juki", "2240", "金額")), bs("2240")),
		link("住基ネット再構築平準化等積立金 増加額 = 繰入額", one(ref("note_reserve_juki", "increase", "金額")), pl("5302")),
		link("住基ネット再構築平準化等積立金 減少額 = 取崩収入", one(ref("note_reserve_juki", "decrease", "金額")), pl("4113")),
		link("セキュリティ強化等積立金 期末 = 貸借対照表", one(ref("note_reserve_security", "2260", "金額")), bs("2260")),
		link("セキュリティ強化等積立金 増加額 = 繰入額", one(ref("note_reserve_security", "increase", "金額")), pl("5304")),
		link("次期システム更改積立金 期末 = 貸借対照表", one(ref("note_reserve_next", "2270", "金額")), bs("2270")),
		link("次期システム更改積立金 増加額 = 繰入額", one(ref("note_reserve_next", "increase", "金額")), pl("5305")),
		link("資産除去債務 注記 期末 = 貸借対照表", one(ref("note_aro", "2290", "金額")), bs("2290")),
		link("資産除去債務明細書 合計 = 貸借対照表", one(ref("schedule_aro", "aro_total", "当期末残高")), bs("2290")),
		link("資産除去債務明細書 当期首残高 = 注記 期首残高", one(ref("schedule_aro", "aro_total", "当期首残高")), ref("note_aro", "opening", "金額")),
		link("有形固定資産等明細書 有形固定資産計 = 貸借対照表", one(ref("schedule_fixed_assets", "1210", "差引当期末残高")), bs("1210")),
		{Link: statement.Link{Name: "有形固定資産等明細書 無形固定資産計 = 貸借対照表 無形固定資産合計",
			Left: one(ref("schedule_fixed_assets", "fa_intangible_total", "差引当期末残高")), Right: one(bs("1220"))},
			Broken: "the schedule leaves out 電話加入権 3,043,850, which is not amortised"},
		link("有形固定資産等明細書 無形固定資産計 = 無形固定資産合計 − 電話加入権",
			one(ref("schedule_fixed_assets", "fa_intangible_total", "差引当期末残高")), bs("1220"), neg(bs("1221"))),
		link("借入金等明細書 1年以内 = 貸借対照表 流動リース債務", one(ref("schedule_borrowings", "2160", "当期末残高")), bs("2160")),
		link("借入金等明細書 1年超 = 貸借対照表 固定リース債務", one(ref("schedule_borrowings", "2280", "当期末残高")), bs("2280")),
		link("有価証券明細書 合計 = 貸借対照表 投資有価証券", one(ref("schedule_securities", "sec_total", "貸借対照表計上額")), bs("1231")),
		link("有価証券 注記 = 貸借対照表 投資有価証券", one(ref("note_securities", "total", "貸借対照表計上額")), bs("1231")),
		link("金融商品 現金及び預金 = 貸借対照表", one(ref("note_fair_value", "1110", "貸借対照表計上額")), bs("1110")),
		link("金融商品 未収金 = 貸借対照表", one(ref("note_fair_value", "1120", "貸借対照表計上額")), bs("1120")),
		link("金融商品 投資有価証券 = 貸借対照表", one(ref("note_fair_value", "1231", "貸借対照表計上額")), bs("1231")),
		link("金融商品 保証金 = 貸借対照表", one(ref("note_fair_value", "1232", "貸借対照表計上額")), bs("1232")),
		{Link: statement.Link{Name: "金融商品 未払金 = 貸借対照表 未払金",
			Left: one(ref("note_fair_value", "2110", "貸借対照表計上額")), Right: one(bs("2110"))},
			Broken: "the note's 未払金 31,502,547,862 includes 未払法人住民税等 70,000, which the balance sheet shows on a line of its own (31,502,477,862)"},
		link("金融商品 未払金 = 貸借対照表 未払金 + 未払法人住民税等", one(ref("note_fair_value", "2110", "貸借対照表計上額")), bs("2110"), bs("2120")),
		link("金融商品 時価 未払金 = 計上額", one(ref("note_fair_value", "2110", "時価")), ref("note_fair_value", "2110", "貸借対照表計上額")),
		link("金融商品 リース債務 = 貸借対照表 リース債務", one(ref("note_fair_value", "lease_debt", "貸借対照表計上額")), bs("2160"), bs("2280")),
		link("リース債務返済予定額 1年以内 = 貸借対照表 流動リース債務", one(ref("note_lease_repayment", "lease_debt", "1年以内")), bs("2160")),
		link("リース債務返済予定額 1年超 = 貸借対照表 固定リース債務", []statement.Ref{
			ref("note_lease_repayment", "lease_debt", "1年超2年以内"), ref("note_lease_repayment", "lease_debt", "2年超3年以内"),
			ref("note_lease_repayment", "lease_debt", "3年超4年以内"), ref("note_lease_repayment", "lease_debt", "4年超5年以内"),
			ref("note_lease_repayment", "lease_debt", "5年超")}, bs("2280")),
		link("償還予定額 現金及び預金 = 貸借対照表", one(ref("note_redemption", "1110", "1年以内")), bs("1110")),
		link("償還予定額 未収金 = 貸借対照表", one(ref("note_redemption", "1120", "1年以内")), bs("1120")),
	}
	for _, c := range []struct{ component, row string }{
		{"地方公共団体出資金", "3100"}, {"積立金", "3210"}, {"公的個人認証サービス事業財政調整積立金", "3220"},
		{"システム開発積立金", "3230"}, {"利益剰余金合計", "3200"}, {"純資産合計", "3000"},
	} {
		checks = append(checks, link("純資産変動計算書 当期末残高 "+c.component+" = 貸借対照表",
			one(ref("changes", "closing", c.component)), bs(c.row)))
	}
	for _, row := range []string{"2140", "2150", "2220", "2230"} {
		checks = append(checks, link("引当金明細書 当期末残高 "+row+" = 貸借対照表",
			one(ref("schedule_provisions", row, "当期末残高")), bs(row)))
	}
	checks = append(checks,
		link("様式第16号 長期前受金 合計 = 貸借対照表", one(ref("seg16_deferred", "2210", "金額")), bs("2210")),
		link("様式第16号 負債性積立金 合計 = 貸借対照表 住基ネット再構築平準化等積立金 + セキュリティ強化等積立金 + 次期システム更改積立金",
			one(ref("seg16_reserves", "reserves_total", "金額")), bs("2240"), bs("2260"), bs("2270")),
		link("様式第16号 補助金等 当期減少額 = 損益計算書 補助金等収入", one(ref("seg16_subsidies", "subsidy_total", "当期減少額")), pl("4111")),
	)
	// Every line of the 決算報告書 and of the segment statements that the
	// statements print: 決算額 = 金額, 合計 = 金額.
	for _, pair := range [][3]string{{"kessan_bs", "決算額", "bs"}, {"kessan_pl", "決算額", "pl"}, {"seg_bs", "合計", "bs"}, {"seg_pl", "合計", "pl"}} {
		k, s := byID[pair[0]], byID[pair[2]]
		if k == nil || s == nil {
			continue
		}
		for _, row := range s.Form().Rows {
			if row.Kind != statement.Header {
				checks = append(checks, link(fmt.Sprintf("%s %s %s = %s", k.Form().Title, row.Label, pair[1], s.Form().Title),
					one(ref(pair[0], row.Key, pair[1])), ref(pair[2], row.Key, "金額")))
			}
		}
	}
	return checks, c.err()
}

// cells names the cells of published tables for checks, and remembers the
// tables it was asked for and does not have.
type cells struct {
	byID    map[string]*statement.Statement
	missing []string
}

// newCells holds the published statements of tables, by id with prefix.
func newCells(tables []*Table, prefix string) *cells {
	c := &cells{byID: map[string]*statement.Statement{}}
	c.add(tables, prefix)
	return c
}

func (c *cells) add(tables []*Table, prefix string) {
	for _, t := range tables {
		c.byID[prefix+t.ID] = t.Published
	}
}

// ref names a cell of the table with the given id.
func (c *cells) ref(id, row, col string) statement.Ref {
	s := c.byID[id]
	if s == nil {
		c.missing = append(c.missing, id)
		s = &statement.Statement{}
	}
	return statement.Ref{Statement: s, Row: row, Column: col}
}

func (c *cells) err() error {
	if len(c.missing) > 0 {
		return fmt.Errorf("checks name tables that were not read: %v", c.missing)
	}
	return nil
}

// link is the identity that the cells left sum to the cells right.
func link(name string, left []statement.Ref, right ...statement.Ref) Check {
	return Check{Link: statement.Link{Name: name, Left: left, Right: right}}
}

func one(r statement.Ref) []statement.Ref { return []statement.Ref{r} }
