//go:build !unix

package main

import (
	"io/fs"
	"os"
)

// openDir returns the files under dir.
func openDir(dir string) fs.FS { return os.DirFS(dir) }
