package output

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"sort"
	"sync"
	"time"
)

// Memory keeps a build's files in memory. It is an fs.FS, so the preview
// server and tests can read what a build wrote; opening a file costs the
// same however many files there are.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
	dirs  map[string]map[string]bool // folder ("." for the root) → its entries' names
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory {
	return &Memory{files: map[string][]byte{}, dirs: map[string]map[string]bool{".": {}}}
}

// WriteFile stores a copy of data under name.
func (m *Memory) WriteFile(name string, data []byte) error {
	c, err := CleanName(name)
	if err != nil {
		return err
	}
	b := make([]byte, len(data))
	copy(b, data)
	m.mu.Lock()
	if _, ok := m.files[c]; !ok {
		m.addEntry(c)
	}
	m.files[c] = b
	m.mu.Unlock()
	return nil
}

// Keep stores data under name without copying it: the caller gives the
// bytes up and must not change them afterwards.
func (m *Memory) Keep(name string, data []byte) error {
	c, err := CleanName(name)
	if err != nil {
		return err
	}
	m.mu.Lock()
	if _, ok := m.files[c]; !ok {
		m.addEntry(c)
	}
	m.files[c] = data
	m.mu.Unlock()
	return nil
}

// Remove deletes a file, and folders it leaves empty. Removing a file that
// does not exist does nothing.
func (m *Memory) Remove(name string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.files[name]; !ok {
		return
	}
	delete(m.files, name)
	for name != "." {
		dir := path.Dir(name)
		entries := m.dirs[dir]
		delete(entries, path.Base(name))
		if len(entries) > 0 || dir == "." {
			return
		}
		delete(m.dirs, dir)
		name = dir
	}
}

// addEntry records name in its folder and each folder in its parent.
func (m *Memory) addEntry(name string) {
	for name != "." {
		dir := path.Dir(name)
		entries, ok := m.dirs[dir]
		if !ok {
			entries = map[string]bool{}
			m.dirs[dir] = entries
		}
		entries[path.Base(name)] = true
		if ok {
			return // the folder, and so its parents, were known
		}
		name = dir
	}
}

// Get returns a file's bytes and whether it exists.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[name]
	return b, ok
}

// Names returns every file name, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Len returns the number of files.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files)
}

// Open implements fs.FS. A file's bytes are never changed once written
// (a new write stores new bytes), so an open file reads what was there
// when it was opened.
func (m *Memory) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if b, ok := m.files[name]; ok {
		return &memFile{info: memInfo{name: path.Base(name), size: int64(len(b))}, r: bytes.NewReader(b)}, nil
	}
	if _, ok := m.dirs[name]; !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memDir{m: m, name: name}, nil
}

// entries lists a folder's entries, sorted by name.
func (m *Memory) entries(dir string) []fs.DirEntry {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := m.dirs[dir]
	list := make([]fs.DirEntry, 0, len(names))
	for e := range names {
		info := memInfo{name: e, dir: true}
		if b, ok := m.files[path.Join(dir, e)]; ok {
			info = memInfo{name: e, size: int64(len(b))}
		}
		list = append(list, fs.FileInfoToDirEntry(info))
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name() < list[j].Name() })
	return list
}

// memInfo describes a file or folder of a Memory.
type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}

// memFile is an open file: its bytes as they were when it was opened.
type memFile struct {
	info memInfo
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error)                { return f.info, nil }
func (f *memFile) Read(b []byte) (int, error)                { return f.r.Read(b) }
func (f *memFile) ReadAt(b []byte, off int64) (int, error)   { return f.r.ReadAt(b, off) }
func (f *memFile) Seek(off int64, whence int) (int64, error) { return f.r.Seek(off, whence) }
func (f *memFile) Close() error                              { return nil }

// memDir is an open folder; its entries are listed on the first ReadDir.
type memDir struct {
	m       *Memory
	name    string
	entries []fs.DirEntry
	listed  bool
	off     int
}

func (d *memDir) Stat() (fs.FileInfo, error) {
	return memInfo{name: path.Base(d.name), dir: true}, nil
}

func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: fs.ErrInvalid}
}

func (d *memDir) Close() error { return nil }

// ReadDir implements fs.ReadDirFile.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if !d.listed {
		d.entries, d.listed = d.m.entries(d.name), true
	}
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return rest[:n], nil
}
