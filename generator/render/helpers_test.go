package render

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"almanac/generator/output"
	"almanac/generator/site"
)

// theme is the repository's own default theme.
func theme() fs.FS { return os.DirFS("../..") }

// renderSite renders s with the default theme (and siteFS laid over it)
// into memory.
func renderSite(t *testing.T, s *site.Site, siteFS fs.FS, opts ...func(*Options)) *output.Memory {
	t.Helper()
	o := Options{Theme: theme(), Site: siteFS}
	for _, f := range opts {
		f(&o)
	}
	r, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	out := output.NewMemory()
	if err := r.Render(context.Background(), s, out); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return out
}

// get returns an output file as a string, failing the test when it is
// missing.
func get(t *testing.T, out *output.Memory, name string) string {
	t.Helper()
	b, ok := out.Get(name)
	if !ok {
		t.Fatalf("no output file %s; have %s", name, strings.Join(out.Names(), ", "))
	}
	return string(b)
}

// mapFS turns a string of "-- path --" sections into a file system, so a
// test reads like the site it builds.
func mapFS(txt string) fstest.MapFS {
	m := fstest.MapFS{}
	var name string
	var body []string
	flush := func() {
		if name != "" {
			m[name] = &fstest.MapFile{Data: []byte(strings.Join(body, "\n"))}
		}
	}
	for _, line := range strings.Split(txt, "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
			flush()
			name, body = strings.TrimSpace(line[3:len(line)-3]), nil
			continue
		}
		if name != "" {
			body = append(body, line)
		}
	}
	flush()
	return m
}

// merge lays the files of b over those of a.
func merge(a, b fstest.MapFS) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}
