//go:build unix

package build

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkSearchShare builds a generated corpus to disk, as the build
// command does, with the search index and without it ([search] enabled =
// false), one after the other in each round, and reports what the index
// costs as a share of the build with it: in wall time and in CPU time
// (user + system), under the build command's memory limit. Run by hand:
//
//	go test ./generator/build -run '^$' -bench 'SearchShare10000$' -benchtime 14x
//
// The Warm cases keep the highlighting cache folder of an earlier build,
// as the CLI does by default; that build is faster, so the index is a
// larger share of it.
func BenchmarkSearchShare1000(b *testing.B)      { benchSearchShare(b, 1000, false) }
func BenchmarkSearchShare10000(b *testing.B)     { benchSearchShare(b, 10000, false) }
func BenchmarkSearchShareWarm1000(b *testing.B)  { benchSearchShare(b, 1000, true) }
func BenchmarkSearchShareWarm10000(b *testing.B) { benchSearchShare(b, 10000, true) }

func benchSearchShare(b *testing.B, pages int, warm bool) {
	dir := corpusDir(b, pages)
	config := filepath.Join(dir, "almanac.toml")
	with, err := os.ReadFile(config)
	if err != nil {
		b.Fatal(err)
	}
	without := append(append([]byte{}, with...), "\n[search]\nenabled = false\n"...)
	cache := ""
	if warm {
		cache = b.TempDir()
	}
	dest := filepath.Join(b.TempDir(), "public")
	// The build command's soft memory limit (see cli/build.go), which sets
	// how often the collector runs.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(256 << 20))
	run := func(cfg []byte) (wall, cpu time.Duration) {
		if err := os.WriteFile(config, cfg, 0o644); err != nil {
			b.Fatal(err)
		}
		bld, err := New(Options{Source: os.DirFS(dir), Theme: theme(), CacheDir: cache})
		if err != nil {
			b.Fatal(err)
		}
		// Each build starts alike: no earlier output to remove, and the
		// one before it on disk, not still being written back.
		if err := os.RemoveAll(dest); err != nil {
			b.Fatal(err)
		}
		syscall.Sync()
		c0 := cpuTime(b)
		t0 := time.Now()
		if _, err := bld.ToDisk(context.Background(), testNow, dest); err != nil {
			b.Fatal(err)
		}
		return time.Since(t0), cpuTime(b) - c0
	}
	if warm {
		run(with) // fills the cache folder
	}
	var wallWith, wallWithout, cpuWith, cpuWithout time.Duration
	var wallShare, cpuShare []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Alternate which goes first, so that neither always follows
		// the other's garbage.
		first, second := with, without
		if i%2 == 1 {
			first, second = without, with
		}
		w1, c1 := run(first)
		w2, c2 := run(second)
		if i%2 == 1 {
			w1, c1, w2, c2 = w2, c2, w1, c1
		}
		wallWith += w1
		wallWithout += w2
		cpuWith += c1
		cpuWithout += c2
		wallShare = append(wallShare, 100*(1-w2.Seconds()/w1.Seconds()))
		cpuShare = append(cpuShare, 100*(1-c2.Seconds()/c1.Seconds()))
	}
	b.StopTimer()
	// The machine is shared: the rounds' shares are logged, and the one
	// reported is of the sums, over rounds that alternate which build
	// goes first.
	n := float64(b.N)
	b.ReportMetric(wallWith.Seconds()/n, "s-with")
	b.ReportMetric(wallWithout.Seconds()/n, "s-without")
	b.ReportMetric(100*(1-wallWithout.Seconds()/wallWith.Seconds()), "%wall-search")
	b.ReportMetric(100*(1-cpuWithout.Seconds()/cpuWith.Seconds()), "%cpu-search")
	b.ReportMetric(median(wallShare), "%wall-search-median")
	// How far the rounds' mean share may be from the true one: on a
	// shared machine single rounds spread over tens of points, and a
	// difference smaller than two of these is not one.
	b.ReportMetric(stdErr(wallShare), "%wall-search-stderr")
	b.Logf("rounds: wall %% %.1f, cpu %% %.1f", wallShare, cpuShare)
}

// stdErr is the standard error of the mean of xs.
func stdErr(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	var sum, sq float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / float64(len(xs))
	for _, x := range xs {
		sq += (x - mean) * (x - mean)
	}
	return math.Sqrt(sq/float64(len(xs)-1)) / math.Sqrt(float64(len(xs)))
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// cpuTime is the user and system time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
