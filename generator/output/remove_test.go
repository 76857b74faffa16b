package output

import (
	"os"
	"path/filepath"
	"testing"
)

// removeTree removes a whole tree, files at every depth and links among
// them, and nothing beside it.
func TestRemoveTree(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	for _, name := range []string{"index.html", "stories/a/index.html", "stories/b/index.html",
		"stories/b/img/x.png", "search/d/1.bin", "404.html", "deep/er/and/deeper/f.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../../index.html", filepath.Join(dir, "stories", "link.html")); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(root, "keep.txt")
	os.WriteFile(keep, []byte("beside"), 0o644)
	if err := removeTree(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !os.IsNotExist(err) {
		t.Errorf("%s still there: %v", dir, err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("removed what was beside the tree: %v", err)
	}
	if err := removeTree(filepath.Join(root, "missing")); err != nil {
		t.Errorf("a missing folder: %v", err)
	}
}
