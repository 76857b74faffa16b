package calendar

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.ics from the current output")

// TestGoldenFeeds compares both feeds of the fixture site with
// testdata/<feed>.golden.ics byte for byte.
func TestGoldenFeeds(t *testing.T) {
	s := loadSite(t, fixtureSite)
	for _, f := range Feeds(s, Events(s)) {
		name := filepath.Join("testdata", strings.TrimSuffix(f.Path, ".ics")+".golden.ics")
		if *update {
			if err := os.WriteFile(name, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(f.Data, want) {
			t.Errorf("%s differs from %s (run go test -update and review the diff):\n%s",
				f.Path, name, firstDiff(string(f.Data), string(want)))
		}
	}
}

// firstDiff shows the first line where got and want part.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\r\n"), strings.Split(want, "\r\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got  %q\n want %q", i+1, gl, wl)
		}
	}
	return "(line ends differ)"
}
