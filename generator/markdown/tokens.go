package markdown

import (
	"bytes"

	"github.com/alecthomas/chroma/v2"
)

// The highlighted markup of a code block is what chroma's HTML formatter
// writes with classes, every class kept and no <pre> of its own
// (chromahtml.WithClasses, WithAllClasses, PreventSurroundingPre), after
// chroma.Coalesce: runs of tokens of one type joined, each run cut after
// every newline, each piece escaped as html.EscapeString does and put in
// a span of its type's class when the type has one. writeTokens writes
// the same bytes straight into the block's buffer, without the slices
// of tokens and lines, the copies and the fmt calls the formatter makes
// per token. (TestTokensAsChroma holds it to the formatter.)

// coalesceLimit is the length below which chroma.Coalesce still joins a
// token to the run before it.
const coalesceLimit = 8192

// writeTokens writes the tokens of it as highlighted markup.
func writeTokens(b *bytes.Buffer, it chroma.Iterator) {
	var (
		run  []byte // the run of one type not written yet
		typ  chroma.TokenType
		open bool // whether run holds anything
	)
	for t := it(); t != chroma.EOF; t = it() {
		if t.Value == "" {
			continue
		}
		if open && t.Type == typ && len(run) < coalesceLimit {
			run = append(run, t.Value...)
			continue
		}
		if open {
			writeRun(b, typ, run)
		}
		run, typ, open = append(run[:0], t.Value...), t.Type, true
	}
	if open {
		writeRun(b, typ, run)
	}
}

// writeRun writes one run of tokens of type t, a span a line.
func writeRun(b *bytes.Buffer, t chroma.TokenType, run []byte) {
	cls := tokenClass(t)
	for len(run) > 0 {
		n := len(run)
		for i, c := range run {
			if c == '\n' {
				n = i + 1
				break
			}
		}
		if cls != "" {
			b.WriteString(`<span class="`)
			b.WriteString(cls)
			b.WriteString(`">`)
		}
		escapeText(b, run[:n])
		if cls != "" {
			b.WriteString(`</span>`)
		}
		run = run[n:]
	}
}

// tokenClass is the class of a token type: its own in chroma's table of
// standard types or else its nearest parent's, "" for none.
func tokenClass(t chroma.TokenType) string {
	for t != 0 {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
		t = t.Parent()
	}
	return chroma.StandardTypes[0]
}

// escapeText writes s with the five characters html.EscapeString
// replaces replaced the same way.
func escapeText(b *bytes.Buffer, s []byte) {
	last := 0
	for i, c := range s {
		var esc string
		switch c {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b.Write(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.Write(s[last:])
}
