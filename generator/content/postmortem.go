package content

import "almanac/generator/site"

// decodePostMortem decodes a post-mortem's front matter into p.
func decodePostMortem(d *decoder, root *node, p *site.Page) {
	pm := d.slabs.postmortems.New()
	p.PostMortem = pm
	str := func(dst *string) func(*node, string) {
		return func(n *node, path string) { *dst = d.str(n, path) }
	}
	list := func(dst *[]string) func(*node, string) {
		return func(n *node, path string) { *dst = dedupe(d.strList(n, path)) }
	}
	spec := decodingSpecs()[site.KindPostMortem]
	timeline, _ := spec.Key("timeline")
	actions, _ := spec.Key("action_items")
	lessons, _ := spec.Key("lessons")
	d.decodeSpec(root, spec, merge(commonSetters(d, p), map[string]setter{
		"id":                   func(n *node, path string) { pm.ID = d.id(n, path) },
		"date":                 func(n *node, path string) { p.Date = d.date(n, path) },
		"authors":              list(&pm.Authors),
		"status":               func(n *node, path string) { pm.Status = d.enum(n, path, site.PostMortemStatuses) },
		"severity":             func(n *node, path string) { pm.Severity = d.enum(n, path, site.Severities) },
		"summary":              str(&pm.Summary),
		"impact":               str(&pm.Impact),
		"trigger":              func(n *node, path string) { pm.Trigger = d.enum(n, path, site.Triggers) },
		"releases":             list(&pm.Releases),
		"services":             list(&pm.Services),
		"root_causes":          list(&pm.RootCauses),
		"contributing_factors": list(&pm.ContributingFactors),
		"started_at":           func(n *node, path string) { pm.StartedAt = d.datetime(n, path) },
		"detected_at":          func(n *node, path string) { pm.DetectedAt = d.datetime(n, path) },
		"mitigated_at":         func(n *node, path string) { pm.MitigatedAt = d.datetime(n, path) },
		"resolved_at":          func(n *node, path string) { pm.ResolvedAt = d.datetime(n, path) },
		"timeline": func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) {
				pm.Timeline = append(pm.Timeline, d.timelineEvent(item, ip, timeline))
			})
		},
		"action_items": func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) {
				pm.ActionItems = append(pm.ActionItems, d.actionItem(item, ip, actions))
			})
		},
		"lessons": func(n *node, path string) {
			d.nested(n, path, lessons, map[string]setter{
				"went_well":  list(&pm.Lessons.WentWell),
				"went_wrong": list(&pm.Lessons.WentWrong),
				"got_lucky":  list(&pm.Lessons.GotLucky),
			})
		},
	}))
	d.incidentOrder(pm)
	if p.Description == "" {
		p.Description = pm.Summary
	}
}

func (d *decoder) timelineEvent(n *node, path string, key Key) site.TimelineEvent {
	var e site.TimelineEvent
	d.nested(n, path, key, map[string]setter{
		"at":    func(n *node, path string) { e.At = d.datetime(n, path) },
		"event": func(n *node, path string) { e.Event = d.str(n, path) },
	})
	return e
}

func (d *decoder) actionItem(n *node, path string, key Key) site.ActionItem {
	var a site.ActionItem
	given := d.nested(n, path, key, map[string]setter{
		"title":    func(n *node, path string) { a.Title = d.str(n, path) },
		"type":     func(n *node, path string) { a.Type = d.str(n, path) },
		"owner":    func(n *node, path string) { a.Owner = d.str(n, path) },
		"priority": func(n *node, path string) { a.Priority = d.str(n, path) },
		"tracking": func(n *node, path string) { a.Tracking = d.str(n, path) },
		"status":   func(n *node, path string) { a.Status = d.enum(n, path, site.ActionStatuses) },
		"due":      func(n *node, path string) { a.Due = d.date(n, path) },
	})
	if a.Status == "" && given != nil {
		a.Status = "open"
	}
	return a
}
