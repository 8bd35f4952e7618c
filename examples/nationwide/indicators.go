package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/statement/unified"
)

// indicatorsHeader heads indicators.csv: one line per body, scope and
// indicator, with the value as printed in the indicator's unit (empty
// when it has none: a 0 or 該当なし denominator, or no population) and
// the body's national rank among the bodies of its kind (prefectures or
// municipalities) that have a value, 1 for the largest; equal values
// share a rank.
const indicatorsHeader = "code,name,prefecture,scope,indicator,unit,value,rank"

// summaryHeader heads indicators-prefecture.csv: one line per group (a
// prefecture with its municipalities, or all), scope and indicator: how
// many bodies have a value; the indicator of the group as a whole (the
// sum of the bodies' numerators over the sum of their denominators; for
// 基礎的財政収支, the sum); and the first quartile, median and third
// quartile of the bodies' values, interpolated linearly between the
// values in order (R's, NumPy's and pandas' default), computed
// exactly and rounded for printing as each body's value is.
const summaryHeader = "group,scope,indicator,unit,bodies,whole,q1,median,q3"

// writeIndicators writes each body's indicators with its rank, and each
// group's summary; a nil writer is skipped. The 27 scopes and indicators
// are ranked and summarised on all processors.
func (w *Work) writeIndicators(bodies, groups io.Writer) error {
	inds := unified.Indicators()
	type column struct {
		values, ranks []string   // by body: as printed, "" for none
		summary       [][]string // by group: the fields of summaryHeader
	}
	cols := make([]column, len(scopes)*len(inds))
	parallel(len(cols), func(c int) error {
		s, ind := c/len(inds), inds[c%len(inds)]
		col := &cols[c]
		col.values, col.ranks = make([]string, len(w.Bodies)), make([]string, len(w.Bodies))
		// One sort of the nation's values gives the ranks, and each
		// group's values in order.
		ids, vs := w.order(s, ind)
		rank := w.ranksOf(ids, vs)
		var groupValues [nationGroup][]value
		for k, i := range ids {
			g := w.Bodies[i].Prefecture - 1
			groupValues[g] = append(groupValues[g], vs[k])
			col.values[i], col.ranks[i] = printedValue(ind, vs[k].r), strconv.Itoa(rank[i])
		}
		for g := range groupValues {
			col.summary = append(col.summary, summarise(groupName(g), s, ind, groupValues[g]))
		}
		col.summary = append(col.summary, summarise(groupName(nationGroup), s, ind, vs))
		return nil
	})
	if bodies != nil {
		// Each body's lines made on all processors, then written in order.
		lines := make([][]byte, len(w.Bodies))
		parallel(len(w.Bodies), func(i int) error {
			body := w.Bodies[i]
			head := string(body.Code) + "," + quoteCSV(body.Name) + "," + fmt.Sprintf("%02d", body.Prefecture) + ","
			var b []byte
			for c := range cols {
				s, ind := c/len(inds), inds[c%len(inds)]
				for _, f := range [...]string{head, scopes[s], ",", ind.String(), ",", ind.Unit(), ",", cols[c].values[i], ",", cols[c].ranks[i], "\n"} {
					b = append(b, f...)
				}
			}
			lines[i] = b
			return nil
		})
		b := bufio.NewWriterSize(bodies, 1<<16)
		b.WriteString(indicatorsHeader + "\n")
		for _, l := range lines {
			b.Write(l)
		}
		if err := b.Flush(); err != nil {
			return err
		}
	}
	if groups == nil {
		return nil
	}
	b := bufio.NewWriterSize(groups, 1<<16)
	b.WriteString(summaryHeader + "\n")
	for g := 0; g <= nationGroup; g++ {
		for c := range cols {
			for k, f := range cols[c].summary[g] {
				if k > 0 {
					b.WriteByte(',')
				}
				b.WriteString(quoteCSV(f))
			}
			b.WriteByte('\n')
		}
	}
	return b.Flush()
}

