package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --timings prints a line per stage; --profile leaves profiles that go
// tool pprof reads.
func TestBuildTimingsAndProfile(t *testing.T) {
	src := writeSite(t, map[string]string{
		"almanac.toml":         "title = \"T\"\n",
		"content/stories/a.md": "---\nid: STORY-1\ntitle: A\nstatus: ready\n---\nBody.\n",
	})
	dest := filepath.Join(t.TempDir(), "out")
	prof := filepath.Join(t.TempDir(), "prof")
	code, stdout, stderr := run(t, "build", "--source", src, "--dest", dest, "--now", "2026-11-26", "--no-cache", "--timings", "--profile", prof)
	if code != ExitOK {
		t.Fatalf("build exit %d: %s", code, stderr)
	}
	for _, want := range []string{"stage", "wall", "heap after", "load", "pages", "lists", "total"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("--timings output lacks %q:\n%s", want, stdout)
		}
	}
	for _, name := range []string{"cpu.pprof", "heap-2-load.pprof", "heap-7-pages.pprof"} {
		if st, err := os.Stat(filepath.Join(prof, name)); err != nil || st.Size() == 0 {
			t.Errorf("no profile %s: %v", name, err)
		}
	}
}
