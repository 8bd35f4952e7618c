package unified_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/width"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// The data is read with encoding/csv rather than statement.ReadRowsCSV: the
// forms use the row kind subtotal and the remark column, which the reader
// does not know yet. These tests check the data's own consistency.

type row struct {
	line    int
	key     string
	kind    string
	label   string
	account string
	formula statement.Formula
	indent  int
	remark  string
	blank   string // the columns the 様式 leaves blank on the row
}

type form struct {
	id, file, number, title, scope string
	columns                        []statement.Column
	rows                           []row
	index                          map[string]int
}

func readCSV(t *testing.T, name string, header ...string) []map[string]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty", name)
	}
	if got := strings.Join(recs[0], ","); got != strings.Join(header, ",") {
		t.Fatalf("%s: header %q, want %q", name, got, strings.Join(header, ","))
	}
	var out []map[string]string
	for i, rec := range recs[1:] {
		m := map[string]string{"": strconv.Itoa(i + 2)}
		for j, h := range header {
			m[h] = rec[j]
		}
		out = append(out, m)
	}
	return out
}

var asciiID = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
var asciiKey = regexp.MustCompile(`^[A-Za-z0-9_.]+$`)

// internal are the labels of 固定資産等の変動（内部変動） and its rows.
var internal = map[string]bool{"固定資産等の変動（内部変動）": true, "有形固定資産等の増加": true, "有形固定資産等の減少": true,
	"貸付金・基金等の増加": true, "貸付金・基金等の減少": true}

func loadForms(t *testing.T) (map[string]*form, []*form) {
	t.Helper()
	byID := map[string]*form{}
	var order []*form
	for _, m := range readCSV(t, "forms.csv", "id", "file", "number", "title", "scope", "columns", "split") {
		cols, err := statement.ParseColumns(m["columns"])
		if err != nil {
			t.Errorf("forms.csv line %s: %v", m[""], err)
			continue
		}
		f := &form{id: m["id"], file: m["file"], number: m["number"], title: m["title"], scope: m["scope"],
			columns: cols, index: map[string]int{}}
		if !asciiID.MatchString(f.id) {
			t.Errorf("forms.csv line %s: id %q is not a short ASCII id", m[""], f.id)
		}
		if byID[f.id] != nil {
			t.Errorf("forms.csv line %s: duplicate id %q", m[""], f.id)
		}
		byID[f.id] = f
		order = append(order, f)
		header := []string{"key", "kind", "label", "account", "formula", "indent", "note", "remark"}
		if f.id[:2] == "nw" {
			header = append(header, "blank")
		}
		for _, r := range readCSV(t, f.file, header...) {
			line, _ := strconv.Atoi(r[""])
			x := row{line: line, key: r["key"], kind: r["kind"], label: r["label"], account: r["account"], remark: r["remark"], blank: r["blank"]}
			// 様式第3号 leaves 合計 blank on the block 固定資産等の変動
			// （内部変動） and its four rows, and nowhere else.
			if want := map[bool]string{true: "合計"}[f.id[:2] == "nw" && internal[x.label]]; x.blank != want {
				t.Errorf("%s line %d (%s): blank %q, want %q", f.file, line, x.label, x.blank, want)
			}
			where := fmt.Sprintf("%s line %d", f.file, line)
			if x.indent, err = strconv.Atoi(r["indent"]); err != nil || x.indent < 0 {
				t.Errorf("%s: indent %q", where, r["indent"])
			}
			if r["formula"] != "" {
				if x.formula, err = statement.ParseFormula(r["formula"]); err != nil {
					t.Errorf("%s: %v", where, err)
				}
			}
			if !asciiKey.MatchString(x.key) {
				t.Errorf("%s: key %q is not ASCII", where, x.key)
			}
			if _, dup := f.index[x.key]; dup {
				t.Errorf("%s: duplicate key %q", where, x.key)
			}
			f.index[x.key] = len(f.rows)
			f.rows = append(f.rows, x)
		}
	}
	if len(order) != 12 {
		t.Errorf("forms.csv lists %d forms, want 12", len(order))
	}
	return byID, order
}

