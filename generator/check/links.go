package check

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"almanac/generator/content"
	"almanac/generator/site"
)

// Options steer the link checks.
type Options struct {
	// Outputs reports whether the build writes a file of this name
	// ("index.xml", "calendar/index.html", "css/x.css"), so that links to
	// generated files and static files count as found. Nil accepts pages,
	// aliases, the URLs almanac generates and the content's assets.
	Outputs func(name string) bool
}

// Links checks the Markdown links and images of every rendered page: a
// link to another page (by its source file or its URL) must find it, a
// #fragment must name an id on the target page, an image or attachment
// must exist. Links with a scheme (https:, mailto:) are not followed.
// Pages without Rendered are skipped.
func Links(s *site.Site, opts Options) site.Diagnostics {
	c := newChecker(s, opts)
	var diags site.Diagnostics
	for _, p := range s.Pages {
		if p.Rendered == nil {
			continue
		}
		for _, l := range p.Rendered.Links {
			if d := c.link(p, l); d != nil {
				diags.Add(*d)
			}
		}
	}
	diags.Sort()
	return diags
}

// checker holds the site's lookups for one run.
type checker struct {
	s          *site.Site
	opts       Options
	contentDir string
	bySource   map[string]*site.Page
	aliases    map[string]bool
	assets     map[string]bool // relative to the content folder
	anchors    map[*site.Page]map[string]bool
}

func newChecker(s *site.Site, opts Options) *checker {
	dir := s.Config.ContentDir
	if dir == "" {
		dir = "content"
	}
	c := &checker{s: s, opts: opts, contentDir: dir, bySource: map[string]*site.Page{},
		aliases: map[string]bool{}, assets: map[string]bool{}, anchors: map[*site.Page]map[string]bool{}}
	for _, p := range s.Pages {
		c.bySource[p.Source] = p
		for _, a := range p.Aliases {
			c.aliases[a] = true
		}
	}
	for _, a := range s.Assets {
		c.assets[a] = true
	}
	return c
}

// link checks one link; nil means it is fine.
func (c *checker) link(p *site.Page, l site.Link) *site.Diagnostic {
	what := "link"
	if l.Image {
		what = "image"
	}
	fail := func(hint, format string, args ...any) *site.Diagnostic {
		return &site.Diagnostic{Pos: l.Pos, Severity: site.Error, Hint: hint,
			Msg: fmt.Sprintf("%s %q: ", what, l.Dest) + fmt.Sprintf(format, args...)}
	}
	dest := strings.TrimSpace(l.Dest)
	if dest == "" {
		return &site.Diagnostic{Pos: l.Pos, Severity: site.Warning, Msg: what + " without a destination",
			Hint: "write [text](target.md) or remove the brackets"}
	}
	u, err := url.Parse(dest)
	if err != nil {
		return fail("escape spaces as %20 or write <a b.md>", "not a valid URL")
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return nil // another site, mail, a data: image: not followed
	}
	if u.Path == "" { // #fragment or ?query on this page
		return c.anchor(p, u.Fragment, fail)
	}
	if !strings.HasPrefix(u.Path, "/") {
		// A path to a file beside the page's source comes first, as the
		// build resolves it.
		file := path.Join(path.Dir(p.Source), u.Path)
		if t, ok := c.bySource[file]; ok {
			return c.anchor(t, u.Fragment, fail)
		}
		if c.assets[c.relContent(file)] {
			return nil
		}
		if isMarkdown(u.Path) {
			hint := c.suggestSource(file)
			if hint == "" {
				hint = "a missing file, or a draft left out of this build"
			}
			d := fail(hint, "no page at %s", file)
			d.Wants = "file " + file
			return d
		}
	}
	if strings.HasPrefix(u.Path, "/") {
		return c.url(u.Path, u.Fragment, l.Image, fail)
	}
	// Else a URL relative to the page's own URL, as a browser reads it.
	target := path.Join(p.URL, u.Path)
	if strings.HasSuffix(u.Path, "/") && !strings.HasSuffix(target, "/") {
		target += "/"
	}
	d := c.url(target, u.Fragment, l.Image, fail)
	if d != nil && path.Ext(u.Path) != "" {
		// A file name: the writer meant a file beside the page.
		return fail("put it beside the page, or write its path from there", "no file at %s", path.Join(path.Dir(p.Source), u.Path))
	}
	return d
}

// url checks a site-relative URL.
func (c *checker) url(u, frag string, image bool, fail func(string, string, ...any) *site.Diagnostic) *site.Diagnostic {
	if strings.Contains(u, "/../") || strings.HasSuffix(u, "/..") {
		return fail("", "leaves the site")
	}
	clean := u
	if path.Ext(path.Base(u)) == "" && !strings.HasSuffix(u, "/") {
		clean += "/"
	}
	if t, ok := c.s.ByURL[clean]; ok {
		return c.anchor(t, frag, fail)
	}
	if clean == "/" || c.aliases[clean] || c.aliases[u] || site.GeneratedURL(clean) {
		return nil
	}
	if c.assets[strings.TrimPrefix(u, "/")] {
		return nil
	}
	if c.opts.Outputs != nil && (c.opts.Outputs(outName(u)) || c.opts.Outputs(outName(clean))) {
		return nil
	}
	if image {
		return fail("put the file under content/ or static/", "no file at %s", u)
	}
	d := fail(c.suggestURL(clean), "no page or file at %s", clean)
	d.Wants = "url " + clean
	return d
}

// anchor checks that frag names an id on page t.
func (c *checker) anchor(t *site.Page, frag string, fail func(string, string, ...any) *site.Diagnostic) *site.Diagnostic {
	if frag == "" || t.Rendered == nil {
		return nil
	}
	ids, ok := c.anchors[t]
	if !ok {
		ids = anchorsOf(t.Rendered)
		c.anchors[t] = ids
	}
	if ids[frag] {
		return nil
	}
	names := make([]string, 0, len(ids))
	for id := range ids {
		names = append(names, id)
	}
	slices.Sort(names)
	hint := content.Suggest(frag, names)
	if hint == "" && len(names) > 0 && len(names) <= 8 {
		hint = "it has #" + strings.Join(names, ", #")
	}
	return fail(hint, "%s has no heading or anchor #%s", t.Source, frag)
}

func (c *checker) relContent(file string) string {
	if c.contentDir == "." {
		return file
	}
	return strings.TrimPrefix(file, c.contentDir+"/")
}

func (c *checker) suggestSource(file string) string {
	sources := make([]string, 0, len(c.bySource))
	for src := range c.bySource {
		if path.Dir(src) == path.Dir(file) {
			sources = append(sources, path.Base(src))
		}
	}
	slices.Sort(sources)
	return content.Suggest(path.Base(file), sources)
}

func (c *checker) suggestURL(u string) string {
	urls := make([]string, 0, len(c.s.ByURL))
	for k := range c.s.ByURL {
		urls = append(urls, k)
	}
	slices.Sort(urls)
	return content.Suggest(u, urls)
}

// isMarkdown reports whether a path names a Markdown file.
func isMarkdown(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// outName is the output file a site-relative URL is served from.
func outName(u string) string {
	u = strings.TrimPrefix(u, "/")
	if u == "" || strings.HasSuffix(u, "/") {
		return u + "index.html"
	}
	if path.Ext(u) == "" {
		return u + "/index.html"
	}
	return u
}
