package statement_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// A sharedForm is a one-column form of two or three items and totals
// over them and the totals before, with signs: shared terms (two totals
// of the same rows), cancelling ones (a total less one of its own terms),
// nested ones. Each total's value is a combination of the items, with
// coefficients from −2 to 2.
type sharedForm struct {
	form  *statement.Form
	items int
	coef  [][]int64 // per row: its value as Σ coef·item
}

func randomSharedForm(rng *rand.Rand) sharedForm {
	sf := sharedForm{form: &statement.Form{Title: "共有", Columns: amount}, items: 2 + rng.IntN(2)}
	if rng.IntN(3) != 0 {
		sf.items = 2
	}
	for i := range sf.items {
		key := fmt.Sprintf("i%d", i)
		sf.form.Rows = append(sf.form.Rows, statement.Row{Key: key, Kind: statement.Item, Label: key})
		c := make([]int64, sf.items)
		c[i] = 1
		sf.coef = append(sf.coef, c)
	}
	for t := range 2 + rng.IntN(3) {
		var f statement.Formula
		c := make([]int64, sf.items)
		for r, row := range sf.form.Rows {
			if rng.IntN(2) == 0 {
				continue
			}
			neg := rng.IntN(3) == 0
			f = append(f, statement.Term{Key: row.Key, Negative: neg})
			for k := range c {
				if neg {
					c[k] -= sf.coef[r][k]
				} else {
					c[k] += sf.coef[r][k]
				}
			}
		}
		if len(f) == 0 {
			f = statement.Formula{{Key: "i0"}}
			c[0]++
		}
		ok := true
		for _, x := range c {
			ok = ok && x >= -2 && x <= 2
		}
		if !ok {
			continue // beyond what the enumeration below solves for
		}
		key := fmt.Sprintf("t%d", t)
		sf.form.Rows = append(sf.form.Rows, statement.Row{Key: key, Kind: statement.Total, Label: key, Formula: f})
		sf.coef = append(sf.coef, c)
	}
	return sf
}

// interval returns the exact yen that print as p 千円 under 四捨五入,
// found from format.Round itself: its ends round to p, and one yen beyond
// them does not.
func printedAs(t *testing.T, p int64) (lo, hi int64) {
	rounds := func(v int64) bool {
		return format.Round(decimal.NewFromInt(v), format.Thousand, format.HalfUp).IntPart() == p
	}
	lo, hi = p*1000-500, p*1000+499
	if p < 0 {
		lo, hi = p*1000-499, p*1000+500
	}
	if p == 0 {
		lo, hi = -499, 499
	}
	if !rounds(lo) || !rounds(hi) || rounds(lo-1) || rounds(hi+1) {
		t.Fatalf("%d 千円 is not %d…%d yen", p, lo, hi)
	}
	return lo, hi
}

// feasible decides by enumeration whether some whole yen for the items,
// each in the interval its printed figure stands for, give every total
// within its own: the first items are enumerated, and the last is solved
// for, each total bounding it by integer division.
func (sf sharedForm) feasible(t *testing.T, printed []int64) bool {
	n := sf.items
	lo, hi := make([]int64, len(printed)), make([]int64, len(printed))
	for r, p := range printed {
		lo[r], hi[r] = printedAs(t, p)
	}
	x := make([]int64, n)
	var try func(k int) bool
	try = func(k int) bool {
		if k < n-1 {
			for v := lo[k]; v <= hi[k]; v++ {
				x[k] = v
				if try(k + 1) {
					return true
				}
			}
			return false
		}
		// The last item: between its own bounds and each total's.
		a, b := lo[n-1], hi[n-1]
		for r := n; r < len(printed); r++ {
			c := sf.coef[r]
			var rest int64
			for i := range n - 1 {
				rest += c[i] * x[i]
			}
			last := c[n-1]
			switch {
			case last == 0 && (rest < lo[r] || rest > hi[r]):
				return false
			case last > 0:
				a, b = max(a, ceilDiv(lo[r]-rest, last)), min(b, floorDiv(hi[r]-rest, last))
			case last < 0:
				a, b = max(a, ceilDiv(hi[r]-rest, last)), min(b, floorDiv(lo[r]-rest, last))
			}
		}
		return a <= b
	}
	return try(0)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func ceilDiv(a, b int64) int64 { return -floorDiv(-a, b) }

// TestVerifyRoundedAgainstEnumeration compares VerifyRounded, and
// Book.VerifyRounded of the statement alone, with an enumeration of its
// own on one-column statements in 千円 whose totals share and cancel
// terms, correctly rounded or with one figure moved by 1 or 2 千円: no
// false alarm (a statement that some exact figures give has no
// violation), no missed error (one that none give has one), nothing
// undecided, and every witness and certificate checked on its own
// arithmetic.
func TestVerifyRoundedAgainstEnumeration(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	n, impossible, jointly := 600, 0, 0
	if testing.Short() {
		n = 60
	}
	for k := range n {
		no, joint := checkShared(t, rng, k%2 == 1)
		if no {
			impossible++
		}
		if joint {
			jointly++
		}
	}
	t.Logf("%d statements, %d impossible, %d of them with every identity holding on its own", n, impossible, jointly)
	if impossible < n/8 || jointly == 0 {
		t.Errorf("only %d of %d statements impossible, %d of them with every identity holding on its own: the test proves little",
			impossible, n, jointly)
	}
}

// FuzzVerifyRoundedShared is TestVerifyRoundedAgainstEnumeration on the
// statements the fuzzer's seeds make.
func FuzzVerifyRoundedShared(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, seed%2 == 1)
	}
	f.Fuzz(func(t *testing.T, seed uint64, move bool) {
		checkShared(t, rand.New(rand.NewPCG(seed, 1)), move)
	})
}