type account struct {
	code, name, category, parent string
	contra                       bool
}

func loadChart(t *testing.T) map[string]account {
	t.Helper()
	chart := map[string]account{}
	cats := map[string]bool{"asset": true, "liability": true, "net_assets": true, "revenue": true,
		"expense": true, "inflow": true, "outflow": true}
	recs := readCSV(t, "chart.csv", "code", "name", "category", "parent", "contra")
	for _, m := range recs {
		a := account{code: m["code"], name: m["name"], category: m["category"], parent: m["parent"], contra: m["contra"] == "true"}
		if _, dup := chart[a.code]; dup {
			t.Errorf("chart.csv line %s: duplicate code %q", m[""], a.code)
		}
		if !cats[a.category] {
			t.Errorf("chart.csv line %s: category %q", m[""], a.category)
		}
		if m["contra"] != "" && m["contra"] != "true" {
			t.Errorf("chart.csv line %s: contra %q", m[""], m["contra"])
		}
		if a.contra && a.category != "asset" {
			t.Errorf("chart.csv line %s: contra account %s is not an asset", m[""], a.code)
		}
		chart[a.code] = a
	}
	for _, a := range chart {
		if a.parent == "" {
			continue
		}
		p, ok := chart[a.parent]
		switch {
		case !ok:
			t.Errorf("chart.csv: %s: unknown parent %q", a.code, a.parent)
		case p.category != a.category:
			t.Errorf("chart.csv: %s (%s) under %s (%s)", a.code, a.category, p.code, p.category)
		}
	}
	return chart
}

// children returns the rows a subtotal sums: the amount rows one level
// deeper that follow it when the next row is deeper, else those that
// precede it back to the nearest row at its own level or shallower.
func children(rows []row, i int) []int {
	var out []int
	lv := rows[i].indent
	step := -1
	if i+1 < len(rows) && rows[i+1].indent > lv {
		step = 1
	}
	for j := i + step; j >= 0 && j < len(rows) && rows[j].indent > lv; j += step {
		if rows[j].indent == lv+1 && rows[j].kind != "header" {
			out = append(out, j)
		}
	}
	return out
}

func TestForms(t *testing.T) {
	forms, order := loadForms(t)
	chart := loadChart(t)
	labels := map[string]string{} // key → label across all forms
	for _, f := range order {
		for i, r := range f.rows {
			where := fmt.Sprintf("%s line %d (%s)", f.file, r.line, r.key)
			if r.label == "" {
				t.Errorf("%s: no label", where)
			}
			if !strings.HasPrefix(r.remark, "[") {
				t.Errorf("%s: remark %q has no confidence mark", where, r.remark)
			}
			if l, ok := labels[r.key]; ok && l != r.label {
				t.Errorf("%s: label %q, but %q elsewhere", where, r.label, l)
			}
			labels[r.key] = r.label
			switch r.kind {
			case "header":
				if r.account != "" || len(r.formula) > 0 {
					t.Errorf("%s: a header with an account or formula", where)
				}
			case "item":
				a, ok := chart[r.account]
				switch {
				case !ok:
					t.Errorf("%s: account %q not in chart.csv", where, r.account)
				case a.name != r.label:
					t.Errorf("%s: label %q, account %s is %q", where, r.label, a.code, a.name)
				}
				if len(r.formula) > 0 {
					t.Errorf("%s: an item with a formula", where)
				}
			case "subtotal":
				if len(r.formula) > 0 {
					t.Errorf("%s: a subtotal with a formula", where)
				}
				kids := children(f.rows, i)
				if len(kids) == 0 {
					t.Errorf("%s: a subtotal without children", where)
				}
				for _, k := range kids {
					if a, ok := chart[f.rows[k].key]; ok && a.parent != r.key && f.rows[k].kind != "total" {
						t.Errorf("%s: child %s has parent %q in chart.csv", where, f.rows[k].key, a.parent)
					}
				}
			case "total":
				if len(r.formula) == 0 {
					t.Errorf("%s: a total without a formula", where)
				}
				for _, term := range r.formula {
					j, ok := f.index[term.Key]
					switch {
					case !ok:
						t.Errorf("%s: formula term %q is not a row", where, term.Key)
					case f.rows[j].kind == "header":
						t.Errorf("%s: formula term %q is a header", where, term.Key)
					}
				}
			default:
				t.Errorf("%s: kind %q", where, r.kind)
			}
		}
	}
	for _, id := range []string{"bs", "pl", "nw", "cf"} {
		for _, sc := range []string{"general", "whole", "consolidated"} {
			if forms[id+"-"+sc] == nil {
				t.Errorf("forms.csv: no %s-%s", id, sc)
			}
		}
	}
	used := map[string]bool{}
	for _, f := range order {
		for _, r := range f.rows {
			used[r.account] = true
		}
	}
	for code, a := range chart {
		if !used[code] && !hasChild(chart, code) {
			t.Errorf("chart.csv: %s %s is bound to no row and has no children", code, a.name)
		}
	}
}

