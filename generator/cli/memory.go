package cli

import "almanac/generator/internal/memlimit"

// A build's memory: the collector's default target is twice the live
// heap, which lets a large site's garbage grow as large as the site
// itself. A fixed soft limit is no better: once the live heap passes it,
// the collector runs without pause and a 20,000-page build took three
// times as long. tuneMemory keeps the limit at the live heap plus half of
// it, and never less than the live heap plus floor, plus the runtime's
// own memory (stacks, the collector's metadata, fragmentation), reset
// after every collection: a large site holds about 1.5 times what it
// needs, and a small one is collected only every floor bytes it
// allocates. (The collector's work per byte allocated is the live heap
// over the headroom. The soft limit counts the runtime's own memory too:
// left out of the rule, it ate into the headroom until, at 100,000 pages,
// the collector took 45% of the build's processor time.)

// buildMemoryFloor is the least headroom a build's collector gets above
// the live heap: a small site is collected once per this many bytes it
// allocates.
const buildMemoryFloor = 256 << 20

// tuneMemory keeps a build's soft memory limit at memoryLimitFor the
// live heap and the runtime's overhead until stop is called.
func tuneMemory(floor int64) (stop func()) {
	return memlimit.Tune(func(live uint64) int64 { return memoryLimitFor(live, memlimit.Overhead(), floor) })
}

// memoryLimitFor is the limit for a live heap of live bytes when the
// runtime holds overhead bytes besides the heap.
func memoryLimitFor(live, overhead uint64, floor int64) int64 {
	return int64(live+overhead) + max(floor, int64(live/2))
}
