package sitefs

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	theme := fstest.MapFS{
		"layouts/baseof.html":          {Data: []byte("theme base")},
		"layouts/story.html":           {Data: []byte("theme story")},
		"layouts/partials/head.html":   {Data: []byte("theme head")},
		"static/css/main.css":          {Data: []byte("theme css")},
		"layouts/new/story.md":         {Data: []byte("theme new")},
		"layouts/partials/footer.html": {Data: []byte("theme footer")},
	}
	site := New(fstest.MapFS{
		"layouts/story.html":           {Data: []byte("site story")},
		"layouts/partials/extra.html":  {Data: []byte("site extra")},
		"layouts/partials/footer.html": {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink},
		"static/robots.txt":            {Data: []byte("site robots")},
	})
	o := Overlay{Site: site, Theme: theme}
	for name, want := range map[string]string{
		"layouts/baseof.html":          "theme base",
		"layouts/story.html":           "site story",
		"layouts/partials/extra.html":  "site extra",
		"layouts/partials/footer.html": "theme footer", // the site's is refused: the theme's stands
		"static/robots.txt":            "site robots",
	} {
		if data, err := fs.ReadFile(o, name); err != nil || string(data) != want {
			t.Errorf("ReadFile(%q) = %q, %v; want %q", name, data, err, want)
		}
	}
	if !o.FromSite("layouts/story.html") || o.FromSite("layouts/baseof.html") || o.FromSite("layouts/partials/footer.html") {
		t.Error("FromSite names the wrong layer")
	}
	names, err := fs.Glob(o, "layouts/partials/*.html")
	if err != nil || strings.Join(names, " ") != "layouts/partials/extra.html layouts/partials/footer.html layouts/partials/head.html" {
		t.Errorf("Glob = %q, %v", names, err)
	}
	if _, err := fs.ReadFile(o, "layouts/none.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file in neither layer: %v", err)
	}
	if _, err := fs.ReadDir(o, "nowhere"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a folder in neither layer: %v", err)
	}
	if data, err := fs.ReadFile(Overlay{Theme: theme}, "layouts/story.html"); err != nil || string(data) != "theme story" {
		t.Errorf("theme alone: %q, %v", data, err)
	}
	if got := len(o.Layers()); got != 2 {
		t.Errorf("Layers() has %d", got)
	}
}
