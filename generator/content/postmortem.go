package content

import "almanac/generator/site"

// decodePostMortem decodes a post-mortem's front matter into p.
func decodePostMortem(d *decoder, root *node, p *site.Page) {
	pm := &site.PostMortem{}
	p.PostMortem = pm
	str := func(dst *string) func(*node, string) {
		return func(n *node, path string) { *dst = d.str(n, path) }
	}
	list := func(dst *[]string) func(*node, string) {
		return func(n *node, path string) { *dst = dedupe(d.strList(n, path)) }
	}
	fields := append(commonFields(d, p),
		field{"id", func(n *node, path string) { pm.ID = d.id(n, path) }},
		field{"date", func(n *node, path string) { p.Date = d.date(n, path) }},
		field{"authors", list(&pm.Authors)},
		field{"status", func(n *node, path string) { pm.Status = d.enum(n, path, site.PostMortemStatuses) }},
		field{"severity", func(n *node, path string) { pm.Severity = d.enum(n, path, site.Severities) }},
		field{"summary", str(&pm.Summary)},
		field{"impact", str(&pm.Impact)},
		field{"trigger", func(n *node, path string) { pm.Trigger = d.enum(n, path, site.Triggers) }},
		field{"releases", list(&pm.Releases)},
		field{"services", list(&pm.Services)},
		field{"root_causes", list(&pm.RootCauses)},
		field{"contributing_factors", list(&pm.ContributingFactors)},
		field{"started_at", func(n *node, path string) { pm.StartedAt = d.datetime(n, path) }},
		field{"detected_at", func(n *node, path string) { pm.DetectedAt = d.datetime(n, path) }},
		field{"mitigated_at", func(n *node, path string) { pm.MitigatedAt = d.datetime(n, path) }},
		field{"resolved_at", func(n *node, path string) { pm.ResolvedAt = d.datetime(n, path) }},
		field{"timeline", func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) { pm.Timeline = append(pm.Timeline, d.timelineEvent(item, ip)) })
		}},
		field{"action_items", func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) { pm.ActionItems = append(pm.ActionItems, d.actionItem(item, ip)) })
		}},
		field{"lessons", func(n *node, path string) {
			d.object(n, path, []field{
				{"went_well", list(&pm.Lessons.WentWell)},
				{"went_wrong", list(&pm.Lessons.WentWrong)},
				{"got_lucky", list(&pm.Lessons.GotLucky)},
			})
		}},
	)
	given := d.object(root, "", fields)
	d.require(given, "id", "title", "date", "severity", "status")
	if p.Description == "" {
		p.Description = pm.Summary
	}
}

func (d *decoder) timelineEvent(n *node, path string) site.TimelineEvent {
	var e site.TimelineEvent
	given := d.object(n, path, []field{
		{"at", func(n *node, path string) { e.At = d.datetime(n, path) }},
		{"event", func(n *node, path string) { e.Event = d.str(n, path) }},
	})
	d.requireIn(n, path, given, "at", "event")
	return e
}

func (d *decoder) actionItem(n *node, path string) site.ActionItem {
	var a site.ActionItem
	given := d.object(n, path, []field{
		{"title", func(n *node, path string) { a.Title = d.str(n, path) }},
		{"type", func(n *node, path string) { a.Type = d.str(n, path) }},
		{"owner", func(n *node, path string) { a.Owner = d.str(n, path) }},
		{"priority", func(n *node, path string) { a.Priority = d.str(n, path) }},
		{"tracking", func(n *node, path string) { a.Tracking = d.str(n, path) }},
		{"status", func(n *node, path string) { a.Status = d.enum(n, path, site.ActionStatuses) }},
		{"due", func(n *node, path string) { a.Due = d.date(n, path) }},
	})
	d.requireIn(n, path, given, "title")
	if a.Status == "" && given != nil {
		a.Status = "open"
	}
	return a
}
