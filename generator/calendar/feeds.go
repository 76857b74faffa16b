package calendar

import (
	"strings"
	"time"

	"almanac/generator/site"
)

// Feed is one iCalendar file of the site.
type Feed struct {
	Path string // output path relative to the site root: "calendar.ics"
	URL  string // site-relative URL: "/calendar.ics"
	Name string // the calendar's name as subscribers see it
	Data []byte // the file, text/calendar
}

// Feed paths.
const (
	CalendarFeed = "calendar.ics" // every event
	ReleasesFeed = "releases.ics" // releases, rollbacks and milestones
)

// Feeds writes the site's two feeds from its events (as Events returns
// them): calendar.ics with everything, releases.ics with releases,
// rollbacks and milestones. Event URLs are made absolute from base_url when
// it is absolute. Both keep a window of the events (see FeedWindow): a
// subscriber's calendar needs the recent past and the future, not every
// event since the team began; the month pages keep them all.
func Feeds(s *site.Site, events []Event) []Feed {
	events = FeedWindow(events, s.Now, s.Config.Location, s.Config.MonthsBack())
	labels := LabelsFor(s.Config.Language)
	opts := ICSOptions{
		Description: s.Config.Description,
		TimeZone:    s.Config.TimeZone,
		BaseURL:     s.Config.BaseURL,
	}
	if opts.TimeZone == "" && s.Config.Location != nil {
		opts.TimeZone = s.Config.Location.String()
	}
	name := func(what string) string { return joinNonEmpty(" · ", s.Config.Title, what) }

	all := opts
	all.Name = name(labels.Calendar)
	rel := opts
	rel.Name = name(labels.Releases)
	return []Feed{
		{Path: CalendarFeed, URL: "/" + CalendarFeed, Name: all.Name, Data: ICS(events, all)},
		{Path: ReleasesFeed, URL: "/" + ReleasesFeed, Name: rel.Name, Data: ICS(ReleaseEvents(events), rel)},
	}
}

// FeedWindow keeps the events that end on or after the first day of the
// month monthsBack months before now's month, in loc (UTC when nil), and
// every event ahead; the order is kept. With a zero now it keeps them all.
func FeedWindow(events []Event, now time.Time, loc *time.Location, monthsBack int) []Event {
	if now.IsZero() {
		return events
	}
	if loc == nil {
		loc = time.UTC
	}
	n := now.In(loc)
	from := time.Date(n.Year(), n.Month()-time.Month(monthsBack), 1, 0, 0, 0, 0, loc)
	var out []Event
	for _, e := range events {
		end := e.End
		if end.IsZero() || end.Before(e.Start) {
			end = e.Start
		}
		if e.AllDay || end.After(e.Start) {
			// End is exclusive: an event that ends at from ended before it.
			if end.After(from) {
				out = append(out, e)
			}
			continue
		}
		if !end.Before(from) {
			out = append(out, e)
		}
	}
	return out
}

// Webcal turns an absolute http(s) URL into the webcal:// form calendar
// apps open as a subscription; other URLs are returned as they are.
func Webcal(absURL string) string {
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(absURL, p) {
			return "webcal://" + absURL[len(p):]
		}
	}
	return absURL
}
