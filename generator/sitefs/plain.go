package sitefs

import (
	"io/fs"
	"path"
	"runtime"
	"strings"
)

// PlainReader is a file system that can read a plain file the short way
// (FS.ReadPlain); a wrapper of one passes the call on.
type PlainReader interface {
	ReadPlain(name string, max int64) ([]byte, bool)
}

// ReadPlain is fsys's ReadPlain, or false where it has none.
func ReadPlain(fsys fs.FS, name string, max int64) ([]byte, bool) {
	if p, ok := fsys.(PlainReader); ok {
		return p.ReadPlain(name, max)
	}
	return nil, false
}

// ReadPlain reads name when it is a regular file of at most max bytes
// in a folder whose path holds no link, with as few system calls as the
// system allows, for an FS opened by OpenOnce. It reports false for
// anything else (a link, a folder, a larger file, an error, another FS):
// the caller then reads name as usual, which refuses or explains it.
func (f *FS) ReadPlain(name string, max int64) ([]byte, bool) {
	if f.dirs == nil || !fs.ValidPath(name) {
		return nil, false
	}
	dir, base := path.Split(name)
	dir = strings.TrimSuffix(dir, "/")
	if dir == "" || base == GitDir || base == "." || base == ".." {
		return nil, false
	}
	f.dirs.mu.Lock()
	d, seen := f.dirs.held[dir]
	f.dirs.mu.Unlock()
	if !seen {
		if r := f.folder(dir); r != nil {
			d, _ = r.Open(".")
		}
		f.dirs.mu.Lock()
		if first, ok := f.dirs.held[dir]; ok {
			if d != nil {
				d.Close()
			}
			d = first
		} else {
			f.dirs.held[dir] = d
		}
		f.dirs.mu.Unlock()
	}
	if d == nil {
		return nil, false
	}
	data, ok := readPlain(int(d.Fd()), base, max)
	runtime.KeepAlive(d)
	return data, ok
}
