package output

import (
	"errors"
	"io"
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestMemoryFolders(t *testing.T) {
	m := NewMemory()
	for _, name := range []string{"index.html", "stories/a/index.html", "stories/b/index.html", "assets/main.css"} {
		if err := m.WriteFile(name, []byte(name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := fstest.TestFS(m, "index.html", "stories/a/index.html", "stories/b/index.html", "assets/main.css"); err != nil {
		t.Fatal(err)
	}

	m.Remove("stories/a/index.html")
	m.Remove("no/such/file")
	if _, err := fs.Stat(m, "stories/a"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stories/a after its only file went: %v, want not exist", err)
	}
	if got, _ := fs.ReadDir(m, "stories"); len(got) != 1 || got[0].Name() != "b" {
		t.Errorf("stories holds %v, want only b", got)
	}
	m.Remove("stories/b/index.html")
	if _, err := fs.Stat(m, "stories"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stories after its last file went: %v, want not exist", err)
	}
	if err := fstest.TestFS(m, "index.html", "assets/main.css"); err != nil {
		t.Fatal(err)
	}
}

func TestMemoryOpenKeepsItsBytes(t *testing.T) {
	m := NewMemory()
	m.WriteFile("a.html", []byte("old"))
	f, err := m.Open("a.html")
	if err != nil {
		t.Fatal(err)
	}
	m.WriteFile("a.html", []byte("new and longer"))
	b, _ := io.ReadAll(f)
	if string(b) != "old" {
		t.Errorf("an open file reads %q, want the bytes it was opened with", b)
	}
	for _, bad := range []string{"../a.html", "/a.html", "a/../a.html", ""} {
		if _, err := m.Open(bad); err == nil {
			t.Errorf("Open(%q) succeeded", bad)
		}
	}
}
