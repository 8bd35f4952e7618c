package era_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/koukaikei/koukaikei/era"
)

func TestEraString(t *testing.T) {
	tests := []struct {
		name                string
		e                   era.Era
		str, abbrev, letter string
	}{
		{"Meiji", era.Meiji, "明治", "明", "M"},
		{"Taisho", era.Taisho, "大正", "大", "T"},
		{"Showa", era.Showa, "昭和", "昭", "S"},
		{"Heisei", era.Heisei, "平成", "平", "H"},
		{"Reiwa", era.Reiwa, "令和", "令", "R"},
		{"zero", 0, "%!Era(0)", "%!Era(0)", "%!Era(0)"},
		{"past the last", era.Reiwa + 1, "%!Era(6)", "%!Era(6)", "%!Era(6)"},
		{"large", 7, "%!Era(7)", "%!Era(7)", "%!Era(7)"},
		{"negative", -1, "%!Era(-1)", "%!Era(-1)", "%!Era(-1)"},
	}
	for _, tt := range tests {
		if got := tt.e.String(); got != tt.str {
			t.Errorf("%s: String() = %q; want %q", tt.name, got, tt.str)
		}
		if got := tt.e.Abbrev(); got != tt.abbrev {
			t.Errorf("%s: Abbrev() = %q; want %q", tt.name, got, tt.abbrev)
		}
		if got := tt.e.Letter(); got != tt.letter {
			t.Errorf("%s: Letter() = %q; want %q", tt.name, got, tt.letter)
		}
	}
	if y, m, d := era.Era(0).Start(); y != 0 || m != 0 || d != 0 {
		t.Errorf("Era(0).Start() = %d, %d, %d; want zeros", y, m, d)
	}
}

// eraRow is a line of eras.txt.
type eraRow struct {
	goName, name, abbrev, letter, square string
	first                                time.Time
	change                               string
}

// readEras reads eras.txt independently of the generator, so that a fault in
// the generator or in the committed table shows here.
func readEras(t *testing.T) []eraRow {
	f, err := os.Open("eras.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []eraRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Split(line, ";")
		if len(fs) != 7 {
			t.Fatalf("eras.txt:%d: %d fields", n, len(fs))
		}
		first, err := time.Parse(time.DateOnly, fs[5])
		if err != nil {
			t.Fatalf("eras.txt:%d: %v", n, err)
		}
		rows = append(rows, eraRow{fs[0], fs[1], fs[2], fs[3], fs[4], first, fs[6]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestTable re-derives the table of eras from eras.txt and compares it with
// what the package reports.
func TestTable(t *testing.T) {
	consts := map[string]era.Era{"Meiji": era.Meiji, "Taisho": era.Taisho, "Showa": era.Showa, "Heisei": era.Heisei, "Reiwa": era.Reiwa}
	rows := readEras(t)
	all := era.Eras()
	if len(rows) != len(all) || len(rows) != len(consts) {
		t.Fatalf("eras.txt has %d eras, Eras() %d, the test knows %d", len(rows), len(all), len(consts))
	}
	for i, r := range rows {
		e := all[i]
		if c, ok := consts[r.goName]; !ok || c != e || int(e) != i+1 {
			t.Errorf("eras.txt row %d: %s is Era(%d) in Eras(); want constant %s = %d", i+1, r.name, int(e), r.goName, i+1)
		}
		if e.String() != r.name || e.Abbrev() != r.abbrev || e.Letter() != r.letter {
			t.Errorf("%s: String, Abbrev, Letter = %q, %q, %q; want %q, %q, %q", r.goName, e.String(), e.Abbrev(), e.Letter(), r.name, r.abbrev, r.letter)
		}
		y, m, d := e.Start()
		if y != r.first.Year() || m != r.first.Month() || d != r.first.Day() {
			t.Errorf("%s: Start() = %d-%02d-%02d; want %s", r.goName, y, m, d, r.first.Format(time.DateOnly))
		}
		if r.first.Year() >= 1873 {
			// The first day of the era, and the day before it, are where DateOf
			// and Parse must change their answer.
			if got, err := era.DateOf(r.first); err != nil || got != date(e, 1, r.first.Month(), r.first.Day()) {
				t.Errorf("%s: DateOf(first day) = %#v, %v", r.goName, got, err)
			}
			prev := r.first.AddDate(0, 0, -1)
			if got, err := era.DateOf(prev); err != nil || got.Era != e-1 {
				t.Errorf("%s: DateOf(the day before) = %#v, %v; want era %v", r.goName, got, err, e-1)
			}
			if _, l, err := era.ParseLenient(r.first.Format("2006年1月2日")); err != nil || l != 0 {
				t.Errorf("%s: first day read with leniency %v, %v", r.goName, l, err)
			}
			// The first day named in the era before, which lenient parsing
			// accepts and reports as the change column says.
			old := date(e-1, r.first.Year()-rows[i-1].first.Year()+1, r.first.Month(), r.first.Day())
			_, l, err := era.ParseLenient(old.String())
			want := era.Proleptic
			if r.change == "same-day" {
				want = era.AccessionDay
			}
			if err != nil || l != want {
				t.Errorf("%s: ParseLenient(%q) leniency %v, %v; want %v", r.goName, old.String(), l, err, want)
			}
		}
		if r.square != "-" {
			// NFKC, which the package does not use, is the reference for
			// what the square characters mean.
			if got := norm.NFKC.String(r.square); got != r.name {
				t.Errorf("%s: NFKC(%s) = %q; want %q", r.goName, r.square, got, r.name)
			}
			in := r.square + "10年1月1日"
			want := date(e, 10, 1, 1)
			if got, err := era.Parse(in); err != nil || got != want {
				t.Errorf("%s: Parse(%q) = %#v, %v; want %#v", r.goName, in, got, err, want)
			}
		}
	}
}

// TestGenerate runs the generator on eras.txt and compares its output with
// the committed tables.go.
func TestGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	out := filepath.Join(t.TempDir(), "tables.go")
	cmd := exec.Command(goCmd, "run", "gen.go", "-output", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen.go: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("tables.go differs from what gen.go writes from eras.txt; run go generate")
	}
}
