package fixedasset_test

import (
	"testing"

	"github.com/koukaikei/koukaikei/account/fixedasset"
)

// TestRates checks 別表第八 as transcribed against the table's own
// arithmetic: each rate is 1 ÷ 耐用年数 rounded up to three decimals.
func TestRates(t *testing.T) {
	for life := 2; life <= 100; life++ {
		r, ok := fixedasset.Rate(life)
		want := (1000 + life - 1) / life // ⌈1000 ÷ life⌉ thousandths
		if !ok || r.Shift(3).IntPart() != int64(want) || r.Exponent() != -3 {
			t.Errorf("Rate(%d) = %s, %v; want 0.%03d", life, r, ok, want)
		}
	}
	for _, life := range []int{-1, 0, 1, 101} {
		if _, ok := fixedasset.Rate(life); ok {
			t.Errorf("Rate(%d) exists", life)
		}
	}
	if r, _ := fixedasset.Rate(6); r.String() != "0.167" {
		t.Errorf("Rate(6) = %s", r)
	}
}

func TestClasses(t *testing.T) {
	classes := fixedasset.Classes()
	if len(classes) < 90 {
		t.Fatalf("%d classes", len(classes))
	}
	for _, c := range classes {
		for _, key := range []string{c.Name, c.Path()} {
			if got, ok := fixedasset.LookupClass(key); !ok || got != c {
				t.Errorf("LookupClass(%q) = %+v, %v", key, got, ok)
			}
		}
	}
	c, _ := fixedasset.LookupClass("鉄筋コンクリート造・事務所用")
	if c.Life != 50 || c.Checked != "V" || c.Path() != "建物/鉄骨鉄筋コンクリート造又は鉄筋コンクリート造のもの/事務所用又は美術館用のもの及び左記以外のもの" {
		t.Errorf("%+v", c)
	}
	// Lines of 別表第一 as the secondary sources of testdata/NOTES.md give
	// them (mark S), among them the 自動車 lines of 車両及び運搬具: a
	// passenger car (普通・小型乗用車) 6 years, a 貨物自動車 such as a ライトバン
	// 5, a ダンプ 4, a 軽自動車 4.
	for name, life := range map[string]int{"自動車": 6, "貨物自動車": 5, "ダンプ": 4, "軽自動車": 4,
		"空調ボイラー設備": 15, "消火排煙災害報知設備": 8, "自動ドア": 12, "附属設備その他（金属製）": 18, "附属設備その他": 10,
		"水泳プール": 30, "工場緑化施設": 7, "緑化施設・庭園": 20, "舗装（アスファルト敷等）": 10,
		"事務机等（金属製）": 15, "事務机等": 8, "音響機器": 5, "冷暖房機器": 6, "電気ガス機器": 6, "パソコン": 4, "電子計算機": 5,
	} {
		if c, ok := fixedasset.LookupClass(name); !ok || c.Life != life || c.Checked != "S" {
			t.Errorf("%s: %+v, want %d years, checked S", name, c, life)
		}
	}
	if c, _ := fixedasset.LookupClass("美術品"); c.Life != 0 || c.Checked != "" {
		t.Errorf("美術品 %+v", c)
	}
	if _, ok := fixedasset.LookupClass("建物"); ok {
		t.Error("建物 alone is a class")
	}
}

