package render_test

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"almanac/generator/build"
	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
)

// calSite is a small team site whose dates sit on the edges of the
// calendar: a release on New Year's Eve and a rollback the next day, a
// release planned for 31 January, one for the leap day of 2028, an
// incident and action items, and a Korean title longer than 75 octets.
const calSite = `
-- almanac.toml --
title = "Edge team"
base_url = "https://edge.example.org/team/"
language = "en"
time_zone = "Asia/Seoul"
-- content/releases/1.0.0.md --
---
version: 1.0.0
title: 연말 정산 배치와 휴일 캘린더를 함께 바꾸는 큰 릴리스
status: rolled_back
planned_date: 2026-12-31
released_at: 2026-12-31T10:00:00+09:00
rolled_back_at: 2027-01-01T09:30:00+09:00
milestones:
  - name: Code freeze
    date: 2026-12-24
---
New Year's Eve.
-- content/releases/1.1.0.md --
---
version: 1.1.0
title: Month end
status: planned
planned_date: 2027-01-31
---
The 31st.
-- content/releases/2.0.0.md --
---
version: 2.0.0
title: Leap day
status: planned
planned_date: 2028-02-29
milestones:
  - name: Scope freeze
    date: 2028-02-01
---
Once in four years.
-- content/postmortems/2027-01-01-rollback.md --
---
id: PM-2027-001
title: Batch stalled after 1.0.0
date: 2027-01-01
status: published
severity: SEV2
root_causes: ["The batch waited on a lock the migration held."]
trigger: deploy
releases: [1.0.0]
started_at: 2026-12-31T23:10:00+09:00
mitigated_at: 2027-01-01T09:30:00+09:00
resolved_at: 2027-01-01T11:00:00+09:00
action_items:
  - title: Rehearse year-end batches
    status: open
    due: 2027-01-15
  - title: Alert on stalled batches
    status: done
    due: 2027-01-05
---
What happened.
`

// buildCal builds a site written as -- path -- sections at now into
// memory, with the repository's theme.
func buildCal(t *testing.T, site string, now time.Time) *output.Memory {
	t.Helper()
	b, err := build.New(build.Options{Source: sitetest.Parse(site), Theme: os.DirFS("../..")})
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	if _, err := b.Generate(context.Background(), now, mem); err != nil {
		t.Fatal(err)
	}
	return mem
}

func file(t *testing.T, out *output.Memory, name string) string {
	t.Helper()
	b, ok := out.Get(name)
	if !ok {
		t.Fatalf("no output file %s", name)
	}
	return string(b)
}

var seoul = time.FixedZone("KST", 9*3600)

