package fixedasset_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/koukaikei/koukaikei/account/fixedasset"
	"github.com/koukaikei/koukaikei/era"
)

// synthetic returns n assets of every kind, acquired over sixty years,
// one in twenty disposed of and one in forty a 建設仮勘定 transferred.
func synthetic(b testing.TB, n int) []fixedasset.Asset {
	kinds := []struct {
		account fixedasset.Account
		class   string
	}{
		{fixedasset.BusinessLand, ""}, {fixedasset.BusinessBuilding, "鉄筋コンクリート造・事務所用"},
		{fixedasset.BusinessBuilding, "木造・学校用等"}, {fixedasset.BusinessStructure, "水泳プール"},
		{fixedasset.InfraLand, ""}, {fixedasset.InfraStructure, "舗装（アスファルト敷等）"},
		{fixedasset.Goods, "自動車"}, {fixedasset.Goods, "パソコン"}, {fixedasset.Software, "ソフトウエア"},
	}
	purposes := fixedasset.Purposes()
	out := make([]fixedasset.Asset, 0, n)
	for i := 0; len(out) < n; i++ {
		k := kinds[i%len(kinds)]
		acquired, err := era.FromGregorian(1965+i%60, time.Month(1+i%12), 1+i%28)
		if err != nil {
			b.Fatal(err)
		}
		a := fixedasset.Asset{ID: fmt.Sprint("A", i), Name: "資産", Account: k.account, Class: k.class,
			Acquired: acquired, Cost: int64(1_000_000 + i%997*12_345), Purpose: purposes[i%len(purposes)]}
		if i%20 == 7 {
			a.Disposed, _ = era.FromGregorian(2023, time.Month(1+i%12), 15)
			if a.Disposed.Before(a.Acquired) {
				a.Disposed = a.Acquired
			}
			a.Disposal = fixedasset.Retired
		}
		if i%40 == 3 && len(out)+2 <= n {
			done, _ := era.FromGregorian(2023, time.October, 1)
			target := fmt.Sprint("T", i)
			out = append(out, fixedasset.Asset{ID: fmt.Sprint("C", i), Name: "工事", Account: fixedasset.BusinessConstruction,
				Acquired: acquired, Cost: 5_000_000, Purpose: a.Purpose, TransferTo: target, Disposed: done})
			a = fixedasset.Asset{ID: target, Name: "完成", Account: fixedasset.BusinessBuilding, Class: "鉄筋コンクリート造・学校用等",
				Acquired: done, Cost: 6_000_000, Purpose: a.Purpose}
		}
		out = append(out, a)
	}
	return out
}

var sizes = []int{10_000, 100_000, 1_000_000}

// BenchmarkYear depreciates and summarises registers of 10,000, 100,000
// and 1,000,000 assets: the year's figures by asset, account and purpose.
func BenchmarkYear(b *testing.B) {
	for _, n := range sizes {
		r, err := fixedasset.NewRegister(synthetic(b, n))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				y, err := r.Year(2023, fixedasset.Options{})
				if err != nil || y.Tangible().Closing == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkYearEntries adds the year's entries to the figures.
func BenchmarkYearEntries(b *testing.B) {
	for _, n := range sizes {
		r, err := fixedasset.NewRegister(synthetic(b, n))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				y, err := r.Year(2023, fixedasset.Options{Method: fixedasset.Monthly})
				if err != nil || len(y.Entries(fixedasset.EntryOptions{})) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewRegister checks registers of each size.
func BenchmarkNewRegister(b *testing.B) {
	for _, n := range sizes {
		assets := synthetic(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := fixedasset.NewRegister(assets); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadCSV reads registers of 1,000, 10,000 and 100,000 assets.
func BenchmarkReadCSV(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		r, err := fixedasset.NewRegister(synthetic(b, n))
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := fixedasset.WriteCSV(&buf, r); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				if _, err := fixedasset.ReadCSV(bytes.NewReader(buf.Bytes()), ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
