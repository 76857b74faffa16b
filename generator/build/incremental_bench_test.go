package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
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
		heapBuilt := liveHeap()
		// edit times Apply, the lists (the last report of the deferred
		// work before the search index) and the whole deferred work.
		// edit also takes the processor time (user and system, every
		// goroutine) that Settle took.
		edit := func(data string) (apply, lists, settle, cpu time.Duration, outputs int) {
			os.WriteFile(story, []byte(data), 0o644)
			t0 := time.Now()
			pprof.Do(context.Background(), pprof.Labels("step", "apply"), func(ctx context.Context) {
				if up := x.Apply(ctx, []string{rel}, nil); up.Failed() {
					b.Fatal(up.Diagnostics)
				}
			})
			t1 := time.Now()
			c1 := processCPU()
			listed := t1
			var up *Update
			pprof.Do(context.Background(), pprof.Labels("step", "settle"), func(ctx context.Context) {
				up = x.Settle().Run(ctx, func(u *Update) {
					if slices.ContainsFunc(u.Changed, func(n string) bool { return !strings.HasPrefix(n, "search/") }) {
						listed = time.Now()
					}
				})
			})
			if up.Failed() {
				b.Fatal(up.Diagnostics)
			}
			return t1.Sub(t0), listed.Sub(t1), time.Since(t1), processCPU() - c1, up.Outputs
		}
		var bodyA, bodyL, bodyS, bodyC, titleA, titleL, titleS, titleC []time.Duration
		var bodyN, titleN int
		for n := range edits {
			a, l, s, c, o := edit(fmt.Sprintf("%s\nA sentence added by edit %d.\n", orig, n))
			bodyA, bodyL, bodyS, bodyC, bodyN = append(bodyA, a), append(bodyL, l), append(bodyS, s), append(bodyC, c), o
		}
		// ALMANAC_CPU_PROFILE names a file for a CPU profile of the
		// title edits, Apply and Settle told apart by the label step.
		stopProfile := func() {}
		if name := os.Getenv("ALMANAC_CPU_PROFILE"); name != "" {
			if f, err := os.Create(name); err == nil {
				pprof.StartCPUProfile(f)
				stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
			}
		}
		for n := range edits {
			a, l, s, c, o := edit(strings.Replace(string(orig), "\ntitle: ", fmt.Sprintf("\ntitle: Edit %d of ", n), 1))
			titleA, titleL, titleS, titleC, titleN = append(titleA, a), append(titleL, l), append(titleS, s), append(titleC, c), o
		}
		stopProfile()
		os.WriteFile(story, orig, 0o644)
		heapEdited := liveHeap()
		if name := os.Getenv("ALMANAC_HEAP_PROFILE"); name != "" {
			if f, err := os.Create(name); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
		b.ReportMetric(msOf(medianOf(bodyA)), "body-apply-ms")
		b.ReportMetric(msOf(medianOf(bodyL)), "body-lists-ms")
		b.ReportMetric(msOf(medianOf(bodyS)), "body-settle-ms")
		b.ReportMetric(float64(bodyN), "body-settle-files")
		b.ReportMetric(msOf(medianOf(bodyC)), "body-settle-cpu-ms")
		b.ReportMetric(msOf(medianOf(titleA)), "title-apply-ms")
		b.ReportMetric(msOf(medianOf(titleL)), "title-lists-ms")
		b.ReportMetric(msOf(medianOf(titleS)), "title-settle-ms")
		b.ReportMetric(float64(titleN), "title-settle-files")
		b.ReportMetric(msOf(medianOf(titleC)), "title-settle-cpu-ms")
		b.ReportMetric(heapBuilt, "heap-built-MiB")
		b.ReportMetric(heapEdited, "heap-edited-MiB")
		b.ReportMetric(peakRSSMiB(), "peak-rss-MiB")
		runtime.KeepAlive(x)
	}
}

// liveHeap is the heap in use after a collection, in MiB.
func liveHeap() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// peakRSSMiB is the process's peak resident memory (Linux), or 0.
func peakRSSMiB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}

func medianOf(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func msOf(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
