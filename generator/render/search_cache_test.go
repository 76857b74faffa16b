package render

import (
	"bytes"
	"context"
	"crypto/sha256"
	"slices"
	"strings"
	"testing"
	"time"

	"almanac/generator/output"
	"almanac/generator/site"
)

// indexFiles makes the search index's files of s, as the preview does
// (Jobs, nothing fed), and returns them by name.
func indexFiles(t *testing.T, r *Renderer, s *site.Site, opts ...PrepareOption) map[string][]byte {
	t.Helper()
	p, err := r.Prepare(s, opts...)
	if err != nil {
		t.Fatal(err)
	}
	var jobs []Job
	for _, j := range p.Jobs() {
		if strings.HasPrefix(j.Name, searchDir) && j.Name != searchDir+"index.html" {
			jobs = append(jobs, j)
		}
	}
	out := output.NewMemory()
	if err := p.Run(context.Background(), jobs, out); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, name := range out.Names() {
		b, _ := out.Get(name)
		files[name] = b
	}
	return files
}

// sameFiles fails unless two sets of files are the same, byte for byte.
func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	if len(want) < 4 {
		t.Fatalf("%s: only %d index files", what, len(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Errorf("%s: %s differs from a fresh index's", what, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s, which a fresh index does not make", what, name)
		}
	}
}

// An index made through a SearchCache, change after change, is the index
// made afresh from the same site, file for file.
func TestSearchCacheSameAsFresh(t *testing.T) {
	s := fixture("en", "https://x.org/team/")
	r, err := New(Options{Theme: theme(), Site: siteFS()})
	if err != nil {
		t.Fatal(err)
	}
	c := NewSearchCache()
	check := func(what string) {
		t.Helper()
		sameFiles(t, what, indexFiles(t, r, s, WithSearchCache(c)), indexFiles(t, r, s))
	}
	check("first")
	check("unchanged")

	var story *site.Page
	for _, pg := range s.Pages {
		if pg.Story != nil && searchable(s, pg) {
			story = pg
			break
		}
	}
	if story == nil {
		t.Fatal("no story in the fixture")
	}
	// Each change is a new page value, as the preview makes one.
	edit := func(what string, fn func(*site.Page)) {
		t.Helper()
		i := slices.Index(s.Pages, story)
		np := *story
		fn(&np)
		s.Pages[i], story = &np, &np
		check(what)
	}
	edit("body", func(pg *site.Page) {
		rd := *pg.Rendered
		rd.Plain += " a zeppelin sentence"
		rd.PlainSum = [32]byte{} // a new text has its own digest
		pg.Rendered = &rd
	})
	edit("title", func(pg *site.Page) { pg.Title = "Zeppelin export of the deploy log" })
	edit("tags", func(pg *site.Page) { pg.Tags = append(slices.Clone(pg.Tags), "zeppelin") })
	edit("status", func(pg *site.Page) {
		st := *pg.Story
		st.Status = "dropped"
		pg.Story = &st
	})
	edit("url", func(pg *site.Page) { pg.URL = "/stories/zeppelin/" })
	// A date that moves the story to the front renumbers documents.
	edit("date", func(pg *site.Page) { pg.Date = s.Now.Add(24 * time.Hour) })

	// A page added, then removed; Site.Pages stays sorted by source.
	added := *story
	added.Source = "content/stories/zz-added.md"
	added.URL = "/stories/zz-added/"
	added.Title = "An added story about airships"
	added.Date = s.Now.Add(-time.Hour)
	s.Pages = append(s.Pages, &added)
	slices.SortStableFunc(s.Pages, func(a, b *site.Page) int { return strings.Compare(a.Source, b.Source) })
	check("added")
	s.Pages = slices.DeleteFunc(s.Pages, func(pg *site.Page) bool { return pg == story })
	check("removed")
	check("unchanged again")
}

// JobsBeforeIndex and then IndexJobs list what Jobs lists, in its order.
func TestIndexJobsSplitJobs(t *testing.T) {
	s := fixture("en", "https://x.org/team/")
	r, err := New(Options{Theme: theme(), Site: siteFS()})
	if err != nil {
		t.Fatal(err)
	}
	names := func(jobs []Job) []string {
		var out []string
		for _, j := range jobs {
			out = append(out, j.Name)
		}
		return out
	}
	whole, err := r.Prepare(s)
	if err != nil {
		t.Fatal(err)
	}
	split, err := r.Prepare(s, WithSearchCache(NewSearchCache()))
	if err != nil {
		t.Fatal(err)
	}
	before := names(split.JobsBeforeIndex())
	seen := map[string]bool{}
	for _, name := range before {
		seen[name] = true
	}
	got := before
	for _, name := range names(split.IndexJobs()) {
		if !seen[name] {
			got = append(got, name)
		}
	}
	if want := names(whole.Jobs()); !slices.Equal(got, want) {
		t.Errorf("JobsBeforeIndex, IndexJobs:\n%v\nJobs:\n%v", got, want)
	}
	for _, name := range before {
		if strings.HasPrefix(name, searchDir) && name != searchDir+"index.html" {
			t.Errorf("JobsBeforeIndex lists %s", name)
		}
	}
}

// A page whose Rendered holds only the lead of its text (Cut, the whole
// text's digest in PlainSum) is indexed with the whole text, which the
// cache reads through the function Reading was given, and only when the
// page is indexed again: the index (the record files aside) is the one
// of the whole texts.
func TestSearchCacheReadsCutText(t *testing.T) {
	s := fixture("en", "https://x.org/team/")
	r, err := New(Options{Theme: theme(), Site: siteFS()})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(s.Pages, func(pg *site.Page) bool { return pg.Story != nil && searchable(s, pg) })
	if i < 0 {
		t.Fatal("no story in the fixture")
	}
	whole := *s.Pages[i]
	rd := *whole.Rendered
	rd.Plain += " and at the very end of a long text, a zeppelin."
	rd.PlainSum = sha256.Sum256([]byte(rd.Plain))
	whole.Rendered = &rd
	s.Pages[i] = &whole
	want := indexFiles(t, r, s)

	cut := whole
	light := rd
	light.Plain, light.Cut = rd.Plain[:10], true
	cut.Rendered = &light
	s.Pages[i] = &cut
	reads := 0
	plain := func(pg *site.Page) (string, error) {
		if pg.Source != cut.Source {
			t.Errorf("read the text of %s, which is not cut", pg.Source)
		}
		reads++
		return rd.Plain, nil
	}
	// The record files are made of the pages as the jobs find them: the
	// preview gives theirs their whole text. The rest is the cache's.
	noRecords := func(files map[string][]byte) map[string][]byte {
		for name := range files {
			if strings.HasPrefix(name, searchDir+"d/") {
				delete(files, name)
			}
		}
		return files
	}
	want = noRecords(want)
	c := NewSearchCache()
	for _, what := range []string{"first", "unchanged"} {
		got := noRecords(indexFiles(t, r, s, WithSearchCache(c.Reading(plain))))
		if len(got) != len(want) {
			t.Errorf("%s: %d files, want %d", what, len(got), len(want))
		}
		for name, b := range want {
			if !bytes.Equal(got[name], b) {
				t.Errorf("%s: %s differs from the index of the whole text", what, name)
			}
		}
	}
	if reads != 1 {
		t.Errorf("the cut text was read %d times, want once", reads)
	}

	// Without a way to read it, a cut text is an error, not a shorter
	// document.
	p, err := r.Prepare(s, WithSearchCache(NewSearchCache()))
	if err != nil {
		t.Fatal(err)
	}
	failed := false
	for _, j := range p.IndexJobs() {
		if err := p.Run(context.Background(), []Job{j}, output.NewMemory()); err != nil {
			failed = true
		}
	}
	if !failed {
		t.Error("a cut text was indexed without its whole text")
	}
}
