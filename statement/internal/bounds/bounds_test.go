package bounds_test

import (
	"errors"
	"math"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement/internal/bounds"
)

func TestPrinted(t *testing.T) {
	iv := func(lo, hi int64) bounds.Interval { return bounds.Interval{Lo: lo, Hi: hi} }
	tests := []struct {
		name   string
		p      int64
		unit   int64
		r      format.Rounding
		want   bounds.Interval
		reason string
	}{
		{"yen", 7, 1, format.HalfUp, iv(7, 7), "a figure in 円 is exact"},
		{"四捨五入 1", 1, 1000, format.HalfUp, iv(500, 1499), "500 rounds up to 1, 1,500 to 2"},
		{"四捨五入 0", 0, 1000, format.HalfUp, iv(-499, 499), "±500 round away from zero"},
		{"四捨五入 △1", -1, 1000, format.HalfUp, iv(-1499, -500), "the mirror of 1"},
		{"四捨五入 百万円", 53430, 1000000, format.HalfUp, iv(53429500000, 53430499999), "53,429,604,577 prints as 53,430"},
		{"切り捨て 1", 1, 1000, format.Down, iv(1000, 1999), "toward zero"},
		{"切り捨て 0", 0, 1000, format.Down, iv(-999, 999), "both sides truncate to 0"},
		{"切り捨て △1", -1, 1000, format.Down, iv(-1999, -1000), "the mirror of 1"},
		{"切り上げ 1", 1, 1000, format.Up, iv(1, 1000), "away from zero"},
		{"切り上げ 0", 0, 1000, format.Up, iv(0, 0), "only zero itself prints 0"},
		{"切り上げ △1", -1, 1000, format.Up, iv(-1000, -1), "the mirror of 1"},
		{"偶数丸め 1", 1, 1000, format.HalfEven, iv(501, 1499), "500 and 1,500 go to the even 0 and 2"},
		{"偶数丸め 2", 2, 1000, format.HalfEven, iv(1500, 2500), "an even figure keeps both halves"},
		{"偶数丸め 0", 0, 1000, format.HalfEven, iv(-500, 500), "0 is even"},
	}
	for _, tt := range tests {
		got, err := bounds.Printed(tt.p, tt.unit, tt.r)
		if err != nil || got != tt.want {
			t.Errorf("%s: Printed(%d, %d, %v) = %v, %v; want %v (%s)", tt.name, tt.p, tt.unit, tt.r, got, err, tt.want, tt.reason)
		}
	}
	for _, bad := range []struct {
		p, unit int64
		r       format.Rounding
	}{{1, 0, format.HalfUp}, {1, 3, format.HalfUp}, {math.MaxInt64 / 10, 1000, format.HalfUp}, {1, 1000, format.Rounding(9)}} {
		if _, err := bounds.Printed(bad.p, bad.unit, bad.r); !errors.Is(err, bounds.ErrRange) {
			t.Errorf("Printed(%d, %d, %v): error %v, want ErrRange", bad.p, bad.unit, bad.r, err)
		}
	}
}

func printed(t *testing.T, p, unit int64) bounds.Interval {
	t.Helper()
	iv, err := bounds.Printed(p, unit, format.HalfUp)
	if err != nil {
		t.Fatal(err)
	}
	return iv
}

