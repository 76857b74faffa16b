package build

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"text/tabwriter"
	"time"
)

// Timing is what one stage of a build cost: for finding where a large
// site's time and memory go (`almanac build --timings`).
type Timing struct {
	Stage string
	// Wall is the stage's elapsed time; CPU the processor time of the
	// whole process meanwhile (all goroutines, the collector included),
	// zero where the system does not tell it; GC the runtime's estimate
	// of the processor time its collector took meanwhile, marking and
	// assists together: where a large site's time grows faster than its
	// pages, this grows first.
	Wall, CPU, GC time.Duration
	// Allocated is how many bytes the stage allocated; Heap the live
	// heap when it ended (what the last collection left, plus what has
	// been allocated since).
	Allocated, Heap uint64
}

// meter measures one stage at a time.
type meter struct {
	wall  time.Time
	cpu   time.Duration
	gc    time.Duration
	alloc uint64
}

func startMeter() meter {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return meter{wall: time.Now(), cpu: processCPU(), gc: gcCPU(), alloc: ms.TotalAlloc}
}

// gcCPU is the collector's processor time so far, as the runtime
// estimates it.
func gcCPU() time.Duration {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return time.Duration(s[0].Value.Float64() * float64(time.Second))
}

// stop returns the stage's timing.
func (m meter) stop(stage string) Timing {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return Timing{
		Stage:     stage,
		Wall:      time.Since(m.wall),
		CPU:       processCPU() - m.cpu,
		GC:        gcCPU() - m.gc,
		Allocated: ms.TotalAlloc - m.alloc,
		Heap:      ms.HeapAlloc,
	}
}

// WriteTimings prints a table of the stages' timings, and their total,
// with each stage's share of the wall time.
func WriteTimings(w io.Writer, list []Timing) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	width := len("total (heap: largest)")
	fmt.Fprintf(tw, "%-*s\twall\tshare\tcpu\tof it gc\tallocated\theap after\t\n", width, "stage")
	var total Timing
	for _, t := range list {
		total.Wall += t.Wall
		total.CPU += t.CPU
		total.GC += t.GC
		total.Allocated += t.Allocated
		total.Heap = max(total.Heap, t.Heap)
	}
	row := func(t Timing) {
		share := 0.0
		if total.Wall > 0 {
			share = 100 * float64(t.Wall) / float64(total.Wall)
		}
		fmt.Fprintf(tw, "%-*s\t%s\t%.1f%%\t%s\t%s\t%s\t%s\t\n", width, t.Stage, roundDuration(t.Wall), share,
			roundDuration(t.CPU), roundDuration(t.GC), mebibytes(t.Allocated), mebibytes(t.Heap))
	}
	for _, t := range list {
		row(t)
	}
	total.Stage = "total (heap: largest)"
	row(total)
	return tw.Flush()
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

func mebibytes(n uint64) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// writeHeapProfile writes the live heap, as of a collection run now, to
// heap-N-STAGE.pprof in dir.
func writeHeapProfile(dir string, n int, stage string) error {
	runtime.GC()
	name := fmt.Sprintf("heap-%d-%s.pprof", n, strings.ReplaceAll(stage, " ", "-"))
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
