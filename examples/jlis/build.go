package jlis

import (
	"fmt"

	"github.com/koukaikei/koukaikei/format"
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
	"summary_bs": {"kessan_bs", map[string]string{"予算": "予算額", "決算": "決算額"},
		statement.Scaling{Unit: format.Million, Columns: map[string]statement.Policy{"差引": statement.Recompute}}},
	"summary_pl": {"kessan_pl", map[string]string{"予算": "予算額", "決算": "決算額"},
		statement.Scaling{Unit: format.Million, Columns: map[string]statement.Policy{"差引": statement.Recompute}}},
	"summary_cf": {"cf", map[string]string{"金額": "金額"},
		statement.Scaling{Unit: format.Million}},
}

// Build returns every table of the report, each with Built set: built from
// the item figures the report prints, or, for the summaries, from the
// statements they summarise, scaled as the report scales them.
func Build() ([]*Table, error) {
	tables, err := Tables()
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*Table, len(tables))
	for _, t := range tables {
		byID[t.ID] = t
	}
	for _, t := range tables {
		figures := t.Published.Figures()
		d, derived := derivations[t.ID]
		if derived {
			src := byID[d.source]
			if src == nil || src.Built == nil {
				return nil, fmt.Errorf("%s: its source %s is not built before it", t.ID, d.source)
			}
			figures = derive(figures, src.Built, d.columns)
		}
		built, err := statement.Build(t.Form, t.Meta, figures)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.ID, err)
		}
		if derived {
			built = built.Scale(d.scaling)
		}
		t.Built = built
	}
	return tables, nil
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
