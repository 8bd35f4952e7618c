package fixedasset_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/account/fixedasset"
)

// header is the header of the registers of the tests.
const header = "番号,件名,勘定科目,耐用年数分類,耐用年数,耐用年数の理由,取得年月日,取得価額等,行政目的,評価方法,取得事由,振替先,除売却日,除売却事由,売却価額,国県等補助金,地方債,一般財源等\n"

// TestReadCSVErrors checks that each kind of bad input is an error naming
// its line, asset and column, wrapping the right sentinel.
func TestReadCSVErrors(t *testing.T) {
	cases := []struct {
		name, line string
		column     string
		want       error
		text       string // in the message
	}{
		{"negative cost", "B1,庁舎,事業用資産/建物,,50,,令和元年5月1日,-100,総務,,,,,,,,,", "取得価額等", fixedasset.ErrRange, "is negative"},
		{"zero cost", "B1,庁舎,事業用資産/建物,,50,,令和元年5月1日,0,総務,,,,,,,,,", "取得価額等", fixedasset.ErrRange, "not from 1"},
		{"fractional cost", "B1,庁舎,事業用資産/建物,,50,,令和元年5月1日,100.5,総務,,,,,,,,,", "取得価額等", fixedasset.ErrRange, "whole yen"},
		{"life 0", "B1,庁舎,事業用資産/建物,,0,,令和元年5月1日,100,総務,,,,,,,,,", "耐用年数", fixedasset.ErrRange, "耐用年数 0"},
		{"life absurd", "B1,庁舎,事業用資産/建物,,120,,令和元年5月1日,100,総務,,,,,,,,,", "耐用年数", fixedasset.ErrRange, "without a 耐用年数の理由"},
		{"life missing", "B1,庁舎,事業用資産/建物,,,,令和元年5月1日,100,総務,,,,,,,,,", "耐用年数", fixedasset.ErrMissing, "耐用年数"},
		{"life against class", "B1,庁舎,事業用資産/建物,鉄筋コンクリート造・事務所用,40,,令和元年5月1日,100,総務,,,,,,,,,", "耐用年数", fixedasset.ErrInconsistent, "has 50"},
		{"land with a life", "L1,用地,事業用資産/土地,,30,,令和元年5月1日,100,総務,,,,,,,,,", "耐用年数", fixedasset.ErrInconsistent, "not depreciated"},
		{"land with a class", "L1,用地,事業用資産/土地,木造・事務所用,,,令和元年5月1日,100,総務,,,,,,,,,", "耐用年数分類", fixedasset.ErrInconsistent, "not depreciated"},
		{"art with a life", "G1,絵画,物品,美術品,10,,令和元年5月1日,100,教育,,,,,,,,,", "耐用年数", fixedasset.ErrInconsistent, "美術品"},
		{"unknown account", "B1,庁舎,事業用資産/庁舎,,50,,令和元年5月1日,100,総務,,,,,,,,,", "勘定科目", fixedasset.ErrUnknown, "庁舎"},
		{"unknown class", "B1,庁舎,事業用資産/建物,石器造・事務所用,,,令和元年5月1日,100,総務,,,,,,,,,", "耐用年数分類", fixedasset.ErrUnknown, "石器造"},
		{"class of another kind", "B1,庁舎,事業用資産/建物,パソコン,,,令和元年5月1日,100,総務,,,,,,,,,", "耐用年数分類", fixedasset.ErrInconsistent, "器具及び備品"},
		{"unknown purpose", "B1,庁舎,事業用資産/建物,,50,,令和元年5月1日,100,警察,,,,,,,,,", "行政目的", fixedasset.ErrUnknown, "警察"},
		{"date outside its era", "B1,庁舎,事業用資産/建物,,50,,平成31年5月1日,100,総務,,,,,,,,,", "取得年月日", fixedasset.ErrRange, "平成 ended"},
		{"date that is none", "B1,庁舎,事業用資産/建物,,50,,令和2年2月30日,100,総務,,,,,,,,,", "取得年月日", fixedasset.ErrRange, "out of range"},
		{"date not a date", "B1,庁舎,事業用資産/建物,,50,,いつか,100,総務,,,,,,,,,", "取得年月日", fixedasset.ErrSyntax, "いつか"},
		{"acquired after disposal", "B1,庁舎,事業用資産/建物,,50,,令和5年5月1日,100,総務,,,,令和4年5月1日,除却,,,,", "除売却日", fixedasset.ErrRange, "before 取得年月日"},
		{"disposal without reason", "B1,庁舎,事業用資産/建物,,50,,令和4年5月1日,100,総務,,,,令和5年5月1日,,,,,", "除売却事由", fixedasset.ErrMissing, "除売却事由"},
		{"reason without date", "B1,庁舎,事業用資産/建物,,50,,令和4年5月1日,100,総務,,,,,除却,,,,", "除売却日", fixedasset.ErrMissing, "除売却日"},
		{"price of an asset not sold", "B1,庁舎,事業用資産/建物,,50,,令和4年5月1日,100,総務,,,,令和5年5月1日,除却,30,,,", "売却価額", fixedasset.ErrInconsistent, "not sold"},
		{"funding that does not add up", "B1,庁舎,事業用資産/建物,,50,,令和4年5月1日,100,総務,,,,,,,50,30,", "一般財源等", fixedasset.ErrInconsistent, "is not the cost 100"},
		{"memorandum value not 1", "L1,道路敷地,インフラ資産/土地,,,,令和4年5月1日,100,生活インフラ・国土保全,備忘価額,,,,,,,,", "取得価額等", fixedasset.ErrInconsistent, "備忘価額"},
		{"transfer from no construction", "B1,庁舎,事業用資産/建物,,50,,令和4年5月1日,100,総務,,,B1,,,,,,", "振替先", fixedasset.ErrInconsistent, "no 建設仮勘定"},
		{"transfer to nothing", "C1,工事,事業用資産/建設仮勘定,,,,令和4年5月1日,100,総務,,,X9,令和5年5月1日,,,,,", "振替先", fixedasset.ErrUnknown, "X9"},
		{"transfer without date", "C1,工事,事業用資産/建設仮勘定,,,,令和4年5月1日,100,総務,,,X9,,,,,,", "除売却日", fixedasset.ErrMissing, "除売却日"},
		{"unknown valuation", "B1,庁舎,事業用資産/建物,,50,,令和4年5月1日,100,総務,時価,,,,,,,,", "評価方法", fixedasset.ErrUnknown, "時価"},
		{"missing id", ",庁舎,事業用資産/建物,,50,,令和4年5月1日,100,総務,,,,,,,,,", "番号", fixedasset.ErrMissing, "番号"},
		{"missing name", "B1,,事業用資産/建物,,50,,令和4年5月1日,100,総務,,,,,,,,,", "件名", fixedasset.ErrMissing, "件名"},
		{"wrong number of fields", "B1,庁舎", "", fixedasset.ErrSyntax, "number of fields"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := fixedasset.ReadCSV(strings.NewReader(header+c.line+"\n"), "bad.csv")
			var e *fixedasset.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want an *Error", err)
			}
			if !errors.Is(err, c.want) {
				t.Errorf("%v does not wrap %v", err, c.want)
			}
			found := false
			for _, p := range e.Problems {
				if p.Line == 2 && p.Column == c.column && errors.Is(p, c.want) {
					found = true
				}
			}
			if !found || !strings.Contains(err.Error(), c.text) || !strings.HasPrefix(err.Error(), "fixedasset: bad.csv: line 2: ") {
				t.Errorf("%v: want line 2, column %q, %q", err, c.column, c.text)
			}
		})
	}
}

