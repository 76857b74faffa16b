package render

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"almanac/generator/output"
	"almanac/generator/search"
)

// gunzip reads one of the index's compressed files.
func gunzip(t *testing.T, out *output.Memory, name string) []byte {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(get(t, out, name)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b
}

// The search page, the manifest, the shards, the facets and one record
// per content page are written; the records carry what a result shows.
func TestSearchFiles(t *testing.T) {
	s := fixture("en", "https://x.org/team/")
	out := renderSite(t, s, siteFS())

	page := get(t, out, "search/index.html")
	for _, want := range []string{`id="search-page"`, `data-facet="severity"`, `action="/team/search/"`, `src="/team/js/search.js"`} {
		if !strings.Contains(page, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	if story := get(t, out, "stories/export-deploy-log/index.html"); !strings.Contains(story, `<form class="search-box" role="search" action="/team/search/"`) {
		t.Error("a content page has no search box in its header")
	}

	var m struct {
		V string   `json:"v"`
		N int      `json:"n"`
		S []string `json:"s"`
	}
	if err := json.Unmarshal(gunzip(t, out, "search/index.bin"), &m); err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, pg := range s.Pages {
		if searchable(s, pg) {
			pages++
		}
	}
	if m.N != pages || m.V == "" || len(m.S) == 0 {
		t.Fatalf("manifest n=%d v=%q shards=%d, want %d pages", m.N, m.V, len(m.S), pages)
	}
	for i := range m.S {
		gunzip(t, out, "search/t/"+strconv.Itoa(i)+".bin")
	}

	// Documents are numbered newest first, their records four to a
	// file; find the story's record.
	var rec search.Record
	found, records := false, 0
	for f := range search.RecordFiles(m.N) {
		var recs []search.Record
		if err := json.Unmarshal(gunzip(t, out, "search/"+search.RecordFileName(f)), &recs); err != nil {
			t.Fatal(err)
		}
		if len(recs) != search.RecordsPerFile && f < search.RecordFiles(m.N)-1 {
			t.Errorf("record file %d holds %d records, want %d", f, len(recs), search.RecordsPerFile)
		}
		for _, r := range recs {
			records++
			if r.ID == "STORY-101" {
				rec, found = r, true
			}
		}
	}
	if records != m.N {
		t.Errorf("%d records for %d documents", records, m.N)
	}
	if !found {
		t.Fatal("no record for STORY-101")
	}
	if rec.URL != "/team/stories/export-deploy-log/" || rec.Title != "Export the deploy log as CSV" || rec.Kind != "story" {
		t.Errorf("record = %+v", rec)
	}
	if len(rec.Badges) < 2 || rec.Badges[0][1] != "story" || !strings.HasPrefix(rec.Badges[1][0], "status-") {
		t.Errorf("badges = %v, want the kind and the status", rec.Badges)
	}

	var facets []struct {
		N string `json:"n"`
		V [][3]json.RawMessage
	}
	if err := json.Unmarshal(gunzip(t, out, "search/facets.bin"), &facets); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range facets {
		names = append(names, f.N)
	}
	if got := strings.Join(names, " "); got != "kind status severity tag service release year" {
		t.Errorf("facets = %s", got)
	}
}

// A build feeds the index page by page (RenderPage); a plain Render indexes
// the pages itself. Both give the same files, byte for byte.
func TestSearchFedMatchesUnfed(t *testing.T) {
	r, err := New(Options{Theme: theme(), Site: siteFS()})
	if err != nil {
		t.Fatal(err)
	}
	s := fixture("ko", "")
	p, err := r.Prepare(s)
	if err != nil {
		t.Fatal(err)
	}
	fed := output.NewMemory()
	for _, pg := range s.Pages {
		if err := p.RenderPage(pg, fed); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Finish(context.Background(), fed); err != nil {
		t.Fatal(err)
	}
	unfed := renderSite(t, fixture("ko", ""), siteFS())
	n := 0
	for _, name := range unfed.Names() {
		if !strings.HasPrefix(name, "search/") {
			continue
		}
		n++
		a, _ := fed.Get(name)
		b, _ := unfed.Get(name)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between a fed and an unfed index", name)
		}
	}
	if n < 5 {
		t.Errorf("only %d search files", n)
	}
}

// The script and its stylesheet stay small: at most 15 KB gzipped
// together, each compressed on its own.
func TestSearchScriptSize(t *testing.T) {
	total := 0
	for _, name := range []string{"../../static/js/search.js", "../../static/css/search.css"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		n := len(search.Compress(b))
		t.Logf("%s: %d bytes, %d gzipped", name, len(b), n)
		total += n
	}
	if total > 15*1024 {
		t.Errorf("search.js and search.css are %d bytes gzipped, want at most %d", total, 15*1024)
	}
}

// A site with [search] enabled = false has no search box, no search page
// and no index, and loads no search script.
func TestSearchDisabled(t *testing.T) {
	s := fixture("en", "https://x.org/team/")
	s.Config.SearchDisabled = true
	out := renderSite(t, s, siteFS())
	for _, name := range out.Names() {
		if strings.HasPrefix(name, "search/") {
			t.Errorf("wrote %s", name)
		}
	}
	story := get(t, out, "stories/export-deploy-log/index.html")
	for _, bad := range []string{"search-box", "search.js"} {
		if strings.Contains(story, bad) {
			t.Errorf("a content page still has %s", bad)
		}
	}
}