// TestCalendarFeedsBuilt reads the feeds of a whole build with a real
// iCalendar parser, and checks that a second build (another day, another
// base URL path) gives the same UIDs.
func TestCalendarFeedsBuilt(t *testing.T) {
	first := buildCal(t, calSite, time.Date(2027, 3, 10, 9, 0, 0, 0, seoul))
	second := buildCal(t, strings.Replace(calSite, "/team/", "/almanac/", 1), time.Date(2027, 6, 1, 9, 0, 0, 0, seoul))

	uidsOf := func(out *output.Memory, name string) []string {
		data := []byte(file(t, out, name))
		if !bytes.Contains(data, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
			t.Errorf("%s: lines must end in CRLF", name)
		}
		cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var uids []string
		for _, e := range cal.Events() {
			uid, err := e.Props.Text(ical.PropUID)
			if err != nil || uid == "" {
				t.Errorf("%s: event without UID (%v)", name, err)
			}
			if _, err := e.DateTimeStart(nil); err != nil {
				t.Errorf("%s %s: DTSTART: %v", name, uid, err)
			}
			if p := e.Props.Get(ical.PropDateTimeStamp); p == nil || !strings.HasSuffix(p.Value, "Z") {
				t.Errorf("%s %s: DTSTAMP must be UTC, got %v", name, uid, p)
			}
			uids = append(uids, uid)
		}
		slices.Sort(uids)
		return uids
	}

	all := uidsOf(first, "calendar.ics")
	want := []string{
		"action-pm-2027-001-1@edge.example.org", "action-pm-2027-001-2@edge.example.org",
		"milestone-1.0.0-code-freeze@edge.example.org", "milestone-2.0.0-scope-freeze@edge.example.org",
		"pm-2027-001@edge.example.org",
		"release-1.0.0@edge.example.org", "release-1.1.0@edge.example.org", "release-2.0.0@edge.example.org",
		"rollback-1.0.0@edge.example.org",
	}
	if !slices.Equal(all, want) {
		t.Errorf("calendar.ics UIDs:\n got %v\nwant %v", all, want)
	}
	rel := uidsOf(first, "releases.ics")
	for _, u := range rel {
		if strings.HasPrefix(u, "pm-") || strings.HasPrefix(u, "action-") {
			t.Errorf("releases.ics has %s", u)
		}
	}
	if len(rel) != 6 {
		t.Errorf("releases.ics has %d events, want 6: %v", len(rel), rel)
	}
	for _, name := range []string{"calendar.ics", "releases.ics"} {
		a, b := uidsOf(first, name), uidsOf(second, name)
		if !slices.Equal(a, b) {
			t.Errorf("%s: UIDs differ between builds:\n%v\n%v", name, a, b)
		}
	}

	// The Korean title comes back whole from the folded lines.
	cal, err := ical.NewDecoder(strings.NewReader(file(t, first, "releases.ics"))).Decode()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range cal.Events() {
		if uid, _ := e.Props.Text(ical.PropUID); uid == "release-1.0.0@edge.example.org" {
			sum, _ := e.Props.Text(ical.PropSummary)
			found = sum == "Release 1.0.0: 연말 정산 배치와 휴일 캘린더를 함께 바꾸는 큰 릴리스"
			if !found {
				t.Errorf("SUMMARY = %q", sum)
			}
			if u, err := e.Props.URI(ical.PropURL); err != nil || u == nil || u.String() != "https://edge.example.org/team/releases/1.0.0/" {
				t.Errorf("URL = %v (%v)", u, err)
			}
		}
	}
	if !found {
		t.Error("release 1.0.0 missing from releases.ics")
	}
}

// cell returns the grid cell of a day on a month page.
func cell(t *testing.T, page, day string) string {
	t.Helper()
	re := regexp.MustCompile(`(?s)<td class="cal-day[^"]*" data-date="` + day + `".*?</td>`)
	m := re.FindString(page)
	if m == "" {
		t.Fatalf("no cell for %s", day)
	}
	return m
}

