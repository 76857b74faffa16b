package markdown

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// HighlightCache keeps highlighted code blocks so that a block is
// highlighted at most once across builds when it has a directory, and is
// read from memory when it was used lately. It is safe for concurrent use;
// concurrent requests for the same block wait for the one that computes it.
//
// Memory holds at most about MemoryBudget bytes of blocks, in two
// generations: when the newer one is full, the older one is let go and
// the newer becomes the older. A block found in the older generation moves
// to the newer, so what a preview server renders again and again stays.
// Keeping every block of a large site in memory would hold tens of
// megabytes through a build, which the collector then scans over and over.
type HighlightCache struct {
	dir string // "" keeps entries in memory only

	mu      sync.Mutex
	entries map[string]*cacheEntry // the newer generation
	older   map[string]*cacheEntry
	bytes   int // of the newer generation
	budget  int // MemoryBudget, smaller in tests

	hits, misses atomic.Int64

	lexers ruleLexers // the lexers of the blocks highlighted (lexer.go)

	err error // first failure to write an entry to disk
}

type cacheEntry struct {
	ready chan struct{} // closed once html is set
	html  string
}

// NewHighlightCache returns a cache that also keeps its entries as files in
// dir (created if missing), or in memory only when dir is "".
func NewHighlightCache(dir string) (*HighlightCache, error) {
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("highlight cache: %w", err)
		}
	}
	return &HighlightCache{dir: dir, entries: map[string]*cacheEntry{}, budget: MemoryBudget}, nil
}

// MemoryBudget is about how many bytes of highlighted blocks a
// HighlightCache keeps in memory, both generations together.
const MemoryBudget = 16 << 20

// Stats returns how many blocks were found in the cache, in memory or on
// disk, and how many had to be highlighted.
func (c *HighlightCache) Stats() (hits, misses int64) {
	return c.hits.Load(), c.misses.Load()
}

// Err returns the first error met while writing an entry to disk, if any.
// Such an error never fails a render: the entry is simply not persisted.
func (c *HighlightCache) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// cacheKey identifies a block by language, code and cache format.
func cacheKey(lang string, code []byte) string {
	h := sha256.New()
	h.Write([]byte(cacheFormat))
	h.Write([]byte{0})
	h.Write([]byte(lang))
	h.Write([]byte{0})
	h.Write(code)
	return hex.EncodeToString(h.Sum(nil))
}

// get returns the entry for key, computing it when neither memory nor disk
// has it.
func (c *HighlightCache) get(key string, compute func() (html string, keep bool)) string {
	c.mu.Lock()
	e, ok := c.entries[key]
	if !ok {
		if e, ok = c.older[key]; ok {
			delete(c.older, key)
			size := 0
			select {
			case <-e.ready:
				size = len(e.html)
			default: // still being computed: counted when it is done
			}
			c.entries[key] = e
			c.grow(size)
		}
	}
	if ok {
		c.mu.Unlock()
		<-e.ready
		c.hits.Add(1)
		return e.html
	}
	e = &cacheEntry{ready: make(chan struct{})}
	c.entries[key] = e
	c.mu.Unlock()

	html, found := c.read(key)
	keep := true
	if found {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
		if html, keep = compute(); keep {
			c.write(key, html)
		}
	}
	e.html = html
	close(e.ready)
	c.mu.Lock()
	if keep {
		c.grow(len(html))
	} else if c.entries[key] == e {
		delete(c.entries, key) // what waits for it has it; the next asks again
	}
	c.mu.Unlock()
	return html
}

// grow counts size more bytes in the newer generation and lets the older
// generation go when the newer one is full; c.mu is held. Entries still
// being computed move along with the rest.
func (c *HighlightCache) grow(size int) {
	c.bytes += size
	if c.bytes < c.budget/2 {
		return
	}
	c.older, c.entries, c.bytes = c.entries, make(map[string]*cacheEntry, len(c.entries)), 0
}

func (c *HighlightCache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".html")
}

func (c *HighlightCache) read(key string) (string, bool) {
	if c.dir == "" {
		return "", false
	}
	// Only a regular file is an entry: a link or a device placed in the
	// folder is never read as highlighted code.
	name := c.path(key)
	if st, err := os.Lstat(name); err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return "", false
	}
	return string(b), true
}

// write stores an entry atomically: a temporary file in the same folder,
// renamed into place, so a reader never sees half an entry.
func (c *HighlightCache) write(key, html string) {
	if c.dir == "" {
		return
	}
	if err := writeAtomic(c.path(key), []byte(html)); err != nil {
		c.mu.Lock()
		if c.err == nil {
			c.err = fmt.Errorf("highlight cache: %w", err)
		}
		c.mu.Unlock()
	}
}

func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), name)
	}
	if werr != nil {
		_ = os.Remove(f.Name())
	}
	return werr
}
