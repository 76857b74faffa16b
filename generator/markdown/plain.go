package markdown

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// plainText accumulates the visible text of a body: inline text joined as
// written, a space between table cells and after soft line breaks, a
// newline after each block.
type plainText struct {
	b []byte // from plainBuffers, until result
}

// plainBuffers keep the buffers plain text is gathered in from one page to
// the next: the text a page keeps is made, in one allocation of its size,
// from a buffer that goes back here.
var plainBuffers = sync.Pool{New: func() any { return new([]byte) }}

// plainBufferMost is the largest buffer kept for the next page.
const plainBufferMost = 1 << 20

// text appends inline text. Text that is not raw still holds Markdown
// backslash escapes and entity references, which are resolved here as the
// HTML renderer does.
func (p *plainText) text(v []byte, raw bool) {
	if !raw {
		v = util.UnescapePunctuations(v)
		v = util.ResolveNumericReferences(v)
		v = util.ResolveEntityNames(v)
	}
	if p.b == nil {
		p.b = (*plainBuffers.Get().(*[]byte))[:0]
	}
	p.b = append(p.b, v...)
}

// last is the last byte written, 0 when none is.
func (p *plainText) last() byte {
	if len(p.b) == 0 {
		return 0
	}
	return p.b[len(p.b)-1]
}

// space separates two runs of inline text unless something already does.
func (p *plainText) space() {
	if c := p.last(); c != 0 && c != ' ' && c != '\n' {
		p.b = append(p.b, ' ')
	}
}

// endBlock ends the current line unless it is already ended.
func (p *plainText) endBlock() {
	if c := p.last(); c != 0 && c != '\n' {
		p.b = append(p.b, '\n')
	}
}

func (p *plainText) Len() int { return len(p.b) }

// from is the text written since Len was i.
func (p *plainText) from(i int) string { return string(p.b[i:]) }

// result returns the text with every line trimmed and blank lines
// dropped, in a string of exactly its size (the page keeps no buffer's
// spare capacity), made in one allocation. The buffer goes back to be
// used again: the plain text is done.
func (p *plainText) result() string {
	all := p.b
	defer func() {
		if all != nil && cap(all) <= plainBufferMost {
			all = all[:0]
			plainBuffers.Put(&all)
		}
		p.b = nil
	}()
	n := 0
	for rest := all; len(rest) > 0; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte{'\n'})
		if line = bytes.TrimSpace(line); len(line) > 0 {
			n += len(line) + 1
		}
	}
	if n == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(n - 1)
	for rest := all; len(rest) > 0; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte{'\n'})
		if line = bytes.TrimSpace(line); len(line) > 0 {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.Write(line)
		}
	}
	return b.String()
}

// countWords counts whitespace-separated runs, which suits Korean (spaced
// by eojeol) as well as English: strings.Fields' count, without the list.
// ASCII bytes are taken one by one; only the others are decoded.
func countWords(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

// asciiSpace holds the ASCII bytes unicode.IsSpace calls space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
