package check

import (
	"context"
	"testing"
	"time"

	"almanac/generator/content"
	"almanac/generator/internal/sitetest"
	"almanac/generator/markdown"
)

// TestLinksToPagesThatDoNotLoad checks links, by file, URL and alias, to a
// page whose front matter does not parse: once the link checks are sorted
// in with the loader's errors they are named on the page's error, not
// listed on their own, while a link to a page that does not exist at all
// is still reported.
func TestLinksToPagesThatDoNotLoad(t *testing.T) {
	fsys := sitetest.Parse(`
-- content/handbook/on-call.md --
---
title: On call: the rota
aliases: [/pager/]
---
-- content/releases/1.4.0.md --
---
version: 1.4.0
status: [planned
---
-- content/a.md --
See [on call](handbook/on-call.md#rota), [by URL](/handbook/on-call/), [by alias](/pager/),
[the release](/releases/1.4.0/) and [a page that never was](handbook/off-call.md).
`)
	s, diags := content.Load(context.Background(), fsys, content.DefaultConfig(), content.Options{Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	md := markdown.New(markdown.Options{})
	for _, p := range s.Pages {
		r, err := md.Render(p.Source, p.BodyLine, p.Body, nil)
		if err != nil {
			t.Fatal(err)
		}
		p.Rendered = r
	}
	diags.Append(Links(s, Options{}))
	diags.Sort()
	want := `content/a.md:2:37: error: link "handbook/off-call.md": no page at content/handbook/off-call.md (a missing file, or a draft left out of this build)
content/handbook/on-call.md:2:15: error: malformed YAML front matter: mapping values are not allowed in this context (the value holds ": ", which YAML reads as another key: put the value in quotes, e.g. title: "On call: the rota"; 3 references to this page elsewhere are not checked until this is fixed: content/a.md:1:5, content/a.md:1:42 and content/a.md:1:72)
content/releases/1.4.0.md:3:9: error: malformed YAML front matter: did not find expected ',' or ']' (close the list with ]; if the [ is text, put the whole value in quotes; 1 reference to release 1.4.0 elsewhere is not checked until this is fixed: content/a.md:2:1)
`
	if got := lines(diags); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
