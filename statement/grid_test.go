package statement_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// gridForm is a small 貸借対照表 printed side by side from 【負債の部】.
func gridForm(t *testing.T) *statement.Template {
	t.Helper()
	f := &statement.Form{Number: "様式第1号", Title: "貸借対照表", Columns: amount, Split: "H2", Rows: []statement.Row{
		{Key: "H1", Kind: statement.Header, Label: "【資産の部】"},
		{Key: "1000", Kind: statement.Subtotal, Label: "固定資産"},
		{Key: "1100", Kind: statement.Item, Label: "土地", Indent: 1},
		{Key: "1200", Kind: statement.Item, Label: "建物減価償却累計額", Indent: 1},
		{Key: "1500", Kind: statement.Item, Label: "現金預金"},
		{Key: "1900", Kind: statement.Total, Label: "資産合計", Formula: statement.Formula{{Key: "1000"}, {Key: "1500"}}},
		{Key: "H2", Kind: statement.Header, Label: "【負債の部】"},
		{Key: "2000", Kind: statement.Item, Label: "地方債"},
		{Key: "3000", Kind: statement.Item, Label: "余剰分（不足分）"},
		{Key: "3990", Kind: statement.Total, Label: "負債及び純資産合計", Formula: statement.Formula{{Key: "2000"}, {Key: "3000"}}},
	}}
	tmpl, err := statement.Compile(f)
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// sheet makes a Grid from lines of cells separated by |, naming cells as
// a worksheet named name does.
func sheet(name string, lines ...string) statement.Grid {
	g := statement.Grid{Source: "book.xlsx", Name: name, Cell: func(i, j int) string {
		return fmt.Sprintf("%s!%c%d", name, 'A'+j, i+1)
	}}
	for _, l := range lines {
		g.Rows = append(g.Rows, strings.Split(l, "|"))
	}
	return g
}

// The layouts statements are published in, read to the same figures.
func TestReadGrid(t *testing.T) {
	tmpl := gridForm(t)
	want := map[string]int64{"1000": 4_000, "1100": 5_000, "1200": -1_000, "1500": 2_000, "1900": 6_000, "2000": 7_000, "3000": -1_000, "3990": 6_000}
	tests := []struct {
		name   string
		grid   statement.Grid
		unit   format.Unit
		entity string
		notes  []string
	}{
		{"one label column", sheet("BS",
			"様式第1号",
			"貸借対照表",
			"（令和２年３月３１日現在）",
			"みなと市",
			"（単位：千円）",
			"科目|金額",
			"【資産の部】|",
			"固定資産|4",
			"　土地|5",
			"　建物減価償却累計額|△1",
			"現金預金|2",
			"資産合計|6",
			"【負債の部】|",
			"地方債|7",
			"余剰分(不足分)|-1",
			"負債及び純資産合計|6",
		), format.Thousand, "みなと市", nil},
		{"a unit in square brackets, headings and lines numbered", sheet("BS",
			"貸借対照表",
			"（令和２年３月３１日現在）",
			"みなと市",
			"［単位：千円］",
			"科目|金額",
			"Ⅰ　資産の部|",
			"１．固定資産|4",
			"　(1) 土地|5",
			"　(2) 建物減価償却累計額|△1",
			"２．現金預金|2",
			"資産合計|6",
			"＜負債の部＞|",
			"地方債|7",
			"余剰分(不足分)|-1",
			"負債及び純資産合計|6",
		), format.Thousand, "みなと市", nil},
		{"indent columns, a unit in the heading, notes", sheet("BS",
			"貸借対照表||||",
			"自治体名:みなと市 会計:一般会計等 (単位:千円)||||",
			"（令和２年３月３１日現在）||||",
			"科目|||金額|",
			"【資産の部】||||",
			"固定資産|||4|",
			"|土地||5|",
			"|建物減価償却累計額||△ 1|",
			"現金預金|||2|",
			"資産合計|||6|",
			"",
			"【負債の部】||||",
			"地方債|||7|",
			"余剰分（不足分）|||-1|",
			"負債及び純資産合計|||6|",
			"※ 注記です||||",
		), format.Thousand, "自治体名:みなと市 会計:一般会計等", []string{"※ 注記です"}},
		{"side by side", sheet("BS",
			"貸借対照表||||",
			"(単位:円)||||",
			"科目名|金額||科目名|金額",
			"【資産の部】|||【負債の部】|",
			"固定資産|4,000||地方債|7,000",
			"土地|5,000||余剰分(不足分)|-1,000",
			"建物減価償却累計額|△1,000||負債及び純資産合計|6,000",
			"現金預金|2,000|||",
			"資産合計|6,000|||",
			"※ 左の下の注記|||",
		), format.Yen, "", []string{"※ 左の下の注記"}},
		{"a unit in the column heading", sheet("BS",
			"科目|金額（千円）",
			"固定資産|4", "土地|5", "建物減価償却累計額|-1", "現金預金|2", "資産合計|6",
			"地方債|7", "余剰分（不足分）|-1", "負債及び純資産合計|6",
		), format.Thousand, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := tmpl.ReadGrid(tc.grid, statement.ReadOptions{StatedUnit: true})
			if err != nil {
				t.Fatal(err)
			}
			for row, n := range want {
				if got, _ := s.Cell(row, "金額"); !got.Equal(yen(n)) {
					t.Errorf("%s = %v, want %d円", row, got, n)
				}
			}
			m := s.Meta()
			if m.Unit != tc.unit || m.Entity != tc.entity || fmt.Sprint(m.Notes) != fmt.Sprint(tc.notes) {
				t.Errorf("unit %v, entity %q, notes %q; want %v, %q, %q", m.Unit, m.Entity, m.Notes, tc.unit, tc.entity, tc.notes)
			}
			if v := s.Verify(); len(v) != 0 {
				t.Errorf("Verify = %v", v)
			}
		})
	}
}

