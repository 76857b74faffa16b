// Package memlimit keeps the Go runtime's soft memory limit in step with
// the live heap. A build or preview holds a site whose size is known only
// as it loads; the collector's default target (twice the live heap) lets
// a large site's garbage grow as large as the site, and a fixed limit
// below what the site must hold makes the collector run without pause.
// Tune sets the limit from the live heap after every collection.
package memlimit

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Tune keeps the soft memory limit at limit(live heap) from now on,
// starting at limit(0), until stop is called, which puts the limit back
// as it was. The caller leaves the limit alone when GOMEMLIMIT sets one.
func Tune(limit func(live uint64) int64) (stop func()) {
	t := &tuner{limit: limit, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.before = debug.SetMemoryLimit(limit(0))
	t.arm()
	return func() {
		if !t.stopped.Swap(true) {
			debug.SetMemoryLimit(t.before)
		}
	}
}

type tuner struct {
	limit   func(uint64) int64
	before  int64
	stopped atomic.Bool
	sample  []metrics.Sample // read by the finalizer goroutine only
}

// arm sets a finalizer on a fresh object: it runs after the next
// collection, sets the limit from the live heap that collection found
// and arms again.
func (t *tuner) arm() {
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
		debug.SetMemoryLimit(t.limit(live))
		t.arm()
	})
}

// overheadSamples are the runtime's memory that is neither live objects
// nor free heap: fragmentation within spans, stacks, the collector's
// metadata and the rest. The soft limit counts it, so a limit of the live
// heap plus some headroom leaves the heap less than that headroom.
var overheadSamples = []string{
	"/memory/classes/total:bytes",
	"/memory/classes/heap/released:bytes",
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/free:bytes",
}

// Overhead returns how much of the memory the soft limit counts is not
// the heap's objects or free heap: add it to a limit meant for the heap.
func Overhead() uint64 {
	s := make([]metrics.Sample, len(overheadSamples))
	for i, name := range overheadSamples {
		s[i].Name = name
	}
	metrics.Read(s)
	var v [4]uint64
	for i := range s {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		v[i] = s[i].Value.Uint64()
	}
	in := v[0] - v[1] // what the limit counts
	if used := v[2] + v[3]; in > used {
		return in - used
	}
	return 0
}
