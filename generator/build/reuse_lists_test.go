package build

import (
	"almanac/generator/render"
	"crypto/sha256"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A list file's key is the same from one build to the next when nothing
// changed, on a real folder too: a source that names no file (a paged
// list's lengths, the calendar's epoch) stands for itself, though the
// system refuses to open such a name.
func TestListKeyOfNamesThatAreNoFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pic.png"), []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	k := &listKeys{pages: map[string][32]byte{}, src: os.DirFS(dir)}
	for _, src := range []string{"\x00lengths 11 3", "\x00epoch 2026-11-26T00:00:00Z", "missing.png", "pic.png"} {
		a, b := k.key("tags/x/index.html", []string{src}, render.Present{}), k.key("tags/x/index.html", []string{src}, render.Present{})
		if a != b {
			t.Errorf("source %q: two keys for the same build", src)
		}
	}
	if k.key("a", []string{"\x00lengths 1"}, render.Present{}) == k.key("a", []string{"\x00lengths 2"}, render.Present{}) {
		t.Error("two lengths give one key")
	}
	before := k.key("a", []string{"pic.png"}, render.Present{})
	if err := os.WriteFile(filepath.Join(dir, "pic.png"), []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	if k.key("a", []string{"pic.png"}, render.Present{}) == before {
		t.Error("a file's new bytes give its old key")
	}
}

// A long list of sources (the search index's shards each name every
// page) is hashed once, and its key still follows every page in it.
func TestListKeyOfALongList(t *testing.T) {
	pages := map[string][32]byte{}
	var srcs []string
	for i := range 2 * longList {
		name := fmt.Sprintf("content/stories/%d.md", i)
		pages[name] = sha256.Sum256([]byte(name))
		srcs = append(srcs, name)
	}
	k := &listKeys{pages: pages}
	a := k.key("search/t/0.bin", srcs, render.Present{})
	if k.key("search/t/0.bin", srcs, render.Present{}) != a || k.key("search/t/0.bin", slices.Clone(srcs), render.Present{}) != a {
		t.Error("one list, two keys")
	}
	if k.key("search/t/1.bin", srcs, render.Present{}) == a {
		t.Error("two files, one key")
	}
	if k.key("search/t/0.bin", srcs[:len(srcs)-1], render.Present{}) == a {
		t.Error("a list and its first part, one key")
	}
	edited := maps.Clone(pages)
	edited[srcs[len(srcs)/2]] = sha256.Sum256([]byte("edited"))
	if (&listKeys{pages: edited}).key("search/t/0.bin", srcs, render.Present{}) == a {
		t.Error("a page of the list edited, the same key")
	}
}
