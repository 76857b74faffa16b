//go:build unix

package cli

import (
	"context"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"almanac/generator/serve"
)

// The secrets a hostile site tries to publish: a file beside the site, the
// build's environment, the system's password file and the repository's
// configuration.
const (
	outsideSecret = "OUTSIDE-SECRET-7f3a"
	envSecret     = "ENV-SECRET-91bc"
	gitSecret     = "GIT-SECRET-c0de"
)

// hostileLinks are the links a pull request could add, each with the path
// `check` must name.
var hostileLinks = []struct{ target, at string }{
	{"/proc/self/environ", "static/env.txt"},
	{"/etc/passwd", "static/passwd.txt"},
	{"../.git/config", "static/gitconfig.txt"},
	{"../../outside/secret.txt", "static/up.txt"},
	{"../../outside", "static/outdir"},
	{"/proc/self/environ", "content/handbook/env.txt"},
	{"../../.git/config", "content/handbook/config.txt"},
	{"../../../outside/secret.txt", "content/handbook/secret.md"},
	{"/dev/zero", "content/zero.md"},
	{"../../outside/deploys.csv", "content/metrics/deploys.csv"},
	{"../../outside/footer.html", "layouts/partials/footer.html"},
	{"../../outside/en.toml", "layouts/i18n/en.toml"},
	{"loop-b.txt", "static/loop-a.txt"},
	{"loop-a.txt", "static/loop-b.txt"},
	{"nowhere.txt", "static/broken.txt"},
	{"../outside/almanac.toml", "almanac.toml"},
}

// hostileSite lays out a site of every such link, a FIFO among its static
// files, and the secrets outside it; it returns the site's folder.
func hostileSite(t *testing.T) string {
	t.Helper()
	t.Setenv("ALMANAC_TEST_SECRET", envSecret)
	top := writeSite(t, map[string]string{
		"outside/secret.txt":              outsideSecret,
		"outside/deploys.csv":             "date,value\n2026-01-01," + outsideSecret + "\n",
		"outside/footer.html":             "<footer>" + outsideSecret + "</footer>",
		"outside/en.toml":                 "title = \"" + outsideSecret + "\"\n",
		"outside/almanac.toml":            "title = \"" + outsideSecret + "\"\n",
		"site/.git/config":                "[remote]\n\turl = https://" + gitSecret + "@example.com/\n",
		"site/content/handbook/ok.md":     "---\ntitle: Handbook\n---\nSee [the notes](notes.txt).\n",
		"site/content/handbook/notes.txt": "plain notes\n",
		"site/content/metrics/deploys.md": "---\ntitle: Deploys\nunit: count\nbetter: higher\ncsv: deploys.csv\n---\n",
		"site/static/fine.txt":            "fine\n",
	})
	dir := filepath.Join(top, "site")
	for _, l := range hostileLinks {
		p := filepath.Join(dir, filepath.FromSlash(l.at))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(l.target, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "static", "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startPreview serves the site src until the test ends.
func startPreview(t *testing.T, src string) *serve.Server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := serve.Start(ctx, serve.Options{Source: src, Theme: os.DirFS("../.."), Port: 0,
		Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); srv.Wait() })
	return srv
}

// assertNoSecret fails if any file under dir holds a secret.
func assertNoSecret(t *testing.T, dir string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		for _, s := range []string{outsideSecret, envSecret, gitSecret, "root:x:0:0"} {
			if strings.Contains(string(data), s) {
				t.Errorf("%s holds %q", p, s)
			}
		}
		return nil
	})
}