// The date line above the table is the statement's.
func TestReadGridDate(t *testing.T) {
	s, err := gridForm(t).ReadGrid(sheet("BS", "（令和２年３月３１日現在）", "科目|金額",
		"固定資産|4", "土地|5", "建物減価償却累計額|-1", "現金預金|2", "資産合計|6", "地方債|7", "余剰分（不足分）|-1", "負債及び純資産合計|6"),
		statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if y, m, d := s.Meta().AsOf.Gregorian(); fmt.Sprint(y, int(m), d) != "2020 3 31" {
		t.Errorf("AsOf = %v", s.Meta().AsOf)
	}
	if got := s.Meta().DateLine(); got != "（令和２年３月３１日現在）" {
		t.Errorf("DateLine = %s", got)
	}
}

// Bad input is an *Error naming the cell, never a statement with a figure
// dropped.
func TestReadGridErrors(t *testing.T) {
	tmpl := gridForm(t)
	body := []string{"固定資産|4", "土地|5", "建物減価償却累計額|-1", "現金預金|2", "資産合計|6", "地方債|7", "余剰分（不足分）|-1", "負債及び純資産合計|6"}
	with := func(k int, line string) []string {
		b := append([]string{"科目|金額"}, body...)
		b[k] = line
		return b
	}
	tests := []struct {
		name  string
		lines []string
		opt   statement.ReadOptions
		err   error
		where string
	}{
		{"not a statement", []string{"名前|年齢", "山田|40"}, statement.ReadOptions{}, statement.ErrMissing, "book.xlsx: BS: "},
		{"a label the form does not have", with(3, "建物|5"), statement.ReadOptions{}, statement.ErrUnknown, "BS!A4: row \"建物\""},
		{"text that is not an amount", with(2, "土地|5万3千"), statement.ReadOptions{}, format.ErrSyntax, "BS!B3: row \"1100\": column \"金額\""},
		{"a figure on a header row", append([]string{"科目|金額", "【資産の部】|1"}, body...), statement.ReadOptions{}, statement.ErrMismatch, "BS!B2"},
		{"another unit than the statement's", append([]string{"（単位：千円）", "科目|金額"}, body...), statement.ReadOptions{}, statement.ErrMismatch, "BS!A1"},
		{"two units", append([]string{"（単位：千円）", "科目|金額（円）"}, body...), statement.ReadOptions{StatedUnit: true}, statement.ErrMismatch, "BS!B2"},
		{"a row missing", append([]string{"科目|金額"}, body[:7]...), statement.ReadOptions{}, statement.ErrMissing, "row \"3990\""},
		{"a column the form lacks", append([]string{"科目|金額|予算"}, body...), statement.ReadOptions{}, statement.ErrUnknown, "BS!C1: unknown: \"予算\""},
		{"a figure outside the columns", with(3, "建物減価償却累計額|-1|3"), statement.ReadOptions{}, statement.ErrUnknown, "BS!C4: unknown: \"3\""},
		{"a figure in the gap of a table side by side", []string{"科目|金額||科目|金額", "固定資産|4|9|地方債|7", "土地|5||余剰分（不足分）|-1",
			"建物減価償却累計額|-1||負債及び純資産合計|6", "現金預金|2|||", "資産合計|6|||"}, statement.ReadOptions{}, statement.ErrUnknown, "BS!C2: row \"9 地方債\""},
		{"a figure in parentheses in the gap", []string{"科目|金額||科目|金額", "固定資産|4|(9)|地方債|7", "土地|5||余剰分（不足分）|-1",
			"建物減価償却累計額|-1||負債及び純資産合計|6", "現金預金|2|||", "資産合計|6|||"}, statement.ReadOptions{}, statement.ErrUnknown, "BS!C2: row \"(9) 地方債\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := tmpl.ReadGrid(sheet("BS", tc.lines...), tc.opt)
			var e *statement.Error
			if !errors.As(err, &e) || !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.where) {
				t.Fatalf("ReadGrid = %v, %v; want an *Error wrapping %v at %s", s, err, tc.err, tc.where)
			}
		})
	}
}

