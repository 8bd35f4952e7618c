// Command renketsu consolidates the members of a local body into its 全体
// or 連結 under the 統一的な基準, and prints the 連結精算表 (each member at
// 100 % and, at a ratio, at it; 単純合算; the eliminations by kind; the
// consolidated column) and the scope's four statements.
//
// Usage:
//
//	go run ./examples/renketsu [-dir DIR] [-year YEAR] [-scope 全体|連結] [-by-elimination] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]
//
// -dir names a directory of members and eliminations, as
// consolidate.ReadDir reads it: members.csv, eliminations.csv, and each
// member's four statements as published (bs.csv, pl.csv, nw.csv, cf.csv) in
// a directory named as the member. -year is the fiscal year the
// statements are for, such as 令和6年度 or 2024年度; without it they are
// undated. -scope 全体 consolidates the members 全体 takes (一般会計等 and
// 公営事業会計) and the eliminations all of whose lines name one of them or
// none; the default is 連結. -by-elimination gives the 精算表 a column for
// each elimination instead of each kind.
//
// Without -dir it consolidates みなと市, a small city made up for the
// example, whose files are in testdata/minato and every figure and step
// of the arithmetic in testdata/WORKED.md: the 一般会計等, one
// 公営事業会計 (下水道事業会計), one 一部事務組合 at its 経費負担割合 of 30 %
// (比例連結, each line rounded to 円 by 四捨五入) and one 第三セクター in
// which the city holds 60 % (全部連結, the other 40 % of its net assets
// 他団体出資等分), for 令和6年度. Its eliminations are the
// 他会計への繰出金 to the 下水道事業会計 and the 負担金 to the 組合, entered
// at 100 % and applied at its 30 %; the 投資と資本の相殺消去 follows from
// the city's 出資金 of 60 and its 60 %.
package main

import (
	"embed"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/koukaikei/koukaikei/era"
	"github.com/koukaikei/koukaikei/examples/internal/output"
	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/segment"
	"github.com/koukaikei/koukaikei/segment/consolidate"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/shopspring/decimal"
)

// minato holds the files of みなと市, the example consolidated by default.
//
//go:embed testdata/minato
var minato embed.FS

// minatoYear is the fiscal year of みなと市's statements: 令和6年度.
const minatoYear = era.FiscalYear(2024)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("renketsu", flag.ContinueOnError)
	scope := flags.String("scope", "連結", "the `scope` to consolidate: 全体 or 連結")
	dir := flags.String("dir", "", "a `DIR`ectory of members and eliminations; defaults to みなと市's")
	year := flags.String("year", "", "the fiscal `year` of the statements, such as 令和6年度; みなと市's is 令和6年度")
	byElimination := flags.Bool("by-elimination", false, "a column of the 精算表 for each elimination, not each kind")
	return output.Run(flags, args, stdout, stderr,
		"renketsu [-dir DIR] [-year YEAR] [-scope 全体|連結] [-by-elimination] [-format text|csv|json|markdown] [-encoding utf8|cp932] [-o FILE]",
		func() (*output.Report, error) {
			var s unified.Scope
			switch *scope {
			case "全体":
				s = unified.Whole
			case "連結":
				s = unified.Consolidated
			default:
				return nil, fmt.Errorf("%w: unknown scope %q: 全体 or 連結", output.ErrUsage, *scope)
			}
			fsys, fy := fs.FS(nil), era.FiscalYear(0)
			if *dir == "" {
				sub, err := fs.Sub(minato, "testdata/minato")
				if err != nil {
					return nil, err
				}
				fsys, fy = sub, minatoYear
			} else {
				fsys = os.DirFS(*dir)
			}
			if *year != "" {
				var err error
				if fy, err = era.ParseFiscalYear(*year); err != nil {
					return nil, fmt.Errorf("%w: -year: %v", output.ErrUsage, err)
				}
			}
			r, err := Consolidate(fsys, fy, s, *byElimination)
			if err != nil {
				return nil, err
			}
			out := &output.Report{}
			for _, w := range r.Worksheets {
				out.Statements = append(out.Statements, w.Statement)
			}
			for _, k := range unified.Kinds() {
				st, _ := r.Book.Statement(unified.ID(k, s))
				out.Statements = append(out.Statements, st)
			}
			return out, nil
		})
}

// Consolidate reads the members and eliminations of fsys, their
// statements for fiscal year fy, and consolidates them into scope s: for
// 全体, the members it takes and the eliminations between them.
func Consolidate(fsys fs.FS, fy era.FiscalYear, s unified.Scope, byElimination bool) (*consolidate.Result, error) {
	c, err := consolidate.ReadDir(fsys, fy)
	if err != nil {
		return nil, err
	}
	c.Scope, c.Rounding, c.Compact, c.ByElimination = s, format.HalfUp, true, byElimination
	if s == unified.Whole {
		c.Members = slices.DeleteFunc(c.Members, func(m consolidate.Member) bool {
			_, ok := consolidate.Rule(m.Type, s, decimal.Zero, false)
			return !ok
		})
		c.Eliminations = slices.DeleteFunc(c.Eliminations, func(e segment.Elimination) bool {
			return slices.ContainsFunc(slices.Concat(e.Lines, []segment.Line{e.Reconcile}), func(l segment.Line) bool {
				return l.Member != "" && !slices.ContainsFunc(c.Members, func(m consolidate.Member) bool { return m.Name == l.Member })
			})
		})
	}
	return c.Build()
}
