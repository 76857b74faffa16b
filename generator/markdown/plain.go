package markdown

import (
	"strings"
	"unicode"

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

// result returns the text with every line trimmed and blank lines
// dropped, in a string of exactly its size (the page keeps no builder's
// spare capacity), made in one allocation.
func (p *plainText) result() string {
	all := p.b.String()
	n := 0
	for rest := all; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if line = strings.TrimSpace(line); line != "" {
			n += len(line) + 1
		}
	}
	if n == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(n - 1)
	for rest := all; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if line = strings.TrimSpace(line); line != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(line)
		}
	}
	return b.String()
}

// countWords counts whitespace-separated runs, which suits Korean (spaced
// by eojeol) as well as English: strings.Fields' count, without the list.
func countWords(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}
