package jlis

import (
	"fmt"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/statement"
)

// A derivation says how a summary table is made from another table: which
// of its columns each input column takes, and how it is scaled.
type derivation struct {
	source  string            // the id of the table it summarises
	columns map[string]string // input column → the source's column
	scaling statement.Scaling
}

// derivations are the tables of 令和元年度決算の概要. Every figure of its
// balance sheet and income statement is rounded to 百万円 from its exact
// yen value (so 負債 46,760 is not 流動負債 33,442 + 固定負債 13,317), but
// 差引 is the difference of the rounded 予算 and 決算: 固定負債 prints
// 1,898, where the exact difference, 1,898,891,869 円, would round to 1,899.
var derivations = map[string]derivation{
	// 事業別決算の状況: 決算 comes from the segment's column of 様式第14号
	// and 第15号; 予算 is printed in 百万円 only, and 差引 is rounded from
	// exact yen figures, which the report does not give for the budget.
	"summary_bs": {"kessan_bs", map[string]string{"予算": "予算額", "決算": "決算額"},
		statement.Scaling{Unit: format.Million, Columns: map[string]statement.Policy{"差引": statement.Recompute}}},
	"summary_pl": {"kessan_pl", map[string]string{"予算": "予算額", "決算": "決算額"},
		statement.Scaling{Unit: format.Million, Columns: map[string]statement.Policy{"差引": statement.Recompute}}},
	"summary_cf": {"cf", map[string]string{"金額": "金額"},
		statement.Scaling{Unit: format.Million}},
}

// budgetDerivations are the 百万円 summaries of the 令和２年度６月補正予算
// (参考資料２-１), made from the 千円 tables of 参考資料２-２. Every figure,
// 補正後 and totals included, is rounded from its exact 千円 value: 事業収入
// prints 4,478 + 1,696 = 6,173.
var budgetDerivations = map[string]derivation{
	"sum_debt": {"h_debt", map[string]string{"限度額": "限度額"}, statement.Scaling{Unit: format.Million}},
}

func init() {
	whole := map[string]string{"当初予算": "当初予定額", "補正額": "補正額", "補正後予算": "6月補正後予定額"}
	for _, part := range []string{"bs", "pl", "cp"} {
		budgetDerivations["sum_"+part] = derivation{"ref_" + part, whole, statement.Scaling{Unit: format.Million}}
		for _, n := range []int{1, 3, 6} {
			seg := segments[n-1] + "／"
			budgetDerivations[fmt.Sprintf("sum_%s_%d", part, n)] = derivation{"ref_seg_" + part,
				map[string]string{"当初予算": seg + "当初予定額", "補正額": seg + "補正額", "補正後予算": seg + "6月補正後予定額"},
				statement.Scaling{Unit: format.Million}}
		}
	}
}

func init() {
	for i, seg := range segments {
		for _, part := range []string{"bs", "pl"} {
			derivations[fmt.Sprintf("jigyo%d_%s", i+1, part)] = derivation{"seg_" + part,
				map[string]string{"決算": seg}, statement.Scaling{Unit: format.Million}}
		}
	}
}

// segments are the 事業 of J-LIS, in the order 様式第14号 prints them.
var segments = []string{"一般事業", "本人確認情報処理事業", "公的個人認証サービス事業", "個人番号カード発行等事業",
	"中間サーバー共同化・集約化等事業", "総合行政ネットワーク運営事業", "本人確認情報処理事業関連事業"}

// consolidations are the segment statements: their 相殺等 column is
// derived from the elimination entries in r01/<id>.entries.csv, and the
// rows of accounts between segments must net to zero.
var consolidations = map[string][]string{
	"seg_bs": {"2170"}, // 他事業勘定
	"seg_pl": nil,
}

// Build returns every table of the FY2019 report, each with Built set:
// built from the item figures the report prints, or, for the summaries,
// from the statements they summarise, scaled as the report scales them.
func Build() ([]*Table, error) {
	tables, err := Tables()
	if err != nil {
		return nil, err
	}
	return tables, build(tables, derivations)
}

// BuildBudget returns, likewise, every table of the 令和２年度６月補正予算.
func BuildBudget() ([]*Table, error) {
	tables, err := BudgetTables()
	if err != nil {
		return nil, err
	}
	return tables, build(tables, budgetDerivations)
}

// build builds tables: the segment statements by consolidation, the
// derived tables from their sources, the others from their own figures.
func build(tables []*Table, derivations map[string]derivation) error {
	byID := make(map[string]*Table, len(tables))
	for _, t := range tables {
		byID[t.ID] = t
	}
	chart, err := Chart()
	if err != nil {
		return err
	}
	// Sources first: a summary may be printed before what it summarises.
	for _, derived := range []bool{false, true} {
		for _, t := range tables {
			d, ok := derivations[t.ID]
			if ok != derived {
				continue
			}
			if err := buildTable(t, chart, d, byID); err != nil {
				return fmt.Errorf("%s: %w", t.ID, err)
			}
		}
	}
	return nil
}

// buildTable sets t.Built.
func buildTable(t *Table, chart *account.Chart, d derivation, byID map[string]*Table) error {
	if _, ok := consolidations[t.ID]; ok {
		c, err := Consolidation(t, chart)
		if err != nil {
			return err
		}
		t.Built, err = c.Build(t.Meta)
		return err
	}
	figures := t.Published.Figures()
	if d.source != "" {
		src := byID[d.source]
		if src == nil || src.Built == nil {
			return fmt.Errorf("its source %s is not built", d.source)
		}
		figures = derive(figures, src.Built, d.columns)
	}
	built, err := statement.Build(t.Form, t.Meta, figures)
	if err != nil {
		return err
	}
	if d.source != "" {
		built = built.Scale(d.scaling)
	}
	t.Built = built
	return nil
}

// derive returns the figures of a summary: for each input cell, hidden rows
// included, the exact figure of the same row of src in the mapped column;
// and the summary's own texts, from published.
func derive(published []statement.Figure, src *statement.Statement, columns map[string]string) []statement.Figure {
	var figs []statement.Figure
	for _, fig := range published {
		if srcCol, ok := columns[fig.Column]; ok {
			fig.Value, _ = src.Cell(fig.Row, srcCol)
		}
		figs = append(figs, fig)
	}
	return figs
}

// Consolidation returns the consolidation that builds the segment
// statement t (様式第14号 or 第15号): each segment's statement built from
// its published item figures, and the table's elimination entries.
func Consolidation(t *Table, chart *account.Chart) (*segment.Consolidation, error) {
	interSegment, ok := consolidations[t.ID]
	if !ok {
		return nil, fmt.Errorf("%s is not a segment statement", t.ID)
	}
	base := &statement.Form{Number: t.Form.Number, Title: t.Form.Title, Stub: t.Form.Stub, Rows: t.Form.Rows,
		Columns: []statement.Column{{Name: "金額", Kind: statement.Input}}}
	c := &segment.Consolidation{Form: base, Chart: chart, InterSegment: interSegment}
	for _, name := range segments {
		var figs []statement.Figure
		for _, f := range t.Published.Figures() {
			if f.Column == name {
				f.Column = "金額"
				figs = append(figs, f)
			}
		}
		s, err := statement.Build(base, t.Meta, figs)
		if err != nil {
			return nil, fmt.Errorf("segment %s: %w", name, err)
		}
		c.Segments = append(c.Segments, segment.Segment{Name: name, Statement: s})
	}
	name := "r01/" + t.ID + ".entries.csv"
	f, err := files.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if c.Entries, err = segment.ReadEntriesCSV(f, name); err != nil {
		return nil, err
	}
	return c, nil
}
