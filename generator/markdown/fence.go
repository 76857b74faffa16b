package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindFence is the node kind of a custom fenced block.
var kindFence = ast.NewNodeKind("AlmanacFence")

// fenceBlock is a fenced code block whose language has a FenceFunc. The
// walker fills html or err before rendering.
type fenceBlock struct {
	ast.BaseBlock
	lang string
	info string
	code []byte

	html string
	err  string
}

func (n *fenceBlock) Kind() ast.NodeKind { return kindFence }
func (n *fenceBlock) IsRaw() bool        { return true }
func (n *fenceBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Lang": n.lang, "Info": n.info}, nil)
}

// customFences wires custom fenced blocks: a transformer that swaps
// matching fenced code blocks for fenceBlock nodes and their renderer.
type customFences struct {
	langs map[string]FenceFunc
}

func (e *customFences) Extend(m goldmark.Markdown) {
	if len(e.langs) == 0 {
		return
	}
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(fenceRenderer{}, 100)))
}

// Transform replaces fenced code blocks whose language has a FenceFunc.
func (e *customFences) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var found []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fc, ok := n.(*ast.FencedCodeBlock); ok && entering {
			if _, ok := e.langs[fenceLang(fc, src)]; ok {
				found = append(found, fc)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, fc := range found {
		nb := &fenceBlock{
			lang: fenceLang(fc, src),
			info: fenceInfo(fc, src),
			code: blockText(fc, src),
		}
		nb.SetPos(fc.Pos())
		nb.SetBlankPreviousLines(fc.HasBlankPreviousLines())
		fc.Parent().ReplaceChild(fc.Parent(), fc, nb)
	}
}

// fenceInfo returns the whole info string of a fenced block, trimmed.
func fenceInfo(n *ast.FencedCodeBlock, src []byte) string {
	if n.Info == nil {
		return ""
	}
	return strings.TrimSpace(string(n.Info.Segment.Value(src)))
}

// fenceLang returns the language of a fenced block: the info string's
// first word, up to a space or "{", lowercased.
func fenceLang(n *ast.FencedCodeBlock, src []byte) string {
	info := fenceInfo(n, src)
	if i := strings.IndexAny(info, " \t{"); i >= 0 {
		info = info[:i]
	}
	return strings.ToLower(info)
}

// blockText joins the lines of a code block.
func blockText(n ast.Node, src []byte) []byte {
	lines := n.Lines()
	size := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Len() + seg.Padding
	}
	b := make([]byte, 0, size)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

type fenceRenderer struct{}

func (fenceRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFence, renderFence)
}

// renderFence writes the FenceFunc's HTML, or an escaped error box that
// shows the message and the block's source.
func renderFence(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*fenceBlock)
	if n.err == "" {
		_, _ = w.WriteString(n.html)
		if !strings.HasSuffix(n.html, "\n") {
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<div class="fence-error" role="alert"><p>`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.err)))
	_, _ = w.WriteString("</p><pre><code>")
	_, _ = w.Write(util.EscapeHTML(n.code))
	_, _ = w.WriteString("</code></pre></div>\n")
	return ast.WalkSkipChildren, nil
}
