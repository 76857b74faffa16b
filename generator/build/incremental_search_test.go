package build

import (
	"strings"
	"testing"
)

// The preview keeps its search index from one Settle to the next and
// indexes again only the pages that changed. After each kind of change
// its index files are a full build's, byte for byte, and they did change:
// a stale document would show.
func TestIncrementalSearchIndexKept(t *testing.T) {
	p := newPreview(t, smallSite)
	p.settle()
	const story = "content/stories/export-log.md"
	steps := []struct{ name, file, data string }{
		{"body", story, storyWith("", "A paragraph about zeppelins.\n")},
		{"body again", story, storyWith("", "A paragraph about airships.\n")},
		{"title", story, strings.Replace(storyWith("", "A paragraph about airships.\n"),
			"title: Export the deploy log", "title: Export the flight log", 1)},
		{"tags", story, storyWith("", "A paragraph about airships.\n") + ""},
		{"status", story, strings.Replace(storyWith("", "A paragraph about airships.\n"), "status: done", "status: in_review", 1)},
		{"added", "content/stories/retry.md",
			"---\nid: STORY-2\ntitle: Retry payouts\nstatus: ready\ncreated: 2026-10-20\ntags: [payouts]\n---\nRetry [the export](export-log.md).\n"},
		{"added body", "content/stories/retry.md",
			"---\nid: STORY-2\ntitle: Retry payouts\nstatus: ready\ncreated: 2026-10-20\ntags: [payouts]\n---\nRetry the export twice.\n"},
		// The older story becomes the newest: documents are numbered again.
		{"date", story, strings.Replace(storyWith("", "A paragraph about airships.\n"), "created: 2026-10-01", "created: 2026-11-01", 1)},
		{"removed", "content/stories/retry.md", ""},
		{"linked title", "content/releases/1.0.0.md", strings.Replace(p.source("content/releases/1.0.0.md"), "title: First", "title: The first", 1)},
	}
	// The tag step has its own front matter.
	steps[3].data = strings.Replace(steps[2].data, "tags: [audit]", "tags: [audit, zeppelin]", 1)
	last := p.manifest()
	for _, s := range steps {
		if up := p.write(s.file, s.data); up.Failed() {
			t.Fatalf("%s: %v", s.name, up.Diagnostics)
		}
		if up := p.settle(); up.Failed() {
			t.Fatalf("%s: settle: %v", s.name, up.Diagnostics)
		}
		p.sameAsFullBuild()
		if t.Failed() {
			t.Fatalf("after %q", s.name)
		}
		m := p.manifest()
		if m == last {
			t.Errorf("%s: the index's manifest did not change", s.name)
		}
		last = m
	}
}

// source is a file of the site as the test last wrote it.
func (p *preview) source(name string) string {
	f, ok := p.fs[name]
	if !ok {
		p.t.Fatalf("no file %s", name)
	}
	return string(f.Data)
}

// manifest is the search index's manifest as the preview serves it.
func (p *preview) manifest() string {
	b, ok := p.out.Get("search/index.bin")
	if !ok {
		p.t.Fatal("no search/index.bin")
	}
	return string(b)
}
