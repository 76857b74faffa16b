package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestNew opens a page served on loopback and reads a script's result, so
// the browser plumbing itself is known to work before other tests use it.
func TestNew(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><title>t</title><p id="p">static</p><script>document.getElementById("p").textContent = "scripted"</script>`)
	}))
	defer srv.Close()
	ctx := New(t, 30*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#p")))
	if err != nil {
		t.Fatal(err)
	}
	if text != "scripted" {
		t.Errorf("paragraph = %q, want the script's text", text)
	}
}
