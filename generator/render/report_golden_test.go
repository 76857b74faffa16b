package render

import (
	"path/filepath"
	"testing"
)

// reportGolden are the report pages compared with testdata/golden: the
// list, the fixture's running quarter (its now is in May 2026) and a
// closed month, in English and in Korean, and the quarter's JSON file.
var reportGolden = map[string][]string{
	"en": {"reports/index.html", "reports/2026-q2/index.html", "reports/2026-04/index.html", "reports/2026-q2.json"},
	"ko": {"reports/2026-q2/index.html", "reports/2026-04/index.html"},
}

// TestReportGolden compares the report pages of the fixture site with
// testdata/golden (-update rewrites them).
func TestReportGolden(t *testing.T) {
	for lang, names := range reportGolden {
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
