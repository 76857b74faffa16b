package build

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"testing"

	"almanac/generator/site"
)

// A light body reads back as it was, and a body deflated after the first
// takes less than it would alone: the first one's markup and words are
// the dictionary.
func TestBodyCodecSharesTheFirstBody(t *testing.T) {
	body := func(n int) *site.Rendered {
		var html, plain strings.Builder
		for i := range 12 {
			fmt.Fprintf(&html, `<h2 id="step-%d-%d">Step %d</h2>`+"\n"+`<p>Export the deploy log of service %d, then attach it to the audit of release %d.</p>`+"\n", n, i, i, n*7+i, n+i)
			fmt.Fprintf(&plain, "Step %d\nExport the deploy log of service %d, then attach it to the audit of release %d.\n", i, n*7+i, n+i)
		}
		return &site.Rendered{HTML: html.String(), Plain: plain.String(), Words: 100}
	}
	var c bodyCodec
	c.light(body(1))
	second := body(2)
	light, z := c.light(second)
	if light.HTML != "" || !light.Cut || len(light.Plain) >= len(second.Plain) {
		t.Fatalf("light copy: HTML %d bytes, cut %v, text %d of %d bytes", len(light.HTML), light.Cut, len(light.Plain), len(second.Plain))
	}
	if back := c.heavy(light, z); back.HTML != second.HTML || back.Plain != second.Plain || back.Cut {
		t.Error("the body does not read back as it was")
	}
	if whole := c.whole(light, z); whole.Plain != second.Plain || whole.HTML != "" {
		t.Error("the text does not read back as it was")
	}
	var alone bytes.Buffer
	w, _ := flate.NewWriter(&alone, flate.BestSpeed)
	w.Write([]byte(second.Plain + second.HTML))
	w.Close()
	if len(z) >= alone.Len()*3/4 {
		t.Errorf("deflated with the first body, %d bytes; alone, %d", len(z), alone.Len())
	}
}

// Reading a body back makes little beyond the text and the HTML it
// returns: a layout change reads back every body of the site.
func TestBodyCodecReadsBackWithoutWaste(t *testing.T) {
	var html, plain strings.Builder
	for i := range 40 {
		fmt.Fprintf(&html, `<p id="p-%d">The rollout of region %d paused at %d%% while the error budget recovered.</p>`+"\n", i, i, i*3)
		fmt.Fprintf(&plain, "The rollout of region %d paused at %d%% while the error budget recovered.\n", i, i*3)
	}
	r := &site.Rendered{HTML: html.String(), Plain: plain.String(), Words: 400}
	var c bodyCodec
	light, z := c.light(r)
	if back := c.heavy(light, z); back.HTML != r.HTML || back.Plain != r.Plain {
		t.Fatal("the body does not read back as it was")
	}
	const runs = 50
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		c.heavy(light, z)
	}
	runtime.ReadMemStats(&after)
	per := int(after.TotalAlloc-before.TotalAlloc) / runs
	if most := len(r.HTML) + len(r.Plain) + 2<<10; per > most {
		t.Errorf("reading back %d bytes of HTML and text made %d bytes; at most %d expected", len(r.HTML)+len(r.Plain), per, most)
	}
}

// TestPlainPagesGoLight: a handbook page's body goes light as a story's
// does; a plain page under reports/, which a report shows as its
// narrative, keeps its HTML. Edits of either, and of the plain pages'
// layout, which renders every page again, leave a full build's files.
func TestPlainPagesGoLight(t *testing.T) {
	text := spanSite() + `-- content/reports/2026-q3.md --
---
title: Our third quarter
---
We shipped **three releases** and learned from one outage.
-- content/handbook/deploys.md --
---
title: How we deploy
---
## Before
Check the dashboards and the error budget, then announce the deploy.
## After
Watch the error rate for an hour.
`
	p := newPreviewChunked(t, text, 3)
	p.sameAsFullBuild()
	light := func(src string) bool {
		f := p.x.files[src]
		return f != nil && f.mdZ != nil && f.md.HTML == ""
	}
	if !light("content/handbook/deploys.md") {
		t.Error("the handbook page keeps its HTML")
	}
	if light("content/reports/2026-q3.md") {
		t.Error("the narrative went light")
	}
	if !p.has("reports/2026-q3/index.html", "three releases") {
		t.Error("the report lacks its narrative")
	}
	page, err := fs.ReadFile(p.theme, "layouts/page.html")
	if err != nil {
		t.Fatal(err)
	}
	edits := []struct{ file, old, new string }{
		{"content/handbook/deploys.md", "for an hour.", "for two hours."},
		{"content/reports/2026-q3.md", "three releases", "three good releases"},
		{"layouts/page.html", "", ""},
	}
	for _, e := range edits {
		data := string(page) + "\n<!-- edited -->\n"
		if f := p.fs[e.file]; f != nil {
			data = strings.Replace(string(f.Data), e.old, e.new, 1)
		}
		p.step("editing "+e.file, e.file, data)
		p.sameAsFullBuild()
		if t.Failed() {
			t.Fatalf("after editing %s", e.file)
		}
	}
	if !p.has("reports/2026-q3/index.html", "three good releases") {
		t.Error("the report lacks its edited narrative")
	}
}
