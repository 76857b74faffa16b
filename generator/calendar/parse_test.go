package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"
)

// TestFeedsParse reads both feeds of the fixture site back with an
// independent iCalendar parser and checks the calendar's properties and
// every field of every event against the events they came from.
func TestFeedsParse(t *testing.T) {
	s := loadSite(t, fixtureSite)
	loc := seoul(t)
	events := Events(s)
	byUID := map[string]Event{}
	for _, e := range events {
		byUID[e.UID] = e
	}
	feeds := Feeds(s, events)
	wantCounts := map[string]int{CalendarFeed: len(events), ReleasesFeed: len(ReleaseEvents(events))}
	if wantCounts[ReleasesFeed] == 0 || wantCounts[ReleasesFeed] == len(events) {
		t.Fatalf("the fixture should have release and other events")
	}

	for _, f := range feeds {
		t.Run(f.Path, func(t *testing.T) {
			cal, err := ical.NewDecoder(bytes.NewReader(f.Data)).Decode()
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			// The parser's encoder checks cardinalities (one VERSION, one
			// PRODID, one UID and DTSTAMP per event, not DTEND with
			// DURATION).
			if err := ical.NewEncoder(&bytes.Buffer{}).Encode(cal); err != nil {
				t.Errorf("re-encode: %v", err)
			}
			for prop, want := range map[string]string{
				ical.PropVersion:       "2.0",
				ical.PropProductID:     DefaultProdID,
				ical.PropCalendarScale: "GREGORIAN",
				ical.PropMethod:        "PUBLISH",
				"X-WR-TIMEZONE":        "Asia/Seoul",
				"X-WR-CALNAME":         f.Name,
				"X-WR-CALDESC":         "Releases, incidents; and follow-ups",
				"X-PUBLISHED-TTL":      "PT6H",
			} {
				got, err := cal.Props.Text(prop)
				if err != nil || got != want {
					t.Errorf("%s = %q (%v), want %q", prop, got, err, want)
				}
			}

			if p := cal.Props.Get(ical.PropRefreshInterval); p == nil {
				t.Error("no REFRESH-INTERVAL")
			} else if d, err := p.Duration(); err != nil || d != 6*time.Hour {
				t.Errorf("REFRESH-INTERVAL = %v (%v), want 6h", d, err)
			}

			var stamp time.Time
			for _, e := range events {
				if e.LastModified.After(stamp) && (f.Path == CalendarFeed || e.Kind.IsRelease()) {
					stamp = e.LastModified
				}
			}
			parsed := cal.Events()
			if len(parsed) != wantCounts[f.Path] {
				t.Errorf("%d events, want %d", len(parsed), wantCounts[f.Path])
			}
			for i := range parsed {
				checkParsedEvent(t, &parsed[i], byUID, loc, stamp, f.Path == ReleasesFeed)
			}
		})
	}
}

// checkParsedEvent compares one parsed VEVENT with the event of its UID.
func checkParsedEvent(t *testing.T, pe *ical.Event, byUID map[string]Event, loc *time.Location, stamp time.Time, releasesOnly bool) {
	t.Helper()
	text := func(name string) string {
		t.Helper()
		p := pe.Props.Get(name)
		if p == nil {
			return ""
		}
		v, err := p.Text()
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		return v
	}
	uid := text(ical.PropUID)
	e, ok := byUID[uid]
	if !ok {
		t.Errorf("unknown UID %q", uid)
		return
	}
	if releasesOnly && !e.Kind.IsRelease() {
		t.Errorf("%s: %s in the releases feed", uid, e.Kind)
	}
	fail := func(field string, got, want any) {
		t.Helper()
		t.Errorf("%s: %s = %v, want %v", uid, field, got, want)
	}

	if got, err := pe.Props.DateTime(ical.PropDateTimeStamp, nil); err != nil || !got.Equal(stamp) {
		fail("DTSTAMP", got, stamp)
	}
	if p := pe.Props.Get(ical.PropDateTimeStamp); p == nil || !strings.HasSuffix(p.Value, "Z") {
		t.Errorf("%s: DTSTAMP not in UTC", uid)
	}
	start := pe.Props.Get(ical.PropDateTimeStart)
	end := pe.Props.Get(ical.PropDateTimeEnd)
	if e.AllDay {
		if start == nil || end == nil || start.ValueType() != ical.ValueDate || end.ValueType() != ical.ValueDate {
			t.Errorf("%s: all-day DTSTART/DTEND not DATE values", uid)
			return
		}
		s, err1 := start.DateTime(loc)
		en, err2 := end.DateTime(loc)
		if err1 != nil || err2 != nil || !s.Equal(e.Start) || !en.Equal(e.End) {
			fail("DATE span", s.String()+" – "+en.String(), e.Start.String()+" – "+e.End.String())
		}
		if !en.After(s) {
			t.Errorf("%s: DTEND not after DTSTART", uid)
		}
	} else {
		if start == nil || !strings.HasSuffix(start.Value, "Z") {
			t.Errorf("%s: timed DTSTART not in UTC", uid)
			return
		}
		if s, err := start.DateTime(nil); err != nil || !s.Equal(e.Start) {
			fail("DTSTART", s, e.Start)
		}
		switch {
		case e.End.IsZero() && end != nil:
			t.Errorf("%s: DTEND without an end", uid)
		case !e.End.IsZero():
			if en, err := pe.Props.DateTime(ical.PropDateTimeEnd, nil); err != nil || !en.Equal(e.End) {
				fail("DTEND", en, e.End)
			}
		}
	}
	if got := text(ical.PropSummary); got != e.Summary {
		fail("SUMMARY", got, e.Summary)
	}
	link := "https://harbor.example.org/almanac" + e.URL
	if u, err := pe.Props.URI(ical.PropURL); err != nil || u == nil || u.String() != link {
		fail("URL", u, link)
	}
	if got, want := text(ical.PropDescription), e.Description+"\n\n"+link; got != want {
		fail("DESCRIPTION", got, want)
	}
	if p := pe.Props.Get(ical.PropCategories); p == nil {
		t.Errorf("%s: no CATEGORIES", uid)
	} else if got, err := p.TextList(); err != nil || strings.Join(got, "|") != strings.Join(e.Categories, "|") {
		fail("CATEGORIES", got, e.Categories)
	}
	wantStatus := map[Kind]map[string]ical.EventStatus{
		KindRelease:    {"planned": ical.EventTentative, "cancelled": ical.EventCancelled},
		KindMilestone:  {"planned": ical.EventTentative, "cancelled": ical.EventCancelled},
		KindActionItem: {"wont_do": ical.EventCancelled},
	}[e.Kind][e.Status]
	if wantStatus == "" {
		wantStatus = ical.EventConfirmed
	}
	if got, err := pe.Status(); err != nil || got != wantStatus {
		fail("STATUS", got, wantStatus)
	}
	if got, err := pe.Props.DateTime(ical.PropLastModified, nil); err != nil || !got.Equal(e.LastModified) {
		fail("LAST-MODIFIED", got, e.LastModified)
	}
	if got := text(ical.PropTransparency); got != "TRANSPARENT" {
		fail("TRANSP", got, "TRANSPARENT")
	}
}
