package content

import (
	"fmt"
	"strings"

	"almanac/generator/site"
)

// decodeRelease decodes a release's front matter into p.
func decodeRelease(d *decoder, root *node, p *site.Page) {
	r := d.slabs.releases.New()
	p.Release = r
	spec := decodingSpecs()[site.KindRelease]
	milestones, _ := spec.Key("milestones")
	checks, _ := spec.Key("checks")
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
		"checks": func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) {
				if c, ok := d.releaseCheck(item, ip, checks, r.Checks); ok {
					r.Checks = append(r.Checks, c)
				}
			})
		},
	}))
	r.ChecksPos = d.keyPos(root, "checks")
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

// releaseCheck decodes one item of a release's checks. A check without a
// status is pending; a waived one must say why in its note, and a name may
// stand once in a release. It reports false for an item that is not a
// mapping or names no check.
func (d *decoder) releaseCheck(n *node, path string, key Key, before []site.ReleaseCheck) (site.ReleaseCheck, bool) {
	c := site.ReleaseCheck{Pos: d.at(n)}
	given := d.nested(n, path, key, map[string]setter{
		"name":   func(n *node, path string) { c.Name = strings.TrimSpace(d.str(n, path)) },
		"status": func(n *node, path string) { c.Status = d.enum(n, path, site.CheckStatuses) },
		"by":     func(n *node, path string) { c.By = strings.TrimSpace(d.str(n, path)) },
		"at":     func(n *node, path string) { c.At = d.date(n, path) },
		"note":   func(n *node, path string) { c.Note = strings.TrimSpace(d.str(n, path)) },
		"link":   func(n *node, path string) { c.Link = strings.TrimSpace(d.str(n, path)) },
	})
	if given == nil || c.Name == "" {
		return c, false
	}
	if given["status"] && c.Status == "" {
		return c, false // a bad status was reported; do not read it as pending
	}
	if c.Status == "" {
		c.Status = "pending"
	}
	for _, b := range before {
		if b.Name == c.Name {
			d.errorf(n, fmt.Sprintf("keep one %q item: its status says where the review stands", c.Name),
				"%s: %q is listed twice (first at line %d)", path, c.Name, b.Pos.Line)
			return c, false
		}
	}
	if c.Status == "waived" && c.Note == "" {
		d.errorf(n, "say why it was waived and who agreed, e.g. note: \"no personal data changed; agreed with the DPO\"",
			"%s: %q is waived without a note", path, c.Name)
	}
	return c, true
}

// keyPos is where a top-level key stands (its name, not its value), else
// where the front matter opens.
func (d *decoder) keyPos(root *node, key string) site.Pos {
	if root != nil && root.kind == mapNode {
		for _, e := range root.entries {
			if e.key == key {
				return site.Pos{File: d.file, Line: e.line, Col: e.col}
			}
		}
	}
	return d.top
}