// A CSV file is a Grid whose problems name lines.
func TestReadGridCSV(t *testing.T) {
	in := "科目\t金額\n固定資産\t4\n土地\t5\n建物\t-1\n"
	g, err := statement.ReadGridCSV(strings.NewReader(in), statement.ReadOptions{Source: "bs.tsv"})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Rows) != 4 || len(g.Rows[0]) != 2 {
		t.Fatalf("rows %q", g.Rows)
	}
	_, err = gridForm(t).ReadGrid(g, statement.ReadOptions{})
	if !errors.Is(err, statement.ErrUnknown) || !strings.Contains(err.Error(), "bs.tsv: line 4: ") {
		t.Errorf("ReadGrid = %v", err)
	}
}

// A Grid read from a CSV file names the file's lines while its rows are
// those read; once the caller adds or removes rows, a problem names its
// row and column, never a line of another row, and nothing panics. A Grid
// made by hand names Rows[i] line i+1.
func TestReadGridCSVRowsChanged(t *testing.T) {
	// An empty line after the heading: 負債及び純資産合計, the last of
	// Rows, Rows[8], is line 10.
	in := "科目,金額\n\n固定資産,4\n土地,5\n建物減価償却累計額,-1\n現金預金,2\n資産合計,6\n地方債,7\n余剰分（不足分）,-1\n負債及び純資産合計,6x\n"
	g, err := statement.ReadGridCSV(strings.NewReader(in), statement.ReadOptions{Source: "bs.csv"})
	if err != nil {
		t.Fatal(err)
	}
	title := g
	title.Rows = append([][]string{{"貸借対照表"}}, g.Rows...)
	note := g
	note.Rows = append(slices.Clone(g.Rows), []string{"※ 注記"})
	for _, tc := range []struct {
		name string
		g    statement.Grid
		line int
	}{
		{"as read", g, 10},
		{"as read, sliced", g.Slice(0, len(g.Rows)), 10},
		{"a title line added", title, 0},
		{"a note added", note, 0},
		{"a note added, then sliced", note.Slice(0, len(note.Rows)), 0},
		// A Grid made by hand: Rows[i] is line i+1, sliced or not.
		{"made by hand", statement.Grid{Source: "bs.csv", Rows: g.Rows}, 9},
		{"made by hand, sliced", statement.Grid{Source: "bs.csv", Rows: title.Rows}.Slice(1, len(title.Rows)), 10},
	} {
		_, err := gridForm(t).ReadGrid(tc.g, statement.ReadOptions{})
		var e *statement.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %v, want an *Error", tc.name, err)
			continue
		}
		found := false
		for _, p := range e.Problems {
			if errors.Is(p, format.ErrSyntax) {
				found = true
				if p.Line != tc.line || p.Row != "3990" || p.Column != "金額" {
					t.Errorf("%s: %v at line %d, row %q, column %q; want line %d, row 3990, column 金額", tc.name, p, p.Line, p.Row, p.Column, tc.line)
				}
			}
		}
		if !found {
			t.Errorf("%s: %v, want a syntax error", tc.name, err)
		}
	}
}

