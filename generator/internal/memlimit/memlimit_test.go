package memlimit

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The limit follows the live heap up, and is put back when tuning stops.
func TestTuneFollowsTheLiveHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	const floor = 8 << 20
	stop := Tune(func(live uint64) int64 { return max(floor, int64(live+live/2)) })
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Fatalf("limit at start = %d, want %d", got, floor)
	}
	live := make([][]byte, 64)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	const want = 64 << 20 // at least what is held; 1.5 times is the aim
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) < want && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < want {
		t.Errorf("limit with 64 MiB live = %d MiB, want at least 64", got>>20)
	}
	runtime.KeepAlive(live)
	stop()
	stop() // a second stop changes nothing
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after stop = %d, want %d as before", got, before)
	}
}
