package statement

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/shopspring/decimal"
)

// The tests of this file hold the int64 path of amounts to the decimal
// path: every cell that Build, Scale, Verify, Compare and the writers
// produce equals what decimal arithmetic on format.Cell gives, on random
// statements whose figures lie near int64's limits, beyond them, or are
// fractions of a yen.

// A chooser makes a random statement from a stream of numbers.
type chooser struct{ next func() uint64 }

func (c chooser) intn(n int) int { return int(c.next() % uint64(n)) }

// figure returns a figure of one of the kinds that exercise the paths.
func (c chooser) figure() format.Cell {
	r := int64(c.next())
	switch c.intn(12) {
	case 0:
		return format.Cell{} // 該当なし
	case 1:
		return format.CellOf(decimal.Zero)
	case 2: // near int64's limits: sums overflow
		return format.CellOf(decimal.NewFromInt(math.MaxInt64 - r%1000))
	case 3:
		return format.CellOf(decimal.NewFromInt(math.MinInt64 + r%1000&math.MaxInt64))
	case 4:
		return format.CellOf(decimal.NewFromInt(r))
	case 5: // beyond int64
		return format.CellOf(decimal.NewFromInt(r).Mul(decimal.New(1, int32(c.intn(12)))))
	case 6: // fractions of a yen
		return format.CellOf(decimal.New(r%1e12, -int32(1+c.intn(4))))
	case 7: // whole yen written with decimals, as 100.00
		return format.CellOf(decimal.New(r%1e9*100, -2))
	case 8: // a 千円 figure to the yen: 32,200,729.071 千円
		return format.CellOf(format.Thousand.ToYen(decimal.New(r%1e14, -3)))
	case 9: // in 千円, as Scale leaves it
		return format.CellOf(decimal.New(r%1e14, 3))
	case 10: // the edges of rounding
		return format.CellOf(decimal.NewFromInt(r%20*500 - 5000))
	}
	return format.CellOf(decimal.NewFromInt(r % 1e13)) // a statement's
}

// statement returns a random form and figures for it: items, totals over
// earlier rows, subtotals, hidden rows, input and computed columns.
func (c chooser) statement() (*Form, Meta, []Figure) {
	f := &Form{Title: "random", ZeroSums: c.intn(3) == 0}
	nin := 1 + c.intn(3)
	for j := range nin {
		f.Columns = append(f.Columns, Column{Name: fmt.Sprintf("in%d", j), Kind: Input})
	}
	for j := range c.intn(3) {
		var fm Formula
		for k := range len(f.Columns) {
			if c.intn(2) == 0 || k == 0 && len(fm) == 0 {
				fm = append(fm, Term{Key: f.Columns[k].Name, Negative: c.intn(2) == 0})
			}
		}
		f.Columns = append(f.Columns, Column{Name: fmt.Sprintf("c%d", j), Kind: Computed, Formula: fm})
	}
	f.Columns = append(f.Columns, Column{Name: "note", Kind: Text})
	f.Rows = append(f.Rows, Row{Kind: Header, Label: "head"})
	nrows := 2 + c.intn(10)
	for i := range nrows {
		key := fmt.Sprintf("r%d", i)
		row := Row{Key: key, Kind: Item, Label: key, Indent: 1}
		if i > 0 && c.intn(3) == 0 {
			row.Kind = Total
			for k := 1; k < len(f.Rows); k++ {
				if c.intn(2) == 0 || len(row.Formula) == 0 && k == len(f.Rows)-1 {
					row.Formula = append(row.Formula, Term{Key: f.Rows[k].Key, Negative: c.intn(2) == 0})
				}
			}
			row.Hidden = c.intn(4) == 0
		}
		f.Rows = append(f.Rows, row)
	}
	f.Rows = append(f.Rows, Row{Key: "sub", Kind: Subtotal, Label: "subtotal"})
	var figs []Figure
	for _, row := range f.Rows {
		if row.Kind != Item {
			continue
		}
		for j := range nin {
			figs = append(figs, Figure{Row: row.Key, Column: f.Columns[j].Name, Value: c.figure()})
		}
	}
	meta := Meta{Unit: format.Unit(c.intn(5)), Rounding: format.Rounding(c.intn(4))}
	return f, meta, figs
}

