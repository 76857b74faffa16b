package calendar

import (
	"strings"
	"testing"
	"time"
)

func TestEventsFromSite(t *testing.T) {
	s := loadSite(t, fixtureSite)
	loc := seoul(t)
	events := Events(s)

	type want struct {
		kind       Kind
		allDay     bool
		start, end string // all-day: dates; timed: RFC 3339 in UTC
		status     string
		summary    string
		url        string
	}
	day := func(e Event) (string, string) {
		if e.AllDay {
			return e.Start.In(loc).Format("2006-01-02"), e.End.In(loc).Format("2006-01-02")
		}
		end := ""
		if !e.End.IsZero() {
			end = e.End.UTC().Format(time.RFC3339)
		}
		return e.Start.UTC().Format(time.RFC3339), end
	}
	wants := map[string]want{
		"milestone-1.4.0-code-freeze@harbor.example.org": {KindMilestone, true, "2026-10-27", "2026-10-28", "released", "Code freeze · 1.4.0", "/releases/1.4.0/"},
		"release-1.4.0@harbor.example.org":               {KindRelease, true, "2026-10-31", "2026-11-01", "released", "Release 1.4.0: Faster payouts; fewer retries, at last", "/releases/1.4.0/"},
		"release-1.4.1@harbor.example.org":               {KindRelease, true, "2026-11-02", "2026-11-03", "rolled_back", "Release 1.4.1: Retry fix", "/releases/1.4.1/"},
		"rollback-1.4.1@harbor.example.org":              {KindRollback, true, "2026-11-03", "2026-11-04", "rolled_back", "Rolled back 1.4.1", "/releases/1.4.1/"},
		"pm-2026-003@harbor.example.org":                 {KindIncident, false, "2026-11-02T06:10:00Z", "2026-11-02T08:45:00Z", "published", "SEV2 PM-2026-003: Retry storm after 1.4.1", ""},
		"action-pm-2026-003-1@harbor.example.org":        {KindActionItem, true, "2026-11-16", "2026-11-17", "open", "Due: Cap retries per merchant (PM-2026-003)", ""},
		"action-pm-2026-003-3@harbor.example.org":        {KindActionItem, true, "2026-11-30", "2026-12-01", "wont_do", "Due: Replace the queue, for good (PM-2026-003)", ""},
		"pm-2026-004@harbor.example.org":                 {KindIncident, true, "2026-11-19", "2026-11-20", "draft", "SEV4 PM-2026-004: 은행 배치 창 설정 오류", ""},
		"milestone-1.5.0-code-freeze@harbor.example.org": {KindMilestone, true, "2026-12-21", "2026-12-22", "planned", "Code freeze · 1.5.0", ""},
		"release-1.5.0@harbor.example.org":               {KindRelease, true, "2026-12-31", "2027-01-01", "planned", "", ""},
		"milestone-2.0.0-code-freeze@harbor.example.org": {KindMilestone, true, "2027-01-05", "2027-01-06", "cancelled", "", ""},
		"release-1.6.0@harbor.example.org":               {KindRelease, true, "2027-01-07", "2027-01-08", "frozen", "Release 1.6.0", ""},
		"release-2.0.0@harbor.example.org":               {KindRelease, true, "2027-01-15", "2027-01-16", "cancelled", "Release 2.0.0: Ledger rewrite", ""},
	}
	seen := map[string]bool{}
	var koreanMilestone bool
	for i, e := range events {
		if seen[e.UID] {
			t.Errorf("duplicate UID %s", e.UID)
		}
		seen[e.UID] = true
		if i > 0 && less(&events[i], &events[i-1]) {
			t.Errorf("events not sorted at %d: %s after %s", i, e.UID, events[i-1].UID)
		}
		if e.Page == nil || e.Source == "" || e.URL == "" || e.LastModified.IsZero() {
			t.Errorf("%s: missing page, source, URL or last-modified: %+v", e.UID, e)
		}
		if e.Kind == KindMilestone && e.Title == "릴리스 후보" {
			koreanMilestone = true
			if !strings.HasPrefix(e.UID, "milestone-1.4.0-m") {
				t.Errorf("Korean milestone UID = %s, want a hashed key", e.UID)
			}
			continue
		}
		w, ok := wants[e.UID]
		if !ok {
			t.Errorf("unexpected event %s", e.UID)
			continue
		}
		start, end := day(e)
		if e.Kind != w.kind || e.AllDay != w.allDay || start != w.start || end != w.end || e.Status != w.status {
			t.Errorf("%s = {%s allDay=%v %s..%s %s}, want {%s allDay=%v %s..%s %s}",
				e.UID, e.Kind, e.AllDay, start, end, e.Status, w.kind, w.allDay, w.start, w.end, w.status)
		}
		if w.summary != "" && e.Summary != w.summary {
			t.Errorf("%s: summary %q, want %q", e.UID, e.Summary, w.summary)
		}
		if w.url != "" && e.URL != w.url {
			t.Errorf("%s: URL %q, want %q", e.UID, e.URL, w.url)
		}
	}
	if !koreanMilestone {
		t.Error("the Korean milestone gave no event")
	}
	for u := range wants {
		if !seen[u] {
			t.Errorf("missing event %s", u)
		}
	}
	if n := len(wants) + 1; len(events) != n {
		t.Errorf("%d events, want %d (the action item without due gives none)", len(events), n)
	}
}

