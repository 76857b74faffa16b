package content

import (
	"path"
	"strings"
	"unicode"
)

// Slugify lowercases s, keeps letters of every script and digits, and turns
// each run of anything else (spaces, punctuation) into one hyphen:
// "On-call Handbook!" → "on-call-handbook", "배포 로그" → "배포-로그".
func Slugify(s string) string {
	var b strings.Builder
	pending := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if pending && b.Len() > 0 {
				b.WriteByte('-')
			}
			pending = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		pending = true
	}
	return b.String()
}

// sections maps typed kinds to the URL folder of their pages.
var sections = map[string]string{
	"story":      "stories",
	"release":    "releases",
	"postmortem": "postmortems",
	"metric":     "metrics",
}

// kindOfFolder returns the kind given by the first folder of a path
// relative to the content folder, or "page".
func kindOfFolder(rel string) string {
	first, rest, ok := strings.Cut(rel, "/")
	if !ok || rest == "" {
		return "page"
	}
	for kind, folder := range sections {
		if folder == first {
			return kind
		}
	}
	return "page"
}

// isIndexFile reports whether the base name makes a folder's own page.
func isIndexFile(rel string) bool {
	base := strings.ToLower(stripExt(path.Base(rel)))
	return base == "_index" || base == "index"
}

// stripExt removes the last extension of a file name.
func stripExt(name string) string {
	if ext := path.Ext(name); ext != "" && ext != name {
		return name[:len(name)-len(ext)]
	}
	return name
}

// plainURL returns the URL of a plain page from its path under the content
// folder: team.md → /team/, handbook/on-call.md → /handbook/on-call/,
// handbook/_index.md → /handbook/, _index.md → /. A non-empty slug
// replaces the last segment.
func plainURL(rel, slug string) string {
	dir, base := path.Split(rel)
	var segs []string
	for _, s := range strings.Split(strings.Trim(dir, "/"), "/") {
		if s = Slugify(s); s != "" {
			segs = append(segs, s)
		}
	}
	switch {
	case slug != "" && isIndexFile(rel) && len(segs) > 0:
		segs[len(segs)-1] = slug
	case slug != "" && !isIndexFile(rel):
		segs = append(segs, slug)
	case !isIndexFile(rel):
		if s := Slugify(stripExt(base)); s != "" {
			segs = append(segs, s)
		}
	}
	if len(segs) == 0 {
		return "/"
	}
	return "/" + strings.Join(segs, "/") + "/"
}

// hasDotDot reports whether a slash or backslash path has a ".." segment.
func hasDotDot(p string) bool {
	for _, seg := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
		if seg == ".." {
			return true
		}
	}
	return false
}

// siteURL normalises a site-relative URL: a leading slash, no "." segments,
// and a trailing slash unless the last segment names a file (old.html).
func siteURL(u string) string {
	u = path.Clean("/" + strings.TrimSpace(u))
	if u == "/" {
		return u
	}
	if path.Ext(path.Base(u)) == "" {
		u += "/"
	}
	return u
}
