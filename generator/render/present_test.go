package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"almanac/generator/report"
	"almanac/generator/site"
)

// TestListPresent: what each list file shows of the present, for the
// theme's layouts and for layouts of a site's own that show more of it.
func TestListPresent(t *testing.T) {
	type shown struct {
		reports string
		files   map[string]Present
	}
	listPresent := func(t *testing.T, own fstest.MapFS) shown {
		t.Helper()
		p := preparedWith(t, own)
		return shown{p.ReportKeys(), p.listPresent(p.listJobs())}
	}

	l := listPresent(t, nil)
	if !strings.Contains(l.reports, "2026-") {
		t.Errorf("ReportKeys() = %q, want the reports' keys", l.reports)
	}
	for _, c := range []struct {
		name                string
		day, exact, metrics bool
		also                bool
	}{
		{"stories/index.html", false, false, false, false},
		{"tags/index.html", false, false, false, false},
		{"search/index.html", false, false, false, false},
		{"releases/index.html", true, false, false, false}, // the releases to come, days to go
		{"index.html", true, false, true, false},           // and the four keys' tiles
		{"metrics/index.html", false, false, true, false},
		{"metrics.json", false, false, true, false},
		{"calendar/index.html", true, false, false, true},
		{"calendar.ics", true, false, false, true},
		{"reports/index.html", false, true, false, false},
	} {
		pr := l.files[c.name]
		if pr.Day != c.day || pr.Exact != c.exact || pr.Metrics != c.metrics || (pr.Also != "") != c.also {
			t.Errorf("%s: %+v, want day %v, exact %v, metrics %v, also %v", c.name, pr, c.day, c.exact, c.metrics, c.also)
		}
	}
	// Which action items are overdue: the home page's and the actions
	// page's open items, a person's, the calendar's; not the stories'.
	marks := map[string]bool{"index.html": true, "actions/index.html": true, "calendar/index.html": true,
		"stories/index.html": false, "tags/index.html": false, "search/index.html": false}
	person := 0
	for name := range l.files {
		if strings.HasPrefix(name, "people/") && name != "people/index.html" {
			marks[name] = true
			person++
		}
	}
	if person == 0 {
		t.Error("no person's page among the list files")
	}
	for name, want := range marks {
		if got := l.files[name].Marks; got != want {
			t.Errorf("%s shows the overdue marks: %v, want %v", name, got, want)
		}
	}

	// A report's JSON file names the present; the page of a period gone
	// by shows only the day it was made, the running period's its
	// figures so far.
	running, past := 0, 0
	for name, pr := range l.files {
		if !strings.HasPrefix(name, "reports/20") {
			continue
		}
		key := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(name, "reports/"), ".json"), "/index.html")
		per, err := report.ParseKey(key, seoul, fixture("en", "").Now)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch {
		case strings.HasSuffix(name, ".json"), per.Running:
			if !pr.Exact {
				t.Errorf("%s: %+v, want the present itself", name, pr)
			}
			if !strings.HasSuffix(name, ".json") {
				running++
			}
		default:
			past++
			if pr != (Present{Day: true, Marks: true}) { // and its overdue items
				t.Errorf("%s, a period gone by: %+v, want the day alone", name, pr)
			}
		}
	}
	if running == 0 || past == 0 {
		t.Errorf("%d pages of running periods and %d of periods gone by, want some of each", running, past)
	}

	for _, c := range []struct {
		what, files         string
		day, exact, metrics bool
	}{
		{"the date of now", `
-- layouts/stories.html --
{{define "main"}}<p>{{date .Now}} {{zone .Now}}</p>{{end}}`, true, false, false},
		{"the offset now", `
-- layouts/stories.html --
{{define "main"}}<p>{{zone .Now}}</p>{{end}}`, false, false, false},
		{"days to go", `
-- layouts/partials/story-card.html --
<div>{{daysUntil .Date}}</div>`, true, false, false},
		{"now itself", `
-- layouts/stories.html --
{{define "main"}}<p>{{.Now}}</p>{{end}}`, false, true, false},
		{"now's hour, through a variable", `
-- layouts/stories.html --
{{define "main"}}{{$d := .}}<p>{{$d.Now.Hour}}</p>{{end}}`, false, true, false},
		{"now in the header", `
-- layouts/partials/header.html --
<header>{{.Now.Format "15:04"}}</header>`, false, true, false},
		{"the metrics in a partial a list calls", `
-- layouts/partials/story-card.html --
<div>{{with metrics}}{{.Days}}{{end}}</div>`, false, false, true},
		{"a body in a list", `
-- layouts/stories.html --
{{define "main"}}{{range .Items}}{{body .}}{{end}}{{end}}`, false, false, true},
		{"now in another list's layout", `
-- layouts/terms.html --
{{define "main"}}<p>{{.Now}}</p>{{end}}`, false, false, false},
		{"the metrics in a partial no list calls", `
-- layouts/partials/unused.html --
<div>{{with metrics}}{{.Days}}{{end}} {{.Now}}</div>`, false, false, false},
	} {
		l := listPresent(t, mapFS(c.files))
		if pr := l.files["stories/index.html"]; pr.Day != c.day || pr.Exact != c.exact || pr.Metrics != c.metrics {
			t.Errorf("%s: a list shows %+v, want day %v, exact %v, metrics %v", c.what, pr, c.day, c.exact, c.metrics)
		}
	}
}

// TestPagePresent: what a kind's content pages show of the present, as
// their layouts say.
func TestPagePresent(t *testing.T) {
	p := preparedWith(t, nil)
	for _, c := range []struct {
		kind site.Kind
		want Present
	}{
		{site.KindStory, Present{}},               // its zone alone
		{site.KindPostMortem, Present{}},          // and its own overdue marks
		{site.KindRelease, Present{Day: true}},    // days to go
		{site.KindMetric, Present{Metrics: true}}, // its series from the report
		{site.Kind("handbook"), Present{}},        // page.html
	} {
		if got := p.PagePresent(c.kind); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.kind, got, c.want)
		}
	}

	for _, c := range []struct {
		what, story string
		want        Present
	}{
		{"a countdown", `{{countdown .Page.Date}}`, Present{Day: true}},
		{"the date of now", `{{date .Now}}`, Present{Day: true}},
		{"the offset now", `{{zone .Now}}`, Present{}},
		{"now itself", `{{.Site.Now.Unix}}`, Present{Exact: true}},
		{"the latest report", `{{with latestReport}}{{.URL}}{{end}}`, Present{Exact: true}},
		{"the team's figures", `{{with metrics}}{{.Days}}{{end}}`, Present{Metrics: true}},
	} {
		own := mapFS("-- layouts/story.html --\n{{define \"main\"}}" + c.story + "{{end}}")
		if got := preparedWith(t, own).PagePresent(site.KindStory); got != c.want {
			t.Errorf("a story layout with %s: %+v, want %+v", c.what, got, c.want)
		}
	}
}

// preparedWith prepares the English fixture with the theme and the site's
// own files over it (own may be nil), with opts.
func preparedWith(t *testing.T, own fstest.MapFS, opts ...PrepareOption) *Prepared {
	t.Helper()
	r, err := New(Options{Theme: theme(), Site: merge(siteFS(), own)})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Prepare(fixture("en", "https://almanac.example.org/"), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
