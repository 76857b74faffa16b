package build

import (
	"context"

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
	loc := s.Config.Location
	for _, p := range s.Pages {
		if !p.Lastmod.IsZero() {
			continue // front matter wins
		}
		if t, ok := dates[p.Source]; ok {
			if loc != nil {
				t = t.In(loc)
			}
			p.Lastmod = t
		}
	}
}
