//go:build unix

package build

import (
	"syscall"
	"time"
)

// processorTime is the user and system time the process has taken, every
// goroutine's, for the benchmarks.
func processorTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
