package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"almanac/generator/site"
)

// siteFS turns a string of "-- path --" sections into an fstest.MapFS: each
// section's lines, up to the next header, are that file's content. Text
// before the first header is ignored.
func siteFS(t testing.TB, s string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	var name string
	var b strings.Builder
	flush := func() {
		if name != "" {
			fsys[name] = &fstest.MapFile{Data: []byte(b.String())}
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			continue
		}
		b.WriteString(line)
	}
	flush()
	return fsys
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

func TestSiteFS(t *testing.T) {
	fsys := siteFS(t, `ignored
-- a.md --
one
two
-- dir/b.txt --
-- c --
x`)
	want := map[string]string{"a.md": "one\ntwo\n", "dir/b.txt": "", "c": "x"}
	if len(fsys) != len(want) {
		t.Fatalf("got %d files, want %d", len(fsys), len(want))
	}
	for name, data := range want {
		if f, ok := fsys[name]; !ok || string(f.Data) != data {
			t.Errorf("%s = %q, want %q", name, f.Data, data)
		}
	}
}
