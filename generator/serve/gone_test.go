package serve

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// waitUntil waits until cond holds; a state that never comes fails the test.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for %s", what)
		}
	}
}

// TestServeFileGoneBeforeRead: an editor's temporary file in content/
// (story.md.t) is written, seen by a rebuild, and removed before the
// deferred work copies it. That is no error: neither the terminal nor the
// pages show one, and the file counts as removed.
func TestServeFileGoneBeforeRead(t *testing.T) {
	dir := writeSite(t, testSite)
	tmp := filepath.Join(dir, "content", "files", "story.md.t")
	removed := make(chan struct{})
	var once sync.Once
	srv, log := startWith(t, dir, func(o *Options) {
		// The deferred work has its snapshot, with the file in it: the
		// editor removes the file now, before the copy reads it.
		o.beforeSettle = func() {
			if err := os.Remove(tmp); err == nil {
				once.Do(func() { close(removed) })
			}
		}
	})
	sc := openStream(t, srv, "/")
	next(t, sc, "hello")
	if err := os.WriteFile(tmp, []byte("a save in progress"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-removed:
	case <-time.After(30 * time.Second):
		t.Fatal("no rebuild took the temporary file")
	}
	waitUntil(t, "the preview to be idle", srv.idle)
	if n := srv.problems.count(); n != 0 {
		t.Errorf("%d problem(s) after a temporary file came and went", n)
	}
	if out := log.String(); strings.Contains(out, "error") || strings.Contains(out, "story.md.t: open") {
		t.Errorf("the terminal shows an error for a file that went away:\n%s", out)
	}
	if resp, _ := get(t, srv.URL()+"files/story.md.t"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the removed file is served: %s", resp.Status)
	}
	// The preview still follows changes.
	story := filepath.Join(dir, "content", "stories", "export-log.md")
	data, _ := os.ReadFile(story)
	os.WriteFile(story, []byte(strings.Replace(string(data), "The first version", "The next version", 1)), 0o644)
	for reload := ""; !strings.Contains(reload, "/stories/export-log/"); {
		reload = next(t, sc, "reload")
	}
}
