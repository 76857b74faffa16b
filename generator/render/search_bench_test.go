package render_test

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"almanac/generator/build"
	"almanac/generator/corpus"
	"almanac/generator/internal/browsertest"
)

// BenchmarkSearchBrowser10000 builds a generated 10,000-page site to
// disk, serves it, and searches it in Chromium. It reports the index's
// size, the bytes a first and a second query fetch (files under search/,
// as Resource Timing sees them) and the time a query takes in the page:
// cold (each query from nothing but the manifest: its shards, then the
// records of its first six results), warm (the same again), and typed (a
// reader typing into the header's box, from the search's start to the
// dropdown showing). The index's share of a build is BenchmarkSearchShare
// in generator/build. Run by hand (minutes):
//
//	go test ./generator/render -run '^$' -bench SearchBrowser -benchtime 1x
func BenchmarkSearchBrowser10000(b *testing.B) { benchSearchBrowser(b, 10000) }

// BenchmarkSearchBrowser1000 is the same on a smaller site.
func BenchmarkSearchBrowser1000(b *testing.B) { benchSearchBrowser(b, 1000) }

// benchQueries are searched one after another in one page: words of the
// generated corpus, prefixes, two-word queries, ids and Korean.
var benchQueries = []string{
	"rollback", "circuit breaker", "deploy", "latency spike", "export", "migration lock",
	"payments", "cache", "on-call", "feature flag", "STORY-4769", "5.116.0", "webhook", "timeout",
	"배포", "정산", "장애", "dead-letter queue", "rollbak", "inventory", "audit", "throughput",
	"staging", "canary", "postgres", "backups", "alert", "invoice", "merchant", "release train",
	"kubectl", "config change", "replica", "certificate", "rate limit", "retry", "checkout", "ledger",
	"incident", "runbook",
}

