package render

import (
	"strings"
	"time"

	"almanac/generator/site"
)

// Data is what every layout receives. Page is the page shown, nil for the
// lists the renderer makes itself (home, sections, terms, people).
type Data struct {
	Site    *site.Site
	Page    *site.Page
	Layout  string // the layout file, e.g. "story.html"
	Section string // the nav entry to mark: "stories", "releases", "postmortems", or ""
	Title   string
	Desc    string
	URL     string // site-relative
	Crumbs  []Crumb
	V       *views
	Lang    string
	CSS     string // site-relative URL of the fingerprinted stylesheet
	JS      string
	Lastmod time.Time
	Now     time.Time

	// Lists of terms (tags, services) and people.
	Term     *site.Term
	Terms    []TermItem
	TermKind string // "tags", "services" or "people"
	Person   *site.Person
	Actions  []actionView // the person's action items

	Cal *CalendarPage // the month a calendar page shows (calendar.go)
}

// Type is the layout's name without extension ("story"), for a class on
// <body>.
func (d *Data) Type() string { return strings.TrimSuffix(d.Layout, ".html") }

// Crumb is one step of the breadcrumbs above a detail page; the page itself
// is the last, without URL.
type Crumb struct {
	Name string
	URL  string
}

// TermItem is one entry of a list of terms or people.
type TermItem struct {
	Name  string
	URL   string
	Count int
}

// sectionOf maps a kind to its list page's nav entry and URL.
func sectionOf(k site.Kind) (section, url string) {
	switch k {
	case site.KindStory:
		return "stories", "/stories/"
	case site.KindRelease:
		return "releases", "/releases/"
	case site.KindPostMortem:
		return "postmortems", "/postmortems/"
	case site.KindMetric:
		return "metrics", "/metrics/"
	}
	return "", ""
}

// layoutOf is the layout a content page is rendered with.
func layoutOf(k site.Kind) string {
	switch k {
	case site.KindStory:
		return "story.html"
	case site.KindRelease:
		return "release.html"
	case site.KindPostMortem:
		return "postmortem.html"
	case site.KindMetric:
		return "metric.html"
	}
	return "page.html"
}
