package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// settledNames runs the deferred work and returns what it rendered: the
// files it changed, and how many it rendered in all.
func (p *preview) settledNames() ([]string, int) {
	p.t.Helper()
	up := p.settle()
	if up.Failed() {
		p.t.Fatal(up.Diagnostics)
	}
	return up.Changed, up.Outputs
}

// TestBodyEditRendersNoList: a body edit renders again only the files
// that show a body (the search index, the feed), no list; the result is a
// full build's.
func TestBodyEditRendersNoList(t *testing.T) {
	p := newPreview(t, smallSite)
	// The front matter as storyWith writes it, first.
	p.write("content/stories/export-log.md", storyWith("", "Body.\n"))
	p.settle()
	for n, body := range []string{"A new paragraph about exports.\n", "Another paragraph.\n\n## Notes\n\nMore.\n"} {
		if up := p.write("content/stories/export-log.md", storyWith("", body)); up.Failed() {
			t.Fatal(up.Diagnostics)
		}
		changed, outputs := p.settledNames()
		for _, name := range changed {
			if !strings.HasPrefix(name, "search/") && name != "index.xml" {
				t.Errorf("edit %d: a body edit changed %s", n, name)
			}
		}
		if outputs > 20 { // the files that name no sources, the feed and the index: 15
			t.Errorf("edit %d: the deferred work rendered %d files", n, outputs)
		}
		p.sameAsFullBuild()
	}

	// A title edit renders the lists that show it again: its own list
	// with the page, the others later.
	up := p.write("content/stories/export-log.md", strings.Replace(storyWith("", "Body.\n"), "title: Export the deploy log", "title: Export the log", 1))
	changed, _ := p.settledNames()
	changed = append(changed, up.Changed...)
	for _, want := range []string{"stories/index.html", "tags/audit/index.html", "people/mina-park/index.html"} {
		if !slices.Contains(changed, want) {
			t.Errorf("a title edit left %s as it was; changed %v", want, changed)
		}
	}
	p.sameAsFullBuild()
}

// TestBodyEditsThatListsShow: the bodies the lists do show, each edited
// alone, give a full build's result: the home page's own, a release's
// highlights in the reports, a post-mortem's text in the feed.
func TestBodyEditsThatListsShow(t *testing.T) {
	p := newPreview(t, smallSite)
	edits := []struct{ file, data string }{
		{"content/_index.md", "Welcome to the **whole** team.\n"},
		{"content/releases/1.0.0.md", "---\nversion: 1.0.0\ntitle: First\nstatus: released\nplanned_date: 2026-10-14\n" +
			"released_at: 2026-10-14T15:00:00+09:00\n---\n## Notes\nShips the export.\n\n## Highlights\n\n- Faster exports\n- A CSV\n"},
		{"content/postmortems/2026-10-15-export-timeout.md", strings.Replace(pmText(t, p), "The export query scanned the whole table.",
			"The export query read every row of the table, and then it timed out.", 1)},
		{"content/team.md", "---\ntitle: The team\n---\n# The team\nWe run the export and the import.\n"},
	}
	for _, e := range edits {
		if up := p.write(e.file, e.data); up.Failed() {
			t.Fatalf("%s: %v", e.file, up.Diagnostics)
		}
		p.settledNames()
		p.sameAsFullBuild()
	}
}

func pmText(t *testing.T, p *preview) string {
	f := p.fs["content/postmortems/2026-10-15-export-timeout.md"]
	if f == nil {
		t.Fatal("no post-mortem")
	}
	return string(f.Data)
}

