// Command nationwide makes a synthetic nation of local bodies, each
// publishing the four statements of the 統一的な基準 (貸借対照表, 行政コスト計算書,
// 純資産変動計算書, 資金収支計算書) for 一般会計等, 全体 and 連結, and checks it as
// an analyst checks the statements 総務省 publishes: it reads every
// published file, verifies every identity and the links between the four
// statements under the rounding they were printed with, computes the
// 財務指標 of 総務省's 財務書類等活用の手引き for every body and scope and
// summarises them by prefecture, and aggregates the statements by
// prefecture and for the nation, timing each stage.
//
// Usage:
//
//	go run ./examples/nationwide [-bodies N] [-seed S] [-layout body|prefecture] [-unit 千円|百万円] [-o DIR] [-floor] [-cpuprofile FILE] [-memprofile FILE]
//	go run ./examples/nationwide -in DIR [-floor] [-cpuprofile FILE] [-memprofile FILE]
//
// -floor first measures what reading every statement file and parsing its
// figures with strconv takes, and nothing else; -cpuprofile writes a CPU
// profile of the work, -memprofile a profile of what it allocates.
//
// The nation is deterministic from the seed: N bodies (default 1,788: the
// 47 prefectures and 1,741 municipalities, spread over the prefectures as
// the real ones are), named by valid 全国地方公共団体コード, each with a
// population drawn as real ones spread (NOTES.md). Each body's figures
// are drawn in 円 at the magnitudes of published statements, with the
// lines that published statements leave empty (該当なし, printed -) left
// empty as often, and so that every link holds to the yen; the published
// statements are those figures in 千円 or 百万円, every line rounded from
// its exact value (四捨五入), printed as published: 2,074,265, △1,234, -.
// With -layout body (the default) each body's statement is a file of its
// own; with -layout prefecture each prefecture's bodies stand side by side
// in one file per statement (see Nation.Files).
//
// With -o, the published nation is written under DIR and the work reads
// it back from there; it writes DIR/aggregate.csv, DIR/indicators.csv and
// DIR/indicators-prefecture.csv. Without -o, the work reads the same files
// from memory and keeps its results in memory. With -in, the work reads a
// nation written before, and writes its results under DIR.
//
// It prints one line for each stage, the processor time of the work (where
// the system reports it), and a last line
//
//	nationwide: N bodies, S statements, C cells: read X ms, verify X ms, indicators X ms, aggregate X ms, total X ms, peak heap X MB
//
// and exits with 1 if any identity is violated. Unless the environment
// sets GOGC, it runs with GOGC=400: the work keeps little live, so the
// heap stays small while the collector runs a quarter as often.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"testing/fstest"
	"time"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement/unified"
)

