package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"almanac/generator/output"
)

// The deferred work's benchmarks: a preview's Incremental over a generated
// corpus takes edits of a story, and each is timed from Apply to the end
// of Settle, which is what brings the lists, feeds and search index up to
// date. Run by hand:
//
//	go test ./generator/build -run '^$' -bench 'Settle1000$' -benchtime 1x
//
// The 10,000-page case takes minutes on two cores.

func BenchmarkSettle1000(b *testing.B)  { benchSettle(b, 1000, 20) }
func BenchmarkSettle10000(b *testing.B) { benchSettle(b, 10000, 20) }

// benchSettle times body edits (a sentence added) and title edits of one
// story, Apply and Settle apart, and says how many files each Settle
// rendered.
func benchSettle(b *testing.B, pages, edits int) {
	dir := corpusDir(b, pages)
	names, _ := filepath.Glob(filepath.Join(dir, "content", "stories", "*.md"))
	slices.Sort(names)
	story := names[0]
	rel, _ := filepath.Rel(dir, story)
	rel = filepath.ToSlash(rel)
	orig, _ := os.ReadFile(story)
	for i := 0; i < b.N; i++ {
		bld, err := New(Options{Source: os.DirFS(dir), Theme: theme(), Drafts: true, LiveReload: "/_live.js",
			KeepBodies: true, CacheDir: os.Getenv("ALMANAC_BENCH_CACHE")})
		if err != nil {
			b.Fatal(err)
		}
		x := bld.Incremental(testNow, output.NewMemory())
		if up := x.Build(context.Background()); up.Failed() {
			b.Fatal(up.Diagnostics)
		}
		edit := func(data string) (apply, settle time.Duration, outputs int) {
			os.WriteFile(story, []byte(data), 0o644)
			t0 := time.Now()
			if up := x.Apply(context.Background(), []string{rel}, nil); up.Failed() {
				b.Fatal(up.Diagnostics)
			}
			t1 := time.Now()
			up := x.Settle().Run(context.Background(), nil)
			if up.Failed() {
				b.Fatal(up.Diagnostics)
			}
			return t1.Sub(t0), time.Since(t1), up.Outputs
		}
		var bodyA, bodyS, titleA, titleS []time.Duration
		var bodyN, titleN int
		for n := range edits {
			a, s, o := edit(fmt.Sprintf("%s\nA sentence added by edit %d.\n", orig, n))
			bodyA, bodyS, bodyN = append(bodyA, a), append(bodyS, s), o
		}
		for n := range edits {
			a, s, o := edit(strings.Replace(string(orig), "\ntitle: ", fmt.Sprintf("\ntitle: Edit %d of ", n), 1))
			titleA, titleS, titleN = append(titleA, a), append(titleS, s), o
		}
		os.WriteFile(story, orig, 0o644)
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		b.ReportMetric(msOf(medianOf(bodyA)), "body-apply-ms")
		b.ReportMetric(msOf(medianOf(bodyS)), "body-settle-ms")
		b.ReportMetric(float64(bodyN), "body-settle-files")
		b.ReportMetric(msOf(medianOf(titleA)), "title-apply-ms")
		b.ReportMetric(msOf(medianOf(titleS)), "title-settle-ms")
		b.ReportMetric(float64(titleN), "title-settle-files")
		b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-after-MiB")
	}
}

func medianOf(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func msOf(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
