package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"almanac/generator/internal/sitetest"
	"almanac/generator/site"
)

// siteFS turns a string of "-- path --" sections into an fstest.MapFS.
func siteFS(t testing.TB, s string) fstest.MapFS {
	t.Helper()
	return sitetest.Parse(s)
}

var seoul = mustLocation("Asia/Seoul")

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// testConfig is a configuration in the Seoul time zone.
func testConfig() site.Config {
	cfg := DefaultConfig()
	cfg.TimeZone, cfg.Location = "Asia/Seoul", seoul
	return cfg
}

var testNow = time.Date(2026, 8, 1, 12, 0, 0, 0, seoul)

// loadSite loads an inline site with the test configuration.
func loadSite(t testing.TB, src string, opts Options) (*site.Site, site.Diagnostics) {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	return Load(context.Background(), siteFS(t, src), testConfig(), opts)
}

// diagLines formats diagnostics one a line for comparison.
func diagLines(ds site.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Error())
		b.WriteByte('\n')
	}
	return b.String()
}
