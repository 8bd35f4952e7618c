package main

import (
	"bytes"
	"flag"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/examples/internal/golden"
	"github.com/koukaikei/koukaikei/examples/jlis"
)

var update = flag.Bool("update", false, "rewrite the csv, json and markdown goldens, which the tests check cell by cell against the transcribed text goldens")

func program(t *testing.T) *golden.Program {
	t.Helper()
	budget, err := jlis.Budget2020()
	if err != nil {
		t.Fatal(err)
	}
	return &golden.Program{Name: "jlis2020hosei", Run: run, Report: budget, Update: *update}
}

// Every table prints as the report prints it, in every format.
func TestGoldens(t *testing.T) {
	program(t).CheckAll(t)
}

func TestRun(t *testing.T) {
	p := program(t)
	out := string(p.Output(t, "-form", "7"))
	tablesPart, summary, found := strings.Cut(out, "検証結果")
	if !found || strings.Count(tablesPart, "様式第7号\n") != 3 || strings.Contains(tablesPart, "様式第1号") {
		t.Errorf("-form 7 prints:\n%s", out)
	}
	for _, want := range []string{"2444 reproduced", "個人番号カード発行等事業 長期前受収益: 様式第4号 = 様式第6号"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	for _, args := range [][]string{{"-form", "9"}, {"-format", "pdf"}, {"-encoding", "cp932"}} {
		var o, e bytes.Buffer
		if code := run(args, &o, &e); code != 2 {
			t.Errorf("jlis2020hosei %v: exit %d, want 2", args, code)
		}
	}
}
