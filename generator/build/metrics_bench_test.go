package build

import (
	"context"
	"os"
	"testing"
	"time"

	"almanac/generator/metrics"
	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/site"
)

// BenchmarkMetricsShare builds a generated corpus and reports the share of
// the build the metrics take: computing the report (Stages.Metrics) and
// rendering what shows it (/metrics/, /actions/, /metrics.json and the
// team series pages), timed again on the built site. Run by hand:
//
//	go test ./generator/build -run '^$' -bench MetricsShare -benchtime 1x
//
// The 10,000-page case only runs with a -bench that names it.
func BenchmarkMetricsShare1000(b *testing.B)  { benchMetricsShare(b, 1000) }
func BenchmarkMetricsShare10000(b *testing.B) { benchMetricsShare(b, 10000) }

func benchMetricsShare(b *testing.B, pages int) {
	dir := corpusDir(b, pages)
	src := os.DirFS(dir)
	var total, compute, render time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bld, err := New(Options{Source: src, Theme: theme()})
		if err != nil {
			b.Fatal(err)
		}
		res, err := bld.Generate(context.Background(), testNow, output.NewMemory())
		if err != nil {
			b.Fatal(err)
		}
		total += res.Took
		compute += res.Stages.Metrics
		render += metricsPagesTime(b, res.Site)
	}
	b.ReportMetric(float64(compute.Microseconds())/1000/float64(b.N), "ms-compute")
	b.ReportMetric(float64(render.Microseconds())/1000/float64(b.N), "ms-pages")
	b.ReportMetric(100*float64(compute+render)/float64(total), "%metrics")
}

// metricsPagesTime renders the outputs that show the report once more and
// returns how long that took, with the report computed again as a build
// does (not counted: Stages.Metrics has it).
func metricsPagesTime(b *testing.B, s *site.Site) time.Duration {
	b.Helper()
	r, err := render.New(render.Options{Theme: theme(), ExtraCSS: extraCSS()})
	if err != nil {
		b.Fatal(err)
	}
	prep, err := r.Prepare(s, render.WithMetrics(metrics.Compute(s, testNow, 0)))
	if err != nil {
		b.Fatal(err)
	}
	want := map[string]bool{"metrics/index.html": true, "actions/index.html": true, "metrics.json": true}
	var jobs []render.Job
	for _, pg := range s.Metrics {
		jobs = append(jobs, prep.PageJobs(pg)...)
	}
	for _, j := range prep.Jobs() {
		if want[j.Name] {
			jobs = append(jobs, j)
		}
	}
	if len(jobs) < len(want) {
		b.Fatalf("found %d of the metrics outputs", len(jobs))
	}
	start := time.Now()
	if err := prep.Run(context.Background(), jobs, output.NewMemory()); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
