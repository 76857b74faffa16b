package build

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
	"almanac/generator/site"
)

// vanishingFS is a site on which files go away while a build reads it, as
// an editor's temporary files do: a file listed in onRead is removed as it
// is opened, a folder listed in onList as it is listed, each once.
type vanishingFS struct {
	mu     sync.Mutex
	m      fstest.MapFS
	onRead map[string]bool
	onList map[string]bool
}

func (v *vanishingFS) Open(name string) (fs.File, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.onRead[name] {
		delete(v.onRead, name)
		delete(v.m, name)
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.m.Open(name)
}

func (v *vanishingFS) ReadFile(name string) ([]byte, error) {
	f, err := v.Open(name)
	if err != nil {
		return nil, err
	}
	f.Close()
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.m.ReadFile(name)
}

func (v *vanishingFS) Stat(name string) (fs.FileInfo, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.m.Stat(name)
}

func (v *vanishingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.onList[name] {
		delete(v.onList, name)
		for f := range v.m {
			if strings.HasPrefix(f, name+"/") {
				delete(v.m, f)
			}
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.m.ReadDir(name)
}

// vanishingPreview is a preview of smallSite plus extra files, on a
// vanishingFS that a test arms, built before the test goes on unless build
// is false.
func vanishingPreview(t *testing.T, extra string, onRead, onList []string) (*preview, *vanishingFS) {
	t.Helper()
	v := &vanishingFS{m: sitetest.Parse(smallSite + extra), onRead: map[string]bool{}, onList: map[string]bool{}}
	for _, n := range onRead {
		v.onRead[n] = true
	}
	for _, n := range onList {
		v.onList[n] = true
	}
	p := &preview{t: t, fs: v.m, theme: themeCopy(t), out: output.NewMemory()}
	b, err := New(Options{Source: v, Theme: p.theme, Drafts: true, LiveReload: "/_live.js"})
	if err != nil {
		t.Fatal(err)
	}
	p.x = b.Incremental(testNow, p.out)
	return p, v
}

const extraPages = `
-- content/notes/draft.md --
---
title: A draft note
---
Written and removed at once.
-- content/scratch/a.md --
---
title: Scratch
---
A folder removed while the site is read.
`

// TestIncrementalGoneWhileBuilding: a page and a folder that go away
// between the listing of the content folder and their reading are not
// part of the site, and are no error.
func TestIncrementalGoneWhileBuilding(t *testing.T) {
	p, v := vanishingPreview(t, extraPages, []string{"content/notes/draft.md"}, []string{"content/scratch"})
	if up := p.x.Build(context.Background()); up.Failed() {
		t.Fatalf("the first build fails on files that went away: %v", up.Diagnostics)
	}
	if len(v.onRead)+len(v.onList) != 0 {
		t.Fatalf("the build did not read every file: %v %v", v.onRead, v.onList)
	}
	if _, ok := p.out.Get("notes/draft/index.html"); ok {
		t.Error("a page that went away before it was read is published")
	}
	p.sameAsFullBuild()
}

// TestIncrementalPageGoneBeforeRead: a changed page that is gone by the
// time Apply reads it counts as removed.
func TestIncrementalPageGoneBeforeRead(t *testing.T) {
	p, v := vanishingPreview(t, "", nil, nil)
	if up := p.x.Build(context.Background()); up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	// An editor writes the page and removes it again; Apply lists it, and
	// it is gone when read.
	name := "content/notes/draft.md"
	v.mu.Lock()
	v.m[name] = &fstest.MapFile{Data: []byte("---\ntitle: Draft\n---\nGone soon.\n"), Mode: 0o644}
	v.onRead[name] = true
	v.mu.Unlock()
	if up := p.x.Apply(context.Background(), []string{name}, nil); up.Failed() {
		t.Fatalf("Apply of a page that went away: %v", up.Diagnostics)
	}
	if up := p.settle(); up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	p.sameAsFullBuild()
}

// TestIncrementalAssetGoneBeforeSettle: a file of content/ that Apply saw
// and that is gone when the deferred work copies it (an editor's
// story.md.t) makes the copy fail; Gone names it, and applying it as
// removed lets the deferred work finish without it.
func TestIncrementalAssetGoneBeforeSettle(t *testing.T) {
	p := newPreview(t, smallSite)
	name := "content/stories/export-log.md.t"
	if up := p.write(name, "a save in progress"); up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	delete(p.fs, name)
	up := p.settle()
	gone := p.x.Gone(up.Diagnostics)
	if up.Failed() {
		if !slices.Equal(gone, []string{name}) {
			t.Fatalf("Gone(%v) = %v, want %s", up.Diagnostics, gone, name)
		}
		for _, d := range up.Diagnostics {
			if d.Severity == site.Error && d.Pos.File != name {
				t.Errorf("another error than the file that went away: %v", d)
			}
		}
		if up := p.x.Apply(context.Background(), gone, nil); up.Failed() {
			t.Fatalf("Apply of the file that went away: %v", up.Diagnostics)
		}
		if up := p.settle(); up.Failed() {
			t.Fatalf("the deferred work fails again: %v", up.Diagnostics)
		}
	}
	if _, ok := p.out.Get("stories/export-log.md.t"); ok {
		t.Error("a file that went away is published")
	}
	p.sameAsFullBuild()
}

// TestIncrementalGone: Gone names content files that are gone, and only
// those errors.
func TestIncrementalGone(t *testing.T) {
	p := newPreview(t, smallSite)
	at := func(sev site.Severity, file string) site.Diagnostic {
		return site.Diagnostic{Severity: sev, Pos: site.Pos{File: file, Line: 1}, Msg: "cannot read"}
	}
	diags := site.Diagnostics{
		at(site.Error, "content/gone.txt"),
		at(site.Error, "content/gone.txt"),     // once
		at(site.Error, "content/team.md"),      // there
		at(site.Warning, "content/also-gone"),  // no error
		at(site.Error, "layouts/gone.html"),    // not content: the theme may have it
		at(site.Error, "content"),              // the folder itself
		at(site.Error, "content/../gone.txt"),  // not a clean path
		at(site.Error, ""),                     // no file
		at(site.Error, "content/sub/gone.csv"), // in a folder that is gone too
	}
	want := []string{"content/gone.txt", "content/sub/gone.csv"}
	if got := p.x.Gone(diags); !slices.Equal(got, want) {
		t.Errorf("Gone = %v, want %v", got, want)
	}
}
