// Command nationwide makes a synthetic nation of local bodies, each
// publishing the four statements of the 統一的な基準 (貸借対照表, 行政コスト計算書,
// 純資産変動計算書, 資金収支計算書) for 一般会計等, 全体 and 連結, and checks it as
// an analyst checks the statements 総務省 publishes: it reads every
// published file, builds every statement from its printed items, verifies
// every identity and the links between the four statements under the
// rounding to 千円, aggregates by prefecture and for the nation, and writes
// the aggregate, timing each stage.
//
// Usage:
//
//	go run ./examples/nationwide [-bodies N] [-seed S] [-o DIR]
//	go run ./examples/nationwide -in DIR
//
// The nation is deterministic from the seed: N bodies (default 1,788: the
// 47 prefectures and 1,741 municipalities, spread over the prefectures as
// the real ones are), named by valid 全国地方公共団体コード. Each body's figures
// are drawn in 円 so that every link holds to the yen (the PL and CF are
// drawn, the NW and the BS's balancing items derived from them); the
// published statements are those figures in 千円, every line rounded from
// its exact value (四捨五入).
//
// With -o, the published nation is written under DIR (see Nation.Files)
// and the work reads it back from there; its last stage writes
// DIR/aggregate.csv. Without -o, the work reads the same files from
// memory and writes the aggregate to memory. With -in, the work reads a
// nation written before, and writes DIR/aggregate.csv.
//
// It prints one line for each stage, the processor time of the work (where
// the system reports it), and a last line
//
//	nationwide: N bodies, S statements, C cells: read X ms, build X ms, verify X ms, aggregate X ms, total X ms, peak heap X MB
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
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// gcPercent is the GOGC the work runs with unless the environment sets one.
const gcPercent = 400

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// publish makes a nation and returns its files and the number of its
// bodies; the nation itself is garbage once it returns.
func publish(k *Kit, bodies int, seed uint64) (map[string][]byte, int, error) {
	nat, err := Generate(k, bodies, seed)
	if err != nil {
		return nil, 0, err
	}
	files, err := nat.Files()
	return files, len(nat.Bodies), err
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nationwide", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bodies := fs.Int("bodies", DefaultBodies, "the number of `N` bodies")
	seed := fs.Uint64("seed", 1, "the `seed` the nation is drawn from")
	dir := fs.String("o", "", "write the published nation and the aggregate under `DIR`, and read it from there")
	in := fs.String("in", "", "check the nation written under `DIR` before, without making one")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *in != "" && *dir != "" {
		fmt.Fprintln(stderr, "usage: nationwide [-bodies N] [-seed S] [-o DIR] | -in DIR")
		return 2
	}
	k, err := NewKit()
	if err != nil {
		fmt.Fprintf(stderr, "nationwide: %v\n", err)
		return 2
	}
	var src Source
	var where string
	switch {
	case *in != "":
		src, where = Dir(*in), "files under "+*in
	default:
		t := time.Now()
		files, made, err := publish(k, *bodies, *seed)
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
			src, where = Dir(*dir), "files under "+*dir
		} else {
			src, where = Memory(files), "files in memory"
		}
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
	var out bytes.Buffer
	user0, sys0, cpuOK := cpuTime()
	w, err := Run(k, src, &out)
	user1, sys1, _ := cpuTime()
	if err != nil {
		fmt.Fprintf(stderr, "nationwide: %v\n", err)
		return 2
	}
	aggregate := "memory"
	if d := *dir + *in; d != "" {
		aggregate = filepath.Join(d, "aggregate.csv")
		if err := os.WriteFile(aggregate, out.Bytes(), 0o644); err != nil {
			fmt.Fprintf(stderr, "nationwide: %v\n", err)
			return 2
		}
	}
	r := &w.Report
	fmt.Fprintf(stdout, "read: %d statements of %d bodies from %s in %d ms\n", r.Statements, r.Bodies, where, r.Read.Milliseconds())
	fmt.Fprintf(stdout, "build: %d statements from their printed items in %d ms\n", r.Statements, r.Build.Milliseconds())
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
	fmt.Fprintf(stdout, "aggregate: 47 prefectures and the nation, %d bytes of CSV to %s, in %d ms\n", out.Len(), aggregate, r.Aggregate.Milliseconds())
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
