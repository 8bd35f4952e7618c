package unified_test

import (
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// workedYear returns 令和5年度 of the register worked by hand in
// account/fixedasset/testdata/WORKED.md.
func workedYear(t testing.TB) *fixedasset.Year {
	t.Helper()
	f, err := os.Open("../../account/fixedasset/testdata/worked.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := fixedasset.ReadCSV(f, "worked.csv")
	if err != nil {
		t.Fatal(err)
	}
	y, err := r.Year(2023, fixedasset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return y
}

// addSchedules builds both schedules of y and adds them to book under
// their ids.
func addSchedules(t *testing.T, book *statement.Book, y *fixedasset.Year) (tangible, purpose *statement.Statement) {
	t.Helper()
	meta := statement.Meta{Entity: "例示市", AsOf: y.FiscalYear().Last()}
	tangible, err := unified.BuildTangibleAssets(y, meta)
	if err != nil {
		t.Fatal(err)
	}
	purpose, err = unified.BuildTangibleAssetsByPurpose(y, meta)
	if err != nil {
		t.Fatal(err)
	}
	if err := book.Add(unified.TangibleAssets, tangible); err != nil {
		t.Fatal(err)
	}
	if err := book.Add(unified.TangibleAssetsByPurpose, purpose); err != nil {
		t.Fatal(err)
	}
	return tangible, purpose
}

// checkCells compares every cell of s with want, rows by key and cells in
// column order, "-" for a cell without a figure.
func checkCells(t *testing.T, s *statement.Statement, want map[string]string) {
	t.Helper()
	f := s.Form()
	for _, r := range f.Rows {
		var got []string
		for _, c := range f.Columns {
			v, _ := s.Cell(r.Key, c.Name)
			if !v.Valid {
				got = append(got, "-")
				continue
			}
			got = append(got, v.Amount.String())
		}
		w, ok := want[r.Key]
		if !ok {
			w = strings.TrimSuffix(strings.Repeat("- ", len(f.Columns)), " ")
		}
		if g := strings.Join(got, " "); g != w {
			t.Errorf("%s %s:\n got %s\nwant %s", r.Key, r.Label, g, w)
		}
	}
}

// TestTangibleAssets checks the 有形固定資産の明細 of the worked year with
// WORKED.md, section 2: 前年度末, 増加, 減少, 末, 累計額, 償却額, 差引.
func TestTangibleAssets(t *testing.T) {
	s, _ := addSchedules(t, &statement.Book{}, workedYear(t))
	checkCells(t, s, map[string]string{
		"1110": "1415333333 113000000 147000000 1381333333 559999985 26399999 821333348",
		"1111": "162000000 0 12000000 150000000 - - 150000000",
		"1113": "1213333333 0 60000000 1153333333 559999985 26399999 593333348",
		"1115": "0 78000000 0 78000000 - - 78000000",
		"1125": "40000000 35000000 75000000 0 - - 0",
		"1130": "45678906 0 0 45678906 45678904 0 2",
		"1131": "1 0 0 1 - - 1",
		"1134": "45678905 0 0 45678905 45678904 0 1",
		"1140": "3600000 33500000 0 37100000 3006000 601200 34094000",
		"1100": "1464612239 146500000 147000000 1464112239 608684889 27001199 855427350",
	})
}

// TestTangibleAssetsByPurpose checks the 行政目的別明細 with WORKED.md,
// section 3, columns 生活インフラ・国土保全, 教育, 福祉, 環境衛生, 産業振興,
// 消防, 総務, 合計.
func TestTangibleAssetsByPurpose(t *testing.T) {
	_, s := addSchedules(t, &statement.Book{}, workedYear(t))
	checkCells(t, s, map[string]string{
		"1110": "- 261333348 0 - - - 560000000 821333348",
		"1111": "- - - - - - 150000000 150000000",
		"1113": "- 183333348 0 - - - 410000000 593333348",
		"1115": "- 78000000 - - - - - 78000000",
		"1125": "- 0 - - - - - 0",
		"1130": "2 - - - - - - 2",
		"1131": "1 - - - - - - 1",
		"1134": "1 - - - - - - 1",
		"1140": "- 5000000 - - - 28500000 594000 34094000",
		"1100": "2 266333348 0 - - 28500000 560594000 855427350",
	})
}

// TestScheduleLinks verifies both schedules of the worked year against the
// lines of the 貸借対照表 that WORKED.md, section 3a, gives.
func TestScheduleLinks(t *testing.T) {
	y := workedYear(t)
	bs, err := unified.Build("bs-general", statement.Meta{}, amounts(t, "bs-general", map[string]int64{
		"1111": 150_000_000, "1113": 1_153_333_333, "1114": -559_999_985, "1115": 78_000_000,
		"1125": 0, "1131": 1, "1134": 45_678_905, "1135": -45_678_904, "1140": 37_100_000, "1141": -3_006_000,
		"1210": 4_938_273,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := bs.Cell("1100", "金額"); !v.Amount.Equal(decimal.NewFromInt(855_427_350)) {
		t.Fatalf("有形固定資産 %s", v)
	}
	var book statement.Book
	if err := book.Add("bs-general", bs); err != nil {
		t.Fatal(err)
	}
	tangible, _ := addSchedules(t, &book, y)
	links := unified.ScheduleLinks()
	if len(links) != 42 {
		t.Errorf("%d links", len(links))
	}
	v := book.Verify(statement.VerifyOptions{Links: links})
	for _, f := range v.Findings {
		t.Errorf("%v", f)
	}

	// A 貸借対照表 whose 建物 differs by a yen breaks the link of 建物.
	bs2, err := unified.Build("bs-general", statement.Meta{}, amounts(t, "bs-general", map[string]int64{"1113": 1_153_333_334}))
	if err != nil {
		t.Fatal(err)
	}
	var book2 statement.Book
	book2.Add("bs-general", bs2)
	book2.Add(unified.TangibleAssets, tangible)
	broken := 0
	for _, f := range book2.Verify(statement.VerifyOptions{Links: links}).Findings {
		if f.Kind == statement.LinkBroken && strings.Contains(f.Rule, "事業用資産 建物 本年度末残高") {
			broken++
		}
	}
	if broken != 1 {
		t.Errorf("the link of 建物 is not broken once, but %d times", broken)
	}
}

// TestScheduleAccounts checks that the codes the register posts to are
// those of the standard chart, its contra accounts where it says so, and
// the rows of the schedules.
func TestScheduleAccounts(t *testing.T) {
	chart := unified.Chart()
	tmpl, err := unified.Template(unified.TangibleAssets)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, r := range tmpl.Form().Rows {
		rows[r.Key] = true
	}
	for _, a := range fixedasset.Accounts() {
		c, ok := chart.Lookup(a.Code())
		path := chart.Path(a.Code())
		label := a.String()
		if i := strings.LastIndex(label, "/"); i >= 0 {
			label = label[i+1:]
		}
		if !ok || c.Name != label || c.Contra || !strings.Contains(a.String(), path[len(path)-2].Name) && a != fixedasset.Goods {
			t.Errorf("%s: code %s is %+v", a, a.Code(), c)
		}
		if a.Tangible() != rows[a.Code()] {
			t.Errorf("%s: row %s in the schedule: %v", a, a.Code(), rows[a.Code()])
		}
		if code := a.AccumulatedCode(); code != "" {
			acc, ok := chart.Lookup(code)
			if !ok || !acc.Contra || acc.Parent != c.Parent || !strings.HasSuffix(acc.Name, "減価償却累計額") {
				t.Errorf("%s: 累計額 %s is %+v", a, code, acc)
			}
		} else if a.Tangible() && a.Depreciated() {
			t.Errorf("%s: no 累計額", a)
		}
	}
	for code, name := range map[string]string{"4123": "減価償却費", "4720": "資産除売却損", "4810": "資産売却益", "6600": "無償所管換等"} {
		if c, ok := chart.Lookup(code); !ok || c.Name != name {
			t.Errorf("%s: %+v", code, c)
		}
	}
}

func TestScheduleNil(t *testing.T) {
	if _, err := unified.BuildTangibleAssets(nil, statement.Meta{}); err == nil {
		t.Error("no error for a nil year")
	}
	if _, err := unified.BuildTangibleAssetsByPurpose(nil, statement.Meta{}); err == nil {
		t.Error("no error for a nil year")
	}
}
