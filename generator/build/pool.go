package build

import (
	"context"
	"runtime"
	"sync"
)

// parallel calls fn(0) … fn(n-1) on up to GOMAXPROCS goroutines, the one
// worker pool of a build, a check and the preview. It stops handing out
// work once ctx ends and returns when every call has returned.
func parallel(ctx context.Context, n int, fn func(i int)) {
	if n == 1 {
		fn(0)
		return
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
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
}
