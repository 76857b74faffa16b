//go:build linux

package output

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// entries lists every file (with its text) and every folder (name/) under
// dir.
func entries(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	if _, err := os.Lstat(dir); os.IsNotExist(err) {
		return out
	}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// want is what a fresh folder holding files would list.
func want(files map[string]string) map[string]string {
	out := maps.Clone(files)
	for name := range files {
		for d := filepath.Dir(name); d != "."; d = filepath.Dir(d) {
			out[filepath.ToSlash(d)+"/"] = ""
		}
	}
	return out
}

// Builds that start from the spare (the output before the last) give
// exactly the folder a fresh staging folder would: files taken, written,
// gone, a folder where a file was and a file where a folder was, and
// files added to the output by hand. The live output is never written
// through while a build runs, though the spare shares its files.
func TestSpareBuildsAreExact(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	var last *Staging
	build := func(step string, recycled bool, files map[string]string, take []string) {
		t.Helper()
		before := entries(t, dest)
		s, err := NewStaging(dest)
		if err != nil {
			t.Fatal(err)
		}
		if s.recycled != recycled {
			t.Errorf("%s: started from the spare: %v", step, s.recycled)
		}
		for _, name := range take {
			st, ok := last.Stamp(name)
			if !ok || !s.Reuse([]string{name}, []Stamp{st}) {
				t.Fatalf("%s: %s not taken", step, name)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(files)) {
			if slices.Contains(take, name) {
				continue
			}
			if err := s.WriteFile(name, []byte(files[name])); err != nil {
				t.Fatalf("%s: %v", step, err)
			}
		}
		if got := entries(t, dest); !maps.Equal(got, before) {
			t.Fatalf("%s: the live output changed before the swap:\n%v\nwas\n%v", step, got, before)
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if got, w := entries(t, dest), want(files); !maps.Equal(got, w) {
			t.Errorf("%s: output\n%v\nwant\n%v", step, got, w)
		}
		last = s
	}

	one := map[string]string{"index.html": "home 1", "a.html": "a", "s/x/index.html": "x", "s/y/index.html": "y 1",
		"img/p.png": "png", "d/e/f.txt": "f", "gone/deep/er/file.txt": "gone"}
	build("first", false, one, nil)
	if _, err := os.Stat(spareDir(dest)); err == nil {
		t.Error("a spare after the first build, which replaced nothing")
	}
	two := map[string]string{"index.html": "home 2", "a.html": "a", "s/x/index.html": "x", "s/y/index.html": "y 2",
		"s/z/index.html": "z", "d/e/f.txt": "f"}
	build("second", false, two, []string{"a.html", "s/x/index.html", "d/e/f.txt"})
	if _, err := os.Stat(spareDir(dest)); err != nil {
		t.Fatalf("no spare after the second build: %v", err)
	}

	// By hand, in the live output: a file added, one in a page's folder.
	write(t, filepath.Join(dest, "extra.html"), "by hand")
	write(t, filepath.Join(dest, "s", "x", "notes.txt"), "by hand")

	// Starts from the first build's folder: img/ and gone/ are there, a
	// file stands where d/ is a folder now, a folder where a.html was.
	three := map[string]string{"index.html": "home 3", "s/x/index.html": "x", "s/y/index.html": "y 2",
		"s/z/index.html": "z", "img": "a file now", "a.html/index.html": "a folder now", "d": "d file"}
	build("third", true, three, []string{"s/x/index.html", "s/y/index.html", "s/z/index.html"})

	// Starts from the second build's folder, with what was added by hand.
	four := map[string]string{"index.html": "home 4", "s/x/index.html": "x", "img": "a file now", "d/e/f.txt": "f again"}
	build("fourth", true, four, []string{"s/x/index.html", "img"})
	build("fifth, nothing new", true, four, []string{"index.html", "s/x/index.html", "img", "d/e/f.txt"})

	// A build that fails leaves the output, and the next starts afresh.
	s, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("half.html", []byte("…"))
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	if got, w := entries(t, dest), want(four); !maps.Equal(got, w) {
		t.Errorf("after an abort: %v", got)
	}
	build("after an abort", false, one, nil)
}

// Files written side by side, from many goroutines, where the spare has a
// file in the way of their folder: each clears the way or finds it clear.
func TestSpareWayClearedOnce(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	for _, files := range []map[string]string{{"s": "a file"}, {"t": "x"}} {
		s, err := NewStaging(dest)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range files {
			if err := s.WriteFile(name, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	// The spare holds the file s: forty pages under s/ come at once.
	s, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	if !s.recycled {
		t.Fatal("not started from the spare")
	}
	files := map[string]string{}
	errs := make(chan error)
	for i := range 40 {
		name := filepath.ToSlash(filepath.Join("s", string(rune('a'+i%26))+string(rune('a'+i/26)), "index.html"))
		files[name] = name
		go func() { errs <- s.WriteFile(name, []byte(name)) }()
	}
	for range 40 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, w := entries(t, dest), want(files); !maps.Equal(got, w) {
		t.Errorf("output\n%v\nwant\n%v", got, w)
	}
}
