package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The scale benchmarks answer, in one run each (the machines are shared
// and noisy, so only ratios measured side by side mean much):
//
//   - BenchmarkScale: does the cost per page stay flat? It builds n and
//     10n pages to disk, cold, and reports the ratio of their wall and
//     processor times (11 or less is linear enough) and the largest HTML
//     file of the larger site. n is ALMANAC_BENCH_PAGES, 2,000 when unset:
//
//     go test ./generator/build -run '^$' -bench 'Scale$' -benchtime 1x -timeout 60m
//
//   - BenchmarkVsFloor10000: a cold and a warm build of 10,000 pages beside
//     the floor (reading, front matter and Markdown with the same
//     highlighting, nothing written), with the ratios to it. The warm
//     build replaces the output of the build that filled its cache, as
//     `almanac build` run twice does.
//
//   - BenchmarkWarmLater10000: warm builds at another time, as CI makes
//     them, against the build that filled the cache: the same site an
//     hour later (a build without --now has the clock's present) and the
//     next day:
//
//     go test ./generator/build -run '^$' -bench 'WarmLater10000$' -benchtime 1x -timeout 60m
//
// None runs in CI.

// timeBuild builds dir to a fresh folder on disk and returns its wall and
// processor time and the output folder.
func timeBuild(b *testing.B, dir, cache string) (wall, cpu time.Duration, dest string) {
	b.Helper()
	dest = filepath.Join(b.TempDir(), "public")
	wall, cpu = timeBuildTo(b, dir, cache, dest)
	return wall, cpu, dest
}

// timeBuildTo builds dir to dest, replacing what a build left there (a
// warm build takes unchanged pages from it).
func timeBuildTo(b *testing.B, dir, cache, dest string) (wall, cpu time.Duration) {
	b.Helper()
	return timeBuildAt(b, dir, cache, dest, testNow)
}

// timeBuildAt is timeBuildTo with the present at now.
func timeBuildAt(b *testing.B, dir, cache, dest string, now time.Time) (wall, cpu time.Duration) {
	b.Helper()
	bld, err := New(Options{Source: os.DirFS(dir), Theme: theme(), CacheDir: cache})
	if err != nil {
		b.Fatal(err)
	}
	start, cpu0 := time.Now(), processCPU()
	if _, err := bld.ToDisk(context.Background(), now, dest); err != nil {
		b.Fatal(err)
	}
	return time.Since(start), processCPU() - cpu0
}

// largestHTML returns the largest .html file under dir and its size.
func largestHTML(b *testing.B, dir string) (string, int64) {
	b.Helper()
	var name string
	var size int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		info, err := d.Info()
		if err == nil && info.Size() > size {
			name, size = p, info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	rel, _ := filepath.Rel(dir, name)
	return filepath.ToSlash(rel), size
}

func BenchmarkScale(b *testing.B) {
	defer TuneMemory(os.Getenv)() // as the command does
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("ALMANAC_BENCH_PAGES")); err == nil && v > 0 {
		n = v
	}
	small, large := corpusDir(b, n), corpusDir(b, 10*n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ws, cs, _ := timeBuild(b, small, "")
		wl, cl, dest := timeBuild(b, large, "")
		name, size := largestHTML(b, dest)
		b.Logf("%d pages: %s wall, %s cpu; %d pages: %s wall, %s cpu; largest HTML %s, %d KB",
			n, ws.Round(time.Millisecond), cs.Round(time.Millisecond), 10*n, wl.Round(time.Millisecond), cl.Round(time.Millisecond), name, size>>10)
		b.ReportMetric(float64(wl)/float64(ws), "x-wall")
		if cs > 0 {
			b.ReportMetric(float64(cl)/float64(cs), "x-cpu")
		}
		b.ReportMetric(float64(size)/1024, "KB-largest-html")
	}
}

func BenchmarkVsFloor10000(b *testing.B) {
	defer TuneMemory(os.Getenv)() // as the command does
	dir := corpusDir(b, 10000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := floor(os.DirFS(dir)); err != nil {
			b.Fatal(err)
		}
		fl := time.Since(start)
		start = time.Now()
		if err := floorTo(os.DirFS(dir), filepath.Join(b.TempDir(), "floor")); err != nil {
			b.Fatal(err)
		}
		written := time.Since(start)
		start = time.Now()
		if err := stockFloor(os.DirFS(dir)); err != nil {
			b.Fatal(err)
		}
		stock := time.Since(start)
		cold, _, _ := timeBuild(b, dir, "")
		cache, dest := b.TempDir(), filepath.Join(b.TempDir(), "public")
		timeBuildTo(b, dir, cache, dest) // fills the cache
		warm, _ := timeBuildTo(b, dir, cache, dest)
		b.Logf("floor %s (writing each page's HTML into a folder of its own: %s; with chroma's own lexers and formatter: %s), cold %s, warm %s",
			fl.Round(time.Millisecond), written.Round(time.Millisecond), stock.Round(time.Millisecond), cold.Round(time.Millisecond), warm.Round(time.Millisecond))
		b.ReportMetric(float64(written)/float64(fl), "x-floor-written")
		b.ReportMetric(float64(cold)/float64(fl), "x-floor-cold")
		b.ReportMetric(float64(warm)/float64(fl), "x-floor-warm")
		b.ReportMetric(float64(cold)/float64(stock), "x-stock-floor-cold")
	}
}

func BenchmarkWarmLater1000(b *testing.B)  { benchWarmLater(b, 1000) }
func BenchmarkWarmLater10000(b *testing.B) { benchWarmLater(b, 10000) }

// benchWarmLater times, in processor time, the build that fills the cache,
// then warm builds of the same site an hour later and the next day, each
// over the last one's output, and reports them as shares of the first.
func benchWarmLater(b *testing.B, pages int) {
	defer TuneMemory(os.Getenv)() // as the command does
	dir := corpusDir(b, pages)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cache, dest := b.TempDir(), filepath.Join(b.TempDir(), "public")
		_, fill := timeBuildAt(b, dir, cache, dest, testNow)
		_, hour := timeBuildAt(b, dir, cache, dest, testNow.Add(time.Hour))
		_, day := timeBuildAt(b, dir, cache, dest, testNow.Add(25*time.Hour))
		b.Logf("%d pages: filling the cache %s, an hour later %s, the next day %s (processor time)",
			pages, fill.Round(time.Millisecond), hour.Round(time.Millisecond), day.Round(time.Millisecond))
		b.ReportMetric(float64(hour)/float64(fill), "x-fill-hour-later")
		b.ReportMetric(float64(day)/float64(fill), "x-fill-next-day")
	}
}
