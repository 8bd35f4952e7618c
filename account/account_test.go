package account_test

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/koukaikei/koukaikei/account"
	"golang.org/x/text/encoding/japanese"
)

func TestCategory(t *testing.T) {
	tests := []struct {
		c    account.Category
		name string
		side account.Side
	}{
		{account.Asset, "資産", account.Debit},
		{account.Liability, "負債", account.Credit},
		{account.NetAssets, "純資産", account.Credit},
		{account.Revenue, "収益", account.Credit},
		{account.Expense, "費用", account.Debit},
		{account.Inflow, "収入", account.Credit},
		{account.Outflow, "支出", account.Debit},
		{0, "%!Category(0)", 0},
		{9, "%!Category(9)", 0},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.name {
			t.Errorf("Category(%d).String() = %q, want %q", int(tt.c), got, tt.name)
		}
		if got := tt.c.NormalSide(); got != tt.side {
			t.Errorf("%v.NormalSide() = %v, want %v", tt.c, got, tt.side)
		}
		if !tt.c.Valid() {
			continue
		}
		for _, s := range []string{tt.name, strings.ToUpper(map[account.Category]string{
			account.Asset: "asset", account.Liability: "liability", account.NetAssets: "net_assets",
			account.Revenue: "revenue", account.Expense: "expense", account.Inflow: "inflow", account.Outflow: "outflow",
		}[tt.c])} {
			if got, err := account.ParseCategory(s); err != nil || got != tt.c {
				t.Errorf("ParseCategory(%q) = %v, %v; want %v", s, got, err, tt.c)
			}
		}
	}
	var pe *account.ParseError
	if _, err := account.ParseCategory("資本"); !errors.Is(err, account.ErrUnknown) || !errors.As(err, &pe) || pe.Input != "資本" {
		t.Errorf("ParseCategory(資本) error = %v, want a *ParseError wrapping ErrUnknown", err)
	}
}

// The elimination entries of a segment statement rest on these signs: a
// 借方 reduces revenues and liabilities, a 貸方 reduces expenses and assets.
func TestSideSign(t *testing.T) {
	tests := []struct {
		s    account.Side
		c    account.Category
		want int
	}{
		{account.Debit, account.Revenue, -1},
		{account.Credit, account.Expense, -1},
		{account.Debit, account.Liability, -1},
		{account.Credit, account.Asset, -1},
		{account.Debit, account.Asset, 1},
		{account.Credit, account.Revenue, 1},
		{account.Debit, account.Outflow, 1},
		{account.Credit, account.Inflow, 1},
		{0, account.Asset, 0},
		{account.Debit, 0, 0},
	}
	for _, tt := range tests {
		if got := tt.s.Sign(tt.c); got != tt.want {
			t.Errorf("%v.Sign(%v) = %d, want %d", tt.s, tt.c, got, tt.want)
		}
	}
	if got := account.Side(0).String(); got != "%!Side(0)" {
		t.Errorf("Side(0).String() = %q", got)
	}
	if account.Debit.String() != "借方" || account.Credit.String() != "貸方" {
		t.Error("Debit or Credit prints wrongly")
	}
}

const smallChart = `code,name,category,parent
1000,資産,資産,
1210,有形固定資産,資産,1000
1214,リース資産,資産,1210
1220,無形固定資産,資産,1000
1223,リース資産,資産,1220
2000,負債,負債,
`

func TestReadCSV(t *testing.T) {
	c, err := account.ReadCSV(strings.NewReader(smallChart), "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 6 {
		t.Errorf("Len() = %d, want 6", c.Len())
	}
	a, ok := c.Lookup("1223")
	want := account.Account{Code: "1223", Name: "リース資産", Category: account.Asset, Parent: "1220"}
	if !ok || a != want {
		t.Errorf("Lookup(1223) = %+v, %v; want %+v", a, ok, want)
	}
	var path []string
	for _, a := range c.Path("1223") {
		path = append(path, a.Name)
	}
	if diff := cmp.Diff([]string{"資産", "無形固定資産", "リース資産"}, path); diff != "" {
		t.Errorf("Path(1223) mismatch (-want +got):\n%s", diff)
	}
	var roots []string
	for _, a := range c.Children("") {
		roots = append(roots, a.Code)
	}
	if diff := cmp.Diff([]string{"1000", "2000"}, roots); diff != "" {
		t.Errorf("Children(\"\") mismatch (-want +got):\n%s", diff)
	}
	var all []string
	for a := range c.All() {
		all = append(all, a.Code)
	}
	if diff := cmp.Diff([]string{"1000", "1210", "1214", "1220", "1223", "2000"}, all); diff != "" {
		t.Errorf("All mismatch (-want +got):\n%s", diff)
	}
	if _, ok := c.Lookup("9999"); ok {
		t.Error("Lookup(9999) found an account")
	}
	if c.Path("9999") != nil {
		t.Error("Path(9999) is not nil")
	}
}

