package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"almanac/generator/site"
)

// decisionID is the spelling of a decision's id: ADR-7.
var decisionID = regexp.MustCompile(`^ADR-[1-9][0-9]*$`)

// decodeDecision decodes a decision record's front matter into p.
func decodeDecision(d *decoder, root *node, p *site.Page) {
	dec := &site.Decision{}
	p.Decision = dec
	list := func(dst *[]string) func(*node, string) {
		return func(n *node, path string) { *dst = dedupe(d.strList(n, path)) }
	}
	spec := decodingSpecs()[site.KindDecision]
	options, _ := spec.Key("options")
	d.decodeSpec(root, spec, merge(commonSetters(d, p), map[string]setter{
		"id": func(n *node, path string) {
			dec.ID = d.id(n, path)
			if dec.ID != "" && idRE.MatchString(dec.ID) && !decisionID.MatchString(dec.ID) {
				d.errorf(n, "number decisions ADR-1, ADR-2, …; `almanac new decision` picks the next", "%s: %q is not a decision id", path, dec.ID)
			}
		},
		"date":         func(n *node, path string) { p.Date = d.date(n, path) },
		"status":       func(n *node, path string) { dec.Status = d.enum(n, path, site.DecisionStatuses) },
		"deciders":     list(&dec.Deciders),
		"supersedes":   list(&dec.Supersedes),
		"chosen":       func(n *node, path string) { dec.Chosen = d.str(n, path) },
		"consequences": func(n *node, path string) { dec.Consequences = d.str(n, path) },
		"stories":      list(&dec.Stories),
		"releases":     list(&dec.Releases),
		"postmortems":  list(&dec.PostMortems),
		"options": func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) {
				var o site.DecisionOption
				d.nested(item, ip, options, map[string]setter{
					"name": func(n *node, path string) { o.Name = d.str(n, path) },
					"pros": func(n *node, path string) { o.Pros = d.strList(n, path) },
					"cons": func(n *node, path string) { o.Cons = d.strList(n, path) },
				})
				dec.Options = append(dec.Options, o)
			})
		},
	}))
	// The chosen option is one of those weighed, when any are listed.
	if dec.Chosen != "" && len(dec.Options) > 0 {
		names := make([]string, len(dec.Options))
		for i, o := range dec.Options {
			names[i] = o.Name
		}
		if !slices.Contains(names, dec.Chosen) {
			hint := suggest(dec.Chosen, names)
			if hint == "" {
				hint = "name one of the options: " + strings.Join(names, ", ")
			}
			if n := root.lookup("chosen"); n != nil {
				d.errorf(n, hint, "chosen: %q is not one of the options", dec.Chosen)
			}
		}
	}
	if n := root.lookup("supersedes"); n != nil && dec.ID != "" && slices.Contains(dec.Supersedes, dec.ID) {
		d.errorf(n, "remove it", "supersedes: a decision cannot supersede itself")
	}
}

// decisionRefs resolves what decisions name, both ways: the decisions they
// supersede (which must say status: superseded), the stories, releases and
// post-mortems they concern, and the action items that track them.
func (l *linker) decisionRefs() {
	s := l.s
	var decisionIDs []string
	for _, p := range s.Decisions {
		decisionIDs = append(decisionIDs, p.Decision.ID)
	}
	// named finds the page of an id of the kind want ("decision", "story",
	// "post-mortem"), reporting an unknown one.
	named := func(p *site.Page, key, id, want string, of func(*site.Page) bool, ids []string) *site.Page {
		if t, ok := s.ByID[id]; ok && of(t) {
			return t
		}
		if l.hiddenIDs[id] {
			return nil
		}
		l.diags.Add(site.Diagnostic{Pos: p.Pos(key), Severity: site.Error, Hint: suggest(id, ids),
			Msg: fmt.Sprintf("%s: no %s has the id %q", key, want, id), Wants: "id " + id})
		return nil
	}
	var storyIDs, pmIDs []string
	for _, p := range s.Stories {
		storyIDs = append(storyIDs, p.Story.ID)
	}
	for _, p := range s.PostMortems {
		pmIDs = append(pmIDs, p.PostMortem.ID)
	}
	isDecision := func(t *site.Page) bool { return t.Decision != nil }
	for _, p := range s.Decisions {
		d := p.Decision
		for i, id := range d.Supersedes {
			key := fmt.Sprintf("supersedes[%d]", i)
			t := named(p, key, id, "decision", isDecision, decisionIDs)
			if t == nil || t == p {
				continue
			}
			d.SupersedesPages = append(d.SupersedesPages, t)
			t.Decision.SupersededBy = append(t.Decision.SupersededBy, p)
			if st := t.Decision.Status; st != "superseded" {
				l.diags.ErrorHint(t.Pos("status"), fmt.Sprintf("set status: superseded (%s names it at %s)", d.ID, p.Pos(key)),
					"status is %q, but %s supersedes %s", st, d.ID, t.Decision.ID)
			}
		}
		for i, id := range d.Stories {
			if t := named(p, fmt.Sprintf("stories[%d]", i), id, "story", func(t *site.Page) bool { return t.Story != nil }, storyIDs); t != nil {
				d.StoryPages = append(d.StoryPages, t)
				t.Story.Decisions = append(t.Story.Decisions, p)
			}
		}
		for i, v := range d.Releases {
			if r := l.release(p, fmt.Sprintf("releases[%d]", i), v); r != nil {
				d.ReleasePages = append(d.ReleasePages, r)
				r.Release.Decisions = append(r.Release.Decisions, p)
			}
		}
		for i, id := range d.PostMortems {
			if t := named(p, fmt.Sprintf("postmortems[%d]", i), id, "post-mortem", func(t *site.Page) bool { return t.PostMortem != nil }, pmIDs); t != nil {
				d.PostMortemPages = append(d.PostMortemPages, t)
				t.PostMortem.Decisions = append(t.PostMortem.Decisions, p)
			}
		}
	}
	for _, p := range s.Decisions {
		d := p.Decision
		if d.Status == "superseded" && len(d.SupersededBy) == 0 {
			l.diags.Add(site.Diagnostic{Pos: p.Pos("status"), Severity: site.Warning,
				Hint: "name " + d.ID + " in supersedes of the decision that replaces it",
				Msg:  fmt.Sprintf("%s is superseded, but no decision supersedes it", d.ID)})
		}
	}
	for _, p := range s.PostMortems {
		for i, a := range p.PostMortem.ActionItems {
			if t, ok := s.ByID[a.Tracking]; ok && t.Decision != nil {
				t.Decision.Tracks = append(t.Decision.Tracks, site.ActionRef{PostMortem: p, Index: i})
			}
		}
	}
}
