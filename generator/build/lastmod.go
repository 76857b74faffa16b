package build

import (
	"context"
	"time"

	"almanac/generator/gitdate"
	"almanac/generator/site"
)

// applyGitLastmod gives every page without a lastmod of its own the date
// of its file's last commit. Without git history nothing changes: the
// theme then shows no "last updated".
func applyGitLastmod(ctx context.Context, s *site.Site, dir string) {
	dates, err := gitdate.Lastmod(ctx, dir)
	if err != nil || len(dates) == 0 {
		return
	}
	applyGitDates(s, dates)
}

// applyGitDates gives each page without lastmod in its front matter (which
// wins) the date of the last commit that touched its file, in the site's
// time zone. The preview keeps the dates of its one git log and applies
// them after each relink.
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
