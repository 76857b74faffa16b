package history

import (
	"fmt"
	"time"

	"almanac/generator/site"
)

// A value read from git must fit the rules front matter is held to
// (content/rules.go): a story is created before work on it starts, its
// work is merged after it started and after its first commit, and a
// release is rolled back after it is released. One that does not is left
// out, with a warning at the front matter key it contradicts: writing it
// into the file (almanac stamp) would otherwise break the build.

// checkStoryOrder drops the story's dates from git that contradict its other
// dates.
func checkStoryOrder(diags *site.Diagnostics, p *site.Page, loc *time.Location) {
	st := p.Story
	first := moment{"first_commit_at", &st.FirstCommitAt, &st.FirstCommitFrom}
	merged := moment{"merged_at", &st.MergedAt, &st.MergedFrom}
	if !st.Created.IsZero() {
		for _, m := range []moment{first, merged} {
			if m.fromGit() && m.at.Before(st.Created) {
				m.drop(diags, p, "created", fmt.Sprintf("before created %s", st.Created.In(zone(loc)).Format(time.DateOnly)),
					"a story is created before work on it starts: correct created, or write the date by hand")
			}
		}
	}
	if merged.fromGit() && !st.StartedAt.IsZero() && merged.at.Before(st.StartedAt) {
		merged.drop(diags, p, "started_at", "before started_at "+st.StartedAt.Format(time.RFC3339),
			"work is merged after it started: correct started_at, or write merged_at by hand")
	}
	if first.at.IsZero() || merged.at.IsZero() || !merged.at.Before(*first.at) {
		return
	}
	switch {
	case merged.fromGit():
		merged.drop(diags, p, "first_commit_at", "before first_commit_at "+first.at.Format(time.RFC3339),
			"a change is merged after its first commit: correct first_commit_at, or write merged_at by hand")
	case first.fromGit():
		first.drop(diags, p, "merged_at", "after merged_at "+merged.at.Format(time.RFC3339),
			"a change is merged after its first commit: correct merged_at, or write first_commit_at by hand")
	}
}

// checkReleaseOrder drops a released_at from git that is after the release's
// rollback.
func checkReleaseOrder(diags *site.Diagnostics, p *site.Page) {
	r := p.Release
	m := moment{"released_at", &r.ReleasedAt, &r.ReleasedFrom}
	if m.fromGit() && !r.RolledBackAt.IsZero() && r.RolledBackAt.Before(r.ReleasedAt) {
		m.drop(diags, p, "rolled_back_at", "after rolled_back_at "+r.RolledBackAt.Format(time.RFC3339),
			"a release is rolled back after it is released: correct rolled_back_at, or write released_at by hand")
	}
}

// moment is one of a page's dates with where it came from.
type moment struct {
	key  string
	at   *time.Time
	from **site.Source
}

func (m moment) fromGit() bool { return *m.from != nil && !m.at.IsZero() }

// drop clears a value read from git, warning at the key it contradicts.
func (m moment) drop(diags *site.Diagnostics, p *site.Page, against, why, hint string) {
	diags.Add(site.Diagnostic{Pos: p.Pos(against), Severity: site.Warning,
		Msg: fmt.Sprintf("%s from git, %s (%s), is %s; it is left out", m.key, m.at.Format(time.RFC3339),
			(*m.from).String(), why),
		Hint: hint})
	*m.at, *m.from = time.Time{}, nil
}

func zone(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}