// refBuild builds t from figs on format.Cell in decimals, as Build did
// before amounts.
func refBuild(t *Template, figs []Figure) []format.Cell {
	ncol := len(t.form.Columns)
	cells := make([]format.Cell, len(t.form.Rows)*ncol)
	for _, fig := range figs {
		if j := t.colIndex[fig.Column]; t.form.Columns[j].Kind != Text {
			cells[t.rowIndex[fig.Row]*ncol+j] = fig.Value
		}
	}
	refRows(t, cells, t.inputs)
	refColumns(t, cells, t.colOrder)
	return cells
}

func refRows(t *Template, cells []format.Cell, cols []int) {
	ncol := len(t.form.Columns)
	for _, i := range t.rowOrder {
		for _, j := range cols {
			cells[i*ncol+j] = t.sum(t.formulas[i], func(key string) format.Cell { return cells[t.rowIndex[key]*ncol+j] })
		}
	}
}

func refColumns(t *Template, cells []format.Cell, cols []int) {
	ncol := len(t.form.Columns)
	for _, j := range cols {
		for i, row := range t.form.Rows {
			if row.Kind != Header {
				cells[i*ncol+j] = t.sum(t.form.Columns[j].Formula, func(name string) format.Cell { return cells[i*ncol+t.colIndex[name]] })
			}
		}
	}
}

// refScale scales cells as Scale did before amounts.
func refScale(t *Template, cells []format.Cell, sc Scaling) []format.Cell {
	ncol := len(t.form.Columns)
	out := make([]format.Cell, len(cells))
	for i := range t.form.Rows {
		for j, col := range t.form.Columns {
			derived := t.formulas[i] != nil && col.Kind == Input || col.Kind == Computed
			if c := cells[i*ncol+j]; col.Kind != Text && (!derived || sc.policy(col.Name) == RoundEach) && c.Valid {
				out[i*ncol+j] = format.CellOf(sc.Unit.ToYen(format.Round(c.Amount, sc.Unit, sc.Rounding)))
			}
		}
	}
	var rows, cols []int
	for _, j := range t.inputs {
		if sc.policy(t.form.Columns[j].Name) == Recompute {
			rows = append(rows, j)
		}
	}
	for _, j := range t.colOrder {
		if sc.policy(t.form.Columns[j].Name) == Recompute {
			cols = append(cols, j)
		}
	}
	refRows(t, out, rows)
	refColumns(t, out, cols)
	return out
}

// refVerify lists the cells whose identity does not hold, as Verify did
// before amounts: what the formula gives, and the cell.
func refVerify(t *Template, cells []format.Cell) [][2]format.Cell {
	var out [][2]format.Cell
	ncol := len(t.form.Columns)
	for i, row := range t.form.Rows {
		for j, col := range t.form.Columns {
			if t.formulas[i] != nil && col.Kind != Text {
				if c := t.sum(t.formulas[i], func(key string) format.Cell { return cells[t.rowIndex[key]*ncol+j] }); !c.Equal(cells[i*ncol+j]) {
					out = append(out, [2]format.Cell{c, cells[i*ncol+j]})
				}
			}
			if row.Kind != Header && col.Kind == Computed {
				if c := t.sum(col.Formula, func(name string) format.Cell { return cells[i*ncol+t.colIndex[name]] }); !c.Equal(cells[i*ncol+j]) {
					out = append(out, [2]format.Cell{c, cells[i*ncol+j]})
				}
			}
		}
	}
	return out
}

