package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindTableWrap is the node kind of the box around a table.
var kindTableWrap = ast.NewNodeKind("AlmanacTableWrap")

// tableWrap holds one table so that it can scroll sideways on narrow
// screens instead of widening the page.
type tableWrap struct {
	ast.BaseBlock
}

func (n *tableWrap) Kind() ast.NodeKind { return kindTableWrap }
func (n *tableWrap) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, nil, nil)
}

// tableWrapper wires the table box: a transformer that puts every table in
// a tableWrap and the renderer that writes <div class="table-wrap">.
type tableWrapper struct{}

func (e tableWrapper) Extend(m goldmark.Markdown) {
	// After the table extension's own transformer (priority 0).
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 1000)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// Transform wraps each table in the document.
func (tableWrapper) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var tables []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == east.KindTable && entering {
			tables = append(tables, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, t := range tables {
		wrap := &tableWrap{}
		wrap.SetPos(t.Pos())
		wrap.SetBlankPreviousLines(t.HasBlankPreviousLines())
		parent := t.Parent()
		parent.ReplaceChild(parent, t, wrap)
		wrap.AppendChild(wrap, t)
	}
}

func (tableWrapper) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTableWrap, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<div class=\"table-wrap\">\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
