package check

import (
	"testing"

	"almanac/generator/markdown"
	"almanac/generator/site"
)

// FuzzLinks renders arbitrary Markdown as a page of a small site and checks
// its links: nothing may panic, and every problem points into the page.
func FuzzLinks(f *testing.F) {
	for _, seed := range []string{
		"[a](b.md#x) [c](../r/1.0.0.md) ![i](x.png) [d](#top) [e](/nope/) [f]()",
		"[s](<a b.md>) [k](%EB%B0%B0.md#%EA%B0%9C) [q](?x=1#y) [u](//host/x) [m](mailto:x)",
		"## Top\n\n[self](#top) [dots](../../../../x) [bad](%zz) [colon](a:b)",
		"[ref][1]\n\n[1]: b.md#missing\n",
		"<a href=\"b.md\">raw</a> [a](b.md#)",
	} {
		f.Add(seed)
	}
	md := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, body string) {
		b := &site.Page{Kind: site.KindStory, Source: "content/stories/b.md", URL: "/stories/b/",
			Rendered: &site.Rendered{TOC: []site.Heading{{Level: 2, ID: "top"}}}}
		a := &site.Page{Kind: site.KindStory, Source: "content/stories/a.md", URL: "/stories/a/", BodyLine: 5}
		r, err := md.Render(a.Source, a.BodyLine, []byte(body), nil)
		if r == nil {
			if err == nil {
				t.Fatal("no result and no error")
			}
			return
		}
		a.Rendered = r
		s := &site.Site{Pages: []*site.Page{a, b}, ByURL: map[string]*site.Page{a.URL: a, b.URL: b},
			Assets: []string{"stories/x.png"}}
		for _, d := range Links(s, Options{}) {
			if d.Pos.File != a.Source || d.Pos.Line < a.BodyLine {
				t.Fatalf("diagnostic outside the page: %v", d)
			}
		}
	})
}
