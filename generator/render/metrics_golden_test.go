package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldenName names the golden file of an output: "metrics/uptime/index.html"
// is metrics-uptime.golden, the home page home.golden.
func goldenName(name string) string {
	name = strings.TrimSuffix(strings.TrimSuffix(name, "index.html"), "/")
	if name == "" {
		name = "home"
	}
	return strings.ReplaceAll(name, "/", "-") + ".golden"
}

// metricsGolden are the pages of the metrics fixture compared with
// testdata/metrics/<lang>/ (see goldenName): the <main> element only, so that
// a change to the frame (nav, footer, stylesheet) leaves them alone.
var metricsGolden = map[string][]string{
	"en": {"metrics/index.html", "actions/index.html", "metrics/tickets/index.html", "metrics/uptime/index.html", "index.html", "report/index.html"},
	"ko": {"metrics/index.html", "actions/index.html", "metrics/uptime/index.html"},
}

// TestMetricsGolden renders the metrics fixture in both languages. Run
// with -update to rewrite the golden files, then review the diff.
func TestMetricsGolden(t *testing.T) {
	for lang, names := range metricsGolden {
		s, rep, _ := loadMetricsSite(t, metricsSite, lang)
		out := renderMetricsSite(t, s, rep)
		for _, name := range names {
			got := []byte(mainOf(t, get(t, out, name)))
			file := filepath.Join("testdata", "metrics", lang, goldenName(name))
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Errorf("%s: %v (run go test -update to create it)", name, err)
				continue
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s (%s) differs from %s:\n%s", name, lang, file, firstDiff(want, got))
			}
		}
	}
}
