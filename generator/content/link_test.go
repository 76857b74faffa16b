package content

import (
	"strings"
	"testing"

	"almanac/generator/site"
)

// linkedSite is a small team site whose pages name each other.
const linkedSite = `
-- almanac.toml --
people = ["Alice Kim", "Bo Park", "Chris Lee"]
-- content/stories/s10.md --
---
id: STORY-10
title: Fix export encoding
status: done
owner: Alice Kim
release: 1.4.0
changelog: fixed
tags: [export]
---
-- content/stories/s9.md --
---
id: STORY-9
title: Export deploy log
status: done
owner: Bo Park
release: 1.4.0
changelog: added
tags: [export, Deploy]
---
-- content/stories/s11.md --
---
id: STORY-11
title: Audit trail
status: done
owner: Alice Kim
release: 1.4.0
changelog: added
---
-- content/stories/s12.md --
---
id: STORY-12
title: Unreleased
status: backlog
owner: Alcie Kim
tags: [deploy]
---
-- content/releases/1.3.0.md --
---
version: 1.3.0
status: released
released_at: 2026-06-01T10:00:00+09:00
---
-- content/releases/1.4.0.md --
---
version: 1.4.0
status: rolled_back
released_at: 2026-07-14T09:00:00+09:00
rolled_back_at: 2026-07-14T10:00:00+09:00
---
-- content/releases/1.4.1.md --
---
version: 1.4.1
status: released
released_at: 2026-07-14T15:00:00+09:00
hotfix_for: [1.4.0]
---
-- content/releases/1.10.0-rc.1.md --
---
version: 1.10.0-rc.1
status: planned
planned_date: 2026-12-01
---
-- content/postmortems/a.md --
---
id: PM-2026-003
title: Export outage
date: 2026-07-14
authors: [Alice Kim]
status: published
severity: SEV2
resolved_at: 2026-07-14T12:00:00+09:00
root_causes: [An unbounded query]
releases: [1.4.0]
services: [export-api]
tags: [export]
action_items:
  - title: Limit queries
    owner: Bo Park
    tracking: STORY-12
---
-- content/postmortems/b.md --
---
id: PM-2026-004
title: Login slow
date: 2026-07-14
authors: [Bo Park, Dana]
status: draft
severity: SEV4
services: [auth, export-api]
---
-- content/postmortems/c.md --
---
id: PM-2026-001
title: Old incident
date: 2026-05-01
status: published
severity: SEV3
resolved_at: 2026-05-01T12:00:00+09:00
root_causes: [A slow disk]
releases: [1.3.0]
---
`

func loadWithConfig(t *testing.T, src string, opts Options) (*site.Site, site.Diagnostics) {
	t.Helper()
	fsys := siteFS(t, src)
	cfg, diags := LoadConfig(fsys)
	if len(diags) > 0 {
		t.Fatalf("config: %s", diagLines(diags))
	}
	cfg.TimeZone, cfg.Location = "Asia/Seoul", seoul
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	return Load(t.Context(), fsys, cfg, opts)
}

// ids lists each page's ID, for compact comparisons.
func ids(ps []*site.Page) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID()
	}
	return strings.Join(out, " ")
}

