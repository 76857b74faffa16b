package build

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"almanac/generator/internal/browsertest"
	"almanac/generator/output"
)

// TestMetricsInBrowser builds the repository's own site (content/ at
// 2026-11-26) and opens /metrics/ in Chromium: every chart is drawn with
// a size, every tile shows a number, and pointing at a chart writes a
// read-out.
func TestMetricsInBrowser(t *testing.T) {
	ctx := browsertest.New(t, 60*time.Second)
	root := os.DirFS("../..")
	b, err := New(Options{Source: root, Theme: root})
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.FixedZone("KST", 9*3600))
	if _, err := b.Generate(context.Background(), now, mem); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServerFS(mem))
	defer srv.Close()

	for _, size := range []struct{ w, h int64 }{{1280, 900}, {390, 844}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h), chromedp.Navigate(srv.URL+"/metrics/")); err != nil {
			t.Fatal(err)
		}
		// Charts: the trends, incidents, throughput and the tiles' and
		// series cards' sparklines.
		charts := evalIn[[]float64](t, ctx, `Array.from(document.querySelectorAll("svg.chart")).map(s => {
			const r = s.getBoundingClientRect(); return Math.min(r.width, r.height) })`)
		if len(charts) < 14 {
			t.Errorf("%dpx wide: %d charts on /metrics/, want at least 14 (7 charts, 7 sparklines)", size.w, len(charts))
		}
		for i, side := range charts {
			if side <= 0 {
				t.Errorf("%dpx wide: chart %d has an empty bounding box", size.w, i)
			}
		}
		// Tiles: the four keys and time to restore, each with a figure.
		values := evalIn[[]string](t, ctx, `Array.from(document.querySelectorAll(".tiles .tile-value")).map(e => e.textContent)`)
		if len(values) != 5 {
			t.Errorf("%dpx wide: %d tiles, want 5", size.w, len(values))
		}
		for i, v := range values {
			if !hasDigit(v) {
				t.Errorf("%dpx wide: tile %d shows %q, not a number", size.w, i, v)
			}
		}
	}

	// Pointing at the middle of the first trend chart writes the date and
	// value of the nearest week under it.
	readout := evalIn[string](t, ctx, `(() => {
		const svg = document.querySelector("#trend-deployment_frequency svg.chart");
		const r = svg.getBoundingClientRect();
		svg.dispatchEvent(new PointerEvent("pointermove", {clientX: r.left + r.width * 0.9, clientY: r.top + r.height / 2, bubbles: true}));
		return svg.parentNode.querySelector(".chart-readout").textContent })()`)
	if !hasDigit(readout) {
		t.Errorf("read-out after pointing at a chart = %q, want a date and a value", readout)
	}
}

func evalIn[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func hasDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}
