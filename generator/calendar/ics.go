package calendar

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// DefaultProdID is the PRODID of feeds whose options name none.
const DefaultProdID = "-//almanac//calendar//EN"

// ICSOptions describe one iCalendar feed.
type ICSOptions struct {
	Name        string // the calendar's name (NAME, X-WR-CALNAME)
	Description string // optional (X-WR-CALDESC)
	// TimeZone is the IANA name of the site's zone (X-WR-TIMEZONE); "UTC"
	// when empty. Timed events are written in UTC whatever it says.
	TimeZone string
	// BaseURL is the site's absolute base URL; event URLs are resolved
	// against it. Without a scheme and host events carry no URL.
	BaseURL string
	ProdID  string // DefaultProdID when empty
	// Stamp is every event's DTSTAMP. When zero, the newest LastModified
	// among the events is used, so the bytes depend on the content alone.
	Stamp time.Time
	// Refresh is how often subscribers should fetch the feed again
	// (REFRESH-INTERVAL, X-PUBLISHED-TTL); six hours when zero.
	Refresh time.Duration
}

// ICS writes events as an iCalendar object (RFC 5545): one VCALENDAR with
// a VEVENT per event, sorted by start, kind and UID; CRLF line ends; lines
// folded at 75 octets between UTF-8 characters. All-day events are DATE
// values taken in the zone their Start carries, with an exclusive DTEND;
// timed events are DATE-TIME values in UTC.
func ICS(events []Event, opts ICSOptions) []byte {
	sorted := inOrder(events)
	stamp := opts.Stamp
	if stamp.IsZero() {
		stamp = newest(sorted)
	}
	prodID := opts.ProdID
	if prodID == "" {
		prodID = DefaultProdID
	}
	zone := opts.TimeZone
	if zone == "" {
		zone = "UTC"
	}
	refresh := opts.Refresh
	if refresh <= 0 {
		refresh = 6 * time.Hour
	}

	var buf bytes.Buffer
	writeLine(&buf, "BEGIN", "VCALENDAR")
	writeLine(&buf, "VERSION", "2.0")
	writeLine(&buf, "PRODID", escapeText(prodID))
	writeLine(&buf, "CALSCALE", "GREGORIAN")
	writeLine(&buf, "METHOD", "PUBLISH")
	if opts.Name != "" {
		writeLine(&buf, "NAME", escapeText(opts.Name))
		writeLine(&buf, "X-WR-CALNAME", escapeText(opts.Name))
	}
	if opts.Description != "" {
		writeLine(&buf, "X-WR-CALDESC", escapeText(opts.Description))
	}
	writeLine(&buf, "X-WR-TIMEZONE", escapeText(zone))
	writeLine(&buf, "REFRESH-INTERVAL;VALUE=DURATION", formatDuration(refresh))
	writeLine(&buf, "X-PUBLISHED-TTL", formatDuration(refresh))
	for i := range sorted {
		writeEvent(&buf, &sorted[i], stamp, opts.BaseURL)
	}
	writeLine(&buf, "END", "VCALENDAR")
	return buf.Bytes()
}

// writeEvent writes one VEVENT.
func writeEvent(buf *bytes.Buffer, e *Event, stamp time.Time, base string) {
	writeLine(buf, "BEGIN", "VEVENT")
	writeLine(buf, "UID", escapeText(e.UID))
	writeLine(buf, "DTSTAMP", formatUTC(stamp))
	if e.AllDay {
		loc := e.Start.Location()
		end := e.End
		if !end.After(e.Start) {
			end = dateOf(e.Start, loc).add(1).at(loc)
		}
		writeLine(buf, "DTSTART;VALUE=DATE", formatDate(e.Start, loc))
		writeLine(buf, "DTEND;VALUE=DATE", formatDate(end, loc))
	} else {
		writeLine(buf, "DTSTART", formatUTC(e.Start))
		if e.End.After(e.Start) {
			writeLine(buf, "DTEND", formatUTC(e.End))
		}
	}
	summary := e.Summary
	if summary == "" {
		summary = e.Title
	}
	writeLine(buf, "SUMMARY", escapeText(summary))
	link := absoluteURL(base, e.URL)
	if desc := paragraphs(e.Description, link); desc != "" {
		writeLine(buf, "DESCRIPTION", escapeText(desc))
	}
	if link != "" {
		writeLine(buf, "URL", link)
	}
	if len(e.Categories) > 0 {
		writeLine(buf, "CATEGORIES", textList(e.Categories))
	}
	writeLine(buf, "STATUS", icsStatus(e))
	writeLine(buf, "TRANSP", "TRANSPARENT")
	if !e.LastModified.IsZero() {
		writeLine(buf, "LAST-MODIFIED", formatUTC(e.LastModified))
	}
	writeLine(buf, "END", "VEVENT")
}

// icsStatus maps an event to TENTATIVE, CONFIRMED or CANCELLED: a planned
// release and its milestones are tentative, a cancelled release and its
// milestones and an action item the team won't do are cancelled, the rest
// confirmed.
func icsStatus(e *Event) string {
	switch {
	case e.Kind == KindRelease || e.Kind == KindMilestone:
		switch e.Status {
		case "planned":
			return "TENTATIVE"
		case "cancelled":
			return "CANCELLED"
		}
	case e.Kind == KindActionItem && e.Status == "wont_do":
		return "CANCELLED"
	}
	return "CONFIRMED"
}

// newest returns the latest LastModified among events, else the latest
// start, else the zero time.
func newest(events []Event) time.Time {
	var t, start time.Time
	for i := range events {
		if events[i].LastModified.After(t) {
			t = events[i].LastModified
		}
		if events[i].Start.After(start) {
			start = events[i].Start
		}
	}
	if t.IsZero() {
		return start
	}
	return t
}

// absoluteURL resolves a site-relative URL against an absolute base URL.
// It returns "" when base is not absolute or ref is empty; an absolute ref
// is kept as it is. Control characters are dropped.
func absoluteURL(base, ref string) string {
	ref = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.TrimSpace(ref))
	if ref == "" {
		return ""
	}
	if r, err := url.Parse(ref); err == nil && r.IsAbs() {
		return r.String()
	}
	b, err := url.Parse(strings.TrimSpace(base))
	if err != nil || b.Scheme == "" || b.Host == "" {
		return ""
	}
	if !strings.HasSuffix(b.Path, "/") {
		b.Path += "/"
	}
	r, err := url.Parse(strings.TrimPrefix(ref, "/"))
	if err != nil {
		return ""
	}
	return b.ResolveReference(r).String()
}

// formatDuration formats a positive duration as an RFC 5545 DURATION in
// whole minutes at least: PT6H, PT90M, P1D.
func formatDuration(d time.Duration) string {
	switch {
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("P%dD", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("PT%dH", d/time.Hour)
	}
	m := d / time.Minute
	if m < 1 {
		m = 1
	}
	return fmt.Sprintf("PT%dM", m)
}
