package render

import (
	"context"
	"strings"
	"testing"

	"almanac/generator/output"
)

// TestBadge: the badge function gives what badge.html makes of its kind and
// value, the site's own partial included, for a value met again and for a
// value that is not a string.
func TestBadge(t *testing.T) {
	own := merge(siteFS(), mapFS(`
-- layouts/partials/badge.html --
<b>{{.k}}={{printf "%v" .v}}</b>`))
	r, err := New(Options{Theme: theme(), Site: own})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Prepare(fixture("en", "https://almanac.example.org/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		k    string
		v    any
		want string
	}{
		{"status", "done", "<b>status=done</b>"},
		{"status", "done", "<b>status=done</b>"},
		{"status", "", "<b>status=</b>"},
		{"priority", "<P0>", "<b>priority=&lt;P0&gt;</b>"},
		{"points", 3, "<b>points=3</b>"},
		{"points", 5, "<b>points=5</b>"},
	} {
		got, err := p.badge(c.k, c.v)
		if err != nil || string(got) != c.want {
			t.Errorf("badge(%q, %v) = %q, %v; want %q", c.k, c.v, got, err, c.want)
		}
	}
	out := output.NewMemory()
	if err := p.Run(context.Background(), p.Jobs(), out); err != nil {
		t.Fatal(err)
	}
	page := get(t, out, "stories/export-deploy-log/index.html")
	if !strings.Contains(page, "<b>status=") {
		t.Errorf("the site's badge.html is not used:\n%s", page)
	}
}
