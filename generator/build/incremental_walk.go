package build

import (
	"context"
	"io/fs"
	"runtime"
	"strings"
	"sync"

	"almanac/generator/content"
	"almanac/generator/site"
)

// within reports whether p is dir or lies inside it.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+"/")
}

// parallel calls fn(0) … fn(n-1) on up to GOMAXPROCS goroutines.
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

// walkFiles lists the files under dir in walk order, by the one walk the
// loader uses (content.Walk).
func walkFiles(ctx context.Context, fsys fs.FS, dir string) ([]string, site.Diagnostics) {
	files, diags := content.Walk(ctx, fsys, dir)
	return files.All, diags
}