// equation adds head = Σ ±terms, as a total is written.
func equation(t *testing.T, s *bounds.System, head int, terms ...bounds.Term) int {
	t.Helper()
	all := []bounds.Term{{Var: head}}
	for _, term := range terms {
		term.Negative = !term.Negative
		all = append(all, term)
	}
	e, err := s.AddEquation(all...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestSolve(t *testing.T) {
	type want struct {
		verdicts []bounds.Verdict
		excess   []int64                 // per equation: its certificate's excess, 0 for none
		implied  map[int]bounds.Interval // implied intervals to check
		split    bool                    // a violation proven by cases
	}
	tests := []struct {
		name   string
		build  func(t *testing.T, s *bounds.System)
		want   want
		reason string
	}{{
		name: "物件費等 within rounding",
		// 島田市 H29 (千円): 物件費等 14,706,954 = 7,209,154 + 519,465 +
		// 6,978,336 + - . The terms may sum to 14,706,953,500 …
		// 14,706,956,497 yen, the total stands for 14,706,953,500 …
		// 14,706,954,499: they meet.
		build: func(t *testing.T, s *bounds.System) {
			total := s.AddVar(printed(t, 14706954, 1000))
			a := s.AddVar(printed(t, 7209154, 1000))
			b := s.AddVar(printed(t, 519465, 1000))
			c := s.AddVar(printed(t, 6978336, 1000))
			none := s.AddVar(bounds.Exact(0))
			equation(t, s, total, bounds.Term{Var: a}, bounds.Term{Var: b}, bounds.Term{Var: c}, bounds.Term{Var: none})
		},
		want: want{verdicts: []bounds.Verdict{bounds.Holds}, excess: []int64{0},
			implied: map[int]bounds.Interval{0: {Lo: 14706953500, Hi: 14706954499}, 1: {Lo: 7209153500, Hi: 7209154499}}},
		reason: "a tree: consistent",
	}, {
		name: "予算 implied in yen",
		// 差引 = 決算 − 予算, 決算 exact 1,234,567,890 円, 予算 1,240 百万円
		// (1,239,500,000 … 1,240,499,999), 差引 △5 百万円 (−5,499,999 …
		// −4,500,000). 予算 = 決算 − 差引 lies in 1,239,067,890 …
		// 1,240,067,889, so 1,239,500,000 … 1,240,067,889; 差引 = 決算 −
		// 予算 in −5,932,109 … −4,932,110, so −5,499,999 … −4,932,110.
		build: func(t *testing.T, s *bounds.System) {
			diff := s.AddVar(printed(t, -5, 1000000))
			actual := s.AddVar(bounds.Exact(1234567890))
			budget := s.AddVar(printed(t, 1240, 1000000))
			equation(t, s, diff, bounds.Term{Var: actual}, bounds.Term{Var: budget, Negative: true})
		},
		want: want{verdicts: []bounds.Verdict{bounds.Holds}, excess: []int64{0},
			implied: map[int]bounds.Interval{0: {Lo: -5499999, Hi: -4932110}, 1: bounds.Exact(1234567890), 2: {Lo: 1239500000, Hi: 1240067889}}},
		reason: "the exact 決算 narrows both rounded figures",
	}, {
		name: "unprinted term",
		// total 10 千円 (9,500 … 10,499) = 4 千円 (3,500 … 4,499) + x: x
		// lies in 9,500 − 4,499 … 10,499 − 3,500 = 5,001 … 6,999.
		build: func(t *testing.T, s *bounds.System) {
			total := s.AddVar(printed(t, 10, 1000))
			a := s.AddVar(printed(t, 4, 1000))
			x := s.AddVar(bounds.Unbounded())
			equation(t, s, total, bounds.Term{Var: a}, bounds.Term{Var: x})
		},
		want: want{verdicts: []bounds.Verdict{bounds.Holds}, excess: []int64{0},
			implied: map[int]bounds.Interval{2: {Lo: 5001, Hi: 6999}}},
		reason: "the implied interval of a figure not printed",
	}, {
		name: "off by 3 千円",
		// 12 千円 (11,500 … 12,499) printed for 4 + 5 千円 (8,000 …
		// 9,998): total − terms lies in 1,502 … 4,499, so 1,502 yen more
		// than rounding explains.
		build: func(t *testing.T, s *bounds.System) {
			total := s.AddVar(printed(t, 12, 1000))
			a := s.AddVar(printed(t, 4, 1000))
			b := s.AddVar(printed(t, 5, 1000))
			equation(t, s, total, bounds.Term{Var: a}, bounds.Term{Var: b})
		},
		want:   want{verdicts: []bounds.Verdict{bounds.Violated}, excess: []int64{1502}},
		reason: "a violation on its own, its own certificate",
	}, {
		name: "shared terms",
		// t1 = x + y and t2 = x + y, all printed in 千円: x = y = t1 = 1
		// (500 … 1,499), t2 = 2 (1,500 … 2,499). Each holds on its own
		// (x + y in 1,000 … 2,998), but t1 − t2 = 0 follows from both,
		// and lies in 500 − 2,499 … 1,499 − 1,500 = −1,999 … −1: one yen
		// short. The later identity is blamed.
		build: func(t *testing.T, s *bounds.System) {
			x := s.AddVar(printed(t, 1, 1000))
			y := s.AddVar(printed(t, 1, 1000))
			t1 := s.AddVar(printed(t, 1, 1000))
			t2 := s.AddVar(printed(t, 2, 1000))
			equation(t, s, t1, bounds.Term{Var: x}, bounds.Term{Var: y})
			equation(t, s, t2, bounds.Term{Var: x}, bounds.Term{Var: y})
		},
		want:   want{verdicts: []bounds.Verdict{bounds.Holds, bounds.Violated}, excess: []int64{0, 1}},
		reason: "a cycle decided as a network; its minimum cut is the certificate",
	}, {
		name: "jointly inconsistent",
		// x, y in 0 … 10, z = 3; x = y and x = y + z each hold alone;
		// together they give z = 0, and z is 3.
		build: func(t *testing.T, s *bounds.System) {
			x := s.AddVar(bounds.Interval{Lo: 0, Hi: 10})
			y := s.AddVar(bounds.Interval{Lo: 0, Hi: 10})
			z := s.AddVar(bounds.Exact(3))
			equation(t, s, x, bounds.Term{Var: y})
			equation(t, s, x, bounds.Term{Var: y}, bounds.Term{Var: z})
		},
		want:   want{verdicts: []bounds.Verdict{bounds.Holds, bounds.Violated}, excess: []int64{0, 3}},
		reason: "the difference of the two equations is z = 0",
	}, {
		name: "creeping cycle",
		// x = y and x = y + 1 over 0 … 10^12: propagation would narrow
		// one yen a round; the flow refutes it at once.
		build: func(t *testing.T, s *bounds.System) {
			x := s.AddVar(bounds.Interval{Lo: 0, Hi: 1e12})
			y := s.AddVar(bounds.Interval{Lo: 0, Hi: 1e12})
			z := s.AddVar(bounds.Exact(1))
			equation(t, s, x, bounds.Term{Var: y})
			equation(t, s, x, bounds.Term{Var: y}, bounds.Term{Var: z})
		},
		want:   want{verdicts: []bounds.Verdict{bounds.Holds, bounds.Violated}, excess: []int64{0, 1}},
		reason: "decided without creeping",
	}, {
		name: "a cycle with a witness",
		// x = y and x = y + z with z = 0: consistent, x = y anywhere.
		build: func(t *testing.T, s *bounds.System) {
			x := s.AddVar(bounds.Interval{Lo: 0, Hi: 10})
			y := s.AddVar(bounds.Interval{Lo: 0, Hi: 10})
			z := s.AddVar(bounds.Exact(0))
			equation(t, s, x, bounds.Term{Var: y})
			equation(t, s, x, bounds.Term{Var: y}, bounds.Term{Var: z})
		},
		want:   want{verdicts: []bounds.Verdict{bounds.Holds, bounds.Holds}, excess: []int64{0, 0}},
		reason: "the implied intervals stay those of the fixpoint",
	}, {
		name: "no whole yen",
		// x + y = 1, y + z = 1, x + z = 1 over 0 … 1: only x = y = z =
		// 1/2 satisfies them. No network (an odd cycle), no witness by
		// search; the linear program finds 1/2 and splits on x: x ≤ 0
		// and x ≥ 1 each contradict them.
		build: func(t *testing.T, s *bounds.System) {
			x := s.AddVar(bounds.Interval{Lo: 0, Hi: 1})
			y := s.AddVar(bounds.Interval{Lo: 0, Hi: 1})
			z := s.AddVar(bounds.Interval{Lo: 0, Hi: 1})
			one := s.AddVar(bounds.Exact(1))
			equation(t, s, one, bounds.Term{Var: x}, bounds.Term{Var: y})
			equation(t, s, one, bounds.Term{Var: y}, bounds.Term{Var: z})
			equation(t, s, one, bounds.Term{Var: x}, bounds.Term{Var: z})
		},
		want: want{verdicts: []bounds.Verdict{bounds.Holds, bounds.Holds, bounds.Violated}, excess: []int64{0, 0, 0},
			split: true},
		reason: "a proof by cases",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s bounds.System
			tt.build(t, &s)
			sol, err := s.Solve()
			if err != nil {
				t.Fatal(err)
			}
			for e, v := range tt.want.verdicts {
				c := sol.Certificates[e]
				var excess int64
				if c != nil {
					excess = c.Excess
				}
				if sol.Verdicts[e] != v || excess != tt.want.excess[e] || (c != nil && c.Split != nil) != (tt.want.split && c != nil) {
					t.Errorf("equation %d: %v, excess %d (%+v); want %v, %d (%s)", e, sol.Verdicts[e], excess, c, v, tt.want.excess[e], tt.reason)
				}
			}
			for v, iv := range tt.want.implied {
				if got := sol.Implied(v); got != iv {
					t.Errorf("variable %d: implied %v, want %v (%s)", v, got, iv, tt.reason)
				}
			}
			if err := independently(&s, sol); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	var s bounds.System
	x := s.AddVar(bounds.Interval{Lo: math.MaxInt64 - 10, Hi: math.MaxInt64 - 1})
	y := s.AddVar(bounds.Interval{Lo: math.MaxInt64 - 10, Hi: math.MaxInt64 - 1})
	if _, err := s.AddEquation(bounds.Term{Var: x}, bounds.Term{Var: x}); !errors.Is(err, bounds.ErrRange) {
		t.Errorf("a variable twice: %v", err)
	}
	if _, err := s.AddEquation(bounds.Term{Var: 7}); !errors.Is(err, bounds.ErrRange) {
		t.Errorf("an unknown variable: %v", err)
	}
	if _, err := s.AddEquation(bounds.Term{Var: x}, bounds.Term{Var: y}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Solve(); !errors.Is(err, bounds.ErrRange) {
		t.Errorf("a sum beyond int64: %v, want ErrRange", err)
	}
	var empty bounds.System
	if sol, err := empty.Solve(); err != nil || !sol.Consistent() {
		t.Errorf("empty system: %+v, %v", sol, err)
	}
}
