package build

import (
	"context"
	"time"

	"almanac/generator/gitdate"
	"almanac/generator/site"
)

// readGitDates reads the date of the last commit of every file of the
// site, with one git log; nil without git history (the theme then shows no
// "last updated").
func (b *Builder) readGitDates(ctx context.Context) map[string]time.Time {
	if b.opts.GitDir == "" {
		return nil
	}
	dates, err := gitdate.Lastmod(ctx, b.opts.GitDir)
	if err != nil {
		return nil
	}
	return dates
}

// applyGitDates gives each page without lastmod in its front matter (which
// wins) the date of the last commit that touched its file, in the site's
// time zone.
func applyGitDates(s *site.Site, dates map[string]time.Time) {
	for _, p := range s.Pages {
		if t, ok := dates[p.Source]; ok && p.Lastmod.IsZero() {
			if s.Config.Location != nil {
				t = t.In(s.Config.Location)
			}
			p.Lastmod = t
		}
	}
}
