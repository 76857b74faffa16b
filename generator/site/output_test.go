package site

import "testing"

func TestOutputFileAndURL(t *testing.T) {
	for _, tt := range []struct{ url, file, back string }{
		{"/", "index.html", "/"},
		{"", "index.html", "/"},
		{"/stories/", "stories/index.html", "/stories/"},
		{"/stories", "stories/index.html", "/stories/"},
		{"/releases/1.4.0/", "releases/1.4.0/index.html", "/releases/1.4.0/"},
		{"/calendar.ics", "calendar.ics", "/calendar.ics"},
		{"/old/path", "old/path/index.html", "/old/path/"},
		{"/404.html", "404.html", "/404.html"},
		{"/assets/main.abc.css", "assets/main.abc.css", "/assets/main.abc.css"},
		{"/search/?q=rollback", "search/index.html", "/search/"},
		{"/about/#team", "about/index.html", "/about/"},
		{"/index.xml#x", "index.xml", "/index.xml"},
		{"/files/runbook.pdf?download=1", "files/runbook.pdf", "/files/runbook.pdf"},
	} {
		if got := OutputFile(tt.url); got != tt.file {
			t.Errorf("OutputFile(%q) = %q, want %q", tt.url, got, tt.file)
		}
		if got := URLOf(tt.file); got != tt.back {
			t.Errorf("URLOf(%q) = %q, want %q", tt.file, got, tt.back)
		}
	}
}