func benchSearchBrowser(b *testing.B, pages int) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := corpus.WriteDir(dir, corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	bld, err := build.New(build.Options{Source: os.DirFS(dir), Theme: os.DirFS("../..")})
	if err != nil {
		b.Fatal(err)
	}
	// Built to disk and served from there, as a static host would: the
	// benchmark's process then holds no copy of the site, whose heap
	// would make the server stall on the collector now and then.
	public := filepath.Join(b.TempDir(), "public")
	start := time.Now()
	if _, err := bld.ToDisk(context.Background(), corpus.DefaultNow(), public); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d pages in %v", pages, time.Since(start))
	bld = nil
	runtime.GC()
	var indexBytes, files int
	err = filepath.WalkDir(filepath.Join(public, "search"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".html") {
			info, err := d.Info()
			if err != nil {
				return err
			}
			indexBytes += int(info.Size())
			files++
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	// no-store: what a query needs comes over the wire, never from the
	// browser's cache of an earlier page.
	static := http.FileServer(http.Dir(public))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		static.ServeHTTP(w, r)
	}))
	defer srv.Close()
	ctx := browsertest.New(b, 25*time.Minute)
	// chromedp turns on the DevTools network domain, which records every
	// request (with the script's stack) and keeps every response's body
	// for the client: work of a browser under test, not of a reader's, and
	// most of what a request cost here. Resource Timing, which the byte
	// counts come from, is the page's own and stays.
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.Disable, cdp.Empty{})
		return err
	}))
	if err != nil {
		b.Fatal(err)
	}

	do := func(steps ...chromedp.Action[chromedp.Void]) {
		if err := chromedp.Do(ctx, steps...); err != nil {
			b.Fatal(err)
		}
	}
	evalJS := func(expr string, v any) {
		r, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr, chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatalf("%s: %v", expr, err)
		}
		switch p := v.(type) {
		case *float64:
			*p = r.(float64)
		case *string:
			*p = fmt.Sprint(r)
		}
	}
	fetched := `performance.getEntriesByType("resource").filter(e => e.name.includes("/search/"))`
	sum := fetched + `.reduce((n, e) => n + e.encodedBodySize, 0)`
	waitShown := `new Promise(ok => { const t = setInterval(() => { if (!document.getElementById("search-pop").hidden) { clearInterval(t); ok(1); } }, 5); })`
	// Each query arrives whole, as when pasted: the bytes counted are the
	// query's own, not those of the prefixes a typist's pauses let the
	// dropdown search on the way (typed latency covers typing).
	ask := func(q string) string {
		return `(() => { const i = document.getElementById("search-q"); i.value = ` + jsString(q) + `; i.dispatchEvent(new Event("input")); })()`
	}

	b.ResetTimer()
	var first, second, firstN, secondN float64
	for i := 0; i < b.N; i++ {
		do(chromedp.Navigate(srv.URL + "/stories/"))
		evalJS(`performance.clearResourceTimings()`, nil)
		do(chromedp.Click(chromedp.CSS("#search-q")))
		evalJS(ask("rollback"), nil)
		evalJS(waitShown, nil)
		do(chromedp.Sleep(300 * time.Millisecond))
		evalJS(sum, &first)
		evalJS(fetched+`.length`, &firstN)
		evalJS(`performance.clearResourceTimings()`, nil)
		evalJS(ask("circuit breaker"), nil)
		do(chromedp.Sleep(600 * time.Millisecond))
		evalJS(sum, &second)
		evalJS(fetched+`.length`, &secondN)
	}
	b.StopTimer()

	// Latency: each query as the dropdown runs it (search, then the records
	// of the first six results), first cold, then again warm; on a fresh
	// page, so that no query finds its files fetched by the byte counts
	// above, and with no warm-up: the first query is a reader's first.
	do(chromedp.Navigate(srv.URL+"/stories/"), chromedp.Sleep(time.Second))
	evalJS(`almanacSearch.terms("").then(() => 0)`, nil) // the manifest, as focusing the box fetches it
	var lat string
	list := `[` + strings.Join(quoteAll(benchQueries), ",") + `]`
	evalJS(`(async () => {
		const cold = [], warm = [], split = [];
		for (const q of `+list+`) {
			performance.clearResourceTimings();
			let t = performance.now();
			let r = await almanacSearch.search(q);
			let t1 = performance.now();
			await almanacSearch.records(almanacSearch.best(r, 6));
			cold.push(performance.now() - t);
			split.push((t1 - t).toFixed(1) + "+" + (performance.now() - t1).toFixed(1) + " ms; fetched " +
				performance.getEntriesByType("resource").map(e => e.name.replace(/.*search.|[?].*/g, "") + " " + e.duration.toFixed(1)).join(", "));
		}
		for (const q of `+list+`) {
			let t = performance.now();
			let r = await almanacSearch.search(q);
			await almanacSearch.records(almanacSearch.best(r, 6));
			warm.push(performance.now() - t);
		}
		return JSON.stringify({cold, warm, split});
	})()`, &lat)
	cold, warm, split := parseLatencies(b, lat)
	typed := typedLatencies(b, ctx, srv.URL, do, evalJS)
	input := inputLatencies(b, srv.URL, do, evalJS)
	slowest := make([]int, len(cold))
	for i := range slowest {
		slowest[i] = i
	}
	slices.SortFunc(slowest, func(x, y int) int { return cmp.Compare(cold[y], cold[x]) })
	for _, i := range slowest[:min(5, len(slowest))] {
		b.Logf("cold %6.1f ms (search+records %s)  warm %5.1f ms  %s", cold[i], split[i], warm[i], benchQueries[i])
	}
	b.ReportMetric(float64(indexBytes), "index-bytes")
	b.ReportMetric(float64(files), "index-files")
	b.ReportMetric(first, "first-query-bytes")
	b.ReportMetric(firstN, "first-query-files")
	b.ReportMetric(second, "second-query-bytes")
	b.ReportMetric(secondN, "second-query-files")
	b.ReportMetric(pct(cold, 50), "cold-p50-ms")
	b.ReportMetric(pct(cold, 95), "cold-p95-ms")
	b.ReportMetric(pct(warm, 50), "warm-p50-ms")
	b.ReportMetric(pct(warm, 95), "warm-p95-ms")
	b.ReportMetric(pct(typed, 50), "typed-p50-ms")
	b.ReportMetric(pct(typed, 95), "typed-p95-ms")
	for _, k := range []string{"cold-first", "cold-all", "paused-first", "paused-all", "warm-first", "warm-all"} {
		b.ReportMetric(pct(input[k], 50), "input-"+k+"-p50-ms")
		b.ReportMetric(pct(input[k], 95), "input-"+k+"-p95-ms")
	}
}