// sameCells reports the first cell of s that differs from want: in
// presence, in value, or in how it prints and writes.
func sameCells(s *Statement, want []format.Cell) error {
	t := s.t
	ncol := len(t.form.Columns)
	fs := []format.Formatter{s.meta.Formatter(), {Unit: format.Thousand, Places: 3, Negative: format.Parens}, {Unit: format.Million, Rounding: format.HalfEven}}
	for k, w := range want {
		i, j := k/ncol, k%ncol
		if t.form.Columns[j].Kind == Text {
			continue
		}
		a := s.cells[k]
		got := s.cell(i, j)
		if got.Valid != w.Valid || w.Valid && !got.Amount.Equal(w.Amount) {
			return fmt.Errorf("row %s column %s: %v, the decimal path gives %v", t.form.Rows[i].Key, t.form.Columns[j].Name, got.Amount, w.Amount)
		}
		for _, f := range fs {
			if g, w := a.format(f), f.FormatCell(w); g != w {
				return fmt.Errorf("row %s column %s: prints %q, the decimal path %q", t.form.Rows[i].Key, t.form.Columns[j].Name, g, w)
			}
		}
		for u := format.Yen; u <= format.HundredMillion; u++ {
			if g, w := a.plain(u), plain(w, u); g != w || string(a.appendPlain([]byte("x"), u)) != "x"+w {
				return fmt.Errorf("row %s column %s: writes %q in %s, the decimal path %q", t.form.Rows[i].Key, t.form.Columns[j].Name, g, u, w)
			}
		}
	}
	return nil
}

// checkExact builds a statement of f from figs and holds every result to
// the decimal path.
func checkExact(t *testing.T, f *Form, meta Meta, figs []Figure) {
	t.Helper()
	tm, err := Compile(f)
	if err != nil {
		t.Fatal(err)
	}
	s, err := tm.Build(meta, figs)
	if err != nil {
		t.Fatal(err)
	}
	ref := refBuild(tm, figs)
	if err := sameCells(s, ref); err != nil {
		t.Fatalf("Build: %v", err)
	}
	if fs := Compare(s, s); len(fs) != 0 {
		t.Fatalf("Compare with itself: %v", fs)
	}
	for _, sc := range []Scaling{
		{Unit: format.Thousand},
		{Unit: format.Million, Rounding: format.HalfEven, Policy: Recompute},
		{Unit: format.HundredMillion, Rounding: format.Up, Columns: map[string]Policy{"in0": Recompute}},
		{Unit: format.TenThousand, Rounding: format.Down, Policy: Recompute, Columns: map[string]Policy{"c0": RoundEach}},
	} {
		scaled, want := s.Scale(sc), refScale(tm, ref, sc)
		if err := sameCells(scaled, want); err != nil {
			t.Fatalf("Scale %+v: %v", sc, err)
		}
		got, want2 := scaled.Verify(), refVerify(tm, want)
		if len(got) != len(want2) {
			t.Fatalf("Scale %+v: Verify finds %d, the decimal path %d", sc, len(got), len(want2))
		}
		for k, w := range want2 {
			if !got[k].Got.Equal(w[0]) || !got[k].Want.Equal(w[1]) {
				t.Fatalf("Scale %+v: Verify finds %v, the decimal path %v", sc, got[k], w)
			}
		}
		// Compare finds the cells in which the scaled statement and the
		// exact one differ, as decimals do.
		n := 0
		for k, w := range want {
			if j := k % len(tm.form.Columns); tm.form.Columns[j].Kind != Text && !tm.form.Rows[k/len(tm.form.Columns)].Hidden &&
				tm.form.Rows[k/len(tm.form.Columns)].Kind != Header && !w.Equal(ref[k]) {
				n++
			}
		}
		if fs := Compare(scaled, s); len(fs) != n {
			t.Fatalf("Scale %+v: Compare finds %d, the decimal path %d", sc, len(fs), n)
		}
	}
}

// The int64 path gives what the decimal path gives on random statements
// with figures near int64's limits and beyond, and fractions of a yen.
func TestAmountsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(2019, 5))
	for range 1000 {
		f, meta, figs := chooser{r.Uint64}.statement()
		checkExact(t, f, meta, figs)
	}
}

