package markdown

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"almanac/generator/site"
)

// walker visits a parsed body once before it is rendered: it collects the
// plain text, headings and links, assigns heading ids, rewrites relative
// destinations through resolve and runs the custom fences. It belongs to
// one Render call.
type walker struct {
	src     []byte
	lines   lineIndex
	resolve func(string) (string, bool)
	fences  map[string]FenceFunc

	plain    plainText
	headings []headingRef
	// heading gathers the rendered text of the heading being walked, for
	// its id; nil outside headings. image counts the images it is in,
	// whose alt text is no part of it.
	heading *strings.Builder
	image   int
	toc     []site.Heading
	links   []site.Link
	diags   site.Diagnostics
}

type headingRef struct {
	node *ast.Heading
	text string // as shown in the table of contents, spaces collapsed
	slug string // the rendered text the id is made from
}

func newWalker(file string, bodyLine int, src []byte, resolve func(string) (string, bool), fences map[string]FenceFunc) *walker {
	return &walker{
		src:     src,
		lines:   newLineIndex(file, bodyLine, src),
		resolve: resolve,
		fences:  fences,
	}
}

// walk visits doc and then assigns the heading ids, which needs every
// explicit id known first.
func (w *walker) walk(doc ast.Node) {
	var headingStart int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			switch n := n.(type) {
			case *ast.Heading:
				text := strings.Clone(strings.Join(strings.Fields(w.plain.from(headingStart)), " "))
				w.headings = append(w.headings, headingRef{node: n, text: text, slug: w.heading.String()})
				w.heading = nil
			case *ast.Image:
				w.image--
			case *east.TableCell:
				w.plain.space()
				return ast.WalkContinue, nil
			}
			if n.Type() == ast.TypeBlock {
				w.plain.endBlock()
			}
			return ast.WalkContinue, nil
		}
		return w.enter(n, &headingStart), nil
	})
	w.assignIDs()
}

func (w *walker) enter(n ast.Node, headingStart *int) ast.WalkStatus {
	switch n := n.(type) {
	case *ast.Heading:
		w.plain.endBlock()
		*headingStart = w.plain.Len()
		w.heading = &strings.Builder{}
	case *ast.Text:
		v := n.Value(w.src)
		if !n.IsRaw() {
			v = unescape(v)
		}
		w.plain.text(v, true)
		w.headingText(v)
		if n.HardLineBreak() {
			w.plain.endBlock()
		} else if n.SoftLineBreak() {
			w.plain.space()
		}
		if n.HardLineBreak() || n.SoftLineBreak() {
			w.headingText([]byte("\n"))
		}
	case *ast.String:
		w.plain.text(n.Value, true)
		w.headingText(n.Value)
	case *ast.Link:
		n.Destination = w.link(n, n.Destination, false)
	case *ast.Image:
		n.Destination = w.link(n, n.Destination, true)
		w.image++
	case *ast.AutoLink:
		dest := string(n.URL(w.src))
		if n.AutoLinkType == ast.AutoLinkEmail {
			dest = "mailto:" + dest
		}
		w.links = append(w.links, site.Link{Dest: dest, Pos: w.lines.pos(w.offset(n))})
		w.plain.text(n.Label(w.src), true)
		w.headingText(n.Label(w.src))
	case *east.FootnoteLink:
		// Shown as its number, which is part of the heading's text.
		w.headingText([]byte(strconv.Itoa(n.Index)))
		return ast.WalkSkipChildren
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			w.plain.text(seg.Value(w.src), true)
		}
		return ast.WalkSkipChildren
	case *fenceBlock:
		w.runFence(n)
		return ast.WalkSkipChildren
	case *ast.RawHTML, *ast.HTMLBlock, *east.FootnoteBacklink, *east.TaskCheckBox:
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}

// headingText adds rendered text to the heading being walked, if any,
// unless it is an image's alt text.
func (w *walker) headingText(v []byte) {
	if w.heading != nil && w.image == 0 {
		w.heading.Write(v)
	}
}

// unescape resolves the backslash escapes and entity references left in
// text that is not raw, as the HTML renderer does.
func unescape(v []byte) []byte {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

// link records a link or image and returns the destination to render.
func (w *walker) link(n ast.Node, dest []byte, image bool) []byte {
	written := string(dest)
	w.links = append(w.links, site.Link{Dest: written, Image: image, Pos: w.lines.pos(w.offset(n))})
	if w.resolve != nil && isRelative(written) {
		if u, ok := w.resolve(written); ok {
			return []byte(u)
		}
	}
	return dest
}

// offset returns the byte offset in the body at which an inline node
// starts. goldmark records it for links and images (at "[" or "!") and for
// autolinks (at "<", or at the space before a bare URL, which is skipped).
// Should a node lack it, the first text inside, one byte back, or the
// enclosing block stands in: the position is then approximate.
func (w *walker) offset(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		for p < len(w.src) && (w.src[p] == ' ' || w.src[p] == '\t') {
			p++
		}
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(t.Segment.Start-1, 0)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Pos() >= 0 {
			return p.Pos()
		}
	}
	return -1
}

// runFence renders a custom fenced block through its FenceFunc and keeps
// the result, or the error, on the node for the node renderer.
func (w *walker) runFence(n *fenceBlock) {
	f := w.fences[n.lang]
	if f == nil {
		return
	}
	pos := w.lines.pos(w.fenceOffset(n.Pos()))
	html, err := f(n.info, n.code, pos)
	if err != nil {
		n.err = fmt.Sprintf("%s: %s block: %v", pos, n.lang, err)
		w.diags.Errorf(pos, "%s block: %v", n.lang, err)
		return
	}
	n.html = html
}

// fenceOffset moves from a fenced block's recorded start to its fence.
func (w *walker) fenceOffset(p int) int {
	for p >= 0 && p < len(w.src) && (w.src[p] == ' ' || w.src[p] == '\t') {
		p++
	}
	return p
}

// assignIDs gives every heading without an explicit id the id GitHub
// gives it (see ids.go), unique within the page, and builds the table of
// contents.
func (w *walker) assignIDs() {
	ids := newHeadingIDs()
	for _, h := range w.headings {
		if id, ok := h.node.AttributeString("id"); ok {
			ids.reserve(attrString(id))
		}
	}
	generated := make([]string, len(w.headings))
	empty := -1
	for i, h := range w.headings {
		if v, ok := h.node.AttributeString("id"); ok {
			generated[i] = attrString(v)
			continue
		}
		generated[i] = ids.generate(h.slug)
		if generated[i] == "" {
			empty = i
		}
	}
	if empty >= 0 {
		generated[empty] = ids.fallback()
	}
	for i, h := range w.headings {
		id := generated[i]
		if _, ok := h.node.AttributeString("id"); !ok {
			h.node.SetAttributeString("id", []byte(id))
		}
		if h.node.Level == 2 || h.node.Level == 3 {
			w.toc = append(w.toc, site.Heading{Level: h.node.Level, ID: id, Text: h.text})
		}
	}
}

func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// isRelative reports whether a destination is a path to resolve rather than
// a URL with a scheme (http:, mailto:, …), a protocol-relative URL or a
// fragment of the same page. Site-absolute paths ("/stories/") count as
// relative: resolve decides what to do with them.
func isRelative(dest string) bool {
	if dest == "" || dest[0] == '#' || strings.HasPrefix(dest, "//") {
		return false
	}
	for i, c := range dest {
		switch {
		case c == ':':
			return i == 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return true
		}
	}
	return true
}
