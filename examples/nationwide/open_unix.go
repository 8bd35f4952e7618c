//go:build unix && !linux

package main

import (
	"io/fs"
	"path/filepath"
	"syscall"
)

// openDir returns the files under dir. The standard library opens a file
// relative to a directory on Linux only.
func openDir(dir string) fs.FS { return osDir(dir, -1) }

// open opens the named file to read it.
func (d dirFS) open(name string) (int, error) {
	for {
		fd, err := syscall.Open(filepath.Join(d.dir, filepath.FromSlash(name)), syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
