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
	Actions  []actionView // the person's action items (on this page of them)
	Own      *PersonItems // what the person's page shows of their lists

	// A page of a list: its items, and where it stands among the list's
	// pages (nil when the list fits one page). Groups are the items by
	// status where the list groups them (decisions).
	Items  []*site.Page
	Groups []column
	Pager  *Pager

	Cal *CalendarPage // the month a calendar page shows (calendar.go)

	Report *ReportPage // a report to stakeholders, or their list (report_view.go)
}

// Type is the layout's name without extension ("story"), for a class on
// <body>.
func (d *Data) Type() string { return strings.TrimSuffix(d.Layout, ".html") }

// PersonItems are the shares of a person's lists that one page of theirs
// shows; the counts beside the headings are the whole lists'.
type PersonItems struct {
	Stories     []*site.Page
	PostMortems []*site.Page
	Decisions   []*site.Page
	ActionCount int // all the person's action items, on every page
}

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

// kindInfo is the site kind table's row of a typed kind; the zero
// KindInfo for plain pages.
func kindInfo(k site.Kind) site.KindInfo {
	ki, _ := site.KindByName(string(k))
	return ki
}

// kindNameKey is the i18n key of a kind's singular display name.
func kindNameKey(k site.Kind) string {
	if ki, ok := site.KindByName(string(k)); ok {
		return ki.KindKey
	}
	return "pagekind." + string(k)
}

// layoutOf is the layout a content page is rendered with.
func layoutOf(k site.Kind) string {
	if ki, ok := site.KindByName(string(k)); ok {
		return ki.Layout
	}
	return "page.html"
}