// asset returns a register of one asset, failing the test on an error.
func asset(t *testing.T, a fixedasset.Asset) *fixedasset.Register {
	t.Helper()
	if a.ID == "" {
		a.ID = "X"
	}
	if a.Name == "" {
		a.Name = "x"
	}
	if a.Purpose == 0 {
		a.Purpose = fixedasset.Administration
	}
	r, err := fixedasset.NewRegister([]fixedasset.Asset{a})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDepreciation checks single assets year by year, each figure worked
// out in its comment.
func TestDepreciation(t *testing.T) {
	type year struct {
		fy            int
		dep, acc      int64
		opening, book int64 // cost at the start; book value on disposal
	}
	cases := []struct {
		name   string
		asset  fixedasset.Asset
		method fixedasset.Method
		years  []year
	}{{
		// 3,600 over 6 years at 0.167: 601 a year (601.2 cut), not 600;
		// after 5 years 3,005, the sixth takes 3,599 − 3,005 = 594 and
		// leaves the 備忘価額 of 1.
		name:  "器具 3,600 over 6 years",
		asset: fixedasset.Asset{Account: fixedasset.Goods, Life: 6, Acquired: mustDate(t, "令和元年6月1日"), Cost: 3600},
		years: []year{{2019, 0, 0, 0, 0}, {2020, 601, 601, 3600, 0}, {2024, 601, 3005, 3600, 0}, {2025, 594, 3599, 3600, 0}, {2026, 0, 3599, 3600, 0}},
	}, {
		// By months: June to March is 10 months, 3,600 × 0.167 × 10 ÷ 12 =
		// 501.0; then 601 a year: 501 + 4 × 601 = 2,905 after 令和5年度,
		// 3,506 after 令和6年度, and 令和7年度 takes the last
		// 3,599 − 3,506 = 93.
		name:   "器具 3,600 by months",
		asset:  fixedasset.Asset{Account: fixedasset.Goods, Life: 6, Acquired: mustDate(t, "令和元年6月1日"), Cost: 3600},
		method: fixedasset.Monthly,
		years:  []year{{2019, 501, 501, 0, 0}, {2023, 601, 2905, 3600, 0}, {2024, 601, 3506, 3600, 0}, {2025, 93, 3599, 3600, 0}},
	}, {
		// An intangible asset keeps no 備忘価額: 1,000 over 3 years at 0.334
		// is 334, 334, then the last 332, to 0.
		name:  "ソフトウェア to 0",
		asset: fixedasset.Asset{Account: fixedasset.Software, Life: 3, Acquired: mustDate(t, "令和2年4月1日"), Cost: 1000},
		years: []year{{2021, 334, 334, 1000, 0}, {2023, 332, 1000, 1000, 0}, {2024, 0, 1000, 1000, 0}},
	}, {
		// Over 100 years, with a reason: 1,000,000 ÷ 120 = 8,333.33 → 8,333.
		name:  "120 years with a reason",
		asset: fixedasset.Asset{Account: fixedasset.InfraStructure, Life: 120, LifeReason: "ダム本体（団体の定め）", Acquired: mustDate(t, "令和2年4月1日"), Cost: 1_000_000},
		years: []year{{2021, 8333, 8333, 1_000_000, 0}, {2022, 8333, 16666, 1_000_000, 0}},
	}, {
		// Disposed of by months in its third year, in September (6 months):
		// 1,200 × 0.200 = 240 a year; 令和2年度 from October, 6 months: 120;
		// 令和3年度 240; 令和4年度 120 more, 480 in all; book 720.
		name:   "sold by months",
		asset:  fixedasset.Asset{Account: fixedasset.Goods, Life: 5, Acquired: mustDate(t, "令和2年10月1日"), Cost: 1200, Disposed: mustDate(t, "令和4年9月30日"), Disposal: fixedasset.Sold, Proceeds: 700},
		method: fixedasset.Monthly,
		years:  []year{{2020, 120, 120, 0, 0}, {2021, 240, 360, 1200, 0}, {2022, 120, 0, 1200, 720}},
	}, {
		// The same, by the 原則: 240 in 令和3年度 only; nothing in the year of
		// disposal; book 960.
		name:  "sold",
		asset: fixedasset.Asset{Account: fixedasset.Goods, Life: 5, Acquired: mustDate(t, "令和2年10月1日"), Cost: 1200, Disposed: mustDate(t, "令和4年9月30日"), Disposal: fixedasset.Sold, Proceeds: 700},
		years: []year{{2020, 0, 0, 0, 0}, {2021, 240, 240, 1200, 0}, {2022, 0, 0, 1200, 960}},
	}, {
		// Acquired and disposed of within one year, by months: May to
		// August is 4 months, 1,200 × 0.200 × 4 ÷ 12 = 80; book 1,120.
		name:   "in and out by months",
		asset:  fixedasset.Asset{Account: fixedasset.Goods, Life: 5, Acquired: mustDate(t, "令和4年5月20日"), Cost: 1200, Disposed: mustDate(t, "令和4年8月1日"), Disposal: fixedasset.Retired},
		method: fixedasset.Monthly,
		years:  []year{{2022, 80, 0, 0, 1120}},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := asset(t, c.asset)
			for _, want := range c.years {
				y, err := r.Year(fyOf(want.fy), fixedasset.Options{Method: c.method})
				if err != nil {
					t.Fatal(err)
				}
				l := y.Line(0)
				if l.Depreciation != want.dep || l.Accumulated != want.acc || l.Opening != want.opening || l.BookValue != want.book {
					t.Errorf("FY%d: dep %d acc %d opening %d book %d; want %d %d %d %d", want.fy, l.Depreciation, l.Accumulated, l.Opening, l.BookValue, want.dep, want.acc, want.opening, want.book)
				}
			}
		})
	}
}
