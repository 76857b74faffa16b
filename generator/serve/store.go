package serve

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"hash/maphash"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"almanac/generator/output"
)

// store keeps the preview's files in memory, text gzip-compressed: at
// 10,000 pages the pages' HTML would otherwise be most of what the
// preview holds. A browser that takes gzip (every one) is sent the
// compressed bytes as they are; Get gives anyone else the file as
// written. Each file's hash tells whether new bytes are the same without
// reading the old ones.
type store struct {
	mu    sync.RWMutex
	files map[string]stored
	seed  maphash.Seed
}

type stored struct {
	data []byte // gzip-compressed when gz
	gz   bool
	sum  uint64 // hash of the bytes as written
	size int    // their length
}

func newStore() *store { return &store{files: map[string]stored{}, seed: maphash.MakeSeed()} }

// compressMin is the size under which a file is kept as written: its
// gzip header would eat what compressing saves.
const compressMin = 512

// compressible reports whether a file is text that gzip shrinks; the
// search index's files are compressed already.
func compressible(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xml", ".json", ".css", ".js", ".mjs", ".svg", ".txt", ".ics", ".csv":
		return true
	}
	return false
}

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, flate.BestSpeed)
	return w
}}

var gzipReaders sync.Pool

// Keep stores data under name; it may be called from many goroutines at
// once, and compresses outside the lock.
func (s *store) Keep(name string, data []byte) error {
	c, err := output.CleanName(name)
	if err != nil {
		return err
	}
	f := stored{data: data, sum: maphash.Bytes(s.seed, data), size: len(data)}
	if len(data) >= compressMin && compressible(c) {
		var buf bytes.Buffer
		buf.Grow(len(data) / 4)
		w := gzipWriters.Get().(*gzip.Writer)
		w.Reset(&buf)
		w.Write(data)
		w.Close()
		gzipWriters.Put(w)
		if buf.Len() < len(data)*9/10 {
			f.data, f.gz = bytes.Clone(buf.Bytes()), true
		}
	}
	s.mu.Lock()
	s.files[c] = f
	s.mu.Unlock()
	return nil
}

// Get returns a file's bytes as written.
func (s *store) Get(name string) ([]byte, bool) {
	f, ok := s.entry(name)
	if !ok {
		return nil, false
	}
	if !f.gz {
		return f.data, true
	}
	return gunzip(f.data, f.size), true
}

func gunzip(data []byte, size int) []byte {
	r, _ := gzipReaders.Get().(*gzip.Reader)
	var err error
	if r == nil {
		r, err = gzip.NewReader(bytes.NewReader(data))
	} else {
		err = r.Reset(bytes.NewReader(data))
	}
	if err != nil {
		return nil
	}
	out := make([]byte, 0, size)
	b := bytes.NewBuffer(out)
	b.ReadFrom(r)
	gzipReaders.Put(r)
	return b.Bytes()
}

func (s *store) entry(name string) (stored, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	f, ok := s.files[name]
	return f, ok
}

// Has reports whether a file exists.
func (s *store) Has(name string) bool {
	_, ok := s.entry(name)
	return ok
}

// Same reports whether the file under name holds exactly data.
func (s *store) Same(name string, data []byte) bool {
	f, ok := s.entry(name)
	return ok && f.size == len(data) && f.sum == maphash.Bytes(s.seed, data)
}

// Remove deletes a file; a file that is not there is no error.
func (s *store) Remove(name string) {
	s.mu.Lock()
	delete(s.files, name)
	s.mu.Unlock()
}

// Names returns every file name, sorted.
func (s *store) Names() []string {
	s.mu.RLock()
	names := make([]string, 0, len(s.files))
	for n := range s.files {
		names = append(names, n)
	}
	s.mu.RUnlock()
	sort.Strings(names)
	return names
}

// Len returns the number of files.
func (s *store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.files)
}

// Size returns what the files weigh as kept, and as written.
func (s *store) Size() (kept, written int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, f := range s.files {
		kept += len(f.data)
		written += f.size
	}
	return kept, written
}

// etag names the file's bytes, and the encoding they are sent in.
func (f stored) etag(gz bool) string {
	tag := `"` + strconv.FormatUint(f.sum, 36)
	if gz {
		tag += "-gz"
	}
	return tag + `"`
}
