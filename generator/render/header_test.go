package render

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"almanac/generator/output"
)

// TestHeaderKept: every file of the fixture site, in both languages and
// under a base path, is the same whether the site header is kept per
// section or run for every page; a site's own nav-links.html turns
// keeping off, a copy of the theme's does not.
func TestHeaderKept(t *testing.T) {
	for _, c := range []struct{ lang, base string }{
		{"en", "https://almanac.example.org/"},
		{"ko", "https://example.org/team/"},
	} {
		r, err := New(Options{Theme: theme(), Site: siteFS()})
		if err != nil {
			t.Fatal(err)
		}
		s := fixture(c.lang, c.base)
		outs := map[bool]*output.Memory{}
		for _, on := range []bool{true, false} {
			p, err := r.Prepare(s)
			if err != nil {
				t.Fatal(err)
			}
			if !p.head.on {
				t.Fatal("the theme's header is not kept")
			}
			p.head.on = on
			outs[on] = output.NewMemory()
			if err := p.Run(context.Background(), p.Jobs(), outs[on]); err != nil {
				t.Fatal(err)
			}
		}
		names := outs[false].Names()
		if len(names) != len(outs[true].Names()) {
			t.Fatalf("%s: %d files kept, %d made", c.lang, len(outs[true].Names()), len(names))
		}
		for _, name := range names {
			want, _ := outs[false].Get(name)
			got, _ := outs[true].Get(name)
			if !bytes.Equal(got, want) {
				t.Errorf("%s %s: differs with the header kept", c.lang, name)
			}
		}
	}

	copied, err := fs.ReadFile(theme(), "layouts/partials/nav-links.html")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(Options{Theme: theme(), Site: merge(siteFS(), fstest.MapFS{"layouts/partials/nav-links.html": {Data: copied}})})
	if err != nil {
		t.Fatal(err)
	}
	if !r.head {
		t.Error("not kept with a copy of the theme's nav-links.html")
	}

	own := merge(siteFS(), mapFS(`
-- layouts/partials/nav-links.html --
<p>{{.Title}}</p>`))
	r, err = New(Options{Theme: theme(), Site: own})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Prepare(fixture("en", "https://almanac.example.org/"))
	if err != nil {
		t.Fatal(err)
	}
	if p.head.on {
		t.Error("kept with the site's own nav-links.html")
	}
	out := output.NewMemory()
	if err := p.Run(context.Background(), p.Jobs(), out); err != nil {
		t.Fatal(err)
	}
	page := get(t, out, "stories/export-deploy-log/index.html")
	if !strings.Contains(page, "<p>Export the deploy log as CSV</p>") {
		t.Errorf("the site's nav-links.html is not shown:\n%s", page)
	}
}
