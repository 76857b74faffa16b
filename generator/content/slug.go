package content

import (
	"path"
	"strings"
	"unicode"

	"almanac/generator/site"
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

// sectionOf returns the URL folder of a typed kind's pages ("stories").
func sectionOf(kind string) string {
	k, _ := site.KindByName(kind)
	return k.Folder
}

// kindOfFolder returns the kind given by the first folder of a path
// relative to the content folder, or "page".
func kindOfFolder(rel string) string {
	first, rest, ok := strings.Cut(rel, "/")
	if !ok || rest == "" {
		return "page"
	}
	if k, ok := site.KindOfFolder(first); ok {
		return string(k.Name)
	}
	return "page"
}

// Folder pages. A folder's own page is its README.md, index.md or
// _index.md (any case, .md or .markdown): README.md because that is the
// page GitHub and GitLab show for a folder, index.md and _index.md because
// Hugo, Jekyll, MkDocs and Docusaurus sites name it so. When a folder has
// more than one, the first of README, index, _index wins and the others are
// left out with a warning (see linker.folderPages): the README is the one
// a team keeps current, since it is what the repository shows.

// indexRank is the preference of a folder page's base name, lower first,
// or -1 when the file is not a folder page.
func indexRank(rel string) int {
	switch strings.ToLower(stripExt(path.Base(rel))) {
	case "readme":
		return 0
	case "index":
		return 1
	case "_index":
		return 2
	}
	return -1
}

// isIndexFile reports whether the base name makes a folder's own page.
func isIndexFile(rel string) bool { return indexRank(rel) >= 0 }

// stripExt removes the last extension of a file name.
func stripExt(name string) string {
	if ext := path.Ext(name); ext != "" && ext != name {
		return name[:len(name)-len(ext)]
	}
	return name
}

// pathSegment makes one URL segment of a plain page from a folder or file
// name (its extension removed) as Hugo does with its default settings
// (disablePathToLower and removePathAccents off), so links written for a
// Hugo site, or guessed from the file's name, find the page:
//
//   - letters of every script, digits and combining marks are kept, upper
//     case letters lowered ("Runbooks" → "runbooks", "배포 로그" stays
//     Korean, accents stay);
//   - '.', '_', '-', '~' and '+' are kept, so versions and dates keep their
//     dots ("v4.2.0" → "v4.2.0", "2026.07.14-notes");
//   - each space, tab or other white space becomes one hyphen, not
//     collapsed ("on call" → "on-call", "a - b" → "a---b"), as in Hugo;
//   - anything else ('!', '?', '#', '%', '&', quotes, brackets, '@', …)
//     is dropped: they would need escaping in a URL or mean something in
//     it ('#', '?', '%');
//   - a segment left with nothing but dots would climb or stay put, so it
//     counts as empty and adds no segment.
//
// Typed pages (stories, releases, post-mortems, metrics) do not come here:
// their URLs are their slug or version. A slug in front matter replaces
// the last segment as it is given (see plainURL).
func pathSegment(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '_' || r == '-' || r == '~' || r == '+':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	s := b.String()
	if strings.Trim(s, ".") == "" {
		return ""
	}
	return s
}

// plainURL returns the URL of a plain page from its path under the content
// folder, each segment made by pathSegment: team.md → /team/,
// handbook/On-call.md → /handbook/on-call/, blog/release/v4.2.0.md →
// /blog/release/v4.2.0/, handbook/README.md, handbook/index.md and
// handbook/_index.md → /handbook/, _index.md → /. A non-empty slug
// replaces the last segment.
func plainURL(rel, slug string) string {
	dir, base := path.Split(rel)
	var segs []string
	for _, s := range strings.Split(strings.Trim(dir, "/"), "/") {
		if s = pathSegment(s); s != "" {
			segs = append(segs, s)
		}
	}
	switch {
	case slug != "" && isIndexFile(rel) && len(segs) > 0:
		segs[len(segs)-1] = slug
	case slug != "" && !isIndexFile(rel):
		segs = append(segs, slug)
	case !isIndexFile(rel):
		if s := pathSegment(stripExt(base)); s != "" {
			segs = append(segs, s)
		}
	}
	if len(segs) == 0 {
		return "/"
	}
	return "/" + strings.Join(segs, "/") + "/"
}

// folderURL is the URL of the page of a folder given by its slash path
// under the content folder ("handbook/runbooks"), when its page comes from
// the folder's path: /handbook/runbooks/.
func folderURL(dir string) string { return plainURL(path.Join(dir, "_index.md"), "") }

// FolderURL is the URL of the content folder dir (a slash path from the
// content folder, "." for the top): where its README.md, index.md or
// _index.md, or the listing made for it, is published. Links to a folder
// are resolved through it.
func FolderURL(dir string) string { return folderURL(dir) }

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
