package build

import (
	"net/url"
	"path"
	"strings"

	"almanac/generator/content"
	"almanac/generator/site"
)

// linkResolver maps link destinations written in Markdown to the URLs the
// site publishes: a relative link to another source file
// (../releases/1.4.0.md#notes) becomes that page's URL, and root-relative
// links to pages get the base URL's path in front, so a site published
// under a sub-path keeps working links.
type linkResolver struct {
	basePath string           // "/" or "/team/"
	bySource map[string]*Page // content-relative source path → page
	byURL    map[string]*site.Page
	assets   map[string]string // source path → site-relative output path
	content  string            // the content folder, "content" by default
}

// Page is an alias kept short for the resolver's maps.
type Page = site.Page

func newLinkResolver(s *site.Site) *linkResolver {
	base := "/"
	if u, err := url.Parse(s.Config.BaseURL); err == nil && u.Path != "" {
		base = u.Path
		if !strings.HasSuffix(base, "/") {
			base += "/"
		}
	}
	r := &linkResolver{basePath: base, bySource: make(map[string]*Page, len(s.Pages)), byURL: s.ByURL}
	for _, p := range s.Pages {
		r.bySource[p.Source] = p
	}
	contentDir := s.Config.Content()
	r.content = contentDir
	r.assets = make(map[string]string, len(s.Assets))
	for _, a := range s.Assets {
		r.assets[path.Join(contentDir, a)] = a
	}
	return r
}

// forPage returns the resolve function for links written in page p.
func (r *linkResolver) forPage(p *Page) func(string) (string, bool) {
	dir := path.Dir(p.Source)
	return func(dest string) (string, bool) {
		if dest == "" || strings.HasPrefix(dest, "#") {
			return "", false
		}
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || u.Host != "" {
			return "", false
		}
		frag := ""
		if u.Fragment != "" {
			frag = "#" + u.Fragment
		}
		if strings.HasPrefix(u.Path, "/") {
			if _, ok := r.byURL[u.Path]; ok || r.basePath != "/" {
				return r.basePath + strings.TrimPrefix(u.Path, "/") + querySuffix(u) + frag, true
			}
			return "", false
		}
		target := path.Join(dir, u.Path)
		if t, ok := r.bySource[target]; ok {
			return r.basePath + strings.TrimPrefix(t.URL, "/") + frag, true
		}
		if a, ok := r.assets[target]; ok {
			return r.basePath + a + frag, true
		}
		// A folder: its README.md, index.md or _index.md, or its listing.
		if rel, ok := strings.CutPrefix(target, r.content+"/"); ok || target == r.content {
			if !ok {
				rel = "."
			}
			if t, ok := r.byURL[content.FolderURL(rel)]; ok {
				return r.basePath + strings.TrimPrefix(t.URL, "/") + frag, true
			}
		}
		return "", false
	}
}

func querySuffix(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}
