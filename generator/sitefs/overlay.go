package sitefs

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// Overlay is a site's folder laid over the theme: a file is read from the
// site when the site has it, else from the theme, and a folder lists the
// files of both. Layouts, static files and `new` templates are all read
// through it, so a site overrides any theme file by writing one of the
// same path, and nothing else. (UI strings are merged key by key instead:
// see Layers.)
//
// It implements fs.FS, fs.ReadFileFS, fs.StatFS and fs.ReadDirFS. Either
// layer may be nil.
type Overlay struct {
	Site  fs.FS
	Theme fs.FS
}

// Layers returns the theme's file system and then the site's, the ones
// that are not nil, for readers that merge the two (UI strings).
func (o Overlay) Layers() []fs.FS {
	var out []fs.FS
	for _, l := range []fs.FS{o.Theme, o.Site} {
		if l != nil {
			out = append(out, l)
		}
	}
	return out
}

// FromSite reports whether name is read from the site rather than the
// theme.
func (o Overlay) FromSite(name string) bool {
	if o.Site == nil {
		return false
	}
	_, err := fs.Stat(o.Site, name)
	return err == nil
}

// layer returns the file system name is read from: the site's when it has
// name (a file, or a folder), else the theme's. A site path sitefs refuses
// falls back to the theme as a missing one does: the audit reports it.
func (o Overlay) layer(name string) (fs.FS, error) {
	var first error
	for _, l := range []fs.FS{o.Site, o.Theme} {
		if l == nil {
			continue
		}
		_, err := fs.Stat(l, name)
		if err == nil {
			return l, nil
		}
		if first == nil {
			first = err
		}
	}
	if first == nil {
		first = &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return nil, first
}

// Open implements fs.FS.
func (o Overlay) Open(name string) (fs.File, error) {
	l, err := o.layer(name)
	if err != nil {
		return nil, err
	}
	return l.Open(name)
}

// ReadFile implements fs.ReadFileFS.
func (o Overlay) ReadFile(name string) ([]byte, error) {
	l, err := o.layer(name)
	if err != nil {
		return nil, err
	}
	return fs.ReadFile(l, name)
}

// ReadPlain is the site's or the theme's ReadPlain, as the layer that
// holds name has one (see FS.ReadPlain).
func (o Overlay) ReadPlain(name string, max int64) ([]byte, bool) {
	l, err := o.layer(name)
	if err != nil {
		return nil, false
	}
	return ReadPlain(l, name, max)
}

// Stat implements fs.StatFS.
func (o Overlay) Stat(name string) (fs.FileInfo, error) {
	l, err := o.layer(name)
	if err != nil {
		return nil, err
	}
	return fs.Stat(l, name)
}

// ReadDir implements fs.ReadDirFS: the entries of both layers' folders of
// that name, the site's where both have one, sorted by name.
func (o Overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	seen := map[string]bool{}
	found := false
	var first error
	for _, l := range []fs.FS{o.Site, o.Theme} {
		if l == nil {
			continue
		}
		list, err := fs.ReadDir(l, name)
		if err != nil {
			if first == nil && !errors.Is(err, fs.ErrNotExist) {
				first = err
			}
			continue
		}
		found = true
		for _, d := range list {
			if !seen[d.Name()] {
				seen[d.Name()] = true
				out = append(out, d)
			}
		}
	}
	if !found {
		if first == nil {
			first = &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
		}
		return nil, first
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
