package check_test

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"almanac/generator/build"
	"almanac/generator/check"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// copyDir copies a folder tree byte for byte.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCorpus checks the bad-input site: every file gets a clear message
// with its position, the good pages among them are still checked (their
// links too), and nothing panics. The 20 MB page and the symbolic links
// are made here, never kept in git.
func TestCorpus(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("testdata", "corpus"), dir)
	content := filepath.Join(dir, "content")
	huge := append([]byte("---\ntitle: Huge\n---\n"), bytes.Repeat([]byte("log line\n"), 20<<20/9)...)
	if err := os.WriteFile(filepath.Join(content, "huge.md"), huge, 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"loop.md":      "loop.md",     // points at itself
		"stories/up":   "..",          // a folder that contains the link
		"dangling.png": "nowhere.png", // leads nowhere
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(content, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	b, err := build.New(build.Options{Source: os.DirFS(dir), Theme: os.DirFS("../..")})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	res, err := b.Check(context.Background(), now)
	if err == nil {
		t.Fatal("the corpus checked without errors")
	}
	rep := check.Report{Diagnostics: res.Diagnostics, Pages: len(res.Site.Pages)}
	var out bytes.Buffer
	if err := check.Write(&out, check.Text, rep); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "corpus.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := out.String(); got != string(want) {
		t.Errorf("check output differs from %s:\n%s", golden, diffLines(string(want), got))
	}
	// Every bad file of the corpus is named at least once.
	for _, name := range []string{"malformed-yaml", "malformed-toml", "malformed-json", "unclosed", "bom",
		"crlf", "tabs", "empty", "binary", "latin1", "escape-slug", "escape-alias", "escape-url", "huge", "loop", "up"} {
		if !strings.Contains(out.String(), name) {
			t.Errorf("no message names %s", name)
		}
	}
}

// diffLines lists the lines only in want (-) and only in got (+).
func diffLines(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
