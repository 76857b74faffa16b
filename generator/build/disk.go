package build

import (
	"context"
	"time"

	"almanac/generator/output"
)

// ToDisk runs a build into a staging folder beside dest and swaps it in
// only when the whole build succeeded; on any error the previous output is
// left exactly as it was.
func (b *Builder) ToDisk(ctx context.Context, now time.Time, dest string) (*Result, error) {
	stage, err := output.NewStaging(dest)
	if err != nil {
		return nil, err
	}
	res, err := b.Generate(ctx, now, stage)
	if err != nil {
		stage.Abort()
		return res, err
	}
	if err := stage.Commit(); err != nil {
		stage.Abort()
		return res, err
	}
	return res, nil
}
