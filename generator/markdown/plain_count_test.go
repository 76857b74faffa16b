package markdown

import (
	"strings"
	"testing"
)

// countWords counts what strings.Fields splits, and result trims and
// joins lines as splitting and joining them would.
func TestCountWordsAndResult(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "배포 로그를\t남긴다\n새 줄", "a\u00a0b\u2003c", "\n\n  x \n\n y\n", "끝 ", "a\vb\fc\u0085d\xffe \xc3", "\u0085x\u3000y"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
		var p plainText
		p.text([]byte(s), true)
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if got, want := p.result(), strings.Join(lines, "\n"); got != want {
			t.Errorf("result(%q) = %q, want %q", s, got, want)
		}
	}
}

// The buffer plain text is gathered in is used again by the next page;
// what a page kept is its own.
func TestPlainTextKeptAfterTheBufferIsReused(t *testing.T) {
	var kept []string
	for i, s := range []string{"first page text", "second", "a third, longer page of text"} {
		var p plainText
		p.text([]byte(s), true)
		p.endBlock()
		kept = append(kept, p.result())
		if p.Len() != 0 {
			t.Fatalf("page %d: the buffer stays with the page after result", i)
		}
	}
	if got := strings.Join(kept, "|"); got != "first page text|second|a third, longer page of text" {
		t.Errorf("kept %q", got)
	}
}
