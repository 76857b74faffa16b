package output

import (
	"io/fs"
	"sort"
	"sync"
	"testing/fstest"
	"time"
)

// Memory keeps a build's files in memory. It is an fs.FS, so the preview
// server and tests can read what a build wrote.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores a copy of data under name.
func (m *Memory) WriteFile(name string, data []byte) error {
	c, err := CleanName(name)
	if err != nil {
		return err
	}
	b := make([]byte, len(data))
	copy(b, data)
	m.mu.Lock()
	m.files[c] = b
	m.mu.Unlock()
	return nil
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

// Open implements fs.FS over a snapshot of the files.
func (m *Memory) Open(name string) (fs.File, error) {
	return m.snapshot().Open(name)
}

func (m *Memory) snapshot() fstest.MapFS {
	m.mu.RLock()
	defer m.mu.RUnlock()
	mfs := make(fstest.MapFS, len(m.files))
	for n, b := range m.files {
		mfs[n] = &fstest.MapFile{Data: b, Mode: 0o644, ModTime: time.Time{}}
	}
	return mfs
}
