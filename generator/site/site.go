package site

import (
	"path"
	"strings"
	"time"
)

// Config is the site's almanac.toml.
type Config struct {
	Title       string
	Description string
	BaseURL     string // absolute, with a trailing slash, e.g. https://team.example.org/docs/
	Language    string // en | ko
	TimeZone    string
	Location    *time.Location
	Repository  string // web URL of the repository, for edit links
	Branch      string
	// ContentDir is where content lives relative to the site root.
	ContentDir string
	// MarkdownUnsafe lets raw HTML in Markdown through; off by default.
	MarkdownUnsafe bool
	// MetricsWindowDays is the window of the four keys, 90 by default.
	MetricsWindowDays int
	// LinkPolicy and AnchorPolicy are [check] links and anchors: what a
	// broken link is. "error" (the default; empty means it too) stops the
	// build, "warning" reports it and publishes, "ignore" leaves it out.
	// LinkPolicy covers pages, files and images that do not exist,
	// AnchorPolicy #fragments that nothing on the target page defines.
	LinkPolicy   string
	AnchorPolicy string
	// SearchDisabled leaves out the search box, /search/ and its index
	// ([search] enabled = false), for a site searched by other means.
	SearchDisabled bool
	// Links are extra footer links.
	Links []NamedLink
	// People are the declared team members; when any are declared, owners
	// and authors must be among them.
	People []string
	// Repositories are the code repositories whose history gives the
	// stories' and releases' timestamps that front matter leaves out.
	Repositories []Repository
	// RequiredChecks are the checks every deployed release must have
	// passed or waived ([releases] required_checks).
	RequiredChecks []string
	// ListPageSize is how many items one page of a list shows ([lists]
	// page_size); a longer list goes on at /page/2/ and so on. Zero means
	// DefaultListPageSize.
	ListPageSize int
	// FeedSize is how many entries the Atom feed keeps ([feeds] atom_entries);
	// zero means DefaultFeedSize.
	FeedSize int
	// CalendarFeedMonthsBack is how far back the iCalendar feeds reach
	// ([calendar] feed_months_back): events that ended before the first day
	// of the month that many months before now are left out; everything
	// ahead is kept. Zero means DefaultFeedMonthsBack.
	CalendarFeedMonthsBack int
}

// Defaults of the bounded lists and feeds, for a Config that leaves them
// at zero.
const (
	DefaultListPageSize   = 100
	DefaultFeedSize       = 50
	DefaultFeedMonthsBack = 12
)

// PageSize is ListPageSize, or its default.
func (c Config) PageSize() int {
	if c.ListPageSize > 0 {
		return c.ListPageSize
	}
	return DefaultListPageSize
}

// Entries is FeedSize, or its default.
func (c Config) Entries() int {
	if c.FeedSize > 0 {
		return c.FeedSize
	}
	return DefaultFeedSize
}

// MonthsBack is CalendarFeedMonthsBack, or its default.
func (c Config) MonthsBack() int {
	if c.CalendarFeedMonthsBack > 0 {
		return c.CalendarFeedMonthsBack
	}
	return DefaultFeedMonthsBack
}

// Content is the content folder, relative to the site root: ContentDir
// cleaned of slashes and dots, "content" when it is not set. Every reader
// of the content folder asks here.
func (c Config) Content() string {
	d := strings.Trim(path.Clean("/"+c.ContentDir), "/")
	if d == "" {
		return "content"
	}
	return d
}

// NamedLink is a link with a label.
type NamedLink struct {
	Name string
	URL  string
}

// Site is the whole content, loaded, validated and linked. It is built once
// per build and never changed afterwards, so renderers may read it from
// many goroutines.
type Site struct {
	Config Config
	// Now is the build's notion of the present (--now): drafts, future
	// pages, countdowns and metric windows are decided against it.
	Now time.Time

	Pages       []*Page // every page, sorted by Source
	Stories     []*Page // by id
	Releases    []*Page // newest first by SemVer
	PostMortems []*Page // newest first by date
	Metrics     []*Page // by title
	Decisions   []*Page // newest first by date, then by id
	Plain       []*Page // plain pages, by URL

	ByURL     map[string]*Page
	ByID      map[string]*Page // story, post-mortem and decision ids
	ByVersion map[string]*Page // releases

	// Home is content/_index.md (or index.md) when the site has one: its
	// body introduces the home page. It is not in Plain.
	Home *Page
	// Assets are the non-Markdown files under the content folder (images,
	// attachments), as slash paths relative to the content folder; they are
	// copied to the same path in the output.
	Assets []string

	Tags     []*Term   // by name
	Services []*Term   // by name
	People   []*Person // by name
}

// generatedSections are the top-level folders whose index page almanac
// writes itself, the typed kinds' list pages among them; the ones marked
// true also have generated pages below.
var generatedSections = func() map[string]bool {
	m := map[string]bool{
		"actions": false, "search": false, "calendar": true, "reports": false,
		"tags": true, "services": true, "people": true,
	}
	for _, k := range kindTable {
		m[k.Folder] = false
	}
	return m
}()

// GeneratedURL reports whether almanac writes the page at url itself (a
// list, a taxonomy or a calendar page), so no content page may take it.
func GeneratedURL(url string) bool {
	if len(url) < 3 || url[0] != '/' || url[len(url)-1] != '/' {
		return false
	}
	rest := url[1 : len(url)-1]
	section, sub, nested := strings.Cut(rest, "/")
	below, ok := generatedSections[section]
	if !ok {
		return false
	}
	return !nested || (below && sub != "")
}

// OfKind returns the pages of a typed kind in their list's order
// (Site.Stories for stories), or nil for other kinds. It is the one place
// that maps a kind to its list.
func (s *Site) OfKind(k Kind) []*Page {
	switch k {
	case KindStory:
		return s.Stories
	case KindRelease:
		return s.Releases
	case KindPostMortem:
		return s.PostMortems
	case KindMetric:
		return s.Metrics
	case KindDecision:
		return s.Decisions
	}
	return nil
}
