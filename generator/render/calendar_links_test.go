package render_test

import (
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"
)

// TestCalendarEmptySite builds a site with nothing dated: /calendar/ is
// this month, says so, and links nowhere; the feeds are valid and empty.
func TestCalendarEmptySite(t *testing.T) {
	out := buildCal(t, `
-- almanac.toml --
title = "Quiet team"
base_url = "/"
time_zone = "Asia/Seoul"
-- content/about.md --
---
title: About
---
Nothing dated yet.
`, time.Date(2026, 2, 1, 0, 30, 0, 0, seoul))
	page := file(t, out, "calendar/index.html")
	for _, want := range []string{"<h1>February 2026</h1>", "Nothing is on the calendar this month.", `data-date="2026-02-01" aria-current="date"`} {
		if !strings.Contains(page, want) {
			t.Errorf("/calendar/ lacks %s", want)
		}
	}
	if navLink(page, "prev") != "" || navLink(page, "next") != "" {
		t.Error("a calendar without events links to other months")
	}
	for _, name := range []string{"calendar.ics", "releases.ics"} {
		cal, err := ical.NewDecoder(strings.NewReader(file(t, out, name))).Decode()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n := len(cal.Events()); n != 0 {
			t.Errorf("%s has %d events", name, n)
		}
	}
}

// TestCalendarLinks checks what the other pages link: the nav, the
// footer's feed, the subscribe links, the upcoming releases.
func TestCalendarLinks(t *testing.T) {
	out := buildCal(t, calSite, time.Date(2027, 1, 20, 9, 0, 0, 0, seoul))
	home := file(t, out, "index.html")
	for _, want := range []string{
		`<a href="/team/calendar/">Calendar</a>`,
		`<a href="/team/calendar.ics" type="text/calendar">iCalendar</a>`,
		`href="webcal://edge.example.org/team/releases.ics"`,
		// 1.1.0 is the next release (its card); 2.0.0 follows it.
		`<h3 class="then">After that</h3>`,
		`<a class="ver" href="/team/releases/2.0.0/">2.0.0</a>`,
		`<time class="mono" datetime="2028-02-29">2028-02-29</time>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home lacks %s", want)
		}
	}
	if strings.Count(home, `href="/team/releases/1.1.0/"`) != 1 {
		t.Error("home shows 1.1.0 more than once")
	}
	cal := file(t, out, "calendar/index.html")
	for _, want := range []string{
		`<a class="cal-button" href="webcal://edge.example.org/team/calendar.ics">`,
		`<code>https://edge.example.org/team/releases.ics</code>`,
		`<a href="/team/calendar/" aria-current="page">Calendar</a>`,
	} {
		if !strings.Contains(cal, want) {
			t.Errorf("/calendar/ lacks %s", want)
		}
	}

	// Without a host in base_url there is no webcal link, and the page
	// says what would give one.
	local := buildCal(t, strings.Replace(calSite, "https://edge.example.org/team/", "/", 1), time.Date(2027, 1, 20, 9, 0, 0, 0, seoul))
	cal = file(t, local, "calendar/index.html")
	if strings.Contains(cal, "webcal://") && !strings.Contains(cal, "webcal:// link appears") {
		t.Error("a webcal link without a host")
	}
	for _, want := range []string{`<a class="cal-feed-link" href="/calendar.ics">/calendar.ics</a>`, "base_url"} {
		if !strings.Contains(cal, want) {
			t.Errorf("/calendar/ with base_url \"/\" lacks %s", want)
		}
	}
}
