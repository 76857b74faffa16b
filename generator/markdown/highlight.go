package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// cacheFormat names the form of highlighted HTML. It is part of every cache
// key: change it whenever the markup below or the chroma version changes,
// so that entries written by an older build are not reused.
const cacheFormat = "almanac-highlight/2 chroma/v2.27.0"

// codeBlocks renders fenced and indented code blocks: highlighted through
// chroma with CSS classes when the language is known, plain escaped code
// otherwise. A block without a language is never guessed at.
type codeBlocks struct {
	cache  *HighlightCache // may be nil
	lexers *ruleLexers     // chroma's regex lexers, driven faster (lexer.go)
}

// newCodeBlocks highlights through cache, with the cache's lexers when
// there is one: a preview keeps its cache from one run to the next, and
// the lexers are made once.
func newCodeBlocks(cache *HighlightCache) *codeBlocks {
	if cache != nil {
		return &codeBlocks{cache: cache, lexers: &cache.lexers}
	}
	return &codeBlocks{lexers: &ruleLexers{}}
}

func (e *codeBlocks) Extend(m goldmark.Markdown) {
	// Ahead of goldmark's own HTML renderer (priority 1000).
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

func (e *codeBlocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, e.render)
	reg.Register(ast.KindCodeBlock, e.render)
}

func (e *codeBlocks) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if fc, ok := node.(*ast.FencedCodeBlock); ok {
		lang = fenceLang(fc, src)
	}
	_, _ = w.WriteString(e.html(lang, blockText(node, src)))
	return ast.WalkSkipChildren, nil
}

// html returns the markup of one code block, from the cache when there is
// one and the block has a language.
func (e *codeBlocks) html(lang string, code []byte) string {
	if lang == "" {
		return plainCode("", code)
	}
	if e.cache == nil {
		html, _ := e.highlight(lang, code)
		return html
	}
	return e.cache.get(cacheKey(lang, code), func() (string, bool) { return e.highlight(lang, code) })
}

// highlight tokenises code with the lexer for lang. An unknown language,
// or a lexer error, gives plain escaped code. It also says whether the
// markup may be kept for later builds: not when a match ran out of time
// (ruleTimeout), which gives plain code this once.
func (e *codeBlocks) highlight(lang string, code []byte) (string, bool) {
	lexer := lexers.Get(lang)
	if lexer == nil {
		return plainCode(lang, code), true
	}
	var (
		it  chroma.Iterator
		run *ruleRun
	)
	if rl := e.lexers.get(lang); rl != nil {
		run = rl.start(string(code))
		defer run.release()
		it = run.next
	} else {
		var err error
		if it, err = lexer.Tokenise(nil, string(code)); err != nil {
			return plainCode(lang, code), true
		}
	}
	b := markupBuffers.Get().(*bytes.Buffer)
	defer putMarkupBuffer(b)
	b.Reset()
	b.WriteString(`<pre class="chroma" tabindex="0"><code class="language-`)
	b.Write(util.EscapeHTML([]byte(lang)))
	b.WriteString(`">`)
	writeTokens(b, it)
	b.WriteString("</code></pre>\n")
	if run != nil && run.timedOut {
		return plainCode(lang, code), false
	}
	return b.String(), true
}

// markupBuffers hold a block's markup while it is written, so that the
// block costs one string of its final size: written straight into a
// string, the markup (five to eight times the code) grew through
// copies, twice the bytes of the string it became.
var markupBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putMarkupBuffer pools b again, unless one very large block grew it.
func putMarkupBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		markupBuffers.Put(b)
	}
}

// plainCode is a code block as escaped text, with a language class when
// one was given.
func plainCode(lang string, code []byte) string {
	var b strings.Builder
	b.Grow(len(code) + 64)
	b.WriteString(`<pre tabindex="0"><code`)
	if lang != "" {
		b.WriteString(` class="language-`)
		b.Write(util.EscapeHTML([]byte(lang)))
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
	b.Write(util.EscapeHTML(code))
	b.WriteString("</code></pre>\n")
	return b.String()
}