// Statements one after another are cut at their title lines, the form
// number going with its title.
func TestSplitGrid(t *testing.T) {
	g := sheet("all", "みなと市 財務書類", "【様式第1号】", "一般会計等貸借対照表", "科目|金額", "土地|1", "", "【様式第2号】", "", "行政コスト計算書", "科目|金額", "経常費用|2",
		"連結行政コスト計算書", "科目|金額", "※ 貸借対照表の注記")
	parts := statement.SplitGrid(g, []string{"貸借対照表", "行政コスト計算書", "連結行政コスト計算書"})
	var got []string
	for _, p := range parts {
		got = append(got, fmt.Sprint(len(p.Rows), p.Rows[0]))
	}
	want := []string{"6 [みなと市 財務書類]", "5 [【様式第2号】]", "3 [連結行政コスト計算書]"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("SplitGrid = %q, want %q", got, want)
	}
	// Cells keep their names.
	_, err := gridForm(t).ReadGrid(parts[1], statement.ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "all!A11") {
		t.Errorf("ReadGrid of the second part: %v", err)
	}
}

// A table of scopes side by side is read as one statement for each, the
// lines of another scope's form passed over where they have no figure.
func TestReadGridColumns(t *testing.T) {
	mk := func(title string, rows ...statement.Row) *statement.Template {
		tmpl, err := statement.Compile(&statement.Form{Title: title, Columns: amount, Rows: rows})
		if err != nil {
			t.Fatal(err)
		}
		return tmpl
	}
	a := statement.Row{Key: "a", Kind: statement.Item, Label: "土地"}
	b := statement.Row{Key: "b", Kind: statement.Item, Label: "繰延資産"}
	c := statement.Row{Key: "c", Kind: statement.Item, Label: "他団体出資等分"}
	tot := func(keys ...string) statement.Row {
		var f statement.Formula
		for _, k := range keys {
			f = append(f, statement.Term{Key: k})
		}
		return statement.Row{Key: "t", Kind: statement.Total, Label: "資産合計", Formula: f}
	}
	cols := []statement.GridColumn{
		{Name: "一般会計等", Template: mk("貸借対照表", a, tot("a"))},
		{Name: "全体", Template: mk("全体貸借対照表", a, b, tot("a", "b"))},
		{Name: "連結", Template: mk("連結貸借対照表", a, b, c, tot("a", "b", "c"))},
	}
	g := sheet("BS", "（単位：千円）", "科目|一般会計等|全体|連結", "土地|1|2|3", "繰延資産|-|4|5", "他団体出資等分|||6", "資産合計|1|6|14")
	ss, err := statement.ReadGridColumns(g, cols, statement.ReadOptions{StatedUnit: true})
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range []map[string]int64{{"a": 1000, "t": 1000}, {"a": 2000, "b": 4000, "t": 6000}, {"a": 3000, "b": 5000, "c": 6000, "t": 14000}} {
		for row, n := range want {
			if got, _ := ss[k].Cell(row, "金額"); !got.Equal(yen(n)) {
				t.Errorf("%s %s = %v, want %d", cols[k].Name, row, got, n)
			}
		}
	}
	// A figure where the scope's form has no line is not passed over.
	g = sheet("BS", "科目|一般会計等|全体|連結", "土地|1|2|3", "繰延資産|9|4|5", "他団体出資等分|||6", "資産合計|1|6|14")
	if _, err := statement.ReadGridColumns(g, cols, statement.ReadOptions{}); !errors.Is(err, statement.ErrUnknown) || !strings.Contains(err.Error(), "BS!A3") {
		t.Errorf("a figure on another scope's line: %v", err)
	}
	// A column of no scope, in the heading or in a line, is not dropped.
	for _, g := range []statement.Grid{
		sheet("BS", "科目|一般会計等|全体|連結|前年度", "土地|1|2|3|", "資産合計|1|2|3|"),
		sheet("BS", "科目|一般会計等|全体|連結", "土地|1|2|3|9", "資産合計|1|2|3"),
	} {
		if _, err := statement.ReadGridColumns(g, cols, statement.ReadOptions{}); !errors.Is(err, statement.ErrUnknown) || !strings.Contains(err.Error(), "BS!E") {
			t.Errorf("a column of no scope: %v", err)
		}
	}
}

