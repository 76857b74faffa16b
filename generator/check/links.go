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
// Pages without Rendered are skipped. The site's link policy ([check]
// links and anchors) decides whether a broken link is an error, a warning
// or left out; a link that would leave the site is an error whatever it
// says.
func Links(s *site.Site, opts Options) site.Diagnostics {
	diags, _ := LinkReport(s, opts)
	return diags
}

// LinkReport is Links that also counts the broken links, those the policy
// left out included.
func LinkReport(s *site.Site, opts Options) (site.Diagnostics, Broken) {
	c := newChecker(s, opts)
	t := newTally(s)
	for _, p := range s.Pages {
		if p.Rendered == nil {
			continue
		}
		for _, l := range p.Rendered.Links {
			t.add(p, c.link(p, l))
		}
	}
	return t.report()
}

// tally applies the link policy to findings and counts them.
type tally struct {
	b     Broken
	files map[string]bool // pages with a broken link
	diags site.Diagnostics
}

func newTally(s *site.Site) *tally {
	return &tally{files: map[string]bool{},
		b: Broken{LinkPolicy: policy(s.Config.LinkPolicy), AnchorPolicy: policy(s.Config.AnchorPolicy)}}
}

// add counts one finding of a link in page p; nil is a link found.
func (t *tally) add(p *site.Page, pr *finding) {
	if pr == nil {
		return
	}
	rule := ""
	switch pr.kind {
	case missingTarget:
		t.b.Links++
		rule = t.b.LinkPolicy
	case missingAnchor:
		t.b.Anchors++
		rule = t.b.AnchorPolicy
	case anchorCase:
		// Followed on GitHub, not by a browser: a warning at most, not
		// counted as broken, silent under "ignore".
		if t.b.AnchorPolicy != PolicyIgnore {
			t.diags.Add(pr.Diagnostic)
		}
		return
	}
	if pr.kind != unruled {
		t.files[p.Source] = true
	}
	switch rule {
	case PolicyIgnore:
		return
	case PolicyWarning:
		pr.Severity = site.Warning
	}
	t.diags.Add(pr.Diagnostic)
}

func (t *tally) report() (site.Diagnostics, Broken) {
	t.b.Files = len(t.files)
	t.diags.Sort()
	return t.diags, t.b
}

// The values of [check] links and anchors.
const (
	PolicyError   = "error"
	PolicyWarning = "warning"
	PolicyIgnore  = "ignore"
)

// policy reads a configured policy; empty is the default, PolicyError.
func policy(s string) string {
	if s == PolicyWarning || s == PolicyIgnore {
		return s
	}
	return PolicyError
}

// Broken counts the broken links of one check, whatever the policy made
// of them.
type Broken struct {
	Links   int // to pages, files and images that do not exist
	Anchors int // to #fragments that nothing on the target page defines
	Files   int // pages with at least one of them
	// LinkPolicy and AnchorPolicy are the policies the check applied.
	LinkPolicy, AnchorPolicy string
}

// Summary is the line that closes a check or a build with broken links,
// e.g. `412 broken links in 96 files (links = "warning")`, and "" when
// there are none. Links the policy left out are counted, and said to be
// ignored.
func (b Broken) Summary() string {
	total := b.Links + b.Anchors
	if total == 0 {
		return ""
	}
	head := plural(total, "broken link", "broken links") + " in " + plural(b.Files, "file", "files")
	rule := func(key, value string) string {
		s := fmt.Sprintf("(%s = %q)", key, value)
		if value == PolicyIgnore {
			s = "ignored " + s
		}
		return s
	}
	switch {
	case b.Anchors == 0:
		return head + " " + rule("links", b.LinkPolicy)
	case b.Links == 0:
		return head + " " + rule("anchors", b.AnchorPolicy)
	}
	return fmt.Sprintf("%s: %s %s, %s %s", head,
		plural(b.Links, "to a missing page or file", "to missing pages or files"), rule("links", b.LinkPolicy),
		plural(b.Anchors, "to a missing anchor", "to missing anchors"), rule("anchors", b.AnchorPolicy))
}

// kind sorts a broken link by the policy that rules it.
type kind int

const (
	unruled       kind = iota // always reported as found: a link that leaves the site, one without a destination
	missingTarget             // a page, file or image that does not exist: [check] links
	missingAnchor             // a #fragment nothing defines: [check] anchors
	anchorCase                // a #fragment that differs from an anchor in letter case only: a warning
)

// finding is a link's diagnostic and the policy's kind of it.
type finding struct {
	site.Diagnostic
	kind kind
}

// failFunc makes the finding of the link being checked.
type failFunc func(k kind, hint, format string, args ...any) *finding

