package serve

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// The preview's memory. It holds the whole site for as long as it runs,
// and every change makes garbage (a Settle links the site again and
// indexes every page for search). With the collector's default target,
// twice the live heap, a 10,000-page preview held 1.5 GiB for a site of
// 700 MiB. As a build does (cli/memory.go), the preview keeps a soft
// memory limit at half again the live heap, never below a floor, set
// anew after every collection, unless GOMEMLIMIT says otherwise.

// previewMemoryFloor is the least memory limit: a small site is not
// collected before it holds this much.
const previewMemoryFloor = 256 << 20

// memoryTuner keeps the soft limit; stop ends it and puts the limit back.
type memoryTuner struct {
	floor   int64
	before  int64
	stopped atomic.Bool
	sample  []metrics.Sample // read by the finalizer goroutine only
}

// tuneMemory starts keeping the limit, or returns nil when GOMEMLIMIT
// sets one.
func tuneMemory(floor int64) *memoryTuner {
	if os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	t := &memoryTuner{floor: floor, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.before = debug.SetMemoryLimit(floor)
	t.arm()
	return t
}

func (t *memoryTuner) stop() {
	if t != nil && !t.stopped.Swap(true) {
		debug.SetMemoryLimit(t.before)
	}
}

// arm sets a finalizer on a fresh object: it runs after the next
// collection, sets the limit from the live heap that collection found,
// and arms again.
func (t *memoryTuner) arm() {
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		if t.stopped.Load() {
			return
		}
		metrics.Read(t.sample)
		var live uint64
		if t.sample[0].Value.Kind() == metrics.KindUint64 {
			live = t.sample[0].Value.Uint64()
		}
		debug.SetMemoryLimit(max(t.floor, int64(live+live/2)))
		t.arm()
	})
}
