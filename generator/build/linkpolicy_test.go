package build

import (
	"context"
	"strings"
	"testing"

	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
	"almanac/generator/site"
)

// TestPreviewLinkPolicy: the preview applies [check] as a build does: a
// broken link under "warning" is a warning and the page is shown, under
// "ignore" nothing, and once the policy is "error" again it stops the
// preview's update.
func TestPreviewLinkPolicy(t *testing.T) {
	cfg := string(sitetest.Parse(smallSite)["almanac.toml"].Data)
	p := newPreview(t, strings.Replace(smallSite, cfg, cfg+"\n[check]\nlinks = \"warning\"\nanchors = \"ignore\"\n", 1))
	up := p.write("content/stories/export-log.md", storyWith("", "See [the plan](plan.md) and [notes](../releases/1.0.0.md#nowhere).\n"))
	if up.Failed() {
		t.Fatalf("a broken link under links = \"warning\" failed the update: %v", up.Diagnostics)
	}
	var warned, anchored bool
	for _, d := range up.Diagnostics {
		warned = warned || d.Severity == site.Warning && strings.Contains(d.Msg, "no page at content/stories/plan.md")
		anchored = anchored || strings.Contains(d.Msg, "#nowhere")
	}
	if !warned || anchored {
		t.Errorf("want a warning for plan.md and nothing for #nowhere: %v", up.Diagnostics)
	}
	if !p.has(storyPage, "the plan") {
		t.Error("the page was not updated")
	}
	p.settle()
	p.sameAsFullBuild()

	up = p.write("almanac.toml", cfg)
	if !up.Failed() || !strings.Contains(up.Diagnostics.Err().Error(), "no page at content/stories/plan.md") {
		t.Errorf("with the default policy the broken link must stop the update: %v", up.Diagnostics)
	}
}

// TestBrokenLinksOfResult: a check's count of broken links comes back in
// its Result, and a build that stops before links are checked says so.
func TestBrokenLinksOfResult(t *testing.T) {
	fsys := sitetest.Parse(`
-- almanac.toml --
[check]
links = "ignore"
-- content/a.md --
[x](missing.md), [y](gone.md), [z](a.md#nowhere)
`)
	b, err := New(Options{Source: fsys, Theme: themeCopy(t)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Generate(context.Background(), testNow, output.NewMemory())
	if err == nil || res.Site == nil {
		t.Fatalf("want the anchor to fail the build: %v", err)
	}
	want := `3 broken links in 1 file: 2 to missing pages or files ignored (links = "ignore"), 1 to a missing anchor (anchors = "error")`
	if !res.LinksChecked || res.Links.Summary() != want {
		t.Errorf("got %v %q, want %q", res.LinksChecked, res.Links.Summary(), want)
	}
	bad := sitetest.Parse("-- almanac.toml --\n[check]\nlinks = \"nope\"\n")
	b, err = New(Options{Source: bad, Theme: themeCopy(t)})
	if err != nil {
		t.Fatal(err)
	}
	if res, _ := b.Generate(context.Background(), testNow, output.NewMemory()); res.LinksChecked {
		t.Error("a build stopped by its config has checked links")
	}
}
