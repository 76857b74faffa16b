// Package pool is the one worker pool of almanac: loading pages, rendering
// bodies and writing files all run on it.
package pool

import (
	"context"
	"runtime"
	"sync"
)

// Each calls fn(0) … fn(n-1) on up to GOMAXPROCS goroutines. It stops
// handing out work once ctx ends, returns when every call has returned,
// and then returns ctx's error if work was left undone.
func Each(ctx context.Context, n int, fn func(i int)) error {
	if n == 0 {
		return nil
	}
	if n == 1 {
		if err := ctx.Err(); err != nil {
			return err
		}
		fn(0)
		return nil
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	var err error
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return err
}