func hasChild(chart map[string]account, code string) bool {
	for _, a := range chart {
		if a.parent == code {
			return true
		}
	}
	return false
}

func checkTerm(t *testing.T, where, term string, forms map[string]*form, yearly bool) {
	t.Helper()
	term = strings.TrimPrefix(term, "-") // a leading sign; statement ids contain '-'
	if yearly {
		p, rest, ok := strings.Cut(term, ":")
		if !ok || (p != "prev" && p != "cur") {
			t.Errorf("%s: term %q has no prev: or cur: prefix", where, term)
			return
		}
		term = rest
	}
	parts := strings.Split(term, ":")
	if len(parts) != 3 {
		t.Errorf("%s: term %q is not statementID:rowKey:column", where, term)
		return
	}
	f := forms[parts[0]]
	if f == nil {
		t.Errorf("%s: term %q: no statement %q", where, term, parts[0])
		return
	}
	i, ok := f.index[parts[1]]
	if !ok {
		t.Errorf("%s: term %q: %s has no row %q", where, term, f.id, parts[1])
	} else if f.rows[i].kind == "header" {
		t.Errorf("%s: term %q is a header", where, term)
	}
	for _, c := range f.columns {
		if c.Name == parts[2] {
			return
		}
	}
	t.Errorf("%s: term %q: %s has no column %q", where, term, f.id, parts[2])
}

func TestLinks(t *testing.T) {
	forms, _ := loadForms(t)
	for _, file := range []string{"links.csv", "links-yearly.csv"} {
		names := map[string]bool{}
		for _, m := range readCSV(t, file, "name", "left", "right", "note") {
			where := file + " line " + m[""]
			if names[m["name"]] {
				t.Errorf("%s: duplicate name %q", where, m["name"])
			}
			names[m["name"]] = true
			for _, side := range []string{m["left"], m["right"]} {
				if side == "" {
					t.Errorf("%s: an empty side", where)
				}
				for i, term := range strings.Split(side, "+") {
					if i > 0 && strings.HasPrefix(term, "-") {
						t.Errorf("%s: only the first term of a side may carry a sign", where)
					}
					checkTerm(t, where, term, forms, file == "links-yearly.csv")
				}
			}
		}
	}
}

// roundingDiffs pins the differences between a printed total and the sum of
// its printed terms that rounding to 千円 explains (SOURCES.md lists them).
var roundingDiffs = map[string]map[string]int64{
	"shimada-h29-pl-general.csv": {"4000": -1, "4120": -1, "4600": 1, "4700": 1},
}

func fold(s string) string { return width.Fold.String(s) }

