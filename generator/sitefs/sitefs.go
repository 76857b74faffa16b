// Package sitefs is the one way almanac reads a site's folder: a file
// system from which nothing outside that folder can be read, whatever
// symbolic links the folder holds, and nothing from the repository's .git
// folder, devices, pipes or sockets.
//
// A site comes from a pull request as easily as from its owners, and a
// pull request can add a link: `static/env.txt -> /proc/self/environ` would
// otherwise publish the build's environment. So every path is resolved
// here one element at a time: a link is followed only while it stays inside
// the folder (relative, never climbing above the root), chains are followed
// up to a limit, and what is finally opened is a path with no link left in
// it. On disk the folder is also opened as an os.Root, so the kernel holds
// the same line should a link change between the check and the read.
//
// Every refusal is a *RefusedError naming the path asked for, the reason,
// and a hint for the writer; Audit turns a folder's refusals into
// diagnostics with the link's path, as `check` and `build` report them.
package sitefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// maxLinks is how many links one path may pass through before it is taken
// for a loop (Linux's own limit).
const maxLinks = 40

// GitDir is the repository folder, never read.
const GitDir = ".git"

// FS is a site's folder as a read-only file system. It implements fs.FS,
// fs.StatFS, fs.ReadFileFS and fs.ReadDirFS.
type FS struct {
	base fs.FS // must implement fs.ReadLinkFS to hold links at all
	root *os.Root
	dirs *folders // with OpenOnce: the folders opened so far
}

// Open returns the folder dir as an FS confined to it. Close releases it.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{base: root.FS(), root: root}, nil
}

// OpenOnce is Open for a run that reads the folder once, as a build does.
// Resolving a path element by element costs a system call or two per
// folder on the way, for every file (on disk an os.Root opens each folder
// again); here a folder whose path holds no link is opened once, as a
// root of its own, and its files are looked at and opened through it.
// What such a folder held when it was opened is what is read, should it
// be moved or replaced while the run goes on: a server that reads the
// folder again and again after edits must use Open.
func OpenOnce(dir string) (*FS, error) {
	f, err := Open(dir)
	if err == nil {
		f.dirs = &folders{open: map[string]*os.Root{}, held: map[string]*os.File{}}
	}
	return f, err
}

// folders are the folders of an FS opened by OpenOnce: by path, the root
// opened on it, or nil when its path holds a link (or is no folder).
type folders struct {
	mu   sync.Mutex
	open map[string]*os.Root
	// held: the folders ReadPlain reads from, open as files, for their
	// descriptors; nil where its root is.
	held map[string]*os.File
}

// folder returns the root of folder dir when its path holds no link.
func (f *FS) folder(dir string) *os.Root {
	f.dirs.mu.Lock()
	r, seen := f.dirs.open[dir]
	f.dirs.mu.Unlock()
	if seen {
		return r
	}
	if p, info, err := f.resolve("open", dir); err == nil && p == dir && info != nil && info.IsDir() {
		r, _ = f.root.OpenRoot(dir)
	}
	f.dirs.mu.Lock()
	defer f.dirs.mu.Unlock()
	if first, ok := f.dirs.open[dir]; ok {
		// Another goroutine opened it meanwhile.
		if r != nil {
			r.Close()
		}
		return first
	}
	f.dirs.open[dir] = r
	return r
}

// quick looks at name through its folder's root when the FS keeps them:
// what it is, and the root, when name is a plain file or folder in a
// folder whose path holds no link. Anything else (a link, .git, a path
// that is not plain, a folder not opened) reports nil, for resolve.
func (f *FS) quick(name string) (*os.Root, string, fs.FileInfo) {
	if f.dirs == nil || !fs.ValidPath(name) || name == "." {
		return nil, "", nil
	}
	dir, base := path.Split(name)
	dir = strings.TrimSuffix(dir, "/")
	if dir == "" || base == GitDir || base == ".." {
		return nil, "", nil
	}
	r := f.folder(dir)
	if r == nil {
		return nil, "", nil
	}
	info, err := r.Lstat(base)
	if err != nil || info.Mode()&fs.ModeSymlink != 0 {
		return nil, "", nil
	}
	return r, base, info
}

// New confines a file system that is already open, such as an
// fstest.MapFS in tests. Without fs.ReadLinkFS it can hold no links, and
// only the .git and special-file rules apply.
func New(base fs.FS) *FS { return &FS{base: base} }

