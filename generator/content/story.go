package content

import "almanac/generator/site"

// decodeStory decodes a user story's front matter into p.
func decodeStory(d *decoder, root *node, p *site.Page) {
	s := &site.Story{}
	p.Story = s
	fields := append(commonFields(d, p),
		field{"id", func(n *node, path string) { s.ID = d.id(n, path) }},
		field{"as_a", func(n *node, path string) { s.AsA = d.str(n, path) }},
		field{"i_want", func(n *node, path string) { s.IWant = d.str(n, path) }},
		field{"so_that", func(n *node, path string) { s.SoThat = d.str(n, path) }},
		field{"acceptance", func(n *node, path string) { s.Acceptance = d.strList(n, path) }},
		field{"status", func(n *node, path string) { s.Status = d.enum(n, path, site.StoryStatuses) }},
		field{"priority", func(n *node, path string) { s.Priority = d.enum(n, path, site.Priorities) }},
		field{"points", func(n *node, path string) {
			s.Points, s.HasPoints = d.number(n, path)
			if s.Points < 0 {
				d.errorf(n, "", "%s: points cannot be negative", path)
				s.Points, s.HasPoints = 0, false
			}
		}},
		field{"owner", func(n *node, path string) { s.Owner = d.str(n, path) }},
		field{"team", func(n *node, path string) { s.Team = d.str(n, path) }},
		field{"created", func(n *node, path string) { s.Created = d.date(n, path) }},
		field{"started_at", func(n *node, path string) { s.StartedAt = d.datetime(n, path) }},
		field{"first_commit_at", func(n *node, path string) { s.FirstCommitAt = d.datetime(n, path) }},
		field{"merged_at", func(n *node, path string) { s.MergedAt = d.datetime(n, path) }},
		field{"release", func(n *node, path string) { s.Release = d.str(n, path) }},
		field{"changelog", func(n *node, path string) { s.Changelog = d.enum(n, path, site.ChangelogCategories) }},
		field{"voc", func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) { s.VOC = append(s.VOC, d.voc(item, ip)) })
		}},
	)
	given := d.object(root, "", fields)
	d.require(given, "id", "title", "status")
	p.Date = s.Created
}

// voc decodes one piece of the voice of the customer.
func (d *decoder) voc(n *node, path string) site.VOC {
	var v site.VOC
	d.object(n, path, []field{
		{"source", func(n *node, path string) { v.Source = d.str(n, path) }},
		{"customer", func(n *node, path string) { v.Customer = d.str(n, path) }},
		{"quote", func(n *node, path string) { v.Quote = d.str(n, path) }},
		{"url", func(n *node, path string) { v.URL = d.str(n, path) }},
		{"date", func(n *node, path string) { v.Date = d.date(n, path) }},
	})
	return v
}