// TestReadCSVReportsAll checks that every problem of a file is reported,
// each at its line, and that duplicates name the first line.
func TestReadCSVReportsAll(t *testing.T) {
	in := header +
		"B1,庁舎,事業用資産/建物,,50,,令和4年5月1日,100,総務,,,,,,,,,\n" +
		"B1,倉庫,事業用資産/建物,,50,,令和4年5月1日,-5,総務,,,,,,,,,\n" +
		"B3,車,物品,,1,,令和4年5月1日,100,総務,,,,,,,,,\n"
	_, err := fixedasset.ReadCSV(strings.NewReader(in), "")
	var e *fixedasset.Error
	if !errors.As(err, &e) || len(e.Problems) != 3 {
		t.Fatalf("%v", err)
	}
	if p := e.Problems[1]; p.Line != 3 || !errors.Is(p, fixedasset.ErrDuplicate) || !strings.Contains(p.Error(), "first on line 2") {
		t.Errorf("%v", p)
	}
	if p := e.Problems[2]; p.Line != 4 || p.Asset != "B3" || p.Column != "耐用年数" {
		t.Errorf("%v", p)
	}
}

func TestReadCSVHeader(t *testing.T) {
	cases := []struct {
		in   string
		want error
	}{
		{"", fixedasset.ErrMissing},
		{"番号,件名,勘定科目,取得年月日,取得価額等\n", fixedasset.ErrMissing},
		{"番号,件名,勘定科目,取得年月日,取得価額等,行政目的,色\n", fixedasset.ErrUnknown},
		{"番号,件名,勘定科目,取得年月日,取得価額等,行政目的,件名\n", fixedasset.ErrDuplicate},
		{"番号,\"件名\n", fixedasset.ErrSyntax},
		{"番号,件名\xff\xfe\x80,勘定科目\n", fixedasset.ErrEncoding},
	}
	for _, c := range cases {
		if _, err := fixedasset.ReadCSV(strings.NewReader(c.in), "h.csv"); !errors.Is(err, c.want) {
			t.Errorf("%q: %v, want %v", c.in, err, c.want)
		}
	}
}

