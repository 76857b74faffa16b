package build

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// sampleSite reads the sample team's site into memory, to be edited.
func sampleSite(t *testing.T) fstest.MapFS {
	t.Helper()
	root := os.DirFS("../..")
	site := fstest.MapFS{}
	for _, dir := range []string{"content", "almanac.toml"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			site[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return site
}

// replaceIn replaces the first old in the file name of src with new; the
// file must hold old.
func replaceIn(t *testing.T, src fstest.MapFS, name, old, new string) {
	t.Helper()
	f := src[name]
	if f == nil || !bytes.Contains(f.Data, []byte(old)) {
		t.Fatalf("%s has no %q", name, old)
	}
	src[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1)}
}

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameTree fails the test where two outputs differ.
func sameTree(t *testing.T, step, warmDir, coldDir string) {
	t.Helper()
	warm, cold := readTree(t, warmDir), readTree(t, coldDir)
	n := 0
	for name, data := range cold {
		if got, ok := warm[name]; !ok {
			t.Errorf("%s: the warm build has no %s", step, name)
			n++
		} else if !bytes.Equal(got, data) {
			t.Errorf("%s: %s differs from a cold build's", step, name)
			n++
		}
		if n > 5 {
			t.FailNow()
		}
	}
	for name := range warm {
		if _, ok := cold[name]; !ok {
			t.Errorf("%s: the warm build has %s, a cold one does not", step, name)
		}
	}
}

// A warm build reuses the pages an edit cannot have changed, and its
// output is always the same, byte for byte, as a build with nothing
// cached: across body edits, front matter edits, new and removed pages
// (each renders again only the pages that show it), a new day, a layout
// of the site's own, and output edited by hand.
func TestWarmBuildIsTheColdBuild(t *testing.T) {
	src := sampleSite(t)
	cache, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	now := testNow
	build := func(step string, cacheDir, to string) *Result {
		t.Helper()
		b, err := New(Options{Source: src, Theme: theme(), CacheDir: cacheDir})
		if err != nil {
			t.Fatal(err)
		}
		res, err := b.ToDisk(context.Background(), now, to)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return res
	}
	var last *Result
	lists := -1 // the list files reused by the last check, -1 for any number
	index := false
	check := func(step string, wantReused func(reused, pages int) bool) {
		t.Helper()
		res := build(step, cache, dest)
		last = res
		if lists >= 0 && res.ReusedLists != lists {
			t.Errorf("%s: reused %d list files, want %d", step, res.ReusedLists, lists)
		}
		if taken := res.reuse != nil && res.reuse.indexTaken; taken != index {
			t.Errorf("%s: search index taken from the last build: %v", step, taken)
		}
		lists, index = 0, false
		cold := filepath.Join(t.TempDir(), "public")
		coldRes := build(step, "", cold)
		sameTree(t, step, dest, cold)
		if !wantReused(res.Reused, res.Pages) {
			t.Errorf("%s: reused %d of %d pages", step, res.Reused, res.Pages)
		}
		if len(res.Diagnostics) != len(coldRes.Diagnostics) {
			t.Errorf("%s: %d warnings warm, %d cold", step, len(res.Diagnostics), len(coldRes.Diagnostics))
		}
		for i := range min(len(res.Diagnostics), len(coldRes.Diagnostics)) {
			if res.Diagnostics[i].Error() != coldRes.Diagnostics[i].Error() {
				t.Errorf("%s: warning %d warm %q, cold %q", step, i, res.Diagnostics[i].Error(), coldRes.Diagnostics[i].Error())
			}
		}
	}
	none := func(reused, _ int) bool { return reused == 0 }
	most := func(reused, pages int) bool { return reused > pages/2 }
	edit := func(name, old, new string) {
		t.Helper()
		replaceIn(t, src, name, old, new)
	}
	story := firstFile(t, src, "content/stories/")
	pm := firstFile(t, src, "content/postmortems/")

	lists = 0
	check("first build", none)
	lists, index = -1, true
	check("nothing changed", most)
	allLists := last.ReusedLists
	if allLists == 0 {
		t.Fatal("no list file reused with nothing changed")
	}
	// Every file asked about is taken: a paged list's lengths and the
	// calendar's epoch, names that are no file, must not make a key no
	// build had.
	if asked := len(last.reuse.listKeys); allLists != asked {
		t.Errorf("nothing changed: %d of %d list files reused", allLists, asked)
	}

	src[story].Data = append(bytes.Clone(src[story].Data), "\nOne more line in the body.\n"...)
	lists = -1
	check("a story's body", func(reused, pages int) bool { return reused > pages/2 })
	if n := last.ReusedLists; n == 0 || n >= allLists {
		t.Errorf("a story's body: %d of %d list files reused", n, allLists)
	}

	edit(story, "title: ", "title: Renamed ")
	lists = -1
	check("a story's title", most)
	lists, index = -1, true
	check("after the title", most)

	// (A story no other page links to by its file's name.)
	const lone = "content/stories/canary-deploys-for-settlement-api.md"
	renamed := strings.TrimSuffix(lone, ".md") + "-renamed.md"
	src[renamed] = src[lone]
	delete(src, lone)
	lists = -1
	check("a story's file renamed", most)
	src[lone] = src[renamed]
	delete(src, renamed)
	lists = -1
	check("renamed back", most)

	src["content/handbook/untitled.md"] = &fstest.MapFile{Data: []byte("# A heading as the title\n\nText.\n")}
	lists = -1
	check("a new page", most)
	edit("content/handbook/untitled.md", "# A heading as the title", "# Another heading")
	lists = -1
	check("a title from the body's heading", most)

	delete(src, "content/handbook/untitled.md")
	lists = -1
	check("a page removed", most)

	// A metric's points come from a CSV file beside its page.
	edit("content/metrics/support-tickets.csv", "2026-05-11,16", "2026-05-11,61")
	lists = -1
	check("a metric's CSV", most)

	// A file beside the pages, copied as it is, changes its bytes.
	src["content/stories/diagram.png"] = &fstest.MapFile{Data: []byte("one")}
	lists = -1
	check("an image added", most)
	lists, index = -1, true
	check("after the image", most)
	src["content/stories/diagram.png"] = &fstest.MapFile{Data: []byte("two, longer")}
	lists, index = -1, true
	check("an image's bytes", most)

	edit(pm, "\n---\n", "\n---\nA line at the top of the body.\n\n")
	lists = -1
	check("a post-mortem's body", most)

	// A release taken from the last build still gives the reports its
	// highlights; one whose highlights change is rendered again.
	edit("content/releases/1.0.0.md", "- **Batch summaries** through one API call", "- **Batch totals** through one API call")
	lists = -1
	check("a release's highlights", most)

	// The next day: a story and the list of stories show nothing of the
	// present but the zone's offset and are taken; a release counts the
	// days to it.
	fileOf := func(source string) string {
		for _, p := range last.Site.Pages {
			if p.Source == source {
				return filepath.Join(dest, filepath.FromSlash(p.URL), "index.html")
			}
		}
		t.Fatalf("no page %s", source)
		return ""
	}
	storyFile, releaseFile := fileOf(story), fileOf("content/releases/1.0.0.md")
	stat := func(name string) os.FileInfo {
		t.Helper()
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	listFile := filepath.Join(dest, "stories", "index.html")
	storyWas, releaseWas, listWas := stat(storyFile), stat(releaseFile), stat(listFile)
	now = testNow.Add(24 * time.Hour)
	lists, index = -1, true // the search index shows no present
	check("the next day", func(reused, pages int) bool { return reused > pages/2 && reused < pages-1 })
	if !os.SameFile(storyWas, stat(storyFile)) {
		t.Errorf("the next day: %s was rendered again", story)
	}
	if os.SameFile(releaseWas, stat(releaseFile)) {
		t.Errorf("the next day: the release's page, which counts the days, was taken")
	}
	if !os.SameFile(listWas, stat(listFile)) {
		t.Errorf("the next day: the list of stories was made again")
	}
	now = testNow.Add(24*time.Hour + time.Hour)
	lists, index = -1, true
	check("an hour later", most)
	reusable := last.Reused // every page that can be reused
	// The lists that show the time of day (the reports, the metrics
	// and the home page's tiles, computed at the present) are made
	// again, and only those.
	if n, asked := last.ReusedLists, len(last.reuse.listKeys); n == 0 || n >= asked {
		t.Errorf("an hour later: %d of %d list files reused", n, asked)
	}

	// Two open action items fall due on 10 December: at midnight they
	// are not yet overdue, at noon they are. Only their post-mortems'
	// pages show it, and the lists that show overdue items.
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	now = time.Date(2026, 12, 10, 0, 0, 0, 0, seoul)
	lists, index = -1, true
	check("midnight of a due date", func(reused, pages int) bool { return reused > pages/2 })
	now = time.Date(2026, 12, 10, 12, 0, 0, 0, seoul)
	lists, index = -1, true
	check("noon of a due date", func(reused, _ int) bool { return reused == reusable-2 })
	// The lists that show overdue marks (the home page, the actions, the
	// owners' pages, the calendar) are made again, the others taken.
	if n, asked := last.ReusedLists, len(last.reuse.listKeys); n == 0 || n >= asked {
		t.Errorf("noon of a due date: %d of %d list files reused", n, asked)
	}

	src["layouts/partials/note.html"] = &fstest.MapFile{Data: []byte(`<p>A partial nothing includes yet.</p>`)}
	check("a layout of the site's", none)

	// Layouts of the site's own that show more of the present than the
	// theme's: a story its minute, a story card the days since its
	// date. Each build at another time is still a cold build's.
	own := func(name, old, new string) {
		t.Helper()
		data, err := fs.ReadFile(theme(), name)
		if err != nil || !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s: %v, or no %q", name, err, old)
		}
		src[name] = &fstest.MapFile{Data: bytes.Replace(data, []byte(old), []byte(new), 1)}
	}
	own("layouts/story.html", `{{define "main"}}`, `{{define "main"}}<p class="now">{{.Now.Format "15:04"}}</p>`)
	own("layouts/partials/story-card.html", `{{`, `<i>{{daysUntil .Date}}</i>{{`)
	check("layouts that show the time", none)
	now = now.Add(time.Minute)
	lists, index = -1, true
	some := func(reused, pages int) bool { return reused > 0 && reused < pages }
	check("a minute later", some) // the stories' own pages made again
	now = now.Add(24 * time.Hour)
	lists, index = -1, true
	check("a day later", some) // and the lists of stories
	delete(src, "layouts/story.html")
	delete(src, "layouts/partials/story-card.html")
	check("the theme's layouts again", none)

	// Output edited by hand is made again, not kept.
	var url string
	for _, p := range last.Site.Pages {
		if p.Source == story {
			url = p.URL
		}
	}
	page := filepath.Join(dest, filepath.FromSlash(url), "index.html")
	if err := os.WriteFile(page, []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	lists, index = -1, true
	check("output edited by hand", most)

	// A list file edited by hand is made again too.
	lists, index = -1, true
	check("nothing changed again", most)
	allLists = last.ReusedLists
	if err := os.WriteFile(filepath.Join(dest, "stories", "index.html"), []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	lists, index = allLists-1, true
	check("a list edited by hand", most)

	// Another build of the program renders everything again.
	saved := exeDigest
	defer func() { exeDigest = saved }()
	exeDigest = func() ([32]byte, error) { return [32]byte{1}, nil }
	check("another program", none)
}

// A cache folder whose files are cut short or garbled gives a cold build,
// never a failure or other output.
func TestWarmBuildSurvivesABrokenCache(t *testing.T) {
	src := sampleSite(t)
	cache, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	build := func(step, cacheDir, to string) *Result {
		t.Helper()
		b, err := New(Options{Source: src, Theme: theme(), CacheDir: cacheDir})
		if err != nil {
			t.Fatal(err)
		}
		res, err := b.ToDisk(context.Background(), testNow, to)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return res
	}
	cold := filepath.Join(t.TempDir(), "public")
	build("cold", "", cold)
	build("filling the cache", cache, dest)
	breakFiles := func(how func([]byte) []byte) {
		t.Helper()
		names, err := filepath.Glob(filepath.Join(cache, "pages", "*"))
		if err != nil || len(names) < 2 {
			t.Fatalf("cache files %v, %v", names, err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, how(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range []struct {
		step string
		how  func([]byte) []byte
	}{
		{"cut in half", func(b []byte) []byte { return b[:len(b)/2] }},
		{"cut short by a byte", func(b []byte) []byte { return b[:max(len(b)-1, 0)] }},
		{"emptied", func([]byte) []byte { return nil }},
		{"garbled", func(b []byte) []byte {
			b = bytes.Clone(b)
			for i := 7; i < len(b); i += 13 {
				b[i] ^= 0x5a
			}
			return b
		}},
	} {
		breakFiles(c.how)
		build(c.step, cache, dest)
		sameTree(t, c.step, dest, cold)
		build(c.step+", then again", cache, dest)
		sameTree(t, c.step+", then again", dest, cold)
	}
}

// firstFile is the first Markdown file of a folder of the site.
func firstFile(t *testing.T, src fstest.MapFS, dir string) string {
	t.Helper()
	names := slices.Sorted(maps.Keys(src))
	for _, name := range names {
		if strings.HasPrefix(name, dir) && strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "_index.md") {
			return name
		}
	}
	t.Fatalf("no page in %s", dir)
	return ""
}

// Which action items are overdue changes with the hour, and only a
// post-mortem's key holds its own items' marks: that is right while no
// layout of the theme but these shows the marks (postmortem.html its
// own items; the others are lists and reports, always made again). A
// layout added to this list that renders content pages must change
// reuse.go's overdueMarks.
func TestOnlyPostMortemPagesShowOverdueMarks(t *testing.T) {
	want := []string{"layouts/actions.html", "layouts/home.html", "layouts/partials/actions-table.html",
		"layouts/partials/metric-actions.html", "layouts/person.html", "layouts/postmortem.html", "layouts/report.html"}
	names, err := filesUnder(theme(), "layouts")
	if err != nil {
		t.Fatal(err)
	}
	// The layouts that show the marks or include a partial that does.
	text := map[string][]byte{}
	showing := map[string]bool{}
	for _, name := range names {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, err := fs.ReadFile(theme(), name)
		if err != nil {
			t.Fatal(err)
		}
		text[name] = data
		showing[name] = bytes.Contains(bytes.ToLower(data), []byte("overdue"))
	}
	var got []string
	for _, name := range names {
		shows := showing[name]
		for other, s := range showing {
			if s && strings.HasPrefix(other, "layouts/partials/") &&
				bytes.Contains(text[name], []byte(`"`+strings.TrimPrefix(other, "layouts/partials/")+`"`)) {
				shows = true
			}
		}
		if shows {
			got = append(got, name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("layouts that show overdue marks: %v, want %v (see overdueMarks in reuse.go)", got, want)
	}
}
