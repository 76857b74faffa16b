package build

import (
	"os"
	"path/filepath"
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
		a, b := k.key("tags/x/index.html", []string{src}), k.key("tags/x/index.html", []string{src})
		if a != b {
			t.Errorf("source %q: two keys for the same build", src)
		}
	}
	if k.key("a", []string{"\x00lengths 1"}) == k.key("a", []string{"\x00lengths 2"}) {
		t.Error("two lengths give one key")
	}
	before := k.key("a", []string{"pic.png"})
	if err := os.WriteFile(filepath.Join(dir, "pic.png"), []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	if k.key("a", []string{"pic.png"}) == before {
		t.Error("a file's new bytes give its old key")
	}
}
