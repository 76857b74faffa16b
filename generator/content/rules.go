package content

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"almanac/generator/site"
)

// decodeSpec decodes a kind's front matter against its Spec: the keys it
// accepts, those it requires and its conditional rules. It returns the keys
// that were given.
func (d *decoder) decodeSpec(root *node, spec Spec, set map[string]setter) map[string]bool {
	given := d.object(root, "", bind(spec.Keys, set))
	if given == nil {
		return nil
	}
	d.require(given, spec.Required()...)
	d.rules(root, spec.Rules)
	return given
}

// nested decodes a mapping inside the front matter (a list item or an
// object value) against its key's description and reports missing
// required keys.
func (d *decoder) nested(n *node, path string, key Key, set map[string]setter) map[string]bool {
	given := d.object(n, path, bind(key.Keys, set))
	d.requireIn(n, path, given, key.RequiredKeys()...)
	return given
}

// rules reports every conditional rule whose condition holds and whose
// required keys are missing or empty, at the value that sets it off.
func (d *decoder) rules(root *node, rules []Rule) {
	for _, r := range rules {
		cond := root.lookup(r.If)
		if cond == nil || !cond.isScalar() {
			continue
		}
		v := strings.TrimSpace(cond.text)
		if !slices.Contains(r.In, v) {
			continue
		}
		if r.Then == "released_at" && d.gitDated {
			continue // history.Apply reports it once the tags were read
		}
		if empty(root.lookup(r.Then)) {
			d.errorf(cond, r.Hint, "%s is %q but %s is missing", r.If, v, r.Then)
		}
	}
}

// empty reports whether a value is absent, null, blank text or an empty
// list or mapping.
func empty(n *node) bool {
	if n == nil {
		return true
	}
	switch n.kind {
	case nullNode:
		return true
	case listNode:
		return len(n.items) == 0
	case mapNode:
		return len(n.entries) == 0
	case stringNode:
		return strings.TrimSpace(n.text) == ""
	}
	return false
}

// moment is a named point in time of one page, for order checks.
type moment struct {
	key string
	at  time.Time
}

// inOrder reports each given moment that comes before an earlier one of
// the sequence, at its own value: a negative duration is never right.
func (d *decoder) inOrder(seq []moment, hint string) {
	var prev moment
	for _, m := range seq {
		if m.at.IsZero() {
			continue
		}
		if !prev.at.IsZero() && m.at.Before(prev.at) {
			d.diags.ErrorHint(d.pos(m.key), hint, "%s %s is before %s %s",
				m.key, d.stamp(m.at), prev.key, d.stamp(prev.at))
			continue
		}
		prev = m
	}
}

// pos is where a key path's value stands, else where the front matter
// opens.
func (d *decoder) pos(key string) site.Pos {
	if p, ok := d.fields[key]; ok {
		return p
	}
	return d.top
}

// stamp writes a time for a message, in the site's zone.
func (d *decoder) stamp(t time.Time) string { return t.In(d.loc).Format(time.RFC3339) }

// incidentOrder checks that an incident's moments come in order and that
// its timeline stays within it and runs forward.
func (d *decoder) incidentOrder(pm *site.PostMortem) {
	d.inOrder([]moment{
		{"started_at", pm.StartedAt}, {"detected_at", pm.DetectedAt},
		{"mitigated_at", pm.MitigatedAt}, {"resolved_at", pm.ResolvedAt},
	}, "an incident is started ≤ detected ≤ mitigated ≤ resolved")
	first, last := pm.StartedAt, pm.ResolvedAt
	var prev time.Time
	for i, e := range pm.Timeline {
		if e.At.IsZero() {
			continue
		}
		key := fmt.Sprintf("timeline[%d].at", i)
		switch {
		case !prev.IsZero() && e.At.Before(prev):
			d.diags.Add(site.Diagnostic{Pos: d.pos(key), Severity: site.Warning,
				Msg:  fmt.Sprintf("%s %s is before the event above it (%s)", key, d.stamp(e.At), d.stamp(prev)),
				Hint: "list the timeline in the order things happened"})
		case !first.IsZero() && e.At.Before(first):
			d.diags.Add(site.Diagnostic{Pos: d.pos(key), Severity: site.Warning,
				Msg:  fmt.Sprintf("%s %s is before started_at %s", key, d.stamp(e.At), d.stamp(first)),
				Hint: "move started_at earlier, or the event belongs before the incident"})
		case !last.IsZero() && e.At.After(last):
			d.diags.Add(site.Diagnostic{Pos: d.pos(key), Severity: site.Warning,
				Msg:  fmt.Sprintf("%s %s is after resolved_at %s", key, d.stamp(e.At), d.stamp(last)),
				Hint: "move resolved_at later, or the event belongs after the incident"})
		}
		prev = e.At
	}
}

// releaseOrder checks that a release is rolled back after it went out.
func (d *decoder) releaseOrder(r *site.Release) {
	d.inOrder([]moment{{"released_at", r.ReleasedAt}, {"rolled_back_at", r.RolledBackAt}},
		"a release is rolled back after it is released")
}

// storyOrder checks that a story's work moves forward in time.
func (d *decoder) storyOrder(s *site.Story) {
	d.inOrder([]moment{{"first_commit_at", s.FirstCommitAt}, {"merged_at", s.MergedAt}},
		"a change is merged after its first commit")
	d.inOrder([]moment{{"started_at", s.StartedAt}, {"merged_at", s.MergedAt}},
		"work is merged after it started")
	if !s.Created.IsZero() {
		for _, m := range []moment{{"started_at", s.StartedAt}, {"first_commit_at", s.FirstCommitAt}, {"merged_at", s.MergedAt}} {
			if !m.at.IsZero() && m.at.Before(s.Created) {
				d.diags.ErrorHint(d.pos(m.key), "a story is created before work on it starts",
					"%s %s is before created %s", m.key, d.stamp(m.at), s.Created.Format(dateLayout))
			}
		}
	}
}
