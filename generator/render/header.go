package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"strings"
	"sync"

	"almanac/generator/site"
)

// The site header (the theme's partials/header.html with nav-links.html
// and search-box.html) reads three things of a page: its section, whether
// its URL is one the navigation links to, and site-wide values. It is
// therefore the same on every page of a section whose URL the navigation
// does not name, and baseof.html takes it from the header function, which
// runs header.html once for each such pair and keeps the result: about a
// third of the template work of a content page, done once. When the site
// replaces any of the three partials with its own, which may read
// anything, header gives "" and baseof.html runs header.html itself, page
// by page.

const headerName = "header.html"

// headerPartials are the partials whose output headers keeps.
var headerPartials = []string{headerName, "nav-links.html", "search-box.html"}

// headers keeps the site header of one Prepared by key (see key).
type headers struct {
	on  bool            // the theme's partials are the ones in use
	nav map[string]bool // the URLs nav-links.html compares a page's with

	mu   sync.Mutex
	made map[string]template.HTML
}

func newHeaders(kept bool) *headers {
	h := &headers{on: kept, made: map[string]template.HTML{}}
	h.nav = map[string]bool{"/calendar/": true, "/actions/": true}
	for _, k := range site.TypedKinds() {
		h.nav[k.ListURL] = true
	}
	return h
}

// themeHeader reports whether the header partials in use are the
// theme's: none of the site's, or the site's the same to the byte (a site
// made from a copy of the default theme).
func themeHeader(t *templates, theme fs.FS) bool {
	for _, name := range headerPartials {
		f, ok := t.files[name]
		if !ok {
			return false
		}
		if f.origin == "theme" {
			continue
		}
		data, err := fs.ReadFile(theme, f.path())
		if err != nil || !bytes.Equal(data, f.data) {
			return false
		}
	}
	return true
}

// key is what the theme's header shows of d.
func (h *headers) key(d *Data) string {
	if h.nav[d.URL] {
		return d.Section + "\x00" + d.URL
	}
	return d.Section
}

// header is the site header of d's page, or "" when the site has header
// partials of its own.
func (p *Prepared) header(d *Data) (template.HTML, error) {
	h := p.head
	if !h.on {
		return "", nil
	}
	key := h.key(d)
	h.mu.Lock()
	out, ok := h.made[key]
	h.mu.Unlock()
	if ok {
		return out, nil
	}
	var b strings.Builder
	if err := p.sets[d.Layout].ExecuteTemplate(&b, headerName, d); err != nil {
		return "", err
	}
	out = template.HTML(b.String())
	h.mu.Lock()
	h.made[key] = out
	h.mu.Unlock()
	return out, nil
}
