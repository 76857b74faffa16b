package render

import (
	"strings"
	"testing"
	"time"

	"almanac/generator/site"
)

func TestBuildTimeline(t *testing.T) {
	pm := &site.Page{PostMortem: &site.PostMortem{
		StartedAt:   at("2026-04-20 10:02"),
		DetectedAt:  at("2026-04-20 10:22"),
		MitigatedAt: at("2026-04-20 12:07"),
		Timeline: []site.TimelineEvent{
			{At: at("2026-04-20 10:22"), Event: "alert"},
			{At: at("2026-04-20 10:00"), Event: "deploy"},
			{At: at("2026-04-20 10:22"), Event: "second at the same minute"},
		},
	}}
	var got []string
	for _, m := range buildTimeline(pm) {
		s := m.At.Format("15:04") + " " + m.Event
		if m.Mark != "" {
			s += " [" + m.Mark + " +" + m.After.String() + "]"
		}
		got = append(got, s)
	}
	want := []string{
		"10:00 deploy",
		"10:02  [started +0s]",
		"10:22 alert [detected +20m0s]",
		"10:22 second at the same minute",
		"12:07  [mitigated +2h5m0s]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("timeline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if buildTimeline(&site.Page{}) != nil {
		t.Errorf("a page without a post-mortem has no timeline")
	}
}

func TestBuildChangelog(t *testing.T) {
	story := func(id, cat string) *site.Page { return &site.Page{Story: &site.Story{ID: id, Changelog: cat}} }
	rel := &site.Page{Release: &site.Release{Stories: []*site.Page{
		story("S-1", "fixed"), story("S-2", "added"), story("S-3", ""), story("S-4", "security"),
		story("S-5", "added"), story("S-6", "bogus"),
	}}}
	var got []string
	for _, g := range buildChangelog(rel) {
		var ids []string
		for _, s := range g.Stories {
			ids = append(ids, s.Story.ID)
		}
		got = append(got, g.Category+": "+strings.Join(ids, ","))
	}
	want := "added: S-2,S-5 | fixed: S-1 | security: S-4 | other: S-3,S-6"
	if strings.Join(got, " | ") != want {
		t.Errorf("changelog = %q, want %q", strings.Join(got, " | "), want)
	}
}

func TestViews(t *testing.T) {
	s := fixture("en", "")
	v := newViews(s)
	if v.Next == nil || v.Next.Release.Version != "1.5.0" {
		t.Errorf("next release = %v, want 1.5.0", v.Next)
	}
	var latest []string
	for _, p := range v.Latest {
		latest = append(latest, p.Release.Version)
	}
	if got := strings.Join(latest, " "); got != "1.4.1 1.4.0 1.3.0" {
		t.Errorf("latest = %s", got)
	}
	var actions []string
	for _, a := range v.OpenActions {
		actions = append(actions, a.Item.Title)
	}
	want := []string{
		"Alert on pool usage at 70 %",                               // overdue first
		"Load-test staging with a production-sized webhook backlog", // then by due date
		"Show provider status on our status page",                   // undated last
	}
	if strings.Join(actions, "|") != strings.Join(want, "|") {
		t.Errorf("open actions = %q, want %q", actions, want)
	}
	if v.Overdue != 1 {
		t.Errorf("overdue = %d, want 1", v.Overdue)
	}
	for i, col := range v.Board {
		if col.Status != site.StoryStatuses[i] {
			t.Errorf("board column %d = %s", i, col.Status)
		}
	}
	if n := len(v.Board[4].Stories); n != 3 {
		t.Errorf("done column has %d stories, want 3", n)
	}
	// A site moved past every due date sees every open item overdue.
	s.Now = s.Now.Add(365 * 24 * time.Hour)
	if v := newViews(s); v.Overdue != 2 {
		t.Errorf("a year later overdue = %d, want 2 (one item has no due date)", v.Overdue)
	}
}
