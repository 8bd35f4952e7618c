package era_test

import (
	"testing"
	"time"

	"github.com/koukaikei/koukaikei/era"
)

var (
	sinkDate   era.Date
	sinkString string
	sinkFY     era.FiscalYear
	sinkPeriod era.Period
)

func BenchmarkDateOf(b *testing.B) {
	t := time.Date(2020, 3, 31, 12, 0, 0, 0, jst)
	b.ReportAllocs()
	for b.Loop() {
		d, err := era.DateOf(t)
		if err != nil {
			b.Fatal(err)
		}
		sinkDate = d
	}
}

func BenchmarkParse(b *testing.B) {
	for _, in := range []string{
		"令和２年３月３１日",
		"令和2年3月31日",
		"令和二年三月三十一日",
		"令和 2 年 3 月 31 日",
		"R02.03.31",
		"2020-03-31",
	} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, err := era.Parse(in)
				if err != nil {
					b.Fatal(err)
				}
				sinkDate = d
			}
		})
	}
}

func BenchmarkParseFiscalYear(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		fy, err := era.ParseFiscalYear("令和２年度")
		if err != nil {
			b.Fatal(err)
		}
		sinkFY = fy
	}
}

func BenchmarkParsePeriod(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		p, err := era.ParsePeriod("平成３１年４月１日から令和２年３月３１日まで")
		if err != nil {
			b.Fatal(err)
		}
		sinkPeriod = p
	}
}

func BenchmarkString(b *testing.B) {
	d := date(era.Reiwa, 2, 3, 31)
	b.ReportAllocs()
	for b.Loop() {
		sinkString = d.String()
	}
}

func BenchmarkAppendFormat(b *testing.B) {
	d := date(era.Reiwa, 2, 3, 31)
	buf := make([]byte, 0, 64)
	s := era.Style{Numerals: era.KanjiNumerals}
	b.ReportAllocs()
	for b.Loop() {
		buf = d.AppendFormat(buf[:0], s)
	}
}
