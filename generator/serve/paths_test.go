package serve

import (
	"strings"
	"testing"
	"testing/fstest"

	"almanac/generator/site"
)

func TestFileName(t *testing.T) {
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"/", "index.html", true},
		{"/stories/a/", "stories/a", true},
		{"/index.xml", "index.xml", true},
		{"/a//b/./c", "a/b/c", true},
		{"", "", false},
		{"stories/a/", "", false},
		{"/../etc/passwd", "", false},
		{"/stories/../../etc/passwd", "", false},
		{"/..", "", false},
		{`/..\almanac.toml`, "", false},
		{`/a\b`, "", false},
		{"/a\x00b", "", false},
	}
	for _, tt := range tests {
		got, ok := fileName(tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("fileName(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

func TestContentType(t *testing.T) {
	tests := []struct{ name, want string }{
		{"index.html", "text/html; charset=utf-8"},
		{"index.xml", "application/atom+xml; charset=utf-8"},
		{"sitemap.xml", "application/xml; charset=utf-8"},
		{"calendar/releases.ics", "text/calendar; charset=utf-8"},
		{"search/manifest.json", "application/json"},
		{"favicon.svg", "image/svg+xml"},
		{"assets/main.0123456789.css", "text/css; charset=utf-8"},
		{"js/site.js", "text/javascript; charset=utf-8"},
		{"robots.txt", "text/plain; charset=utf-8"},
		{"search/t/0.bin", "application/octet-stream"},
		{"files/chart.png", "image/png"},
	}
	for _, tt := range tests {
		if got := contentType(tt.name, nil); got != tt.want {
			t.Errorf("contentType(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPagePath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "/"},
		{"/stories/a/", "/stories/a/"},
		{"/stories/a/index.html", "/stories/a/"},
		{"/stories//a/./", "/stories/a/"},
		{"/404.html", "/404.html"},
		{"", ""},
		{"stories/a/", ""},
		{"http://evil.example/", ""},
	}
	for _, tt := range tests {
		if got := pagePath(tt.in); got != tt.want {
			t.Errorf("pagePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestProblemsOf(t *testing.T) {
	fsys := fstest.MapFS{"content/stories/a.md": {Data: []byte("---\nid: STORY-1\nstatus: <b>doing</b>\n---\nBody\nmore\nend\n")}}
	var diags site.Diagnostics
	diags.Warnf(site.Pos{File: "content/stories/a.md", Line: 2}, "a warning is not shown")
	diags.Add(site.Diagnostic{Pos: site.Pos{File: "content/stories/a.md", Line: 3, Col: 9}, Msg: `status: "<b>doing</b>" is not a status`, Hint: "did you mean in_progress?"})
	diags.Errorf(site.Pos{File: "content/missing.md", Line: 1}, "no file to excerpt")
	got := problemsOf(diags, nil, fsys)
	if len(got.Errors) != 2 {
		t.Fatalf("%d errors, want 2: %+v", len(got.Errors), got.Errors)
	}
	p := got.Errors[0]
	if p.Where != "content/stories/a.md:3:9" || p.Hint == "" {
		t.Errorf("first error: %+v", p)
	}
	var lines []int
	for _, l := range p.Excerpt {
		lines = append(lines, l.N)
		if l.Here != (l.N == 3) {
			t.Errorf("line %d marked here=%v", l.N, l.Here)
		}
	}
	if len(lines) != 6 || lines[0] != 1 || lines[5] != 6 {
		t.Errorf("excerpt lines %v, want 1 to 6", lines)
	}
	if got.Errors[1].Excerpt != nil {
		t.Errorf("an unreadable file has an excerpt: %+v", got.Errors[1].Excerpt)
	}
	// Markup travels as JSON text; the client sets it as text.
	if js := string(got.json()); strings.Contains(js, "<b>") {
		t.Errorf("the JSON carries raw markup: %s", js)
	}
}