func TestHostileLinksAreReportedAndNeverPublished(t *testing.T) {
	src := hostileSite(t)
	// almanac.toml is a link out of the site: check says so first of all.
	code, stdout, _ := run(t, "check", "--source", src, "--now", "2026-11-26", "--no-cache")
	if code != ExitFailed || !strings.Contains(stdout, "almanac.toml: error: symbolic link leads outside the site's folder") {
		t.Fatalf("check with almanac.toml linked out: exit %d\n%s", code, stdout)
	}
	if err := os.Remove(filepath.Join(src, "almanac.toml")); err != nil {
		t.Fatal(err)
	}

	code, stdout, _ = run(t, "check", "--source", src, "--now", "2026-11-26", "--no-cache")
	if code != ExitFailed {
		t.Errorf("check exit %d, want %d", code, ExitFailed)
	}
	for _, l := range hostileLinks {
		if l.at == "almanac.toml" {
			continue
		}
		if !strings.Contains(stdout, l.at+":") {
			t.Errorf("check does not name %s (a link to %s)", l.at, l.target)
		}
	}
	if !strings.Contains(stdout, "static/pipe.txt: error: not a regular file (a named pipe)") {
		t.Errorf("check does not report the named pipe")
	}
	if strings.Contains(stdout, "no problems") {
		t.Errorf("check calls a hostile site clean")
	}
	for _, s := range []string{outsideSecret, envSecret, gitSecret} {
		if strings.Contains(stdout, s) {
			t.Errorf("check printed the secret %q", s)
		}
	}

	// build publishes nothing, and leaves nothing with a secret beside
	// its output.
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := run(t, "build", "--source", src, "--dest", out, "--now", "2026-11-26", "--no-cache")
	if code != ExitFailed {
		t.Errorf("build exit %d, want %d\n%s", code, ExitFailed, stderr)
	}
	assertNoSecret(t, filepath.Dir(out))

	// The preview shows the errors and serves none of the files.
	srv := startPreview(t, src)
	for _, p := range []string{"env.txt", "passwd.txt", "gitconfig.txt", "up.txt", "outdir/secret.txt",
		"handbook/env.txt", "handbook/config.txt", "handbook/secret/", "pipe.txt", "../outside/secret.txt",
		"%2e%2e/outside/secret.txt", ".git/config", "static/env.txt"} {
		resp, err := http.Get(srv.URL() + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, s := range []string{outsideSecret, envSecret, gitSecret, "root:x:0:0"} {
			if strings.Contains(string(body), s) {
				t.Errorf("serve /%s answers %d with %q", p, resp.StatusCode, s)
			}
		}
		if resp.StatusCode == http.StatusOK && !strings.Contains(string(body), "<html") {
			t.Errorf("serve /%s answers 200 with a file", p)
		}
	}
}

// Links that stay inside the site are followed; a link to a folder is a
// warning and is not followed.
func TestLinksInsideTheSiteBuild(t *testing.T) {
	src := writeSite(t, map[string]string{
		"almanac.toml":          "title = \"T\"\n",
		"content/team.md":       "---\ntitle: Team\n---\nSee [the runbook](runbook.md) and [notes](notes.txt).\n",
		"shared/runbook.md":     "---\ntitle: Runbook\n---\nRestart it.\n",
		"shared/notes.txt":      "notes\n",
		"static/files/logo.txt": "logo\n",
	})
	for _, l := range []struct{ target, at string }{
		{"../shared/runbook.md", "content/runbook.md"},
		{"../shared/notes.txt", "content/notes.txt"},
		{"files/logo.txt", "static/logo.txt"},
		{"../shared", "static/shared"},
	} {
		if err := os.Symlink(l.target, filepath.Join(src, filepath.FromSlash(l.at))); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := run(t, "build", "--source", src, "--dest", out, "--now", "2026-11-26", "--no-cache")
	if code != ExitOK {
		t.Fatalf("build exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "static/shared: warning: symbolic link to a folder is not followed") {
		t.Errorf("no warning for the folder link:\n%s", stderr)
	}
	for name, want := range map[string]string{"runbook/index.html": "Restart it.", "notes.txt": "notes\n", "logo.txt": "logo\n"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s = %q, %v; want it to hold %q", name, data, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "shared")); err == nil {
		t.Errorf("the linked folder was published")
	}

	// The preview follows the same links.
	srv := startPreview(t, src)
	for name, want := range map[string]string{"runbook/": "Restart it.", "notes.txt": "notes\n", "logo.txt": "logo\n"} {
		resp, err := http.Get(srv.URL() + name)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("serve /%s = %d %q, want it to hold %q", name, resp.StatusCode, body, want)
		}
	}
}

// The default highlighting cache is kept outside the site, one folder per
// site, so that nothing a pull request commits is read as cached output.
func TestCachePathIsOutsideTheSite(t *testing.T) {
	env := func(vars map[string]string) Env {
		return Env{Getenv: func(k string) string { return vars[k] }}
	}
	site := t.TempDir()
	home := t.TempDir()
	tests := []struct {
		vars      map[string]string
		dir       string
		off       bool
		wantUnder string // "" means no cache on disk
	}{
		{map[string]string{"HOME": home}, "", false, filepath.Join(home, ".cache", "almanac")},
		{map[string]string{"HOME": home, "XDG_CACHE_HOME": "/var/cache/x"}, "", false, "/var/cache/x/almanac"},
		{map[string]string{"HOME": home, "XDG_CACHE_HOME": "relative"}, "", false, filepath.Join(home, ".cache", "almanac")},
		{map[string]string{}, "", false, ""},
		{map[string]string{"HOME": home}, "/tmp/chosen", false, "/tmp/chosen"},
		{map[string]string{"HOME": home}, "", true, ""},
	}
	for _, tt := range tests {
		got := cachePath(env(tt.vars), site, tt.dir, tt.off)
		switch {
		case tt.wantUnder == "" && got != "":
			t.Errorf("cachePath(%v, %q, %v) = %q, want none", tt.vars, tt.dir, tt.off, got)
		case tt.wantUnder != "" && !strings.HasPrefix(got, tt.wantUnder):
			t.Errorf("cachePath(%v, %q, %v) = %q, want it under %q", tt.vars, tt.dir, tt.off, got, tt.wantUnder)
		case got != "" && strings.HasPrefix(got, site):
			t.Errorf("cachePath(%v) = %q: inside the site", tt.vars, got)
		}
	}
	other := cachePath(env(map[string]string{"HOME": home}), t.TempDir(), "", false)
	if other == cachePath(env(map[string]string{"HOME": home}), site, "", false) {
		t.Errorf("two sites share the cache folder %s", other)
	}
}
