package build

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
)

// TestBroughtOverSite builds pages written for Hugo, Jekyll, Just the
// Docs, MkDocs and Docusaurus as they are: foreign front matter is honoured
// or kept, ref shortcodes become working links, and what almanac cannot
// run is left as text with warnings, not errors.
func TestBroughtOverSite(t *testing.T) {
	fsys := sitetest.Parse(`
-- almanac.toml --
title = "Imported"
-- content/runbooks/_index.md --
---
title: Runbooks
linkTitle: Books
---
-- content/runbooks/db.md --
---
title: Database
sidebar_position: 2
sidebar_label: DB
tags: [{label: Database, permalink: /db}]
---
## Failover

Back to [the list]({{< relref "_index.md" >}}) and [the post]({{% ref '/postmortems-archive/2019-outage.md' %}}).
-- content/postmortems-archive/2019-outage.md --
---
title: 2019 outage
url: https://blog.example.com/2019/outage
date: 2019-03-01
categories: "incidents storage"
author: {name: Bo Park, email: bo@example.com}
redirect_from: /2019/outage.html
comments: true
---
See [the runbook]({{< ref "runbooks/db.md#failover" >}}) and [the list]({{< ref runbooks >}}).

{{< figure src="graph.png" >}}

Written for {{ site.title }}.

` + "```" + `
{{< ref "documented.md" >}} and {% include x %}
` + "```" + `
-- content/about.md --
---
layout: page
permalink: /team/
nav_order: 1
has_children: true
hide: [toc]
last_modified_date: 2026-01-02
---
# About us
`)
	b, err := New(Options{Source: fsys, Theme: themeCopy(t)})
	if err != nil {
		t.Fatal(err)
	}
	out := output.NewMemory()
	res, err := b.Generate(context.Background(), testNow, out)
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, d.Error())
	}
	for _, want := range []string{
		`content/postmortems-archive/2019-outage.md:3:6: warning: url: "https://blog.example.com/2019/outage" is an address`,
		`content/postmortems-archive/2019-outage.md:12:1: warning: Hugo shortcode {{< figure >}} is not run`,
		`content/postmortems-archive/2019-outage.md:14:13: warning: Liquid variable {{ site.title }} is not filled in`,
	} {
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("diagnostics lack %q:\n%s", want, strings.Join(got, "\n"))
		}
	}
	if len(got) != 3 {
		t.Errorf("want 3 warnings, got:\n%s", strings.Join(got, "\n"))
	}
	read := func(name string) string {
		data, err := fs.ReadFile(out, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return string(data)
	}
	post := read("postmortems-archive/2019-outage/index.html")
	for _, want := range []string{`href="/runbooks/db/#failover"`, `href="/runbooks/"`, `{{&lt; figure src=`, `{{&lt; ref &quot;documented.md&quot; &gt;}} and {% include x %}`} {
		if !strings.Contains(post, want) {
			t.Errorf("the post lacks %s", want)
		}
	}
	db := read("runbooks/db/index.html")
	if !strings.Contains(db, `href="/runbooks/"`) || !strings.Contains(db, `href="/postmortems-archive/2019-outage/"`) {
		t.Error("the runbook's ref links are not resolved")
	}
	read("team/index.html")
	if !strings.Contains(read("2019/outage.html"), "/postmortems-archive/2019-outage/") {
		t.Error("redirect_from gives no redirect")
	}
	read("tags/storage/index.html")
	read("tags/database/index.html")
	p := res.Site.ByURL["/runbooks/db/"]
	if p == nil || p.Weight != 2 || p.Params["linkTitle"] != "DB" {
		t.Errorf("runbook = %+v", p)
	}
	if a := res.Site.ByURL["/team/"]; a == nil || a.Weight != 1 || a.Lastmod.IsZero() || a.Title != "About us" {
		t.Errorf("about = %+v", a)
	}
}
