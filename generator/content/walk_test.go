package content

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"
)

// One ignore rule for the build, the check and the preview's watcher: what
// the preview skips is never published.
func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"story.md": false, "notes.txt": false, "": false, "v4.2.0.md": false,
		".git": true, ".DS_Store": true, "story.md~": true, "#story.md#": true,
		".story.md.swp": true, "story.md.swo": true, "4913": true, "story.md.tmp": true,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
	for p, want := range map[string]bool{"content/a/b.md": false, "content/.drafts/b.md": true, "content/a/b.md.tmp": true} {
		if got := IgnoredPath(p); got != want {
			t.Errorf("IgnoredPath(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestWalk(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":            {},
		"content/a-b/c.md":        {},
		"content/a/z.md":          {},
		"content/a/notes.txt":     {},
		"content/a/notes.txt.tmp": {},
		"content/a/4913":          {},
		"content/.hidden/x.md":    {},
		"content/b.md~":           {},
	}
	files, diags := Walk(context.Background(), fsys, "content")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	// Walk order: a folder's entries by name, each folder where it sorts.
	want := Files{
		Markdown: []string{"content/a/z.md", "content/a-b/c.md", "content/a.md"},
		Others:   []string{"content/a/notes.txt"},
		All:      []string{"content/a/notes.txt", "content/a/z.md", "content/a-b/c.md", "content/a.md"},
	}
	if !slices.Equal(files.Markdown, want.Markdown) || !slices.Equal(files.Others, want.Others) || !slices.Equal(files.All, want.All) {
		t.Errorf("Walk = %+v, want %+v", files, want)
	}
}
