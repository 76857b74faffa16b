package build

import "almanac/generator/internal/memlimit"

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
	return memlimit.Tune(func(live uint64) int64 { return memoryLimitFor(live, buildMemoryBudget, buildMemoryFloor) })
}

// memoryLimitFor is the limit for a live heap of live bytes.
func memoryLimitFor(live uint64, budget, floor int64) int64 {
	return max(budget, int64(live)+max(floor, int64(live/2)))
}