func TestReadCSVEncodings(t *testing.T) {
	sjis, err := japanese.ShiftJIS.NewEncoder().String(smallChart)
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]string{
		"UTF-8 with BOM":  "\uFEFF" + smallChart,
		"CP932":           sjis,
		"CRLF":            strings.ReplaceAll(smallChart, "\n", "\r\n"),
		"english column":  "code,english,name,category,parent\n1000,Assets,資産,資産,\n",
		"columns swapped": "name,code,parent,category\n資産,1000,,asset\n",
	} {
		c, err := account.ReadCSV(strings.NewReader(in), "chart.csv")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if a, ok := c.Lookup("1000"); !ok || a.Name != "資産" {
			t.Errorf("%s: Lookup(1000) = %+v, %v", name, a, ok)
		}
	}
}

func TestReadCSVDefects(t *testing.T) {
	in := `code,name,category,parent
1000,資産,資産,
1000,資産（重複）,資産,
1100,,資産,1000
1200,固定資産,資本,1000
1300,その他,資産,9000
2000,負債,負債,1000
A,循環1,資産,B
B,循環2,資産,A
x y,空白,資産,
1400,欄が多い,資産,1000,余分
`
	_, err := account.ReadCSV(strings.NewReader(in), "chart.csv")
	want := []problem{
		{3, "1000", "", account.ErrDuplicate},
		{4, "1100", "", account.ErrMissing},
		{5, "1200", "", account.ErrUnknown},
		{6, "1300", "", account.ErrUnknown},
		{7, "2000", "", account.ErrRange},
		{8, "A", "", account.ErrCycle},
		{10, "x y", "", account.ErrSyntax},
		{11, "", "", account.ErrSyntax},
	}
	checkProblems(t, err, "chart.csv", want)
	for _, part := range []string{`account: chart.csv: line 3: account "1000": duplicate code (first on line 2)`, `unknown category "資本"`, `cycle of parents: A → B → A`} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not contain %q", err, part)
		}
	}
}

// A problem is a Problem with its sentinel, for comparison.
type problem struct {
	Line   int
	Row    string
	Column string
	Err    error
}

// checkProblems checks that err is an *Error of the source listing the
// problems want, and that errors.Is finds each sentinel.
func checkProblems(t *testing.T, err error, source string, want []problem) {
	t.Helper()
	var e *account.Error
	if !errors.As(err, &e) || e.Source != source {
		t.Fatalf("error = %v, want an *account.Error of %s", err, source)
	}
	var got []problem
	for _, p := range e.Problems {
		got = append(got, problem{p.Line, p.Row, p.Column, p.Err})
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b error) bool {
		return errors.Is(a, b) || errors.Is(b, a)
	})); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
	}
	for _, p := range want {
		if !errors.Is(err, p.Err) {
			t.Errorf("errors.Is(err, %v) = false", p.Err)
		}
	}
}

