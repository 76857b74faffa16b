package render

import (
	"sort"
	"time"

	"almanac/generator/site"
)

// moment is one line of a post-mortem's timeline. The key moments of the
// incident (started, detected, mitigated, resolved) are marked; a key
// moment with no event of its own gets a line of its own.
type moment struct {
	At    time.Time
	Event string
	Mark  string        // "", "started", "detected", "mitigated" or "resolved"
	After time.Duration // since the start, for marked moments after it
}

// buildTimeline merges a post-mortem's events with its key moments, in
// time order (events at the same instant keep their written order).
func buildTimeline(p *site.Page) []moment {
	if p == nil || p.PostMortem == nil {
		return nil
	}
	pm := p.PostMortem
	out := make([]moment, 0, len(pm.Timeline)+4)
	for _, ev := range pm.Timeline {
		out = append(out, moment{At: ev.At, Event: ev.Event})
	}
	keys := []struct {
		mark string
		at   time.Time
	}{
		{"started", pm.StartedAt}, {"detected", pm.DetectedAt},
		{"mitigated", pm.MitigatedAt}, {"resolved", pm.ResolvedAt},
	}
	for _, k := range keys {
		if k.at.IsZero() {
			continue
		}
		var after time.Duration
		if k.mark != "started" && !pm.StartedAt.IsZero() {
			after = k.at.Sub(pm.StartedAt)
		}
		placed := false
		for i := range out {
			if out[i].Mark == "" && out[i].Event != "" && out[i].At.Equal(k.at) {
				out[i].Mark, out[i].After, placed = k.mark, after, true
				break
			}
		}
		if !placed {
			out = append(out, moment{At: k.at, Mark: k.mark, After: after})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// changeGroup is one heading of a release's changelog.
type changeGroup struct {
	Category string // a site.ChangelogCategories value, or "other"
	Stories  []*site.Page
}

// buildChangelog groups the stories a release shipped by their changelog
// category, in Keep a Changelog order; stories without a known category
// come last under "other".
func buildChangelog(p *site.Page) []changeGroup {
	if p == nil || p.Release == nil {
		return nil
	}
	by := map[string][]*site.Page{}
	known := map[string]bool{}
	for _, c := range site.ChangelogCategories {
		known[c] = true
	}
	for _, s := range p.Release.Stories {
		c := ""
		if s.Story != nil {
			c = s.Story.Changelog
		}
		if !known[c] {
			c = "other"
		}
		by[c] = append(by[c], s)
	}
	var out []changeGroup
	for _, c := range append(append([]string{}, site.ChangelogCategories...), "other") {
		if len(by[c]) > 0 {
			out = append(out, changeGroup{Category: c, Stories: by[c]})
		}
	}
	return out
}
