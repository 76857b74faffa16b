package cli

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServeOnTheNetwork: serve --bind 0.0.0.0 warns, names the addresses
// to type rather than localhost, and still refuses names it was not given.
func TestServeOnTheNetwork(t *testing.T) {
	r := startServe(t, "--bind", "0.0.0.0", "--allow-host", "devbox", "--allow-host", "preview.team.example,10.9.8.7")
	line, url := r.line, r.url
	if strings.Contains(line, "localhost") || strings.Contains(line, "0.0.0.0") {
		t.Errorf("the serving line names no address to type: %q", line)
	}
	if !strings.Contains(r.stderr.String(), "warning: listening on 0.0.0.0 opens the preview to the network") {
		t.Errorf("no warning; stderr %q", r.stderr.String())
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
	r.stop(t)
}
