package markdown

import (
	"html"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// omitted is what goldmark writes in place of raw HTML it leaves out.
const omitted = "<!-- raw HTML omitted -->"

// safeAnchors keeps, where raw HTML is left out, the anchors raw HTML
// makes, as GitHub does: <a name="x">, and id="x" on any element (<a>,
// <span>, <b>, <div> …). Links to #x work there, so they must here. Each
// opening tag with a usable id (or, on <a>, name) becomes <a id="x"></a>
// and nothing more; every other attribute, the closing tags and all other
// raw HTML are still left out. An HTML block that holds more than tags is
// left out as before, after the anchors of the tags in it.
type safeAnchors struct{}

func (e safeAnchors) Extend(m goldmark.Markdown) {
	// Before goldmark's own renderers (priority 1000).
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

func (safeAnchors) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawAnchor)
	reg.Register(ast.KindHTMLBlock, renderBlockAnchors)
}

func renderRawAnchor(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var tag strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		tag.Write(seg.Value(src))
	}
	if l, v := openAnchor(tag.String()); l == tag.Len() {
		if id, ok := anchorID(v); ok {
			writeAnchor(w, id)
			return ast.WalkSkipChildren, nil
		}
	}
	_, _ = w.WriteString(omitted)
	return ast.WalkSkipChildren, nil
}

// renderBlockAnchors writes the anchors of an HTML block made of nothing
// but <a> tags, and leaves out any other block.
func renderBlockAnchors(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if !entering {
		if n.HasClosure() {
			_, _ = w.WriteString(omitted + "\n")
		}
		return ast.WalkContinue, nil
	}
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		b.Write(line.Value(src))
	}
	ids, only := blockAnchors(b.String())
	for _, id := range ids {
		writeAnchor(w, id)
	}
	if !only || len(ids) == 0 || n.HasClosure() {
		_, _ = w.WriteString(omitted + "\n")
		return ast.WalkContinue, nil
	}
	_ = w.WriteByte('\n')
	return ast.WalkContinue, nil
}

func writeAnchor(w util.BufWriter, id string) {
	_, _ = w.WriteString(`<a id="`)
	_, _ = w.WriteString(html.EscapeString(id))
	_, _ = w.WriteString(`"></a>`)
}

// blockAnchors returns the usable ids of the opening tags in s, in order;
// only is true when s holds nothing but tags and white space.
func blockAnchors(s string) (ids []string, only bool) {
	only = true
	for s != "" {
		t := strings.TrimLeft(s, " \t\r\n\f")
		if t == "" {
			break
		}
		if skip := skipRaw(t); skip > 0 {
			only = false
			s = t[skip:]
			continue
		}
		if n, v := openAnchor(t); n > 0 {
			if id, ok := anchorID(v); ok {
				ids = append(ids, id)
			}
			s = t[n:]
			continue
		}
		if n := closeTag(t); n > 0 {
			s = t[n:]
			continue
		}
		only = false
		i := strings.IndexByte(t[1:], '<')
		if i < 0 {
			break
		}
		s = t[1+i:]
	}
	return ids, only
}

// anchorID turns an attribute value as written into the id it gives,
// entity references resolved. ok is false for a value no link can reach:
// empty, or with white space or control characters in it.
func anchorID(v string) (id string, ok bool) {
	id = html.UnescapeString(v)
	if id == "" || strings.ContainsFunc(id, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return "", false
	}
	return id, true
}

// openAnchor reads the opening tag at the start of s, as CommonMark
// defines an open tag, and returns its length (0 when s starts with
// anything else) and the value, as written, of its id attribute, or, on
// <a>, of its name attribute when it has no id ("" when it has neither).
func openAnchor(s string) (n int, value string) {
	i := tagName(s, 1)
	if len(s) < 2 || s[0] != '<' || i == 1 {
		return 0, ""
	}
	isA := i == 2 && (s[1] == 'a' || s[1] == 'A')
	var id, name *string
	for {
		j := skipSpace(s, i)
		if j == len(s) {
			return 0, ""
		}
		if s[j] == '>' || s[j] == '/' && j+1 < len(s) && s[j+1] == '>' {
			if s[j] == '/' {
				j++
			}
			switch {
			case id != nil:
				return j + 1, *id
			case name != nil:
				return j + 1, *name
			}
			return j + 1, ""
		}
		if j == i {
			return 0, "" // attributes are set apart by white space
		}
		k := j
		for k < len(s) && isAttrNameByte(s[k], k == j) {
			k++
		}
		if k == j {
			return 0, ""
		}
		attr := s[j:k]
		i = k
		if e := skipSpace(s, k); e < len(s) && s[e] == '=' {
			v, end := attrValue(s, skipSpace(s, e+1))
			if end < 0 {
				return 0, ""
			}
			i = end
			switch {
			case id == nil && strings.EqualFold(attr, "id"):
				id = &v
			case isA && name == nil && strings.EqualFold(attr, "name"):
				name = &v
			}
		}
	}
}

// attrValue reads an attribute value starting at s[i]: quoted with " or
// ', or unquoted. end is where it stops, -1 when there is no valid value.
func attrValue(s string, i int) (v string, end int) {
	if i >= len(s) {
		return "", -1
	}
	if q := s[i]; q == '"' || q == '\'' {
		e := strings.IndexByte(s[i+1:], q)
		if e < 0 {
			return "", -1
		}
		return s[i+1 : i+1+e], i + 2 + e
	}
	e := i
	for e < len(s) && !strings.ContainsRune(" \t\r\n\f\"'=<>`", rune(s[e])) {
		e++
	}
	if e == i {
		return "", -1
	}
	return s[i:e], e
}

// skipRaw returns how much of s to pass over unread when it starts with a
// comment, or a script or style element (whose text is not HTML): up to
// its end, or all of s. 0 for anything else.
func skipRaw(s string) int {
	end := ""
	switch {
	case strings.HasPrefix(s, "<!--"):
		end = "-->"
	case len(s) > 7 && strings.EqualFold(s[:7], "<script"):
		end = "</script"
	case len(s) > 6 && strings.EqualFold(s[:6], "<style"):
		end = "</style"
	default:
		return 0
	}
	if i := strings.Index(strings.ToLower(s[1:]), end); i >= 0 {
		return 1 + i + len(end)
	}
	return len(s)
}

// closeTag returns the length of the closing tag (</a>, </span> …) at
// the start of s, 0 if there is none.
func closeTag(s string) int {
	if len(s) < 3 || s[:2] != "</" {
		return 0
	}
	i := tagName(s, 2)
	if i == 2 {
		return 0
	}
	if i = skipSpace(s, i); i < len(s) && s[i] == '>' {
		return i + 1
	}
	return 0
}

// tagName returns where the tag name that starts at s[i] ends: a name is
// [A-Za-z][A-Za-z0-9-]*; i itself when there is none.
func tagName(s string, i int) int {
	if i >= len(s) || !('a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z') {
		return i
	}
	for i++; i < len(s) && ('a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z' || '0' <= s[i] && s[i] <= '9' || s[i] == '-'); i++ {
	}
	return i
}

func skipSpace(s string, i int) int {
	for i < len(s) && strings.IndexByte(" \t\r\n\f", s[i]) >= 0 {
		i++
	}
	return i
}

// isAttrNameByte: an attribute name is [A-Za-z_:][A-Za-z0-9_.:-]*.
func isAttrNameByte(c byte, first bool) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':' ||
		!first && ('0' <= c && c <= '9' || c == '.' || c == '-')
}
