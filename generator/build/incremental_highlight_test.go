package build

import (
	"context"
	"testing"

	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
)

// With a cache folder, the preview lets go of the first build's
// highlighted blocks held in memory: a save renders its body's blocks
// from the folder, highlighting none again.
func TestIncrementalHighlightsFromTheFolderAfterTheFirstBuild(t *testing.T) {
	code := "```go\nfunc main() { println(\"export\") }\n```\n"
	p := &preview{t: t, fs: sitetest.Parse(smallSite), theme: themeCopy(t), out: output.NewMemory()}
	p.fs["content/stories/export-log.md"].Data = []byte(storyWith("", "Run it:\n\n"+code))
	b, err := New(Options{Source: p.fs, Theme: p.theme, Drafts: true, LiveReload: "/_live.js", CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	p.x = b.Incremental(testNow, p.out)
	if up := p.x.Build(context.Background()); up.Failed() {
		t.Fatalf("first build: %v", up.Diagnostics)
	}
	if _, misses := b.highlight.Stats(); misses != 1 {
		t.Fatalf("the first build highlighted %d blocks, want 1", misses)
	}
	if p.x.b.highlight == b.highlight {
		t.Fatal("the preview keeps the first build's highlighting cache")
	}
	if up := p.write("content/stories/export-log.md", storyWith("", "Run it now:\n\n"+code)); up.Failed() {
		t.Fatal(up.Diagnostics)
	}
	if hits, misses := p.x.b.highlight.Stats(); hits != 1 || misses != 0 {
		t.Errorf("the save highlighted %d blocks and read %d, want 0 and 1", misses, hits)
	}
	p.settle()
	p.sameAsFullBuild()
}
