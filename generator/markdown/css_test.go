package markdown

import (
	"strings"
	"testing"
)

func TestHighlightCSS(t *testing.T) {
	css := HighlightCSS()
	light, dark, ok := strings.Cut(css, "@media (prefers-color-scheme: dark) {")
	if !ok {
		t.Fatalf("no dark block:\n%s", css)
	}
	for _, part := range []string{light, dark} {
		if !strings.Contains(part, ".chroma .k {") || !strings.Contains(part, ".chroma {") {
			t.Errorf("part lacks keyword or wrapper rules:\n%s", part)
		}
	}
	for _, line := range strings.Split(css, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line == "}" || strings.HasPrefix(line, "/*") || strings.HasPrefix(line, "@media") {
			continue
		}
		if !strings.HasPrefix(line, ".chroma") {
			t.Errorf("rule not scoped under .chroma: %q", line)
		}
	}
}
