package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeUsage(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStderr string
	}{
		{[]string{"serve", "--help"}, ExitOK, "-no-drafts"},
		{[]string{"serve", "extra"}, ExitUsage, `unexpected argument "extra"`},
		{[]string{"serve", "--port", "70000"}, ExitUsage, "is not a port"},
		{[]string{"serve", "--source", "/no/such/folder"}, ExitUsage, "is not a folder"},
		{[]string{"serve", "--now", "soon"}, ExitUsage, "--now"},
		{[]string{"serve", "--help"}, ExitOK, "-allow-host host"},
		{[]string{"serve", "--help"}, ExitOK, "'*' is any name"},
		{[]string{"serve", "--allow-host", "https://devbox"}, ExitUsage, "without a scheme"},
		{[]string{"serve", "--allow-host", "devbox,devbox:1313"}, ExitUsage, "without a port"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.inStderr) {
			t.Errorf("almanac %v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.inStderr)
		}
	}
}

// lockedBuffer is a buffer a running command writes to while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// servingRun is a `serve` command running in the test.
type servingRun struct {
	stdout, stderr lockedBuffer
	line, url      string // the serving line and the first address in it
	cancel         context.CancelFunc
	exit           chan int
}

// startServe runs `almanac serve` on a one-story site with args added and
// waits for the line that says where it serves.
func startServe(t *testing.T, args ...string) *servingRun {
	t.Helper()
	src := writeSite(t, map[string]string{
		"almanac.toml":         "title = \"T\"\n",
		"content/stories/a.md": "---\nid: STORY-1\ntitle: A story to preview\nstatus: ready\n---\nBody.\n",
	})
	ctx, cancel := context.WithCancel(context.Background())
	r := &servingRun{cancel: cancel, exit: make(chan int, 1)}
	t.Cleanup(cancel)
	go func() {
		r.exit <- Run(ctx, append([]string{"serve", "--source", src, "--port", "0", "--no-cache", "--now", "2026-11-26"}, args...),
			Env{Stdout: &r.stdout, Stderr: &r.stderr, Theme: os.DirFS("../..")})
	}()
	serving := regexp.MustCompile(`serving .* at (http://[^ ,]+/)(, http://[^ ,]+/)* \(drafts shown`)
	for deadline := time.Now().Add(30 * time.Second); r.url == ""; time.Sleep(10 * time.Millisecond) {
		if m := serving.FindStringSubmatch(r.stdout.String()); m != nil {
			r.line, r.url = m[0], m[1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no serving line; stdout %q, stderr %q", r.stdout.String(), r.stderr.String())
		}
	}
	return r
}

// stop presses Ctrl-C and waits for a clean exit.
func (r *servingRun) stop(t *testing.T) {
	t.Helper()
	r.cancel()
	select {
	case code := <-r.exit:
		if code != ExitOK {
			t.Errorf("exit %d after Ctrl-C, stderr %q", code, r.stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestServeCommand(t *testing.T) {
	r := startServe(t)
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/$`).MatchString(r.url) {
		t.Errorf("serving at %q, want 127.0.0.1", r.url)
	}
	resp, err := http.Get(r.url + "stories/a/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "A story to preview") {
		t.Errorf("GET the story: %s", resp.Status)
	}
	r.stop(t)
	if !strings.Contains(r.stdout.String(), "stopped") {
		t.Errorf("stdout %q lacks stopped", r.stdout.String())
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	src := writeSite(t, map[string]string{"almanac.toml": "title = \"T\"\n", "content/a.md": "Hi.\n"})
	code, _, stderr := run(t, "serve", "--source", src, "--port", port, "--no-cache")
	if code != ExitFailed || !strings.Contains(stderr, "address already in use") {
		t.Errorf("serve on a busy port: exit %d, stderr %q", code, stderr)
	}
}