// summarise returns the fields of summaryHeader for group g in scope s
// and indicator ind, whose bodies' values are vs, in increasing order.
func summarise(g string, s int, ind unified.Indicator, vs []value) []string {
	var num, den sum
	for _, v := range vs {
		if v.whole {
			num.addInt64(v.num)
			den.addInt64(v.den)
		} else {
			num.add(v.r.Num)
			den.add(v.r.Den)
		}
	}
	fields := []string{g, scopes[s], ind.String(), ind.Unit(), strconv.Itoa(len(vs)), "", "", "", ""}
	if len(vs) > 0 {
		whole := unified.Ratio{Num: num.decimal(), Den: den.decimal()}
		if ind == unified.PrimaryBalance {
			whole.Den = decimal.NewFromInt(1) // an amount: the sum
		}
		fields[5] = printedValue(ind, whole)
		for q := 1; q <= 3; q++ {
			fields[5+q] = printedValue(ind, quantile(vs, q))
		}
	}
	return fields
}

// A sum adds decimals in int64 while they are whole numbers that keep it
// in range, and in decimals from the first that is not.
type sum struct {
	n         int64
	d         decimal.Decimal
	inDecimal bool
}

func (s *sum) add(d decimal.Decimal) {
	if v, ok := wholeInt64(d); ok {
		s.addInt64(v)
		return
	}
	s.toDecimal()
	s.d = s.d.Add(d)
}

func (s *sum) addInt64(v int64) {
	if !s.inDecimal {
		if t := s.n + v; (t > s.n) == (v > 0) {
			s.n = t
			return
		}
		s.toDecimal()
	}
	s.d = s.d.Add(decimal.NewFromInt(v))
}

// toDecimal makes s sum in decimals from now on.
func (s *sum) toDecimal() {
	if !s.inDecimal {
		s.d, s.inDecimal = decimal.NewFromInt(s.n), true
	}
}

func (s *sum) decimal() decimal.Decimal {
	if s.inDecimal {
		return s.d
	}
	return decimal.NewFromInt(s.n)
}

