package render

import (
	"net/url"
	"regexp"
	"strings"
)

// urls turns site-relative URLs ("/stories/x/") into links that work under
// the site's base URL, which may carry a sub-path ("https://x.org/team/").
type urls struct {
	root string // scheme and host, "" when the base URL has none
	path string // the base path with leading and trailing slash, "/" at least
}

func newURLs(baseURL string) urls {
	u := urls{path: "/"}
	if baseURL == "" {
		return u
	}
	p, err := url.Parse(baseURL)
	if err != nil {
		return u
	}
	if p.Scheme != "" && p.Host != "" {
		u.root = p.Scheme + "://" + p.Host
	}
	bp := p.EscapedPath()
	if !strings.HasPrefix(bp, "/") {
		bp = "/" + bp
	}
	if !strings.HasSuffix(bp, "/") {
		bp += "/"
	}
	u.path = bp
	return u
}

// external reports whether s needs no base path: a full URL, a
// protocol-relative one, a fragment, a query, or a mailto/tel link.
func external(s string) bool {
	if s == "" || strings.HasPrefix(s, "#") || strings.HasPrefix(s, "?") || strings.HasPrefix(s, "//") {
		return true
	}
	if i := strings.IndexAny(s, ":/?#"); i > 0 && s[i] == ':' {
		return true // has a scheme
	}
	return false
}

// rel returns s as a root-relative link under the base path:
// rel("/stories/") is "/team/stories/" when the base path is "/team/".
// Links that are already external or relative to the current page
// ("../x/") are returned unchanged.
func (u urls) rel(s string) string {
	if external(s) {
		return s
	}
	if !strings.HasPrefix(s, "/") {
		return s
	}
	if u.path != "/" && strings.HasPrefix(s, u.path) {
		return s
	}
	return u.path + strings.TrimPrefix(s, "/")
}

// abs returns s as an absolute URL under the base URL. Without a host in
// the base URL it falls back to rel.
func (u urls) abs(s string) string {
	if external(s) {
		return s
	}
	r := u.rel(s)
	if !strings.HasPrefix(r, "/") {
		r = u.path + r
	}
	return u.root + r
}

// bodyLinkRE finds root-relative href and src attributes in rendered
// Markdown, the ones that must gain the base path.
var bodyLinkRE = regexp.MustCompile(`(\s(?:href|src)=")(/[^/"][^"]*|/)"`)

// body rewrites root-relative links in rendered Markdown so that they work
// under a sub-path. Other links are left as written.
func (u urls) body(html string) string {
	if u.path == "/" || !strings.Contains(html, `="/`) {
		return html
	}
	return bodyLinkRE.ReplaceAllStringFunc(html, func(m string) string {
		sub := bodyLinkRE.FindStringSubmatch(m)
		return sub[1] + u.rel(sub[2]) + `"`
	})
}
