package unified_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// published returns the twelve forms filled with random yen figures and
// printed in 千円, each figure rounded on its own: a local body's 財務書類
// in the three scopes as it publishes them.
func published(tb testing.TB) []*statement.Statement {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var out []*statement.Statement
	for _, info := range unified.Forms() {
		var figs []statement.Figure
		for _, r := range info.Form.Rows {
			if r.Kind != statement.Item {
				continue
			}
			// A row whose 合計 the 様式 leaves blank moves an amount
			// between its classes: they cancel.
			var moved int64
			for k, c := range info.Form.Columns {
				if c.Kind != statement.Input {
					continue
				}
				v := rng.Int64N(2e11) - 5e10
				if len(r.Blank) > 0 {
					if k == len(info.Form.Columns)-1 {
						v = -moved
					}
					moved += v
				}
				figs = append(figs, statement.Figure{Row: r.Key, Column: c.Name, Value: format.CellOf(decimal.NewFromInt(v))})
			}
		}
		s, err := statement.Build(info.Form, statement.Meta{}, figs)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, s.Scale(statement.Scaling{Unit: format.Thousand}))
	}
	return out
}

func TestPublishedStatementsRounded(t *testing.T) {
	for _, s := range published(t) {
		v, err := s.VerifyRounded()
		if err != nil {
			t.Fatal(err)
		}
		// The 純資産変動計算書 forms add up by rows and by columns, a
		// cycle: still, every verdict is a proof.
		for _, f := range v.Findings {
			if f.Verdict == statement.Violation || f.Verdict == statement.Undecided {
				t.Errorf("a correctly rounded statement: %s", f)
			}
		}
	}
}

// BenchmarkVerify compares exact verification of the twelve statements
// with verification under rounding.
func BenchmarkVerify(b *testing.B) {
	book := published(b)
	cells := 0
	for _, s := range book {
		cells += len(s.Form().Rows) * len(s.Form().Columns)
	}
	b.Run("exact", func(b *testing.B) {
		for b.Loop() {
			for _, s := range book {
				s.Verify()
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(cells), "ns/cell")
	})
	b.Run("rounded", func(b *testing.B) {
		for b.Loop() {
			for _, s := range book {
				if _, err := s.VerifyRounded(); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(cells), "ns/cell")
	})
}

// BenchmarkVerifyRatio times the verifications in every iteration, one
// after the other, so that the ratio it reports holds on a busy machine:
// VerifyRounded, which proves every verdict (the 純資産変動計算書 forms,
// whose 合計 column sums the others on every row, are a cycle), against
// Verify.
func BenchmarkVerifyRatio(b *testing.B) {
	book := published(b)
	var exact, rounded time.Duration
	for b.Loop() {
		t0 := time.Now()
		for _, s := range book {
			s.Verify()
		}
		t1 := time.Now()
		for _, s := range book {
			if _, err := s.VerifyRounded(); err != nil {
				b.Fatal(err)
			}
		}
		exact, rounded = exact+t1.Sub(t0), rounded+time.Since(t1)
	}
	b.ReportMetric(float64(rounded)/float64(exact), "rounded/exact")
}
