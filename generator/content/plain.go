package content

import (
	"fmt"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"almanac/generator/site"
)

// decodePlain decodes a plain page. Keys are matched regardless of case.
// Markdown brought over from Hugo (H), Jekyll (J), Just the Docs (JtD),
// MkDocs Material (M), Docusaurus (D) or Astro (A) builds as it is: what
// maps onto almanac is honoured, everything else is kept in Params as
// written, without complaint.
//
//	key (generators)                                 almanac
//	title                                            Title
//	description                                      Description
//	date (H J M D A)                                 Date; M's {created, updated} too
//	publishDate (H), pubDate (A)                     Params publishDate; the Date when there is no date;
//	                                                 a future one hides the page
//	lastmod (H), last_modified_at (J),               Lastmod
//	  last_modified_date (JtD), modified_date,
//	  modified, updated, updatedDate (A),
//	  last_update.date (D)
//	expiryDate (H), unpublishdate                    Params expiryDate; hides the page once passed
//	draft, published: false (J)                      Draft
//	tags                                             Tags; D's {label: …} items by their label
//	categories, category (H J M)                     Tags too (but "uncategorized"), and Params categories
//	aliases (H), redirect_from (J)                   Aliases
//	weight (H), sidebar_position (D), nav_order (JtD) Weight; weight wins, a fraction is rounded down
//	linkTitle (H), sidebar_label (D)                 Params linkTitle (almanac has no short title)
//	slug                                             the last URL segment; D's slug: /a/b is kept as a
//	                                                 parameter with a warning
//	url (H)                                          the URL when it is a site path; an address such as
//	                                                 https://… is Params url, with a warning
//	permalink (J)                                    the URL when it is a path without :placeholders, an
//	                                                 old /x.html also an alias; else Params permalink
//	summary (H), excerpt (J)                         Params summary
//	keywords (H D)                                   Params keywords
//	author, authors (H J M D)                        Params authors: names ({name: …} by its name)
//	image, images (H J D)                            Params images ({path: …} by its path)
//	layout (H J), toc, type (when not a kind)        Params layout, toc, type
//	anything else: hide (M), menu (H), parent,       Params, as written
//	  has_children (JtD), redirect_to (J),
//	  comments, sidebar_class_name (D), …
//
// The keys almanac documents itself (title, description, date, draft,
// tags, weight, slug, aliases, url) are checked as on any page. A value of
// an unexpected type on any other key never fails the page: it is kept in
// Params as written, with a warning.
func decodePlain(d *decoder, root *node, p *site.Page, rel string, cfg site.Config) {
	params := map[string]any{}
	var slug string
	var url, permalink *node
	var categories []string
	weightFrom := ""
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
		// foreign decodes the value of a key from another generator;
		// when it does not fit, the value is kept as written.
		foreign := func(decode func(d *decoder)) bool { return d.foreign(n, kp, params, decode) }
		switch strings.ToLower(e.key) {
		case "title":
			p.Title = d.str(n, kp)
		case "description":
			p.Description = d.str(n, kp)
		case "summary", "excerpt":
			low := strings.ToLower(e.key)
			var v string
			if foreign(func(d *decoder) { v = d.str(n, kp) }) && (params["summary"] == nil || low != "excerpt") {
				params["summary"] = v
			}
		case "date":
			if n.kind == mapNode {
				d.datePair(n, kp, p)
			} else {
				p.Date = d.looseDate(n, kp)
			}
		case "lastmod", "modified", "updated", "last_modified_at", "last_modified_date", "modified_date", "updateddate":
			var t time.Time
			if foreign(func(d *decoder) { t = d.looseDate(n, kp) }) {
				p.Lastmod = t
			}
		case "last_update":
			params[e.key] = plainValue(n)
			if at := n.lookup("date"); at != nil && p.Lastmod.IsZero() {
				var t time.Time
				if foreign(func(d *decoder) { t = d.looseDate(at, kp+".date") }) {
					p.Lastmod = t
				}
			}
		case "publishdate", "pubdate":
			var t time.Time
			if foreign(func(d *decoder) { t = d.looseDate(n, kp) }) {
				params["publishDate"] = t
			}
		case "expirydate", "unpublishdate":
			var t time.Time
			if foreign(func(d *decoder) { t = d.looseDate(n, kp) }) {
				params["expiryDate"] = t
			}
		case "draft":
			p.Draft = p.Draft || d.flag(n, kp)
		case "published":
			var v bool
			if foreign(func(d *decoder) { v = d.flag(n, kp) }) {
				p.Draft = p.Draft || !v
			}
		case "tags":
			p.Tags = dedupe(append(p.Tags, d.labels(n, kp)...))
		case "categories", "category":
			var v []string
			if foreign(func(d *decoder) { v = d.labels(n, kp) }) {
				categories = append(categories, v...)
				params["categories"] = dedupe(append(stringsParam(params["categories"]), v...))
			}
		case "keywords":
			var v []string
			if foreign(func(d *decoder) { v = d.words(n, kp) }) {
				params["keywords"] = v
			}
		case "author", "authors":
			var v []string
			if foreign(func(d *decoder) { v = d.names(n, kp, "name") }) {
				params["authors"] = dedupe(append(stringsParam(params["authors"]), v...))
			}
		case "images", "image":
			var v []string
			if foreign(func(d *decoder) { v = d.names(n, kp, "path", "url", "src") }) {
				params["images"] = dedupe(append(stringsParam(params["images"]), v...))
			}
		case "weight":
			p.Weight, _ = d.position(n, kp)
			weightFrom = "weight"
		case "sidebar_position", "nav_order":
			var v int
			if foreign(func(d *decoder) { v, _ = d.position(n, kp) }) && weightFrom != "weight" {
				p.Weight, weightFrom = v, kp
			}
		case "linktitle", "sidebar_label":
			low := strings.ToLower(e.key)
			var v string
			if foreign(func(d *decoder) { v = d.str(n, kp) }) && (params["linkTitle"] == nil || low != "sidebar_label") {
				params["linkTitle"] = v
			}
		case "slug":
			if n.isScalar() && strings.ContainsAny(n.text, `/\`) && !hasDotDot(n.text) {
				params[e.key] = strings.TrimSpace(n.text)
				d.diags.Add(site.Diagnostic{Pos: d.at(n), Severity: site.Warning,
					Msg:  fmt.Sprintf("slug: %q is a path, and a slug is one URL segment: kept as a parameter", params[e.key]),
					Hint: "write url: " + siteURL(n.text) + " to give the page that URL"})
				continue
			}
			slug = d.slug(n, kp)
		case "url":
			url = n
		case "permalink":
			permalink = n
		case "aliases":
			p.Aliases = dedupe(append(p.Aliases, d.aliases(asList(n), kp)...))
		case "redirect_from":
			var v []string
			if foreign(func(d *decoder) { v = d.aliases(asList(n), kp) }) {
				p.Aliases = dedupe(append(p.Aliases, v...))
			}
		case "layout":
			var v string
			if foreign(func(d *decoder) { v = d.str(n, kp) }) {
				params["layout"] = v
			}
		case "toc":
			params["toc"] = plainValue(n)
		case "type":
			var v string
			if foreign(func(d *decoder) { v = d.str(n, kp) }) && v != "page" {
				params[e.key] = v
			}
		default:
			params[e.key] = plainValue(n)
		}
	}
	for _, c := range categories {
		if !strings.EqualFold(c, "uncategorized") {
			p.Tags = append(p.Tags, c)
		}
	}
	p.Tags = dedupe(p.Tags)
	plainPlace(d, p, rel, slug, url, permalink, params)
	if len(params) > 0 {
		p.Params = params
	}
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

// plainPlace sets the URL and slug of a plain page: from url, else from a
// Jekyll permalink that is a plain path, else from the file and slug.
func plainPlace(d *decoder, p *site.Page, rel, slug string, url, permalink *node, params map[string]any) {
	if !strings.Contains(rel, "/") && isIndexFile(rel) {
		p.URL = "/"
		return
	}
	p.URL = plainURL(rel, slug)
	defer func() { p.Slug = path.Base(strings.TrimSuffix(p.URL, "/")) }()
	if url != nil {
		if u := d.str(url, "url"); u != "" {
			if strings.Contains(u, "://") || strings.HasPrefix(u, "//") {
				params["url"] = u
				d.diags.Add(site.Diagnostic{Pos: d.at(url), Severity: site.Warning,
					Msg: fmt.Sprintf("url: %q is an address, not a path on this site: kept as a parameter", u),
					Hint: fmt.Sprintf("templates can show it as .Params.url; the page stays at %s "+
						"(write a path such as /team/ to move it)", p.URL)})
			} else {
				setURL(d, p, url, "url", u)
				return
			}
		}
	}
	if permalink == nil {
		return
	}
	var u string
	if !d.foreign(permalink, "permalink", params, func(d *decoder) { u = d.str(permalink, "permalink") }) {
		return
	}
	if !strings.HasPrefix(u, "/") || strings.Contains(u, ":") || hasDotDot(u) || siteURL(u) == "/" {
		params["permalink"] = u // a pattern, or nothing almanac can use
		return
	}
	if ext := path.Ext(u); ext == ".html" || ext == ".htm" {
		// The page's old address: the page moves to the folder form and
		// the old one redirects to it.
		if old, ok := d.alias(permalink, "permalink", u); ok {
			p.Aliases = dedupe(append(p.Aliases, old))
		}
		u = strings.TrimSuffix(u, ext) + "/"
	}
	setURL(d, p, permalink, "permalink", u)
}

// setURL gives a plain page the site path u written at key.
func setURL(d *decoder, p *site.Page, n *node, key, u string) {
	switch {
	case hasDotDot(u):
		d.errorf(n, "write the path from the site root, e.g. /team/", "%s: %q would leave the output folder", key, u)
	case siteURL(u) == "/":
		d.errorf(n, "write the home page in content/_index.md", "%s: only the home page may be /", key)
	default:
		p.URL = siteURL(u)
	}
}

// foreign decodes the value n of key, a key that another generator writes,
// with a decoder of its own. When the value does not fit, its problems
// become warnings, the value is kept in params under key as written, and
// foreign reports false.
func (d *decoder) foreign(n *node, key string, params map[string]any, decode func(d *decoder)) bool {
	sub := newDecoder(d.file, d.what, d.loc, d.top)
	sub.fields = d.fields
	decode(sub)
	if !sub.diags.HasErrors() {
		d.diags.Append(sub.diags)
		return true
	}
	for _, x := range sub.diags {
		x.Severity = site.Warning
		x.Hint = strings.TrimPrefix(x.Hint+"; ", "; ") + "kept as the parameter " + key + " as written"
		d.diags.Add(x)
	}
	params[key] = plainValue(n)
	return false
}

// datePair reads MkDocs Material's date: {created: …, updated: …}.
func (d *decoder) datePair(n *node, kp string, p *site.Page) {
	created := n.lookup("created")
	if created == nil {
		d.errorf(n, "write date: 2026-07-14, or date: {created: 2026-07-14}", "%s: want a date, found a mapping of keys", kp)
		return
	}
	d.fields[kp+".created"] = d.at(created)
	p.Date = d.looseDate(created, kp+".created")
	if updated := n.lookup("updated"); updated != nil && updated.kind != nullNode {
		d.fields[kp+".updated"] = d.at(updated)
		if t := d.looseDate(updated, kp+".updated"); p.Lastmod.IsZero() {
			p.Lastmod = t
		}
	}
}

// position reads a weight: a whole number, a fraction (rounded down, as
// Docusaurus' sidebar_position: 2.5 may be) or a number written as text.
func (d *decoder) position(n *node, kp string) (int, bool) {
	if n.kind == stringNode {
		if f, err := strconv.ParseFloat(strings.TrimSpace(n.text), 64); err == nil {
			n = &node{kind: floatNode, num: f, text: n.text, line: n.line, col: n.col}
		}
	}
	if n.kind == floatNode && n.num == n.num && math.Abs(n.num) <= math.MaxInt32 {
		return int(math.Floor(n.num)), true
	}
	return d.integer(n, kp)
}

// asList reads one value as a list of it.
func asList(n *node) *node {
	if n.kind == listNode {
		return n
	}
	return &node{kind: listNode, line: n.line, col: n.col, items: []*node{n}}
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

// names reads a list, or one string as a single item. Mappings, in the
// list or alone, give the value of the first of keys they have ({name:
// Alice, email: …} → Alice).
func (d *decoder) names(n *node, kp string, keys ...string) []string {
	one := func(n *node, kp string) string {
		if n.kind == mapNode {
			for _, k := range keys {
				if v := n.lookup(k); v != nil && v.isScalar() {
					return strings.TrimSpace(v.text)
				}
			}
		}
		return d.str(n, kp)
	}
	if n.kind != listNode {
		if s := one(n, kp); s != "" {
			return []string{s}
		}
		return nil
	}
	var out []string
	d.list(n, kp, func(item *node, ip string) {
		if s := one(item, ip); s != "" {
			out = append(out, s)
		}
	})
	return out
}

// labels reads tags: words as words reads them, or a list whose items may
// be Docusaurus' {label: …, permalink: …}.
func (d *decoder) labels(n *node, kp string) []string {
	if n.kind == listNode {
		return d.names(n, kp, "label")
	}
	return d.words(n, kp)
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
