package build

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"almanac/generator/internal/sitetest"
	"almanac/generator/render"
	"almanac/generator/site"
)

// What a build keeps of each written page is in shared blocks: the
// rendered records lie side by side, each right after another, and the
// leads are cut as summaryLead cuts them.
func TestBuildKeepsPagesInBlocks(t *testing.T) {
	var src strings.Builder
	src.WriteString("-- almanac.toml --\ntitle = \"Blocks\"\n")
	for i := range 30 {
		n := strconv.Itoa(i)
		src.WriteString("-- content/stories/s" + n + ".md --\n---\nid: STORY-" + n + "\ntitle: Story " + n +
			"\nstatus: ready\n---\n## Why " + n + "\n" + strings.Repeat("We ship the export job. ", 20+i) + "\n")
	}
	_, res := generate(t, sitetest.Parse(src.String()))
	for _, p := range res.Site.Stories {
		r := p.Rendered
		if r == nil || !r.Cut || r.HTML != "" {
			t.Fatalf("%s: rendered record %+v, want a cut lead and no HTML", p.Source, r)
		}
		if want := render.Excerpt(summaryLead(r.Plain)); render.Excerpt(r.Plain) != want || !strings.HasPrefix(r.Plain, "Why") {
			t.Errorf("%s: lead %.40q…", p.Source, r.Plain)
		}
	}
	if len(res.Site.Stories) != 30 {
		t.Fatalf("%d stories", len(res.Site.Stories))
	}
	var at []uintptr
	for _, p := range res.Site.Pages {
		at = append(at, uintptr(unsafe.Pointer(p.Rendered)))
	}
	slices.Sort(at)
	size := unsafe.Sizeof(site.Rendered{})
	for i := 1; i < len(at); i++ {
		if gap := at[i] - at[i-1]; gap != size {
			t.Fatalf("rendered records %d bytes apart, each %d bytes: not parts of one block", gap, size)
		}
	}
}
