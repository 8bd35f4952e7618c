// Package output is the command line the example programs share: the
// flags -format, -encoding and -o, and the writing of statements as text,
// CSV, JSON or Markdown, and in the formats a program adds, such as an
// Excel workbook.
package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/koukaikei/koukaikei/statement"
)

// ErrUsage marks errors in the flags or arguments, which exit with status 2.
var ErrUsage = errors.New("usage")

// A Report is what a program prints.
type Report struct {
	Statements []*statement.Statement
	// Summary, if set, is printed after the statements in text and
	// Markdown output.
	Summary func(io.Writer) error
	// Failure, if set, is reported after the output is written, and makes
	// the program exit with status 1.
	Failure error
}

// A Format is a way of writing a report that a program adds to the
// formats of Run. An Excel workbook is one: the program that writes it is
// a module of its own, on the Excel module, so that this one needs no
// more than the library.
type Format struct {
	Name string // the value of -format
	// File says that the format is written to a file only, named by -o.
	File  bool
	Write func(io.Writer, *Report) error
}

// Run parses args into the flags of fs (to which it adds -format,
// -encoding and -o), calls build, and writes its report as text, CSV,
// JSON, Markdown or one of formats. It returns the exit status: 2 for a
// bad flag or argument (with the usage), 1 for any other error (one line
// on stderr), 0 otherwise.
func Run(fs *flag.FlagSet, args []string, stdout, stderr io.Writer, usage string, build func() (*Report, error), formats ...Format) int {
	fs.SetOutput(stderr)
	names := []string{"text", "csv", "json", "markdown"}
	for _, f := range formats {
		name := f.Name
		if f.File {
			name += " (with -o)"
		}
		names = append(names, name)
	}
	format := fs.String("format", "text", "output `format`: "+strings.Join(names[:len(names)-1], ", ")+" or "+names[len(names)-1])
	encoding := fs.String("encoding", "utf8", "CSV `encoding`: utf8 or cp932")
	file := fs.String("o", "", "write to `FILE` instead of the standard output")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: "+usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	err := run(fs, *format, *encoding, *file, stdout, build, formats)
	switch {
	case errors.Is(err, ErrUsage):
		fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
		fs.Usage()
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
		return 1
	}
	return 0
}

func run(fs *flag.FlagSet, format, encoding, file string, stdout io.Writer, build func() (*Report, error), formats []Format) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %q", ErrUsage, fs.Args())
	}
	var csvOpt statement.CSVOptions
	switch encoding {
	case "utf8":
	case "cp932":
		if format != "csv" {
			return fmt.Errorf("%w: -encoding cp932 applies to CSV only", ErrUsage)
		}
		csvOpt.Encoding = statement.CP932
	default:
		return fmt.Errorf("%w: unknown encoding %q", ErrUsage, encoding)
	}
	write, ok := writers[format]
	for _, f := range formats {
		if f.Name != format {
			continue
		}
		if f.File && file == "" {
			return fmt.Errorf("%w: -format %s writes a file, which needs -o FILE", ErrUsage, format)
		}
		write, ok = func(w io.Writer, r *Report, _ statement.CSVOptions) error { return f.Write(w, r) }, true
	}
	if !ok {
		return fmt.Errorf("%w: unknown format %q", ErrUsage, format)
	}
	r, err := build()
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := write(&out, r, csvOpt); err != nil {
		return err
	}
	if file != "" {
		err = os.WriteFile(file, out.Bytes(), 0o644)
	} else {
		_, err = stdout.Write(out.Bytes())
	}
	if err != nil {
		return err
	}
	return r.Failure
}

var writers = map[string]func(io.Writer, *Report, statement.CSVOptions) error{
	"text":     writeText,
	"csv":      writeCSV,
	"json":     writeJSON,
	"markdown": writeMarkdown,
}

// writeText prints each statement in its published layout, then the
// summary.
func writeText(w io.Writer, r *Report, _ statement.CSVOptions) error {
	for _, s := range r.Statements {
		if err := s.WriteText(w, statement.TextOptions{}); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	if r.Summary == nil {
		return nil
	}
	return r.Summary(w)
}

// writeMarkdown prints a section for each statement, then the summary as
// a code block.
func writeMarkdown(w io.Writer, r *Report, _ statement.CSVOptions) error {
	for _, s := range r.Statements {
		if err := s.WriteMarkdown(w); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	if r.Summary == nil {
		return nil
	}
	fmt.Fprintln(w, "```")
	if err := r.Summary(w); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "```")
	return err
}

// writeCSV prints each statement as CSV, separated by an empty line, with
// one byte order mark at the start.
func writeCSV(w io.Writer, r *Report, opt statement.CSVOptions) error {
	for i, s := range r.Statements {
		if i > 0 {
			opt.NoBOM = true
			io.WriteString(w, "\r\n")
		}
		if err := s.WriteCSV(w, opt); err != nil {
			return fmt.Errorf("%s: %w", s.Form().Title, err)
		}
	}
	return nil
}

// writeJSON prints one JSON array of the statements.
func writeJSON(w io.Writer, r *Report, _ statement.CSVOptions) error {
	data, err := json.MarshalIndent(r.Statements, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}
