package render

import "testing"

func TestURLs(t *testing.T) {
	tests := []struct {
		base, in, rel, abs string
	}{
		{"https://x.org/team/", "/stories/a/", "/team/stories/a/", "https://x.org/team/stories/a/"},
		{"https://x.org/team/", "/", "/team/", "https://x.org/team/"},
		{"https://x.org/team", "/releases/", "/team/releases/", "https://x.org/team/releases/"},
		{"https://x.org/team/", "/team/stories/", "/team/stories/", "https://x.org/team/stories/"},
		{"https://x.org/", "/stories/", "/stories/", "https://x.org/stories/"},
		{"", "/stories/", "/stories/", "/stories/"},
		{"https://x.org/team/", "https://other.org/a", "https://other.org/a", "https://other.org/a"},
		{"https://x.org/team/", "mailto:ops@x.org", "mailto:ops@x.org", "mailto:ops@x.org"},
		{"https://x.org/team/", "#top", "#top", "#top"},
		{"https://x.org/team/", "//cdn.x.org/a.js", "//cdn.x.org/a.js", "//cdn.x.org/a.js"},
		{"https://x.org/team/", "../a/", "../a/", "https://x.org/team/../a/"},
		{"https://x.org/a%20b/", "/c/", "/a%20b/c/", "https://x.org/a%20b/c/"},
	}
	for _, tt := range tests {
		u := newURLs(tt.base)
		if got := u.rel(tt.in); got != tt.rel {
			t.Errorf("base %q: rel(%q) = %q, want %q", tt.base, tt.in, got, tt.rel)
		}
		if got := u.abs(tt.in); got != tt.abs {
			t.Errorf("base %q: abs(%q) = %q, want %q", tt.base, tt.in, got, tt.abs)
		}
	}
}

func TestBodyLinks(t *testing.T) {
	u := newURLs("https://x.org/team/")
	tests := []struct{ in, want string }{
		{`<a href="/stories/a/">a</a>`, `<a href="/team/stories/a/">a</a>`},
		{`<img src="/images/x.png" alt="">`, `<img src="/team/images/x.png" alt="">`},
		{`<a href="/">home</a>`, `<a href="/team/">home</a>`},
		{`<a href="https://y.org/">y</a>`, `<a href="https://y.org/">y</a>`},
		{`<a href="//cdn.y.org/">y</a>`, `<a href="//cdn.y.org/">y</a>`},
		{`<a href="../x/">x</a> <a href="#h">h</a>`, `<a href="../x/">x</a> <a href="#h">h</a>`},
		{`<p>href="/not/an/attribute"</p>`, `<p>href="/not/an/attribute"</p>`},
		{`<a href="/team/already/">x</a>`, `<a href="/team/already/">x</a>`},
	}
	for _, tt := range tests {
		if got := u.body(tt.in); got != tt.want {
			t.Errorf("body(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := newURLs("https://x.org/").body(`<a href="/a/">`); got != `<a href="/a/">` {
		t.Errorf("at the root, body links should stay as written, got %q", got)
	}
}
