package markdown

import (
	"testing"

	"almanac/generator/site"
)

func TestLineIndex(t *testing.T) {
	x := newLineIndex("f.md", 5, []byte("ab\n\ncd\nef"))
	tests := []struct {
		off  int
		want site.Pos
	}{
		{0, site.Pos{File: "f.md", Line: 5, Col: 1}},
		{1, site.Pos{File: "f.md", Line: 5, Col: 2}},
		{2, site.Pos{File: "f.md", Line: 5, Col: 3}}, // the newline itself
		{3, site.Pos{File: "f.md", Line: 6, Col: 1}},
		{4, site.Pos{File: "f.md", Line: 7, Col: 1}},
		{8, site.Pos{File: "f.md", Line: 8, Col: 2}},
		{-1, site.Pos{File: "f.md"}},
	}
	for _, tt := range tests {
		if got := x.pos(tt.off); got != tt.want {
			t.Errorf("pos(%d) = %s, want %s", tt.off, got, tt.want)
		}
	}
	if got := newLineIndex("g.md", 0, []byte("x")).pos(0); got.Line != 1 {
		t.Errorf("bodyLine 0 gives line %d, want 1", got.Line)
	}
}

func TestIsRelative(t *testing.T) {
	tests := []struct {
		dest string
		want bool
	}{
		{"../releases/1.4.0.md", true},
		{"1.4.0.md", true},
		{"img/a.png", true},
		{"/stories/x/", true},
		{"page.md#part", true},
		{"https://go.dev/", false},
		{"HTTP://go.dev/", false},
		{"mailto:a@b.org", false},
		{"git+ssh://host/repo", false},
		{"//cdn.example.org/x.js", false},
		{"#top", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isRelative(tt.dest); got != tt.want {
			t.Errorf("isRelative(%q) = %v, want %v", tt.dest, got, tt.want)
		}
	}
}
