package markdown

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// threeBlocks has three distinct highlighted blocks and one repeat.
const threeBlocks = "```go\nfunc a() {}\n```\n\n```yaml\nkey: value\n```\n\n```sql\nSELECT 1;\n```\n\n```go\nfunc a() {}\n```\n"

func stats(c *HighlightCache) [2]int64 {
	h, m := c.Stats()
	return [2]int64{h, m}
}

func TestCacheHitsOnSecondRender(t *testing.T) {
	cache, err := NewHighlightCache("")
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Highlight: cache})
	first := render(t, m, 1, threeBlocks, nil).HTML
	// The repeated Go block is already a hit within the first render.
	if got, want := stats(cache), [2]int64{1, 3}; got != want {
		t.Errorf("after first render (hits, misses) = %v, want %v", got, want)
	}
	second := render(t, m, 1, threeBlocks, nil).HTML
	if got, want := stats(cache), [2]int64{5, 3}; got != want {
		t.Errorf("after second render (hits, misses) = %v, want %v", got, want)
	}
	if first != second {
		t.Errorf("cached render differs:\n%s\n---\n%s", first, second)
	}
	if uncached := render(t, New(Options{}), 1, threeBlocks, nil).HTML; uncached != first {
		t.Errorf("cached and uncached output differ:\n%s\n---\n%s", first, uncached)
	}
}

func TestCacheReadsDisk(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "highlight")
	c1, err := NewHighlightCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := render(t, New(Options{Highlight: c1}), 1, threeBlocks, nil).HTML
	if err := c1.Err(); err != nil {
		t.Fatal(err)
	}
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, filepath.Base(p))
		}
		return nil
	})
	if len(files) != 3 {
		t.Errorf("cache dir holds %q, want three entries", files)
	}
	for _, f := range files {
		if strings.HasPrefix(f, ".tmp") {
			t.Errorf("temporary file left behind: %s", f)
		}
	}

	// A second cache over the same folder, as in the next build.
	c2, err := NewHighlightCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := render(t, New(Options{Highlight: c2}), 1, threeBlocks, nil).HTML
	if s, want := stats(c2), [2]int64{4, 0}; s != want {
		t.Errorf("second cache (hits, misses) = %v, want %v", s, want)
	}
	if got != want {
		t.Errorf("output from disk entries differs:\n%s\n---\n%s", want, got)
	}
}

func TestCacheComputesOnce(t *testing.T) {
	cache, err := NewHighlightCache("")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	computed := map[string]int{}
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			key := []string{"a", "b", "c", "d"}[i%4]
			html := cache.get(key, func() (string, bool) {
				mu.Lock()
				computed[key]++
				mu.Unlock()
				return "<" + key + ">", true
			})
			if html != "<"+key+">" {
				t.Errorf("get(%q) = %q", key, html)
			}
		})
	}
	wg.Wait()
	for key, n := range computed {
		if n != 1 {
			t.Errorf("%q computed %d times", key, n)
		}
	}
	if got, want := stats(cache), [2]int64{60, 4}; got != want {
		t.Errorf("(hits, misses) = %v, want %v", got, want)
	}
}

func TestCacheBadDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewHighlightCache(filepath.Join(file, "sub")); err == nil {
		t.Error("NewHighlightCache under a file succeeded")
	}
}

// TestCacheFormatNamesChroma fails when go.mod moves to another chroma
// version without cacheFormat following, which would let builds reuse
// blocks highlighted by the older lexers.
func TestCacheFormatNamesChroma(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`github.com/alecthomas/chroma/v2 (v\S+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod names no chroma version")
	}
	if !strings.HasSuffix(cacheFormat, "chroma/"+string(m[1])) {
		t.Errorf("cacheFormat = %q, but go.mod requires chroma %s: update cacheFormat", cacheFormat, m[1])
	}
}

// Memory keeps about the budget's worth of blocks: older blocks are let
// go, a block used again stays, and a block let go is highlighted again.
func TestCacheMemoryIsBounded(t *testing.T) {
	cache, err := NewHighlightCache("")
	if err != nil {
		t.Fatal(err)
	}
	cache.budget = 4 << 10
	m := New(Options{Highlight: cache})
	block := func(i int) string { return fmt.Sprintf("```go\nfunc f%d() { return %d }\n```\n", i, i) }
	keep := block(-1)
	for i := range 400 {
		render(t, m, 1, block(i)+"\n"+keep, nil)
		cache.mu.Lock()
		held := 0
		for _, e := range cache.entries {
			held += len(e.html)
		}
		for _, e := range cache.older {
			held += len(e.html)
		}
		cache.mu.Unlock()
		if held > cache.budget+1024 {
			t.Fatalf("after %d blocks memory holds %d bytes, budget %d", i+1, held, cache.budget)
		}
	}
	if got, want := stats(cache), [2]int64{399, 401}; got != want {
		t.Errorf("(hits, misses) = %v, want %v: the block used every time should stay", got, want)
	}
	render(t, m, 1, block(0), nil)
	if _, misses := cache.Stats(); misses != 402 {
		t.Errorf("misses = %d, want 402: the first block should have been let go", misses)
	}
}

// An entry that is a link is not an entry: a folder someone else could
// write to never makes a build read a file through it.
func TestCacheRefusesLinkedEntries(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "highlight")
	c1, err := NewHighlightCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := render(t, New(Options{Highlight: c1}), 1, threeBlocks, nil).HTML
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Remove(p)
			if err := os.Symlink(secret, p); err != nil {
				t.Fatal(err)
			}
		}
		return nil
	})
	c2, err := NewHighlightCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := render(t, New(Options{Highlight: c2}), 1, threeBlocks, nil).HTML
	if strings.Contains(got, "SECRET") || got != want {
		t.Errorf("a linked cache entry was read:\n%s", got)
	}
	if s := stats(c2); s[1] != 3 {
		t.Errorf("(hits, misses) = %v, want every block highlighted again", s)
	}
}

// TestCacheKeepsNotWhatIsNotToBeKept: markup its maker says not to keep
// (a lexer ran out of time) is neither written nor remembered; the next
// build asks again.
func TestCacheKeepsNotWhatIsNotToBeKept(t *testing.T) {
	dir := t.TempDir()
	cache, err := NewHighlightCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	key := cacheKey("go", []byte("x := 1"))
	if got := cache.get(key, func() (string, bool) { return "<plain>", false }); got != "<plain>" {
		t.Fatalf("get = %q", got)
	}
	if got := cache.get(key, func() (string, bool) { return "<lexed>", true }); got != "<lexed>" {
		t.Errorf("the second get = %q, want it made again", got)
	}
	again, err := NewHighlightCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := again.get(key, func() (string, bool) { return "<other>", true }); got != "<lexed>" {
		t.Errorf("a new cache on the folder = %q, want what was kept", got)
	}
}
