package render_test

import (
	"strings"
	"testing"
	"time"
)

// folderSite has folders with a README, with an _index.md, and with no
// page of their own, a page whose name is a version, and links to folders
// written every way.
const folderSite = `
-- almanac.toml --
title = "Folders"
base_url = "https://docs.example.org/"
language = "en"
time_zone = "Asia/Seoul"
-- content/handbook/_index.md --
---
title: Handbook
---
See the [records](architecture-decision-records), the
[runbooks](../runbooks/), [the database runbooks](/runbooks/db),
[release 4.2.0](/blog/release/v4.2.0/) and [the blog](../blog/).
-- content/handbook/on-call.md --
---
title: On-call
---
Rota.
-- content/handbook/architecture-decision-records/0001-record.md --
---
title: Record decisions
weight: 1
---
Why.
-- content/handbook/architecture-decision-records/0002-postgres.md --
# Use Postgres
-- content/handbook/architecture-decision-records/superseded/0000-old.md --
# Old
-- content/runbooks/restart.md --
# Restart
-- content/runbooks/db/failover.md --
# Failover
-- content/blog/README.md --
# Blog
Releases are [here](release/).
-- content/blog/release/v4.2.0.md --
# Release 4.2.0
`

func TestFolderListingPages(t *testing.T) {
	out := buildCal(t, folderSite, time.Date(2026, 8, 1, 9, 0, 0, 0, seoul))
	adr := file(t, out, "handbook/architecture-decision-records/index.html")
	for _, want := range []string{
		`<h1>architecture-decision-records</h1>`,
		`3 items`,
		`href="/handbook/architecture-decision-records/superseded/">superseded</a>`,
		`href="/handbook/">Handbook</a>`, // crumbs
		`Record decisions`, `Use Postgres`,
	} {
		if !strings.Contains(adr, want) {
			t.Errorf("ADR listing lacks %s", want)
		}
	}
	if i, j := strings.Index(adr, "Record decisions"), strings.Index(adr, "Use Postgres"); i > j {
		t.Errorf("the weighted page should come first")
	}
	runbooks := file(t, out, "runbooks/index.html")
	for _, want := range []string{`<h1>runbooks</h1>`, `href="/runbooks/db/">db</a>`, `href="/runbooks/restart/"`} {
		if !strings.Contains(runbooks, want) {
			t.Errorf("runbooks listing lacks %s", want)
		}
	}
	file(t, out, "runbooks/db/index.html")
	file(t, out, "blog/release/index.html")
	file(t, out, "blog/release/v4.2.0/index.html")
	blog := file(t, out, "blog/index.html")
	if !strings.Contains(blog, "<h1>Blog</h1>") {
		t.Errorf("README.md is not the blog folder's page")
	}
	hb := file(t, out, "handbook/index.html")
	for _, want := range []string{
		// Relative links to folders are published as the folders' URLs.
		`href="/handbook/architecture-decision-records/"`, `href="/runbooks/"`, `href="/runbooks/db"`,
		`href="/blog/release/v4.2.0/"`, `href="/blog/"`,
	} {
		if !strings.Contains(hb, want) {
			t.Errorf("handbook page lacks link %s", want)
		}
	}
}

// TestFolderListingKorean checks the listing's words in Korean.
func TestFolderListingKorean(t *testing.T) {
	out := buildCal(t, strings.Replace(folderSite, `language = "en"`, `language = "ko"`, 1), time.Date(2026, 8, 1, 9, 0, 0, 0, seoul))
	adr := file(t, out, "handbook/architecture-decision-records/index.html")
	for _, want := range []string{"폴더", "항목 3개"} {
		if !strings.Contains(adr, want) {
			t.Errorf("Korean listing lacks %s", want)
		}
	}
}
