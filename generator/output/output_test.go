package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

func TestCleanName(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"index.html", "index.html", true},
		{"stories/a/index.html", "stories/a/index.html", true},
		{"a/./b/../c.html", "a/c.html", true},
		{"", "", false},
		{"/etc/passwd", "", false},
		{"../outside", "", false},
		{"a/../../outside", "", false},
		{"..", "", false},
		{".", "", false},
		{`a\b`, "", false},
		{"nul\x00", "", false},
	}
	for _, tt := range tests {
		got, err := CleanName(tt.name)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("CleanName(%q) = %q, %v; want %q, ok %v", tt.name, got, err, tt.want, tt.ok)
		}
	}
}

func TestMemory(t *testing.T) {
	m := NewMemory()
	data := []byte("<p>hi</p>")
	if err := m.WriteFile("a/index.html", data); err != nil {
		t.Fatal(err)
	}
	data[0] = 'X' // the writer keeps its own copy
	if err := m.WriteFile("../x", nil); err == nil {
		t.Error("Memory accepted a name outside the output")
	}
	if b, ok := m.Get("a/index.html"); !ok || string(b) != "<p>hi</p>" {
		t.Errorf("Get = %q, %v", b, ok)
	}
	if err := fstest.TestFS(m, "a/index.html"); err != nil {
		t.Error(err)
	}
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestStagingCommitReplacesAndAbortKeeps(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")

	// First build into a destination that does not exist yet.
	s1, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	s1.WriteFile("index.html", []byte("one"))
	s1.WriteFile("old/only.html", []byte("gone later"))
	if err := s1.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); len(got) != 2 || got["index.html"] != "one" {
		t.Fatalf("after first commit: %v", got)
	}

	// A second build replaces the whole folder: no stale files survive.
	s2, _ := NewStaging(dest)
	s2.WriteFile("index.html", []byte("two"))
	if err := s2.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); len(got) != 1 || got["index.html"] != "two" {
		t.Fatalf("after second commit: %v", got)
	}

	// An aborted build leaves the destination as it was.
	s3, _ := NewStaging(dest)
	s3.WriteFile("index.html", []byte("three"))
	s3.WriteFile("half/written.html", []byte("…"))
	if err := s3.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); len(got) != 1 || got["index.html"] != "two" {
		t.Fatalf("after abort: %v", got)
	}
	if got := names(t, parent); len(got) != 1 {
		t.Errorf("parent holds %v, want only the destination", got)
	}
	if err := s3.WriteFile("../escape", []byte("x")); err == nil {
		t.Error("Staging accepted a name outside the output")
	}
}
