package content

import "almanac/generator/site"

// decodeStory decodes a user story's front matter into p.
func decodeStory(d *decoder, root *node, p *site.Page) {
	s := d.slabs.stories.New()
	p.Story = s
	spec := decodingSpecs()[site.KindStory]
	voc, _ := spec.Key("voc")
	d.decodeSpec(root, spec, merge(commonSetters(d, p), map[string]setter{
		"id":         func(n *node, path string) { s.ID = d.id(n, path) },
		"as_a":       func(n *node, path string) { s.AsA = d.str(n, path) },
		"i_want":     func(n *node, path string) { s.IWant = d.str(n, path) },
		"so_that":    func(n *node, path string) { s.SoThat = d.str(n, path) },
		"acceptance": func(n *node, path string) { s.Acceptance = d.strList(n, path) },
		"status":     func(n *node, path string) { s.Status = d.enum(n, path, site.StoryStatuses) },
		"priority":   func(n *node, path string) { s.Priority = d.enum(n, path, site.Priorities) },
		"points": func(n *node, path string) {
			s.Points, s.HasPoints = d.number(n, path)
			if s.Points < 0 {
				d.errorf(n, "", "%s: points cannot be negative", path)
				s.Points, s.HasPoints = 0, false
			}
		},
		"owner":           func(n *node, path string) { s.Owner = d.str(n, path) },
		"team":            func(n *node, path string) { s.Team = d.str(n, path) },
		"created":         func(n *node, path string) { s.Created = d.date(n, path) },
		"started_at":      func(n *node, path string) { s.StartedAt = d.datetime(n, path) },
		"first_commit_at": func(n *node, path string) { s.FirstCommitAt = d.datetime(n, path) },
		"merged_at":       func(n *node, path string) { s.MergedAt = d.datetime(n, path) },
		"release":         func(n *node, path string) { s.Release = d.str(n, path) },
		"changelog":       func(n *node, path string) { s.Changelog = d.enum(n, path, site.ChangelogCategories) },
		"voc": func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) { s.VOC = append(s.VOC, d.voc(item, ip, voc)) })
		},
	}))
	p.Date = s.Created
	d.storyOrder(s)
}

// voc decodes one piece of the voice of the customer.
func (d *decoder) voc(n *node, path string, key Key) site.VOC {
	var v site.VOC
	d.nested(n, path, key, map[string]setter{
		"source":   func(n *node, path string) { v.Source = d.str(n, path) },
		"customer": func(n *node, path string) { v.Customer = d.str(n, path) },
		"quote":    func(n *node, path string) { v.Quote = d.str(n, path) },
		"url":      func(n *node, path string) { v.URL = d.str(n, path) },
		"date":     func(n *node, path string) { v.Date = d.date(n, path) },
	})
	return v
}
