package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"sync"
	"time"

	"almanac/generator/calendar"
	"almanac/generator/site"
)

// calendarURL is the page of the current month; every month also has a
// page of its own at calendar.MonthURL.
const calendarURL = "/calendar/"

// calendarExt is the calendar extension: the month pages, the iCalendar
// feeds, and the functions the home page and the release pages use for
// upcoming releases and the subscribe links.
type calendarExt struct {
	p  *Prepared
	st calendarState
}

func (x *calendarExt) funcs() template.FuncMap {
	return template.FuncMap{
		// upcoming releases, the feeds' links
		"calUpcoming":    x.calUpcoming,
		"calFeed":        x.calFeed,
		"calFeeds":       x.calFeeds,
		"calUnscheduled": x.calUnscheduled,
	}
}

// calendarState is the calendar of one site, made once on first use
// (pages render in parallel): the events, the month pages and the
// upcoming releases; the two feeds apart, once their files are made (a
// preview lists them after every change, and renders them only when a
// release or a post-mortem changed).
type calendarState struct {
	once     sync.Once
	events   []calendar.Event
	months   []*calMonth
	current  *calMonth
	upcoming []calendar.UpcomingRelease

	feedOnce sync.Once
	feeds    []calendar.Feed
}

// feedPaths are the paths of the feeds calendar.Feeds writes, in its
// order, each at the URL "/" + its path: known before the feeds are.
func feedPaths() []string { return []string{calendar.CalendarFeed, calendar.ReleasesFeed} }

// feeds are the site's iCalendar feeds, made on first use.
func (x *calendarExt) feeds() []calendar.Feed {
	st := x.calendar()
	st.feedOnce.Do(func() { st.feeds = calendar.Feeds(x.p.env.site, st.events) })
	return st.feeds
}

// calendar returns the site's calendar, computing it on first use from
// the site at its Now, in its time zone.
func (x *calendarExt) calendar() *calendarState {
	e, st := x.p.env, &x.st
	st.once.Do(func() {
		s := e.site
		st.events = calendar.Events(s)
		st.upcoming = calendar.Upcoming(st.events, e.clk.loc, s.Now, 0)
		months := calendar.Months(st.events, e.clk.loc, s.Now)
		views := newEventViews(e, months)
		for i := range months {
			m := e.monthView(&months[i], views)
			st.months = append(st.months, m)
			if m.Current {
				st.current = m
			}
		}
		if st.current == nil && len(st.months) > 0 {
			st.current = st.months[len(st.months)-1]
		}
	})
	return st
}

// jobs make /calendar/ (the month of now), a page for every month with
// events, /calendar.ics and /releases.ics.
func (x *calendarExt) jobs() []Job {
	p, st := x.p, x.calendar()
	src := x.sources()
	var jobs []Job
	if st.current != nil {
		jobs = append(jobs, p.pageJob(x.data(calendarURL, st.current), "", src))
	}
	for _, m := range st.months {
		jobs = append(jobs, p.pageJob(x.data(m.URL, m), "", src))
	}
	for _, path := range feedPaths() {
		jobs = append(jobs, Job{Name: path, Sources: src, make: func(b *bytes.Buffer) error {
			for _, f := range x.feeds() {
				if f.Path == path {
					b.Write(f.Data)
					return nil
				}
			}
			return fmt.Errorf("render: no calendar feed %s", path)
		}})
	}
	return jobs
}

// data is the template data of one month page at url.
func (x *calendarExt) data(url string, m *calMonth) *Data {
	p := x.p
	title := p.env.tr.T("nav.calendar")
	d := p.data("calendar.html", url, m.Title+" · "+title)
	d.Section = "calendar"
	d.Cal = &CalendarPage{Month: m, Index: url == calendarURL, Months: x.calendar().months}
	if url != calendarURL {
		d.Crumbs = []Crumb{{Name: title, URL: calendarURL}, {Name: m.Title}}
	}
	return d
}

// sources are the files the calendar is made from: the releases, the
// post-mortems and the decisions its events come from, and the content's
// epoch, the feeds' LAST-MODIFIED of an event whose page has no lastmod,
// which any page's lastmod may move. The epoch stands among the sources
// as a name that is no file: a preview renders the calendar again when it
// moves, as sources that differ make it do.
func (x *calendarExt) sources() []string {
	s := x.p.s
	src := appendSources(nil, s.Releases...)
	src = appendSources(src, s.PostMortems...)
	src = appendSources(src, s.Decisions...)
	return append(src, "\x00epoch "+calendar.ContentEpoch(s).UTC().Format(time.RFC3339Nano))
}

// CalendarPage is what calendar.html receives as .Cal: the month shown
// and every month page, for the navigation.
type CalendarPage struct {
	Month  *calMonth
	Index  bool // the page is /calendar/ rather than /calendar/YYYY/MM/
	Months []*calMonth
}

// calFeed is one iCalendar feed as the pages link it.
type calFeed struct {
	Key string // "calendar" or "releases"
	URL string // site-relative: "/calendar.ics"
	Abs string // absolute from base_url; "" when base_url has no host
	// Webcal is the webcal:// form of Abs, "" without one. It is made from
	// base_url alone, so the template may put it in an href as it is.
	Webcal template.URL
}

// calFeeds are the feeds, for the subscribe links.
func (x *calendarExt) calFeeds() []calFeed {
	e := x.p.env
	var out []calFeed
	for _, path := range feedPaths() {
		cf := calFeed{Key: feedKey(path), URL: "/" + path}
		if e.u.root != "" {
			cf.Abs = e.u.abs(cf.URL)
			cf.Webcal = template.URL(calendar.Webcal(cf.Abs))
		}
		out = append(out, cf)
	}
	return out
}

// calFeed returns the feed of a key ("calendar" or "releases").
func (x *calendarExt) calFeed(key string) calFeed {
	for _, f := range x.calFeeds() {
		if f.Key == key {
			return f
		}
	}
	return calFeed{}
}

func feedKey(path string) string {
	if path == calendar.ReleasesFeed {
		return "releases"
	}
	return "calendar"
}

// calUpcoming returns the releases still to ship from today on, soonest
// first: all of them, or at most the first limit, leaving out the
// versions given in skip (what a page already shows elsewhere).
func (x *calendarExt) calUpcoming(limit int, skip ...string) []calendar.UpcomingRelease {
	var out []calendar.UpcomingRelease
	for _, u := range x.calendar().upcoming {
		if contains(skip, u.Version) {
			continue
		}
		if limit > 0 && len(out) == limit {
			break
		}
		out = append(out, u)
	}
	return out
}

// calUnscheduled returns the planned and frozen releases that
// calUpcoming leaves out: those without a date and those whose date has
// passed, in the order of the site's upcoming list.
func (x *calendarExt) calUnscheduled() []*site.Page {
	dated := map[*site.Page]bool{}
	for _, u := range x.calendar().upcoming {
		dated[u.Release.Page] = true
	}
	var out []*site.Page
	for _, p := range x.p.env.views.Upcoming {
		if !dated[p] {
			out = append(out, p)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// monthTitle names a month the way the language does: "November 2026",
// "2026년 11월".
func (e *env) monthTitle(t time.Time) string {
	t = t.In(e.clk.loc)
	// Numbers go in as text: the table would group a year's digits.
	return e.tr.T("calendar.month_title", e.monthName(t), strconv.Itoa(t.Year()), strconv.Itoa(int(t.Month())))
}
