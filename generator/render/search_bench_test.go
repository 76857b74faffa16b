package render_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"almanac/generator/build"
	"almanac/generator/corpus"
	"almanac/generator/internal/browsertest"
	"almanac/generator/output"
)

// BenchmarkSearchBrowser10000 builds a generated 10,000-page site into
// memory, serves it, and searches it in Chromium. It reports the index's
// share of the build, the index's size, the bytes a first and a second
// query fetch (files under search/, as Resource Timing sees them) and the
// time a query takes in the page, cold and warm. Run by hand (minutes):
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
	mem := output.NewMemory()
	start := time.Now()
	if _, err := bld.Generate(context.Background(), corpus.DefaultNow(), mem); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d pages in %v", pages, time.Since(start))
	var indexBytes, files int
	for _, n := range mem.Names() {
		if strings.HasPrefix(n, "search/") && !strings.HasSuffix(n, ".html") {
			data, _ := mem.Get(n)
			indexBytes += len(data)
			files++
		}
	}
	srv := httptest.NewServer(http.FileServerFS(mem))
	defer srv.Close()
	ctx := browsertest.New(b, 10*time.Minute)

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

	b.ResetTimer()
	var first, second, firstN, secondN float64
	for i := 0; i < b.N; i++ {
		do(chromedp.Navigate(srv.URL + "/stories/"))
		evalJS(`performance.clearResourceTimings()`, nil)
		do(chromedp.Click(chromedp.CSS("#search-q")), chromedp.SendKeys(chromedp.CSS("#search-q"), "rollback"))
		evalJS(waitShown, nil)
		do(chromedp.Sleep(300 * time.Millisecond))
		evalJS(sum, &first)
		evalJS(fetched+`.length`, &firstN)
		evalJS(`performance.clearResourceTimings(); document.getElementById("search-q").value = ""`, nil)
		do(chromedp.SendKeys(chromedp.CSS("#search-q"), "circuit breaker"))
		do(chromedp.Sleep(600 * time.Millisecond))
		evalJS(sum, &second)
		evalJS(fetched+`.length`, &secondN)
	}
	b.StopTimer()

	// Latency: each query as the dropdown runs it (search, then the records
	// of the first six results), first cold, then again warm.
	var lat string
	list := `[` + strings.Join(quoteAll(benchQueries), ",") + `]`
	evalJS(`(async () => {
		const cold = [], warm = [];
		for (const q of `+list+`) {
			let t = performance.now();
			let r = await almanacSearch.search(q);
			await almanacSearch.records(r ? r.ids.slice(0, 6) : []);
			cold.push(performance.now() - t);
		}
		for (const q of `+list+`) {
			let t = performance.now();
			let r = await almanacSearch.search(q);
			await almanacSearch.records(r ? r.ids.slice(0, 6) : []);
			warm.push(performance.now() - t);
		}
		return JSON.stringify({cold, warm});
	})()`, &lat)
	cold, warm := parseLatencies(b, lat)
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
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = jsString(s)
	}
	return out
}

func parseLatencies(b *testing.B, s string) (cold, warm []float64) {
	var v struct{ Cold, Warm []float64 }
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		b.Fatal(err)
	}
	return v.Cold, v.Warm
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