// TestNewRegister checks assets made in code: the problems name the asset,
// not a line, and a good register keeps every field.
func TestNewRegister(t *testing.T) {
	good := fixedasset.Asset{ID: "G1", Name: "公用車", Account: fixedasset.Goods, Class: "自動車",
		Acquired: mustDate(t, "令和3年7月1日"), Cost: 3_000_000, Purpose: fixedasset.Administration,
		Quantity: decimal.NewFromInt(1), Unit: "台"}
	r, err := fixedasset.NewRegister([]fixedasset.Asset{good})
	if err != nil {
		t.Fatal(err)
	}
	if a := r.Asset(0); a != good || r.Life(0) != 6 || r.Len() != 1 {
		t.Errorf("%+v, life %d", a, r.Life(0))
	}
	bad := good
	bad.Purpose = 0
	_, err = fixedasset.NewRegister([]fixedasset.Asset{good, bad})
	var e *fixedasset.Error
	if !errors.As(err, &e) || len(e.Problems) != 2 {
		t.Fatalf("%v", err)
	}
	if e.Problems[0].Line != 0 || e.Problems[1].Column != "行政目的" || !errors.Is(err, fixedasset.ErrDuplicate) {
		t.Errorf("%v", err)
	}
	var zero *fixedasset.Register
	if zero.Len() != 0 {
		t.Error("nil register has assets")
	}
	for range zero.All() {
		t.Error("nil register yields assets")
	}
}

// TestRoundTrip checks that WriteCSV writes what ReadCSV reads back to the
// same register.
func TestRoundTrip(t *testing.T) {
	r := readWorked(t)
	var b bytes.Buffer
	if err := fixedasset.WriteCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	back, err := fixedasset.ReadCSV(bytes.NewReader(b.Bytes()), "")
	if err != nil {
		t.Fatal(err)
	}
	if back.Len() != r.Len() {
		t.Fatalf("%d assets, want %d", back.Len(), r.Len())
	}
	for i, a := range r.All() {
		if b := back.Asset(i); !sameAsset(a, b) {
			t.Errorf("asset %d:\n got %+v\nwant %+v", i, b, a)
		}
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\uFEFF番号,件名,勘定科目,取得年月日,取得価額等,行政目的,")) || !bytes.Contains(b.Bytes(), []byte("\r\n")) {
		t.Errorf("%.80q", b.String())
	}
}

// sameAsset compares assets, their quantities by value.
func sameAsset(a, b fixedasset.Asset) bool {
	if !a.Quantity.Equal(b.Quantity) {
		return false
	}
	a.Quantity, b.Quantity = decimal.Decimal{}, decimal.Decimal{}
	return a == b
}
