package markdown

import (
	"strings"
	"testing"
)

// countWords counts what strings.Fields splits, and result trims and
// joins lines as splitting and joining them would.
func TestCountWordsAndResult(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "배포 로그를\t남긴다\n새 줄", "a\u00a0b\u2003c", "\n\n  x \n\n y\n", "끝 "} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
		var p plainText
		p.b.WriteString(s)
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
