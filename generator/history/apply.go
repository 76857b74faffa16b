package history

import (
	"context"
	"fmt"
	"math"
	"strings"
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
// time zone. A missing or shallow repository is a warning and leaves the
// dates to front matter. A deployed release that neither front matter nor
// a tag dates is an error, as it is without repositories. siteDir "" reads
// no repository (a site that is not on disk) and only reports the releases
// left undated; cacheDir "" keeps no cache.
//
// Apply is ReadSite then Fill; a preview that relinks the site after each
// change may read once and Fill each new link.
func Apply(ctx context.Context, s *site.Site, siteDir, cacheDir string) site.Diagnostics {
	var r reader
	return r.apply(ctx, s, siteDir, cacheDir)
}

func (r *reader) apply(ctx context.Context, s *site.Site, siteDir, cacheDir string) site.Diagnostics {
	facts, diags := r.readSite(ctx, s, siteDir, cacheDir)
	diags.Append(Fill(s, facts))
	diags.Sort()
	return diags
}

// ReadSite asks the site's repositories about its stories and releases:
// Read with the site's ids and versions. Without repositories, or with
// siteDir "", it reads nothing and returns no facts.
func ReadSite(ctx context.Context, s *site.Site, siteDir, cacheDir string) (*Facts, site.Diagnostics) {
	var r reader
	return r.readSite(ctx, s, siteDir, cacheDir)
}

func (r *reader) readSite(ctx context.Context, s *site.Site, siteDir, cacheDir string) (*Facts, site.Diagnostics) {
	if s == nil || len(s.Config.Repositories) == 0 || siteDir == "" {
		return nil, nil
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
	return r.read(ctx, s.Config.Repositories, siteDir, cacheDir, ids, versions)
}

// Fill gives the linked site the timestamps of facts that its front matter
// leaves out, and returns the warnings where the two disagree and the
// errors for deployed releases still undated. A site without repositories
// is left as it is; nil facts date nothing.
func Fill(s *site.Site, facts *Facts) site.Diagnostics {
	if s == nil || len(s.Config.Repositories) == 0 {
		return nil
	}
	if facts == nil {
		facts = &Facts{}
	}
	var diags site.Diagnostics
	loc := s.Config.Location
	for _, p := range s.Stories {
		st := p.Story
		if st == nil {
			continue
		}
		f := facts.Stories[st.ID]
		fill(&diags, p, "first_commit_at", &st.FirstCommitAt, &st.FirstCommitFrom, f.FirstCommit, loc)
		fill(&diags, p, "merged_at", &st.MergedAt, &st.MergedFrom, f.Merged, loc)
		checkStoryOrder(&diags, p, loc)
	}
	for _, p := range s.Releases {
		rel := p.Release
		if rel == nil || !rel.Deployed() {
			continue
		}
		if d, ok := facts.Releases[rel.Version]; ok {
			fill(&diags, p, "released_at", &rel.ReleasedAt, &rel.ReleasedFrom, &d, loc)
			checkReleaseOrder(&diags, p)
		}
		if rel.ReleasedAt.IsZero() {
			diags.Add(site.Diagnostic{Pos: p.Pos("status"), Severity: site.Error,
				Msg: fmt.Sprintf("status is %q but released_at is missing, and no repository has a tag %s",
					rel.Status, tagNames(s.Config.Repositories, rel.Version)),
				Hint: "add released_at: 2026-07-14T10:30:00+09:00, or tag the release in its repository"})
		}
	}
	diags.Sort()
	return diags
}

// tagNames lists the tags a version may have, as the repositories spell
// them: "v1.4.0 or 1.4.0".
func tagNames(repos []site.Repository, version string) string {
	var names []string
	seen := map[string]bool{}
	for _, r := range repos {
		patterns := r.Tags
		if len(patterns) == 0 {
			patterns = site.DefaultTagPatterns
		}
		for _, p := range patterns {
			if n := strings.ReplaceAll(p, "{version}", version); !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return strings.Join(names, " or ")
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
