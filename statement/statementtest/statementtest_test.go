package statementtest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/jlis"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/statementtest"
	"github.com/shopspring/decimal"
)

// recorder is a statementtest.TB that keeps what it is told.
type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func table(t *testing.T, id string) *jlis.Table {
	tables, err := jlis.Build()
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.ID == id {
			return tb
		}
	}
	t.Fatalf("no table %s", id)
	return nil
}

func TestEqual(t *testing.T) {
	bs := table(t, "bs")
	if !statementtest.Equal(t, bs.Built, bs.Published) || !statementtest.Consistent(t, bs.Published) {
		t.Error("the J-LIS balance sheet does not reproduce")
	}

	// 一般管理費 608,514,198 typed as 608,514,189.
	pl := table(t, "pl")
	figs := pl.Published.Figures()
	for i := range figs {
		if figs[i].Row == "5102" {
			figs[i].Value.Amount = decimal.NewFromInt(608514189)
		}
	}
	got, err := statement.Build(pl.Form, pl.Meta, figs)
	if err != nil {
		t.Fatal(err)
	}
	var r recorder
	if statementtest.Equal(&r, got, pl.Published) {
		t.Error("Equal of differing statements reports true")
	}
	report := strings.Join(r.errs, "\n")
	for _, want := range []string{
		"様式第9号 損益計算書: 一般管理費 金額: got 608,514,189円, want 608,514,198円",
		"営業費用合計 金額: got 42,502,152,451円, want 42,502,152,460円",
		"当期純利益 金額: got 1,456,735,150円, want 1,456,735,141円",
		"mismatch (-want +got)",
		`"608,514,198"`,
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

func TestConsistent(t *testing.T) {
	fa := table(t, "schedule_fixed_assets")
	var r recorder
	if statementtest.Consistent(&r, fa.Published) || len(r.errs) != 2 {
		t.Errorf("Consistent of the fixed asset schedule: %q, want the two ソフトウェア lines", r.errs)
	}
	if statementtest.Diff(fa.Published, fa.Published) != "" {
		t.Error("Diff of a statement with itself is not empty")
	}
}
