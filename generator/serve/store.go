package serve

import (
	"bytes"
	"compress/flate"
	"hash/maphash"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"almanac/generator/output"
)

// store keeps the preview's files in memory, text compressed: at 10,000
// pages the pages' HTML would otherwise be most of what the preview
// holds. Every page repeats the same head, navigation and footer, which
// a file compressed alone pays for each time; so text is deflated with a
// preset dictionary, the first page of some size that the store is given
// (BestSpeed ignores a dictionary: the next level takes it, as fast, for
// half the bytes of gzip at BestSpeed). Browsers cannot read such bytes:
// a file is inflated for each request and sent as written, which costs a
// tenth of a millisecond for a page, on a preview that mostly serves this
// machine. Each file's hash tells whether new bytes are the same without
// reading the old ones.
type store struct {
	mu    sync.RWMutex
	files map[string]stored
	seed  maphash.Seed

	dictOnce sync.Once
	dict     *dictionary // nil until a page large enough comes
	plain    *dictionary // for the files deflated before it came: no dictionary
}

type stored struct {
	data []byte      // deflated with dict when dict is not nil
	dict *dictionary // what data was deflated with, or nil when kept as written
	sum  uint64      // hash of the bytes as written
	size int         // their length
}

// dictionary is a preset dictionary and the deflaters that use it.
type dictionary struct {
	data      []byte
	deflaters sync.Pool
	inflaters sync.Pool
}

func newDictionary(data []byte) *dictionary {
	d := &dictionary{data: data}
	d.deflaters.New = func() any {
		w, _ := flate.NewWriterDict(io.Discard, storeLevel, d.data)
		return w
	}
	return d
}

// storeLevel is the deflate level of kept files: the fastest that takes a
// dictionary.
const storeLevel = 2

// dictMin is the least size of the page that becomes the dictionary, and
// dictMax the most of it that is taken (deflate looks back 32 KiB).
const (
	dictMin = 4 << 10
	dictMax = 32 << 10
)

func newStore() *store {
	return &store{files: map[string]stored{}, seed: maphash.MakeSeed(), plain: newDictionary(nil)}
}

// compressMin is the size under which a file is kept as written: what
// compressing saves would not pay for the work.
const compressMin = 512

// compressible reports whether a file is text that deflate shrinks; the
// search index's files are compressed already.
func compressible(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xml", ".json", ".css", ".js", ".mjs", ".svg", ".txt", ".ics", ".csv":
		return true
	}
	return false
}

// dictionaryFor is the dictionary to deflate a file with: the store's,
// made of the first HTML page of dictMin bytes or more.
func (s *store) dictionaryFor(name string, data []byte) *dictionary {
	if len(data) >= dictMin && strings.HasSuffix(name, ".html") {
		s.dictOnce.Do(func() {
			d := newDictionary(bytes.Clone(data[max(0, len(data)-dictMax):]))
			s.mu.Lock()
			s.dict = d
			s.mu.Unlock()
		})
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.dict != nil {
		return s.dict
	}
	return s.plain
}

// Keep stores data under name; it may be called from many goroutines at
// once, and compresses outside the lock.
func (s *store) Keep(name string, data []byte) error {
	keep, err := s.pack(name, data, false)
	if err != nil {
		return err
	}
	keep()
	return nil
}

// Pack makes what the store keeps of data (compressed, or a copy: data
// stays the caller's) and returns what stores it under name. The preview's
// deferred work renders every page after a layout change, while the
// changes a writer saves come first: it compresses each file outside the
// lock they wait for, and holds no copy of a file it renders.
func (s *store) Pack(name string, data []byte) (keep func(), err error) {
	return s.pack(name, data, true)
}

// packBuffers are what files are compressed into before the result is
// copied out at its size.
var packBuffers sync.Pool

// pack makes the stored form of data; a file kept as written is copied
// first when copy is set.
func (s *store) pack(name string, data []byte, copy bool) (func(), error) {
	c, err := output.CleanName(name)
	if err != nil {
		return nil, err
	}
	f := stored{data: data, sum: maphash.Bytes(s.seed, data), size: len(data)}
	compressed := false
	if len(data) >= compressMin && compressible(c) {
		d := s.dictionaryFor(c, data)
		buf, _ := packBuffers.Get().(*bytes.Buffer)
		if buf == nil {
			buf = new(bytes.Buffer)
		}
		buf.Reset()
		buf.Grow(len(data) / 4)
		w := d.deflaters.Get().(*flate.Writer)
		w.Reset(buf)
		w.Write(data)
		w.Close()
		d.deflaters.Put(w)
		if buf.Len() < len(data)*9/10 {
			f.data, f.dict = bytes.Clone(buf.Bytes()), d
			compressed = true
		}
		packBuffers.Put(buf)
	}
	if copy && !compressed {
		f.data = bytes.Clone(data)
	}
	return func() {
		s.mu.Lock()
		s.files[c] = f
		s.mu.Unlock()
	}, nil
}

// Get returns a file's bytes as written.
func (s *store) Get(name string) ([]byte, bool) {
	f, ok := s.entry(name)
	if !ok {
		return nil, false
	}
	return f.bytes(), true
}

// bytes are the file as written.
func (f stored) bytes() []byte {
	if f.dict == nil {
		return f.data
	}
	d := f.dict
	r, _ := d.inflaters.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReaderDict(bytes.NewReader(f.data), d.data)
	} else if r.(flate.Resetter).Reset(bytes.NewReader(f.data), d.data) != nil {
		return nil
	}
	out := bytes.NewBuffer(make([]byte, 0, f.size))
	_, err := out.ReadFrom(r)
	d.inflaters.Put(r)
	if err != nil {
		return nil
	}
	return out.Bytes()
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

// etag names the file's bytes.
func (f stored) etag() string { return `"` + strconv.FormatUint(f.sum, 36) + `"` }
