package serve

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"almanac/generator/corpus"
)

func memNow(label string) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%-20s live heap %5d MB  sys %5d MB  rss-peak %5.0f MB\n", label, m.HeapAlloc>>20, m.Sys>>20, peakRSS())
}

func TestZZMem(t *testing.T) {
	dir := os.Getenv("MEM_SITE")
	if dir == "" {
		t.Skip()
	}
	memNow("start")
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Start(ctx, Options{Source: dir, Theme: os.DirFS("../.."), Now: corpus.DefaultNow(), Drafts: true, CacheDir: "/tmp/cache10k"})
	if err != nil {
		t.Fatal(err)
	}
	memNow("built")
	story, url := firstStory(&testing.B{}, dir)
	_ = url
	orig, _ := os.ReadFile(story)
	os.WriteFile(story, append(orig, "\nmore\n"...), 0o644)
	time.Sleep(200 * time.Millisecond)
	waitIdle(srv)
	memNow("story settled")
	lay := dir + "/layouts/story.html"
	data, _ := os.ReadFile("../../layouts/story.html")
	os.MkdirAll(dir+"/layouts", 0o755)
	os.WriteFile(lay, append(data, "<!-- x -->"...), 0o644)
	time.Sleep(200 * time.Millisecond)
	waitIdle(srv)
	memNow("layout settled")
	os.Remove(lay)
	os.WriteFile(story, orig, 0o644)
	cancel()
	srv.Wait()
}
