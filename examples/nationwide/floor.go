package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"sync/atomic"
	"time"
)

// A Floor is what reading a nation's statement files and parsing every
// figure in them costs, with nothing else: the least any check of the
// nation can take.
type Floor struct {
	Files, Figures int
	Time           time.Duration
}

// MeasureFloor reads every statement file of the nation in fsys, on all
// processors, and parses every figure with strconv (quotes, separators
// and △ dropped, - taken as no figure), checking nothing else.
func MeasureFloor(fsys fs.FS) (Floor, error) {
	type file struct {
		name        string
		lines, skip int // heading lines, and fields before the figures
	}
	var files []file
	for _, dir := range []file{{"statements", 2, 2}, {"prefectures", 4, 1}} {
		err := fs.WalkDir(fsys, dir.name, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, file{path, dir.lines, dir.skip})
			}
			return err
		})
		if err != nil && !isNotExist(err) {
			return Floor{}, err
		}
	}
	start := time.Now()
	var figures atomic.Int64
	err := parallel(len(files), func(i int) error {
		f := files[i]
		// Read as the work reads a statement file.
		return readStatement(fsys, f.name, func(data []byte) error {
			n, err := parseFigures(data, f.lines, f.skip)
			figures.Add(int64(n))
			if err != nil {
				return fmt.Errorf("%s: %w", f.name, err)
			}
			return nil
		})
	})
	return Floor{Files: len(files), Figures: int(figures.Load()), Time: time.Since(start)}, err
}

// parseFigures parses the figures of a statement file, in the fields
// after the first skip of every line after the first lines heading lines
// (the unit line and the header; in a file per prefecture also the codes
// and names), and returns how many there are. A figure is digits, grouped
// by commas or not, after an optional △ or -; - alone and an empty field
// are no figure.
func parseFigures(data []byte, lines, skip int) (int, error) {
	n := 0
	var digits []byte
	for l := 0; len(data) > 0; l++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if l < lines {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		for f := 0; len(line) > 0; f++ {
			field := line
			if line[0] == '"' {
				j := bytes.IndexByte(line[1:], '"') + 1
				field, line = line[1:j], line[min(j+2, len(line)):]
			} else if i := bytes.IndexByte(line, ','); i >= 0 {
				field, line = line[:i], line[i+1:]
			} else {
				line = nil
			}
			if f < skip || len(field) == 0 || string(field) == "-" {
				continue
			}
			digits = digits[:0]
			if rest, ok := bytes.CutPrefix(field, []byte("△")); ok {
				digits, field = append(digits, '-'), rest
			}
			for _, c := range field {
				if c != ',' {
					digits = append(digits, c)
				}
			}
			if _, err := strconv.ParseInt(string(digits), 10, 64); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}