func TestLinkCrossReferences(t *testing.T) {
	s, diags := loadWithConfig(t, linkedSite, Options{})
	wantDiags := `content/postmortems/b.md:5:20: warning: authors[1]: "Dana" is not among the people of almanac.toml (add them to people in almanac.toml)
content/stories/s12.md:5:8: warning: owner: "Alcie Kim" is not among the people of almanac.toml (did you mean "Alice Kim"?)
`
	if got := diagLines(diags); got != wantDiags {
		t.Errorf("diagnostics:\n%s\nwant\n%s", got, wantDiags)
	}
	for _, c := range []struct{ what, got, want string }{
		{"Stories", ids(s.Stories), "STORY-9 STORY-10 STORY-11 STORY-12"},
		{"Releases", ids(s.Releases), "1.10.0-rc.1 1.4.1 1.4.0 1.3.0"},
		{"PostMortems", ids(s.PostMortems), "PM-2026-004 PM-2026-003 PM-2026-001"},
		{"1.4.0 Stories", ids(s.ByVersion["1.4.0"].Release.Stories), "STORY-9 STORY-11 STORY-10"},
		{"1.4.0 Incidents", ids(s.ByVersion["1.4.0"].Release.Incidents), "PM-2026-003"},
		{"1.4.0 Hotfixes", ids(s.ByVersion["1.4.0"].Release.Hotfixes), "1.4.1"},
		{"1.4.1 FixesFor", ids(s.ByVersion["1.4.1"].Release.FixesFor), "1.4.0"},
		{"1.3.0 Incidents", ids(s.ByVersion["1.3.0"].Release.Incidents), "PM-2026-001"},
		{"PM-2026-003 ReleasePages", ids(s.ByID["PM-2026-003"].PostMortem.ReleasePages), "1.4.0"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if rp := s.ByID["STORY-9"].Story.ReleasePage; rp != s.ByVersion["1.4.0"] {
		t.Errorf("STORY-9 ReleasePage = %v, want the 1.4.0 page", rp)
	}
	if s.ByID["STORY-12"].Story.ReleasePage != nil {
		t.Errorf("STORY-12 has a release page")
	}
	if len(s.Pages) != 11 || s.Pages[0].Source != "content/postmortems/a.md" {
		t.Errorf("Pages: %d, first %s", len(s.Pages), s.Pages[0].Source)
	}
}

func TestLinkTaxonomies(t *testing.T) {
	s, _ := loadWithConfig(t, linkedSite, Options{})
	var got []string
	for _, term := range s.Tags {
		got = append(got, term.Name+" "+term.URL+" ["+ids(term.Pages)+"]")
	}
	want := []string{
		"deploy /tags/deploy/ [STORY-9 STORY-12]", // both spellings, one term; undated, so by title
		"export /tags/export/ [PM-2026-003 STORY-9 STORY-10]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tags:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = nil
	for _, term := range s.Services {
		got = append(got, term.Name+" "+term.URL+" ["+ids(term.Pages)+"]")
	}
	want = []string{"auth /services/auth/ [PM-2026-004]", "export-api /services/export-api/ [PM-2026-003 PM-2026-004]"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("services:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = nil
	for _, p := range s.People {
		var items []string
		for _, a := range p.ActionItems {
			items = append(items, a.PostMortem.ID()+"#"+a.Item().Title)
		}
		got = append(got, p.Name+" "+p.URL+" stories["+ids(p.Stories)+"] pms["+ids(p.PostMortems)+"] items["+strings.Join(items, ",")+"]")
	}
	want = []string{
		"Alcie Kim /people/alcie-kim/ stories[STORY-12] pms[] items[]",
		"Alice Kim /people/alice-kim/ stories[STORY-10 STORY-11] pms[PM-2026-003] items[]",
		"Bo Park /people/bo-park/ stories[STORY-9] pms[PM-2026-004] items[PM-2026-003#Limit queries]",
		"Chris Lee /people/chris-lee/ stories[] pms[] items[]",
		"Dana /people/dana/ stories[] pms[PM-2026-004] items[]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("people:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLinkErrors(t *testing.T) {
	_, diags := loadSite(t, `
-- content/stories/a.md --
---
id: STORY-1
title: A
status: done
release: 1.4.2
---
-- content/stories/b.md --
---
id: STORY-1
title: B
status: done
---
-- content/stories/c.md --
---
id: STORY-3
title: C
status: done
slug: a
---
-- content/releases/x.md --
---
version: 1.4.0
status: planned
---
-- content/releases/y.md --
---
version: 1.4.0
status: planned
hotfix_for: [1.3.9, 1.4.0]
---
-- content/releases/z.md --
---
version: 2.0.0
status: planned
aliases: [/stories/a/, /old/]
---
-- content/postmortems/p.md --
---
id: PM-1
title: P
date: 2026-07-01
status: draft
severity: SEV1
releases: [2.0, 1.4.0]
action_items:
  - title: T
    tracking: STORY-2
  - title: U
    tracking: JIRA-7
---
-- content/team.md --
---
aliases: [/old/]
---
-- content/index.md --
# Home
-- content/_index.md --
# Home again
`, Options{})
	want := `content/index.md: warning: index.md is the folder's page; left out: content/_index.md (README.md wins over index.md, and index.md over _index.md: merge the others into it, or remove them)
content/postmortems/p.md:7:12: error: releases[0]: unknown release "2.0" (the nearest known version is 2.0.0)
content/postmortems/p.md:10:15: error: action_items[0].tracking: unknown id "STORY-2" (did you mean "STORY-1"?)
content/releases/y.md:2:10: error: duplicate release version "1.4.0" (first defined at content/releases/x.md:2:10)
content/releases/z.md:4:11: error: alias "/stories/a/" is the URL of another page (first defined at content/stories/a.md)
content/stories/a.md:5:10: error: release: unknown release "1.4.2" (the nearest known version is 1.4.0)
content/stories/b.md:2:5: error: duplicate id "STORY-1" (first defined at content/stories/a.md:2:5)
content/stories/c.md:5:7: error: duplicate URL "/stories/a/" (first defined at content/stories/a.md)
content/team.md:2:11: error: duplicate alias "/old/" (first defined at content/releases/z.md:4:24)
`
	if got := diagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", got, want)
	}
}

func TestHotfixForItself(t *testing.T) {
	_, diags := loadSite(t, `
-- content/releases/x.md --
---
version: 1.4.1
status: planned
hotfix_for: [1.4.1]
---
`, Options{})
	want := "content/releases/x.md:4:14: error: hotfix_for[0]: release 1.4.1 cannot be a hotfix for itself\n"
	if got := diagLines(diags); got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

func TestLinkDoesNotChangeItsInput(t *testing.T) {
	fsys := siteFS(t, linkedSite)
	var pages []*site.Page
	for _, name := range []string{"content/stories/s9.md", "content/releases/1.4.0.md"} {
		p, _ := LoadPage(fsys, name, testConfig())
		pages = append(pages, p)
	}
	for range 2 {
		s, diags := Link(testConfig(), append(pages, nil), Options{Now: testNow})
		if len(diags) > 0 {
			t.Fatal(diagLines(diags))
		}
		if got := ids(s.ByVersion["1.4.0"].Release.Stories); got != "STORY-9" {
			t.Errorf("linked stories %q", got)
		}
	}
	if pages[0].Story.ReleasePage != nil || pages[1].Release.Stories != nil {
		t.Errorf("Link wrote to the pages it was given")
	}
}

// An alias that is the page's own URL (Hugo sites keep the old lower-case
// URL) is a warning and is dropped: a redirect there would replace the page.
func TestSelfAlias(t *testing.T) {
	s, diags := loadSite(t, `
-- content/functions/HasSuffix.md --
---
title: HasSuffix
aliases: [/functions/hassuffix/, /functions/old/]
---
Body.
`, Options{})
	want := "content/functions/HasSuffix.md:3:11: warning: alias \"/functions/hassuffix/\" is the page's own URL (remove it)\n"
	if got := diagLines(diags); got != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", got, want)
	}
	p := s.ByURL["/functions/hassuffix/"]
	if p == nil || len(p.Aliases) != 1 || p.Aliases[0] != "/functions/old/" {
		t.Errorf("page %v keeps aliases %v, want only /functions/old/", p != nil, p.Aliases)
	}
}
