package build

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// warmSite is the sample site built again and again into one output with
// one cache folder, as a team's builds are.
type warmSite struct {
	t           *testing.T
	src         fstest.MapFS
	cache, dest string
}

func newWarmSite(t *testing.T) *warmSite {
	return &warmSite{t: t, src: sampleSite(t), cache: t.TempDir(), dest: filepath.Join(t.TempDir(), "public")}
}

// state is the kept search index's file.
func (w *warmSite) state() string { return filepath.Join(w.cache, "pages", searchStateName) }

// build builds the site warm.
func (w *warmSite) build(step string) *Result {
	w.t.Helper()
	b, err := New(Options{Source: w.src, Theme: theme(), CacheDir: w.cache})
	if err != nil {
		w.t.Fatal(err)
	}
	res, err := b.ToDisk(context.Background(), testNow, w.dest)
	if err != nil {
		w.t.Fatalf("%s: %v", step, err)
	}
	return res
}

// sameAsCold fails unless the output is a cold build's, byte for byte.
func (w *warmSite) sameAsCold(step string) {
	w.t.Helper()
	b, err := New(Options{Source: w.src, Theme: theme()})
	if err != nil {
		w.t.Fatal(err)
	}
	cold := filepath.Join(w.t.TempDir(), "public")
	if _, err := b.ToDisk(context.Background(), testNow, cold); err != nil {
		w.t.Fatal(err)
	}
	sameTree(w.t, step, w.dest, cold)
}

// A warm build indexes again only the pages whose search document
// changed, from the index the last build kept; a kept index that is stale
// (a page changed since) or damaged still gives the cold build's output.
func TestWarmBuildKeepsTheSearchIndex(t *testing.T) {
	w := newWarmSite(t)
	src, state := w.src, w.state()
	var stories []string
	for _, name := range slices.Sorted(maps.Keys(src)) {
		if strings.HasPrefix(name, "content/stories/") && strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "_index.md") {
			stories = append(stories, name)
		}
	}
	if len(stories) < 4 {
		t.Fatalf("%d stories", len(stories))
	}
	step := func(what string, kept bool, replaced int) {
		t.Helper()
		res := w.build(what)
		if st := res.reuse.search; st.Kept() != kept || kept && st.Replaced() != replaced {
			t.Errorf("%s: index kept %v, %d documents indexed again; want %v, %d", what, st.Kept(), st.Replaced(), kept, replaced)
		}
		w.sameAsCold(what)
	}
	body := func(name, line string) {
		src[name] = &fstest.MapFile{Data: append(bytes.Clone(src[name].Data), "\n"+line+"\n"...)}
	}

	step("filling the cache", false, 0)
	body(stories[0], "A line about the zebra crossing.")
	step("one body", true, 1)
	stale, err := os.ReadFile(state)
	if err != nil {
		t.Fatal(err)
	}
	body(stories[1], "Another line, about the ledger.")
	step("another body", true, 1)

	// The index of two builds ago: the second story's text is not the
	// one it holds, and that page is taken from the last build.
	if err := os.WriteFile(state, stale, 0o644); err != nil {
		t.Fatal(err)
	}
	body(stories[2], "정산 배치가 늦어졌다.")
	step("a stale index", true, 2)

	// A story comes, the newest: the pages that show it are rendered
	// again, and the index takes the one document in.
	src["content/stories/zz-new.md"] = &fstest.MapFile{Data: []byte("---\nid: STORY-990\ntitle: A new story\n" +
		"as_a: merchant\ni_want: a zebra\nso_that: tests pass\nstatus: backlog\ncreated: 2026-11-25\n---\nThe newest story.\n")}
	step("a story new", true, 1)

	// A layout of the site's own: every page is rendered again, and the
	// index is made anew (as in a cold build, which holds less than the
	// kept index beside every page), and kept.
	src["layouts/partials/note.html"] = &fstest.MapFile{Data: []byte("<p>A partial nothing includes.</p>")}
	step("a layout of the site's", false, 0)
	body(stories[3], "A line after the new story.")
	step("a body after it", true, 1)

	damaged, err := os.ReadFile(state)
	if err != nil {
		t.Fatal(err)
	}
	damaged[len(damaged)/2] ^= 0x20
	if err := os.WriteFile(state, damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	body(stories[0], "And one more.")
	step("a damaged index", false, 0)
	step("then again", false, 0) // nothing changed: the index taken whole
}

// A warm build removes the temporary files killed builds left in the
// cache folder a day ago or more, and nothing a build may be using.
func TestWarmBuildSweepsLeftovers(t *testing.T) {
	w := newWarmSite(t)
	build := func() *Result { return w.build("sweep") }
	build()
	dir := filepath.Join(w.cache, "pages")
	old := []string{"pages-123.dat", "pages.idx.77", searchStateName + ".456", "matter.trees.789"}
	fresh := []string{"pages-124.dat", searchStateName + ".999", "notes.txt"}
	day := time.Now().Add(-25 * time.Hour)
	for _, name := range append(slices.Clone(old), fresh...) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("left"), 0o644); err != nil {
			t.Fatal(err)
		}
		if slices.Contains(old, name) {
			os.Chtimes(p, day, day)
		}
	}
	// The files the last build left in use, aged too: still used.
	kept, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range kept {
		os.Chtimes(p, day, day)
	}
	for _, name := range fresh {
		os.Chtimes(filepath.Join(dir, name), time.Now(), time.Now())
	}
	if res := build(); res.Reused == 0 {
		t.Error("nothing reused: the build's own records went")
	}
	for _, name := range old {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s left in the cache folder", name)
		}
	}
	for _, name := range fresh {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s removed: %v", name, err)
		}
	}
	if res := build(); res.Reused == 0 {
		t.Error("nothing reused the time after")
	}
}

// A site with more pages than maxKeptSearch keeps no search index between
// builds (and drops one kept when it was smaller): every page is indexed.
func TestWarmBuildKeepsNoIndexOfALargeSite(t *testing.T) {
	w := newWarmSite(t)
	src, state := w.src, w.state()
	build := func() *Result { return w.build("large") }
	build()
	if _, err := os.Stat(state); err != nil {
		t.Fatalf("no search index kept: %v", err)
	}
	was := maxKeptSearch
	defer func() { maxKeptSearch = was }()
	maxKeptSearch = 10
	story := firstFile(t, src, "content/stories/")
	src[story] = &fstest.MapFile{Data: append(bytes.Clone(src[story].Data), "\nOne more line.\n"...)}
	res := build()
	if res.reuse.search != nil {
		t.Error("a search index read for a site over the limit")
	}
	if _, err := os.Stat(state); err == nil {
		t.Error("the kept search index stays in the cache folder")
	}
	w.sameAsCold("over the limit")
}