// wholeInt64 returns d as an int64 when it is a whole number of at most
// 18 digits, as yen and populations are.
func wholeInt64(d decimal.Decimal) (int64, bool) {
	if d.Exponent() != 0 || d.NumDigits() > 18 {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// printedValue returns the indicator's value as printed, with its places:
// the digits of its rounded value with the decimal point placed, as
// StringFixed writes them.
func printedValue(ind unified.Indicator, v unified.Ratio) string {
	d, places := ind.Printed(v), ind.Places()
	if d.Exponent() != -places || d.NumDigits() > 18 {
		return d.StringFixed(places)
	}
	digits := strconv.FormatInt(d.CoefficientInt64(), 10)
	if places == 0 {
		return digits
	}
	sign := ""
	if digits[0] == '-' {
		sign, digits = "-", digits[1:]
	}
	if pad := int(places) + 1 - len(digits); pad > 0 {
		digits = strings.Repeat("0", pad) + digits
	}
	return sign + digits[:len(digits)-int(places)] + "." + digits[len(digits)-int(places):]
}

// A value is a body's value of an indicator, with what orders and sums
// it cheaply, found once: its quotient as float64, and its numerator and
// denominator as int64 when both are whole numbers of at most 18 digits.
type value struct {
	r        unified.Ratio
	f        float64
	num, den int64
	whole    bool
}

func valueOf(r unified.Ratio) value {
	v := value{r: r}
	num, ok1 := wholeInt64(r.Num)
	den, ok2 := wholeInt64(r.Den)
	if v.whole = ok1 && ok2; v.whole {
		v.num, v.den, v.f = num, den, float64(num)/float64(den)
	} else {
		v.f = toFloat(r.Num) / toFloat(r.Den)
	}
	return v
}

// cmp compares a and b exactly: −1, 0 or +1. Values are compared as
// float64 where those differ by more than their rounding can, exactly
// otherwise, which orders them exactly at a fraction of the cost.
func (a value) cmp(b value) int {
	if d, tol := a.f-b.f, 1e-9*max(math.Abs(a.f), math.Abs(b.f)); d > tol {
		return 1
	} else if d < -tol {
		return -1
	}
	return a.r.Cmp(b.r)
}

// order returns the bodies that have a value in scope s and indicator
// ind, and their values, in increasing order of value.
func (w *Work) order(s int, ind unified.Indicator) (ids []int, vs []value) {
	for i := range w.Bodies {
		if r, ok := w.Analyses[i][s].Ratio(ind); ok {
			ids, vs = append(ids, i), append(vs, valueOf(r))
		}
	}
	at := sortValues(vs)
	sorted := make([]int, len(at))
	for k, a := range at {
		sorted[k] = ids[a]
	}
	return sorted, vs
}

// ranks returns the national rank of each body in scope s and indicator
// ind among the bodies of its kind, 1 for the largest value, 0 for a body
// without a value.
func (w *Work) ranks(s int, ind unified.Indicator) []int { return w.ranksOf(w.order(s, ind)) }

// ranksOf returns the ranks of the bodies ids, whose values vs are in
// increasing order, as ranks does.
func (w *Work) ranksOf(ids []int, vs []value) []int {
	out := make([]int, len(w.Bodies))
	// By kind (municipalities, prefectures): how many are ranked, and
	// where in ids the last one ranked is.
	var seen [2]int
	last := [2]int{-1, -1}
	// Largest first; equal values share the rank of the first of them.
	for k := len(ids) - 1; k >= 0; k-- {
		kind := 0
		if w.Bodies[ids[k]].IsPrefecture() {
			kind = 1
		}
		seen[kind]++
		r := seen[kind]
		if j := last[kind]; j >= 0 && vs[k].cmp(vs[j]) == 0 {
			r = out[ids[j]]
		}
		out[ids[k]], last[kind] = r, k
	}
	return out
}

// quantile returns the q-th quartile (1, 2 or 3) of the sorted values,
// exactly: at position h = (n−1)·q/4, the value there plus the fraction
// of h times the step to the next.
func quantile(vs []value, q int) unified.Ratio {
	h := (len(vs) - 1) * q // in quarters
	lo, m := h/4, int64(h%4)
	if m == 0 {
		return vs[lo].r
	}
	a, b := vs[lo].r, vs[lo+1].r
	// a + m/4·(b − a) = (a.Num·b.Den·(4−m) + b.Num·a.Den·m) / (4·a.Den·b.Den)
	num := a.Num.Mul(b.Den).Mul(decimal.NewFromInt(4 - m)).Add(b.Num.Mul(a.Den).Mul(decimal.NewFromInt(m)))
	return unified.Ratio{Num: num, Den: a.Den.Mul(b.Den).Mul(decimal.NewFromInt(4))}
}

// sortValues sorts vs in increasing order, equal values in the order
// they were, and returns where each value was: sorted[k] = vs[at[k]]
// before the sort.
func sortValues(vs []value) (at []int) {
	at = make([]int, len(vs))
	for k := range at {
		at[k] = k
	}
	slices.SortFunc(at, func(a, b int) int {
		if c := vs[a].cmp(vs[b]); c != 0 {
			return c
		}
		return a - b
	})
	sorted := make([]value, len(vs))
	for k, a := range at {
		sorted[k] = vs[a]
	}
	copy(vs, sorted)
	return at
}

// toFloat returns d as the nearest float64, or about it: within a few
// units in the last place.
func toFloat(d decimal.Decimal) float64 {
	if d.NumDigits() <= 18 {
		return float64(d.CoefficientInt64()) * math.Pow10(int(d.Exponent()))
	}
	return d.InexactFloat64()
}