func TestLastModified(t *testing.T) {
	utc := func(mo time.Month, d, h int) time.Time { return time.Date(2026, mo, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		lastmod string // 1.5.0's lastmod
		want    map[string]time.Time
	}{
		{
			// 1.5.0's lastmod is the newest recorded moment, so pages
			// without one take it too.
			"newest is a lastmod", "2026-11-20",
			map[string]time.Time{"1.5.0": utc(11, 19, 15), "1.4.0": utc(11, 19, 15), "2.0.0": utc(11, 19, 15)},
		},
		{
			// PM-2026-004's date (2026-11-19 in Seoul) is newer than the
			// lastmod; the cancelled 2.0.0, planned for 2027, never gets
			// its own future date.
			"newest is a post-mortem", "2026-11-01",
			map[string]time.Time{"1.5.0": utc(10, 31, 15), "1.4.0": utc(11, 18, 15), "2.0.0": utc(11, 18, 15)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(fixtureSite, "lastmod: 2026-11-20", "lastmod: "+tt.lastmod, 1)
			seen := 0
			for _, e := range Events(loadSite(t, src)) {
				want, ok := tt.want[e.Ref]
				if !ok || e.Kind != KindRelease {
					continue
				}
				seen++
				if !e.LastModified.Equal(want) {
					t.Errorf("%s: LastModified %v, want %v", e.UID, e.LastModified, want)
				}
			}
			if seen != len(tt.want) {
				t.Errorf("checked %d releases, want %d", seen, len(tt.want))
			}
		})
	}
}

func TestUIDHost(t *testing.T) {
	tests := []struct{ base, want string }{
		{"https://Team.Example.org/docs/", "team.example.org"},
		{"https://team.example.org:8443/", "team.example.org"},
		{"/", "almanac"},
		{"", "almanac"},
		{"::bad", "almanac"},
	}
	for _, tt := range tests {
		if got := uidHost(tt.base); got != tt.want {
			t.Errorf("uidHost(%q) = %q, want %q", tt.base, got, tt.want)
		}
	}
}

func TestMilestoneKeys(t *testing.T) {
	got := milestoneKeys([]string{"Code freeze", "Go/no-go", "Code  Freeze", "코드 프리즈", "코드 프리즈", "code-freeze-2"})
	want := []string{"code-freeze", "go-no-go", "code-freeze-2", got[3], got[3] + "-2", "code-freeze-2-2"}
	if !strings.HasPrefix(got[3], "m") || len(got[3]) != 9 {
		t.Errorf("hashed key %q, want m + 8 hex digits", got[3])
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("key %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestLabelsKorean(t *testing.T) {
	s := loadSite(t, strings.Replace(fixtureSite, `language = "en"`, `language = "ko"`, 1))
	for _, e := range Events(s) {
		if e.UID == "release-1.6.0@harbor.example.org" && e.Summary != "릴리스 1.6.0" {
			t.Errorf("Korean summary %q", e.Summary)
		}
	}
}
