package site

import "testing"

func TestGeneratedURL(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"/stories/", true},
		{"/stories/export-log/", false},
		{"/tags/", true},
		{"/tags/audit/", true},
		{"/people/mina-park/", true},
		{"/calendar/2026/11/", true},
		{"/team/", false},
		{"/", false},
		{"/handbook/on-call/", false},
		{"stories/", false},
	}
	for _, tt := range tests {
		if got := GeneratedURL(tt.url); got != tt.want {
			t.Errorf("GeneratedURL(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

func TestConfigContent(t *testing.T) {
	for dir, want := range map[string]string{"": "content", "content": "content", "docs/": "docs",
		"/docs": "docs", "./site/content": "site/content", ".": "content", "a//b/": "a/b"} {
		if got := (Config{ContentDir: dir}).Content(); got != want {
			t.Errorf("Config{ContentDir: %q}.Content() = %q, want %q", dir, got, want)
		}
	}
}