// navLink returns the href of the month page's rel=prev or rel=next link,
// "" when there is none.
func navLink(page, rel string) string {
	m := regexp.MustCompile(`rel="` + rel + `" href="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return m[1]
}

// TestCalendarMonthPages checks the month pages at the edges: a month
// without events, a release on the 31st, a leap day, the turn of a year.
func TestCalendarMonthPages(t *testing.T) {
	out := buildCal(t, calSite, time.Date(2027, 3, 10, 9, 0, 0, 0, seoul))
	const base = "/team/calendar/"

	t.Run("month without events", func(t *testing.T) {
		idx := file(t, out, "calendar/index.html")
		grid := regexp.MustCompile(`(?s)<table class="cal-grid">.*</table>`)
		if g := grid.FindString(idx); g == "" || g != grid.FindString(file(t, out, "calendar/2027/03/index.html")) {
			t.Error("/calendar/ shows another grid than its month's page")
		}
		for _, want := range []string{"<h1>March 2027</h1>", "Nothing is on the calendar this month.", "No events this month"} {
			if !strings.Contains(idx, want) {
				t.Errorf("/calendar/ lacks %q", want)
			}
		}
		if !strings.Contains(cell(t, idx, "2027-03-10"), `aria-current="date"`) {
			t.Error("today (2027-03-10) is not marked")
		}
		if got := navLink(idx, "prev"); got != base+"2027/01/" {
			t.Errorf("prev = %q, want January 2027", got)
		}
		if got := navLink(idx, "next"); got != base+"2028/02/" {
			t.Errorf("next = %q, want February 2028", got)
		}
		if _, ok := out.Get("calendar/2027/02/index.html"); ok {
			t.Error("February 2027 has no events and is not now, yet has a page")
		}
	})

	t.Run("release on the 31st", func(t *testing.T) {
		jan := file(t, out, "calendar/2027/01/index.html")
		c := cell(t, jan, "2027-01-31")
		if !strings.Contains(c, `href="/team/releases/1.1.0/"`) || !strings.Contains(c, ">planned<") {
			t.Errorf("31 January lacks release 1.1.0 with its status:\n%s", c)
		}
		if !strings.Contains(jan, `id="d-2027-01-31"`) {
			t.Error("the list lacks 31 January")
		}
		// 31 January 2027 is a Sunday: the grid ends with it.
		if n := strings.Count(jan, "<tr>") - 1; n != 5 {
			t.Errorf("January 2027 has %d weeks, want 5", n)
		}
	})

	t.Run("leap day", func(t *testing.T) {
		feb := file(t, out, "calendar/2028/02/index.html")
		c := cell(t, feb, "2028-02-29")
		if !strings.Contains(c, `href="/team/releases/2.0.0/"`) {
			t.Errorf("29 February 2028 lacks release 2.0.0:\n%s", c)
		}
		if !strings.Contains(cell(t, feb, "2028-03-01"), "cal-day out") {
			t.Error("1 March 2028 should close the grid as a day of the next month")
		}
		if strings.Contains(feb, `href="/team/calendar/2028/03/"`) {
			t.Error("March 2028 has no page, yet is linked")
		}
		if got := navLink(feb, "next"); got != "" {
			t.Errorf("the last month links next to %q", got)
		}
	})

	// The list of months names the months of the page's year and links
	// each other year to its first month page.
	t.Run("list of months", func(t *testing.T) {
		nav := regexp.MustCompile(`(?s)<nav class="cal-months".*?</nav>`)
		for page, months := range map[string][]string{
			"2027/01": {"January", "March"},
			"2026/12": {"December"},
			"2028/02": {"February"},
		} {
			got := nav.FindString(file(t, out, "calendar/"+page+"/index.html"))
			var names []string
			for _, m := range regexp.MustCompile(`<li><a href="[^"]*"[^>]*>([A-Za-z]+)</a>`).FindAllStringSubmatch(got, -1) {
				names = append(names, m[1])
			}
			if !slices.Equal(names, months) {
				t.Errorf("%s lists the months %v, want %v", page, names, months)
			}
			year := page[:4]
			for y, first := range map[string]string{"2026": "2026/12", "2027": "2027/01", "2028": "2028/02"} {
				link := `<a class="cal-year" href="` + base + first + `/">` + y + `</a>`
				if strings.Contains(got, link) == (y == year) {
					t.Errorf("%s: link to %s is %v, want %v", page, y, y != year, y == year)
				}
			}
		}
	})

	t.Run("year boundary", func(t *testing.T) {
		dec := file(t, out, "calendar/2026/12/index.html")
		jan := file(t, out, "calendar/2027/01/index.html")
		if got := navLink(dec, "next"); got != base+"2027/01/" {
			t.Errorf("December 2026 next = %q", got)
		}
		if got := navLink(jan, "prev"); got != base+"2026/12/" {
			t.Errorf("January 2027 prev = %q", got)
		}
		if got := navLink(dec, "prev"); got != "" {
			t.Errorf("the first month links prev to %q", got)
		}
		if c := cell(t, dec, "2026-12-31"); !strings.Contains(c, "1.0.0") || !strings.Contains(c, "23:10") {
			t.Errorf("31 December lacks the release or the incident's start:\n%s", c)
		}
		// The incident runs into the new year: January shows it without
		// its start time, and December's grid shows 1 January's cell
		// without events.
		if c := cell(t, jan, "2027-01-01"); !strings.Contains(c, "Batch stalled") || strings.Contains(c, "23:10") || !strings.Contains(c, "rollback") {
			t.Errorf("1 January:\n%s", c)
		}
		if c := cell(t, dec, "2027-01-01"); !strings.Contains(c, "cal-day out") || strings.Contains(c, "cal-ev") {
			t.Errorf("December's 1 January cell:\n%s", c)
		}
	})
}
