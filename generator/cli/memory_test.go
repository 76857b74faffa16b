package cli

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The limit follows the live heap up, and is put back when tuning stops.
func TestTuneMemoryFollowsLiveHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	const floor = 8 << 20
	stop := tuneMemory(floor)
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Fatalf("limit at start = %d, want the floor %d", got, floor)
	}
	live := make([][]byte, 64)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	want := int64(64 << 20) // at least what is held; 1.5 times is the aim
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
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after stop = %d, want %d as before", got, before)
	}
}

func TestMemoryLimitFor(t *testing.T) {
	for _, c := range []struct {
		live  uint64
		floor int64
		want  int64
	}{
		{0, 256 << 20, 256 << 20},
		{100 << 20, 256 << 20, 356 << 20},
		{400 << 20, 256 << 20, 656 << 20},
		{1024 << 20, 256 << 20, 1536 << 20},
	} {
		if got := memoryLimitFor(c.live, c.floor); got != c.want {
			t.Errorf("memoryLimitFor(%d MiB, %d MiB) = %d MiB, want %d", c.live>>20, c.floor>>20, got>>20, c.want>>20)
		}
	}
}