// A printed label stands for a printed row, not for a hidden row of the
// same label before it; a note mark in brackets, （※１）, is no part of a
// label.
func TestReadGridHiddenLabel(t *testing.T) {
	tmpl, err := statement.Compile(&statement.Form{Title: "表", Columns: amount, Rows: []statement.Row{
		{Key: "a", Kind: statement.Item, Label: "委託費"},
		{Key: "h", Kind: statement.Item, Label: "その他の営業支出", Hidden: true},
		{Key: "o", Kind: statement.Total, Label: "その他の営業支出", Formula: statement.Formula{{Key: "h"}}},
		{Key: "t", Kind: statement.Total, Label: "（支出計） ", Note: "（※１）", Formula: statement.Formula{{Key: "a"}, {Key: "o"}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	in := "科目,金額\n委託費,1\nその他の営業支出,2\n（支出計） （※１）,3\n"
	g, err := statement.ReadGridCSV(strings.NewReader(in), statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := tmpl.ReadGrid(g, statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Cell("o", "金額"); !got.Equal(yen(2)) {
		t.Errorf("その他の営業支出 = %v", got)
	}
}

// A key column, wherever it is, matches rows by key, and its keys are no
// part of the labels.
func TestReadGridKeys(t *testing.T) {
	g, err := statement.ReadGridCSV(strings.NewReader("key,label,金額\n1000,固定資産,4\n1100,土地,5\n1200,建物減価償却累計額,-1\n1500,現金預金,2\n1900,資産合計,6\n2000,地方債,7\n3000,余剰分（不足分）,-1\n3990,負債及び純資産合計,6\n"), statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gridForm(t).ReadGrid(g, statement.ReadOptions{}); err != nil {
		t.Fatal(err)
	}
	g.Rows[2][0] = "1200"
	if _, err := gridForm(t).ReadGrid(g, statement.ReadOptions{}); !errors.Is(err, statement.ErrUnknown) || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("a key out of order: %v", err)
	}
}

// vertForm is a small 純資産変動計算書 printed vertically: a block for each
// component, as the J-LIS report prints its 様式第11号.
func vertForm(t *testing.T) *statement.Template {
	t.Helper()
	tmpl, err := statement.Compile(&statement.Form{Title: "純資産変動計算書", Stub: "区分", Vertical: true,
		Columns: []statement.Column{{Name: "出資金", Kind: statement.Input}, {Name: "積立金", Kind: statement.Input}},
		Rows: []statement.Row{
			{Key: "b", Kind: statement.Item, Label: "当期首残高"},
			{Key: "h", Kind: statement.Header, Label: "当期変動額"},
			{Key: "u", Kind: statement.Item, Label: "積立", Indent: 1},
			{Key: "p", Kind: statement.Item, Label: "当期純利益", Indent: 1},
			{Key: "m", Kind: statement.Total, Label: "当期変動額合計", Formula: statement.Formula{{Key: "u"}, {Key: "p"}}},
			{Key: "e", Kind: statement.Total, Label: "当期末残高", Formula: statement.Formula{{Key: "b"}, {Key: "m"}}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// A form printed vertically is read block by block: a row left out of a
// block has no figure there, and a header printing 0 stands for items
// without one.
func TestReadGridVertical(t *testing.T) {
	lines := []string{"純資産変動計算書", "（単位：円）", "区分|金額",
		"出資金|", "　当期首残高|134", "　当期変動額|0", "　当期変動額合計|0", "　当期末残高|134",
		"積立金|", "　当期首残高|3,615", "　当期変動額|", "　　積立|△260", "　　当期純利益|1,456", "　当期変動額合計|1,196", "　当期末残高|4,811",
		"※ 注記"}
	s, err := vertForm(t).ReadGrid(sheet("NW", lines...), statement.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		row, col string
		want     format.Cell
	}{
		{"b", "出資金", yen(134)}, {"u", "出資金", format.Cell{}}, {"p", "出資金", format.Cell{}}, {"m", "出資金", yen(0)}, {"e", "出資金", yen(134)},
		{"b", "積立金", yen(3615)}, {"u", "積立金", yen(-260)}, {"p", "積立金", yen(1456)}, {"m", "積立金", yen(1196)}, {"e", "積立金", yen(4811)},
	} {
		if got, _ := s.Cell(c.row, c.col); !got.Equal(c.want) {
			t.Errorf("%s %s = %v, want %v", c.row, c.col, got, c.want)
		}
	}
	if fmt.Sprint(s.Meta().Notes) != "[※ 注記]" {
		t.Errorf("notes %q", s.Meta().Notes)
	}
	// What WriteText prints, it reads: the same lines.
	var out strings.Builder
	if err := s.WriteText(&out, statement.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	var g statement.Grid
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if k := strings.LastIndex(l, " "); k > 0 && !strings.HasPrefix(l, "※") {
			l = strings.TrimRight(l[:k], " ") + "|" + l[k+1:]
		}
		g.Rows = append(g.Rows, strings.Split(l, "|"))
	}
	back, err := vertForm(t).ReadGrid(g, statement.ReadOptions{})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if fs := statement.Compare(back, s); len(fs) != 0 {
		t.Errorf("read back: %v\n%s", fs, out.String())
	}

	tests := []struct {
		name  string
		lines []string
		err   error
		where string
	}{
		{"a row before the first block", []string{"区分|金額", "当期首残高|1"}, statement.ErrUnknown, "NW!A2"},
		{"a label of no row", append(slices.Clone(lines[:5]), "　配当|5"), statement.ErrUnknown, "NW!A6"},
		{"a figure other than 0 on a header", append(slices.Clone(lines[:5]), "　当期変動額|5"), statement.ErrMismatch, "NW!B6"},
		{"a header printed 0 over an item with a figure", append(slices.Clone(lines[:5]), "　当期変動額|0", "　　積立|5"), statement.ErrMismatch, "row \"h\": column \"出資金\""},
		{"a block missing", lines[:8], statement.ErrMissing, "column \"積立金\""},
		{"a block twice", append(slices.Clone(lines[:8]), "出資金|"), statement.ErrDuplicate, "NW!A9"},
		{"a figure outside the columns", append(slices.Clone(lines[:4]), "　当期首残高|134|7"), statement.ErrUnknown, "NW!C5"},
		{"no heading", []string{"出資金|1"}, statement.ErrMissing, "金額"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := vertForm(t).ReadGrid(sheet("NW", tc.lines...), statement.ReadOptions{})
			var e *statement.Error
			if !errors.As(err, &e) || !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.where) {
				t.Errorf("ReadGrid = %v; want an *Error wrapping %v at %s", err, tc.err, tc.where)
			}
		})
	}
}

// What WriteText prints, ReadGridText reads as the cells ReadGrid reads:
// a 貸借対照表 side by side whose right-hand half is longer than the left,
// then one whose left-hand half is, after an empty line.
func TestReadGridText(t *testing.T) {
	left := gridForm(t).Form()
	right := *left
	right.Split = "1500" // 現金預金 on: the right-hand half the longer
	var text strings.Builder
	var want []*statement.Statement
	for k, f := range []*statement.Form{&right, left} {
		s, err := statement.Build(f, statement.Meta{Entity: "みなと市", Unit: format.Thousand}, []statement.Figure{
			{Row: "1100", Column: "金額", Value: yen(5_000)}, {Row: "1200", Column: "金額", Value: yen(-1_000)},
			{Row: "1500", Column: "金額", Value: yen(2_000)}, {Row: "2000", Column: "金額", Value: yen(7_000)},
			{Row: "3000", Column: "金額", Value: yen(-1_000)},
		})
		if err != nil {
			t.Fatal(err)
		}
		if k > 0 {
			text.WriteString("\n")
		}
		if err := s.WriteText(&text, statement.TextOptions{}); err != nil {
			t.Fatal(err)
		}
		want = append(want, s)
	}
	g, err := statement.ReadGridText(strings.NewReader(text.String()), statement.ReadOptions{Source: "bs.txt"}, statement.TextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	parts := statement.SplitGrid(g, []string{"貸借対照表"})
	if len(parts) != 2 {
		t.Fatalf("%d parts of\n%s", len(parts), text.String())
	}
	for k, part := range parts {
		tmpl, err := statement.Compile(want[k].Form())
		if err != nil {
			t.Fatal(err)
		}
		got, err := tmpl.ReadGrid(part, statement.ReadOptions{StatedUnit: true})
		if err != nil {
			t.Fatalf("part %d: %v\n%q", k, err, part.Rows)
		}
		if fs := statement.Compare(got, want[k]); len(fs) != 0 || got.Meta().Entity != "みなと市" {
			t.Errorf("part %d: %v, entity %q", k, fs, got.Meta().Entity)
		}
	}
	// A single space is part of a cell; two or a tab end it. A line of
	// fewer cells has them in the columns they overlap: 右 under 1,234.
	g, err = statement.ReadGridText(strings.NewReader("事業費 ※１  1,234\t5\n            右  6\n"), statement.ReadOptions{}, statement.TextOptions{})
	if err != nil || fmt.Sprintf("%q", g.Rows) != `[["事業費 ※１" "1,234" "5"] ["" "右" "6"]]` {
		t.Errorf("cells %q, %v", g.Rows, err)
	}
}

// A column is named as printed: its name folded and without spaces, as
// labels are compared (余剰分(不足分), a heading over two lines of its
// cell); where two columns' names fold alike, only the exact name does.
func TestReadColumnsAsPrinted(t *testing.T) {
	form := &statement.Form{Title: "純資産変動計算書",
		Columns: []statement.Column{
			{Name: "合計", Kind: statement.Computed, Formula: statement.Formula{{Key: "固定資産等形成分"}, {Key: "余剰分（不足分）"}}},
			{Name: "固定資産等形成分", Kind: statement.Input},
			{Name: "余剰分（不足分）", Kind: statement.Input},
		},
		Rows: []statement.Row{{Key: "6900", Kind: statement.Item, Label: "本年度末純資産残高"}}}
	tmpl, err := statement.Compile(form)
	if err != nil {
		t.Fatal(err)
	}
	for _, heading := range []string{
		"科目,合計,固定資産等形成分,余剰分（不足分）",
		"科目,合計,固定資産等形成分,余剰分(不足分)",
		"科目,合　計,\"固定資産\n等形成分\",\"余剰分\n(不足分)\"",
	} {
		s, err := tmpl.ReadCSV(strings.NewReader(heading+"\n本年度末純資産残高,3,1,2\n"), statement.ReadOptions{Source: "nw.csv"})
		if err != nil {
			t.Errorf("%q: %v", heading, err)
			continue
		}
		if v, _ := s.Cell("6900", "余剰分（不足分）"); !v.Equal(yen(2)) {
			t.Errorf("%q: 余剰分（不足分） %v, want 2", heading, v)
		}
		g := sheet("NW", strings.ReplaceAll(strings.ReplaceAll(heading, ",", "|"), "\"", ""), "本年度末純資産残高|3|1|2")
		if _, err := tmpl.ReadGrid(g, statement.ReadOptions{}); err != nil {
			t.Errorf("%q as a sheet: %v", heading, err)
		}
	}
	// Two columns whose names fold alike: each by its exact name only.
	twin := &statement.Form{Title: "表", Columns: []statement.Column{{Name: "A（1）", Kind: statement.Input}, {Name: "A(1)", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "1", Kind: statement.Item, Label: "x"}}}
	tt, err := statement.Compile(twin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tt.ReadCSV(strings.NewReader("科目,A（1）,A(1)\nx,1,2\n"), statement.ReadOptions{}); err != nil {
		t.Errorf("exact names: %v", err)
	}
	if _, err := tt.ReadCSV(strings.NewReader("科目,A（1）,A (1)\nx,1,2\n"), statement.ReadOptions{}); !errors.Is(err, statement.ErrUnknown) {
		t.Errorf("a name two columns fold to: %v, want ErrUnknown", err)
	}
}

// One column headed twice, in two spellings, is a duplicate, not two
// figures for one cell.
func TestReadColumnTwiceAsPrinted(t *testing.T) {
	form := &statement.Form{Title: "表", Columns: []statement.Column{{Name: "余剰分（不足分）", Kind: statement.Input}},
		Rows: []statement.Row{{Key: "1", Kind: statement.Item, Label: "x"}}}
	tmpl, err := statement.Compile(form)
	if err != nil {
		t.Fatal(err)
	}
	_, err = tmpl.ReadCSV(strings.NewReader("科目,余剰分（不足分）,余剰分(不足分)\nx,1,2\n"), statement.ReadOptions{Source: "nw.csv"})
	if !errors.Is(err, statement.ErrDuplicate) || !strings.Contains(err.Error(), "余剰分(不足分)") {
		t.Errorf("one column headed twice: %v, want ErrDuplicate naming 余剰分(不足分)", err)
	}
}
