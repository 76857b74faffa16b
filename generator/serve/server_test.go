package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"almanac/generator/internal/sitetest"
)

var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

const testSite = `
-- almanac.toml --
title = "Preview team"
base_url = "https://example.org/team/"
-- content/_index.md --
Welcome.
-- content/stories/export-log.md --
---
id: STORY-1
title: Export the deploy log
status: done
release: 1.0.0
changelog: added
---
The first version of the export.
-- content/releases/1.0.0.md --
---
version: 1.0.0
status: released
planned_date: 2026-10-14
released_at: 2026-10-14T15:00:00+09:00
---
Ships the export.
-- content/files/plan.ics --
BEGIN:VCALENDAR
END:VCALENDAR
-- content/files/data.json --
{"ok": true}
`

// writeSite writes a site given as -- path -- sections into a fresh
// folder and returns it.
func writeSite(t testing.TB, text string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	for name, f := range sitetest.Parse(text) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// start runs a preview of dir on a free port until the test ends.
func start(t testing.TB, dir string) *Server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Start(ctx, Options{Source: dir, Theme: testTheme(t), Port: 0, Drafts: true, Now: testNow, Log: testLog(t)})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		waitOrFail(t, srv)
	})
	<-srv.Ready()
	return srv
}

// testTheme is a copy of the repository's theme, so that a test sees one
// version of it while the files are being edited.
func testTheme(t testing.TB) fs.FS {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("..", "..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	return os.DirFS(dir)
}

// testLog is where the server's progress goes: the test's log with -v.
func testLog(t testing.TB) io.Writer {
	return logWriter{t}
}

type logWriter struct{ t testing.TB }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// waitOrFail waits for the server to stop; a hang fails the test.
func waitOrFail(t testing.TB, srv *Server) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- srv.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Wait: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Error("the server did not shut down")
	}
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestServePages(t *testing.T) {
	srv := start(t, writeSite(t, testSite))
	base := strings.TrimSuffix(srv.URL(), "/")
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Errorf("URL %s is not on 127.0.0.1", srv.URL())
	}
	tests := []struct {
		path, status, ctype, body string
	}{
		{"/", "200", "text/html; charset=utf-8", "Welcome."},
		{"/stories/export-log/", "200", "text/html", "The first version of the export."},
		{"/stories/export-log/index.html", "200", "text/html", "Export the deploy log"},
		{"/stories/export-log", "301", "", ""},
		{"/index.xml", "200", "application/atom+xml", "<feed"},
		{"/sitemap.xml", "200", "application/xml", "/stories/export-log/"},
		{"/favicon.svg", "200", "image/svg+xml", "<svg"},
		{"/files/plan.ics", "200", "text/calendar", "BEGIN:VCALENDAR"},
		{"/files/data.json", "200", "application/json", `"ok"`},
		{"/no/such/page/", "404", "text/html", "<html"},
		{"/_almanac/live.js", "200", "text/javascript", "EventSource"},
	}
	for _, tt := range tests {
		resp, body := get(t, base+tt.path)
		if got := resp.Status[:3]; got != tt.status {
			t.Errorf("GET %s: %s, want %s", tt.path, resp.Status, tt.status)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.path, ct, tt.ctype)
		}
		if !strings.Contains(body, tt.body) {
			t.Errorf("GET %s: body lacks %q", tt.path, tt.body)
		}
	}
	// Every page loads the reload client; links use the server's address,
	// not the configured base URL.
	_, home := get(t, base+"/")
	if !strings.Contains(home, `<script src="/_almanac/live.js" defer></script>`) {
		t.Error("the home page does not load the reload client")
	}
	if strings.Contains(home, "example.org/team") {
		t.Error("the preview links to the published base URL")
	}
	if resp, _ := get(t, base+"/js/live.js"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the reload client is part of the site: %s", resp.Status)
	}
}

