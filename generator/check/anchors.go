// Package check holds the checks that need the whole site or its rendered
// Markdown: links between pages and their #anchors, and images. The checks
// that one file's front matter allows are the loader's (package content).
// It also prints diagnostics as text, JSON or GitHub Actions annotations.
package check

import (
	"html"
	"strings"

	"almanac/generator/internal/slab"
	"almanac/generator/site"
)

// Anchors returns the anchors an HTML fragment defines, in order, each
// once: the id of every element and the name of every <a> (which raw HTML
// brings, where [markdown] unsafe lets it through). Only tags are read:
// text in the HTML is escaped, so "id=" in it is no attribute, and
// comments and the contents of <script> and <style> are skipped.
func Anchors(htmlText string) []string {
	return AnchorsKept(htmlText, nil, nil)
}

// AnchorsKept is Anchors, with the anchors' text and their list in blocks
// of text and lists (see package slab) when those are not nil: a build
// keeps every page's anchors until its checks have run.
func AnchorsKept(htmlText string, text *slab.Text, lists *slab.Of[string]) []string {
	return pack(anchorsIn(htmlText), text, lists)
}

// pack copies strings into one room of text and their list into one of
// lists: a substring of the HTML would keep the whole page alive for as
// long as the anchors are kept (the whole build), and a copy each costs a
// page's anchors a block each.
func pack(list []string, text *slab.Text, lists *slab.Of[string]) []string {
	if len(list) == 0 {
		return list
	}
	n := 0
	for _, s := range list {
		n += len(s)
	}
	b := text.Take(n)
	for _, s := range list {
		b = append(b, s...)
	}
	all := slab.String(b)
	out := lists.Take(len(list))[:len(list)] // no room to grow kept either
	for i, s := range list {
		out[i], all = all[:len(s)], all[len(s):]
	}
	return out
}

// anchorsIn is Anchors, the ids substrings of htmlText where no escape
// had to be undone.
func anchorsIn(htmlText string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(v string) {
		id := html.UnescapeString(v)
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	rest := htmlText
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			return out
		}
		rest = rest[i+1:]
		if strings.HasPrefix(rest, "!--") {
			end := strings.Index(rest[3:], "-->")
			if end < 0 {
				return out
			}
			rest = rest[3+end+3:]
			continue
		}
		n := 0
		for n < len(rest) && isNameByte(rest[n]) {
			n++
		}
		if n == 0 || !isLetter(rest[0]) {
			continue // a closing tag, a declaration, or a lone "<"
		}
		name := strings.ToLower(rest[:n])
		var found []string
		var closed bool
		rest, closed = attributes(rest[n:], func(attr, value string) {
			if strings.EqualFold(attr, "id") || (name == "a" && strings.EqualFold(attr, "name")) {
				found = append(found, value)
			}
		})
		if !closed {
			return out // a browser drops a tag the page ends in
		}
		for _, v := range found {
			add(v)
		}
		if name == "script" || name == "style" {
			end := indexFold(rest, "</"+name)
			if end < 0 {
				return out
			}
			rest = rest[end:]
		}
	}
}

// attributes reads the attributes of a tag, from after its name up to and
// including its ">", calls f with each that has a value, and returns what
// follows the tag; closed is false when the tag never ends.
func attributes(s string, f func(attr, value string)) (rest string, closed bool) {
	for {
		s = strings.TrimLeft(s, " \t\n\r\f/")
		if s == "" {
			return "", false
		}
		if s[0] == '>' {
			return s[1:], true
		}
		n := 0
		for n < len(s) && !strings.ContainsRune(" \t\n\r\f/>=", rune(s[n])) {
			n++
		}
		if n == 0 { // a stray "=": skip it
			n = 1
		}
		attr := s[:n]
		s = strings.TrimLeft(s[n:], " \t\n\r\f")
		if s == "" || s[0] != '=' {
			continue
		}
		s = strings.TrimLeft(s[1:], " \t\n\r\f")
		var value string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return "", false
			}
			value, s = s[1:1+end], s[2+end:]
		} else {
			end := strings.IndexAny(s, " \t\n\r\f>")
			if end < 0 {
				end = len(s)
			}
			value, s = s[:end], s[end:]
		}
		f(attr, value)
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isNameByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' || c == '-' || c == ':' }

// indexFold is strings.Index without regard to ASCII case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// MatchAnchor looks a link's #fragment up among the anchors of its target
// page. exact reports an anchor of that very spelling. Otherwise fold is
// the anchor that differs from frag only in letter case ("" when none
// does): GitHub's preview follows such a link, a browser does not, so it
// is worth a warning that names the right spelling rather than an error.
// When several anchors differ from frag only in case, fold is the first in
// sort order.
func MatchAnchor(ids map[string]bool, frag string) (exact bool, fold string) {
	if ids[frag] {
		return true, ""
	}
	for id := range ids {
		if strings.EqualFold(id, frag) && (fold == "" || id < fold) {
			fold = id
		}
	}
	return false, fold
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
