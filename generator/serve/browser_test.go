package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"almanac/generator/internal/browsertest"
)

// waitFor evaluates a script until it returns true; the browser context's
// time limit ends a wait that never does.
func waitFor(t *testing.T, ctx context.Context, what, script string) {
	t.Helper()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script))
		if err == nil && ok {
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("waiting for %s: %v (last error %v)", what, ctx.Err(), err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitConnected waits until the page has opened its event stream.
func waitConnected(t *testing.T, ctx context.Context, srv *Server) {
	t.Helper()
	for srv.broker.Clients() == 0 {
		if ctx.Err() != nil {
			t.Fatal("the page never opened its event stream")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func eval[T any](t *testing.T, ctx context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	return v
}

// overlay reads from the error overlay, which lives in a shadow root.
const overlay = `document.querySelector("almanac-problems")?.shadowRoot`

func TestBrowserLiveReload(t *testing.T) {
	ctx := browsertest.New(t, 60*time.Second)
	// A long story, so that there is a scroll place to keep.
	long := strings.Repeat("A paragraph that makes the page long enough to scroll.\n\n", 80)
	dir := writeSite(t, strings.Replace(testSite, "The first version of the export.", "The first version of the export.\n\n"+long, 1))
	srv := start(t, dir)
	story := filepath.Join(dir, "content", "stories", "export-log.md")
	orig, _ := os.ReadFile(story)

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL()+"stories/export-log/")); err != nil {
		t.Fatal(err)
	}
	waitConnected(t, ctx, srv)
	eval[any](t, ctx, `window.scrollTo(0, 900); window.beforeEdit = true`)

	// Edit the file: the new text appears, the page reloaded by itself and
	// kept its place.
	edited := strings.Replace(string(orig), "The first version", "A freshly written version", 1)
	os.WriteFile(story, []byte(edited), 0o644)
	waitFor(t, ctx, "the new text", `document.body.innerText.includes("A freshly written version")`)
	if eval[bool](t, ctx, `window.beforeEdit === true`) {
		t.Error("the text changed without a reload")
	}
	waitFor(t, ctx, "the scroll place", `Math.abs(window.scrollY - 900) < 2`)

	// Break the front matter, with markup in the value: the overlay names
	// file:line and shows the markup as text. A write may reach the
	// preview as two changes, the emptied file and the written one, and
	// the first has an overlay of its own ("file is empty"): wait for
	// the one about the value.
	broken := strings.Replace(edited, "status: done", `status: "<img id=evil src=x>"`, 1)
	os.WriteFile(story, []byte(broken), 0o644)
	waitFor(t, ctx, "the overlay about the value", overlay+`?.querySelector(".msg")?.textContent.includes("<img id=evil src=x>") === true`)
	where := eval[string](t, ctx, overlay+`.querySelector(".where").textContent`)
	if !strings.HasPrefix(where, "content/stories/export-log.md:4") {
		t.Errorf("the overlay names %q, want content/stories/export-log.md:4", where)
	}
	msg := eval[string](t, ctx, overlay+`.querySelector(".msg").textContent`)
	if !strings.Contains(msg, "<img id=evil src=x>") {
		t.Errorf("the overlay's message %q lacks the value as text", msg)
	}
	if eval[bool](t, ctx, `document.getElementById("evil") != null || `+overlay+`.getElementById("evil") != null`) {
		t.Error("markup from the content became an element")
	}
	if !eval[bool](t, ctx, overlay+`.querySelector(".line.here") != null`) {
		t.Error("the overlay shows no source line")
	}
	if !eval[bool](t, ctx, `document.body.innerText.includes("A freshly written version")`) {
		t.Error("the page under the overlay is not the last good one")
	}

	// Fix it: the overlay goes.
	os.WriteFile(story, []byte(edited), 0o644)
	waitFor(t, ctx, "the overlay to go", `document.querySelector("almanac-problems") == null`)

	// A stylesheet change is swapped in without a reload.
	eval[any](t, ctx, `window.beforeStyle = true`)
	os.MkdirAll(filepath.Join(dir, "static", "css"), 0o755)
	os.WriteFile(filepath.Join(dir, "static", "css", "zz-preview.css"), []byte("body { outline: 3px solid rgb(1, 2, 3); }\n"), 0o644)
	waitFor(t, ctx, "the new style", `getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"`)
	if !eval[bool](t, ctx, `window.beforeStyle === true`) {
		t.Error("the page reloaded for a stylesheet change")
	}
}