func TestReadCSVMalformed(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		{"empty", "", []problem{{1, "", "", account.ErrMissing}}},
		{"missing column", "code,name,category\n1000,資産,資産\n", []problem{{1, "", "parent", account.ErrMissing}}},
		{"repeated column", "code,name,category,parent,code\n", []problem{{1, "", "code", account.ErrDuplicate}}},
		{"unknown column", "code,name,category,parent,parnet\n", []problem{{1, "", "parnet", account.ErrUnknown}}},
		{"every header problem", "code,name,category,parnet,code\n", []problem{{1, "", "parnet", account.ErrUnknown}, {1, "", "code", account.ErrDuplicate}, {1, "", "parent", account.ErrMissing}}},
		{"bad quote", "code,name,category,parent\n1000,\"資産,資産,\n", []problem{{2, "", "", account.ErrSyntax}}},
		{"not UTF-8 or CP932", "code,name,category,parent\n1000,\xff\xff,資産,\n", []problem{{2, "", "", account.ErrEncoding}}},
		// 現金\xb1 is also CP932 (迴ｾ驥続): a stray byte must not turn UTF-8 into CP932.
		{"UTF-8 with a stray byte", "code,name,category,parent\n1000,現金\xb1,asset,\n", []problem{{2, "", "", account.ErrEncoding}}},
		{"bad contra", "code,name,category,parent,contra\n1000,資産,資産,,yes\n", []problem{{2, "1000", "contra", account.ErrSyntax}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := account.ReadCSV(strings.NewReader(tt.in), "chart.csv")
			checkProblems(t, err, "chart.csv", tt.want)
		})
	}
}

// A row without a code is one problem, not also a cycle through the empty
// parent code of the roots.
func TestEmptyCode(t *testing.T) {
	_, err := account.ReadCSV(strings.NewReader("code,name,category,parent\n,現金,asset,\n1000,資産,資産,\n"), "")
	checkProblems(t, err, "", []problem{{2, "", "", account.ErrMissing}})
	_, err = account.NewChart([]account.Account{{Name: "現金", Category: account.Asset}})
	checkProblems(t, err, "", []problem{{0, "", "", account.ErrMissing}})
}

func TestContra(t *testing.T) {
	in := "code,name,category,parent,contra\n1200,有形固定資産,資産,,\n1290,減価償却累計額,資産,1200,true\n1210,建物,資産,1200,false\n"
	c, err := account.ReadCSV(strings.NewReader(in), "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code          string
		contra        bool
		side          account.Side
		debit, credit int
	}{
		{"1210", false, account.Debit, 1, -1},
		{"1290", true, account.Credit, -1, 1},
	}
	for _, tt := range tests {
		a, _ := c.Lookup(tt.code)
		if a.Contra != tt.contra || a.NormalSide() != tt.side || a.Sign(account.Debit) != tt.debit || a.Sign(account.Credit) != tt.credit {
			t.Errorf("%s: Contra %v, NormalSide %v, Sign(借方) %d, Sign(貸方) %d; want %v, %v, %d, %d",
				tt.code, a.Contra, a.NormalSide(), a.Sign(account.Debit), a.Sign(account.Credit), tt.contra, tt.side, tt.debit, tt.credit)
		}
	}
	j, err := account.ReadJSON(strings.NewReader(`[{"code": "1290", "name": "減価償却累計額", "category": "asset", "contra": true}]`), "")
	if a, _ := j.Lookup("1290"); err != nil || !a.Contra {
		t.Errorf("ReadJSON of a contra account: %+v, %v", a, err)
	}
	if got := (account.Account{Contra: true}).NormalSide(); got != 0 {
		t.Errorf("NormalSide of a contra account of no category = %v, want 0", got)
	}
}

func TestReadJSON(t *testing.T) {
	in := `[
  {"code": "1000", "name": "資産", "category": "資産"},
  {"code": "1110", "name": "現金及び預金", "category": "asset", "parent": "1000", "english": "Cash and deposits"}
]`
	c, err := account.ReadJSON(strings.NewReader(in), "chart.json")
	if err != nil {
		t.Fatal(err)
	}
	want := account.Account{Code: "1110", Name: "現金及び預金", English: "Cash and deposits", Category: account.Asset, Parent: "1000"}
	if a, _ := c.Lookup("1110"); a != want {
		t.Errorf("Lookup(1110) = %+v, want %+v", a, want)
	}
}

