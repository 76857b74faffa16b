package content

import (
	"fmt"
	"slices"
	"time"

	"almanac/generator/site"
)

// crossReferences resolves every version and id a page names, both ways.
func (l *linker) crossReferences() {
	s := l.s
	for _, p := range s.Stories {
		v := p.Story.Release
		if v == "" {
			continue
		}
		if r := l.release(p, "release", v); r != nil {
			p.Story.ReleasePage = r
			r.Release.Stories = append(r.Release.Stories, p)
			l.shippedAfterWork(p, r)
		}
	}
	ids, prefixes := l.knownIDs()
	for _, p := range s.PostMortems {
		for i, v := range p.PostMortem.Releases {
			if r := l.release(p, fmt.Sprintf("releases[%d]", i), v); r != nil {
				p.PostMortem.ReleasePages = append(p.PostMortem.ReleasePages, r)
				r.Release.Incidents = append(r.Release.Incidents, p)
			}
		}
		l.checkTracking(p, ids, prefixes)
	}
	for _, p := range s.Releases {
		for i, v := range p.Release.HotfixFor {
			key := fmt.Sprintf("hotfix_for[%d]", i)
			if v == p.Release.Version {
				l.diags.Errorf(p.Pos(key), "%s: release %s cannot be a hotfix for itself", key, v)
				continue
			}
			if r := l.release(p, key, v); r != nil {
				p.Release.FixesFor = append(p.Release.FixesFor, r)
				r.Release.Hotfixes = append(r.Release.Hotfixes, p)
			}
		}
	}
	l.decisionRefs()
	for _, p := range s.Releases {
		sortByChangelog(p.Release.Stories)
		sortReleases(p.Release.Hotfixes, false)
		sortReleases(p.Release.FixesFor, false)
	}
}

// release finds the release a page names at key, reporting an unknown one
// with the nearest known version as a hint.
func (l *linker) release(p *site.Page, key, v string) *site.Page {
	if r, ok := l.s.ByVersion[v]; ok {
		return r
	}
	if l.hiddenVersions[v] {
		return nil
	}
	hint := "no release defines any version yet"
	if len(l.s.Releases) > 0 {
		versions := make([]string, len(l.s.Releases))
		for i, r := range l.s.Releases {
			versions[i] = r.Release.Version
		}
		best, _ := nearest(v, versions)
		hint = fmt.Sprintf("the nearest known version is %s", best)
	}
	l.diags.Add(site.Diagnostic{Pos: p.Pos(key), Severity: site.Error, Hint: hint,
		Msg: fmt.Sprintf("%s: unknown release %q", key, v), Wants: "release " + v})
	return nil
}

// checkTracking reports action items that track an id of this site (its
// prefix is one the site's stories or post-mortems use) that no page has.
func (l *linker) checkTracking(p *site.Page, ids []string, prefixes map[string]bool) {
	for i, a := range p.PostMortem.ActionItems {
		t := a.Tracking
		if !idRE.MatchString(t) || !prefixes[idPrefix(t)] {
			continue
		}
		if _, ok := l.s.ByID[t]; ok || l.hiddenIDs[t] {
			continue
		}
		key := fmt.Sprintf("action_items[%d].tracking", i)
		l.diags.Add(site.Diagnostic{Pos: p.Pos(key), Severity: site.Error, Hint: suggest(t, ids),
			Msg: fmt.Sprintf("%s: unknown id %q", key, t), Wants: "id " + t})
	}
}

// knownIDs returns the sorted ids of the site and the prefixes that ids
// (shown or hidden) use.
func (l *linker) knownIDs() ([]string, map[string]bool) {
	ids := make([]string, 0, len(l.s.ByID))
	prefixes := map[string]bool{}
	for id := range l.s.ByID {
		ids = append(ids, id)
		prefixes[idPrefix(id)] = true
	}
	for id := range l.hiddenIDs {
		prefixes[idPrefix(id)] = true
	}
	slices.Sort(ids)
	return ids, prefixes
}

// shippedAfterWork reports a story whose first commit or merge comes after
// the release that shipped it went out: its lead time would be negative.
func (l *linker) shippedAfterWork(p, r *site.Page) {
	out := r.Release.ReleasedAt
	if out.IsZero() {
		return
	}
	s := p.Story
	for _, m := range []struct {
		key string
		at  time.Time
	}{{"first_commit_at", s.FirstCommitAt}, {"merged_at", s.MergedAt}} {
		if !m.at.IsZero() && m.at.After(out) {
			l.diags.ErrorHint(p.Pos(m.key), "a story ships in a release made after its work, or names another release",
				"%s %s is after release %s went out at %s", m.key, m.at.In(l.cfg.Location).Format(time.RFC3339),
				r.Release.Version, out.In(l.cfg.Location).Format(time.RFC3339))
		}
	}
}
