package build

import (
	"context"

	"almanac/generator/internal/pool"
)

// parallel calls fn(0) … fn(n-1) on the worker pool (pool.Each) that the
// loader and the renderer use too; it stops handing out work once ctx
// ends.
func parallel(ctx context.Context, n int, fn func(i int)) {
	pool.Each(ctx, n, fn)
}