// checkShared makes a random statement of a sharedForm, its figures
// rounded from exact yen and, with move, one of them moved, and compares
// VerifyRounded's verdict with the enumeration's. It reports whether the
// statement is impossible, and whether it is although every identity
// holds on its own.
func checkShared(t *testing.T, rng *rand.Rand, move bool) (impossible, jointly bool) {
	t.Helper()
	sf := randomSharedForm(rng)
	items := make([]int64, sf.items)
	for i := range items {
		items[i] = rng.Int64N(6000) - 3000
	}
	printed := make([]int64, len(sf.coef))
	for r, c := range sf.coef {
		var exact int64
		for i, x := range items {
			exact += c[i] * x
		}
		printed[r] = format.Round(decimal.NewFromInt(exact), format.Thousand, format.HalfUp).IntPart()
	}
	if move {
		printed[rng.IntN(len(printed))] += []int64{-2, -1, 1, 2}[rng.IntN(4)]
	}
	var b strings.Builder
	b.WriteString("label,金額\n")
	for r, row := range sf.form.Rows {
		fmt.Fprintf(&b, "%s,%d\n", row.Label, printed[r])
	}
	s, err := statement.ReadCSV(strings.NewReader(b.String()), sf.form, statement.ReadOptions{Meta: statement.Meta{Unit: format.Thousand}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.VerifyRounded()
	if err != nil {
		t.Fatal(err)
	}
	want := sf.feasible(t, printed)
	got := v.Count(statement.Violation) == 0
	if v.Count(statement.Undecided) > 0 || got != want {
		t.Fatalf("%s: consistent %v (%d violations, %d undecided), enumeration says %v: %v\n%v",
			b.String(), got, v.Count(statement.Violation), v.Count(statement.Undecided), want, v.Findings, sf.form.Rows)
	}
	checkProofs(t, []*statement.Statement{s}, nil, v)
	sameAsBook(t, s, v)
	return !want, !want && sf.eachAlone(t, printed)
}

// sameAsBook checks that v, what s.VerifyRounded gave, gives the verdicts
// that Book.VerifyRounded gives for a book of s alone: the same counts,
// and the same findings but for the statement's name.
func sameAsBook(t *testing.T, s *statement.Statement, v *statement.Verification) {
	t.Helper()
	var book statement.Book
	if err := book.Add("s", s); err != nil {
		t.Fatal(err)
	}
	bv, err := book.VerifyRounded(statement.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for verdict := statement.Violation; verdict <= statement.Undecided; verdict++ {
		if v.Count(verdict) != bv.Count(verdict) {
			t.Errorf("%d %v alone, %d in a book", v.Count(verdict), verdict, bv.Count(verdict))
		}
	}
	show := func(fs []statement.Finding) string {
		var b strings.Builder
		for _, f := range fs {
			fmt.Fprintf(&b, "%v %s %s %v %s %s〜%s\n", f.Kind, f.Row, f.Column, f.Verdict, f.Excess, f.Range.Lo, f.Range.Hi)
		}
		return b.String()
	}
	if alone, inBook := show(v.Findings), show(bv.Findings); alone != inBook {
		t.Errorf("findings alone:\n%sin a book:\n%s", alone, inBook)
	}
}

// eachAlone reports whether every identity holds on its own: the printed
// terms of each total may sum to its printed figure.
func (sf sharedForm) eachAlone(t *testing.T, printed []int64) bool {
	at := map[string]int{}
	for r, row := range sf.form.Rows {
		at[row.Key] = r
	}
	for r, row := range sf.form.Rows {
		if row.Kind != statement.Total {
			continue
		}
		var lo, hi int64
		for _, term := range row.Formula {
			a, b := printedAs(t, printed[at[term.Key]])
			if term.Negative {
				a, b = -b, -a
			}
			lo, hi = lo+a, hi+b
		}
		a, b := printedAs(t, printed[r])
		if hi < a || lo > b {
			return false
		}
	}
	return true
}
