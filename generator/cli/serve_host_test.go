package cli

import (
	"context"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeOnTheNetwork: serve --bind 0.0.0.0 warns, names the addresses
// to type rather than localhost, and still refuses names it was not given.
func TestServeOnTheNetwork(t *testing.T) {
	src := writeSite(t, map[string]string{
		"almanac.toml":         "title = \"T\"\n",
		"content/stories/a.md": "---\nid: STORY-1\ntitle: A story to preview\nstatus: ready\n---\nBody.\n",
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- Run(ctx, []string{"serve", "--source", src, "--port", "0", "--no-cache", "--now", "2026-11-26",
			"--bind", "0.0.0.0", "--allow-host", "devbox", "--allow-host", "preview.team.example,10.9.8.7"},
			Env{Stdout: &stdout, Stderr: &stderr, Theme: os.DirFS("../..")})
	}()
	serving := regexp.MustCompile(`serving .* at (http://[^ ,]+/)(, http://[^ ,]+/)* \(drafts shown`)
	var line, url string
	for deadline := time.Now().Add(30 * time.Second); url == ""; time.Sleep(10 * time.Millisecond) {
		if m := serving.FindStringSubmatch(stdout.String()); m != nil {
			line, url = m[0], m[1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no serving line; stdout %q, stderr %q", stdout.String(), stderr.String())
		}
	}
	if strings.Contains(line, "localhost") || strings.Contains(line, "0.0.0.0") {
		t.Errorf("the serving line names no address to type: %q", line)
	}
	if !strings.Contains(stderr.String(), "warning: listening on 0.0.0.0 opens the preview to the network") {
		t.Errorf("no warning; stderr %q", stderr.String())
	}
	client := &http.Client{Transport: &http.Transport{Proxy: nil}}
	for host, want := range map[string]int{
		"devbox:1313": http.StatusOK, "preview.team.example": http.StatusOK, "10.9.8.7": http.StatusOK, "localhost": http.StatusOK,
		"attacker.example": http.StatusForbidden,
	} {
		req, _ := http.NewRequest("GET", url+"stories/a/", nil)
		req.Host = host
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %s, want %d", host, resp.Status, want)
		}
	}
	cancel()
	select {
	case code := <-exit:
		if code != ExitOK {
			t.Errorf("exit %d after Ctrl-C, stderr %q", code, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
}
