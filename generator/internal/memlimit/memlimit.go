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
