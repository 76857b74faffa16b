package content

import (
	"slices"
	"strings"

	"almanac/generator/site"
)

// commonSetters decode the keys every typed kind accepts besides its own.
func commonSetters(d *decoder, p *site.Page) map[string]setter {
	return map[string]setter{
		"type":        func(*node, string) {}, // applied before decoding
		"title":       func(n *node, path string) { p.Title = d.str(n, path) },
		"description": func(n *node, path string) { p.Description = d.str(n, path) },
		"draft":       func(n *node, path string) { p.Draft = d.boolean(n, path) },
		"tags":        func(n *node, path string) { p.Tags = dedupe(d.strList(n, path)) },
		"weight":      func(n *node, path string) { p.Weight, _ = d.integer(n, path) },
		"slug":        func(n *node, path string) { p.Slug = d.slug(n, path) },
		"aliases":     func(n *node, path string) { p.Aliases = d.aliases(n, path) },
		"lastmod":     func(n *node, path string) { p.Lastmod = d.looseDate(n, path) },
	}
}

// slug reads a `slug:` value: one URL segment that stays in the output.
func (d *decoder) slug(n *node, path string) string {
	raw := d.str(n, path)
	if raw == "" {
		return ""
	}
	if hasDotDot(raw) {
		d.errorf(n, "a slug is one URL segment such as export-deploy-log",
			"%s: %q would leave the output folder", path, raw)
		return ""
	}
	if strings.ContainsAny(raw, `/\`) {
		d.errorf(n, "use hyphens instead of slashes", "%s: %q must be a single URL segment", path, raw)
		return ""
	}
	s := Slugify(raw)
	if s == "" {
		d.errorf(n, "use letters or digits", "%s: %q gives an empty slug", path, raw)
	}
	return s
}

// aliases reads site-relative URLs that redirect to the page.
func (d *decoder) aliases(n *node, path string) []string {
	var out []string
	d.list(n, path, func(item *node, ip string) {
		if a := d.str(item, ip); a != "" {
			if u, ok := d.alias(item, ip, a); ok {
				out = append(out, u)
			}
		}
	})
	return dedupe(out)
}

func (d *decoder) alias(n *node, path, a string) (string, bool) {
	switch {
	case strings.Contains(a, "://") || strings.HasPrefix(a, "//"):
		d.errorf(n, "write the path only, e.g. /old/path/", "%s: %q must be a site-relative URL", path, a)
		return "", false
	case hasDotDot(a):
		d.errorf(n, "write the path from the site root, e.g. /old/path/", "%s: %q would leave the output folder", path, a)
		return "", false
	}
	u := siteURL(a)
	if u == "/" {
		d.errorf(n, "", "%s: an alias cannot be the home page", path)
		return "", false
	}
	return u, true
}

// dedupe drops repeated strings, keeping the first of each. It works in
// place: every caller passes a list of its own, which may be part of a
// page's lists (decoder.takeList), and keeps only what dedupe returns.
// Lists are short: a map is made only for a long one.
func dedupe(in []string) []string {
	if len(in) < 2 {
		return in
	}
	var seen map[string]bool
	if len(in) > 16 {
		seen = make(map[string]bool, len(in))
	}
	out := in[:0]
	for _, s := range in {
		if seen != nil {
			if seen[s] {
				continue
			}
			seen[s] = true
		} else if slices.Contains(out, s) {
			continue
		}
		out = append(out, s)
	}
	clear(in[len(out):]) // what was dropped is not held
	return out
}
