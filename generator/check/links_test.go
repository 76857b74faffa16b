package check

import (
	"context"
	"strings"
	"testing"
	"time"

	"almanac/generator/content"
	"almanac/generator/internal/sitetest"
	"almanac/generator/markdown"
	"almanac/generator/site"
)

// renderSite loads an inline site and renders every body, as a build does
// before its link checks.
func renderSite(t *testing.T, src string) *site.Site {
	t.Helper()
	fsys := sitetest.Parse(src)
	cfg, diags := content.LoadConfig(fsys)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	s, diags := content.Load(context.Background(), fsys, cfg, content.Options{Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
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

func lines(d site.Diagnostics) string {
	var b strings.Builder
	for _, x := range d {
		b.WriteString(x.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

const linkSite = `
-- content/stories/a.md --
---
id: STORY-1
title: A
status: ready
---
Good: [b](b.md), [b's details](b.md#details), [deep](b.md#deep-heading), [mine](#intro),
[release](../releases/1.0.0.md#highlights), [by URL](/releases/1.0.0/#highlights), [relative URL](../b/),
[list](/stories/), [tag](/tags/deploys/), [feed](/index.xml), [mail](mailto:a@b.org), [web](https://e.org/x#y),
![diagram](diagram.png), [spaces](<with space.md>), [한글](../배포-로그.md#개요), [old](/old-a/), [file](/files/runbook.pdf).

Bad: [missing](c.md), [anchor](b.md#detials), [own](#nowhere), [gone](/nope/), ![img](gone.png),
[empty]() and [up](../../../x.md).

## Intro
-- content/stories/b.md --
---
id: STORY-2
title: B
status: ready
aliases: [/old-a/]
---
# B

## Details

#### Deep heading
-- content/stories/with space.md --
---
id: STORY-3
title: S
status: ready
---
-- content/stories/diagram.png --
png
-- content/files/runbook.pdf --
pdf
-- content/배포-로그.md --
---
title: 배포 로그
---
## 개요
-- content/releases/1.0.0.md --
---
version: 1.0.0
status: planned
---
## Highlights
`

func TestLinks(t *testing.T) {
	s := renderSite(t, linkSite)
	outputs := func(name string) bool { return name == "index.xml" }
	got := lines(Links(s, Options{Outputs: outputs}))
	want := `content/stories/a.md:11:6: error: link "c.md": no page at content/stories/c.md (a missing file, or a draft left out of this build)
content/stories/a.md:11:23: error: link "b.md#detials": content/stories/b.md has no heading or anchor #detials (did you mean "details"?)
content/stories/a.md:11:47: error: link "#nowhere": content/stories/a.md has no heading or anchor #nowhere (it has #intro)
content/stories/a.md:11:64: error: link "/nope/": no page or file at /nope/
content/stories/a.md:11:80: error: image "gone.png": no file at content/stories/gone.png (put it beside the page, or write its path from there)
content/stories/a.md:12:1: warning: link without a destination (write [text](target.md) or remove the brackets)
content/stories/a.md:12:15: error: link "../../../x.md": leaves the site (link to pages and files inside the site)
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestLinksWithoutOutputs: a feed counts as found only when the build
// says it writes one.
func TestLinksWithoutOutputs(t *testing.T) {
	s := renderSite(t, `
-- content/a.md --
See [feed](/index.xml).
`)
	if got := lines(Links(s, Options{})); !strings.Contains(got, `link "/index.xml": no page or file at /index.xml`) {
		t.Errorf("got %q", got)
	}
	if got := Links(s, Options{Outputs: func(n string) bool { return n == "index.xml" }}); len(got) != 0 {
		t.Errorf("with the feed among the outputs: %s", lines(got))
	}
}

// TestAnchorsKeptAfterHTML: a page whose HTML was let go is checked
// against the anchors collected before.
func TestAnchorsKeptAfterHTML(t *testing.T) {
	s := renderSite(t, `
-- content/a.md --
[x](b.md#deep)
-- content/b.md --
##### Deep
`)
	for _, p := range s.Pages {
		p.Rendered.Anchors = Anchors(p.Rendered.HTML)
		p.Rendered.HTML = ""
		p.Rendered.TOC = nil
	}
	if got := Links(s, Options{}); len(got) != 0 {
		t.Errorf("got %s", lines(got))
	}
	for _, p := range s.Pages {
		p.Rendered.Anchors = nil
	}
	if got := lines(Links(s, Options{})); !strings.Contains(got, "has no heading or anchor #deep") {
		t.Errorf("without anchors or HTML the link cannot be found: got %q", got)
	}
}

func TestAnchors(t *testing.T) {
	tests := []struct {
		html string
		want []string
	}{
		{`<h2 id="a">A</h2><p id='b'>x</p>`, []string{"a", "b"}},
		{`<h2 id="a">A</h2><h3 id="a">dup</h3>`, []string{"a"}},
		{`<p>id="not-an-attribute"</p><pre>x id=&#34;y&#34;</pre>`, nil},
		{`<div data-id="x" id="real">`, []string{"real"}},
		{`<h2 id="a&amp;b">`, []string{"a&b"}},
		{`<h2 id="배포-로그">`, []string{"배포-로그"}},
		{`<h2 id="unterminated`, nil},
		{`<sup id="fnref:1"><a href="#fn:1">1</a></sup><li id="fn:1">`, []string{"fnref:1", "fn:1"}},
	}
	for _, tt := range tests {
		if got := Anchors(tt.html); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Anchors(%q) = %q, want %q", tt.html, got, tt.want)
		}
	}
}

// TestLinkPolicy: [check] links and anchors make broken links errors,
// warnings or nothing, count them all the same, and never soften a link
// that leaves the site or one without a destination.
func TestLinkPolicy(t *testing.T) {
	const (
		missing = `content/stories/a.md:11:6: %s: link "c.md": no page at content/stories/c.md`
		anchor  = `content/stories/a.md:11:23: %s: link "b.md#detials": content/stories/b.md has no heading or anchor #detials`
		own     = `content/stories/a.md:11:47: %s: link "#nowhere": content/stories/a.md has no heading or anchor #nowhere`
		gone    = `content/stories/a.md:11:64: %s: link "/nope/": no page or file at /nope/`
		image   = `content/stories/a.md:11:80: %s: image "gone.png": no file at content/stories/gone.png`
		empty   = `content/stories/a.md:12:1: warning: link without a destination`
		escapes = `content/stories/a.md:12:15: error: link "../../../x.md": leaves the site`
	)
	sev := func(line, severity string) string { return strings.Replace(line, "%s", severity, 1) }
	tests := []struct {
		links, anchors string
		want           []string
		summary        string
	}{
		{"", "", []string{sev(missing, "error"), sev(anchor, "error"), sev(own, "error"), sev(gone, "error"), sev(image, "error"), empty, escapes},
			`5 broken links in 1 file: 3 to missing pages or files (links = "error"), 2 to missing anchors (anchors = "error")`},
		{"warning", "error", []string{sev(missing, "warning"), sev(anchor, "error"), sev(own, "error"), sev(gone, "warning"), sev(image, "warning"), empty, escapes},
			`5 broken links in 1 file: 3 to missing pages or files (links = "warning"), 2 to missing anchors (anchors = "error")`},
		{"error", "warning", []string{sev(missing, "error"), sev(anchor, "warning"), sev(own, "warning"), sev(gone, "error"), sev(image, "error"), empty, escapes},
			`5 broken links in 1 file: 3 to missing pages or files (links = "error"), 2 to missing anchors (anchors = "warning")`},
		{"ignore", "warning", []string{sev(anchor, "warning"), sev(own, "warning"), empty, escapes},
			`5 broken links in 1 file: 3 to missing pages or files ignored (links = "ignore"), 2 to missing anchors (anchors = "warning")`},
		{"ignore", "ignore", []string{empty, escapes},
			`5 broken links in 1 file: 3 to missing pages or files ignored (links = "ignore"), 2 to missing anchors ignored (anchors = "ignore")`},
	}
	for _, tt := range tests {
		t.Run(tt.links+"/"+tt.anchors, func(t *testing.T) {
			s := renderSite(t, linkSite)
			s.Config.LinkPolicy, s.Config.AnchorPolicy = tt.links, tt.anchors
			diags, broken := LinkReport(s, Options{Outputs: func(name string) bool { return name == "index.xml" }})
			got := strings.Split(strings.TrimSuffix(lines(diags), "\n"), "\n")
			if len(diags) == 0 {
				got = nil
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got\n%s\nwant %d lines", lines(diags), len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("line %d:\n got %s\nwant %s…", i+1, got[i], w)
				}
			}
			if s := broken.Summary(); s != tt.summary {
				t.Errorf("summary\n got %s\nwant %s", s, tt.summary)
			}
		})
	}
}

func TestBrokenSummary(t *testing.T) {
	tests := []struct {
		b    Broken
		want string
	}{
		{Broken{LinkPolicy: "error", AnchorPolicy: "error"}, ""},
		{Broken{Links: 412, Files: 96, LinkPolicy: "warning", AnchorPolicy: "error"}, `412 broken links in 96 files (links = "warning")`},
		{Broken{Links: 1, Files: 1, LinkPolicy: "error", AnchorPolicy: "error"}, `1 broken link in 1 file (links = "error")`},
		{Broken{Anchors: 3, Files: 2, LinkPolicy: "error", AnchorPolicy: "ignore"}, `3 broken links in 2 files ignored (anchors = "ignore")`},
		{Broken{Links: 2, Anchors: 1, Files: 3, LinkPolicy: "ignore", AnchorPolicy: "error"},
			`3 broken links in 3 files: 2 to missing pages or files ignored (links = "ignore"), 1 to a missing anchor (anchors = "error")`},
	}
	for _, tt := range tests {
		if got := tt.b.Summary(); got != tt.want {
			t.Errorf("%+v:\n got %s\nwant %s", tt.b, got, tt.want)
		}
	}
}

// A fragment that differs from a heading's id in letter case only works on
// GitHub but not in a browser: a warning with the right spelling, not
// counted as broken, and silent under anchors = "ignore".
func TestAnchorCase(t *testing.T) {
	for _, tt := range []struct {
		policy, want string
	}{
		{"", "content/a.md:3:1: warning: link \"b.md#Upgrade--Downgrade-Strategy\": content/b.md has #upgrade--downgrade-strategy, not #Upgrade--Downgrade-Strategy (write #upgrade--downgrade-strategy: GitHub's preview ignores letter case, browsers do not)\n"},
		{"warning", "content/a.md:3:1: warning: link \"b.md#Upgrade--Downgrade-Strategy\": content/b.md has #upgrade--downgrade-strategy, not #Upgrade--Downgrade-Strategy (write #upgrade--downgrade-strategy: GitHub's preview ignores letter case, browsers do not)\n"},
		{"ignore", ""},
	} {
		s := renderSite(t, `
-- content/a.md --
# A

[up](b.md#Upgrade--Downgrade-Strategy), [fine](b.md#upgrade--downgrade-strategy), [text](b.md#:~:text=Downgrade)
-- content/b.md --
# B

## Upgrade / Downgrade Strategy
`)
		s.Config.AnchorPolicy = tt.policy
		diags, broken := LinkReport(s, Options{})
		if got := lines(diags); got != tt.want {
			t.Errorf("anchors = %q:\n%s\nwant\n%s", tt.policy, got, tt.want)
		}
		if broken.Anchors != 0 || broken.Files != 0 {
			t.Errorf("anchors = %q: counted as broken: %+v", tt.policy, broken)
		}
	}
}

// A relative link to a folder, from any page, reaches the folder's README,
// index or _index page, or the listing made for a folder without one.
func TestLinksToFolders(t *testing.T) {
	s := renderSite(t, `
-- content/runbooks/db/failover.md --
# Failover

[records](../../handbook/adr/), [records again](../../handbook/adr), [runbooks](..),
[guides](../../guides/), [guide](../../guides#guides), [top](../../), [nothing](../../nowhere/)
-- content/handbook/adr/README.md --
# Records
-- content/handbook/adr/0001-use-go.md --
# Use Go
-- content/guides/deploy.md --
# Deploy
`)
	diags, _ := LinkReport(s, Options{})
	want := `content/runbooks/db/failover.md:4:71: error: link "../../nowhere/": no page or file at /runbooks/nowhere/`
	if got := strings.TrimSpace(lines(diags)); !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 0 {
		t.Errorf("got\n%s\nwant one error, %s…", got, want)
	}
}
