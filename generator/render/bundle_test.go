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
	want := ".main {}\n\n/* css/alpha.css */\n.alpha {}\n\n/* css/zeta.css */\n.zeta {}"
	if css != want {
		t.Errorf("stylesheet = %q, want %q", css, want)
	}
	if _, ok := out.Get("css/print/extra.css"); !ok {
		t.Errorf("a stylesheet in a subfolder is a plain static file and should be copied")
	}
}
