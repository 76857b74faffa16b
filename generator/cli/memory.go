package cli

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// A build's memory: the collector's default target is twice the live
// heap, which lets a large site's garbage grow as large as the site
// itself. A fixed soft limit is no better: once the live heap passes it,
// the collector runs without pause and a 20,000-page build took three
// times as long. tuneMemory keeps the limit at the live heap plus half of
// it, and never less than the live heap plus floor, reset after every
// collection: a large site holds about 1.5 times what it needs, and a
// small one is collected only every floor bytes it allocates. (The
// collector's work is the live heap over the headroom per byte
// allocated; a headroom of half the live heap alone made a 20,000-page
// build spend a fifth of its time collecting.)

// buildMemoryFloor is the least memory limit of a build: small sites are
// not collected before they hold this much.
const buildMemoryFloor = 256 << 20

// tuneMemory starts keeping the soft memory limit at the live heap plus
// half of it, at least plus floor. stop ends it and puts the limit back
// as it was.
func tuneMemory(floor int64) (stop func()) {
	before := debug.SetMemoryLimit(floor)
	t := &memTuner{floor: floor}
	t.arm()
	return func() {
		t.stopped.Store(true)
		debug.SetMemoryLimit(before)
	}
}

type memTuner struct {
	floor   int64
	stopped atomic.Bool
}

// arm sets a finalizer on a fresh object: it runs after the next
// collection, sets the limit from the live heap that collection found
// and arms again.
func (t *memTuner) arm() {
	sentinel := new([16]byte)
	runtime.SetFinalizer(sentinel, func(*[16]byte) {
		if t.stopped.Load() {
			return
		}
		debug.SetMemoryLimit(memoryLimitFor(liveHeap(), t.floor))
		t.arm()
	})
}

// memoryLimitFor is the limit for a live heap of live bytes.
func memoryLimitFor(live uint64, floor int64) int64 {
	return int64(live) + max(floor, int64(live/2))
}

var liveSample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}

// liveHeap is the heap the last collection found reachable. Only the
// finalizer goroutine calls it, one call at a time.
func liveHeap() uint64 {
	metrics.Read(liveSample)
	if liveSample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return liveSample[0].Value.Uint64()
}
