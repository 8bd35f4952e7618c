// Package golden compares the output of the example programs with golden
// files: text transcribed from the report, compared line by line without
// white space, and generated CSV, JSON and Markdown, compared byte for byte
// and rewritten under -update.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// Normalize returns the lines of text without white space, and without the
// lines that are then empty: the goldens are transcribed from the report,
// whose spacing the layout does not copy.
func Normalize(text string) []string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, l)
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// Diff returns the lines of a that a longest common subsequence with b
// leaves out, and those of b.
func Diff(a, b []string) (onlyA, onlyB []string) {
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			onlyA = append(onlyA, a[i])
			i++
		default:
			onlyB = append(onlyB, b[j])
			j++
		}
	}
	return append(onlyA, a[i:]...), append(onlyB, b[j:]...)
}

// Text compares text with the transcription testdata/name, line by line
// without white space, and returns the lines of each that the other lacks.
func Text(t *testing.T, name, text string) (printed, got []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Diff(Normalize(string(data)), Normalize(text))
}

// File compares output with testdata/name, after rewriting the file with
// output when update is set.
func File(t *testing.T, name string, output []byte, update bool) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if update {
		if err := os.WriteFile(path, output, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, output) {
		t.Errorf("output differs from %s; run go test -update after checking why", path)
	}
}
