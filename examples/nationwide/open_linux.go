package main

import (
	"io/fs"
	"path/filepath"
	"syscall"
)

// openDir returns the files under dir, with dir held open until the
// returned file system is closed, if it can be opened.
func openDir(dir string) fs.FS {
	fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	if err != nil {
		fd = -1 // the files' own errors say why
	}
	return osDir(dir, fd)
}

// open opens the named file to read it, relative to the directory when it
// is open: a walk of one path under it, not of the directory's own.
func (d dirFS) open(name string) (int, error) {
	for {
		var fd int
		var err error
		if d.fd >= 0 {
			fd, err = syscall.Openat(d.fd, name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		} else {
			fd, err = syscall.Open(filepath.Join(d.dir, filepath.FromSlash(name)), syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		}
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
