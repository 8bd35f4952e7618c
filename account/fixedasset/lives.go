package fixedasset

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/koukaikei/koukaikei/internal/csvio"
)

// The tables of the 減価償却資産の耐用年数等に関する省令 (昭和40年大蔵省令第15号)
// that the package ships, as data: testdata/NOTES.md says where each line
// was checked.
var (
	//go:embed lives.csv
	livesCSV []byte
	//go:embed rates.csv
	ratesCSV []byte
)

// A Class is a 耐用年数分類: a line of the 耐用年数省令's 別表第一 (建物,
// 建物附属設備, 構築物, 車両及び運搬具, 器具及び備品) or 別表第三 (ソフトウエア)
// and the useful life it sets, or a kind of asset that is not depreciated
// (美術品, 電話加入権). lives.csv holds the lines that local bodies' assets
// commonly fall under; an asset under another line states its useful life.
type Class struct {
	// Name is the short name a register gives, such as
	// 鉄筋コンクリート造・事務所用.
	Name string
	// Kind, Structure and Detail are the 種類, 構造又は用途 and 細目 of the
	// 省令's table, in its words; levels within a column are joined by /.
	Kind, Structure, Detail string
	// Life is the useful life in years; 0 for a kind of asset that is not
	// depreciated.
	Life int
	// Checked says how far the line has been checked against the 省令:
	// V, its wording and years read in the 省令's text; S, its years seen
	// in a secondary table; K, neither yet, so check before relying on it;
	// "" for a kind of asset that is not depreciated. testdata/NOTES.md
	// names the sources.
	Checked string
}

// Path returns the class as the 省令's table prints it, its columns joined
// by /: 建物/鉄骨鉄筋コンクリート造又は鉄筋コンクリート造のもの/事務所用又は美術館用のもの及び左記以外のもの.
func (c Class) Path() string {
	p := c.Kind
	for _, s := range []string{c.Structure, c.Detail} {
		if s != "" {
			p += "/" + s
		}
	}
	return p
}

// tables is the data of lives.csv and rates.csv, read once.
type tables struct {
	classes []Class
	byName  map[string]int // Name and Path → index in classes
	rates   [101]int       // useful life → 別表第八's rate in thousandths; 0 where none
}

var loadTables = sync.OnceValues(func() (*tables, error) {
	t := &tables{byName: map[string]int{}}
	recs, err := readTable(livesCSV, "lives.csv", []string{"名称", "種類", "構造又は用途", "細目", "耐用年数", "出典"})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		c := Class{Name: r[0], Kind: r[1], Structure: r[2], Detail: r[3], Checked: strings.Trim(r[5], "-")}
		if r[4] != "-" {
			if c.Life, err = strconv.Atoi(r[4]); err != nil || c.Life < 2 || c.Life > 100 {
				return nil, fmt.Errorf("lives.csv: %s: useful life %q", c.Name, r[4])
			}
		}
		keys := []string{c.Name, c.Path()}
		if keys[1] == keys[0] {
			keys = keys[:1]
		}
		for _, key := range keys {
			if _, dup := t.byName[key]; dup {
				return nil, fmt.Errorf("lives.csv: %s given twice", key)
			}
			t.byName[key] = len(t.classes)
		}
		t.classes = append(t.classes, c)
	}
	recs, err = readTable(ratesCSV, "rates.csv", []string{"耐用年数", "償却率", "出典"})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		life, err := strconv.Atoi(r[0])
		rate, ok := strings.CutPrefix(r[1], "0.")
		k, err2 := strconv.Atoi(rate)
		if err != nil || err2 != nil || !ok || len(rate) != 3 || life < 2 || life > 100 || t.rates[life] != 0 {
			return nil, fmt.Errorf("rates.csv: %q", r)
		}
		t.rates[life] = k
	}
	for life := 2; life <= 100; life++ {
		if t.rates[life] == 0 {
			return nil, fmt.Errorf("rates.csv: no rate for %d years", life)
		}
	}
	return t, nil
})

// readTable reads an embedded table whose header is cols.
func readTable(data []byte, name string, cols []string) ([][]string, error) {
	recs, err := csvio.ReadAll(bytes.NewReader(data), 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 || strings.Join(recs[0].Fields, ",") != strings.Join(cols, ",") {
		return nil, fmt.Errorf("%s: header is not %v", name, cols)
	}
	out := make([][]string, 0, len(recs)-1)
	for _, r := range recs[1:] {
		if len(r.Fields) != len(cols) {
			return nil, fmt.Errorf("%s: line %d: %d fields", name, r.Line, len(r.Fields))
		}
		out = append(out, r.Fields)
	}
	return out, nil
}

// theTables returns the embedded tables. They are tested, so an error is
// a build that broke them.
func theTables() *tables {
	t, err := loadTables()
	if err != nil {
		panic(err)
	}
	return t
}

// Classes returns the 耐用年数分類 of lives.csv, in its order.
func Classes() []Class { return append([]Class(nil), theTables().classes...) }

// LookupClass returns the 耐用年数分類 named s, by its Name or its Path.
func LookupClass(s string) (Class, bool) {
	t := theTables()
	i, ok := t.byName[s]
	if !ok {
		return Class{}, false
	}
	return t.classes[i], true
}

// Rate returns the 定額法 rate (償却率) that the 耐用年数省令's 別表第八 sets
// for a useful life of 2 to 100 years, such as 0.167 for 6 years, and
// false for other lives. The year's depreciation of an asset is its cost
// times the rate (see Register.Year), not the cost divided by the life:
// 3,600 over 6 years is 601 a year, not 600.
func Rate(life int) (decimal.Decimal, bool) {
	k := rate(life)
	if k == 0 {
		return decimal.Decimal{}, false
	}
	return decimal.New(int64(k), -3), true
}

// rate returns 別表第八's rate for life in thousandths, or 0.
func rate(life int) int {
	if life < 2 || life > 100 {
		return 0
	}
	return theTables().rates[life]
}
