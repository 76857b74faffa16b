package history

import (
	"context"
	"fmt"
	"math"
	"time"

	"almanac/generator/site"
)

// disagreement is how far front matter and git may be apart before a
// warning says so: more than a day is usually a typo in the date.
const disagreement = 24 * time.Hour

// Apply reads the site's repositories (s.Config.Repositories, relative to
// siteDir) and gives each story and deployed release of the linked site
// the timestamps its front matter leaves out, with where each was read
// (Story.FirstCommitFrom, Story.MergedFrom, Release.ReleasedFrom). Front
// matter always wins; where it and git are more than a day apart, a
// warning points at the front matter key. Times are given in the site's
// time zone. It returns warnings only: a missing or shallow repository
// leaves the dates to front matter. cacheDir "" keeps no cache.
func Apply(ctx context.Context, s *site.Site, siteDir, cacheDir string) site.Diagnostics {
	var r reader
	return r.apply(ctx, s, siteDir, cacheDir)
}

func (r *reader) apply(ctx context.Context, s *site.Site, siteDir, cacheDir string) site.Diagnostics {
	if s == nil || len(s.Config.Repositories) == 0 {
		return nil
	}
	ids := make([]string, 0, len(s.Stories))
	for _, p := range s.Stories {
		if p.Story != nil && p.Story.ID != "" {
			ids = append(ids, p.Story.ID)
		}
	}
	versions := make([]string, 0, len(s.Releases))
	for _, p := range s.Releases {
		if p.Release != nil {
			versions = append(versions, p.Release.Version)
		}
	}
	facts, diags := r.read(ctx, s.Config.Repositories, siteDir, cacheDir, ids, versions)
	loc := s.Config.Location
	for _, p := range s.Stories {
		st := p.Story
		if st == nil {
			continue
		}
		f := facts.Stories[st.ID]
		fill(&diags, p, "first_commit_at", &st.FirstCommitAt, &st.FirstCommitFrom, f.FirstCommit, loc)
		fill(&diags, p, "merged_at", &st.MergedAt, &st.MergedFrom, f.Merged, loc)
	}
	for _, p := range s.Releases {
		rel := p.Release
		if rel == nil || !rel.Deployed() {
			continue
		}
		if d, ok := facts.Releases[rel.Version]; ok {
			fill(&diags, p, "released_at", &rel.ReleasedAt, &rel.ReleasedFrom, &d, loc)
		}
	}
	diags.Sort()
	return diags
}

// fill sets *at from git when front matter left it out, or warns when
// both have it and they are more than a day apart.
func fill(diags *site.Diagnostics, p *site.Page, key string, at *time.Time, from **site.Source, d *Dated, loc *time.Location) {
	if d == nil {
		return
	}
	if at.IsZero() {
		t := d.At
		if loc != nil {
			t = t.In(loc)
		}
		src := d.Source
		*at, *from = t, &src
		return
	}
	if gap := at.Sub(d.At); gap > disagreement || gap < -disagreement {
		what := "was committed"
		switch key {
		case "first_commit_at":
			what = "was authored"
		case "released_at":
			what = "is dated"
		}
		when := d.At
		if loc != nil {
			when = when.In(loc)
		}
		diags.Add(site.Diagnostic{Pos: p.Pos(key), Severity: site.Warning,
			Msg: fmt.Sprintf("%s %s and git disagree by %s: %s %s %s", key, at.Format(time.RFC3339), days(gap),
				d.Source.String(), what, when.Format(time.RFC3339)),
			Hint: fmt.Sprintf("a typo in the date is the usual cause; remove %s to take git's", key)})
	}
}

// days says how far apart two moments are, in whole days.
func days(gap time.Duration) string {
	n := int(math.Round(math.Abs(gap.Hours()) / 24))
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
