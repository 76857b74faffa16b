package serve

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeAnswersWhileBuilding: the port answers before the first build
// is done. A browser gets the building page (503, Retry-After, a refresh
// and the reload client); another client is held until the site is
// built; the open pages hear a new "hello" when it is, which makes the
// reload client reload them.
func TestServeAnswersWhileBuilding(t *testing.T) {
	release := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Start(ctx, Options{Source: writeSite(t, testSite), Theme: testTheme(t), Port: 0, Drafts: true,
		Now: testNow, Log: testLog(t), beforeBuild: func() { <-release }})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		waitOrFail(t, srv)
	})

	page := func(path string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", srv.URL()+strings.TrimPrefix(path, "/"), nil)
		req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	for _, path := range []string{"/", "/stories/export-log/"} {
		resp, body := page(path)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
			t.Errorf("GET %s while building: %d, Retry-After %q", path, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
		for _, want := range []string{"Building the site", `http-equiv="refresh"`, `name="almanac-preview"`, clientURL} {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s while building: no %q in\n%s", path, want, body)
			}
		}
	}
	if resp, _ := get(t, srv.URL()+"_almanac/live.js"); resp.StatusCode != http.StatusOK {
		t.Errorf("the reload client while building: %d", resp.StatusCode)
	}

	// A client that does not ask for HTML waits for the site.
	type answer struct {
		code int
		body string
		at   time.Time
	}
	held := make(chan answer, 1)
	go func() {
		resp, err := http.Get(srv.URL() + "stories/export-log/")
		if err != nil {
			held <- answer{}
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		held <- answer{resp.StatusCode, string(body), time.Now()}
	}()
	sc := openStream(t, srv, "/")
	hello := next(t, sc, "hello")
	select {
	case a := <-held:
		t.Fatalf("a client was answered %d before the site was built", a.code)
	case <-time.After(100 * time.Millisecond):
	}
	released := time.Now()
	close(release)

	// The open page hears another name for the site, and reloads.
	if again := next(t, sc, "hello"); again == hello {
		t.Errorf("the site's name after the build is the one before: %s", again)
	}
	<-srv.Ready()
	a := <-held
	if a.code != http.StatusOK || !strings.Contains(a.body, "The first version of the export.") || a.at.Before(released) {
		t.Errorf("the held client: %d %.80q", a.code, a.body)
	}
	for path, want := range map[string]string{"/": "Welcome.", "/stories/": "Export the deploy log"} {
		if resp, body := page(path); resp.StatusCode != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("GET %s once built: %d, want %q", path, resp.StatusCode, want)
		}
	}
}
