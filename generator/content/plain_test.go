package content

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
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
	checkEqual(t, "tags", p.Tags, []string{"on-call", "ops", "handbook"})
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
	checkEqual(t, "tags", p.Tags, []string{"cadence", "planning", "process", "releases"})
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

// TestForeignKeys decodes one page per case, with the front matter other
// generators write, and compares what almanac makes of it and every
// diagnostic.
func TestForeignKeys(t *testing.T) {
	const file = "content/docs/x.md"
	tests := []struct {
		name, front string
		check       func(p *site.Page) string // what is wrong, or ""
		diags       []string
	}{
		{"absolute url kept as a parameter", "title: Outage\nurl: https://blog.example.com/2019/outage\n",
			func(p *site.Page) string {
				return want(p.URL == "/docs/x/" && p.Params["url"] == "https://blog.example.com/2019/outage", p.URL, p.Params)
			}, []string{`x.md:3:6: warning: url: "https://blog.example.com/2019/outage" is an address, not a path on this site: kept as a parameter (templates can show it as .Params.url; the page stays at /docs/x/ (write a path such as /team/ to move it))`}},
		{"protocol-relative url", "url: //example.com/a\n",
			func(p *site.Page) string {
				return want(p.URL == "/docs/x/" && p.Params["url"] == "//example.com/a", p.URL)
			},
			[]string{`x.md:2:6: warning: url: "//example.com/a" is an address, not a path on this site: kept as a parameter (templates can show it as .Params.url; the page stays at /docs/x/ (write a path such as /team/ to move it))`}},
		{"site path url", "url: /runbooks/db\n",
			func(p *site.Page) string { return want(p.URL == "/runbooks/db/" && p.Params == nil, p.URL, p.Params) }, nil},
		{"permalink path", "permalink: /about/\n",
			func(p *site.Page) string {
				return want(p.URL == "/about/" && p.Slug == "about" && p.Params == nil, p.URL, p.Params)
			}, nil},
		{"permalink to an old html file", "permalink: /about.html\n",
			func(p *site.Page) string {
				return want(p.URL == "/about/" && slices.Equal(p.Aliases, []string{"/about.html"}), p.URL, p.Aliases)
			}, nil},
		{"permalink pattern", "permalink: /:categories/:title/\n",
			func(p *site.Page) string {
				return want(p.URL == "/docs/x/" && p.Params["permalink"] == "/:categories/:title/", p.URL, p.Params)
			}, nil},
		{"url wins over permalink", "url: /a/\npermalink: /b/\n",
			func(p *site.Page) string { return want(p.URL == "/a/", p.URL) }, nil},
		{"redirect_from as one string", "redirect_from: /old/\n",
			func(p *site.Page) string { return want(slices.Equal(p.Aliases, []string{"/old/"}), p.Aliases) }, nil},
		{"redirect_from with aliases", "aliases: [/a/]\nredirect_from: [/b/, /a/]\n",
			func(p *site.Page) string { return want(slices.Equal(p.Aliases, []string{"/a/", "/b/"}), p.Aliases) }, nil},
		{"redirect_from to another site", "redirect_from: https://old.example.com/x\n",
			func(p *site.Page) string {
				return want(p.Aliases == nil && p.Params["redirect_from"] == "https://old.example.com/x", p.Aliases, p.Params)
			}, []string{`x.md:2:16: warning: redirect_from[0]: "https://old.example.com/x" must be a site-relative URL (write the path only, e.g. /old/path/; kept as the parameter redirect_from as written)`}},
		{"sidebar_position", "sidebar_position: 3\n",
			func(p *site.Page) string { return want(p.Weight == 3 && p.Params == nil, p.Weight, p.Params) }, nil},
		{"sidebar_position fraction", "sidebar_position: 2.5\n",
			func(p *site.Page) string { return want(p.Weight == 2, p.Weight) }, nil},
		{"nav_order as text", "nav_order: \"7\"\n",
			func(p *site.Page) string { return want(p.Weight == 7, p.Weight) }, nil},
		{"weight wins over nav_order", "nav_order: 7\nweight: 2\nsidebar_position: 9\n",
			func(p *site.Page) string { return want(p.Weight == 2, p.Weight) }, nil},
		{"nav_order of the wrong type", "nav_order: [1]\n",
			func(p *site.Page) string {
				return want(p.Weight == 0 && reflect.DeepEqual(p.Params["nav_order"], []any{1}), p.Weight, p.Params)
			}, []string{`x.md:2:12: warning: nav_order: want a number, found a list (kept as the parameter nav_order as written)`}},
		{"sidebar_label and linkTitle", "sidebar_label: Short\nlinkTitle: Shorter\n",
			func(p *site.Page) string {
				return want(p.Params["linkTitle"] == "Shorter" && len(p.Params) == 1, p.Params)
			}, nil},
		{"categories as one string", "tags: [db]\ncategories: \"ops incidents\"\n",
			func(p *site.Page) string {
				return want(slices.Equal(p.Tags, []string{"db", "ops", "incidents"}) &&
					reflect.DeepEqual(p.Params["categories"], []string{"ops", "incidents"}), p.Tags, p.Params)
			}, nil},
		{"categories before tags, uncategorized left out of tags", "categories: [Uncategorized, ops]\ntags: [ops, db]\n",
			func(p *site.Page) string { return want(slices.Equal(p.Tags, []string{"ops", "db"}), p.Tags) }, nil},
		{"categories of the wrong type", "categories: {a: b}\n",
			func(p *site.Page) string {
				return want(p.Tags == nil && reflect.DeepEqual(p.Params["categories"], map[string]any{"a": "b"}), p.Tags, p.Params)
			}, []string{`x.md:2:13: warning: categories: want text, found a mapping of keys (kept as the parameter categories as written)`}},
		{"Docusaurus tags and authors", "tags: [{label: Database, permalink: /db}, ops]\nauthors:\n  - name: Mina Park\n    url: https://example.com\n  - jae\n",
			func(p *site.Page) string {
				return want(slices.Equal(p.Tags, []string{"Database", "ops"}) &&
					reflect.DeepEqual(p.Params["authors"], []string{"Mina Park", "jae"}), p.Tags, p.Params)
			}, nil},
		{"Jekyll author and image as mappings", "author: {name: Bo Park, email: bo@example.com}\nimage: {path: /img/a.png, alt: A}\n",
			func(p *site.Page) string {
				return want(reflect.DeepEqual(p.Params["authors"], []string{"Bo Park"}) &&
					reflect.DeepEqual(p.Params["images"], []string{"/img/a.png"}), p.Params)
			}, nil},
		{"publishDate and pubDate", "pubDate: 2026-03-01\n",
			func(p *site.Page) string { return want(p.Date.Equal(day(2026, 3, 1)), p.Date, p.Params) }, nil},
		{"unreadable pubDate", "pubDate: March 1st\n",
			func(p *site.Page) string {
				return want(p.Date.IsZero() && p.Params["pubDate"] == "March 1st", p.Date, p.Params)
			},
			[]string{`x.md:2:10: warning: pubDate: "March 1st" is not a date (write e.g. 2026-07-14 or 2026-07-14T09:12:00+09:00; kept as the parameter pubDate as written)`}},
		{"modified dates", "last_modified_date: 2026-04-02\nmodified_date: 2026-04-03\n",
			func(p *site.Page) string { return want(p.Lastmod.Equal(day(2026, 4, 3)), p.Lastmod) }, nil},
		{"Docusaurus last_update", "last_update:\n  date: 2026-04-02\n  author: Mina\n",
			func(p *site.Page) string {
				return want(p.Lastmod.Equal(day(2026, 4, 2)) && p.Params["last_update"] != nil, p.Lastmod, p.Params)
			}, nil},
		{"MkDocs blog date", "date:\n  created: 2026-03-01\n  updated: 2026-04-02\n",
			func(p *site.Page) string {
				return want(p.Date.Equal(day(2026, 3, 1)) && p.Lastmod.Equal(day(2026, 4, 2)), p.Date, p.Lastmod)
			}, nil},
		{"excerpt and summary", "excerpt: From Jekyll\nsummary: From Hugo\n",
			func(p *site.Page) string { return want(p.Params["summary"] == "From Hugo", p.Params) }, nil},
		{"keywords as text", "keywords: db, failover\n",
			func(p *site.Page) string {
				return want(reflect.DeepEqual(p.Params["keywords"], []string{"db", "failover"}), p.Params)
			}, nil},
		{"published as text", "published: \"no\"\n",
			func(p *site.Page) string { return want(p.Draft, p.Draft) }, nil},
		{"published of the wrong type", "published: [x]\n",
			func(p *site.Page) string { return want(!p.Draft, p.Draft) },
			[]string{`x.md:2:12: warning: published: want true or false, found a list (kept as the parameter published as written)`}},
		{"layout as a mapping", "layout: {name: docs}\n",
			func(p *site.Page) string { return want(p.Params["layout"] != nil, p.Params) },
			[]string{`x.md:2:9: warning: layout: want text, found a mapping of keys (kept as the parameter layout as written)`}},
		{"Docusaurus slug path", "slug: /guides/db\n",
			func(p *site.Page) string {
				return want(p.URL == "/docs/x/" && p.Params["slug"] == "/guides/db", p.URL, p.Params)
			},
			[]string{`x.md:2:7: warning: slug: "/guides/db" is a path, and a slug is one URL segment: kept as a parameter (write url: /guides/db/ to give the page that URL)`}},
		{"kept without complaint", "hide: [navigation, toc]\nmenu: main\nparent: Runbooks\nhas_children: true\nredirect_to: /elsewhere/\ncomments: false\ntoc: false\n",
			func(p *site.Page) string {
				return want(len(p.Params) == 7 && p.Params["parent"] == "Runbooks" && p.Params["has_children"] == true, p.Params)
			}, nil},
		{"a core key still checks its type", "weight: heavy\n",
			func(p *site.Page) string { return "" },
			[]string{`x.md:2:9: error: weight: want a number, found text`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\n" + tt.front + "---\nBody.\n"
			p, diags := LoadPage(fstest.MapFS{file: {Data: []byte(src)}}, file, testConfig())
			got := strings.TrimSuffix(diagLines(diags), "\n")
			var wantDiags []string
			for _, d := range tt.diags {
				wantDiags = append(wantDiags, "content/docs/"+d)
			}
			if got != strings.Join(wantDiags, "\n") {
				t.Errorf("diagnostics:\n%s\nwant\n%s", got, strings.Join(wantDiags, "\n"))
			}
			if p == nil {
				t.Fatal("no page")
			}
			if msg := tt.check(p); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// want returns "" when ok, else the values shown.
func want(ok bool, got ...any) string {
	if ok {
		return ""
	}
	return fmt.Sprintf("got %#v", got)
}