// Close releases the folder opened by Open.
func (f *FS) Close() error {
	if f.root == nil {
		return nil
	}
	if f.dirs != nil {
		f.dirs.mu.Lock()
		for _, r := range f.dirs.open {
			if r != nil {
				r.Close()
			}
		}
		clear(f.dirs.open)
		for _, d := range f.dirs.held {
			if d != nil {
				d.Close()
			}
		}
		clear(f.dirs.held)
		f.dirs.mu.Unlock()
	}
	return f.root.Close()
}

// Reason says why a path was refused.
type Reason int

const (
	// Escapes: a link leads outside the site's folder.
	Escapes Reason = iota + 1
	// Absolute: a link names an absolute path.
	Absolute
	// Loop: a path passes through more links than any real layout needs.
	Loop
	// Repository: a path, or a link's target, is in the .git folder.
	Repository
	// Special: a device, a named pipe or a socket.
	Special
)

// RefusedError is a path sitefs will not read.
type RefusedError struct {
	Path   string // the path asked for
	Link   string // the link that decided it, if any
	Target string // that link's target, as written
	Reason Reason
	Mode   fs.FileMode // for Special: what the file is
}

func (e *RefusedError) Error() string { return e.Path + ": " + e.Message() }

// Message says what is wrong, without the path.
func (e *RefusedError) Message() string {
	link := "symbolic link"
	if e.Link != "" && e.Link != e.Path {
		link = "symbolic link " + e.Link
	}
	switch e.Reason {
	case Escapes:
		return fmt.Sprintf("%s leads outside the site's folder (to %s)", link, e.Target)
	case Absolute:
		return fmt.Sprintf("%s names an absolute path (%s)", link, e.Target)
	case Loop:
		return fmt.Sprintf("more than %d symbolic links in a row: a loop", maxLinks)
	case Repository:
		if e.Link != "" {
			return fmt.Sprintf("%s leads into the repository's .git folder (%s)", link, e.Target)
		}
		return "the repository's .git folder is never read"
	case Special:
		return fmt.Sprintf("not a regular file (%s)", describeMode(e.Mode))
	}
	return "refused"
}

// Hint says how to fix it.
func (e *RefusedError) Hint() string {
	switch e.Reason {
	case Escapes, Absolute, Repository:
		return "nothing outside the site's folder is published: copy the file in, or link to one inside with a relative path"
	case Loop:
		return "make the links end at a file"
	case Special:
		return "only regular files are read: delete it, or replace it with the file it stands for"
	}
	return ""
}

// Is makes errors.Is(err, fs.ErrPermission) true, so code that only asks
// "can I read this" need not know sitefs.
func (e *RefusedError) Is(target error) bool { return target == fs.ErrPermission }

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return m.Type().String()
}

// resolve follows name's links element by element and returns a path with
// no link in it, inside the folder, and what it is. A missing element is
// the fs.PathError of its Lstat, with the caller's path.
func (f *FS) resolve(op, name string) (string, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return "", nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		info, err := fs.Stat(f.base, ".")
		return ".", info, err
	}
	rl, _ := f.base.(fs.ReadLinkFS)
	todo := strings.Split(name, "/")
	var done []string // resolved elements, none a link
	var info fs.FileInfo
	links := 0
	var lastLink, lastTarget string
	for len(todo) > 0 {
		elem := todo[0]
		todo = todo[1:]
		switch elem {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", nil, &RefusedError{Path: name, Link: lastLink, Target: lastTarget, Reason: Escapes}
			}
			done = done[:len(done)-1]
			info = nil
			continue
		case GitDir:
			return "", nil, &RefusedError{Path: name, Link: lastLink, Target: lastTarget, Reason: Repository}
		}
		p := path.Join(append(done, elem)...)
		var err error
		if rl != nil {
			info, err = rl.Lstat(p)
		} else {
			info, err = fs.Stat(f.base, p)
		}
		if err != nil {
			return "", nil, renamed(err, op, name)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = append(done, elem)
			continue
		}
		links++
		if links > maxLinks {
			return "", nil, &RefusedError{Path: name, Link: p, Reason: Loop}
		}
		target, err := rl.ReadLink(p)
		if err != nil {
			return "", nil, &fs.PathError{Op: op, Path: name, Err: err}
		}
		lastLink, lastTarget = p, target
		if strings.HasPrefix(target, "/") || filepath.IsAbs(target) {
			return "", nil, &RefusedError{Path: name, Link: p, Target: target, Reason: Absolute}
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	if info == nil {
		// The path ended on "..": look at where it landed.
		p := path.Join(done...)
		if p == "" {
			p = "."
		}
		st, err := fs.Stat(f.base, p)
		return p, st, err
	}
	return path.Join(done...), info, nil
}