// Sums that overflow int64 fall back to decimals and stay exact.
func TestAmountsOverflow(t *testing.T) {
	f := &Form{Columns: []Column{{Name: "a", Kind: Input}, {Name: "b", Kind: Input},
		{Name: "d", Kind: Computed, Formula: Formula{{Key: "a"}, {Key: "b", Negative: true}}}},
		Rows: []Row{
			{Key: "x", Kind: Item}, {Key: "y", Kind: Item}, {Key: "z", Kind: Item},
			{Key: "t", Kind: Total, Formula: Formula{{Key: "x"}, {Key: "y"}, {Key: "z"}}},
		}}
	big := decimal.NewFromInt(math.MaxInt64)
	figs := []Figure{
		{Row: "x", Column: "a", Value: format.CellOf(big)}, {Row: "x", Column: "b", Value: format.CellOf(big.Neg())},
		{Row: "y", Column: "a", Value: format.CellOf(big)}, {Row: "y", Column: "b", Value: format.CellOf(decimal.NewFromInt(math.MinInt64))},
		{Row: "z", Column: "a", Value: format.CellOf(big.Neg())}, {Row: "z", Column: "b", Value: format.CellOf(decimal.RequireFromString("32200729071.5"))},
	}
	s := mustBuildInternal(t, f, figs)
	for _, c := range []struct{ row, col, want string }{
		{"t", "a", "9223372036854775807"},     // overflows on the way, fits in the end
		{"t", "b", "-18446744041508822543.5"}, // beyond int64, with half a yen
		{"x", "d", "18446744073709551614"},    // MaxInt64 − (−MaxInt64)
		{"y", "d", "18446744073709551615"},    // MaxInt64 − MinInt64
		{"t", "d", "27670116078363598350.5"},  // the difference of the totals
		{"z", "d", "-9223372069055504878.5"},  // −MaxInt64 − 32,200,729,071.5
	} {
		got, _ := s.Cell(c.row, c.col)
		if want := decimal.RequireFromString(c.want); !got.Amount.Equal(want) {
			t.Errorf("%s %s = %s, want %s", c.row, c.col, got.Amount, want)
		}
	}
	checkExact(t, f, Meta{}, figs)
}

// A 千円 figure to the yen, 32,200,729.071 千円, is kept exactly, as whole
// yen; a fraction of a yen is kept as its decimal, and prints and sums
// exactly.
func TestAmountsFractional(t *testing.T) {
	f := &Form{Columns: []Column{{Name: "a", Kind: Input}},
		Rows: []Row{{Key: "x", Kind: Item}, {Key: "y", Kind: Item}, {Key: "t", Kind: Total, Formula: Formula{{Key: "x"}, {Key: "y"}}}}}
	x := format.Thousand.ToYen(decimal.RequireFromString("32200729.071"))
	y := decimal.RequireFromString("0.5")
	s := mustBuildInternal(t, f, []Figure{{Row: "x", Column: "a", Value: format.CellOf(x)}, {Row: "y", Column: "a", Value: format.CellOf(y)}})
	if a := s.at(0, 0); a.d != nil || a.n != 32200729071 {
		t.Errorf("x is %+v, want 32,200,729,071 yen as an int64", a)
	}
	if a := s.at(1, 0); a.d == nil || !a.d.Equal(y) {
		t.Errorf("y is %+v, want the decimal 0.5", a)
	}
	if c, _ := s.Cell("t", "a"); c.Amount.String() != "32200729071.5" {
		t.Errorf("t = %s, want 32200729071.5", c.Amount)
	}
	if got := s.at(2, 0).format(thousand3()); got != "32,200,729.072" {
		t.Errorf("t in 千円 to 3 places prints %s", got)
	}
}

// thousand3 shows figures in 千円 to three places.
func thousand3() format.Formatter { return format.Formatter{Unit: format.Thousand, Places: 3} }

func mustBuildInternal(t *testing.T, f *Form, figs []Figure) *Statement {
	t.Helper()
	s, err := Build(f, Meta{}, figs)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// FuzzAmountsExact holds the int64 path to the decimal path on statements
// made from the fuzzer's bytes.
func FuzzAmountsExact(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c"))
	f.Add([]byte("\xff\xff\xff\xff\xff\xff\xff\x7f\x02\x00\x00\x00\x00\x00\x00\x00\x03"))
	f.Fuzz(func(t *testing.T, data []byte) {
		next := func() uint64 {
			var b [8]byte
			n := copy(b[:], data)
			data = data[n:]
			return binary.LittleEndian.Uint64(b[:])
		}
		form, meta, figs := chooser{next}.statement()
		checkExact(t, form, meta, figs)
	})
}
