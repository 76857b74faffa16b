package content

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"almanac/generator/site"
)

// decodePlain decodes a plain page. The keys Hugo, Jekyll and handbooks
// write are mapped (matched regardless of case); those without a Page field
// go to Params under one spelling (summary, categories, keywords, layout,
// authors, toc, images, url, publishDate, expiryDate); every other key is
// kept in Params as written, without complaint.
func decodePlain(d *decoder, root *node, p *site.Page, rel string, cfg site.Config) {
	params := map[string]any{}
	var slug, url string
	var urlNode *node
	seen := map[string]bool{}
	for _, e := range root.entries {
		n, kp := e.val, e.key
		if seen[e.key] {
			d.diags.Errorf(site.Pos{File: d.file, Line: e.line, Col: e.col}, "duplicate key %q", kp)
			continue
		}
		seen[e.key] = true
		d.fields[kp] = d.at(n)
		if n.kind == nullNode {
			continue
		}
		switch strings.ToLower(e.key) {
		case "title":
			p.Title = d.str(n, kp)
		case "description":
			p.Description = d.str(n, kp)
		case "summary":
			params["summary"] = d.str(n, kp)
		case "date":
			p.Date = d.looseDate(n, kp)
		case "lastmod", "modified", "updated", "last_modified_at":
			p.Lastmod = d.looseDate(n, kp)
		case "publishdate", "pubdate":
			params["publishDate"] = d.looseDate(n, kp)
		case "expirydate", "unpublishdate":
			params["expiryDate"] = d.looseDate(n, kp)
		case "draft":
			p.Draft = p.Draft || d.flag(n, kp)
		case "published":
			p.Draft = p.Draft || !d.flag(n, kp)
		case "tags":
			p.Tags = dedupe(d.words(n, kp))
		case "categories", "category":
			params["categories"] = dedupe(append(stringsParam(params["categories"]), d.words(n, kp)...))
		case "keywords":
			params["keywords"] = d.words(n, kp)
		case "author", "authors":
			params["authors"] = dedupe(append(stringsParam(params["authors"]), d.names(n, kp)...))
		case "images", "image":
			params["images"] = d.names(n, kp)
		case "weight":
			p.Weight, _ = d.integer(n, kp)
		case "slug":
			slug = d.slug(n, kp)
		case "url":
			url, urlNode = d.str(n, kp), n
		case "aliases", "redirect_from":
			if n.kind != listNode {
				n = &node{kind: listNode, line: n.line, col: n.col, items: []*node{n}}
			}
			p.Aliases = dedupe(append(p.Aliases, d.aliases(n, kp)...))
		case "layout":
			params["layout"] = d.str(n, kp)
		case "toc":
			params["toc"] = plainValue(n)
		case "type":
			if v := d.str(n, kp); v != "page" {
				params[e.key] = v
			}
		default:
			params[e.key] = plainValue(n)
		}
	}
	if len(params) > 0 {
		p.Params = params
	}
	plainPlace(d, p, rel, slug, url, urlNode)
	if p.Date.IsZero() {
		if t, ok := params["publishDate"].(time.Time); ok {
			p.Date = t
		} else if t, ok := jekyllDate(path.Base(rel), d.loc); ok {
			p.Date = t
		}
	}
	if p.Title == "" {
		p.Title = plainTitle(p, rel, cfg)
	}
}

// plainPlace sets the URL and slug of a plain page.
func plainPlace(d *decoder, p *site.Page, rel, slug, url string, urlNode *node) {
	if !strings.Contains(rel, "/") && isIndexFile(rel) {
		p.URL = "/"
		return
	}
	p.URL = plainURL(rel, slug)
	if urlNode != nil && url != "" {
		switch {
		case strings.Contains(url, "://") || strings.HasPrefix(url, "//"):
			d.errorf(urlNode, "write the path only, e.g. /team/", "url: %q must be a site-relative URL", url)
		case hasDotDot(url):
			d.errorf(urlNode, "write the path from the site root, e.g. /team/", "url: %q would leave the output folder", url)
		case siteURL(url) == "/":
			d.errorf(urlNode, "write the home page in content/_index.md", "url: only the home page may be /")
		default:
			p.URL = siteURL(url)
		}
	}
	p.Slug = path.Base(strings.TrimSuffix(p.URL, "/"))
}

// flag reads a boolean, also as the words true/false/yes/no.
func (d *decoder) flag(n *node, path string) bool {
	if n.kind == stringNode {
		switch strings.ToLower(strings.TrimSpace(n.text)) {
		case "true", "yes", "on":
			return true
		case "false", "no", "off":
			return false
		}
	}
	return d.boolean(n, path)
}

// words reads a list, or one string of words separated by commas or, when
// there are none, spaces (as Jekyll writes tags).
func (d *decoder) words(n *node, path string) []string {
	if n.kind == listNode {
		return d.strList(n, path)
	}
	s := d.str(n, path)
	if strings.Contains(s, ",") {
		var out []string
		for _, w := range strings.Split(s, ",") {
			if w = strings.TrimSpace(w); w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	return strings.Fields(s)
}

// names reads a list, or one string as a single item.
func (d *decoder) names(n *node, path string) []string {
	if n.kind == listNode {
		return d.strList(n, path)
	}
	if s := d.str(n, path); s != "" {
		return []string{s}
	}
	return nil
}

func stringsParam(v any) []string {
	s, _ := v.([]string)
	return slices.Clone(s)
}

// plainValue turns a node into plain Go values for Params: string, int,
// float64, bool, []any and map[string]any.
func plainValue(n *node) any {
	switch n.kind {
	case stringNode, timeNode:
		return n.text
	case intNode:
		return int(n.inum)
	case floatNode:
		return n.num
	case boolNode:
		return n.truth
	case listNode:
		out := make([]any, len(n.items))
		for i, it := range n.items {
			out[i] = plainValue(it)
		}
		return out
	case mapNode:
		out := make(map[string]any, len(n.entries))
		for _, e := range n.entries {
			out[e.key] = plainValue(e.val)
		}
		return out
	}
	return nil
}

var jekyllName = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-`)

// jekyllDate reads the date at the start of a Jekyll post's file name.
func jekyllDate(base string, loc *time.Location) (time.Time, bool) {
	m := jekyllName.FindStringSubmatch(base)
	if m == nil {
		return time.Time{}, false
	}
	t, err := parseDate(m[1], loc)
	return t, err == nil
}

var atxH1 = regexp.MustCompile(`^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$`)

// plainTitle gives a page without a title its first "# heading", else a
// name from its file or folder.
func plainTitle(p *site.Page, rel string, cfg site.Config) string {
	fence := ""
	for _, line := range strings.Split(string(p.Body), "\n") {
		t := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		if m := atxH1.FindStringSubmatch(line); m != nil {
			return m[1]
		}
	}
	switch {
	case p.URL == "/":
		if cfg.Title != "" {
			return cfg.Title
		}
		return "Home"
	case isIndexFile(rel):
		return path.Base(path.Dir(rel))
	}
	return stripExt(path.Base(rel))
}
