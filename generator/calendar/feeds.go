package calendar

import (
	"strings"

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
// it is absolute.
func Feeds(s *site.Site, events []Event) []Feed {
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
