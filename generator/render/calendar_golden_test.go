package render

import (
	"path/filepath"
	"testing"
)

// calendarGolden are the calendar pages compared with testdata/golden:
// /calendar/ (the fixture's now is in May 2026), April 2026 with its
// rollback, incident and action items, and April in Korean.
var calendarGolden = map[string][]string{
	"en": {"calendar/index.html", "calendar/2026/04/index.html"},
	"ko": {"calendar/2026/04/index.html"},
}

// TestCalendarGolden compares the calendar pages of the fixture site with
// testdata/golden (-update rewrites them).
func TestCalendarGolden(t *testing.T) {
	for lang, names := range calendarGolden {
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
