// Package browsertest starts Debian's Chromium for tests through chromedp.
// Tests that need a browser call New; where no Chromium is installed they
// are skipped with a message saying how to install it (CI installs it).
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds the browser binary.
func chromiumPath() string {
	if p := os.Getenv("ALMANAC_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless browser for the test and returns a context for
// chromedp actions, bounded by timeout. The browser closes when the test
// ends.
func New(t testing.TB, timeout time.Duration) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are skipped with -short")
	}
	path := chromiumPath()
	if path == "" {
		t.Skip("no Chromium found: apt-get install chromium (or set ALMANAC_CHROMIUM)")
	}
	opts := append([]chromedp.ExecAllocatorOption{},
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelCtx := chromedp.NewContext(actx)
	// The first run starts the browser, which lives as long as bctx: the
	// time limit goes on a context derived after that.
	if err := chromedp.Do(bctx); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("starting Chromium (%s): %v", path, err)
	}
	ctx, cancelTimeout := context.WithTimeout(bctx, timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}
