package content

import (
	"fmt"
	"strings"

	"almanac/generator/site"
)

// decodeRelease decodes a release's front matter into p.
func decodeRelease(d *decoder, root *node, p *site.Page) {
	r := &site.Release{}
	p.Release = r
	spec := releaseSpec()
	milestones, _ := spec.Key("milestones")
	d.decodeSpec(root, spec, merge(commonSetters(d, p), map[string]setter{
		"version":        func(n *node, path string) { r.Version, r.SemVer = d.version(n, path) },
		"status":         func(n *node, path string) { r.Status = d.enum(n, path, site.ReleaseStatuses) },
		"kind":           func(n *node, path string) { r.ReleaseKind = d.enum(n, path, site.ReleaseKinds) },
		"planned_date":   func(n *node, path string) { r.PlannedDate = d.date(n, path) },
		"released_at":    func(n *node, path string) { r.ReleasedAt = d.datetime(n, path) },
		"rolled_back_at": func(n *node, path string) { r.RolledBackAt = d.datetime(n, path) },
		"hotfix_for":     func(n *node, path string) { r.HotfixFor = dedupe(d.strList(n, path)) },
		"milestones": func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) {
				var m site.Milestone
				d.nested(item, ip, milestones, map[string]setter{
					"name": func(n *node, path string) { m.Name = d.str(n, path) },
					"date": func(n *node, path string) { m.Date = d.date(n, path) },
				})
				r.Milestones = append(r.Milestones, m)
			})
		},
		"environment": func(n *node, path string) { r.Environment = d.str(n, path) },
	}))
	d.releaseOrder(r)
	if r.ReleaseKind == "" && r.Version != "" {
		r.ReleaseKind = deriveReleaseKind(r)
	}
	if p.Title == "" {
		p.Title = r.Version
	}
	p.Date = r.ReleasedAt
	if p.Date.IsZero() {
		p.Date = r.PlannedDate
	}
}

// deriveReleaseKind gives the kind of a release that does not say.
func deriveReleaseKind(r *site.Release) string {
	switch {
	case len(r.HotfixFor) > 0:
		return "hotfix"
	case r.SemVer.Minor == 0 && r.SemVer.Patch == 0:
		return "major"
	case r.SemVer.Patch == 0:
		return "minor"
	}
	return "patch"
}

// version reads a SemVer 2.0 version; an invalid one is reported and left
// empty.
func (d *decoder) version(n *node, path string) (string, site.SemVer) {
	s := d.str(n, path)
	if s == "" {
		return "", site.SemVer{}
	}
	v, err := site.ParseSemVer(s)
	if err == nil {
		return s, v
	}
	hint := "write MAJOR.MINOR.PATCH, e.g. 1.4.0"
	if t := strings.TrimLeft(s, "vV"); t != s {
		if _, err2 := site.ParseSemVer(t); err2 == nil {
			hint = fmt.Sprintf("drop the leading %q: %s", s[:1], t)
		}
	}
	if n.kind == floatNode || n.kind == intNode {
		hint = `write all three numbers and quote it, e.g. "1.4.0"`
	}
	d.errorf(n, hint, "%s: %q is not a SemVer 2.0 version: %v", path, s, err)
	return "", site.SemVer{}
}
