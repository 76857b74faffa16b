package build

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// BenchmarkWarmEdits10000: the edits of a pull request, each built warm
// over the last build's output, against the build that filled the cache
// (processor time): a story's title, a new story, the story removed.
// Each renders again only the pages and lists that show it. Run by hand:
//
//	go test ./generator/build -run '^$' -bench 'WarmEdits10000$' -benchtime 1x -timeout 60m
func BenchmarkWarmEdits1000(b *testing.B)  { benchWarmEdits(b, 1000) }
func BenchmarkWarmEdits10000(b *testing.B) { benchWarmEdits(b, 10000) }

var storyID = regexp.MustCompile(`(?m)^id: STORY-\d+$`)

func benchWarmEdits(b *testing.B, pages int) {
	defer TuneMemory(os.Getenv)() // as the command does
	dir := corpusDir(b, pages)
	stories, err := filepath.Glob(filepath.Join(dir, "content", "stories", "*.md"))
	if err != nil || len(stories) < 2 {
		b.Fatalf("%d stories: %v", len(stories), err)
	}
	edit := func(name string, change func([]byte) []byte) {
		b.Helper()
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(name, change(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	newStory := filepath.Join(dir, "content", "stories", "zz-a-new-story.md")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cache, dest := b.TempDir(), filepath.Join(b.TempDir(), "public")
		_, fill := timeBuildAt(b, dir, cache, dest, testNow)
		edit(stories[0], func(d []byte) []byte {
			return bytes.Replace(d, []byte("\ntitle: "), []byte("\ntitle: Renamed, "), 1)
		})
		_, title := timeBuildAt(b, dir, cache, dest, testNow)
		data, err := os.ReadFile(stories[1])
		if err != nil {
			b.Fatal(err)
		}
		data = storyID.ReplaceAll(data, []byte("id: STORY-999999"))
		data = bytes.Replace(data, []byte("\ntitle: "), []byte("\ntitle: A new story, "), 1)
		if err := os.WriteFile(newStory, data, 0o644); err != nil {
			b.Fatal(err)
		}
		_, added := timeBuildAt(b, dir, cache, dest, testNow)
		if err := os.Remove(newStory); err != nil {
			b.Fatal(err)
		}
		_, removed := timeBuildAt(b, dir, cache, dest, testNow)
		b.Logf("%d pages: filling the cache %s; a title edited %s, a story added %s, removed %s (processor time)", pages,
			fill.Round(time.Millisecond), title.Round(time.Millisecond), added.Round(time.Millisecond), removed.Round(time.Millisecond))
		b.ReportMetric(float64(title)/float64(fill), "x-fill-title")
		b.ReportMetric(float64(added)/float64(fill), "x-fill-added")
		b.ReportMetric(float64(removed)/float64(fill), "x-fill-removed")
	}
}
