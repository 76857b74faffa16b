package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"almanac/generator/site"
)

// Options configure a Markdown renderer.
type Options struct {
	// Unsafe lets raw HTML blocks and inline HTML through. Off by default:
	// raw HTML is left out of the output, but for the anchors <a name> and
	// <a id> make (see anchors.go), and dangerous URLs are dropped.
	Unsafe bool
	// Highlight caches highlighted code blocks; nil highlights without
	// caching.
	Highlight *HighlightCache
	// Fences render fenced blocks whose language (the first word of the
	// info string, compared without regard to case) is a key, instead of
	// showing them as code.
	Fences map[string]FenceFunc
}

// FenceFunc renders a custom fenced block. info is the whole info string
// after the opening fence (its first word is the language), code the
// block's content and pos the position of the opening fence in the file.
// The returned HTML is inserted as is.
type FenceFunc func(info string, code []byte, pos site.Pos) (html string, err error)

// Markdown renders page bodies. It holds one goldmark instance and is safe
// for concurrent use by many goroutines.
type Markdown struct {
	md     goldmark.Markdown
	fences map[string]FenceFunc
}

// New builds a renderer with the given options.
func New(opts Options) *Markdown {
	fences := make(map[string]FenceFunc, len(opts.Fences))
	for k, f := range opts.Fences {
		fences[strings.ToLower(k)] = f
	}
	rendererOpts := []goldmark.Option{}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	} else {
		rendererOpts = append(rendererOpts, goldmark.WithExtensions(safeAnchors{}))
	}
	md := goldmark.New(append([]goldmark.Option{
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			newCodeBlocks(opts.Highlight),
			&customFences{langs: fences},
			tableWrapper{},
		),
		// Heading ids are assigned after the parse (see ids.go) so that
		// they come from the visible text and keep Hangul; {#id} still
		// sets one explicitly.
		goldmark.WithParserOptions(parser.WithAttribute()),
	}, rendererOpts...)...)
	return &Markdown{md: md, fences: fences}
}

// Render parses src once and renders it. file and bodyLine (the 1-based line
// of the file on which src starts) place links and errors in the source
// file. resolve, which may be nil, maps a relative link or image
// destination as written to the URL to emit; ok=false keeps it as written.
//
// When custom fenced blocks fail, Render still returns the page, with each
// failed block shown as an error box, together with a *site.DiagnosticsError
// listing every failure at its position.
func (m *Markdown) Render(file string, bodyLine int, src []byte, resolve func(dest string) (string, bool)) (*site.Rendered, error) {
	doc := m.md.Parser().Parse(text.NewReader(src))

	w := newWalker(file, bodyLine, src, resolve, m.fences)
	w.walk(doc)

	buf := htmlBuffers.Get().(*htmlOut)
	defer putHTMLBuffer(buf)
	buf.Reset()
	if err := m.md.Renderer().Render(buf, src, doc); err != nil {
		return nil, fmt.Errorf("%s: render markdown: %w", site.Pos{File: file}, err)
	}
	out := &site.Rendered{
		HTML:  buf.String(),
		TOC:   w.toc,
		Plain: w.plain.result(),
		Links: w.links,
	}
	out.Words = countWords(out.Plain)
	return out, w.diags.Err()
}

// htmlOut takes a page's HTML as goldmark writes it, with no bufio.Writer
// between (goldmark adds one to a writer that has no buffer of its own).
// It is pooled, and the page keeps a copy of its final size: written
// straight into a string grown from twice the Markdown, a page cost that
// much again, and more where code blocks made it grow.
type htmlOut struct{ bytes.Buffer }

func (o *htmlOut) Buffered() int { return 0 }
func (o *htmlOut) Flush() error  { return nil }

var htmlBuffers = sync.Pool{New: func() any { return new(htmlOut) }}

// putHTMLBuffer pools o again, unless a very large page grew it.
func putHTMLBuffer(o *htmlOut) {
	if o.Cap() <= 1<<20 {
		htmlBuffers.Put(o)
	}
}
