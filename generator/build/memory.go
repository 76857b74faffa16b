package build

import (
	"runtime/debug"
	"sync"

	"almanac/generator/internal/memlimit"
)

// A build's memory. The collector's work per byte allocated is the live
// heap over the headroom it may grow into before the next collection; it
// also costs more per byte on a large heap, which no longer fits the
// processor's caches. With the default rule (the heap may grow to twice
// the live heap) a large site's garbage grows as large as the site; with
// a fixed soft limit the collector runs without pause once the live heap
// nears it (a 20,000-page build took three times as long); with the live
// heap plus half of it, a 100,000-page build spent 45% of its time
// collecting. So a build may use up to buildMemoryBudget before it trades
// time for memory: below it the default rule holds, and a site that
// needs more gets the live heap plus half of it, never less than the live
// heap plus buildMemoryFloor. The limit is set anew after every
// collection; GOMEMLIMIT replaces the rule. (Letting the heap grow to
// three times the live heap below the budget, GOGC=200, saved a tenth of
// a 10,000-page build's time but took it from 284 to 353 MiB.)
//
// A small live heap gets more than the default rule's headroom: the heap
// may grow to buildHeapRoom, but never past three times the live heap,
// and never less than twice it. The collector's work is about the bytes
// allocated over the headroom, whatever the live heap, so a build
// collects up to half as often while its live heap is under half of
// buildHeapRoom: a 10,000-page site's loading and the start of its page
// pass. A 10,000-page build collected 69 times instead of 110–114, and
// the sum of the live heaps it marked fell by a quarter; its peak is in
// the lists, where the live heap is over half the room, and stayed where
// it was. GOGC in the environment leaves the percentage as it is.

// buildMemoryBudget is the memory a build may take without trading time
// for it: a 100,000-page site fits.
const buildMemoryBudget = 960 << 20

// buildMemoryFloor is the least headroom a build's collector gets above
// the live heap once the budget is spent.
const buildMemoryFloor = 256 << 20

// TuneMemory keeps a build's soft memory limit by the rule above until
// stop is called, for a process that runs builds (the command, the
// benchmarks); getenv reads the environment, where GOMEMLIMIT leaves the
// limit as it is.
func TuneMemory(getenv func(string) string) (stop func()) {
	if getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	gc := &gcPercent{on: getenv("GOGC") == "", set: -1}
	stopLimit := memlimit.Tune(func(live uint64) int64 {
		gc.follow(live)
		return memoryLimitFor(live, buildMemoryBudget, buildMemoryFloor)
	})
	return func() {
		stopLimit()
		gc.stop()
	}
}

// buildHeapRoom is the heap a build may grow to at most three times its
// live heap, before the collector's default rule (twice) holds.
const buildHeapRoom = 176 << 20

// gcPercent keeps the collector's percentage by gcPercentFor, from the
// live heap after each collection, until stop puts it back.
type gcPercent struct {
	mu     sync.Mutex
	on     bool
	set    int // the percentage last set, or -1
	before int
}

func (g *gcPercent) follow(live uint64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.on {
		return
	}
	if p := gcPercentFor(live, buildHeapRoom); p != g.set {
		old := debug.SetGCPercent(p)
		if g.set < 0 {
			g.before = old
		}
		g.set = p
	}
}

func (g *gcPercent) stop() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.on && g.set >= 0 {
		debug.SetGCPercent(g.before)
	}
	g.on = false
}

// buildHeadroom is the headroom over the live heap that a middling live
// heap gets, less than the default rule's twice: a 10,000-page build's
// live heap nears 150 MiB while its lists are made, and with the kept
// search index read back, a warm build that adds or removes a page
// peaked at 309-320 MiB under the default rule (271-287 with a
// percentage of 70-80, for the same processor time).
const buildHeadroom = 112 << 20

// gcPercentFor is the collector's percentage for a live heap of live
// bytes: the heap may grow to room, within twice and three times the
// live heap; and above room, no more than buildHeadroom over the live
// heap, or twice the live heap less 256 MiB, whichever is more (which is
// the live heap itself at 256 MiB, where the default rule holds again).
func gcPercentFor(live uint64, room int64) int {
	if live == 0 {
		return 200
	}
	l := int64(live)
	target := min(max(room, 2*l), 3*l, max(room, l+max(buildHeadroom, 2*l-256<<20)))
	return int(100 * (target - l) / l)
}

// memoryLimitFor is the limit for a live heap of live bytes.
func memoryLimitFor(live uint64, budget, floor int64) int64 {
	return max(budget, int64(live)+max(floor, int64(live/2)))
}
