package jlis

import (
	"testing"

	"github.com/koukaikei/koukaikei/segment"
)

// BenchmarkConsolidateFY2019 consolidates the seven segments of 様式第14号
// and 第15号 with their eliminations.
func BenchmarkConsolidateFY2019(b *testing.B) {
	r, err := FY2019()
	if err != nil {
		b.Fatal(err)
	}
	chart, err := Chart()
	if err != nil {
		b.Fatal(err)
	}
	cs, err := readConsolidations("r01")
	if err != nil {
		b.Fatal(err)
	}
	var scs []*segment.Table
	for _, id := range []string{"seg_bs", "seg_pl"} {
		p, _ := r.Published.Statement(id)
		sc, err := consolidate("r01", id, p, chart, cs[id])
		if err != nil {
			b.Fatal(err)
		}
		scs = append(scs, sc)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, sc := range scs {
			if _, err := sc.Build(sc.Segments[0].Statement.Meta()); err != nil {
				b.Fatal(err)
			}
		}
	}
}
