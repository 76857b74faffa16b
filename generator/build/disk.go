package build

import (
	"context"
	"time"

	"almanac/generator/output"
)

// ToDisk runs a build into a staging folder beside dest and swaps it in
// only when the whole build succeeded; on any error the previous output is
// left exactly as it was. Builds into one dest take turns: ToDisk waits
// for a running one to end (or for ctx to be done) before it starts.
func (b *Builder) ToDisk(ctx context.Context, now time.Time, dest string) (*Result, error) {
	return b.ToDiskWaiting(ctx, now, dest, nil)
}

// ToDiskWaiting is ToDisk that calls waiting, once, when it has to wait
// for another build into dest to end, with that build's process id (0 when
// it is not known).
func (b *Builder) ToDiskWaiting(ctx context.Context, now time.Time, dest string, waiting func(pid int)) (*Result, error) {
	stage, err := output.OpenStaging(ctx, dest, output.StagingOptions{Waiting: waiting})
	if err != nil {
		return nil, err
	}
	res, err := b.generate(ctx, now, stage, true, true)
	u := res.reusing()
	if res != nil && err != nil {
		res.trees.Drop()
	}
	if err != nil {
		stage.Abort()
		if u != nil {
			u.abort()
		}
		return res, err
	}
	// A failed Commit removes the staging folder itself.
	if err := stage.Commit(); err != nil {
		res.trees.Drop()
		if u != nil {
			u.abort()
		}
		return res, err
	}
	if u != nil {
		// The pages reused next time: the cache is worth less than the
		// build, so a failure to keep it is only a slower next build.
		u.save()
	}
	res.trees.Save() // likewise
	return res, nil
}
