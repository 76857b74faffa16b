package build

import (
	"io/fs"
	"path"
	"slices"

	"almanac/generator/sitefs"
)

// PreviewClient is the preview server's reload script. It lives in the
// theme's static/ folder, so the binary embeds it, but no build publishes
// it: the Builder's file systems do not show it, neither the theme's nor
// the site's (this repository is a site whose static/ is the theme's).
const PreviewClient = "static/js/live.js"

// hideFile is a file system without one file.
type hideFile struct {
	fsys fs.FS
	name string
}

// withoutPreviewClient returns fsys without PreviewClient; nil stays nil.
func withoutPreviewClient(fsys fs.FS) fs.FS {
	if fsys == nil {
		return nil
	}
	return hideFile{fsys: fsys, name: PreviewClient}
}

func (h hideFile) Open(name string) (fs.File, error) {
	if name == h.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	f, err := h.fsys.Open(name)
	if err != nil || name != path.Dir(h.name) {
		return f, err
	}
	if d, ok := f.(fs.ReadDirFile); ok {
		return hideEntry{ReadDirFile: d, name: path.Base(h.name)}, nil
	}
	return f, nil
}

func (h hideFile) ReadFile(name string) ([]byte, error) {
	if name == h.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadFile(h.fsys, name)
}

func (h hideFile) ReadPlain(name string, max int64) ([]byte, bool) {
	if name == h.name {
		return nil, false
	}
	return sitefs.ReadPlain(h.fsys, name, max)
}

func (h hideFile) Stat(name string) (fs.FileInfo, error) {
	if name == h.name {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(h.fsys, name)
}

func (h hideFile) ReadDir(name string) ([]fs.DirEntry, error) {
	list, err := fs.ReadDir(h.fsys, name)
	if name == path.Dir(h.name) {
		list = slices.DeleteFunc(list, func(e fs.DirEntry) bool { return e.Name() == path.Base(h.name) })
	}
	return list, err
}

// hideEntry is an open folder whose listing leaves out one name.
type hideEntry struct {
	fs.ReadDirFile
	name string
}

func (d hideEntry) ReadDir(n int) ([]fs.DirEntry, error) {
	for {
		list, err := d.ReadDirFile.ReadDir(n)
		kept := slices.DeleteFunc(list, func(e fs.DirEntry) bool { return e.Name() == d.name })
		if len(kept) > 0 || len(list) == 0 || err != nil || n <= 0 {
			return kept, err
		}
		// The batch held only the hidden name: read on, so that an
		// empty batch still means the end.
	}
}
