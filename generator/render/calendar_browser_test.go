package render_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"almanac/generator/build"
	"almanac/generator/internal/browsertest"
	"almanac/generator/output"
)

// calendarSample builds the repository's own site at 2026-11-26 09:00 in
// Seoul (as `almanac build --now 2026-11-26` does) and serves it.
func calendarSample(t *testing.T) *httptest.Server {
	t.Helper()
	root := os.DirFS("../..")
	b, err := build.New(build.Options{Source: root, Theme: root})
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	if _, err := b.Generate(context.Background(), time.Date(2026, 11, 26, 9, 0, 0, 0, seoul), mem); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServerFS(mem))
	t.Cleanup(srv.Close)
	return srv
}

// readerClock makes every page the tab opens see the given moment as now,
// so the test knows which day calendar.js will call today. It returns a
// step that undoes it.
func readerClock(t *testing.T, ctx context.Context, at string) func() {
	t.Helper()
	src := `(() => {
  const fixed = new Date(` + "`" + at + "`" + `).getTime();
  const Real = Date;
  class Fixed extends Real {
    constructor(...a) { if (a.length === 0) { super(fixed); } else { super(...a); } }
    static now() { return fixed; }
  }
  Date = Fixed;
})();`
	id, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (page.ScriptIdentifier, error) {
		res, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return res.Identifier, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return func() {
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: id})
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
	}
}

// waitLoaded waits until expr is true in a page that is being replaced
// by a navigation: while the old page goes, evaluating fails, and that is
// no error yet.
func waitLoaded(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: %v", expr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestCalendarBrowser opens /calendar/ of the sample site: today is
// marked, "next" leads to December with its planned release, the reader's
// own clock moves the mark, and a phone shows the list view.
func TestCalendarBrowser(t *testing.T) {
	srv := calendarSample(t)
	ctx := browsertest.New(t, 60*time.Second)
	calURL := srv.URL + "/calendar/"

	// The page as built marks the build's today, with or without script.
	resp, err := http.Get(calURL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `<td class="cal-day today has-ev" data-date="2026-11-26" aria-current="date">`) {
		t.Error("the built page does not mark 2026-11-26 as today")
	}

	t.Run("today and next", func(t *testing.T) {
		undo := readerClock(t, ctx, "2026-11-26T09:00:00+09:00")
		defer undo()
		run(t, ctx, chromedp.Navigate(calURL))
		waitJS(t, ctx, `document.querySelector(".cal").dataset.readerToday === "2026-11-26"`)
		if got := eval[string](t, ctx, `document.querySelector("h1").textContent`); got != "November 2026" {
			t.Errorf("h1 = %q", got)
		}
		marked := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".cal-day.today")).map(c => c.dataset.date + " " + c.querySelector(".cal-today").textContent)`)
		if len(marked) != 1 || marked[0] != "2026-11-26 today" {
			t.Errorf("marked today: %v", marked)
		}

		run(t, ctx, chromedp.Click(chromedp.CSS(`.cal-nav a[rel=next]`)))
		waitLoaded(t, ctx, `location.pathname === "/calendar/2026/12/" && document.readyState === "complete"`)
		if got := eval[string](t, ctx, `document.querySelector("h1").textContent`); got != "December 2026" {
			t.Errorf("after next, h1 = %q", got)
		}
		rel := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".cal-grid .cal-ev.k-release")).map(a => a.closest("td").dataset.date + " " + a.textContent.replace(/\s+/g, " ").trim())`)
		found := false
		for _, r := range rel {
			found = found || strings.HasPrefix(r, "2026-12-17 ") && strings.Contains(r, "1.11.0") && strings.Contains(r, "planned")
		}
		if !found {
			t.Errorf("December lacks 1.11.0 planned on the 17th: %v", rel)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll(".cal-day.today").length`); n != 0 {
			t.Errorf("December marks %d days as today", n)
		}
	})

	t.Run("reader's clock", func(t *testing.T) {
		// A day after the build, in Seoul: the script moves the mark.
		undo := readerClock(t, ctx, "2026-11-27T08:00:00+09:00")
		defer undo()
		run(t, ctx, chromedp.Navigate(calURL))
		waitJS(t, ctx, `document.querySelector(".cal").dataset.readerToday === "2026-11-27"`)
		marked := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".cal-day.today, .cal-day[aria-current]")).map(c => c.dataset.date)`)
		if len(marked) != 1 || marked[0] != "2026-11-27" {
			t.Errorf("with the reader on the 27th, marked: %v", marked)
		}
	})

	t.Run("phone", func(t *testing.T) {
		undo := readerClock(t, ctx, "2026-11-26T09:00:00+09:00")
		defer undo()
		run(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(calURL))
		waitJS(t, ctx, `document.readyState === "complete"`)
		type box struct {
			ListShown, ChipsShown bool
			ListTop, GridTop      float64
			Width, Scroll         int
			Today                 string
		}
		b := eval[box](t, ctx, `(() => {
  const list = document.querySelector(".cal-list"), grid = document.querySelector(".cal-grid");
  const chip = document.querySelector(".cal-grid .cal-ev");
  return {
    ListShown: getComputedStyle(list).display !== "none" && list.getBoundingClientRect().height > 0,
    ChipsShown: !!chip && chip.getClientRects().length > 0,
    ListTop: list.getBoundingClientRect().top, GridTop: grid.getBoundingClientRect().top,
    Width: document.documentElement.clientWidth, Scroll: document.documentElement.scrollWidth,
    Today: (document.querySelector(".cal-lday.today") || {}).id || "",
  };
})()`)
		if !b.ListShown {
			t.Error("at 390 px the list view is hidden")
		}
		if b.ChipsShown {
			t.Error("at 390 px the grid still shows its event chips")
		}
		if b.ListTop > b.GridTop {
			t.Errorf("the list (top %.0f) should come before the grid (top %.0f)", b.ListTop, b.GridTop)
		}
		if b.Scroll > b.Width {
			t.Errorf("the page scrolls sideways: %d px wide in a %d px viewport", b.Scroll, b.Width)
		}
		if b.Today != "d-2026-11-26" {
			t.Errorf("the list marks %q as today", b.Today)
		}
	})
}
