package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current output")

// goldenFiles are one output of each page type, per language.
var goldenFiles = map[string][]string{
	"en": {
		"index.html",
		"stories/index.html",
		"stories/export-deploy-log/index.html",
		"releases/index.html",
		"releases/1.4.0/index.html",
		"releases/1.5.0/index.html",
		"postmortems/index.html",
		"postmortems/2026-04-checkout-errors/index.html",
		"about/index.html",
		"tags/index.html",
		"tags/deploys/index.html",
		"people/mina-park/index.html",
		"404.html",
		"incidents/2026-04-20/index.html",
		"index.xml",
		"sitemap.xml",
		"robots.txt",
	},
	"ko": {
		"index.html",
		"stories/export-deploy-log/index.html",
		"postmortems/2026-04-checkout-errors/index.html",
	},
}

// TestGolden compares pages of the fixture site with testdata/golden/
// (English at the top, Korean under ko/). Run with -update to rewrite
// them, then review the diff.
func TestGolden(t *testing.T) {
	for lang, names := range goldenFiles {
		out := renderSite(t, fixture(lang, "https://almanac.example.org/"), siteFS())
		dir := filepath.Join("testdata", "golden")
		if lang != "en" {
			dir = filepath.Join(dir, lang)
		}
		for _, name := range names {
			compareGolden(t, filepath.Join(dir, filepath.FromSlash(name)+".golden"), lang, []byte(get(t, out, name)))
		}
	}
}

// stylesheetName matches the fingerprinted stylesheet, whose hash changes
// with every edit of any CSS file; goldens hold it as main.HASH.css so they
// speak of the page, not of the stylesheet.
var stylesheetName = regexp.MustCompile(`assets/main\.[0-9a-f]{10}\.css`)

// compareGolden compares a rendered file with its golden file, or rewrites
// the golden file with -update.
func compareGolden(t *testing.T, file, lang string, got []byte) {
	t.Helper()
	got = stylesheetName.ReplaceAll(got, []byte("assets/main.HASH.css"))
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Errorf("%s: %v (run go test -update to create it)", file, err)
		return
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s (%s) differs:\n%s", file, lang, firstDiff(want, got))
	}
}

// firstDiff shows the first differing line of two outputs.
func firstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + string(w) + "\n  got:  " + string(g)
		}
	}
	return "(same lines, different bytes)"
}
