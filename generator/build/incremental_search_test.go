package build

import (
	"context"
	"slices"
	"strings"
	"testing"

	"almanac/generator/output"
	"almanac/generator/site"
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
		p.step(s.name, s.file, s.data)
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

// The preview keeps only the lead of a page's plain text in memory and
// reads the rest back for the search index: for a page whose text
// changed, and for the other pages of a record file written again. The
// index stays a full build's through edits that write a long page's
// record again without changing its text.
func TestIncrementalSearchWholeText(t *testing.T) {
	long := func(word string) string {
		return strings.Repeat("The export writes every deploy to the log, one line a deploy. ", 12) +
			"\n\nAt its very end the text names the " + word + ".\n"
	}
	second := func(title, body string) string {
		return "---\nid: STORY-2\ntitle: " + title + "\nstatus: ready\ncreated: 2026-10-02\ntags: [audit]\n---\n" + body
	}
	files := smallSite + "-- content/stories/long.md --\n" + second("Retry the export", long("quasar"))
	p := newPreview(t, files)
	p.settle()
	p.sameAsFullBuild()
	p.sameIndexAsGenerate()
	const src = "content/stories/long.md"
	if r := p.x.Site().Pages[slices.IndexFunc(p.x.Site().Pages, func(pg *site.Page) bool { return pg.Source == src })].Rendered; !r.Cut || strings.Contains(r.Plain, "quasar") {
		t.Fatalf("the long page's text is kept whole (cut %v): %q", r.Cut, r.Plain)
	}
	steps := []struct{ name, file, data string }{
		// Its record again, its text the same.
		{"title", src, second("Retry the export twice", long("quasar"))},
		// Its text again.
		{"body", src, second("Retry the export twice", long("pulsar"))},
		// Its record file again, for another page's sake.
		{"other page", "content/stories/export-log.md", storyWith("", "A paragraph about zeppelins.\n")},
		// Every file again.
		{"layout", "layouts/page.html", `{{define "main"}}<p class="marker">layout v2</p>{{end}}`},
	}
	for _, s := range steps {
		p.step(s.name, s.file, s.data)
		p.sameAsFullBuild()
		p.sameIndexAsGenerate()
		if t.Failed() {
			t.Fatalf("after %q", s.name)
		}
	}
}

// sameIndexAsGenerate checks the preview's search index against the one
// a build of the same files (Generate, which indexes every page while its
// whole text is at hand) writes: sameAsFullBuild's fresh preview reads
// back what its own first build kept, as this one does.
func (p *preview) sameIndexAsGenerate() {
	p.t.Helper()
	b, err := New(Options{Source: p.fs, Theme: p.theme, Drafts: true})
	if err != nil {
		p.t.Fatal(err)
	}
	built := output.NewMemory()
	if _, err := b.Generate(context.Background(), testNow, built); err != nil {
		p.t.Fatal(err)
	}
	index := func(out *output.Memory) []string {
		var names []string
		for _, name := range out.Names() {
			if strings.HasPrefix(name, searchPrefix) && name != searchPrefix+"index.html" {
				names = append(names, name)
			}
		}
		return names
	}
	got, want := index(p.out), index(built)
	if !slices.Equal(got, want) {
		p.t.Errorf("index files differ from a build's:\n got  %v\n want %v", got, want)
	}
	for _, name := range want {
		a, _ := p.out.Get(name)
		b, _ := built.Get(name)
		if string(a) != string(b) {
			p.t.Errorf("%s differs from a build's", name)
		}
	}
}
