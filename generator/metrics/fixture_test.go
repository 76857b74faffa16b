package metrics

import (
	"time"

	"almanac/generator/site"
)

// builder makes a site.Site in Go, linked the way the content loader links
// one: stories to their release, post-mortems to the releases they name,
// hotfixes to the releases they fix.
type builder struct {
	s *site.Site
}

func newBuilder(loc *time.Location) *builder {
	if loc == nil {
		loc = time.UTC
	}
	return &builder{s: &site.Site{
		Config:    site.Config{Location: loc, TimeZone: loc.String(), MetricsWindowDays: 90},
		ByVersion: map[string]*site.Page{},
		ByID:      map[string]*site.Page{},
	}}
}

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

// release adds a release. hotfixFor lists the versions it fixes.
func (b *builder) release(version, status, releasedAt, rolledBackAt string, hotfixFor ...string) *site.Page {
	p := &site.Page{
		Kind: site.KindRelease, Slug: version, URL: "/releases/" + version + "/", Title: version,
		Release: &site.Release{
			Version: version, Status: status, ReleasedAt: at(releasedAt),
			RolledBackAt: at(rolledBackAt), HotfixFor: hotfixFor,
		},
	}
	b.s.Releases = append(b.s.Releases, p)
	b.s.ByVersion[version] = p
	return p
}

// story adds a story shipped by release (may be "").
func (b *builder) story(id, release, firstCommitAt, mergedAt string) *site.Page {
	p := &site.Page{
		Kind: site.KindStory, Slug: id, URL: "/stories/" + id + "/", Title: id,
		Story: &site.Story{
			ID: id, Status: "done", Release: release,
			FirstCommitAt: at(firstCommitAt), MergedAt: at(mergedAt),
		},
	}
	b.s.Stories = append(b.s.Stories, p)
	b.s.ByID[id] = p
	return p
}

// postmortem adds a post-mortem; releases are the versions it names.
func (b *builder) postmortem(id, severity, startedAt, mitigatedAt string, releases ...string) *site.Page {
	p := &site.Page{
		Kind: site.KindPostMortem, Slug: id, URL: "/postmortems/" + id + "/", Title: id,
		Date: at(startedAt),
		PostMortem: &site.PostMortem{
			ID: id, Severity: severity, Releases: releases,
			StartedAt: at(startedAt), MitigatedAt: at(mitigatedAt),
		},
	}
	b.s.PostMortems = append(b.s.PostMortems, p)
	b.s.ByID[id] = p
	return p
}

// metric adds a team series.
func (b *builder) metric(slug, better string, target *float64, points ...site.MetricPoint) *site.Page {
	m := &site.Metric{Unit: "count", Better: better, Chart: "line", Points: points}
	if target != nil {
		m.Target, m.HasTarget = *target, true
	}
	p := &site.Page{Kind: site.KindMetric, Slug: slug, URL: "/metrics/" + slug + "/", Title: slug, Metric: m}
	b.s.Metrics = append(b.s.Metrics, p)
	return p
}

// site links the cross references and returns the site.
func (b *builder) site() *site.Site {
	s := b.s
	for _, r := range s.Releases {
		r.Release.Stories, r.Release.Incidents, r.Release.Hotfixes, r.Release.FixesFor = nil, nil, nil, nil
	}
	for _, p := range s.Stories {
		if r := s.ByVersion[p.Story.Release]; r != nil {
			p.Story.ReleasePage = r
			r.Release.Stories = append(r.Release.Stories, p)
		}
	}
	for _, p := range s.PostMortems {
		p.PostMortem.ReleasePages = nil
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
	s.Pages = nil
	for _, group := range [][]*site.Page{s.Stories, s.Releases, s.PostMortems, s.Metrics} {
		s.Pages = append(s.Pages, group...)
	}
	return s
}

// mixedNow is the present of the mixed fixture.
var mixedNow = at("2026-03-20T12:00:00Z")

// mixedSite is the hand-computed fixture most tests read; the expected
// figures are worked out beside each case. Window: 2025-12-20T12:00Z to
// 2026-03-20T12:00Z.
func mixedSite() *site.Site {
	b := newBuilder(time.UTC)
	// Before the window: failed, named by PM-0.
	b.release("0.9.0", "released", "2025-11-01T10:00:00Z", "")
	// 48 h, 12 h from merged_at, no start at all, and a first commit after
	// the release.
	b.release("1.0.0", "released", "2026-01-05T10:00:00Z", "")
	b.story("S-1", "1.0.0", "2026-01-03T10:00:00Z", "2026-01-04T10:00:00Z")
	b.story("S-2", "1.0.0", "", "2026-01-04T22:00:00Z")
	b.story("S-3", "1.0.0", "", "")
	b.story("S-4", "1.0.0", "2026-01-06T10:00:00Z", "")
	// Rolled back after 2 h, and fixed by the hotfix 1.1.1 a day later.
	b.release("1.1.0", "rolled_back", "2026-01-12T10:00:00Z", "2026-01-12T12:00:00Z")
	b.story("S-5", "1.1.0", "2026-01-10T10:00:00Z", "")
	b.release("1.1.1", "released", "2026-01-13T10:00:00Z", "", "1.1.0")
	b.story("S-6", "1.1.1", "2026-01-13T04:00:00Z", "")
	// PM-1 names 1.2.0 and 1.3.0; PM-2 names 1.2.0 too.
	b.release("1.3.0", "released", "2026-02-01T22:00:00Z", "")
	b.story("S-8", "1.3.0", "2026-01-31T22:00:00Z", "")
	b.release("1.2.0", "released", "2026-02-02T10:00:00Z", "")
	b.story("S-7", "1.2.0", "2026-01-30T10:00:00Z", "")
	// Rolled back after 30 min, re-shipped the next day as 1.4.1.
	b.release("1.4.0", "rolled_back", "2026-02-16T10:00:00Z", "2026-02-16T10:30:00Z")
	b.release("1.4.1", "released", "2026-02-17T10:00:00Z", "")
	// Rolled back after an hour and re-shipped under the same version.
	b.release("1.5.0", "released", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z")
	// Not deployed; deployed without a date; rolled back with no moment.
	b.release("1.6.0", "planned", "", "")
	b.release("1.7.0", "released", "", "")
	b.release("1.8.0", "rolled_back", "2026-03-10T10:00:00Z", "")

	b.postmortem("PM-0", "SEV2", "2025-11-01T12:00:00Z", "2025-11-01T13:00:00Z", "0.9.0")
	b.postmortem("PM-1", "SEV1", "2026-02-02T11:00:00Z", "2026-02-02T15:00:00Z", "1.2.0", "1.3.0")
	b.postmortem("PM-2", "SEV3", "2026-02-03T09:00:00Z", "2026-02-03T10:00:00Z", "1.2.0")
	// Infrastructure: no release.
	b.postmortem("PM-3", "SEV2", "2026-03-05T00:00:00Z", "2026-03-05T02:00:00Z")
	pm4 := b.postmortem("PM-4", "", "", "")
	pm4.Date = at("2026-03-06T00:00:00Z")
	b.postmortem("PM-5", "SEV4", "2026-03-07T00:00:00Z", "")
	return b.site()
}
