package render

import (
	"strings"
	"testing"
)

// Every css/*.css joins css/main.css in the one fingerprinted stylesheet,
// in name order, so each feature keeps its own file and pages still load
// one stylesheet; a site adds or replaces a part by its name.
func TestStylesheetBundlesCSSFolder(t *testing.T) {
	over := mapFS(`
-- static/css/main.css --
.main {}
-- static/css/zeta.css --
.zeta {}
-- static/css/alpha.css --
.alpha {}
-- static/css/print/extra.css --
.nested {}
`)
	out := renderSite(t, fixture("en", "https://x.org/"), merge(siteFS(), over))
	var css string
	for _, n := range out.Names() {
		if strings.HasPrefix(n, "assets/main.") {
			css = get(t, out, n)
		}
		if n == "css/alpha.css" || n == "css/zeta.css" {
			t.Errorf("%s was written on its own as well", n)
		}
	}
	// The theme's own feature files (search.css …) come between, by name.
	at := 0
	for i, part := range []string{".main {}\n\n", "/* css/alpha.css */\n.alpha {}", "/* css/zeta.css */\n.zeta {}"} {
		j := strings.Index(css[at:], part)
		if j < 0 || i == 0 && j != 0 {
			t.Fatalf("stylesheet lacks %q in its place:\n%s", part, css)
		}
		at += j + len(part)
	}
	if _, ok := out.Get("css/print/extra.css"); !ok {
		t.Errorf("a stylesheet in a subfolder is a plain static file and should be copied")
	}
}
