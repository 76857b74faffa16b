package content

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"almanac/generator/site"
)

func TestHugoPage(t *testing.T) {
	s, diags := loadSite(t, `
-- content/handbook/on-call.md --
---
title: "On-call handbook"
description: How we carry the pager
summary: The short version
date: 2026-03-01T10:00:00+09:00
lastmod: 2026-04-02
publishDate: 2026-03-01
draft: false
tags: ["on-call", "ops"]
categories: [handbook]
keywords: [pager]
weight: 20
aliases: [/oncall/]
author: Alice Kim
toc: true
images: [img/pager.png]
layout: docs
type: docs
params:
  icon: bell
  order: [1, 2]
menu:
  main:
    weight: 3
cascade: {banner: false}
---
## Before your shift
`, Options{})
	if len(diags) > 0 {
		t.Fatal(diagLines(diags))
	}
	p := s.ByURL["/handbook/on-call/"]
	if p == nil {
		t.Fatalf("no page at /handbook/on-call/; plain: %v", s.Plain)
	}
	if p.Kind != site.KindPage || p.Title != "On-call handbook" || p.Description != "How we carry the pager" ||
		!p.Date.Equal(at(2026, 3, 1, 10, 0)) || !p.Lastmod.Equal(day(2026, 4, 2)) || p.Weight != 20 ||
		p.Draft || p.Slug != "on-call" {
		t.Errorf("page = %+v", p)
	}
	checkEqual(t, "tags", p.Tags, []string{"on-call", "ops"})
	checkEqual(t, "aliases", p.Aliases, []string{"/oncall/"})
	want := map[string]any{
		"summary": "The short version", "publishDate": day(2026, 3, 1), "categories": []string{"handbook"},
		"keywords": []string{"pager"}, "authors": []string{"Alice Kim"}, "toc": true,
		"images": []string{"img/pager.png"}, "layout": "docs", "type": "docs",
		"params":  map[string]any{"icon": "bell", "order": []any{1, 2}},
		"menu":    map[string]any{"main": map[string]any{"weight": 3}},
		"cascade": map[string]any{"banner": false},
	}
	if !reflect.DeepEqual(p.Params, want) {
		t.Errorf("params:\n got %#v\nwant %#v", p.Params, want)
	}
}

func TestJekyllPage(t *testing.T) {
	s, diags := loadSite(t, `
-- content/posts/2026-05-04-release-train.md --
---
layout: post
title:  "Release train"
date:   2026-05-04 10:30:00 +0900
categories: process releases
tags: cadence planning
author: Bo Park
published: true
permalink: /:categories/:title/
redirect_from:
  - /train.html
excerpt_separator: <!--more-->
---
We ship on Tuesdays.
-- content/posts/2026-05-01-dated-by-name.md --
---
title: Dated by name
---
-- content/posts/2026-09-01-future.md --
---
title: Not yet
date: 2026-09-01 09:00:00
---
-- content/posts/hidden.md --
---
title: Unpublished
published: false
---
`, Options{})
	if len(diags) > 0 {
		t.Fatal(diagLines(diags))
	}
	p := s.ByURL["/posts/2026-05-04-release-train/"]
	if p == nil {
		t.Fatalf("missing post; plain: %d", len(s.Plain))
	}
	if p.Title != "Release train" || !p.Date.Equal(at(2026, 5, 4, 10, 30)) {
		t.Errorf("title %q date %v", p.Title, p.Date)
	}
	checkEqual(t, "tags", p.Tags, []string{"cadence", "planning"})
	checkEqual(t, "aliases", p.Aliases, []string{"/train.html"})
	checkEqual(t, "categories", p.Params["categories"], []string{"process", "releases"})
	checkEqual(t, "permalink", p.Params["permalink"], "/:categories/:title/")
	checkEqual(t, "excerpt", p.Params["excerpt_separator"], "<!--more-->")
	if d := s.ByURL["/posts/2026-05-01-dated-by-name/"]; d == nil || !d.Date.Equal(day(2026, 5, 1)) {
		t.Errorf("date from the file name: %v", d)
	}
	if len(s.Plain) != 2 {
		t.Errorf("plain pages %d, want 2 (future and unpublished left out)", len(s.Plain))
	}
}

