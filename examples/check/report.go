package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/koukaikei/koukaikei/statement/unified"
	"github.com/koukaikei/koukaikei/statement/xlsx"
)

// extensions are the files a directory's report is read from.
var extensions = []string{".csv", ".tsv", ".txt", ".xlsx"}

// A whole is the check of a whole report: every statement its files hold,
// and the links between them.
type whole struct {
	meta  statement.Meta
	book  statement.Book
	where map[string]string // the file (and sheet) of each statement, by id
}

// inputs returns the files that args name: files as they are, and the
// files of a directory with one of extensions, in name order. An argument
// ID=FILE names the form of its file.
func inputs(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		path := a
		if _, p, ok := strings.Cut(a, "="); ok {
			path = p
		}
		info, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, a)
			continue
		}
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if !e.IsDir() && slices.Contains(extensions, strings.ToLower(filepath.Ext(e.Name()))) {
				files = append(files, filepath.Join(path, e.Name()))
			}
		}
	}
	return files, nil
}

// grids reads a file as the tables it holds: the sheets of a workbook,
// the one table of a text export (.txt), its columns aligned by spaces or
// separated by tabs, or of a CSV or tab-separated file.
func grids(path string) ([]statement.Grid, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".xlsx" {
		return xlsx.ReadFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	read := statement.ReadGridCSV
	if ext == ".txt" {
		read = func(r io.Reader, opt statement.ReadOptions) (statement.Grid, error) {
			return statement.ReadGridText(r, opt, statement.TextOptions{})
		}
	}
	g, err := read(f, statement.ReadOptions{Source: path})
	if err != nil {
		return nil, err
	}
	return []statement.Grid{g}, nil
}

// read reads every file into the book: its statements recognised, or, for
// ID=FILE, read on the form ID.
func (w *whole) read(args []string) error {
	files, err := inputs(args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%w: no statement file in %q", errUsage, args)
	}
	w.where = map[string]string{}
	opt := statement.ReadOptions{Meta: w.meta, StatedUnit: true}
	for _, file := range files {
		id, path, told := strings.Cut(file, "=")
		if !told {
			path = file
		}
		gs, err := grids(path)
		if err != nil {
			return err
		}
		for _, g := range gs {
			before := w.book.IDs()
			if told {
				t, err := unified.Template(id)
				if err != nil {
					return fmt.Errorf("%w: %s: %v", errUsage, file, err)
				}
				s, err := t.ReadGrid(g, opt)
				if err != nil {
					return err
				}
				if err := w.book.Add(id, s); err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
			} else if err := unified.AddGrid(&w.book, g, opt); err != nil {
				return err
			}
			for _, id := range w.book.IDs()[len(before):] {
				w.where[id] = strings.TrimSuffix(path+" "+g.Name, " ")
			}
		}
	}
	if len(w.book.IDs()) == 0 {
		return fmt.Errorf("no statement in %s", strings.Join(files, ", "))
	}
	return nil
}

// links returns the links of the standard between statements the book
// holds: those of every scope, whose statements are all there.
func (w *whole) links() []statement.Link {
	var out []statement.Link
	for s := unified.General; s <= unified.Consolidated; s++ {
		for _, l := range unified.Links(s) {
			all := true
			for _, r := range append(slices.Clone(l.Left), l.Right...) {
				if _, ok := w.book.Statement(r.Statement); !ok {
					all = false
				}
			}
			if all {
				out = append(out, l)
			}
		}
	}
	return out
}

// A wholeReport is the result of a check of a whole report, as -format
// json prints it.
type wholeReport struct {
	Statements     []statementResult `json:"statements"`
	Links          []linkResult      `json:"links"`
	Identities     int               `json:"identities"`
	Exact          int               `json:"exact"`
	WithinRounding int               `json:"within_rounding"`
	Violations     int               `json:"violations"`
	Undecided      int               `json:"undecided"`
	Consistent     bool              `json:"consistent"`
}

// statementResult is the verdict of one statement.
type statementResult struct {
	ID             string    `json:"id"`
	Title          string    `json:"title"`
	Source         string    `json:"source"`
	Unit           string    `json:"unit"`
	Identities     int       `json:"identities"`
	Exact          int       `json:"exact"`
	WithinRounding int       `json:"within_rounding"`
	Violations     int       `json:"violations"`
	Undecided      int       `json:"undecided"`
	Findings       []finding `json:"findings"`

	findings []statement.Finding
	unit     format.Unit
}

// linkResult is the verdict of one link.
type linkResult struct {
	Name     string    `json:"name"`
	Verdict  string    `json:"verdict"`
	Findings []finding `json:"findings"`

	findings []statement.Finding
}

// verify verifies the book jointly under rounding: every statement's
// identities and every link between them.
func (w *whole) verify() (*wholeReport, error) {
	links := w.links()
	v, err := w.book.VerifyRounded(statement.VerifyOptions{Links: links})
	if err != nil {
		return nil, err
	}
	r := &wholeReport{Statements: []statementResult{}, Links: []linkResult{}}
	byStatement := map[string][]statement.Finding{}
	byLink := map[string][]statement.Finding{}
	for _, f := range v.Findings {
		if f.Kind == statement.LinkBroken {
			byLink[f.Rule] = append(byLink[f.Rule], f)
		} else {
			byStatement[f.Statement] = append(byStatement[f.Statement], f)
		}
	}
	for _, id := range w.book.IDs() {
		s, _ := w.book.Statement(id)
		// Its identities, counted on their own; the book's verdicts on them
		// are its findings.
		alone, err := s.VerifyRounded()
		if err != nil {
			return nil, err
		}
		n := 0
		for verdict := statement.Violation; verdict <= statement.Undecided; verdict++ {
			n += alone.Count(verdict)
		}
		sr := statementResult{ID: id, Title: s.Form().Title, Source: w.where[id], Unit: s.Meta().Unit.String(), Identities: n,
			Findings: []finding{}, unit: s.Meta().Unit}
		for _, f := range byStatement[id] {
			switch f.Verdict {
			case statement.WithinRounding:
				sr.WithinRounding++
			case statement.Undecided:
				sr.Undecided++
			default:
				sr.Violations++
			}
			sr.findings = append(sr.findings, f)
			sr.Findings = append(sr.Findings, findingOf(v, f))
		}
		sr.Exact = max(sr.Identities-sr.WithinRounding-sr.Violations-sr.Undecided, 0)
		r.Statements = append(r.Statements, sr)
		r.Identities += sr.Identities
		r.Exact += sr.Exact
		r.WithinRounding += sr.WithinRounding
		r.Violations += sr.Violations
		r.Undecided += sr.Undecided
	}
	for _, l := range links {
		lr := linkResult{Name: l.Name, Verdict: statement.Exact.String(), Findings: []finding{}}
		for _, f := range byLink[l.Name] {
			lr.Verdict = f.Verdict.String()
			lr.findings = append(lr.findings, f)
			lr.Findings = append(lr.Findings, findingOf(v, f))
		}
		r.Identities++
		switch lr.Verdict {
		case statement.Exact.String():
			r.Exact++
		case statement.WithinRounding.String():
			r.WithinRounding++
		case statement.Undecided.String():
			r.Undecided++
		default:
			r.Violations++
		}
		r.Links = append(r.Links, lr)
	}
	r.Consistent = r.Violations == 0 && r.Undecided == 0
	return r, nil
}

func (r *wholeReport) writeText(w io.Writer) error {
	for _, s := range r.Statements {
		fmt.Fprintf(w, "%s %s (%s, %s): %s\n", s.ID, s.Title, s.Source, s.Unit, counts(s.Identities, s.Exact, s.WithinRounding, s.Violations, s.Undecided))
		show := format.Formatter{Unit: s.unit, Suffix: true}
		for _, f := range s.findings {
			computed := f.Range.String()
			if f.Range == (statement.Range{}) {
				// Verified exactly: the sum of the printed terms.
				computed = show.FormatCell(f.Got)
			}
			fmt.Fprintf(w, "  %s %s: printed %s, computed %s: %s%s\n", f.Label, f.Column, show.FormatCell(f.Want), computed, f.Verdict, excess(f))
			writeProof(w, "    ", f)
		}
	}
	for _, l := range r.Links {
		fmt.Fprintf(w, "link %s: %s\n", l.Name, l.Verdict)
		for _, f := range l.findings {
			// The finding says by how much it is off.
			fmt.Fprintf(w, "  %s\n", f.String())
			writeProof(w, "    ", f)
		}
	}
	_, err := fmt.Fprintf(w, "%d statements, %d links: %s: %s\n", len(r.Statements), len(r.Links),
		counts(r.Identities, r.Exact, r.WithinRounding, r.Violations, r.Undecided), verdict(r.Violations, r.Undecided))
	return err
}

// excess returns what a violation is off by beyond rounding, or "".
func excess(f statement.Finding) string {
	if f.Verdict != statement.Violation || f.Excess.IsZero() {
		return ""
	}
	return ", off by " + format.Formatter{Suffix: true}.Format(f.Excess) + " beyond rounding"
}

// counts says how many identities there are and how each was judged.
func counts(n, exact, within, violations, undecided int) string {
	v := "violations"
	if violations == 1 {
		v = "violation"
	}
	return fmt.Sprintf("%d identities: %d exact, %d within rounding, %d %s, %d undecided", n, exact, within, violations, v, undecided)
}
