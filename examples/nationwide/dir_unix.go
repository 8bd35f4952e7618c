//go:build unix

package main

import (
	"io/fs"
	"os"
	"syscall"
)

// A dirFS is os.DirFS with a ReadFile of its own: one open, one read for a
// file of up to 8 KiB (one more for each doubling beyond), and one close.
// os.DirFS's ReadFile, through os.Open, also registers the file with the
// runtime's poller and asks for its size: nine calls to the system where
// these take three, on a nation of 21,456 small files. Where the system
// can, a file is opened relative to the directory, held open (see
// openDir), so that the system does not walk the directory's own path
// again for every file.
type dirFS struct {
	fs.FS
	dir string
	fd  int // the directory, open; -1 if not
}

// ReadFile reads the named file.
func (d dirFS) ReadFile(name string) ([]byte, error) { return d.readInto(name, nil) }

// readInto reads the named file into b's storage, 8 KiB when it has none,
// and returns it, grown to hold the file. A read of a regular file
// returns fewer bytes than asked for only at its end, so a short read
// ends it.
func (d dirFS) readInto(name string, b []byte) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	fd, err := d.open(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	if cap(b) == 0 {
		b = make([]byte, 8<<10)
	}
	b = b[:cap(b)]
	n := 0
	for {
		m, err := syscall.Read(fd, b[n:])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		n += m
		if n < len(b) {
			return b[:n], nil
		}
		b = append(b, make([]byte, len(b))...)
	}
}

// Close closes the directory, if it is open.
func (d dirFS) Close() error {
	if d.fd < 0 {
		return nil
	}
	return syscall.Close(d.fd)
}

// osDir is os.DirFS(dir), with the directory open if fd is not -1.
func osDir(dir string, fd int) dirFS { return dirFS{os.DirFS(dir), dir, fd} }