// TestBodyShownByASiteList: a site whose list layout shows bodies, itself
// or through a partial, has that list rendered again after a body edit.
func TestBodyShownByASiteList(t *testing.T) {
	theme, err := os.ReadFile(filepath.Join("..", "..", "layouts", "stories.html"))
	if err != nil {
		t.Fatal(err)
	}
	for name, layouts := range map[string]map[string]string{
		"in the layout": {"layouts/tags.html": ""},
		"in a partial":  {"layouts/partials/lead.html": `{{define "lead"}}<p class="lead">{{.Rendered.Plain}}</p>{{end}}`},
	} {
		t.Run(name, func(t *testing.T) {
			p := newPreview(t, smallSite)
			list := `{{define "main"}}<ul>{{range .Items}}<li>{{.Title}}: {{body .}}</li>{{end}}</ul>{{end}}`
			if _, ok := layouts["layouts/partials/lead.html"]; ok {
				list = `{{define "main"}}<ul>{{range .Items}}<li>{{.Title}}{{template "lead" .}}</li>{{end}}</ul>{{end}}`
			}
			for f, data := range layouts {
				if data != "" {
					p.fs[f] = &fstest.MapFile{Data: []byte(data)}
				}
			}
			_ = theme
			p.write("layouts/stories.html", list)
			p.settle()
			p.sameAsFullBuild()

			p.write("content/stories/export-log.md", storyWith("", "Text a list shows.\n"))
			changed, _ := p.settledNames()
			if !slices.Contains(changed, "stories/index.html") || !p.has("stories/index.html", "Text a list shows.") {
				t.Errorf("the story list does not show the new body; changed %v", changed)
			}
			p.sameAsFullBuild()
		})
	}
}

// TestLayoutsShowBodies reads the theme's layouts: no list of it shows a
// body.
func TestLayoutsShowBodies(t *testing.T) {
	if layoutsShowBodies(theme()) {
		t.Error("the theme's lists are taken to show bodies")
	}
	site := fstest.MapFS{
		"layouts/home.html":            {Data: []byte(`{{define "main"}}{{body .}}{{range .Site.Stories}}{{template "card.html" .}}{{end}}{{end}}`)},
		"layouts/partials/card.html":   {Data: []byte(`<p>{{.Title}}</p>{{template "inner.html" .}}`)},
		"layouts/partials/inner.html":  {Data: []byte(`{{with .Rendered}}{{.Words}}{{end}}`)},
		"layouts/partials/unused.html": {Data: []byte(`{{.Body}}`)},
		"layouts/story.html":           {Data: []byte(`{{define "main"}}{{body .Page}}{{end}}`)},
	}
	if !layoutsShowBodies(site) {
		t.Error("a home page that shows stories' word counts through two partials is not seen")
	}
	delete(site, "layouts/partials/inner.html")
	if layoutsShowBodies(site) {
		t.Error("the home page's own body, a story's own and an unused partial count as a list showing bodies")
	}
}

// TestStoryEditLeavesTheCalendar: a story's title edit marks its release
// as changed (the release lists it), but the calendar shows nothing of a
// release's stories: it is not rendered again, unless the site's own
// partials might show more. A release's own edit renders it.
func TestStoryEditLeavesTheCalendar(t *testing.T) {
	const story = "content/stories/export-log.md"
	for _, own := range []bool{false, true} {
		p := newPreview(t, smallSite)
		if own {
			p.write("layouts/partials/crumbs.html", `<nav class="crumbs">{{range .Crumbs}}{{.Name}} {{end}}</nav>`)
			p.settle()
		}
		var picked []string
		p.x.picked = func(name string) { picked = append(picked, name) }
		calendarPicked := func() []string {
			var names []string
			for _, name := range picked {
				if calendarFile(name) {
					names = append(names, name)
				}
			}
			picked = nil
			return names
		}
		title := strings.Replace(p.source(story), "title: Export the deploy log", "title: Export the flight log", 1)
		if up := p.write(story, title); up.Failed() {
			t.Fatal(up.Diagnostics)
		}
		p.settledNames()
		p.sameAsFullBuild()
		switch names := calendarPicked(); {
		case !own && len(names) > 0:
			t.Errorf("a story's title edit rendered the calendar again: %v", names)
		case own && len(names) == 0:
			t.Error("with partials of the site's own, a story's title edit left the calendar")
		}

		release := strings.Replace(p.source("content/releases/1.0.0.md"), "title: First", "title: The first", 1)
		if up := p.write("content/releases/1.0.0.md", release); up.Failed() {
			t.Fatal(up.Diagnostics)
		}
		p.settledNames()
		p.sameAsFullBuild()
		if names := calendarPicked(); !slices.Contains(names, "releases.ics") {
			t.Errorf("a release's title edit left its feed; rendered %v of the calendar", names)
		}
	}
}
