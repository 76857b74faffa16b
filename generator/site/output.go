package site

import (
	"path"
	"strings"
)

// OutputFile is the output file a site-relative URL is served from: a
// pretty URL (ending in a slash, or naming no file) is its folder's
// index.html; a URL naming a file keeps that name. A query or fragment is
// left out. This and URLOf are the one mapping between URLs and files.
func OutputFile(u string) string {
	u = strings.TrimPrefix(u, "/")
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if u == "" || strings.HasSuffix(u, "/") {
		return u + "index.html"
	}
	if path.Ext(u) == "" {
		return u + "/index.html"
	}
	return u
}

// URLOf is the URL path that serves an output file: the folder of an
// index.html, with a trailing slash; any other file by its name.
func URLOf(name string) string {
	switch {
	case name == "index.html":
		return "/"
	case path.Base(name) == "index.html":
		return "/" + path.Dir(name) + "/"
	}
	return "/" + name
}
