package markdown

import (
	"strings"

	"github.com/yuin/goldmark/util"
)

// plainText accumulates the visible text of a body: inline text joined as
// written, a space between table cells and after soft line breaks, a
// newline after each block.
type plainText struct {
	b strings.Builder
}

// text appends inline text. Text that is not raw still holds Markdown
// backslash escapes and entity references, which are resolved here as the
// HTML renderer does.
func (p *plainText) text(v []byte, raw bool) {
	if !raw {
		v = util.UnescapePunctuations(v)
		v = util.ResolveNumericReferences(v)
		v = util.ResolveEntityNames(v)
	}
	p.b.Write(v)
}

// space separates two runs of inline text unless something already does.
func (p *plainText) space() {
	if s := p.b.String(); s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
		p.b.WriteByte(' ')
	}
}

// endBlock ends the current line unless it is already ended.
func (p *plainText) endBlock() {
	if s := p.b.String(); s != "" && !strings.HasSuffix(s, "\n") {
		p.b.WriteByte('\n')
	}
}

func (p *plainText) Len() int       { return p.b.Len() }
func (p *plainText) String() string { return p.b.String() }

// result returns the text with every line trimmed and blank lines dropped.
func (p *plainText) result() string {
	lines := strings.Split(p.b.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	// A fresh copy, so the page keeps no builder's spare capacity.
	return strings.Clone(strings.Join(out, "\n"))
}

// countWords counts whitespace-separated runs, which suits Korean (spaced
// by eojeol) as well as English.
func countWords(s string) int { return len(strings.Fields(s)) }