// regular refuses what is neither a folder nor a regular file.
func regular(name string, info fs.FileInfo) error {
	if info == nil || info.IsDir() || info.Mode().IsRegular() {
		return nil
	}
	return &RefusedError{Path: name, Reason: Special, Mode: info.Mode()}
}

// Open implements fs.FS.
func (f *FS) Open(name string) (fs.File, error) {
	if r, base, info := f.quick(name); r != nil {
		if err := regular(name, info); err != nil {
			return nil, err
		}
		file, err := r.Open(base)
		if err != nil {
			return nil, renamed(err, "open", name)
		}
		if info.IsDir() {
			return &namedFile{File: file, name: base}, nil
		}
		return file, nil
	}
	p, info, err := f.resolve("open", name)
	if err != nil {
		return nil, err
	}
	if err := regular(name, info); err != nil {
		return nil, err
	}
	file, err := f.base.Open(p)
	if err != nil {
		return nil, renamed(err, "open", name)
	}
	if p == name && (info == nil || !info.IsDir()) {
		return file, nil
	}
	// Folders are wrapped too, so that their listing leaves out .git.
	return &namedFile{File: file, name: path.Base(name)}, nil
}

// Stat implements fs.StatFS: it follows links as Open does and describes
// what they lead to; a refused path is an error here too.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if r, _, info := f.quick(name); r != nil {
		if err := regular(name, info); err != nil {
			return nil, err
		}
		return info, nil
	}
	p, info, err := f.resolve("stat", name)
	if err != nil {
		return nil, err
	}
	if err := regular(name, info); err != nil {
		return nil, err
	}
	if path.Base(p) != path.Base(name) {
		info = namedInfo{FileInfo: info, name: path.Base(name)}
	}
	return info, nil
}

// ReadFile implements fs.ReadFileFS.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var size int
	if st, err := file.Stat(); err == nil && st.Size() < 1<<40 {
		size = int(st.Size())
	}
	data := make([]byte, 0, size+512)
	for {
		n, err := file.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, renamed(err, "read", name)
		}
		if len(data) == cap(data) {
			data = slices.Grow(data, len(data))
		}
	}
}

// ReadDir implements fs.ReadDirFS. The .git folder is left out of every
// listing; links are listed as links (Stat says where they lead).
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	p, _, err := f.resolve("readdir", name)
	if err != nil {
		return nil, err
	}
	list, err := fs.ReadDir(f.base, p)
	if err != nil {
		return list, renamed(err, "readdir", name)
	}
	return slices.DeleteFunc(list, func(d fs.DirEntry) bool { return d.Name() == GitDir }), nil
}

// Lstat describes name itself, not where a link leads; the folders on the
// way are resolved as Open resolves them.
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	dir, base := path.Split(name)
	dir = strings.TrimSuffix(dir, "/")
	if dir == "" {
		dir = "."
	}
	p, _, err := f.resolve("lstat", dir)
	if err != nil {
		return nil, err
	}
	if base == GitDir {
		return nil, &RefusedError{Path: name, Reason: Repository}
	}
	if rl, ok := f.base.(fs.ReadLinkFS); ok {
		info, err := rl.Lstat(path.Join(p, base))
		return info, renamed(err, "lstat", name)
	}
	info, err := fs.Stat(f.base, path.Join(p, base))
	return info, renamed(err, "lstat", name)
}

// renamed puts the caller's path back in a *fs.PathError about the
// resolved one.
func renamed(err error, op, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: op, Path: name, Err: pe.Err}
	}
	return err
}

// namedFile reports the name it was opened by.
type namedFile struct {
	fs.File
	name string
}

func (n *namedFile) Stat() (fs.FileInfo, error) {
	info, err := n.File.Stat()
	if err != nil {
		return nil, err
	}
	return namedInfo{FileInfo: info, name: n.name}, nil
}

func (n *namedFile) ReadDir(count int) ([]fs.DirEntry, error) {
	d, ok := n.File.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: n.name, Err: errors.New("not a folder")}
	}
	list, err := d.ReadDir(count)
	return slices.DeleteFunc(list, func(e fs.DirEntry) bool { return e.Name() == GitDir }), err
}

type namedInfo struct {
	fs.FileInfo
	name string
}

func (n namedInfo) Name() string { return n.name }