// gcPercent is the GOGC the work runs with unless the environment sets one.
const gcPercent = 400

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// publish makes a nation and returns its files and the number of its
// bodies; the nation itself is garbage once it returns.
func publish(k *Kit, bodies int, seed uint64, l Layout, unit format.Unit) (fstest.MapFS, int, error) {
	nat, err := Generate(k, bodies, seed, unit)
	if err != nil {
		return nil, 0, err
	}
	files, err := nat.Files(l)
	return files, len(nat.Bodies), err
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("nationwide", flag.ContinueOnError)
	flags.SetOutput(stderr)
	bodies := flags.Int("bodies", DefaultBodies, "the number of `N` bodies")
	seed := flags.Uint64("seed", 1, "the `seed` the nation is drawn from")
	dir := flags.String("o", "", "write the published nation and the aggregate under `DIR`, and read it from there")
	in := flags.String("in", "", "check the nation written under `DIR` before, without making one")
	layout := flags.String("layout", "body", "the `layout` of the files: body (a file per body and statement) or prefecture (a file per prefecture and statement)")
	unitName := flags.String("unit", "千円", "the `unit` the statements are published in: 千円 or 百万円")
	profile := flags.String("cpuprofile", "", "write a CPU profile of the work to `FILE`")
	memProfile := flags.String("memprofile", "", "write a profile of what the work allocates to `FILE`")
	floor := flags.Bool("floor", false, "first measure the floor: read every statement file and parse its figures with strconv, nothing else")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	unit, err := format.ParseUnit(*unitName)
	if flags.NArg() > 0 || *in != "" && *dir != "" || err != nil || unit != format.Thousand && unit != format.Million ||
		*layout != "body" && *layout != "prefecture" {
		fmt.Fprintln(stderr, "usage: nationwide [-bodies N] [-seed S] [-layout body|prefecture] [-unit 千円|百万円] [-o DIR] | -in DIR")
		return 2
	}
	l := ByBody
	if *layout == "prefecture" {
		l = ByPrefecture
	}
	k, err := NewKit()
	if err != nil {
		fmt.Fprintf(stderr, "nationwide: %v\n", err)
		return 2
	}
	var src fs.FS
	var where string
	switch {
	case *in != "":
		src, where = openDir(*in), "files under "+*in
	default:
		t := time.Now()
		files, made, err := publish(k, *bodies, *seed, l, unit)
		if err != nil {
			fmt.Fprintf(stderr, "nationwide: %v\n", err)
			return 2
		}
		fmt.Fprintf(stdout, "generate: %d bodies, seed %d, %d files in %d ms\n", made, *seed, len(files), time.Since(t).Milliseconds())
		if *dir != "" {
			t = time.Now()
			if err := WriteFiles(*dir, files); err != nil {
				fmt.Fprintf(stderr, "nationwide: %v\n", err)
				return 2
			}
			fmt.Fprintf(stdout, "write: %s in %d ms\n", *dir, time.Since(t).Milliseconds())
			src, where = openDir(*dir), "files under "+*dir
		} else {
			src, where = files, "files in memory"
		}
	}
	if c, ok := src.(io.Closer); ok {
		defer c.Close()
	}
	// The work keeps one batch of statements live, tens of MB, and
	// allocates about 2 GB in all: at the default GOGC of 100 the
	// collector would run every few tens of MB. Unless GOGC says otherwise,
	// the heap may grow to five times what is live.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	// The work starts from a clean heap: the generator's garbage is not its.
	runtime.GC()
	if *floor {
		f, err := MeasureFloor(src)
		if err != nil {
			fmt.Fprintf(stderr, "nationwide: %v\n", err)
			return 2
		}
		fmt.Fprintf(stdout, "floor: %d files, %d figures read and parsed with strconv in %d ms\n", f.Files, f.Figures, f.Time.Milliseconds())
		runtime.GC()
	}
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintf(stderr, "nationwide: %v\n", err)
			return 2
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "nationwide: %v\n", err)
			return 2
		}
	}
	if *memProfile != "" {
		// Every allocation of 64 KB sampled, where the default samples
		// one of 512 KB: the work's allocations are small.
		runtime.MemProfileRate = 64 << 10
	}
	var agg, inds, summary bytes.Buffer
	user0, sys0, cpuOK := cpuTime()
	w, err := Run(k, src, Outputs{Aggregate: &agg, Indicators: &inds, Summary: &summary})
	user1, sys1, _ := cpuTime()
	if *profile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		fmt.Fprintf(stderr, "nationwide: %v\n", err)
		return 2
	}
	if *memProfile != "" {
		if err := writeMemProfile(*memProfile); err != nil {
			fmt.Fprintf(stderr, "nationwide: %v\n", err)
			return 2
		}
	}
	aggregate := "memory"
	if d := *dir + *in; d != "" {
		aggregate = filepath.Join(d, "aggregate.csv")
		for name, b := range map[string][]byte{"aggregate.csv": agg.Bytes(), "indicators.csv": inds.Bytes(), "indicators-prefecture.csv": summary.Bytes()} {
			if err := os.WriteFile(filepath.Join(d, name), b, 0o644); err != nil {
				fmt.Fprintf(stderr, "nationwide: %v\n", err)
				return 2
			}
		}
	}
	r := &w.Report
	fmt.Fprintf(stdout, "read: %d statements of %d bodies in %s, layout %s, from %s in %d ms\n", r.Statements, r.Bodies, w.Unit, w.Layout, where, r.Read.Milliseconds())
	fmt.Fprintf(stdout, "verify: %d identities and links in %d joints: %d exact, %d within rounding, %d violations; %d joints proved, in %d ms\n",
		r.Identities, r.Joints, r.Exact, r.WithinRounding, r.Violations, r.Proved, r.Verify.Milliseconds())
	for _, f := range r.Violated {
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	if len(r.Unproved) > 0 {
		// Identities left undecided: the verification's work budget ran
		// out before it proved them either way.
		fmt.Fprintf(stdout, "  not proved (identities undecided): %s\n", strings.Join(r.Unproved, ", "))
	}
	fmt.Fprintf(stdout, "indicators: %d of each body and scope, %d bytes and %d bytes by prefecture, in %d ms\n", len(unified.Indicators()), inds.Len(), summary.Len(), r.Indicators.Milliseconds())
	fmt.Fprintf(stdout, "aggregate: 47 prefectures and the nation, %d bytes of CSV to %s, in %d ms\n", agg.Len(), aggregate, r.Aggregate.Milliseconds())
	if cpuOK {
		fmt.Fprintf(stdout, "cpu: user %d ms, system %d ms, on %d processors\n",
			(user1 - user0).Milliseconds(), (sys1 - sys0).Milliseconds(), runtime.GOMAXPROCS(0))
	}
	fmt.Fprintln(stdout, r.Line())
	if r.Violations > 0 {
		return 1
	}
	return 0
}

// writeMemProfile writes the profile of what the program allocated to
// the named file.
func writeMemProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
