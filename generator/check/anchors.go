// Package check holds the checks that need the whole site or its rendered
// Markdown: links between pages and their #anchors, and images. The checks
// that one file's front matter allows are the loader's (package content).
// It also prints diagnostics as text, JSON or GitHub Actions annotations.
package check

import (
	"html"
	"strings"

	"almanac/generator/site"
)

// Anchors returns the ids an HTML fragment defines, in order, each once.
// Text in the HTML is escaped (quotes included), so only attributes match.
func Anchors(htmlText string) []string {
	var out []string
	seen := map[string]bool{}
	rest := htmlText
	for {
		i := strings.Index(rest, "id=")
		if i < 0 {
			return out
		}
		before := byte(' ')
		if i > 0 {
			before = rest[i-1]
		}
		rest = rest[i+3:]
		if before != ' ' && before != '\t' && before != '\n' {
			continue
		}
		if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
			continue
		}
		quote := rest[0]
		end := strings.IndexByte(rest[1:], quote)
		if end < 0 {
			return out
		}
		// A copy: a substring would keep the whole page's HTML alive
		// for as long as the anchors are kept (the whole build).
		id := strings.Clone(html.UnescapeString(rest[1 : 1+end]))
		rest = rest[1+end:]
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
}

// anchorsOf returns the ids a rendered page defines: those collected when
// it was rendered, else those in its HTML, else its table of contents.
func anchorsOf(r *site.Rendered) map[string]bool {
	ids := r.Anchors
	if ids == nil && r.HTML != "" {
		ids = Anchors(r.HTML)
	}
	set := make(map[string]bool, len(ids)+len(r.TOC))
	for _, id := range ids {
		set[id] = true
	}
	for _, h := range r.TOC {
		set[h.ID] = true
	}
	return set
}