// inputLatencies measures each query from the input event that brings it
// into the header's box to the dropdown showing its first result (first)
// and all of them (all): cold, on a freshly loaded page whose box has
// just been focused (what focusing fetches races the query, as when a
// reader types at once); paused, the same 300 ms after the focus, as a
// reader takes to start typing; then warm, the same query again on that
// page.
// The query comes whole, in one input event, as when pasted; the first
// input event searches at once.
func inputLatencies(b *testing.B, url string, do func(...chromedp.Action[chromedp.Void]), evalJS func(string, any)) map[string][]float64 {
	measure := `window.almanacInput = (q) => new Promise((ok) => {
		const input = document.getElementById("search-q"), pop = document.getElementById("search-pop");
		pop.replaceChildren();
		pop.removeAttribute("data-query");
		let first = 0;
		const obs = new MutationObserver(() => {
			const now = performance.now();
			if (!first && pop.querySelector("[role=option], .search-empty")) first = now - t0;
			if (pop.dataset.query === q) { obs.disconnect(); ok(JSON.stringify([first, now - t0])); }
		});
		obs.observe(pop, { childList: true, subtree: true, attributes: true });
		input.value = q;
		const t0 = performance.now();
		input.dispatchEvent(new Event("input"));
	}); 0`
	out := map[string][]float64{}
	add := func(kind, v string) {
		var fa [2]float64
		if err := json.Unmarshal([]byte(v), &fa); err != nil {
			b.Fatalf("%s: %v", v, err)
		}
		out[kind+"-first"] = append(out[kind+"-first"], fa[0])
		out[kind+"-all"] = append(out[kind+"-all"], fa[1])
	}
	for _, q := range benchQueries {
		do(chromedp.Navigate(url+"/stories/"), chromedp.Click(chromedp.CSS("#search-q")))
		evalJS(measure, nil)
		var v string
		evalJS(`almanacInput(`+jsString(q)+`)`, &v)
		add("cold", v)
		do(chromedp.Navigate(url+"/stories/"), chromedp.Click(chromedp.CSS("#search-q")), chromedp.Sleep(300*time.Millisecond))
		evalJS(measure, nil)
		evalJS(`almanacInput(`+jsString(q)+`)`, &v)
		add("paused", v)
		do(chromedp.Sleep(120 * time.Millisecond)) // past the debounce of a second input
		evalJS(`almanacInput(`+jsString(q)+`)`, &v)
		add("warm", v)
	}
	return out
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = jsString(s)
	}
	return out
}

func parseLatencies(b *testing.B, s string) (cold, warm []float64, split []string) {
	var v struct {
		Cold, Warm []float64
		Split      []string
	}
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		b.Fatal(err)
	}
	return v.Cold, v.Warm, v.Split
}

// pct is the p-th percentile of xs, by nearest rank.
func pct(xs []float64, p int) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	i := (p*len(s) + 99) / 100
	return s[max(0, min(len(s)-1, i-1))]
}

// typedLatencies types each query into the header's box of a freshly
// loaded page, a key every 150 ms as a quick typist does, and measures how
// long after the last key the dropdown shows the full query's results.
// Keys that far apart each search at once (eager(typeahead, 100) in
// static/js/search.js), with no debounce. The page keeps what earlier
// keys and queries fetched, as it does for a reader.
func typedLatencies(b *testing.B, ctx context.Context, url string, do func(...chromedp.Action[chromedp.Void]), evalJS func(string, any)) []float64 {
	do(chromedp.Navigate(url + "/releases/"))
	evalJS(`window.almanacTyped = (q) => new Promise((ok) => {
		const input = document.getElementById("search-q"), pop = document.getElementById("search-pop");
		let last = 0;
		const key = () => { last = performance.now(); };
		input.addEventListener("input", key, true);
		const want = "?q=" + encodeURIComponent(q);
		const obs = new MutationObserver(() => {
			const a = pop.querySelector("a.search-all"), none = pop.querySelector(".search-empty");
			if (input.value === q && ((a && a.href.endsWith(want)) || (none && none.textContent.includes(q)))) {
				obs.disconnect();
				input.removeEventListener("input", key, true);
				ok(performance.now() - last);
			}
		});
		obs.observe(pop, { childList: true, subtree: true });
	}); 0`, nil)
	var out []float64
	for _, q := range benchQueries {
		evalJS(`document.getElementById("search-q").value = ""; window.almanacDone = almanacTyped(`+jsString(q)+`); 0`, nil)
		for _, r := range q {
			do(chromedp.SendKeys(chromedp.CSS("#search-q"), string(r)), chromedp.Sleep(150*time.Millisecond))
		}
		var ms float64
		evalJS(`almanacDone`, &ms)
		out = append(out, ms)
	}
	return out
}