func TestReadJSONDefects(t *testing.T) {
	in := `[
  {"code": "1000", "name": "資産", "category": "資産"},
  {"code": "1000", "name": "重複", "category": "資産"},
  {"code": "1100",
   "name": "流動資産", "category": "資本", "parent": "1000"}
]`
	_, err := account.ReadJSON(strings.NewReader(in), "chart.json")
	checkProblems(t, err, "chart.json", []problem{
		{3, "1000", "", account.ErrDuplicate},
		{4, "1100", "", account.ErrUnknown},
	})
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		{"object", `{"code": "1000"}`, []problem{{1, "", "", account.ErrSyntax}}},
		{"wrong type", `[{"code": 1000}]`, []problem{{1, "", "", account.ErrSyntax}}},
		{"unterminated", `[{"code": "1000", "name": "資産", "category": "資産"}`, []problem{{1, "", "", account.ErrSyntax}}},
		{"trailing text", "[]\n[]", []problem{{2, "", "", account.ErrSyntax}}},
		{"trailing text after a value", `[{"code": "1000", "name": "資産", "category": "資産"}] x`, []problem{{1, "", "", account.ErrSyntax}}},
		{"empty", ``, []problem{{1, "", "", account.ErrSyntax}}},
		{"unknown member", "[{\"code\": \"1100\", \"name\": \"流動資産\", \"category\": \"資産\",\n \"parnet\": \"1000\"}]",
			[]problem{{2, "", "parnet", account.ErrUnknown}}},
		{"member twice", `[{"code": "1100", "name": "流動資産", "category": "資産", "code": "1200"}]`,
			[]problem{{1, "", "code", account.ErrDuplicate}}},
		{"not UTF-8", "[\n{\"code\": \"1000\", \"name\": \"\xff\", \"category\": \"資産\"}]", []problem{{2, "", "", account.ErrEncoding}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := account.ReadJSON(strings.NewReader(tt.in), "chart.json")
			checkProblems(t, err, "chart.json", tt.want)
		})
	}
	if _, err := account.ReadJSON(strings.NewReader("\uFEFF[{\"code\": \"1000\", \"name\": \"資産\", \"category\": \"資産\"}]"), ""); err != nil {
		t.Errorf("a byte order mark: %v", err)
	}
}

// A message lists a bounded number of problems and quotes a bounded prefix
// of each input; Problems keeps them all.
func TestErrorBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("code,name,category,parent\n")
	for range 100 {
		b.WriteString("1000," + strings.Repeat("資", 10000) + ",資産,\n")
	}
	b.WriteString("2000,負債," + strings.Repeat("負", 100000) + ",\n")
	_, err := account.ReadCSV(strings.NewReader(b.String()), "")
	var e *account.Error
	if !errors.As(err, &e) || len(e.Problems) != 100 {
		t.Fatalf("error = %.200v, want 100 problems", err)
	}
	if msg := err.Error(); len(msg) > 2000 || !strings.HasSuffix(msg, "; and 90 more") {
		t.Errorf("message of %d bytes: %.300s…", len(msg), msg)
	}
	if msg := e.Problems[99].Error(); len(msg) > 200 {
		t.Errorf("problem message of %d bytes: %.300s…", len(msg), msg)
	}
}

func TestNewChart(t *testing.T) {
	c, err := account.NewChart([]account.Account{
		{Code: "1110", Name: "現金及び預金", Category: account.Asset, Parent: "1100"},
		{Code: "1100", Name: "流動資産", Category: account.Asset},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Children("1100"); len(got) != 1 || got[0].Code != "1110" {
		t.Errorf("Children(1100) = %v", got)
	}
	_, err = account.NewChart([]account.Account{{Code: "1", Name: "x"}})
	if !errors.Is(err, account.ErrUnknown) || !strings.Contains(err.Error(), "%!Category(0)") {
		t.Errorf("NewChart with a zero category: %v", err)
	}
}

func TestZeroChart(t *testing.T) {
	var c *account.Chart
	if c.Len() != 0 || c.Children("") != nil || c.Path("1") != nil {
		t.Error("nil chart is not empty")
	}
	if _, ok := c.Lookup("1"); ok {
		t.Error("nil chart finds an account")
	}
	for range c.All() {
		t.Error("nil chart yields an account")
	}
	var z account.Chart
	if z.Len() != 0 || len(z.Children("")) != 0 {
		t.Error("zero chart is not empty")
	}
}

// The J-LIS chart is read by many goroutines at once, as statements built
// concurrently would.
func TestChartConcurrent(t *testing.T) {
	f, err := os.Open("../examples/jlis/chart.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := account.ReadCSV(f, "chart.csv")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range c.All() {
				if p := c.Path(a.Code); len(p) == 0 || p[len(p)-1].Code != a.Code {
					t.Errorf("Path(%s) = %v", a.Code, p)
				}
				c.Children(a.Code)
			}
		}()
	}
	wg.Wait()
}
