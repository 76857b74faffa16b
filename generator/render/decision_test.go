package render

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"almanac/generator/content"
	"almanac/generator/markdown"
	"almanac/generator/site"
)

// decisionFixture is a site with a chain of two decisions that name a
// story, a release and a post-mortem, whose action item the newer one
// tracks.
const decisionFixture = `
-- content/stories/sso.md --
---
id: STORY-1
title: Company SSO
status: done
owner: Mina Park
release: 1.0.0
---
-- content/releases/1.0.0.md --
---
version: 1.0.0
status: released
released_at: 2026-07-01T10:00:00+09:00
---
-- content/postmortems/outage.md --
---
id: PM-2026-001
title: Primary lost
date: 2026-07-10
status: draft
severity: SEV2
action_items:
  - title: Decide how the primary fails over
    owner: Mina Park
    status: done
    tracking: ADR-2
---
-- content/decisions/adr-1-manual.md --
---
id: ADR-1
title: Promote a replica by hand
date: 2026-05-01
status: superseded
deciders: [Mina Park]
options:
  - name: Manual promotion
chosen: Manual promotion
---
-- content/decisions/adr-2-automatic.md --
---
id: ADR-2
title: Fail over automatically, with fencing
date: 2026-07-20
status: accepted
deciders: [Mina Park, Jae Lee]
supersedes: [ADR-1]
options:
  - name: Manual promotion
    pros: [a person decides]
    cons: [took 52 minutes]
  - name: Automatic with fencing
    pros: [under a minute]
    cons: [one more system to run]
chosen: Automatic with fencing
consequences: Services connect through the pooler only.
stories: [STORY-1]
releases: [1.0.0]
postmortems: [PM-2026-001]
tags: [database]
---
## Context

The primary was lost and promotion took 52 minutes.
-- content/decisions/adr-3-graphql.md --
---
id: ADR-3
title: A GraphQL gateway
date: 2026-06-01
status: rejected
options:
  - name: GraphQL
  - name: REST
---
`

func loadDecisionSite(t *testing.T, lang string) *site.Site {
	t.Helper()
	fsys := mapFS(decisionFixture + "-- almanac.toml --\ntitle = \"Checkout\"\nbase_url = \"/\"\nlanguage = \"" + lang + "\"\ntime_zone = \"Asia/Seoul\"\n")
	cfg, diags := content.LoadConfig(fsys)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	s, diags := content.Load(context.Background(), fsys, cfg, content.Options{Now: time.Date(2026, 8, 1, 9, 0, 0, 0, seoul)})
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	md := markdown.New(markdown.Options{})
	for _, p := range s.Pages {
		r, err := md.Render(p.Source, p.BodyLine, p.Body, nil)
		if err != nil {
			t.Fatal(err)
		}
		p.Rendered = r
	}
	return s
}

// TestDecisionGolden: a decision's page and the decisions' list, in
// English and Korean.
func TestDecisionGolden(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		out := renderSite(t, loadDecisionSite(t, lang), siteFS())
		for _, name := range []string{"decisions/index.html", "decisions/adr-2-automatic/index.html"} {
			compareGolden(t, filepath.Join("testdata", "golden", "decisions-"+lang, filepath.FromSlash(name)+".golden"), lang, []byte(get(t, out, name)))
		}
	}
}

// TestDecisionsShowUpElsewhere: the pages a decision names link back to
// it, and it is in the nav, the sitemap, the calendar and the search
// index's kinds.
func TestDecisionsShowUpElsewhere(t *testing.T) {
	out := renderSite(t, loadDecisionSite(t, "en"), siteFS())
	for _, name := range []string{"stories/sso/index.html", "releases/1.0.0/index.html", "postmortems/outage/index.html", "people/mina-park/index.html"} {
		if page := get(t, out, name); !strings.Contains(page, `href="/decisions/adr-2-automatic/"`) {
			t.Errorf("%s does not link to ADR-2", name)
		}
	}
	old := get(t, out, "decisions/adr-1-manual/index.html")
	if !strings.Contains(old, `class="notice"`) || !strings.Contains(old, `href="/decisions/adr-2-automatic/"`) {
		t.Error("a superseded decision does not say which one superseded it")
	}
	if !strings.Contains(get(t, out, "index.html"), `href="/decisions/"`) {
		t.Error("the nav has no link to the decisions")
	}
	if !strings.Contains(get(t, out, "sitemap.xml"), "/decisions/adr-3-graphql/") {
		t.Error("the sitemap lacks a decision")
	}
	if ics := get(t, out, "calendar.ics"); !strings.Contains(ics, "SUMMARY:Decision ADR-2: Fail over automatically") {
		t.Error("calendar.ics has no event for the day ADR-2 was decided")
	}
	if cal := get(t, out, "calendar/2026/07/index.html"); !strings.Contains(cal, "decstatus-accepted") {
		t.Error("the July calendar page does not show ADR-2")
	}
	if facets := get(t, out, "search/facets.bin"); len(facets) == 0 {
		t.Error("no search facets")
	}
}
