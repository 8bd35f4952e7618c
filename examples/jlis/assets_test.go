package jlis_test

import (
	"os"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// TestAssetsSchedule rebuilds the cost columns of the 有形固定資産等明細書
// from the register of r01/assets.csv (see r01/assets.md) and compares
// every cell of them, totals included, with the report.
func TestAssetsSchedule(t *testing.T) {
	f, err := os.Open("r01/assets.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	register, err := fixedasset.ReadCSV(f, "r01/assets.csv")
	if err != nil {
		t.Fatal(err)
	}
	year, err := register.Year(2019, fixedasset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The rows of the table, by the account and リース区分 of an asset.
	row := func(a fixedasset.Asset) string {
		switch {
		case a.Account == fixedasset.BusinessBuilding:
			return "1211"
		case a.Account == fixedasset.Goods && !a.Lease:
			return "1212"
		case a.Account == fixedasset.Goods:
			return "1214"
		case a.Account == fixedasset.Software:
			return "1222"
		case a.Account == fixedasset.IntangibleOther && a.Lease:
			return "1223"
		}
		t.Fatalf("%s: no row of the table", a.ID)
		return ""
	}
	sums := map[string]*fixedasset.Movement{}
	for i, a := range register.All() {
		l := year.Line(i)
		m := sums[row(a)]
		if m == nil {
			m = &fixedasset.Movement{}
			sums[row(a)] = m
		}
		m.Opening += l.Opening
		m.Increase += l.Increase
		m.Decrease += l.Decrease
	}

	report, err := jlis.FY2019()
	if err != nil {
		t.Fatal(err)
	}
	published, ok := report.Published.Statement("schedule_fixed_assets")
	if !ok {
		t.Fatal("no schedule_fixed_assets")
	}
	costs := []string{"当期首残高", "当期増加額", "当期減少額"}
	form := published.Form()
	var figs []statement.Figure
	for _, r := range form.Rows {
		for _, c := range form.Columns {
			if r.Kind != statement.Item || c.Kind != statement.Input {
				continue
			}
			fig := statement.Figure{Row: r.Key, Column: c.Name}
			if m := sums[r.Key]; m != nil {
				for i, v := range []int64{m.Opening, m.Increase, m.Decrease} {
					if c.Name == costs[i] {
						fig.Value = format.CellOf(decimal.NewFromInt(v))
					}
				}
			}
			figs = append(figs, fig)
		}
	}
	built, err := published.Template().Build(published.Meta(), figs)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range form.Rows {
		for _, col := range append(costs, "当期末残高") {
			want, _ := published.Cell(r.Key, col)
			got, _ := built.Cell(r.Key, col)
			if !got.Equal(want) {
				t.Errorf("%s %s: %s, printed %s", r.Label, col, got, want)
			}
			if want.Valid {
				n++
			}
		}
	}
	if n != 28 {
		t.Errorf("%d printed cost figures compared, want the 28 of 7 rows", n)
	}
}
