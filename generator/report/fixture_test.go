package report

import (
	"time"

	"almanac/generator/site"
)

// at parses an RFC 3339 time; "" is the zero time.
func at(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixtureNow is the present of the fixture: 2026-Q1 and March run.
var fixtureNow = at("2026-03-20T12:00:00Z")

type fixture struct{ s *site.Site }

func (f *fixture) release(version, status, kind, releasedAt, rolledBackAt, planned string, hotfixFor ...string) *site.Page {
	p := &site.Page{Kind: site.KindRelease, Slug: version, URL: "/releases/" + version + "/", Title: "Release " + version,
		Release: &site.Release{Version: version, Status: status, ReleaseKind: kind, ReleasedAt: at(releasedAt),
			RolledBackAt: at(rolledBackAt), PlannedDate: at(planned), HotfixFor: hotfixFor}}
	f.s.Releases = append(f.s.Releases, p)
	f.s.ByVersion[version] = p
	return p
}

func (f *fixture) story(id, status, release, changelog, firstCommit, merged string, voc ...site.VOC) *site.Page {
	p := &site.Page{Kind: site.KindStory, Slug: id, URL: "/stories/" + id + "/", Title: "Story " + id,
		Story: &site.Story{ID: id, Status: status, Release: release, Changelog: changelog,
			FirstCommitAt: at(firstCommit), MergedAt: at(merged), VOC: voc}}
	f.s.Stories = append(f.s.Stories, p)
	return p
}

func (f *fixture) postmortem(id, sev, started, mitigated string, releases []string, items ...site.ActionItem) *site.Page {
	p := &site.Page{Kind: site.KindPostMortem, Slug: id, URL: "/postmortems/" + id + "/", Title: "Incident " + id,
		Date: at(started), PostMortem: &site.PostMortem{ID: id, Severity: sev, Status: "published",
			StartedAt: at(started), MitigatedAt: at(mitigated), Releases: releases, ActionItems: items}}
	f.s.PostMortems = append(f.s.PostMortems, p)
	return p
}

func item(title, status, due string) site.ActionItem {
	return site.ActionItem{Title: title, Status: status, Owner: "Mina", Due: at(due)}
}

// fixtureSite is the hand-computed site the report tests read. The
// figures each test expects are worked out beside it.
//
// 2025-Q4: 0.9.0 (S-1, lead 48 h; failed: PM-A mitigated 4 h after it,
// hotfix 0.9.1 24 h after) and 0.9.1 (S-2, 6 h). Frequency 2×7/92,
// lead median 27 h, failure 50 %, recovery 4 h, restore 2 h (PM-A).
//
// 2026-Q1 up to now (78.5 days): 1.0.0 (S-3 48 h, S-4 10 h; failed: PM-B
// mitigated 5 h after it), 1.1.0 (S-5 24 h; rolled back after 1 h), the
// hotfix 1.1.1. Frequency 3×7/78.5, lead median 24 h, failure 2/3,
// recovery median of 5 and 1 = 3 h, restore median of 3 and 0.5 = 1.75 h.
func fixtureSite() *site.Site {
	f := &fixture{s: &site.Site{Config: site.Config{Location: time.UTC, TimeZone: "UTC", RequiredChecks: []string{"security-review"}},
		ByVersion: map[string]*site.Page{}, ByID: map[string]*site.Page{}, Now: fixtureNow}}
	f.release("0.9.0", "released", "minor", "2025-11-10T10:00:00Z", "", "2025-11-10T00:00:00Z")
	f.release("0.9.1", "released", "hotfix", "2025-11-11T10:00:00Z", "", "", "0.9.0")
	f.release("1.0.0", "released", "major", "2026-01-15T10:00:00Z", "", "2026-01-15T00:00:00Z").Release.Checks = []site.ReleaseCheck{
		{Name: "security-review", Status: "passed"}, {Name: "privacy-review", Status: "passed"}}
	f.release("1.1.0", "rolled_back", "minor", "2026-02-10T10:00:00Z", "2026-02-10T11:00:00Z", "2026-02-10T00:00:00Z").Release.Checks = []site.ReleaseCheck{
		{Name: "security-review", Status: "waived", Note: "config only"}}
	f.release("1.1.1", "released", "hotfix", "2026-02-11T10:00:00Z", "", "", "1.1.0")
	f.release("1.2.0", "planned", "minor", "", "", "2026-04-02T00:00:00Z").Release.Checks = []site.ReleaseCheck{
		{Name: "privacy-review", Status: "pending"}}
	f.release("1.3.0", "cancelled", "minor", "", "", "2026-05-01T00:00:00Z")
	f.release("2.0.0", "planned", "major", "", "", "2026-07-15T00:00:00Z")

	f.story("S-1", "done", "0.9.0", "added", "2025-11-08T10:00:00Z", "2025-11-09T10:00:00Z",
		site.VOC{Source: "support", Customer: "Acme"})
	f.story("S-2", "done", "0.9.1", "fixed", "2025-11-11T04:00:00Z", "")
	f.story("S-3", "done", "1.0.0", "added", "2026-01-13T10:00:00Z", "2026-01-14T10:00:00Z",
		site.VOC{Source: "support", Customer: "Acme"}, site.VOC{Source: "sales", Customer: "Beta"})
	f.story("S-4", "done", "1.0.0", "changed", "2026-01-15T00:00:00Z", "2026-01-15T02:00:00Z",
		site.VOC{Source: "support", Customer: "Gamma"})
	f.story("S-5", "done", "1.1.0", "fixed", "2026-02-09T10:00:00Z", "2026-02-09T12:00:00Z")
	f.story("S-6", "in_progress", "1.2.0", "added", "2026-03-10T10:00:00Z", "")
	// Done, but neither merged nor shipped: in no period.
	f.story("S-7", "done", "", "", "", "")

	f.postmortem("PM-A", "SEV2", "2025-11-10T12:00:00Z", "2025-11-10T14:00:00Z", []string{"0.9.0"},
		item("Overdue from Q4, due in Q1", "open", "2026-01-10T00:00:00Z"),
		item("Done in Q4", "done", "2025-12-01T00:00:00Z"))
	f.postmortem("PM-B", "SEV1", "2026-01-15T12:00:00Z", "2026-01-15T15:00:00Z", []string{"1.0.0"},
		item("Done", "done", "2026-02-01T00:00:00Z"),
		item("Overdue", "open", "2026-03-01T00:00:00Z"),
		item("Due later", "in_progress", "2026-04-30T00:00:00Z"))
	f.postmortem("PM-C", "SEV3", "2026-03-01T00:00:00Z", "2026-03-01T00:30:00Z", nil,
		item("Dropped", "wont_do", "2026-03-10T00:00:00Z"))
	f.decision("ADR-2", "accepted", "2026-02-20T00:00:00Z")
	f.decision("ADR-1", "rejected", "2026-01-05T00:00:00Z")
	// Proposed: not made yet, in no report.
	f.decision("ADR-3", "proposed", "2026-03-02T00:00:00Z")
	return f.link()
}

func (f *fixture) decision(id, status, date string) *site.Page {
	p := &site.Page{Kind: site.KindDecision, Slug: id, URL: "/decisions/" + id + "/", Title: "Decision " + id,
		Date: at(date), Decision: &site.Decision{ID: id, Status: status}}
	f.s.Decisions = append(f.s.Decisions, p)
	return p
}

// link sets the cross references the content loader would.
func (f *fixture) link() *site.Site {
	s := f.s
	for _, p := range s.Stories {
		if r := s.ByVersion[p.Story.Release]; r != nil {
			p.Story.ReleasePage = r
			r.Release.Stories = append(r.Release.Stories, p)
		}
	}
	for _, p := range s.PostMortems {
		for _, v := range p.PostMortem.Releases {
			if r := s.ByVersion[v]; r != nil {
				p.PostMortem.ReleasePages = append(p.PostMortem.ReleasePages, r)
				r.Release.Incidents = append(r.Release.Incidents, p)
			}
		}
	}
	for _, p := range s.Releases {
		for _, v := range p.Release.HotfixFor {
			if r := s.ByVersion[v]; r != nil {
				p.Release.FixesFor = append(p.Release.FixesFor, r)
				r.Release.Hotfixes = append(r.Release.Hotfixes, p)
			}
		}
	}
	return s
}