func TestPublished(t *testing.T) {
	forms, _ := loadForms(t)
	dir := filepath.Join("testdata", "published")
	idx := readCSV(t, filepath.Join(dir, "index.csv"), "file", "form", "unit", "body", "year", "scope", "complete")
	if len(idx) == 0 {
		t.Fatal("no published statements")
	}
	for _, m := range idx {
		f := forms[m["form"]]
		if f == nil {
			t.Errorf("index.csv line %s: no form %q", m[""], m["form"])
			continue
		}
		var scale int64
		switch m["unit"] {
		case "円":
			scale = 1
		case "千円":
			scale = 1000
		case "百万円":
			scale = 1000000
		default:
			t.Errorf("index.csv line %s: unit %q", m[""], m["unit"])
			continue
		}
		name := m["file"]
		col := f.columns[0].Name
		recs := readCSV(t, filepath.Join(dir, name), "key", "label", col)
		cells := map[string]format.Cell{}
		last := -1
		for _, r := range recs {
			where := fmt.Sprintf("%s line %s", name, r[""])
			i, ok := f.index[r["key"]]
			if !ok {
				t.Errorf("%s: key %q not in %s", where, r["key"], f.id)
				continue
			}
			if i <= last {
				t.Errorf("%s: %s printed out of the form's order", where, r["key"])
			}
			last = i
			if fold(r["label"]) != fold(f.rows[i].label) {
				t.Errorf("%s: label %q, form has %q", where, r["label"], f.rows[i].label)
			}
			if f.rows[i].kind == "header" {
				if r[col] != "" {
					t.Errorf("%s: a figure on a header", where)
				}
				continue
			}
			c, err := format.ParseCell(r[col])
			if err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			cells[r["key"]] = c
		}
		if m["complete"] == "true" {
			for _, r := range f.rows {
				if _, ok := cells[r.key]; !ok && r.kind != "header" {
					t.Errorf("%s: complete, but %s %s is missing", name, r.key, r.label)
				}
			}
		}
		checked := 0
		for i, r := range f.rows {
			total, ok := cells[r.key]
			if !ok || (r.kind != "subtotal" && r.kind != "total") {
				continue
			}
			var terms statement.Formula
			if r.kind == "subtotal" {
				for _, k := range children(f.rows, i) {
					terms = append(terms, statement.Term{Key: f.rows[k].key})
				}
			} else {
				terms = r.formula
			}
			sum, all := decimal.Zero, true
			for _, term := range terms {
				c, ok := cells[term.Key]
				if !ok {
					all = false
					break
				}
				if !c.Valid {
					continue // 該当なし adds nothing
				}
				if term.Negative {
					sum = sum.Sub(c.Amount)
				} else {
					sum = sum.Add(c.Amount)
				}
			}
			if !all {
				continue
			}
			checked++
			got := decimal.Zero
			if total.Valid {
				got = total.Amount
			}
			diff := got.Sub(sum).IntPart()
			want := roundingDiffs[name][r.key]
			if diff != want {
				t.Errorf("%s: %s %s printed %s, its terms sum to %s (difference %d, want %d)",
					name, r.key, r.label, got, sum, diff, want)
			}
			if scale == 1 && diff != 0 {
				t.Errorf("%s: %s: a statement in 円 must add up exactly", name, r.key)
			}
			if limit := int64(len(terms)+1) / 2; diff > limit || -diff > limit {
				t.Errorf("%s: %s: difference %d exceeds what rounding %d terms allows", name, r.key, diff, len(terms))
			}
		}
		for key := range roundingDiffs[name] {
			if _, ok := cells[key]; !ok {
				t.Errorf("%s: pinned difference for %s, which is not transcribed", name, key)
			}
		}
		t.Logf("%s: %d lines, %d identities checked", name, len(recs), checked)
		if checked == 0 {
			t.Errorf("%s: no identity could be checked", name)
		}
	}
}

// statement.ReadLinksCSV reads the link files as they are: every line a
// link, with its terms as the files write them.
func TestReadLinksCSV(t *testing.T) {
	for _, file := range []string{"links.csv", "links-yearly.csv"} {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		links, err := statement.ReadLinksCSV(f, file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		raw := readCSV(t, file, "name", "left", "right", "note")
		if len(links) != len(raw) {
			t.Fatalf("%s: %d links, %d lines", file, len(links), len(raw))
		}
		for i, l := range links {
			if got, want := l.String(), raw[i]["left"]+"="+raw[i]["right"]; got != want || l.Name != raw[i]["name"] || l.Note != raw[i]["note"] {
				t.Errorf("%s line %s: read as %s %q, want %s", file, raw[i][""], l.Name, got, want)
			}
		}
	}
}