// checker holds the site's lookups for one run.
type checker struct {
	s          *site.Site
	opts       Options
	contentDir string
	bySource   map[string]*site.Page
	aliases    map[string]bool
	assets     map[string]bool // relative to the content folder
	anchors    map[*site.Page]map[string]bool
	// self is the page whose links an Early check takes as it is
	// rendered: its own anchors are known, other pages' are not yet.
	self *site.Page
}

func newChecker(s *site.Site, opts Options) *checker {
	dir := s.Config.Content()
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
func (c *checker) link(p *site.Page, l site.Link) *finding {
	what := "link"
	if l.Image {
		what = "image"
	}
	fail := func(k kind, hint, format string, args ...any) *finding {
		return &finding{kind: k, Diagnostic: site.Diagnostic{Pos: l.Pos, Severity: site.Error, Hint: hint,
			Msg: fmt.Sprintf("%s %q: ", what, l.Dest) + fmt.Sprintf(format, args...)}}
	}
	dest := strings.TrimSpace(l.Dest)
	if dest == "" {
		return &finding{Diagnostic: site.Diagnostic{Pos: l.Pos, Severity: site.Warning, Msg: what + " without a destination",
			Hint: "write [text](target.md) or remove the brackets"}}
	}
	u, err := url.Parse(dest)
	if err != nil {
		return fail(missingTarget, "escape spaces as %20 or write <a b.md>", "not a valid URL")
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
		if file == ".." || strings.HasPrefix(file, "../") {
			return fail(unruled, "link to pages and files inside the site", "leaves the site")
		}
		if t, ok := c.bySource[file]; ok {
			return c.anchor(t, u.Fragment, fail)
		}
		if c.assets[c.relContent(file)] {
			return nil
		}
		if dir, ok := c.inContent(file); ok {
			// A folder: its README.md, index.md or _index.md, or its
			// listing.
			if t, ok := c.s.ByURL[content.FolderURL(dir)]; ok {
				return c.anchor(t, u.Fragment, fail)
			}
		}
		if content.IsMarkdown(u.Path) {
			hint := c.suggestSource(file)
			if hint == "" {
				hint = "a missing file, or a draft left out of this build"
			}
			d := fail(missingTarget, hint, "no page at %s", file)
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
	if d != nil && d != waits && path.Ext(u.Path) != "" {
		// A file name: the writer meant a file beside the page.
		return fail(missingTarget, "put it beside the page, or write its path from there", "no file at %s", path.Join(path.Dir(p.Source), u.Path))
	}
	return d
}

// url checks a site-relative URL.
func (c *checker) url(u, frag string, image bool, fail failFunc) *finding {
	if strings.Contains(u, "/../") || strings.HasSuffix(u, "/..") {
		return fail(unruled, "", "leaves the site")
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
	if c.self != nil {
		return waits // the files the build makes are known once every page is rendered
	}
	if c.opts.Outputs != nil && (c.opts.Outputs(site.OutputFile(u)) || c.opts.Outputs(site.OutputFile(clean))) {
		return nil
	}
	if image {
		return fail(missingTarget, "put the file under content/ or static/", "no file at %s", u)
	}
	d := fail(missingTarget, c.suggestURL(clean), "no page or file at %s", clean)
	d.Wants = "url " + clean
	return d
}

// anchor checks that frag names an id on page t.
func (c *checker) anchor(t *site.Page, frag string, fail failFunc) *finding {
	if frag == "" || strings.HasPrefix(frag, ":~:") {
		return nil // no fragment, or a text fragment (#:~:text=…), which browsers search for
	}
	if c.self != nil && t != c.self {
		return waits // another page's anchors: checked once every page is rendered
	}
	if t.Rendered == nil {
		return nil // nothing rendered
	}
	var ids map[string]bool
	if c.self != nil {
		ids = anchorsOf(t.Rendered) // the page itself, checked once
	} else if ids = c.anchors[t]; ids == nil {
		ids = anchorsOf(t.Rendered)
		c.anchors[t] = ids
	}
	exact, fold := MatchAnchor(ids, frag)
	if exact {
		return nil
	}
	if fold != "" {
		f := fail(anchorCase, "write #"+fold+": GitHub's preview ignores letter case, browsers do not",
			"%s has #%s, not #%s", t.Source, fold, frag)
		f.Severity = site.Warning
		return f
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
	return fail(missingAnchor, hint, "%s has no heading or anchor #%s", t.Source, frag)
}

// inContent returns file relative to the content folder (site.Config's
// Content, never "."), and whether it is inside it.
func (c *checker) inContent(file string) (string, bool) {
	if file == c.contentDir {
		return ".", true
	}
	return strings.CutPrefix(file, c.contentDir+"/")
}

func (c *checker) relContent(file string) string {
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