// rawGet sends a request line as written, so that no client cleans the
// path first, and returns the status code and the body.
func rawGet(t *testing.T, base, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestServeStaysInsideTheSite(t *testing.T) {
	dir := writeSite(t, testSite)
	secret := "SECRET-" + strings.Repeat("x", 8)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.txt"), []byte(secret), 0o644)
	srv := start(t, dir)
	base := strings.TrimSuffix(srv.URL(), "/")
	attempts := []string{
		"/../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/%2e%2e%2fsecret.txt",
		"/stories/%2e%2e/%2e%2e/secret.txt",
		`/..\secret.txt`,
		"/%5c..%5csecret.txt",
		"/..%5csecret.txt",
		"//../secret.txt",
		"/almanac.toml",
		"/content/stories/export-log.md",
		"/%2fetc%2fpasswd",
		"/%00",
	}
	for _, target := range attempts {
		code, body := rawGet(t, base, target)
		if code == http.StatusOK || strings.Contains(body, secret) || strings.Contains(body, "base_url") || strings.Contains(body, "id: STORY-1") {
			t.Errorf("GET %s: %d, %.80q", target, code, body)
		}
	}
}

// openStream opens the event stream as the page at path would. It ends after
// a while, so that an event that never comes fails the test instead of
// hanging it.
func openStream(t *testing.T, srv *Server, path string) *bufio.Scanner {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL()+"_almanac/events?path="+path, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return bufio.NewScanner(resp.Body)
}

// next returns the data of the next event of that name, skipping others.
func next(t *testing.T, sc *bufio.Scanner, name string) string {
	t.Helper()
	cur := ""
	for sc.Scan() {
		line := sc.Text()
		if n, ok := strings.CutPrefix(line, "event: "); ok {
			cur = n
		}
		if d, ok := strings.CutPrefix(line, "data: "); ok && cur == name {
			return d
		}
	}
	t.Fatalf("the stream ended before a %q event: %v", name, sc.Err())
	return ""
}

func TestServeLiveReload(t *testing.T) {
	dir := writeSite(t, testSite)
	srv := start(t, dir)
	sc := openStream(t, srv, "/stories/export-log/")
	next(t, sc, "hello")

	story := filepath.Join(dir, "content", "stories", "export-log.md")
	orig, _ := os.ReadFile(story)
	edited := strings.Replace(string(orig), "The first version", "The second version", 1)
	if err := os.WriteFile(story, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	var msg reloadMessage
	for !contains(msg.URLs, "/stories/export-log/") {
		json.Unmarshal([]byte(next(t, sc, "reload")), &msg)
	}
	if _, body := get(t, srv.URL()+"stories/export-log/"); !strings.Contains(body, "The second version") {
		t.Error("after the reload event the page lacks the new text")
	}

	// A broken front matter: the problems event names file:line, and the
	// page stays as it was.
	broken := strings.Replace(edited, "status: done", "status: [done", 1)
	os.WriteFile(story, []byte(broken), 0o644)
	// (A write may show as two changes, the truncated file and the
	// written one: wait for the problems, then for them to go.)
	var probs problemList
	for len(probs.Errors) == 0 {
		json.Unmarshal([]byte(next(t, sc, "problems")), &probs)
	}
	if !strings.HasPrefix(probs.Errors[0].Where, "content/stories/export-log.md:") || probs.Errors[0].Line == 0 {
		t.Fatalf("problems %+v, want one at content/stories/export-log.md:line", probs)
	}
	if len(probs.Errors[0].Excerpt) == 0 {
		t.Error("the problem has no source lines")
	}
	if _, body := get(t, srv.URL()+"stories/export-log/"); !strings.Contains(body, "The second version") {
		t.Error("a broken file took the last good page away")
	}
	// Fixed: the problems go away.
	os.WriteFile(story, []byte(edited), 0o644)
	for len(probs.Errors) != 0 {
		json.Unmarshal([]byte(next(t, sc, "problems")), &probs)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestServeFirstBuildFails: a site that does not build is still served: a
// placeholder page that loads the reload client, which gets the problems
// at once and loads the site when it builds.
func TestServeFirstBuildFails(t *testing.T) {
	dir := writeSite(t, strings.Replace(testSite, "status: done", "status: [done", 1))
	srv := start(t, dir)
	resp, body := get(t, srv.URL()+"stories/export-log/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, `src="/_almanac/live.js"`) {
		t.Errorf("before the first good build: %s %.100q", resp.Status, body)
	}
	sc := openStream(t, srv, "/stories/export-log/")
	var probs problemList
	json.Unmarshal([]byte(next(t, sc, "problems")), &probs)
	if len(probs.Errors) == 0 || probs.Errors[0].File != "content/stories/export-log.md" {
		t.Fatalf("a page opened on a broken site gets %+v", probs)
	}
	story := filepath.Join(dir, "content", "stories", "export-log.md")
	data, _ := os.ReadFile(story)
	os.WriteFile(story, []byte(strings.Replace(string(data), "status: [done", "status: done", 1)), 0o644)
	for reload := ""; !strings.Contains(reload, `"all":true`); {
		reload = next(t, sc, "reload")
	}
	if resp, body := get(t, srv.URL()+"stories/export-log/"); resp.StatusCode != http.StatusOK || !strings.Contains(body, "The first version") {
		t.Errorf("after the fix: %s", resp.Status)
	}
}