func TestPlainURLsAndTitles(t *testing.T) {
	s, diags := loadSite(t, `
-- content/_index.md --
---
description: Welcome
---
Intro.
-- content/team.md --
Who we are, without a heading.
-- content/handbook/_index.md --
# The handbook
-- content/handbook/On Call Guide.md --
`+"```"+`
# not a heading
`+"```"+`
# On-call guide #
-- content/handbook/deploys/index.md --
---
title: Deploys
---
-- content/배포/안내.md --
---
title: 안내
---
-- content/about.md --
---
slug: who-we-are
url:
---
-- content/custom.md --
---
url: /elsewhere/page
---
`, Options{})
	if len(diags) > 0 {
		t.Fatal(diagLines(diags))
	}
	if s.Home == nil || s.Home.URL != "/" || s.Home.Description != "Welcome" || s.Home.Title != "Home" {
		t.Fatalf("home = %+v", s.Home)
	}
	var got []string
	for _, p := range s.Plain {
		got = append(got, p.URL+" "+p.Slug+" "+p.Title)
	}
	want := []string{
		"/elsewhere/page/ page custom",
		"/handbook/ handbook The handbook",
		"/handbook/deploys/ deploys Deploys",
		"/handbook/on-call-guide/ on-call-guide On-call guide",
		"/team/ team team",
		"/who-we-are/ who-we-are about",
		"/배포/안내/ 안내 안내",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("plain pages:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDraftsAndFuture(t *testing.T) {
	src := `
-- content/stories/draft.md --
---
id: STORY-1
title: Draft story
status: ready
draft: true
release: 9.0.0
---
-- content/stories/ok.md --
---
id: STORY-2
title: Shown
status: ready
release: 9.0.0
created: 2027-01-01
---
-- content/releases/9.0.0.md --
---
version: 9.0.0
status: planned
planned_date: 2027-06-01
---
-- content/releases/draft.md --
---
version: 9.1.0
status: planned
draft: true
---
-- content/postmortems/p.md --
---
id: PM-1
title: P
date: 2026-07-01
status: draft
severity: SEV3
releases: [9.1.0]
action_items:
  - title: Do it
    tracking: STORY-1
---
-- content/future.md --
---
title: Next quarter
date: 2026-10-01
---
-- content/expired.md --
---
title: Old notice
expiryDate: 2026-07-01
---
-- content/scheduled.md --
---
title: Scheduled
date: 2026-07-01
publishDate: 2026-09-01
---
-- content/draft.md --
---
title: Plain draft
draft: true
---
`
	s, diags := loadSite(t, src, Options{})
	if len(diags) > 0 {
		t.Fatalf("naming a hidden page is not an error:\n%s", diagLines(diags))
	}
	if got := urls(s.Pages); got != "/postmortems/p/ /releases/9.0.0/ /stories/ok/" {
		t.Errorf("without drafts: %s", got)
	}
	all, diags := loadSite(t, src, Options{Drafts: true})
	if len(diags) > 0 {
		t.Fatal(diagLines(diags))
	}
	want := "/draft/ /expired/ /future/ /postmortems/p/ /releases/9.0.0/ /releases/9.1.0/ /scheduled/ /stories/draft/ /stories/ok/"
	if got := urls(all.Pages); got != want {
		t.Errorf("with drafts: %s\nwant %s", got, want)
	}
	if got := ids(all.ByVersion["9.0.0"].Release.Stories); got != "STORY-1 STORY-2" {
		t.Errorf("with drafts, 9.0.0 stories = %q", got)
	}
}

func urls(ps []*site.Page) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.URL)
	}
	return strings.Join(out, " ")
}

func TestLooseDates(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2026-07-14", day(2026, 7, 14)},
		{"2026-07-14T09:12:00+09:00", at(2026, 7, 14, 9, 12)},
		{"2026-07-14T00:12:00Z", at(2026, 7, 14, 9, 12)},
		{"2026-07-14 09:12:00", at(2026, 7, 14, 9, 12)},
		{"2026-07-14T09:12:00", at(2026, 7, 14, 9, 12)},
		{"2026-07-14 10:12:00 +1000", at(2026, 7, 14, 9, 12)},
		{"2026-07-14 09:12", at(2026, 7, 14, 9, 12)},
		{"2026-07-14 09:12:00 -0000 UTC", at(2026, 7, 14, 18, 12)},
	}
	for _, tt := range tests {
		got, err := parseLooseDate(tt.in, seoul)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("parseLooseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "2026", "July 14, 2026", "14/07/2026"} {
		if _, err := parseLooseDate(bad, seoul); err == nil {
			t.Errorf("parseLooseDate(%q) succeeded", bad)
		}
	}
}

// TestGeneratedURLsAreNotTaken: a section intro brought over from another
// generator would hide almanac's own list page; it is left out with a
// warning, and an alias onto a list page is an error.
func TestGeneratedURLsAreNotTaken(t *testing.T) {
	s, diags := loadSite(t, `
-- content/stories/_index.md --
All our stories.
-- content/tags.md --
---
title: Tags
---
-- content/team.md --
---
aliases: [/people/]
---
`, Options{})
	got := diagLines(diags)
	for _, want := range []string{
		"content/stories/_index.md: warning: page left out: almanac writes /stories/ itself",
		"content/tags.md: warning: page left out: almanac writes /tags/ itself",
		`content/team.md:2:11: error: alias "/people/" is a page almanac writes itself`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if len(s.Plain) != 1 || s.Plain[0].URL != "/team/" {
		t.Errorf("plain pages = %d, want only /team/", len(s.Plain))
	}
}
