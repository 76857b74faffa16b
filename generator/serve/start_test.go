package serve

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// capturedLog is a server's log, kept for the test to read and shown with
// -v.
type capturedLog struct {
	t  testing.TB
	mu sync.Mutex
	b  strings.Builder
}

func (l *capturedLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *capturedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startWith runs a preview of dir with the options set changes, until the
// test ends, and returns it with its log.
func startWith(t *testing.T, dir string, set func(*Options)) (*Server, *capturedLog) {
	t.Helper()
	log := &capturedLog{t: t}
	opts := Options{Source: dir, Theme: testTheme(t), Port: 0, Drafts: true, Now: testNow, Log: log}
	set(&opts)
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Start(ctx, opts)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		waitOrFail(t, srv)
	})
	<-srv.Ready()
	return srv, log
}

// TestServeBrokenSiteSaysWhatIsShown: the terminal says what the preview
// shows while the site has errors: nothing when it never built, the last
// good site once it has.
func TestServeBrokenSiteSaysWhatIsShown(t *testing.T) {
	const never = "nothing has built yet; the preview shows the errors until they are fixed"
	const lastGood = "the preview keeps showing the last good site"
	dir := writeSite(t, strings.Replace(testSite, "status: done", "status: [done", 1))
	srv, log := startWith(t, dir, func(*Options) {})
	if out := log.String(); !strings.Contains(out, "1 error(s): "+never) || strings.Contains(out, "last good") {
		t.Errorf("a site broken from the start:\n%s", out)
	}

	sc := openStream(t, srv, "/stories/export-log/")
	story := filepath.Join(dir, "content", "stories", "export-log.md")
	data, _ := os.ReadFile(story)
	fixed := strings.Replace(string(data), "status: [done", "status: done", 1)
	os.WriteFile(story, []byte(fixed), 0o644)
	for reload := ""; !strings.Contains(reload, `"all":true`); {
		reload = next(t, sc, "reload")
	}
	if out := log.String(); !strings.Contains(out, "fixed: the site builds\n") {
		t.Errorf("the first good build is not told as such:\n%s", out)
	}

	// Broken again: now there is a last good site to show.
	os.WriteFile(story, []byte(strings.Replace(fixed, "status: done", "status: [done", 1)), 0o644)
	var probs problemList
	for len(probs.Errors) == 0 {
		json.Unmarshal([]byte(next(t, sc, "problems")), &probs)
	}
	if out := log.String(); !strings.Contains(out, "error(s): "+lastGood) {
		t.Errorf("a site broken after it built:\n%s", out)
	}
}

// TestServeListsBrokenFromTheStart: when the pages build but a list does
// not, the terminal says so, and not that a last good site is shown.
func TestServeListsBrokenFromTheStart(t *testing.T) {
	// The home page fails as it is rendered, which the deferred work does.
	site := testSite + "-- layouts/home.html --\n{{define \"main\"}}{{index .Site.Pages 999}}{{end}}\n"
	_, log := startWith(t, writeSite(t, site), func(*Options) {})
	out := log.String()
	if !strings.Contains(out, "error(s): the pages built, but the lists and views") || strings.Contains(out, "last good") {
		t.Errorf("a site whose lists are broken from the start:\n%s", out)
	}
}
